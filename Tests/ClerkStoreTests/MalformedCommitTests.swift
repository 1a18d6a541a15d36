import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// The writer refuses what every reader would set aside: a record whose ids or fields break
/// the journal's rules is never written (before, it was written, then skipped as damaged).
@Suite struct MalformedCommitTests {
    @Test func aRecordReadersWouldSkipIsNeverWritten() throws {
        let dir = try TempDir()
        let path = dir.path + "/archive"
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        _ = try (try ArchiveStoreTests()).seed(store)
        let journal = path + "/journal/archive.jsonl"
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        #expect {
            try store.commit(at: ArchiveStoreTests.now) { _ in
                [.organisationAdded(Organisation(id: "good-one", name: "Good")),
                 .organisationAdded(Organisation(id: "Bad-ID", name: "Capitals"))]
            }
        } throws: { error in
            let text = "\(error)"
            return text.hasPrefix("not recorded: organisation.added:") && text.contains("Bad-ID") && !text.contains("\n")
        }
        // The whole commit is refused, the good record with it.
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
        #expect(store.state.organisations["good-one"] == nil)
        let reopened = try ArchiveStore(directory: path, mode: .readOnly)
        #expect(reopened.state.anomalies.isEmpty)
    }
}
