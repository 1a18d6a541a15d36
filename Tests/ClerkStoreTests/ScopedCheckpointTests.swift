import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// Reading part of the checkpoint (`ArchiveScope`): the same answers as the whole fold,
/// and the whole is read whenever the part would not be enough.
@Suite struct ScopedCheckpointTests {
    let dir: TempDir
    var path: String { dir.path + "/archive" }
    var checkpoint: String { path + "/cache/archive-checkpoint.json" }

    init() throws {
        dir = try TempDir()
        try ArchiveStore.create(at: path)
    }

    /// The whole state with only the actions `keep` says.
    static func part(_ s: ArchiveState, _ keep: (Action) -> Bool) -> ArchiveState {
        ArchiveState(organisations: s.organisations, people: s.people, committees: s.committees, committeeOrder: s.committeeOrder,
                     meetings: s.meetings, actions: s.actions.filter { keep($0.value) }, objectives: s.objectives,
                     anomalies: s.anomalies, access: s.access)
    }

    /// A meeting with `count` actions whose statuses follow a fixed pseudo-random sequence
    /// (every status, withdrawn included); returns the writer.
    func archive(actions count: Int, seed: UInt64) throws -> ArchiveStore {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let meeting = try ArchiveStoreTests.seed(store)
        var rng = seed
        func next() -> UInt64 { rng = rng &* 6364136223846793005 &+ 1442695040888963407; return rng >> 33 }
        let ctx = ArchiveStoreTests.context("p")
        for n in 0..<count {
            try store.commit(at: ArchiveStoreTests.now) { s in
                try s.state.raiseAction(in: meeting, item: nil, text: "action \(n)", owner: "PG",
                                        due: ["2026-01-\(10 + n % 18)", "ongoing", "2027-03-01"][Int(next() % 3)], context: ctx)
            }
        }
        for id in store.state.actions.keys.sorted() {
            let status = ActionStatus.allCases[Int(next() % UInt64(ActionStatus.allCases.count))]
            guard status != .open else { continue }
            try store.commit(at: ArchiveStoreTests.now) { s in
                try s.state.updateAction(id, status: status, note: status == .withdrawn ? "raised by mistake" : "", context: ctx)
            }
        }
        return store
    }

    @Test func eachScopeGivesThePartOfTheWholeFold() throws {
        for seed in [1, 7, 42] as [UInt64] {
            try? FileManager.default.removeItem(atPath: path)
            try ArchiveStore.create(at: path)
            let store = try archive(actions: 40, seed: seed)
            try store.writeCheckpoint()
            let whole = store.state
            #expect(Set(whole.actions.values.map(\.status)).count >= 4)
            let everything = try ArchiveStore(directory: path, mode: .readOnly, scope: .everything)
            #expect(everything.state == whole && everything.isWhole)
            let live = try ArchiveStore(directory: path, mode: .readOnly, scope: .liveActions)
            #expect(live.state == Self.part(whole) { $0.status != .done && $0.status != .dropped })
            #expect(!live.isWhole)
            let none = try ArchiveStore(directory: path, mode: .readOnly, scope: .withoutActions)
            #expect(none.state == Self.part(whole) { _ in false })
            // The same listing from the part as from the whole.
            let today = CalendarDate(year: 2026, month: 11, day: 19)!
            let overdue = ActionFilter(overdueOn: today, statuses: [.open, .inProgress, .ongoing])
            #expect(live.state.actions(matching: overdue) == whole.actions(matching: overdue))
            for a in live.state.actions(matching: ActionFilter()) {
                #expect(live.state.publicNumber(of: a) == whole.publicNumber(of: a))
            }
        }
    }

    @Test func recordsAfterTheCheckpointThatNameALeftOutActionMakeItReadTheWhole() throws {
        let store = try archive(actions: 12, seed: 3)
        try store.writeCheckpoint()
        let ctx = ArchiveStoreTests.context("t")
        // After the checkpoint: a live action closed (the part still fits) ...
        let liveID = try #require(store.state.actions.values.filter { $0.status == .open }.map(\.id).min())
        try store.commit(at: ArchiveStoreTests.now) { s in try s.state.updateAction(liveID, status: .done, note: "", context: ctx) }
        let fits = try ArchiveStore(directory: path, mode: .readOnly, scope: .liveActions)
        #expect(!fits.isWhole)
        #expect(fits.state.actions[liveID]?.status == .done)
        #expect(fits.state.anomalies == store.state.anomalies)
        // ... then a closed action reopened: not in the part, so the whole is read.
        let closedID = try #require(store.state.actions.values.filter { $0.status == .dropped || $0.status == .done }
            .map(\.id).filter { $0 != liveID }.min())
        try store.commit(at: ArchiveStoreTests.now) { s in try s.state.updateAction(closedID, status: .open, note: "again", context: ctx) }
        let reread = try ArchiveStore(directory: path, mode: .readOnly, scope: .liveActions)
        #expect(reread.isWhole)
        #expect(reread.state == store.state)
        // A reader holding a part follows such a record by reading the whole, too.
        try store.writeCheckpoint()
        let follower = try ArchiveStore(directory: path, mode: .readOnly, scope: .liveActions)
        #expect(!follower.isWhole)
        let closedNow = try #require(store.state.actions.values.first { $0.status == .done }?.id)
        try store.commit(at: ArchiveStoreTests.now) { s in try s.state.updateAction(closedNow, status: .inProgress, note: "", context: ctx) }
        #expect(try follower.refresh())
        #expect(follower.isWhole && follower.state == store.state)
    }

    @Test func aDamagedOrOldCheckpointIsReadWholeOrReplayed() throws {
        let store = try archive(actions: 10, seed: 9)
        try store.writeCheckpoint()
        // Damaged (the closing line cut off): ignored, the journal replayed.
        var bytes = try Array(Data(contentsOf: URL(fileURLWithPath: checkpoint)))
        bytes.removeLast(5)
        try Data(bytes).write(to: URL(fileURLWithPath: checkpoint))
        for scope in [ArchiveScope.liveActions, .withoutActions, .everything] {
            let reader = try ArchiveStore(directory: path, mode: .readOnly, scope: scope)
            #expect(reader.isWhole && reader.state == store.state)
        }
        // Version 2 (no line between live and closed actions): read whole in any scope.
        try store.writeCheckpoint()
        let text = try String(contentsOfFile: checkpoint, encoding: .utf8)
        let old = text.replacingOccurrences(of: "\"version\":3", with: "\"version\":2")
            .split(separator: "\n", omittingEmptySubsequences: false).filter { $0 != "C" }.joined(separator: "\n")
        try Data(old.utf8).write(to: URL(fileURLWithPath: checkpoint))
        let reader = try ArchiveStore(directory: path, mode: .readOnly, scope: .liveActions)
        #expect(reader.state == store.state)
        // A writer never takes a part, whatever it asks, and writes the current version.
        let writer = try ArchiveStore(directory: path, mode: .readWrite, scope: .withoutActions)
        #expect(writer.isWhole && writer.state == store.state)
        try writer.writeCheckpoint()
        #expect(try String(contentsOfFile: checkpoint, encoding: .utf8).contains("\"version\":3"))
    }
}
