import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// Who wrote each record: a store given an author writes it on every record; records
/// without one (older archives) read exactly as before.
@Suite struct AuthorTests {
    let dir: TempDir
    var path: String { dir.path + "/archive" }

    init() throws { dir = try TempDir() }

    func lines(_ file: String) -> [String] {
        String(decoding: readBytes(file), as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func recordsWrittenWithAnAuthorReadBackWithIt() throws {
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        store.author = Author(account: "jroe", person: "peter-graves")
        let meeting = try ArchiveStoreTests.seed(store)
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting)).addItem(AgendaItem(id: "i-1", title: "Prescribing"))
        }
        for line in lines(path + "/journal/archive.jsonl") + lines(path + "/journal/meetings/\(meeting).jsonl") {
            #expect(line.contains(#","author":{"account":"jroe","person":"peter-graves"}},"crc":"#), "\(line)")
        }
        let reader = try ArchiveStore(directory: path, mode: .readOnly)
        let history = try reader.history()
        #expect(history.count == lines(path + "/journal/archive.jsonl").count + 1)
        #expect(history.allSatisfy { $0.author == Author(account: "jroe", person: "peter-graves") && $0.event != nil })
        #expect(history.last?.segment == meeting)
        // The author changes nothing the fold sees.
        #expect(reader.state.people["peter-graves"]?.name == "Peter Graves")
        #expect(try reader.record(of: meeting).items.map(\.title) == ["Prescribing"])
        #expect(ArchiveCheck.run(directory: path).isHealthy)
    }

    /// A commit across two files carries the author on both records, before the mark, and
    /// the record a later writer completes keeps the first writer's author.
    @Test func aCompletedCommitKeepsItsAuthor() throws {
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let meeting = try ArchiveStoreTests.seed(store)
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting)).addItem(AgendaItem(id: "i-1", title: "Prescribing"))
        }
        store.author = Author(account: "first")
        let meetingFile = path + "/journal/meetings/\(meeting).jsonl"
        let before = readBytes(meetingFile)
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting)).start(context: ArchiveStoreTests.context("s"))
        }
        let first = lines(path + "/journal/archive.jsonl").last ?? ""
        #expect(first.contains(#""author":{"account":"first"},"commit":{"id":"#))
        writeBytes(before, to: meetingFile)  // as a crash between the files leaves it
        let next = try ArchiveStore(directory: path, mode: .readWrite)
        next.author = Author(account: "second")
        #expect(lines(meetingFile).last?.contains(#""author":{"account":"first"}"#) == true)
        let history = try next.history(meeting: meeting)
        #expect(history.last?.author == Author(account: "first"))
        #expect(history.last?.event?.kind == .currentItemSet || history.last?.event?.kind == .meetingStarted)
        #expect(ArchiveCheck.run(directory: path).isHealthy)
    }

    /// A record written before authors existed: the same bytes, read the same way, no author.
    @Test func oldRecordsWithoutAnAuthorReadUnchanged() throws {
        try ArchiveStore.create(at: path)
        let covered = #"{"seq":1,"type":"organisation.added","v":1,"at":"2026-11-19T13:00:00Z","data":{"id":"lmc","name":"LMC"}"#
        let golden = covered + #","crc":"\#(CRC32C.hex(CRC32C.checksum(Array(covered.utf8))))"}"# + "\n"
        writeBytes(Array(golden.utf8), to: path + "/journal/archive.jsonl")
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        #expect(store.state.organisations["lmc"]?.name == "LMC")
        let history = try store.history()
        #expect(history.count == 1 && history[0].author == nil && history[0].at == "2026-11-19T13:00:00Z")
        // A writer with an author appends; the old line stays byte for byte.
        store.author = Author(account: "jroe")
        try store.commit(at: ArchiveStoreTests.now) { try $0.state.addOrganisation(Organisation(id: "bma", name: "BMA")) }
        #expect(lines(path + "/journal/archive.jsonl").first.map { $0 + "\n" } == golden)
        #expect(ArchiveCheck.run(directory: path).isHealthy)
    }

    @Test func malformedAuthorsAreNoAuthor() {
        for data in [#"{"author":"jroe"}"#, #"{"author":{"account":""}}"#, #"{"author":{"person":"p"}}"#,
                     #"{"author":{"account":"a","person":"../x"}}"#, #"{"author":{"account":7}}"#,
                     #"{"author":{"account":"\#(String(repeating: "a", count: 257))"}}"#] {
            #expect(Author.read(Array(data.utf8)) == nil, "\(data)")
        }
        #expect(Author.read(Array(#"{"x":1,"author":{"account":"a b\u001b"}}"#.utf8)) == Author(account: "a b\u{1b}"))
        // Escaped as JSON when written: an account with a quote or a control cannot break the record.
        let signed = Author(account: "a\"\u{1b}", person: "p").signing(Array("{}".utf8))
        #expect(String(decoding: signed, as: UTF8.self) == #"{"author":{"account":"a\"\u001b","person":"p"}}"#)
    }
}
