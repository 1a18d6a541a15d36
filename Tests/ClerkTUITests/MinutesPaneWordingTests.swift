import ClerkCore
@testable import ClerkTUI
import Testing

/// The minutes pane words decisions and noted points as the exports do: the committee's
/// house style, and text that already resolves kept as typed.
@Suite struct MinutesPaneWordingTests {
    @Test func theMinutesPaneUsesTheCommitteesHouseStyle() throws {
        var archive = ArchiveState()
        let date = CalendarDate(year: 2027, month: 1, day: 20)!
        func run(_ events: [Event]) { events.forEach { archive.apply($0) } }
        run(try archive.addPerson(Person(id: "mary-hart", name: "Mary Hart", title: "Cllr", initials: "MH")))
        let terms = TermsOfReference(quorum: .members(1), style: HouseStyle.Preset.localGovernment.style)
        run(try archive.createCommittee(Committee(id: "planning", name: "Planning Committee", code: "pl", terms: terms,
                                                  memberships: [Membership(personID: "mary-hart", organisationID: nil, role: .chair)])))
        run(try archive.scheduleMeeting("planning", on: date))
        var record = MeetingRecord(meetingID: "pl-2027-01-20")
        let entries: [(EntryKind, String)] = [
            (.decision, "That the report be noted."),
            (.decision, "RESOLVED – That the application be refused."),
            (.noted, "The applicant had withdrawn."),
            (.noted, "NHS England had written."),
        ]
        record.apply(.itemAdded(ItemAdded(meetingID: record.meetingID, item: AgendaItem(id: "i-1", title: "Planning applications"))))
        for (n, (kind, text)) in entries.enumerated() {
            record.apply(.entryAdded(EntryAdded(meetingID: record.meetingID,
                                                entry: MinuteEntry(id: "e-\(n)", itemID: "i-1", kind: kind, text: text))))
        }
        let data = ViewData(archive: archive, record: record, today: date, clock: TimeOfDay(hour: 19, minute: 0)!)
        let lines = MeetingPanes.minutes(record, width: 100, data: data).rows.map { $0.spans.map(\.text).joined() }
        #expect(lines.contains("  RESOLVED – That the report be noted."), "\(lines)")
        #expect(lines.contains("  RESOLVED – That the application be refused."), "\(lines)")
        #expect(lines.contains("  It was noted that the applicant had withdrawn."), "\(lines)")
        #expect(lines.contains("  It was noted that NHS England had written."), "\(lines)")
        #expect(!lines.contains { $0.contains("agreed that RESOLVED") || $0.contains("That That") })
    }
}

/// The terms screen's house style field: a preset by name, a reason after a colon; a name
/// it does not know refused with the ones it does.
@Suite struct HouseStyleFieldTests {
    @Test func presetsAreReadAndUnknownNamesRefused() throws {
        #expect(try HouseStyleField.parse("nhs_board") == HouseStyle.Preset.nhsBoard.style)
        #expect(try HouseStyleField.parse("  Council ") == HouseStyle.Preset.localGovernment.style)
        #expect(try HouseStyleField.parse("") == nil)
        #expect(try HouseStyleField.parse("informal") == nil)
        var withReason = HouseStyle.Preset.localGovernment.style
        withReason.exclusionReason = "paragraph 3 of Schedule 12A"
        #expect(try HouseStyleField.parse("local-government: paragraph 3 of Schedule 12A") == withReason)
        #expect(HouseStyleField.value(TermsOfReference(style: withReason)) == "local-government committee — part 2: paragraph 3 of Schedule 12A")
        #expect(HouseStyleField.prefill(TermsOfReference(style: withReason)) == "local-government: paragraph 3 of Schedule 12A")
        do {
            _ = try HouseStyleField.parse("parish council")
            Issue.record("an unknown style was accepted")
        } catch let error as CommandError {
            #expect(error.message == "no house style 'parish council'; type nhs-board, local-government or informal")
        }
    }
}
