import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// The archive layer: events routed to segments, reopened, checkpointed, shared between
/// sessions, and refused when they would damage something.
@Suite struct ArchiveStoreTests {
    let dir: TempDir
    var path: String { dir.path + "/archive" }

    init() throws {
        dir = try TempDir()
        try ArchiveStore.create(at: path)
    }

    static let now = Instant(date: CalendarDate(year: 2026, month: 11, day: 19)!, time: TimeOfDay(hour: 13, minute: 0)!)

    static func context(_ label: String) -> CommandContext {
        nonisolated(unsafe) var n = 0
        return CommandContext(now: now) { prefix in
            n += 1
            return "\(prefix)\(label)\(n)"
        }
    }

    /// A committee with two people and one meeting, committed through the store.
    func seed(_ store: ArchiveStore) throws -> MeetingID { try Self.seed(store) }

    static func seed(_ store: ArchiveStore) throws -> MeetingID {
        try store.commit(at: Self.now) { store in
            var s = store.state
            var events: [Event] = []
            func run(_ e: [Event]) { e.forEach { s.apply($0) }; events += e }
            run(try s.addOrganisation(Organisation(id: "lmc", name: "LMC")))
            run(try s.addPerson(Person(id: "peter-graves", name: "Peter Graves", title: "Dr", organisationID: "lmc", initials: "PG")))
            run(try s.createCommittee(Committee(id: "herts-pbc-leads", name: "Hertfordshire PBC Leads", code: "hpbc",
                                                terms: TermsOfReference(cadence: Cadence(text: "monthly on the 3rd Thursday")),
                                                memberships: [Membership(personID: "peter-graves", organisationID: "lmc", role: .member)])))
            run(try s.scheduleMeeting("herts-pbc-leads", on: CalendarDate(year: 2026, month: 11, day: 19)!))
            return events
        }
        return "hpbc-2026-11-19"
    }

