import ClerkCore
import Foundation
import TextCells

/// RFC 4180 CSV as spreadsheets open it: UTF-8 (with a byte-order mark when asked, so that
/// Excel reads it as UTF-8), CRLF line ends, quoted where needed, and cells a spreadsheet
/// would run as a formula (=, +, -, @, tab, CR) prefixed with an apostrophe. Control
/// characters and bidi overrides in a cell are shown as visible symbols, as on the screen
/// (a line feed inside a quoted cell is kept).
public enum CSV {
    public static func encode(_ header: [String], _ rows: [[String]], byteOrderMark: Bool = false) -> String {
        func cell(_ s: String) -> String {
            var s = Sanitize.visibleKeepingLines(s)
            if let first = s.first, "=+-@\t\r".contains(first) { s = "'" + s }
            if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == ";" }) {
                return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
            }
            return s
        }
        let body = ([header] + rows).map { $0.map(cell).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
        return (byteOrderMark ? "\u{FEFF}" : "") + body
    }
}

/// The action log a chair keeps in a spreadsheet: one row per action with its committee,
/// meeting, owner, due date (as minuted and as a date), status and latest update.
public struct ActionLogRow: Encodable, Sendable, Hashable {
    public var id: String
    public var committee: String
    public var meeting: String
    public var meetingDate: String
    public var number: String
    public var action: String
    public var owner: String
    public var due: String
    public var deadline: String?
    public var status: String
    public var overdue: Bool
    public var lastUpdate: String?
    public var lastNote: String?
}

public enum ActionLog {
    /// The rows for these actions, in the order given. Confidential actions, and those raised
    /// under a confidential item (`confidentialItem` says which), are left out unless included
    /// explicitly.
    public static func rows(_ actions: [Action], archive: ArchiveState, today: CalendarDate,
                            confidentiality: Confidentiality = .redacted,
                            confidentialItem: (MeetingID, ItemID) -> Bool = { _, _ in false }) -> [ActionLogRow] {
        // One pass over the withdrawn actions for the whole log, not one per row.
        let numbering = archive.publicNumbering()
        return actions.compactMap { a in
            // Raised by mistake: never published.
            if a.status == .withdrawn { return nil }
            if confidentiality == .redacted, a.confidential || a.itemID.map({ confidentialItem(a.meetingID, $0) }) == true {
                return nil
            }
            let last = a.history.last
            return ActionLogRow(
                id: a.id, committee: archive.committees[a.committeeID]?.code ?? a.committeeID, meeting: a.meetingID,
                meetingDate: archive.meetings[a.meetingID]?.date.iso ?? "", number: Action.numeral(numbering.number(of: a)),
                action: a.text, owner: archive.ownerName(a.owner), due: a.due.text,
                deadline: a.due.deadline?.iso, status: a.status.rawValue, overdue: a.isOverdue(on: today),
                lastUpdate: last?.on.iso, lastNote: last?.note)
        }
    }

    public static let csvHeader = ["id", "committee", "meeting", "meeting date", "number", "action", "owner", "due",
                                   "deadline", "status", "overdue", "last update", "last note"]

    public static func csv(_ rows: [ActionLogRow]) -> String {
        CSV.encode(csvHeader, rows.map {
            [$0.id, $0.committee, $0.meeting, $0.meetingDate, $0.number, $0.action, $0.owner, $0.due, $0.deadline ?? "",
             $0.status, $0.overdue ? "yes" : "no", $0.lastUpdate ?? "", $0.lastNote ?? ""]
        }, byteOrderMark: true)
    }

    /// The rows as JSON: the record's text exact, with control characters and bidi
    /// overrides as `\uXXXX` escapes (harmless to a terminal, decoded by any program).
    public static func json(_ rows: [ActionLogRow]) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Sanitize.escapingJSON(String(decoding: try encoder.encode(rows), as: UTF8.self)) + "\n"
    }
}
