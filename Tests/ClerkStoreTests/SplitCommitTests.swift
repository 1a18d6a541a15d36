import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// A sync policy that fails the data syncs numbered in `failing` (counted from 1 after
/// `arm()`), with EIO, and lets every other one through to the real `fdatasync`.
final class ScriptedSync: SyncPolicy, @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0
    private var armed = false
    var failing: Set<Int> = []
    private(set) var calls = 0
    private(set) var failures = 0

    func arm(failing: Set<Int>) {
        lock.lock(); defer { lock.unlock() }
        self.failing = failing; count = 0; calls = 0; armed = true
    }

    func disarm() { lock.lock(); armed = false; lock.unlock() }

    func dataSync(fd: Int32) throws {
        lock.lock()
        if armed { count += 1; calls += 1 }
        let fail = armed && failing.contains(count)
        if fail { failures += 1 }
        lock.unlock()
        if fail { throw SystemCallError(call: "fdatasync", errno: EIO) }
        try SystemSync().dataSync(fd: fd)
    }

    func directorySync(fd: Int32) throws { try SystemSync().directorySync(fd: fd) }
}

/// One commit, two files: raising an action from a paragraph writes `action.raised` to the
/// archive's segment and removes the paragraph from the meeting's. Failed at every write,
/// and stopped between the two files, it ends with exactly one action and no paragraph.
@Suite struct SplitCommitTests {
    let dir: TempDir
    var path: String { dir.path + "/archive" }
    static let meeting: MeetingID = "hpbc-2026-11-19"

    init() throws {
        dir = try TempDir()
    }

