import ClerkCore
@testable import ClerkTUI
import Testing

/// Paragraphs wrapped once and kept for the next build of the minutes pane: a record
/// followed live, with paragraphs added, edited and removed, gives the same pane as one
/// built with nothing remembered, at every width.
@Suite struct WrapMemoTests {
    @Test func aRememberedWrapGivesTheSamePaneAsAFreshOne() throws {
        var archive = ArchiveState()
        let date = CalendarDate(year: 2027, month: 1, day: 20)!
        archive.apply(.committeeCreated(Committee(id: "c", name: "C", code: "c", terms: TermsOfReference())))
        for e in try archive.scheduleMeeting("c", on: date) { archive.apply(e) }
        var record = MeetingRecord(meetingID: "c-2027-01-20")
        record.apply(.itemAdded(ItemAdded(meetingID: record.meetingID, item: AgendaItem(id: "i-1", title: "Reports"))))
        record.apply(.itemAdded(ItemAdded(meetingID: record.meetingID, item: AgendaItem(id: "i-2", title: "Other business"))))
        let cache = PaneCache()
        var rng: UInt64 = 5
        let words = ["the", "board", "agreed", "café", "日本語", "👨‍👩‍👧", "commissioning", "a", "plan\nwith a line"]
        for round in 0..<40 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            let n = record.entries.count
            let text = (0..<Int(rng >> 58) + 1).map { words[Int((rng >> UInt64($0 % 50)) % UInt64(words.count))] }.joined(separator: " ")
            if n > 2, (rng >> 20) % 4 == 0 {
                record.apply(.entryEdited(EntryEdited(meetingID: record.meetingID, entryID: record.entries[n / 2].id,
                                                      splices: [Splice(at: 0, delete: 0, insert: text + " ")])))
            } else if n > 4, (rng >> 20) % 7 == 1 {
                record.apply(.entryRemoved(EntryRemoved(meetingID: record.meetingID, entryID: record.entries[1].id)))
            } else {
                record.apply(.entryAdded(EntryAdded(meetingID: record.meetingID,
                                                    entry: MinuteEntry(id: "e-\(round)", itemID: round % 3 == 0 ? "i-2" : "i-1",
                                                                       kind: .note, text: text))))
            }
            let width = [100, 40, 100, 12][round % 4]
            let remembered = ViewData(archive: archive, record: record, today: date, clock: TimeOfDay(hour: 19, minute: 0)!,
                                      revision: round, cache: cache)
            let fresh = ViewData(archive: archive, record: record, today: date, clock: TimeOfDay(hour: 19, minute: 0)!)
            let a = MeetingPanes.minutes(record, width: width, data: remembered)
            #expect(a.rows == MeetingPanes.minutes(record, width: width, data: fresh).rows, "round \(round)")
        }
        #expect(record.entries.count > 20)
    }
}
