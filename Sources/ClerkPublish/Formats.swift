import TextCells

/// Plain text wrapped for email: 72 columns, items numbered and indented as seed 001.
struct TextFormat {
    var width: Int

    func render(_ d: Document) -> String {
        var out: [String] = []
        func blank() { if out.last?.isEmpty == false { out.append("") } }
        func wrap(_ text: String, indent: Int, hanging: Int? = nil) {
            out += DisplayWidth.wrap(Sanitize.visible(text), width: max(10, width - indent)).enumerated().map { i, line in
                String(repeating: " ", count: i == 0 ? indent : (hanging ?? indent)) + line
            }
        }
        d.title.forEach { wrap($0, indent: 0) }
        blank()
        d.details.forEach { wrap($0, indent: 0) }
        if let status = d.status { blank(); wrap(status, indent: 0) }
        var inSub = false
        var lastWasParagraph = false
        for block in d.blocks {
            defer {
                switch block {
                case .paragraph, .list: lastWasParagraph = true
                default: lastWasParagraph = false
                }
            }
            switch block {
            case .section(let title):
                blank()
                wrap(title.uppercased(), indent: 0)
                blank()
                inSub = false
            case .group(let name, let lines):
                blank()
                if let name { wrap(name, indent: 0) }
                lines.forEach { wrap($0, indent: 2, hanging: 4) }
            case .item(let label, let title, let isSub, let referenced):
                blank()
                let heading = Document.heading(label, title, referenced: referenced)
                if isSub { wrap(heading, indent: 3, hanging: 6) } else { wrap(heading, indent: 0, hanging: 3) }
                inSub = isSub
            case .itemDetails(let lines):
                lines.forEach { wrap($0, indent: inSub ? 6 : 3) }
            case .paragraph(let text, _):
                if lastWasParagraph { blank() }
                // A line break typed inside the paragraph stays one.
                text.split(separator: "\n", omittingEmptySubsequences: false).forEach { wrap(String($0), indent: inSub ? 6 : 3) }
            case .list(let items, _):
                if lastWasParagraph { blank() }
                for item in items {
                    let marker = (item.marker ?? "-") + " "
                    let indent = (inSub ? 6 : 3) + 3 * item.level
                    for (i, line) in item.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        wrap((i == 0 ? marker : String(repeating: " ", count: marker.count)) + line,
                             indent: indent, hanging: indent + marker.count)
                    }
                }
            case .action(let label, let text, let due):
                let pad = max(6, label.count + 1)
                let lines = DisplayWidth.wrap(Sanitize.visible(text + (due.map { " — \($0)" } ?? "")), width: max(10, width - pad))
                let label = Sanitize.visible(label)
                for (i, line) in lines.enumerated() {
                    out.append((i == 0 ? label + String(repeating: " ", count: pad - label.count) : String(repeating: " ", count: pad)) + line)
                }
            }
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }
}

/// CommonMark, readable as it stands. Every piece of the record is escaped where CommonMark
/// would read it as markup — and only there — so nothing in it can become a heading, a list,
/// a link, raw HTML or emphasis in the reader's program. Typed line breaks are hard breaks
/// and typed lists stay lists, nested as typed.
struct MarkdownFormat {
    func render(_ d: Document) -> String {
        var out: [String] = []
        func para(_ s: String) { out.append(s); out.append("") }
        if d.title.count > 1 { para(Self.escape(d.title[0])) }
        para("# " + Self.escape(d.title.last ?? ""))
        para(d.details.map(Self.escape).joined(separator: "\\\n"))
        if let status = d.status { para("*" + Self.escape(status) + "*") }
        for block in d.blocks {
            switch block {
            case .section(let title): para("## " + Self.escape(title))
            case .group(let name, let lines):
                if let name { para("**" + Self.escape(name) + "**") }
                para(lines.map { "- " + Self.escape($0) }.joined(separator: "\n"))
            case .item(let label, let title, let isSub, let referenced):
                para((isSub ? "#### " : "### ") + Self.escape(label) + (referenced ? " " : ". ") + Self.escape(title))
            case .itemDetails(let lines):
                para(lines.map { "*" + Self.escape($0) + "*" }.joined(separator: "\\\n"))
            case .paragraph(let text, let emphasis):
                let e = Self.escapeLines(text)
                switch emphasis {
                case .plain, .noted: para(e)
                case .decision: para("**" + e + "**")
                case .correction: para("> " + e.replacingOccurrences(of: "\n", with: "\n> "))
                case .muted: para("*" + e + "*")
                }
            case .list(let items, let emphasis):
                para(Self.list(items, strong: emphasis == .decision))
            case .action(let label, let text, let due):
                para(Self.escape(label) + " " + Self.escape(text) + (due.map { " — *" + Self.escape($0) + "*" } ?? ""))
            }
        }
        while out.last?.isEmpty == true { out.removeLast() }
        return out.joined(separator: "\n") + "\n"
    }