    /// A fresh archive with a meeting in progress, one item and one paragraph on it.
    func makeArchive(sync: any SyncPolicy = SystemSync()) throws -> ArchiveStore {
        try? FileManager.default.removeItem(atPath: path)
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite, sync: sync)
        let id = try ArchiveStoreTests.seed(store)
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: id)).addItem(AgendaItem(id: "i-1", title: "Prescribing"))
        }
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: id)).start(context: ArchiveStoreTests.context("s"))
        }
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: id))
                .addEntry(to: "i-1", kind: .note, text: "PG to write to the practices", context: ArchiveStoreTests.context("e"))
        }
        return store
    }

    /// What the screen commits when an action is raised from paragraph `e-e1`.
    static func raise(_ store: ArchiveStore, label: String) throws -> [Event] {
        var events = try store.state.raiseAction(in: meeting, item: "i-1", text: "write to the practices", owner: "PG",
                                                 due: "ongoing", context: ArchiveStoreTests.context(label))
        if try store.record(of: meeting).entries.contains(where: { $0.id == "e-e1" }) {
            events.append(.entryRemoved(EntryRemoved(meetingID: meeting, entryID: "e-e1")))
        }
        return events
    }

    /// The archive as a new session reads it: actions raised, paragraphs left.
    func outcome() throws -> (actions: Int, paragraphs: Int) {
        let store = try ArchiveStore(directory: path, mode: .readOnly)
        return (store.state.actions.count, try store.record(of: Self.meeting).entries.count)
    }

    @Test func everyWriteOfTheCommitFailsInTurn() throws {
        // How many data syncs one whole commit makes, counted on a real run.
        let counter = ScriptedSync()
        let counted = try makeArchive(sync: counter)
        counter.arm(failing: [])
        try counted.commit(at: ArchiveStoreTests.now, key: "c-count") { try Self.raise($0, label: "n") }
        let syncs = counter.calls
        #expect(syncs >= 2)
        #expect(try outcome() == (1, 0))

        var duplicates = 0, lost = 0, okWhileHalf = 0
        for failing in 1...syncs {
            for retry in ["same session", "next session"] {
                let policy = ScriptedSync()
                let store = try makeArchive(sync: policy)
                policy.arm(failing: [failing])
                #expect(throws: (any Error).self) {
                    try store.commit(at: ArchiveStoreTests.now, key: "c-raise") { try Self.raise($0, label: "r") }
                }
                policy.disarm()
                // Before the retry: whole or named as half-written, never "ok" with a duplicate.
                let check = ArchiveCheck.run(directory: path)
                let now = try outcome()
                if check.isHealthy && now != (0, 1) && now != (1, 0) { okWhileHalf += 1 }
                if retry == "same session" {
                    try store.commit(at: ArchiveStoreTests.now, key: "c-raise") { try Self.raise($0, label: "r2") }
                } else {
                    let next = try ArchiveStore(directory: path, mode: .readWrite)
                    if try next.record(of: Self.meeting).entries.contains(where: { $0.id == "e-e1" }) {
                        try next.commit(at: ArchiveStoreTests.now, key: "c-raise-2") { try Self.raise($0, label: "r3") }
                    }
                }
                let after = try outcome()
                duplicates += max(0, after.actions - 1)
                lost += after.actions == 0 ? 1 : 0
                #expect(after == (1, 0), "sync \(failing) failing, retried in the \(retry)")
                let final = ArchiveCheck.run(directory: path)
                #expect(final.isHealthy, "\(final.problems)")
            }
        }
        print("[split-commit] \(syncs) syncs failed in turn, two retries each: duplicates=\(duplicates) lost=\(lost) ok-while-half-written=\(okWhileHalf)")
        #expect(duplicates == 0 && lost == 0 && okWhileHalf == 0)
    }

    /// kill -9 between the two files: the archive has the action, the meeting still has
    /// the paragraph. `clerk check` says so; the next writer completes the commit.
    @Test func theGapAfterTheFirstFileIsCompletedByTheNextWriter() throws {
        let store = try makeArchive()
        let meetingFile = path + "/journal/meetings/\(Self.meeting).jsonl"
        let before = readBytes(meetingFile)
        try store.commit(at: ArchiveStoreTests.now, key: "c-gap") { try Self.raise($0, label: "g") }
        let archiveLine = String(decoding: readBytes(path + "/journal/archive.jsonl"), as: UTF8.self)
            .split(separator: "\n").last.map(String.init) ?? ""
        #expect(archiveLine.contains(#""commit":{"id":"c-gap","n":0,"of":2,"then":[{"data":{"entryID":"e-e1""#))
        #expect(String(decoding: readBytes(meetingFile), as: UTF8.self).contains(#""commit":{"id":"c-gap","n":1,"of":2}"#))
        writeBytes(before, to: meetingFile)  // as a crash after the first file leaves it

        let check = ArchiveCheck.run(directory: path)
        #expect(!check.isHealthy)
        #expect(check.problems.contains { $0.contains("begins commit c-gap of 2 records, but 1 are missing from meetings/\(Self.meeting).jsonl") })
        // A reader changes nothing.
        _ = try ArchiveStore(directory: path, mode: .readOnly).record(of: Self.meeting)
        #expect(readBytes(meetingFile) == before)

        let next = try ArchiveStore(directory: path, mode: .readWrite)
        #expect(try next.record(of: Self.meeting).entries.isEmpty)
        #expect(try outcome() == (1, 0))
        #expect(ArchiveCheck.run(directory: path).isHealthy)
        // A retry with the same key, even from another session, is a no-op.
        let events = try next.commit(at: ArchiveStoreTests.now, key: "c-gap") { try Self.raise($0, label: "h") }
        #expect(events.count == 2)
        #expect(try outcome() == (1, 0))
    }

    /// The example of docs/journal-format.md §14: valid records, events the real decoder
    /// reads, and marks that say what the section says.
    @Test func theDocumentedExampleReadsAsItSays() throws {
        let doc = try String(contentsOfFile: #filePath.components(separatedBy: "/Tests/")[0] + "/docs/journal-format.md", encoding: .utf8)
        let section = try #require(doc.components(separatedBy: "## 14.").last?.components(separatedBy: "## 15.").first)
        let lines = section.split(separator: "\n").filter { $0.hasPrefix(#"{"seq":"#) }.map(String.init)
        #expect(lines.count == 2)
        var marks: [CommitMark] = []
        for (i, line) in lines.enumerated() {
            let file = dir.file("example-\(i).jsonl")
            writeBytes(Array((line + "\n").utf8), to: file)
            let seq = UInt64(line.dropFirst(7).prefix { $0.isNumber })!
            let read = try Segment(path: file, mode: .readOnly).read(from: 0, afterSeq: seq - 1)
            #expect(read.damage == nil && read.records.count == 1)
            let record = try #require(read.records.first?.record)
            _ = try EventCodec.decode(type: record.type, version: record.version, data: record.data)
            marks.append(try #require(try CommitMark.read(record.data)))
        }
        #expect(marks.map(\.n) == [0, 1] && marks.allSatisfy { $0.id == "c-gap" && $0.of == 2 })
        let planned = try #require(marks[0].then?.first)
        #expect(planned.meeting == "hpbc-2026-11-19" && planned.type == "minutes.entry-removed")
        #expect(try EventCodec.decode(type: planned.type, version: planned.version, data: planned.data)
            == .entryRemoved(EntryRemoved(meetingID: "hpbc-2026-11-19", entryID: "e-e1")))
    }

    /// A record written twice (by hand, or by a retry without a key) is not "ok".
    @Test func checkNamesACommitWrittenTwice() throws {
        let store = try makeArchive()
        try store.commit(at: ArchiveStoreTests.now, key: "c-twice") { try Self.raise($0, label: "t") }
        let file = path + "/journal/meetings/\(Self.meeting).jsonl"
        let last = try #require(try Segment(path: file, mode: .readOnly).read().records.last?.record)
        let again = NewRecord(type: last.type, version: last.version, at: last.at, data: last.data)
        try Segment(path: file, mode: .append).append([again])
        let check = ArchiveCheck.run(directory: path)
        #expect(check.problems.contains { $0.contains("record 1 of commit c-twice is written twice") })
    }

    /// Commits within one segment carry no mark unless given a key; old records open as before.
    @Test func singleSegmentCommitsAreUnmarked() throws {
        _ = try makeArchive()
        let text = String(decoding: readBytes(path + "/journal/archive.jsonl"), as: UTF8.self)
            + String(decoding: readBytes(path + "/journal/meetings/\(Self.meeting).jsonl"), as: UTF8.self)
        // Starting the meeting touches both files, so it is the one marked commit so far.
        #expect(text.components(separatedBy: #""commit":"#).count - 1 == 2)
        #expect(ArchiveCheck.run(directory: path).isHealthy)
    }

    /// A malformed mark is reported and never acted on.
    @Test func aMalformedMarkIsReported() throws {
        _ = try makeArchive()
        let seg = try Segment(path: path + "/journal/archive.jsonl", mode: .append)
        try seg.append([NewRecord(type: "objective.removed", version: 1, at: "2026-11-19T13:00:00Z",
                                  json: #"{"objectiveID":"o-1","commit":{"id":"c-x","n":0,"of":3}}"#)])
        let check = ArchiveCheck.run(directory: path)
        #expect(check.problems.contains { $0.contains("is the first of 3 records but does not list the others") })
        _ = try ArchiveStore(directory: path, mode: .readWrite)
    }
}
