import ClerkCore
import ClerkPublish
import ClerkTestSupport
import Foundation
import Testing

/// Three committees of a trust meeting in common (Audit, Finance, People), minuted through
/// the Core commands as the screen would: the same people present for two or three of them,
/// Raj Patel absent with a different deputy on Finance and on People, each committee's own
/// quorum, shared items minuted once, decisions of some committees labelled.
struct CommonCommittees {
    static let audit: CommitteeID = "audit", finance: CommitteeID = "finance", people: CommitteeID = "people"
    static let meeting: MeetingID = "aud-2027-03-10"
    var state = ArchiveState()
    var record = MeetingRecord(meetingID: meeting)
    static let date = CalendarDate(year: 2027, month: 3, day: 10)!
    var n = 0

    mutating func context(_ hour: Int, _ minute: Int) -> CommandContext {
        let time = TimeOfDay(hour: hour, minute: minute)!
        n += 1
        let base = n * 10
        var c = CommandContext(now: Instant(date: Self.date, time: time), today: Self.date) { "\($0)\(base)" }
        c.time = time
        return c
    }

    mutating func run(_ events: [Event]) {
        for e in events {
            if case .archive = e.scope { state.apply(e) } else { record.apply(e) }
        }
    }

    var ctx: MeetingContext { get throws { try MeetingContext(archive: state, record: record) } }

    init() throws {
        run(try state.addOrganisation(Organisation(id: "trust", name: "Harbour Valley Trust")))
        let people = [
            Person(id: "jane-roe", name: "Jane Roe", title: "Dr", organisationID: "trust", initials: "JR"),
            Person(id: "tom-hill", name: "Tom Hill", title: "Mr", organisationID: "trust", initials: "TH"),
            Person(id: "ann-lee", name: "Ann Lee", title: "Ms", organisationID: "trust", initials: "AL"),
            Person(id: "raj-patel", name: "Raj Patel", title: "Professor", organisationID: "trust", initials: "RP"),
            Person(id: "sam-cole", name: "Sam Cole", title: "Mr", organisationID: "trust", initials: "SC"),
            Person(id: "kim-ford", name: "Kim Ford", title: "Mrs", organisationID: "trust", initials: "KF"),
            Person(id: "bea-moss", name: "Bea Moss", title: "Ms", organisationID: "trust", initials: "BM"),
            Person(id: "ruth-green", name: "Ruth Green", position: "Board Secretary", organisationID: "trust", initials: "RG"),
        ]
        for p in people { run(try state.addPerson(p)) }
        let style = HouseStyle.Preset.nhsBoard.style
        for (id, name, code, quorum) in [(Self.audit, "Audit Committee", "aud", 2), (Self.finance, "Finance Committee", "fin", 3),
                                         (Self.people, "People Committee", "ppl", 3)] {
            var terms = TermsOfReference(quorum: .members(quorum), style: style)
            terms.standingItems = [.apologies, .declarations]
            run(try state.createCommittee(Committee(id: id, name: name, code: code, terms: terms)))
        }
        let seats: [(PersonID, CommitteeID, Role, PersonID?)] = [
            ("jane-roe", Self.audit, .chair, nil), ("tom-hill", Self.audit, .member, nil), ("ann-lee", Self.audit, .member, nil),
            ("ruth-green", Self.audit, .secretariat, nil),
            ("raj-patel", Self.finance, .chair, nil), ("jane-roe", Self.finance, .member, nil), ("tom-hill", Self.finance, .member, nil),
            ("sam-cole", Self.finance, .alternate, "raj-patel"),
            ("ann-lee", Self.people, .chair, nil), ("tom-hill", Self.people, .member, nil), ("raj-patel", Self.people, .member, nil),
            ("bea-moss", Self.people, .member, nil), ("kim-ford", Self.people, .alternate, "raj-patel"),
        ]
        for (p, c, role, alt) in seats {
            run(try state.startMembership(c, Membership(personID: p, organisationID: "trust", role: role, alternateFor: alt)))
        }
        run(try state.scheduleMeeting(Self.audit, on: Self.date, start: TimeOfDay(hour: 14, minute: 0),
                                      end: TimeOfDay(hour: 16, minute: 0), venue: "Board Room, Harbour House"))
        run(try state.holdInCommon(Self.meeting, with: [Self.finance, Self.people], chair: "jane-roe"))
        let items: [(ItemID, String, StandingItem?, String?)] = [
            ("i-apologies", "Welcome and apologies", .apologies, nil),
            ("i-declarations", "Declarations of interest", .declarations, nil),
            ("i-accounts", "Annual accounts 2026/27 timetable", nil, "Report of the Director of Finance"),
            ("i-workforce", "Workforce plan", nil, "To receive and note"),
        ]
        for (id, title, standing, description) in items {
            run(try ctx.addItem(AgendaItem(id: id, title: title, standing: standing, description: description),
                                after: try ctx.record.topLevelItems.last?.id))
        }
        for p in ["jane-roe", "tom-hill", "ann-lee", "ruth-green"] { run(try ctx.mark(p, .present)) }
        run(try ctx.mark("raj-patel", .apologies))
        run(try ctx.mark("bea-moss", .apologies))
        run(try ctx.mark("sam-cole", .deputy(for: "raj-patel", confirmedException: false), for: Self.finance))
        run(try ctx.mark("kim-ford", .deputy(for: "raj-patel", confirmedException: false), for: Self.people))
        run(try ctx.start(context: context(14, 2)))
        run(try ctx.declare("tom-hill", on: "i-workforce", interest: "his spouse works in the trust's recruitment team",
                            context: context(14, 3)))
        run(try ctx.setCurrentItem("i-accounts", context: context(14, 10)))
        run(try ctx.addEntry(to: "i-accounts", kind: .note, text: "The Director of Finance presented the timetable for the annual accounts.",
                             context: context(14, 11)))
        run(try ctx.addEntry(to: "i-accounts", kind: .decision, text: "the timetable be approved.", committees: [Self.audit, Self.finance],
                             context: context(14, 20)))
        run(try ctx.setCurrentItem("i-workforce", context: context(14, 30)))
        run(try ctx.addEntry(to: "i-workforce", kind: .noted, text: "vacancies had fallen to 6% of posts.", context: context(14, 31)))
        run(try ctx.addEntry(to: "i-workforce", kind: .decision, text: "the workforce plan be recommended to the Board.",
                             committees: [Self.people], context: context(14, 40)))
        let leaving = try ctx.markAttendance("kim-ford", .deputy(for: "raj-patel", confirmedException: false),
                                             departed: TimeOfDay(hour: 14, minute: 45), at: TimeOfDay(hour: 14, minute: 45)!)
        run(leaving)
        run(try ctx.close(context: context(15, 5)))
    }
}

