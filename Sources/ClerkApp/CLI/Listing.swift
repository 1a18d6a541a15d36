import ClerkCore
import Foundation

/// Plain-text tables, CSV and JSON for the listing commands. Text from the archive is
/// made safe before it reaches a terminal: control characters are shown, never sent.
enum Listing {
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let cleanRows = rows.map { $0.map(Text.visible) }
        let rowWidths = cleanRows.map { $0.map(Text.width) }
        var widths = header.map(Text.width)
        for row in rowWidths {
            for (i, w) in row.enumerated() where i < widths.count { widths[i] = max(widths[i], w) }
        }
        var out: [UInt8] = []
        out.reserveCapacity((rows.count + 1) * (widths.reduce(0, +) + 2 * widths.count + 1))
        func line(_ cells: [String], _ cellWidths: [Int]) {
            for (i, cell) in cells.enumerated() {
                out.append(contentsOf: cell.utf8)
                if i < cells.count - 1 {
                    out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: widths[i] - cellWidths[i] + 2))
                }
            }
            out.append(UInt8(ascii: "\n"))
        }
        line(header, header.map(Text.width))
        for (row, rowWidth) in zip(cleanRows, rowWidths) { line(row, rowWidth) }
        return String(decoding: out, as: UTF8.self)
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

    /// Ends the process once the output is written, without freeing a large archive piece
    /// by piece first: the operating system takes it back at once.
    static func finish(keeping store: AnyObject) -> Never {
        fflush(nil)
        withExtendedLifetime(store) { Foundation.exit(0) }
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
        if s.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return s }
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
        if s.utf8.allSatisfy({ $0 < 0x80 }) { return s.utf8.count }
        return s.reduce(0) { total, c in
            guard let u = c.unicodeScalars.first else { return total }
            let v = u.value
            let wide = (0x1100...0x115F).contains(v) || (0x2E80...0xA4CF).contains(v) || (0xAC00...0xD7A3).contains(v)
                || (0xF900...0xFAFF).contains(v) || (0xFE30...0xFE4F).contains(v) || (0xFF00...0xFF60).contains(v)
                || (0xFFE0...0xFFE6).contains(v) || (0x1F300...0x1FAFF).contains(v) || (0x20000...0x3FFFD).contains(v)
            return total + (wide ? 2 : 1)
        }
    }
}
