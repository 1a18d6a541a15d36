import ClerkCore
import ClerkStore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The screen when another session changed the paragraph being typed: the text is kept as
/// a conflicting version, the two are compared, and a merge written on the screen settles it.
@Suite struct MinutesConflictTests {
    typealias Fixture = ScreenTests.Fixture

    /// The 2008 meeting open on its second item's paragraph, in the editor.
    static func editing() throws -> (Fixture, MinutesEditingTests.Clock, MeetingRecord) {
        let (f, clock) = try MinutesEditingTests.open(cols: 100, rows: 30)
        f.press(.char("j"))
        f.press(.char("e"))
        let record = try MinutesEditingTests.reopened(f).1
        #expect(f.app.state.editing?.entryID == record.entries(for: record.items[1].id).last?.id)
        return (f, clock, record)
    }

    /// Another session (a store of its own on the same folder) rewrites the paragraph.
    static func otherSessionEdits(_ f: Fixture, _ entry: EntryID, to text: String) throws {
        let other = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readWrite)
        try other.commit(at: Instant(secondsSinceEpoch: 1_800_000_000)) { store in
            let meeting = try MeetingContext(archive: store.state, record: try store.record(of: ScreenTests.meeting))
            return try meeting.editEntry(entry, newText: text)
        }
    }

    @Test func aMergeWrittenOnTheScreenSettlesTheConflict() throws {
        let (f, clock, record) = try Self.editing()
        let entry = try #require(f.app.state.editing?.entryID)
        let original = record.entries.first { $0.id == entry }!.text
        try Self.otherSessionEdits(f, entry, to: "Changed elsewhere.")

        MinutesEditingTests.type(f, " Mine.")
        clock.seconds += 1.1
        f.app.tick()
        #expect(f.app.state.editing?.conflictID != nil)
        #expect(f.screen().contains("CONFLICT"))
        var journal = try MinutesEditingTests.reopened(f).1
        #expect(journal.entries.first { $0.id == entry }?.text == "Changed elsewhere.")
        #expect(journal.openConflicts.map(\.text) == [original + " Mine."])

        // Ending the paragraph shows both; `e` puts both in the editor.
        f.press(.escape)
        guard case .conflict? = f.app.state.overlay else {
            Issue.record("the two versions were not shown")
            return
        }
        #expect(f.screen().contains("Changed elsewhere."))
        #expect(f.screen().contains("Conflicting version"))
        f.press(.char("e"))
        #expect(f.app.state.editing?.resolving != nil)
        #expect(f.app.state.editing?.editor.text == "Changed elsewhere.\n" + original + " Mine.")
        // Make one paragraph of them: remove the second line, add a word.
        for _ in 0..<(original.count + 7) { f.app.handle(.key(.backspace)) }
        MinutesEditingTests.type(f, " Merged.")
        f.press(.escape)
        journal = try MinutesEditingTests.reopened(f).1
        #expect(journal.entries.first { $0.id == entry }?.text == "Changed elsewhere. Merged.")
        #expect(journal.openConflicts.isEmpty)
        #expect(journal.conflicts.first?.resolution == .merged)
        #expect(f.app.state.editing == nil)
    }

    @Test func anEditOfTheSessionsOwnTextIsNoConflict() throws {
        let (f, clock, _) = try Self.editing()
        MinutesEditingTests.type(f, " One.")
        clock.seconds += 1.1
        f.app.tick()
        MinutesEditingTests.type(f, " Two.")
        f.press(.escape)
        let journal = try MinutesEditingTests.reopened(f).1
        #expect(journal.conflicts.isEmpty)
        #expect(journal.entries.contains { $0.text.hasSuffix(" One. Two.") })
        #expect(f.app.state.overlay == nil)
    }

    @Test func theMinutesPaneMarksAnOpenConflictAndCComparesIt() throws {
        let (f, clock, _) = try Self.editing()
        let entry = try #require(f.app.state.editing?.entryID)
        try Self.otherSessionEdits(f, entry, to: "Changed elsewhere.")
        MinutesEditingTests.type(f, " Mine.")
        clock.seconds += 1.1
        f.app.tick()
        f.press(.escape)
        f.press(.escape)
        #expect(f.app.state.overlay == nil)
        #expect(f.screen().contains("waits for a choice"))
        f.press(.char("C"))
        guard case .conflict? = f.app.state.overlay else {
            Issue.record("C did not compare the versions")
            return
        }
        // Keep the minutes' text: the version is set aside, and the mark goes.
        f.press(.char("m"))
        let journal = try MinutesEditingTests.reopened(f).1
        #expect(journal.entries.first { $0.id == entry }?.text == "Changed elsewhere.")
        #expect(journal.conflicts.first?.resolution == .recorded)
        #expect(!f.screen().contains("waits for a choice"))
        // On an item with nothing to compare, C says so.
        f.press(.char("C"))
        #expect(f.app.state.overlay == nil)
        #expect(f.screen().contains("no conflicting versions on this item"))
    }

    @Test func typingOnAfterTheVersionWasSettledElsewhereKeepsOneNewVersion() throws {
        let (f, clock, _) = try Self.editing()
        let entry = try #require(f.app.state.editing?.entryID)
        try Self.otherSessionEdits(f, entry, to: "Changed elsewhere.")
        MinutesEditingTests.type(f, " Mine.")
        clock.seconds += 1.1
        f.app.tick()
        let first = try #require(f.app.state.editing?.conflictID)
        // Someone else keeps the minutes' text while this person is still typing.
        let other = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readWrite)
        try other.commit(at: Instant(secondsSinceEpoch: 1_800_000_000)) { store in
            let meeting = try MeetingContext(archive: store.state, record: try store.record(of: ScreenTests.meeting))
            return try meeting.resolveConflict(first, choice: .recorded, base: "Changed elsewhere.",
                                               context: CommandContext(now: Instant(secondsSinceEpoch: 1_800_000_000)) { $0 + "x" })
        }
        // The words typed after are kept as one new version, revised as typing goes on.
        for more in [" More.", " Again."] {
            MinutesEditingTests.type(f, more)
            clock.seconds += 1.1
            f.app.tick()
        }
        let journal = try MinutesEditingTests.reopened(f).1
        #expect(journal.conflicts.count == 2)
        #expect(journal.openConflicts.count == 1)
        #expect(journal.openConflicts.first?.text.hasSuffix(" Mine. More. Again.") == true)
        #expect(journal.entries.first { $0.id == entry }?.text == "Changed elsewhere.")
    }
}
