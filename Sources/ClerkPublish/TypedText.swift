/// Text as it was typed into the minutes, read into the blocks a document is made of: a
/// blank line ends a paragraph, a single line break stays a line break inside it, and lines
/// that start with "- ", "* " or "1. " (indented by spaces to nest) make a list.
enum TypedText {
    static func blocks(_ text: String, emphasis: Document.Emphasis) -> [Document.Block] {
        var blocks: [Document.Block] = []
        var lines: [String] = []
        var items: [Document.ListItem] = []
        var indents: [Int] = []
        func flushParagraph() {
            if !lines.isEmpty { blocks.append(.paragraph(lines.joined(separator: "\n"), emphasis)) }
            lines = []
        }
        func flushList() {
            if !items.isEmpty { blocks.append(.list(items, emphasis)) }
            items = []
            indents = []
        }
        for raw in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            let line = String(raw).visible
            let indent = line.prefix { $0 == " " }.count
            let body = line.trimmedSpaces
            if body.isEmpty {
                flushParagraph()
                flushList()
                continue
            }
            if let (marker, rest) = listMarker(body) {
                flushParagraph()
                // The nesting level is the place of this indent among the open ones.
                while let last = indents.last, last > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
                items.append(Document.ListItem(level: indents.count - 1, marker: marker, text: rest))
            } else if !items.isEmpty, indent > 0 {
                // A continuation line of the list item above.
                items[items.count - 1].text += "\n" + body
            } else {
                flushList()
                lines.append(body)
            }
        }
        flushParagraph()
        flushList()
        return blocks
    }

    /// "- text", "* text" (nil marker: a bullet), "1. text", "2) text" (the number kept).
    static func listMarker(_ body: String) -> (String?, String)? {
        if body.hasPrefix("- ") || body.hasPrefix("* ") || body.hasPrefix("• ") {
            return (nil, String(body.dropFirst(2)).trimmedSpaces)
        }
        let digits = body.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return nil }
        let after = body.dropFirst(digits.count)
        guard let punct = after.first, punct == "." || punct == ")", after.dropFirst().first == " " else { return nil }
        return (String(digits) + String(punct), String(after.dropFirst(2)).trimmedSpaces)
    }
}
