import ClerkCore
import ClerkPublish
import ClerkTestSupport
import Foundation
import Testing

/// A governing body whose items carry running references (`GB/{yy}{yy+1}/{n:03}`,
/// restarting each April) and which meets in its usual venue unless a meeting says
/// otherwise: the March meeting ends the 2024/25 count, the April meeting starts 2025/26.
/// docs/examples holds the April agenda and minutes (CLERK_RECORD=1 rewrites).
struct ReferencedBoard {
    static let id: CommitteeID = "harbour-valley-gb"
    var state = ArchiveState()
    var records: [MeetingID: MeetingRecord] = [:]
    var n = 0
    var march: MeetingID = ""
    var april: MeetingID = ""

    mutating func context(_ iso: String, _ hour: Int = 10, _ minute: Int = 0) -> CommandContext {
        let date = CalendarDate(iso: iso)!, time = TimeOfDay(hour: hour, minute: minute)!
        n += 1
        let ids = IDs(base: n * 100)
        return CommandContext(now: Instant(date: date, time: time), today: date) { ids.next($0) }.with(time: time)
    }

    mutating func run(_ events: [Event]) {
        for event in events {
            switch event.scope {
            case .archive: state.apply(event)
            case .meeting(let id): records[id, default: MeetingRecord(meetingID: id)].apply(event)
            }
        }
    }

    func meeting(_ id: MeetingID) throws -> MeetingContext {
        try MeetingContext(archive: state, record: records[id] ?? MeetingRecord(meetingID: id))
    }

    mutating func plan(_ iso: String, items: [String], venue: String = "") throws -> MeetingID {
        let events = try state.planMeeting(Self.id, on: CalendarDate(iso: iso)!, start: TimeOfDay(hour: 10, minute: 0),
                                           end: TimeOfDay(hour: 12, minute: 0), venue: venue, context: context(iso))
        run(events)
        guard case .meetingScheduled(let m)? = events.first else { throw CommandError(.invalid, "not planned") }
        for (i, title) in items.enumerated() {
            let ctx = try meeting(m.id)
            let after = ctx.record.topLevelItems.first { $0.standing == .actionLog }?.id
            let previous = i == 0 ? after : ctx.record.topLevelItems.first { $0.title == items[i - 1] }?.id
            run(try ctx.addItem(AgendaItem(id: "\(m.id)-\(i + 1)", title: title), after: previous))
        }
        return m.id
    }

    init() throws {
        run(try state.addOrganisation(Organisation(id: "hv", name: "Harbour Valley")))
        run(try state.addPerson(Person(id: "ruth-amos", name: "Ruth Amos", title: "Dr", position: "Chair", organisationID: "hv", initials: "RA")))
        run(try state.addPerson(Person(id: "ian-bell", name: "Ian Bell", title: "Mr", position: "Director of Finance", organisationID: "hv", initials: "IB")))
        let terms = TermsOfReference(
            quorum: .members(2),
            standingItems: [StandingItemSpec(kind: .apologies, title: "Welcome and apologies"), .declarations,
                            StandingItemSpec(kind: .previousMinutes, title: "Minutes of the previous meeting"),
                            StandingItemSpec(kind: .actionLog, title: "Matters arising / action log"),
                            StandingItemSpec(kind: nil, title: "Patient story", onByDefault: false),
                            .anyOtherBusiness, .nextMeeting],
            defaultVenue: "Committee Room 2, Harbour House",
            references: ItemReferenceScheme(pattern: "GB/{yy}{yy+1}/{n:03}", restartMonth: 4))
        run(try state.createCommittee(Committee(id: Self.id, name: "Harbour Valley Governing Body", code: "gb", terms: terms,
            memberships: [Membership(personID: "ruth-amos", organisationID: "hv", role: .chair),
                          Membership(personID: "ian-bell", organisationID: "hv", role: .member)])))
        march = try plan("2025-03-20", items: ["Finance report, month 11"])
        run(try meeting(march).publishAgenda(context: context("2025-03-10")))
        for person in ["ruth-amos", "ian-bell"] { run(try meeting(march).mark(person, .present)) }
        run(try meeting(march).start(context: context("2025-03-20", 10, 0)))
        let finance = "\(march)-1"
        run(try meeting(march).addEntry(to: finance, kind: .noted, text: "the year-end forecast is break-even.", context: context("2025-03-20", 10, 30)))
        run(try state.raiseAction(in: march, item: finance, text: "to bring the final accounts", owner: "IB", due: "2025-05-31",
                                  context: context("2025-03-20", 10, 31)))
        run(try meeting(march).close(context: context("2025-03-20", 11, 50)))
        april = try plan("2025-04-17", items: ["Annual plan 2025/26", "Board assurance framework"], venue: "remote https://teams.example.org/l/meetup-join/19%3aboard")
        let plan = try meeting(april)
        let arising = plan.record.topLevelItems.first { $0.standing == .actionLog }!.id
        run(try plan.refer(arising, to: finance, of: records[march]!))
        run(try meeting(april).publishAgenda(context: context("2025-04-07")))
        for person in ["ruth-amos", "ian-bell"] { run(try meeting(april).mark(person, .present)) }
        run(try meeting(april).start(context: context("2025-04-17", 10, 0)))
        run(try meeting(april).addEntry(to: "\(april)-1", kind: .decision, text: "the annual plan be approved.", context: context("2025-04-17", 10, 40)))
        run(try state.raiseAction(in: april, item: "\(april)-1", text: "to publish the plan", owner: "RA", due: "2025-05-01",
                                  context: context("2025-04-17", 10, 41)))
        run(try meeting(april).close(context: context("2025-04-17", 11, 55)))
    }
}

