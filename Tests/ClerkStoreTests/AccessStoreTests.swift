import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// Access rules in the journal: linked accounts and barring survive reopening, with and
/// without a checkpoint, and a store's write check refuses a whole commit.
@Suite struct AccessStoreTests {
    @Test func accessRulesSurviveTheJournalAndTheCheckpoint() throws {
        let dir = try TempDir()
        let path = dir.path + "/archive"
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let tests = try ArchiveStoreTests()
        _ = try tests.seed(store)
        try store.commit(at: ArchiveStoreTests.now) { store in
            var events = try store.state.linkAccount("pgraves", to: "Peter Graves")
            events += try store.state.barFromConfidential("PG", committee: "hpbc", barred: true)
            return events
        }
        let reopened = try ArchiveStore(directory: path, mode: .readOnly)
        #expect(reopened.state.access.person(account: "pgraves") == "peter-graves")
        #expect(reopened.state.access.isBarred("peter-graves", from: "herts-pbc-leads"))
        try store.writeCheckpoint()
        let fromCheckpoint = try ArchiveStore(directory: path, mode: .readOnly)
        #expect(fromCheckpoint.state == store.state)
        #expect(!fromCheckpoint.state.access.isEmpty)
    }

    @Test func aWriteCheckRefusesTheWholeCommit() throws {
        let dir = try TempDir()
        let path = dir.path + "/archive"
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        _ = try (try ArchiveStoreTests()).seed(store)
        try store.commit(at: ArchiveStoreTests.now) { try $0.state.linkAccount("pgraves", to: "peter-graves") }
        store.writeCheck = { state, events in
            try Access(archive: state, account: "pgraves", administrator: nil, today: CalendarDate(year: 2026, month: 11, day: 19)!)
                .check(events, in: state)
        }
        let before = store.state
        #expect(throws: CommandError.self) {
            try store.commit(at: ArchiveStoreTests.now) { try $0.state.cancelMeeting("hpbc-2026-11-19", reason: "no quorum") }
        }
        #expect(store.state == before)
        #expect(try ArchiveStore(directory: path, mode: .readOnly).state == before)
    }

    @Test func confidentialItemsAreReadFromTheAgendaAlone() throws {
        let dir = try TempDir()
        let path = dir.path + "/archive"
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let meeting = try (try ArchiveStoreTests()).seed(store)
        try store.commit(at: ArchiveStoreTests.now) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meeting))
            return try ctx.addItem(AgendaItem(id: "i-1", title: "Finance"))
                + ctx.addItem(AgendaItem(id: "i-2", title: "Contract dispute", confidential: true))
        }
        try store.commit(at: ArchiveStoreTests.now) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meeting))
            return try ctx.addItem(AgendaItem(id: "i-3", parentID: "i-2", title: "Legal advice"))
        }
        let fresh = try ArchiveStore(directory: path, mode: .readOnly)
        #expect(try fresh.confidentialItems(of: meeting) == ["i-2", "i-3"])
        #expect(try fresh.confidentialItems(of: meeting) == Access.confidentialItems(of: try fresh.record(of: meeting)))
        #expect(throws: (any Error).self) { try fresh.confidentialItems(of: "no-such-meeting") }
    }
}
