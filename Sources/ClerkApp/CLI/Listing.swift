import ClerkCore
import Foundation

/// Plain-text tables, CSV and JSON for the listing commands. Text from the archive is
/// made safe before it reaches a terminal: control characters are shown, never sent.
enum Listing {
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let cleanRows = rows.map { $0.map(Text.visible) }
        var widths = header.map(Text.width)
        for row in cleanRows {
            for (i, cell) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], Text.width(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var out = ""
            for (i, cell) in cells.enumerated() {
                if i == cells.count - 1 { out += cell } else { out += cell + String(repeating: " ", count: widths[i] - Text.width(cell) + 2) }
            }
            return out
        }
        return ([line(header)] + cleanRows.map(line)).joined(separator: "\n") + "\n"
    }

    /// RFC 4180 CSV. Cells that a spreadsheet would run as a formula are prefixed with an
    /// apostrophe, so an exported action log cannot carry a formula into someone's sheet.
    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        func cell(_ s: String) -> String {
            var s = s
            if let first = s.first, "=+-@\t\r".contains(first) { s = "'" + s }
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
        return ([header] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self) + "\n"
    }
}

/// Text measures for plain output (the screen has its own, in the Terminal layer).
enum Text {
    /// Control characters (C0, DEL, C1) and bidirectional overrides shown as visible symbols.
    static func visible(_ s: String) -> String {
        var out = String.UnicodeScalarView()
        for u in s.unicodeScalars {
            switch u.value {
            case 0x00...0x1F: out.append(Unicode.Scalar(0x2400 + u.value)!)
            case 0x7F: out.append("\u{2421}")
            case 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: out.append("\u{FFFD}")
            default: out.append(u)
            }
        }
        return String(out)
    }

    static func width(_ s: String) -> Int {
        s.reduce(0) { total, c in
            guard let u = c.unicodeScalars.first else { return total }
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