    @Test func eventsGoToTheirSegmentsAndSurviveReopening() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let meeting = try seed(store)
        try store.commit(at: Self.now) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meeting))
            return try ctx.addItem(AgendaItem(id: "i-1", title: "Provider services"))
        }
        try store.commit(at: Self.now) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meeting))
            return try ctx.addEntry(to: "i-1", kind: .noted, text: "adult services were more responsive — café ✓ 日本",
                                    context: Self.context("a"))
        }
        #expect(FileManager.default.fileExists(atPath: path + "/journal/meetings/\(meeting).jsonl"))
        let reopened = try ArchiveStore(directory: path, mode: .readOnly)
        #expect(reopened.state.committees["herts-pbc-leads"]?.name == "Hertfordshire PBC Leads")
        let record = try reopened.record(of: meeting)
        #expect(record.items.map(\.title) == ["Provider services"])
        #expect(record.entries.first?.text == "adult services were more responsive — café ✓ 日本")
        #expect(reopened.state.anomalies.isEmpty && record.anomalies.isEmpty)
    }

    @Test func aRefusedCommandWritesNothing() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        _ = try seed(store)
        let before = try Data(contentsOf: URL(fileURLWithPath: path + "/journal/archive.jsonl"))
        #expect(throws: CommandError.self) {
            try store.commit(at: Self.now) { store in
                try store.state.raiseAction(in: "hpbc-2026-11-19", item: nil, text: "", owner: "LMC", due: "ongoing",
                                            context: Self.context("x"))
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path + "/journal/archive.jsonl")) == before)
    }

    @Test func readOnlySessionsCannotWrite() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        _ = try seed(store)
        let reader = try ArchiveStore(directory: path, mode: .readOnly)
        #expect(throws: StoreError.self) { try reader.commit(at: Self.now) { _ in [] } }
    }

    @Test func twoSessionsSeeEachOthersEditsAndNeitherIsLost() throws {
        let secretary = try ArchiveStore(directory: path, mode: .readWrite)
        let meeting = try seed(secretary)
        let chair = try ArchiveStore(directory: path, mode: .readWrite)
        try secretary.commit(at: Self.now) { s in
            try s.state.raiseAction(in: meeting, item: nil, text: "to arrange next meetings", owner: "LMC", due: "ongoing",
                                    context: Self.context("s"))
        }
        // The chair has not refreshed: commit catches up before running the command.
        try chair.commit(at: Self.now) { c in
            let action = try #require(c.state.actions.values.first)
            return try c.state.updateAction(action.id, status: .inProgress, note: "dates proposed", context: Self.context("c"))
        }
        try secretary.commit(at: Self.now) { s in
            try s.state.raiseAction(in: meeting, item: nil, text: "to write to Anne Walker", owner: "PG", due: "ongoing",
                                    context: Self.context("s2"))
        }
        #expect(try secretary.refresh() == true || secretary.state.actions.count == 2)
        #expect(try chair.refresh())
        for store in [secretary, chair] {
            #expect(store.state.actions.count == 2)
            #expect(store.state.actions.values.contains { $0.status == .inProgress && $0.history.count == 1 })
        }
    }

    @Test func checkpointIsUsedAndIgnoredWhenItDoesNotMatch() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        _ = try seed(store)
        try store.writeCheckpoint()
        let reopened = try ArchiveStore(directory: path, mode: .readOnly)
        #expect(reopened.state == store.state)
        // A checkpoint taken of another journal is never applied to this one.
        let other = dir.path + "/other"
        try ArchiveStore.create(at: other)
        let otherStore = try ArchiveStore(directory: other, mode: .readWrite)
        try otherStore.commit(at: Self.now) { s in try s.state.addOrganisation(Organisation(id: "watcom", name: "WatCom")) }
        try otherStore.writeCheckpoint()
        try FileManager.default.removeItem(atPath: path + "/cache/archive-checkpoint.json")
        try FileManager.default.copyItem(atPath: other + "/cache/archive-checkpoint.json", toPath: path + "/cache/archive-checkpoint.json")
        let fresh = try ArchiveStore(directory: path, mode: .readOnly)
        #expect(fresh.state == store.state)
        #expect(fresh.state.organisations["watcom"] == nil)
        // A damaged checkpoint is ignored, never trusted.
        try Data("garbage\n{".utf8).write(to: URL(fileURLWithPath: path + "/cache/archive-checkpoint.json"))
        #expect(try ArchiveStore(directory: path, mode: .readOnly).state == store.state)
    }

    @Test func aMeetingIdFromTheJournalCannotNameAPathOutsideTheArchive() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        #expect(throws: StoreError.self) { try store.meetingPath("../../etc/passwd") }
        #expect(throws: StoreError.self) { try store.meetingPath("") }
        #expect(try store.meetingPath("hpbc-2008-04-22").hasSuffix("/journal/meetings/hpbc-2008-04-22.jsonl"))
    }

    @Test func notAnArchiveSaysWhatToDo() throws {
        do {
            _ = try ArchiveStore(directory: dir.path, mode: .readOnly)
            Issue.record("opened a folder that is not an archive")
        } catch {
            #expect("\(error)".contains("clerk init"))
        }
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir.path + "/file"))
        #expect(throws: StoreError.self) { try ArchiveStore.create(at: dir.path) }
    }

    @Test func oldEventVersionsAreUpgradedOnRead() throws {
        let v1 = #"{"committeeID":"herts-pbc-leads","date":"2008-04-22","id":"hpbc-2008-04-22","place":"LMC Office, Aston, Stevenage","status":"planned","title":"Herts PBC Leads"}"#
        let event = try EventCodec.decode(type: "meeting.scheduled", version: 1, data: Array(v1.utf8))
        guard case .meetingScheduled(let m) = event else { Issue.record("wrong event"); return }
        #expect(m.venue == "LMC Office, Aston, Stevenage")
        #expect(m.isExtra == false)
        #expect(throws: EventCodec.DecodeError.self) { try EventCodec.decode(type: "meeting.scheduled", version: 9, data: Array(v1.utf8)) }
        #expect(throws: EventCodec.DecodeError.self) { try EventCodec.decode(type: "no.such-type", version: 1, data: Array("{}".utf8)) }
        #expect(throws: EventCodec.DecodeError.self) { try EventCodec.decode(type: "meeting.scheduled", version: 2, data: Array(#"{"id":3}"#.utf8)) }
    }

    @Test func everyEventKindRoundTrips() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let meeting = try seed(store)
        let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meeting))
        var events = try ctx.standingAgenda(context: Self.context("r"))
        events += try ctx.mark("peter-graves", .present, arrived: TimeOfDay(hour: 13, minute: 5))
        for event in events {
            let bytes = try EventCodec.encode(event)
            #expect(try EventCodec.decode(type: event.kind.rawValue, version: event.kind.version, data: bytes) == event)
        }
    }
}

