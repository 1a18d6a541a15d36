import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// Two sessions on one archive folder, each with its own store, saving the same paragraph:
/// nothing either wrote is lost, and the later writer's text is kept as a conflicting
/// version until a person chooses.
@Suite struct ConflictStoreTests {
    let dir: TempDir
    var path: String { dir.path + "/archive" }
    let first: ArchiveStore
    let second: ArchiveStore
    let meeting: MeetingID

    init() throws {
        dir = try TempDir()
        let path = dir.path + "/archive"
        try ArchiveStore.create(at: path)
        let first = try ArchiveStore(directory: path, mode: .readWrite)
        self.first = first
        meeting = try ArchiveStoreTests.seed(first)
        try first.commit(at: ArchiveStoreTests.now) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: "hpbc-2026-11-19"))
            return try ctx.addItem(AgendaItem(id: "i-1", title: "Provider services"))
        }
        try first.commit(at: ArchiveStoreTests.now) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: "hpbc-2026-11-19"))
            return try ctx.addEntry(to: "i-1", kind: .note, text: "The board met.", context: Self.ids("seed"))
        }
        second = try ArchiveStore(directory: path, mode: .readWrite)
    }

    static func ids(_ label: String) -> CommandContext { ArchiveStoreTests.context(label) }

    var entryID: EntryID { (try? first.record(of: meeting).entries.first?.id) ?? "" }

    /// What the screen's flush does: the text the writer started from goes with the save.
    @discardableResult
    func save(_ store: ArchiveStore, base: String, text: String, conflict: ConflictID? = nil, label: String) throws -> [Event] {
        let entry = entryID
        return try store.commit(at: ArchiveStoreTests.now) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meeting))
            return try ctx.saveEntry(entry, of: "i-1", base: base, newText: text, kind: .note, conflict: conflict,
                                     context: Self.ids(label))
        }
    }

    /// What the other session sees once it has followed the journal.
    func fresh(_ store: ArchiveStore) throws -> MeetingRecord {
        try store.refresh()
        return try store.record(of: meeting)
    }

    func resolve(_ store: ArchiveStore, _ conflict: ConflictID, _ choice: ConflictChoice, text: String? = nil, base: String?) throws {
        try store.commit(at: ArchiveStoreTests.now) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meeting))
            return try ctx.resolveConflict(conflict, choice: choice, text: text, base: base, context: Self.ids("r"))
        }
    }

    @Test func aSaveOnTheTextItWasBasedOnIsOneSplice() throws {
        _ = try second.record(of: meeting)
        let events = try save(second, base: "The board met.", text: "The board met in Hatfield.", label: "b")
        #expect(events.map(\.kind) == [.entryEdited])
        // The writer's own next save is based on what it last saved.
        #expect(try save(second, base: "The board met in Hatfield.", text: "The board met in Hatfield today.", label: "b")
            .map(\.kind) == [.entryEdited])
        #expect(try fresh(first).entries.first?.text == "The board met in Hatfield today.")
        #expect(try first.record(of: meeting).conflicts.isEmpty)
    }

    @Test func anEditBasedOnAnOlderTextKeepsBothVersions() throws {
        // Both sessions have read the paragraph as "The board met."
        #expect(try second.record(of: meeting).entries.first?.text == "The board met.")
        try save(second, base: "The board met.", text: "The board met in Hatfield.", label: "b")
        // The first session has not looked since; its save is based on the old text.
        let events = try save(first, base: "The board met.", text: "The board met on Tuesday.", label: "a")
        guard case .entryConflicted(let recorded)? = events.first, events.count == 1 else {
            Issue.record("expected one conflicting version, got \(events.map(\.kind))")
            return
        }
        #expect(recorded.conflict.base == "The board met.")
        let record = try first.record(of: meeting)
        #expect(record.entries.first?.text == "The board met in Hatfield.")
        #expect(record.openConflicts.map(\.text) == ["The board met on Tuesday."])

        // Both texts are on disk: a third session reading from scratch sees both.
        let reader = try ArchiveStore(directory: path, mode: .readOnly)
        let read = try reader.record(of: meeting)
        #expect(read.entries.first?.text == "The board met in Hatfield.")
        #expect(read.openConflicts.first?.text == "The board met on Tuesday.")
        #expect(read.anomalies.isEmpty)

        // Typing on revises the same version rather than adding another.
        try save(first, base: "The board met.", text: "The board met on Tuesday at noon.", conflict: recorded.conflict.id, label: "a")
        let revised = try first.record(of: meeting)
        #expect(revised.conflicts.count == 1)
        #expect(revised.openConflicts.first?.text == "The board met on Tuesday at noon.")
        #expect(revised.entries.first?.text == "The board met in Hatfield.")

        // clerk check: healthy, and the open conflict is named as a note.
        let check = ArchiveCheck.run(directory: path)
        #expect(check.isHealthy, "\(check.problems)")
        #expect(check.notes.contains { $0.contains(recorded.conflict.id) && $0.contains("conflicting version") })
    }

    @Test func aParagraphRemovedElsewhereIsNotPutBack() throws {
        let entry = entryID
        try second.commit(at: ArchiveStoreTests.now) { _ in
            [.entryRemoved(EntryRemoved(meetingID: meeting, entryID: entry))]
        }
        let events = try save(first, base: "The board met.", text: "The board met at length.", label: "a")
        #expect(events.map(\.kind) == [.entryConflicted])
        let record = try first.record(of: meeting)
        #expect(record.entries.isEmpty)
        #expect(record.openConflicts.first?.text == "The board met at length.")
        #expect(record.openConflicts.first?.entryID == entry)

        // Choosing the removed state keeps it removed; the version stays in the journal.
        try resolve(second, record.openConflicts[0].id, .recorded, base: nil)
        let settled = try fresh(first)
        #expect(settled.entries.isEmpty)
        #expect(settled.openConflicts.isEmpty)
        #expect(settled.conflicts.first?.resolution == .recorded)
        #expect(ArchiveCheck.run(directory: path).notes.isEmpty)
    }

    @Test func choosingTheConflictingVersionBringsARemovedParagraphBack() throws {
        let entry = entryID
        try second.commit(at: ArchiveStoreTests.now) { _ in [.entryRemoved(EntryRemoved(meetingID: meeting, entryID: entry))] }
        let conflict = try save(first, base: "The board met.", text: "Kept after all.", label: "a")
        guard case .entryConflicted(let c)? = conflict.first else { Issue.record("no conflict"); return }
        try resolve(first, c.conflict.id, .conflicting, base: nil)
        let record = try fresh(second)
        #expect(record.entries.map(\.text) == ["Kept after all."])
        #expect(record.entries.first?.itemID == "i-1")
        #expect(record.conflicts.first?.resolution == .conflicting)
    }

    @Test func aMergeReplacesTheRecordedTextAndAStaleChoiceIsRefused() throws {
        try save(second, base: "The board met.", text: "The board met in Hatfield.", label: "b")
        let events = try save(first, base: "The board met.", text: "The board met on Tuesday.", label: "a")
        guard case .entryConflicted(let c)? = events.first else { Issue.record("no conflict"); return }

        // The recorded text changed again after the person looked: the choice is refused.
        try save(second, base: "The board met in Hatfield.", text: "The board met in Hatfield again.", label: "b")
        #expect(throws: CommandError.self) {
            try resolve(first, c.conflict.id, .merged, text: "The board met in Hatfield on Tuesday.", base: "The board met in Hatfield.")
        }
        #expect(try first.record(of: meeting).entries.first?.text == "The board met in Hatfield again.")

        // An empty merge is refused with a line saying what to do; nothing is recorded.
        let before = readBytes(path + "/journal/meetings/\(meeting).jsonl")
        do {
            try resolve(first, c.conflict.id, .merged, text: "  ", base: "The board met in Hatfield again.")
            Issue.record("an empty merge was accepted")
        } catch let error as CommandError {
            #expect(error.message.contains("needs text"))
        }
        #expect(readBytes(path + "/journal/meetings/\(meeting).jsonl") == before)

        try resolve(first, c.conflict.id, .merged, text: "The board met in Hatfield again, on Tuesday.", base: "The board met in Hatfield again.")
        let record = try fresh(second)
        #expect(record.entries.first?.text == "The board met in Hatfield again, on Tuesday.")
        #expect(record.conflicts.first?.resolution == .merged)
        // Settled once: a second choice (another session that had not looked) is refused.
        #expect(throws: CommandError.self) { try resolve(second, c.conflict.id, .recorded, base: record.entries.first?.text) }
    }

    /// The example in docs/journal-format.md ("Conflicting versions") is read as a journal
    /// segment and folded: checksums, shapes and the outcome it describes all hold.
    @Test func theDocumentedExampleReadsAsDescribed() throws {
        let doc = try String(contentsOfFile: Self.repositoryRoot + "/docs/journal-format.md", encoding: .utf8)
        guard let section = doc.range(of: "### Conflicting versions"),
              let open = doc.range(of: "```jsonl\n", range: section.upperBound..<doc.endIndex),
              let close = doc.range(of: "```", range: open.upperBound..<doc.endIndex) else {
            Issue.record("docs/journal-format.md has no conflict example")
            return
        }
        let file = dir.file("example.jsonl")
        writeBytes(Array(doc[open.upperBound..<close.lowerBound].utf8), to: file)
        let result = try Segment(path: file, mode: .readOnly).read()
        #expect(result.damage == nil)
        var record = MeetingRecord(meetingID: "hpbc-2026-11-19")
        for located in result.records {
            record.apply(try EventCodec.decode(type: located.record.type, version: located.record.version, data: located.record.data))
        }
        #expect(result.records.count == 6)
        #expect(record.anomalies.isEmpty)
        #expect(record.entries.map(\.text) == ["The board met in Hatfield on Tuesday."])
        #expect(record.conflicts.map(\.text) == ["The board met on Tuesday."])
        #expect(record.conflicts.first?.resolution == .merged)
        #expect(record.conflicts.first?.by == "peter-graves")
    }

    static var repositoryRoot: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    }
}
