import ClerkCore
import TextCells

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
        /// A numbered agenda item: "1", or a lettered sub-item "a"; or an item known by its
        /// reference ("GB/2425/017"), `referenced`, printed before the title without a dot.
        case item(label: String, title: String, isSub: Bool, referenced: Bool = false)
        /// What an agenda pack says under an item: presenter, papers, timing.
        case itemDetails([String])
        /// A paragraph; a "\n" in it is a line break typed inside the paragraph.
        case paragraph(String, Emphasis)
        /// A list as typed, nested by `ListItem.level`.
        case list([ListItem], Emphasis)
        /// Actions as minuted: "(i)" and the text ("LMC to look at…"), with the due date.
        case action(label: String, text: String, due: String?)
    }

    /// One entry of a typed list: its depth (0 at the outside), its number as typed ("1.",
    /// "2)") or nil for a bullet, and its text (a "\n" is a line break).
    public struct ListItem: Sendable, Hashable {
        public var level: Int
        public var marker: String?
        public var text: String

        public init(level: Int, marker: String?, text: String) {
            self.level = level
            self.marker = marker
            self.text = text
        }
    }

    /// "1. Title", "a. Title", or "GB/2425/017 Title".
    static func heading(_ label: String, _ title: String, referenced: Bool) -> String {
        label + (referenced ? " " : ". ") + title
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

    /// The document in this format. Each format shows the record's control characters as
    /// visible symbols piece by piece; the whole is checked once more on the way out, so
    /// that no C0 or C1 control or bidi override reaches a terminal or a file, whatever a
    /// builder put in (see docs/publishing.md).
    public func render(_ document: Document) -> String {
        let text = switch self {
        case .text: TextFormat(width: 72).render(document)
        case .markdown: MarkdownFormat().render(document)
        case .html: HTMLFormat().render(document)
        }
        return Sanitize.visibleKeepingLines(text)
    }
}

/// Whether confidential (part II) items, their minutes and actions are included. Left out
/// unless asked for: the default export is the public version.
public enum Confidentiality: Sendable, Hashable {
    case redacted, included
}

extension String {
    /// Control characters from the record become visible symbols (ESC as ␛), as on the
    /// screen, so that nothing in an exported file can drive the program that shows it.
    var visible: String { Sanitize.visible(self) }

    var trimmedSpaces: String {
        var s = Substring(self)
        while s.first == " " { s.removeFirst() }
        while s.last == " " { s.removeLast() }
        return String(s)
    }
}