/// The combined minutes and one committee's extract: docs/examples holds them (CLERK_RECORD=1 rewrites).
@Suite struct InCommonMinutesTests {
    @Test(arguments: [DocumentFormat.text, .html, .markdown])
    func theCombinedMinutesAndTheExtractAsPublished(format: DocumentFormat) throws {
        let f = try CommonCommittees()
        for (only, name) in [(nil, "minutes-in-common-2027-03-10"), (CommonCommittees.people, "minutes-in-common-people-2027-03-10")] {
            let document = try MinutesDocument.build(archive: f.state, record: f.record, committee: only)
            let path = "docs/examples/\(name).\(format.fileExtension)"
            #expect(try Golden.matches(path, format.render(document)), "\(path) differs; re-record with CLERK_RECORD=1 if intended")
        }
    }

    @Test func theCombinedMinutesGroupAttendanceByCommitteeAndLabelDecisions() throws {
        let f = try CommonCommittees()
        let text = DocumentFormat.text.render(try MinutesDocument.build(archive: f.state, record: f.record)).flowed
        #expect(text.contains("The meeting was quorate for Audit Committee, Finance Committee and People Committee."))
        #expect(text.contains("Audit Committee and Finance Committee: It was RESOLVED that the timetable be approved."))
        #expect(text.contains("People Committee: It was RESOLVED that the workforce plan"))
        #expect(text.contains("ceased to be quorate for People Committee"))
        #expect(text.contains("deputising for Professor Raj Patel"))
        // Minuted once, for all three.
        #expect(text.components(separatedBy: "vacancies had fallen").count == 2)
    }

    @Test func anExtractHasOnlyItsOwnAttendanceQuorumAndDecisions() throws {
        let f = try CommonCommittees()
        let finance = DocumentFormat.text.render(try MinutesDocument.build(archive: f.state, record: f.record,
                                                                           committee: CommonCommittees.finance)).flowed
        #expect(finance.contains("Held in common with Audit Committee and People Committee"))
        #expect(finance.contains("Sam Cole") && !finance.contains("Kim Ford") && !finance.contains("Ann Lee"))
        #expect(finance.contains("The meeting was quorate for Finance Committee."))
        #expect(finance.contains("the timetable be approved") && !finance.contains("workforce plan be recommended"))
        #expect(finance.contains("vacancies had fallen"))
        #expect(!finance.contains("ceased to be quorate"))
        // Tom Hill sits on Finance: his declaration is in its extract.
        #expect(finance.contains("Mr Tom Hill (TH) declared an interest"))
    }

    @Test func anExtractForACommitteeNotInTheMeetingIsRefusedInOneLine() throws {
        var f = try CommonCommittees()
        f.run(try f.state.createCommittee(Committee(id: "estates", name: "Estates Committee", code: "est", terms: TermsOfReference())))
        #expect(throws: CommandError.self) { try MinutesDocument.build(archive: f.state, record: f.record, committee: "estates") }
        do {
            _ = try MinutesDocument.build(archive: f.state, record: f.record, committee: "estates")
        } catch let e as CommandError {
            #expect(e.message.contains("Estates Committee is not one of the committees") && !e.message.contains("\n"))
        }
    }
}

extension String {
    /// The text with its lines run together: wrapping does not matter to what is said.
    var flowed: String { split(whereSeparator: \.isWhitespace).joined(separator: " ") }
}