/// Ids in order within one command: "e-301", "e-302"…
final class IDs: @unchecked Sendable {
    private let lock = NSLock()
    private var n: Int
    init(base: Int) { n = base }
    func next(_ prefix: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        n += 1
        return "\(prefix)\(n)"
    }
}

@Suite struct ReferencedItemsTests {
    @Test(arguments: [DocumentFormat.text, .html, .markdown])
    func theAprilAgendaAndMinutesAsPublished(format: DocumentFormat) throws {
        let b = try ReferencedBoard()
        let record = try #require(b.records[b.april])
        for (name, document) in [("agenda-gb-2025-04-17", try AgendaDocument.build(archive: b.state, record: record)),
                                 ("minutes-gb-2025-04-17", try MinutesDocument.build(archive: b.state, record: record))] {
            let path = "docs/examples/\(name).\(format.fileExtension)"
            #expect(try Golden.matches(path, format.render(document)), "\(path) differs; re-record with CLERK_RECORD=1 if intended")
        }
    }

    @Test func itemsPrintByReferenceWithoutANumberAndTheVenueShows() throws {
        let b = try ReferencedBoard()
        let march = DocumentFormat.text.render(try AgendaDocument.build(archive: b.state, record: b.records[b.march]!))
        let agenda = DocumentFormat.text.render(try AgendaDocument.build(archive: b.state, record: b.records[b.april]!))
        let minutes = DocumentFormat.text.render(try MinutesDocument.build(archive: b.state, record: b.records[b.april]!))
        // March closes the 2024/25 count; April starts again at 001.
        #expect(march.contains("GB/2425/001 Welcome and apologies"))
        #expect(march.contains("GB/2425/005 Finance report, month 11"))
        #expect(march.contains("GB/2425/007 Date of next meeting"))
        #expect(agenda.contains("GB/2526/001 Welcome and apologies"))
        #expect(agenda.contains("GB/2526/005 Annual plan 2025/26"))
        #expect(!agenda.contains("1. GB/") && !agenda.contains("Patient story"))
        // Matters arising name the earlier item by its reference.
        #expect(agenda.contains("Arising from the meeting of Thursday 20 March 2025, item GB/2425/005"))
        #expect(minutes.contains("GB/2526/005 Annual plan 2025/26"))
        #expect(march.contains("Committee Room 2, Harbour House"))
        #expect(agenda.contains("Remote: https://teams.example.org/l/meetup-join/19%3aboard"))
        #expect(minutes.contains("Remote: https://teams.example.org/l/meetup-join/19%3aboard"))
        // Nothing else of the archive is numbered differently: the counter is per committee.
        #expect(b.state.committees[ReferencedBoard.id]?.referenceCounters == ["2024": 7, "2025": 8])
    }
}
