import Testing
@testable import ClerkCore

/// The rules every event meets before it is folded: ids in the grammar, numbers in range,
/// a splice never trapping whatever its numbers.
@Suite struct EventRulesTests {
    @Test func idGrammar() {
        for good in ["a", "whpl-2026-12-17-2", "i-5", "e-1kz0f", String(repeating: "a", count: 100)] {
            #expect(IDGrammar.isValid(good), "\(good)")
        }
        for bad in ["", "-a", "../../x", "a/b", "tab\there", "A", "a b", "é", "a\u{1B}", String(repeating: "a", count: 101)] {
            #expect(!IDGrammar.isValid(bad), "\(bad)")
        }
        #expect(IDGrammar.shown("a\u{1B}]0;x\u{7}\u{202E}") == "'a\\u{1b}]0;x\\u{7}\\u{202e}'")
    }

    @Test func splicesNeverTrap() {
        for (at, delete) in [(Int.max, 1), (1, Int.max), (Int.max, Int.max), (-1, 0), (0, -1), (Int.min, Int.min), (4, 0)] {
            #expect(Splice(at: at, delete: delete, insert: "x").apply(to: "abc") == nil, "\(at) \(delete)")
        }
        #expect(Splice(at: 3, delete: 0, insert: "d").apply(to: "abc") == "abcd")
        #expect(Splice(at: 0, delete: 3, insert: "").apply(to: "abc") == "")
    }

    @Test func malformedEventsAreNamed() {
        let splice = Event.entryEdited(EntryEdited(meetingID: "m", entryID: "e-1", splices: [Splice(at: Int.max, delete: 1, insert: "")]))
        #expect(splice.malformation?.contains("splice at") == true)
        let path = Event.meetingScheduled(Meeting(id: "../../x", committeeID: "c", title: "", date: CalendarDate(iso: "2026-01-01")!))
        #expect(path.malformation == "id '../../x' is not a valid id (1–100 of a–z 0–9 -)")
        let quorum = Event.termsChanged(TermsChanged(committeeID: "c", name: "", terms: TermsOfReference(
            quorum: .fractionOfMembers(numerator: 1, denominator: 0)), coreOrganisations: []))
        #expect(quorum.malformation?.contains("quorum denominator 0") == true)
        let fine = Event.itemAdded(ItemAdded(meetingID: "m", item: AgendaItem(id: "i-1", title: "x", minutes: 30)))
        #expect(fine.malformation == nil)
        var record = MeetingRecord(meetingID: "m")
        record.apply(splice, from: "meetings/m.jsonl line 9")
        #expect(record.anomalies.first?.hasPrefix("meetings/m.jsonl line 9: minutes.entry-edited: splice at") == true)
    }
}
