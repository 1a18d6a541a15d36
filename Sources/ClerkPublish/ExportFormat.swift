import Foundation
import ZIPFoundation

/// Every format minutes and agenda packs are exported in: the text formats, Word and
/// OpenDocument (built here), and PDF (printed from the HTML by a renderer the program
/// finds on the machine).
public enum ExportFormat: String, Sendable, CaseIterable {
    case text, markdown, html, docx, odt, pdf

    public var fileExtension: String {
        switch self {
        case .text: "txt"
        case .markdown: "md"
        case .html: "html"
        case .docx, .odt, .pdf: rawValue
        }
    }

    /// "txt", "md", "html", "docx", "odt", "pdf" and their usual other spellings.
    public init?(name: String) {
        if let text = DocumentFormat(name: name) {
            self.init(text)
        } else {
            switch name.lowercased() {
            case "docx", "word": self = .docx
            case "odt", "opendocument": self = .odt
            case "pdf": self = .pdf
            default: return nil
            }
        }
    }

    public init(_ format: DocumentFormat) {
        switch format {
        case .text: self = .text
        case .markdown: self = .markdown
        case .html: self = .html
        }
    }

    /// The text format this is, if it is one.
    public var textFormat: DocumentFormat? {
        switch self {
        case .text: .text
        case .markdown: .markdown
        case .html: .html
        case .docx, .odt, .pdf: nil
        }
    }

    public static let names = "txt, md, html, docx, odt or pdf"

    /// The format of an export: from `--format`, else from the ending of the file name,
    /// else plain text. When both are given and disagree the export is refused, in one line.
    public static func resolve(format: String?, fileName: String?) throws -> ExportFormat {
        let named = try format.map { text in
            guard let f = ExportFormat(name: text) else { throw ExportFormatError("\(text) is not a format minutes are exported in; use \(names)") }
            return f
        }
        let ending = fileName.flatMap { name -> ExportFormat? in
            let base = name.split(separator: "/").last.map(String.init) ?? name
            guard let dot = base.lastIndex(of: "."), dot != base.startIndex else { return nil }
            return ExportFormat(name: String(base[base.index(after: dot)...]))
        }
        switch (named, ending) {
        case (let f?, let e?) where f != e:
            throw ExportFormatError("--format \(f.fileExtension) and the file name's ending .\(e.fileExtension) disagree; give one, or make them match")
        case (let f?, _): return f
        case (nil, let e?): return e
        case (nil, nil): return .text
        }
    }

    /// The document's bytes in this format; PDF is printed from the HTML by `PDFRenderer`
    /// (the program's edge), so it is not made here.
    public func data(_ document: Document) throws -> Data {
        switch self {
        case .text, .markdown, .html: Data(textFormat!.render(document).utf8)
        case .docx: try WordFormat().render(document)
        case .odt: try OpenDocumentFormat().render(document)
        case .pdf: throw ExportFormatError("PDF is printed from the HTML export; use PDFRenderer")
        }
    }
}

public struct ExportFormatError: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A zip package, written with ZIPFoundation: entries in the order given, each dated 1
/// January 1980 (the earliest a zip can say) so that the same document gives the same bytes.
enum Package {
    static let epoch = Date(timeIntervalSince1970: 315_532_800)

    static func zip(_ entries: [(path: String, data: Data, compressed: Bool)]) throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        for entry in entries {
            let bytes = entry.data
            try archive.addEntry(with: entry.path, type: .file, uncompressedSize: Int64(bytes.count), modificationDate: epoch,
                                 permissions: 0o644, compressionMethod: entry.compressed ? .deflate : .none) { position, size in
                bytes.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ExportFormatError("the document could not be packaged") }
        return data
    }
}

/// The document as a run of paragraphs the office formats lay out alike.
struct Flow {
    enum Kind { case kicker, title, details, status, section, group, person, item, subItem, itemDetails, body, listItem, action }

    struct Paragraph {
        var kind: Kind
        /// Lines of the paragraph: a typed line break between each.
        var lines: [String]
        var emphasis: Document.Emphasis = .plain
        /// Depth inside the item (sub-item, list level).
        var depth = 0
    }

    static func paragraphs(_ d: Document) -> [Paragraph] {
        var out: [Paragraph] = []
        if d.title.count > 1 { out.append(Paragraph(kind: .kicker, lines: [d.title[0]])) }
        out.append(Paragraph(kind: .title, lines: [d.title.last ?? ""]))
        if !d.details.isEmpty { out.append(Paragraph(kind: .details, lines: d.details)) }
        if let status = d.status { out.append(Paragraph(kind: .status, lines: [status])) }
        var inSub = false
        for block in d.blocks {
            switch block {
            case .section(let title):
                out.append(Paragraph(kind: .section, lines: [title]))
                inSub = false
            case .group(let name, let lines):
                if let name { out.append(Paragraph(kind: .group, lines: [name])) }
                out += lines.map { Paragraph(kind: .person, lines: [$0]) }
            case .item(let label, let title, let isSub, let referenced):
                out.append(Paragraph(kind: isSub ? .subItem : .item, lines: [Document.heading(label, title, referenced: referenced)]))
                inSub = isSub
            case .itemDetails(let lines):
                out.append(Paragraph(kind: .itemDetails, lines: lines, depth: inSub ? 1 : 0))
            case .paragraph(let text, let emphasis):
                out.append(Paragraph(kind: .body, lines: text.components(separatedBy: "\n"), emphasis: emphasis, depth: inSub ? 1 : 0))
            case .list(let items, let emphasis):
                for item in items {
                    var lines = item.text.components(separatedBy: "\n")
                    lines[0] = (item.marker ?? ["•", "◦", "▪"][item.level % 3]) + "\t" + lines[0]
                    out.append(Paragraph(kind: .listItem, lines: lines, emphasis: emphasis, depth: (inSub ? 1 : 0) + item.level))
                }
            case .action(let label, let text, let due):
                out.append(Paragraph(kind: .action, lines: [label + "\t" + text + (due.map { " — \($0)" } ?? "")]))
            }
        }
        return out
    }
}

/// XML text: the five characters XML gives meaning to escaped, and the characters XML 1.0
/// cannot hold at all (the record's control characters are already made visible) dropped.
enum OfficeXML {
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            default:
                let v = scalar.value
                if v == 0x9 || v == 0xA || v == 0xD || (v >= 0x20 && v <= 0xD7FF) || (v >= 0xE000 && v <= 0xFFFD) || v >= 0x10000 {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }
}
