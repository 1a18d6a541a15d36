import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// Open files and folded records do not grow with the meetings a session reads and writes:
/// the least recently used are closed or forgotten, and read again on demand.
@Suite struct BoundedHandlesTests {
    static let now = ArchiveStoreTests.now

    /// The descriptors of this process open on files under `folder`: other tests running at
    /// the same time open their own files, which are not counted.
    static func descriptors(under folder: String) -> Int {
        // The links in /proc name the real path: compare with the folder's real path.
        guard let real = realpath(folder, nil) else { return -1 }
        defer { free(real) }
        let prefix = String(cString: real) + "/"
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.filter { fd in
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + fd))?.hasPrefix(prefix) == true
        }.count
    }

    /// A committee and `count` planned meetings, in one commit.
    static func meetings(_ count: Int, in store: ArchiveStore) throws -> [MeetingID] {
        let events = try store.commit(at: now) { store in
            var s = store.state
            var events: [Event] = []
            func run(_ e: [Event]) { e.forEach { s.apply($0) }; events += e }
            run(try s.createCommittee(Committee(id: "leads", name: "Leads", code: "l", terms: TermsOfReference())))
            let first = CalendarDate(year: 2026, month: 1, day: 1)!
            for day in 0..<count { run(try s.scheduleMeeting("leads", on: first.adding(days: day))) }
            return events
        }
        return events.compactMap { if case .meetingScheduled(let m) = $0 { m.id } else { nil } }
    }

    static func addItem(_ id: ItemID, to meeting: MeetingID, in store: ArchiveStore) throws {
        try store.commit(at: now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting)).addItem(AgendaItem(id: id, title: "Item \(id)"))
        }
    }

    @Test func openFilesStayBoundedWhileMeetingsAreReadAndWritten() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.path + "/archive"
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let ids = try Self.meetings(150, in: store)
        #expect(ids.count == 150)
        let follower = try ArchiveStore(directory: path, mode: .readOnly)
        let before = Self.descriptors(under: path)
        #expect(before >= 2)  // each store's archive reader: the count sees the archive's files
        var peak = before
        for id in ids {
            try Self.addItem("i-1", to: id, in: store)
            _ = try follower.record(of: id)
            peak = max(peak, Self.descriptors(under: path))
        }
        // Two stores: each an archive reader, and the writer's archive appender and lock, plus
        // a reader and a writer for at most `openMeetings` meetings each.
        let bound = 2 + 2 + 3 * MeetingLimits().openMeetings
        #expect(peak <= bound, "peak \(peak) open files under the archive (bound \(bound), \(before) before)")
        #expect(store.meetingsHeld.open <= MeetingLimits().openMeetings)
        #expect(store.meetingsHeld.folded <= MeetingLimits().foldedMeetings)
        #expect(follower.meetingsHeld.folded <= MeetingLimits().foldedMeetings)

        // The first meeting's files and record were let go: writing reopens its segment for
        // appending, and the follower, whose reader was closed too, still sees the append.
        let first = ids[0]
        #expect(store.loadedRecord(first) == nil && follower.loadedRecord(first) == nil)
        try Self.addItem("i-2", to: first, in: store)
        #expect(try store.record(of: first).items.map(\.id) == ["i-1", "i-2"])
        _ = try follower.record(of: first)  // read again, one item
        try Self.addItem("i-3", to: first, in: store)
        for id in ids.suffix(MeetingLimits().openMeetings + 1) { _ = try follower.record(of: id) }  // closes the first's reader
        try Self.addItem("i-4", to: first, in: store)
        #expect(try follower.refresh())
        #expect(try follower.record(of: first).items.map(\.id) == ["i-1", "i-2", "i-3", "i-4"])
        #expect(Self.descriptors(under: path) <= bound)

        // Every meeting still reads back whole, from a fresh session.
        let fresh = try ArchiveStore(directory: path, mode: .readOnly)
        for id in ids { #expect(try fresh.record(of: id).items.count == (id == first ? 4 : 1)) }
        #expect(fresh.meetingsHeld.open <= MeetingLimits().openMeetings)
    }

    @Test func smallLimitsStillReadAndWriteEveryMeeting() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.path + "/archive"
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        store.limits = MeetingLimits(openMeetings: 1, foldedMeetings: 1)
        let ids = try Self.meetings(6, in: store)
        for round in 0..<3 {
            for id in ids { try Self.addItem("i-\(round)", to: id, in: store) }
        }
        #expect(store.meetingsHeld.open == 1 && store.meetingsHeld.folded == 1)
        for id in ids { #expect(try store.record(of: id).items.map(\.id) == ["i-0", "i-1", "i-2"]) }
        #expect(Self.descriptors(under: path) <= 4)
    }
}