    /// A typed list as CommonMark: each level indented to the text of the item above it.
    static func list(_ items: [Document.ListItem], strong: Bool) -> String {
        var columns: [Int] = [0]
        var lines: [String] = []
        for item in items {
            while columns.count > item.level + 1 { columns.removeLast() }
            let pad = String(repeating: " ", count: columns.last ?? 0)
            let marker = (item.marker ?? "-") + " "
            let text = escapeLines(item.text).replacingOccurrences(of: "\n", with: "\n" + pad + String(repeating: " ", count: marker.count))
            lines.append(pad + marker + (strong ? "**" + text + "**" : text))
            if columns.count == item.level + 1 { columns.append((columns.last ?? 0) + marker.count) }
        }
        return lines.joined(separator: "\n")
    }

    /// Text with typed line breaks: each line escaped, the breaks made hard breaks.
    static func escapeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "\\\n")
    }

    /// Backslash-escapes what CommonMark would read as markup, and nothing else: `\`, `` ` ``,
    /// `*`, `_`, `[`, `<` anywhere; `&` where it would start an entity; `#` at either end
    /// (an ATX heading and its closing sequence); and at the start of a line what starts a
    /// block (`>`, `-`, `+`, `=`, "1." or "1)"). Control characters from the record are shown
    /// as symbols first (line breaks are split off by `escapeLines` before this).
    static func escape(_ text: String) -> String {
        var out = ""
        let chars = Array(Sanitize.visible(text))
        var leadingDigits = true
        for (i, c) in chars.enumerated() {
            if "\\`*_[<".contains(c) {
                out += "\\" + String(c)
            } else if c == "&", startsEntity(chars, at: i) {
                out += "\\&"
            } else if c == "#", i == 0 || chars[i...].allSatisfy({ $0 == "#" }) {
                out += "\\#"
            } else if i == 0, ">-+=".contains(c) {
                out += "\\" + String(c)
            } else if i > 0, leadingDigits, c == "." || c == ")" {
                out += "\\" + String(c)
            } else {
                out.append(c)
            }
            if !(c.isASCII && c.isNumber) { leadingDigits = false }
        }
        return out
    }

    /// "&amp;", "&#39;", "&copy;": what CommonMark would turn into a character.
    static func startsEntity(_ chars: [Character], at i: Int) -> Bool {
        var j = i + 1
        if j < chars.count, chars[j] == "#" { j += 1 }
        let start = j
        while j < chars.count, j - start < 32, chars[j].isASCII, chars[j].isLetter || chars[j].isNumber { j += 1 }
        return j > start && j < chars.count && chars[j] == ";"
    }
}

