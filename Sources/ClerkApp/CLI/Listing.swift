import ClerkCore
import ClerkPublish
import Foundation
import Terminal

/// Plain-text tables, CSV and JSON for the listing commands. Text from the archive is
/// made safe before it reaches a terminal: control characters are shown, never sent.
enum Listing {
    static func table(_ header: [String], _ rows: [[String]]) -> String {
        let cleanRows = rows.map { $0.map(Sanitize.visible) }
        let rowWidths = cleanRows.map { $0.map { DisplayWidth.width(of: $0) } }
        var widths = header.map { DisplayWidth.width(of: $0) }
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
        line(header, header.map { DisplayWidth.width(of: $0) })
        for (row, rowWidth) in zip(cleanRows, rowWidths) { line(row, rowWidth) }
        return String(decoding: out, as: UTF8.self)
    }

    /// RFC 4180 CSV, formula-safe (see `CSV.encode`).
    static func csv(_ header: [String], _ rows: [[String]]) -> String {
        CSV.encode(header, rows)
    }

    /// Ends the process once the output is written, without freeing a large archive piece
    /// by piece first: the operating system takes it back at once.
    static func finish(keeping store: AnyObject) -> Never {
        fflush(nil)
        withExtendedLifetime(store) { Foundation.exit(0) }
    }

    /// JSON with the archive's text exact: control characters and bidi overrides as
    /// `\uXXXX` escapes, harmless to a terminal and decoded by any program.
    static func json<T: Encodable>(_ value: T) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Sanitize.escapingJSON(String(decoding: try encoder.encode(value), as: UTF8.self)) + "\n"
    }

    /// Free text for a terminal (messages, reports): control characters and bidi overrides
    /// shown as symbols, line breaks kept.
    static func text(_ text: String) -> String {
        Sanitize.visibleKeepingLines(text)
    }
}