@Suite struct CheckpointCodecTests {
    @Test func roundTripsAwkwardText() throws {
        var state = ArchiveState()
        state.apply(.organisationAdded(Organisation(id: "lmc", name: "LMC\twith tab")))
        state.apply(.personAdded(Person(id: "pg", name: "Peter Graves", initials: "PG")))
        state.apply(.committeeCreated(Committee(id: "c", name: "C", code: "c", terms: TermsOfReference())))
        var m = Meeting(id: "c-2026-11-19", committeeID: "c", title: "back\\slash \\N\ttab\nnewline\r", date: CalendarDate(year: 2026, month: 11, day: 19)!,
                        start: TimeOfDay(hour: 13, minute: 0), venue: "", status: .minutesDraft, isExtra: true)
        m.startedAt = Instant(secondsSinceEpoch: 1_795_000_000)
        m.approvedOn = CalendarDate(year: 2026, month: 12, day: 17)
        state.apply(.meetingScheduled(m))
        let dues: [DueDate.Kind] = [.on(CalendarDate(year: 2026, month: 12, day: 1)!), .byMonth(year: 2005, month: 10),
                                    .range(from: CalendarDate(year: 2005, month: 11, day: 1)!, to: CalendarDate(year: 2005, month: 12, day: 15)!),
                                    .ongoing, .unspecified]
        for (n, kind) in dues.enumerated() {
            state.apply(.actionRaised(Action(id: "a-\(n)", committeeID: "c", meetingID: m.id, itemID: n == 0 ? nil : "i-1", number: n + 1,
                                             text: "日本 café 👨‍👩‍👧 \\N", owner: n % 2 == 0 ? .person("pg") : .organisation("lmc"),
                                             due: DueDate(kind: kind, text: "as typed\t\(n)", isOngoing: n == 1), raisedOn: m.date,
                                             confidential: n == 2)))
        }
        state.apply(.actionUpdated(ActionUpdated(actionID: "a-1", update: ActionUpdate(on: m.date, status: .done, note: "", meetingID: nil, by: "pg"))))
        state.apply(.actionUpdated(ActionUpdated(actionID: "a-1", update: ActionUpdate(on: m.date, status: .open, note: "re\nopened", meetingID: m.id))))
        let bytes = try CheckpointCodec.encode(state)
        #expect(try CheckpointCodec.decode(ArraySlice(bytes)) == state)
    }

    @Test func aMovedMeetingKeepsItsFirstDate() throws {
        var state = ArchiveState()
        state.apply(.committeeCreated(Committee(id: "c", name: "C", code: "c", terms: TermsOfReference())))
        let first = CalendarDate(year: 2026, month: 12, day: 17)!
        state.apply(.meetingScheduled(Meeting(id: "c-2026-12-17", committeeID: "c", title: "t", date: first)))
        state.apply(.meetingScheduled(Meeting(id: "c-2027-01-21", committeeID: "c", title: "t", date: CalendarDate(year: 2027, month: 1, day: 21)!)))
        state.apply(.meetingMoved(MeetingMoved(meetingID: "c-2026-12-17", date: CalendarDate(year: 2026, month: 12, day: 16)!, start: nil,
                                               end: nil, venue: "")))
        #expect(state.meetings["c-2026-12-17"]?.movedFrom == first)
        let decoded = try CheckpointCodec.decode(ArraySlice(try CheckpointCodec.encode(state)))
        #expect(decoded == state)
        #expect(decoded.meetings["c-2027-01-21"]?.movedFrom == nil)
    }

    @Test func refusesDamage() throws {
        var state = ArchiveState()
        state.apply(.committeeCreated(Committee(id: "c", name: "C", code: "c", terms: TermsOfReference())))
        state.apply(.meetingScheduled(Meeting(id: "c-1", committeeID: "c", title: "t", date: CalendarDate(year: 2026, month: 1, day: 1)!)))
        let bytes = try CheckpointCodec.encode(state)
        #expect(throws: (any Error).self) { try CheckpointCodec.decode(ArraySlice(bytes.dropLast())) }
        #expect(throws: (any Error).self) { try CheckpointCodec.decode(ArraySlice(bytes + Array("X\tjunk\n".utf8))) }
        #expect(throws: (any Error).self) { try CheckpointCodec.decode(ArraySlice(Array("{}\nM\tonly\n".utf8))) }
    }
}
