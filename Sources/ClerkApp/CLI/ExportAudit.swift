import ClerkCore
import ClerkPublish
import ClerkStore

/// `clerk export minutes M --include-confidential --audit`: the full record with an
/// appendix of every change made to the meeting (its agenda, attendance, minutes and
/// actions), oldest first, with who and when. Times are UTC, so that an export stays the
/// same bytes wherever it is made.
enum ExportAudit {
    static let heading = "APPENDIX: CHANGES TO THIS RECORD"

    /// A clock that shows every instant in UTC; it is never asked for now.
    static let utc = Clock(reading: { ClockReading(instant: Instant(secondsSinceEpoch: 0), today: Instant(secondsSinceEpoch: 0).date,
                                                   time: Instant(secondsSinceEpoch: 0).time) },
                           local: { ClockReading(instant: $0, today: $0.date, time: $0.time) })

    static func blocks(_ store: ArchiveStore, meeting: MeetingID, access: Access) throws -> [Document.Block] {
        let rows = try Log.rows(store, meeting: meeting, person: nil, access: access, clock: utc)
        let lines = rows.map { "\($0.when) UTC · \($0.who) · \($0.what)" }
        return [.section(heading), lines.isEmpty ? .paragraph("No changes recorded.", .muted) : .list(lines.map {
            Document.ListItem(level: 0, marker: nil, text: $0)
        }, .plain)]
    }
}
