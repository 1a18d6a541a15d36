import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// Live follow: a reader's watch wakes when another session appends, and only then.
extension ArchiveStoreTests {
    @Test func aWatchWakesWhenAnotherSessionAppendsAndTheReaderThenSeesIt() throws {
        let writer = try ArchiveStore(directory: path, mode: .readWrite)
        let meeting = try seed(writer)
        let reader = try ArchiveStore(directory: path, mode: .readOnly)
        let watch = try #require(ArchiveWatch(directory: path))
        #expect(watch.wait(input: nil, timeoutMs: 0).changed == false)
        try writer.commit(at: Self.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting))
                .addItem(AgendaItem(id: "i-1", title: "Provider services"))
        }
        // The meeting's segment did not exist when the watch began: its creation wakes it too.
        #expect(watch.wait(input: nil, timeoutMs: 10_000).changed)
        _ = try reader.record(of: meeting)
        try writer.commit(at: Self.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting))
                .addEntry(to: "i-1", kind: .noted, text: "seen live", context: Self.context("w"))
        }
        #expect(watch.wait(input: nil, timeoutMs: 10_000).changed)
        #expect(try reader.refresh())
        #expect(try reader.record(of: meeting).entries.map(\.text) == ["seen live"])
        // Reading changes nothing, so it wakes nobody.
        #expect(watch.wait(input: nil, timeoutMs: 0).changed == false)
    }

    @Test func aFolderThatCannotBeWatchedFallsBackToPolling() throws {
        #expect(ArchiveWatch(directory: dir.path + "/no-such-archive") == nil)
    }

    @Test func aFreshArchiveIsWritableAndAMissingJournalIsNot() throws {
        #expect(ArchiveStore.isWritable(path))
        #expect(!ArchiveStore.isWritable(dir.path + "/no-such-archive"))
    }
}
