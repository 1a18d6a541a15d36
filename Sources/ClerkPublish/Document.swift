import ClerkCore

/// A record laid out for reading away from clerk: minutes or an agenda pack, built once
/// from the archive and written out as plain text, Markdown or HTML by a `Format`. The
/// builders decide what goes in (and what confidential content stays out); the formats
/// only decide how it looks, and escape everything that comes from the record.
public struct Document: Sendable, Hashable {
    /// The opening lines, as on seed 001: "Notes from the meeting of", the committee.
    public var title: [String]
    /// Date, time and venue, one per line.
    public var details: [String]
    /// "Draft minutes — not yet approved", "Minutes approved on 15 July 2008".
    public var status: String?
    public var blocks: [Block]

    public init(title: [String], details: [String], status: String?, blocks: [Block]) {
        self.title = title
        self.details = details
        self.status = status
        self.blocks = blocks
    }

    public enum Block: Sendable, Hashable {
        /// "IN ATTENDANCE", "APOLOGIES", "ACTIONS ARISING FROM THE MEETING".
        case section(String)
        /// An attendance group ("West Herts PBC Leads") and its people, one per line.
        case group(String?, [String])
        /// A numbered agenda item: "1", or a lettered sub-item "a".
        case item(label: String, title: String, isSub: Bool)
        /// What an agenda pack says under an item: presenter, papers, timing.
        case itemDetails([String])
        case paragraph(String, Emphasis)
        /// Actions as minuted: "(i)" and the text ("LMC to look at…"), with the due date.
        case action(label: String, text: String, due: String?)
    }

    public enum Emphasis: Sendable, Hashable {
        case plain, noted, decision, correction, muted
    }
}

/// The way a document is written out.
public enum DocumentFormat: String, Sendable, CaseIterable {
    case text, markdown, html

    /// The usual file extension.
    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        }
    }

    /// "txt", "text", "md", "markdown", "html", "htm".
    public init?(name: String) {
        switch name.lowercased() {
        case "txt", "text": self = .text
        case "md", "markdown": self = .markdown
        case "html", "htm": self = .html
        default: return nil
        }
    }

    public func render(_ document: Document) -> String {
        switch self {
        case .text: TextFormat(width: 72).render(document)
        case .markdown: MarkdownFormat().render(document)
        case .html: HTMLFormat().render(document)
        }
    }
}

/// Whether confidential (part II) items, their minutes and actions are included. Left out
/// unless asked for: the default export is the public version.
public enum Confidentiality: Sendable, Hashable {
    case redacted, included
}

enum Roman {
    /// "i", "ii", "iv": actions are numbered in roman as minuted.
    static func numeral(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = n, out = ""
        for (value, letters) in table {
            while n >= value { out += letters; n -= value }
        }
        return out
    }
}

extension String {
    /// Control characters from the record become visible symbols (ESC as ␛), so that nothing
    /// in an exported file can drive the terminal or program that shows it.
    var visible: String {
        var out = String.UnicodeScalarView()
        for s in unicodeScalars {
            switch s.value {
            case 0x09: out.append(" ")
            case 0x00..<0x20: out.append(Unicode.Scalar(0x2400 + s.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80..<0xA0, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: out.append("\u{FFFD}")
            default: out.append(s)
            }
        }
        return String(out)
    }

    /// The record's multi-paragraph text, paragraph by paragraph, each made visible.
    var paragraphs: [String] {
        split(whereSeparator: \.isNewline).map { String($0).visible.trimmedSpaces }.filter { !$0.isEmpty }
    }

    var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