/// One self-contained HTML file that prints on A4: no scripts, no outside resources.
struct HTMLFormat {
    func render(_ d: Document) -> String {
        var body: [String] = []
        if d.title.count > 1 { body.append("<p class=\"kicker\">\(Self.escape(d.title[0]))</p>") }
        body.append("<h1>\(Self.escape(d.title.last ?? ""))</h1>")
        body.append("<p class=\"details\">" + d.details.map(Self.escape).joined(separator: "<br>") + "</p>")
        if let status = d.status { body.append("<p class=\"status\">\(Self.escape(status))</p>") }
        var listOpen = false
        func closeList() { if listOpen { body.append("</ol>"); listOpen = false } }
        for block in d.blocks {
            if case .action = block {} else { closeList() }
            switch block {
            case .section(let title): body.append("<h2>\(Self.escape(title))</h2>")
            case .group(let name, let lines):
                if let name { body.append("<h3 class=\"group\">\(Self.escape(name))</h3>") }
                body.append("<ul class=\"people\">" + lines.map { "<li>\(Self.escape($0))</li>" }.joined() + "</ul>")
            case .item(let label, let title, let isSub, let referenced):
                let tag = isSub ? "h4" : "h3"
                body.append("<\(tag) class=\"item\"><span class=\"number\">\(Self.escape(label))\(referenced ? "" : ".")</span> \(Self.escape(title))</\(tag)>")
            case .itemDetails(let lines):
                body.append("<p class=\"item-details\">" + lines.map(Self.escape).joined(separator: "<br>") + "</p>")
            case .paragraph(let text, let emphasis):
                let cls = switch emphasis {
                case .plain: "note"
                case .noted: "noted"
                case .decision: "decision"
                case .correction: "correction"
                case .muted: "muted"
                }
                body.append("<p class=\"\(cls)\">\(Self.escapeLines(text))</p>")
            case .list(let items, let emphasis):
                body.append(Self.list(items, cls: emphasis == .decision ? "typed decision" : "typed"))
            case .action(let label, let text, let due):
                if !listOpen { body.append("<ol class=\"actions\">"); listOpen = true }
                let dueText = due.map { " <span class=\"due\">— \(Self.escape($0))</span>" } ?? ""
                body.append("<li><span class=\"number\">\(Self.escape(label))</span> \(Self.escape(text))\(dueText)</li>")
            }
        }
        closeList()
        let title = Self.escape(d.title.joined(separator: " ") + " — " + (d.details.first ?? ""))
        return """
        <!DOCTYPE html>
        <html lang="en-GB">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title)</title>
        <style>
        \(Self.style)
        </style>
        </head>
        <body>
        \(body.joined(separator: "\n"))
        </body>
        </html>

        """
    }

    static let style = """
    @page { size: A4; margin: 20mm 18mm; }
    body { font: 11pt/1.45 "DejaVu Serif", Georgia, serif; color: #000; max-width: 174mm; margin: 1.5em auto; padding: 0 1em; }
    h1 { font-size: 17pt; margin: 0 0 .4em; }
    h2 { font-size: 12pt; text-transform: uppercase; letter-spacing: .05em; margin: 1.6em 0 .5em; border-bottom: 1px solid #888; }
    h3, h4 { font-size: 11pt; margin: 1.1em 0 .3em; page-break-after: avoid; break-after: avoid; }
    h4 { margin-left: 1.5em; }
    h3.group { font-style: italic; font-weight: normal; margin-top: .6em; }
    .kicker { margin: 0; }
    .details { margin: 0 0 .6em; }
    .status { font-style: italic; margin-left: 0; }
    ul.people { list-style: none; margin: 0 0 .4em; padding-left: 1.5em; }
    p { margin: 0 0 .55em 1.5em; orphans: 3; widows: 3; }
    h4 + p, h4 ~ p { margin-left: 3em; }
    .item-details { font-style: italic; }
    .decision { font-weight: bold; }
    .correction { border-left: 3px solid #888; padding-left: .6em; }
    .muted { color: #555; }
    ul.typed, ol.typed { margin: 0 0 .55em 1.5em; padding-left: 1.5em; }
    ul.typed ul, ul.typed ol, ol.typed ul, ol.typed ol { padding-left: 1.5em; }
    ol.actions { list-style: none; padding-left: 0; }
    ol.actions li { margin: 0 0 .4em; padding-left: 3em; text-indent: -3em; break-inside: avoid; }
    .number { display: inline-block; min-width: 1.8em; text-indent: 0; }
    .due { font-style: italic; }
    """

    /// A typed list as nested `ul` (bullets) and `ol` (numbers) lists.
    static func list(_ items: [Document.ListItem], cls: String) -> String {
        var out = ""
        var open: [String] = []
        for item in items {
            let tag = item.marker == nil ? "ul" : "ol"
            while open.count > item.level + 1 { out += "</li></\(open.removeLast())>" }
            if open.count == item.level + 1 {
                if open.last != tag { out += "</li></\(open.removeLast())>" } else { out += "</li>" }
            }
            while open.count < item.level + 1 {
                out += open.isEmpty ? "<\(tag) class=\"\(cls)\">" : "<\(tag)>"
                open.append(tag)
            }
            out += "<li>" + escapeLines(item.text)
        }
        while let tag = open.popLast() { out += "</li></\(tag)>" }
        return out
    }

    /// Escaped text with each typed line break as `<br>`.
    static func escapeLines(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false).map { escape(String($0)) }.joined(separator: "<br>")
    }

    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in Sanitize.visible(text) {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }
}
