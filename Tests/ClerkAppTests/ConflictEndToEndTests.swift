import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Two real clerk sessions on one archive editing the same paragraph: neither text is lost,
/// the second writer is told, the two are compared and one is chosen.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct ConflictEndToEndTests {
    static let meeting = "hpbc-2008-04-22"
    static let original = "at the time of the meeting not all GPs in Welhat were aware that the Darzi clinic would be sited at Welwyn Garden City."

    /// A session on the archive, with the second item's paragraph open in the editor.
    static func session(_ clerk: String, _ archive: String, _ dir: TempDir) throws -> Tmux {
        let t = try Tmux(cols: 100, rows: 30, command: "\(clerk) --data \(archive) --today 2026-11-23",
                         environment: ["XDG_CONFIG_HOME": dir.path + "/config", "TERM": "screen-256color"])
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("Enter")
        try t.waitFor("minutes draft")
        try t.keys("3")
        try t.waitFor("Item 2, paragraph 2")
        try t.keys("j", "e")
        try t.waitFor("typing (Esc ends)")
        return t
    }

    @Test func twoSessionsEditingOneParagraphKeepBothTexts() throws {
        let clerk = try Products.executable("clerk")
        let dir = try TempDir("clerk-conflict")
        let archive = dir.path + "/archive"
        let made = try Run(clerk, ["demo", "--init", archive, "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")

        // Both open the paragraph as it is now.
        let first = try Self.session(clerk, archive, dir)
        let second = try Self.session(clerk, archive, dir)

        // The first types and saves; the second, still on the text it opened, types after.
        try first.type(" FIRST-WRITER")
        try first.waitFor("FIRST-WRITER")
        usleep(1_500_000)
        try first.waitFor("saved")
        try second.type(" SECOND-WRITER")
        try second.waitFor("SECOND-WRITER")
        usleep(1_500_000)
        try second.waitFor("CONFLICT")

        // Ending the paragraph shows the two versions side by side.
        try second.keys("Escape")
        try second.waitFor("Conflicting version")
        try second.waitFor("In the minutes")
        try second.keys("Escape")
        try second.waitFor("both versions are kept")

        // Both texts are in the journal: the first as the paragraph, the second as a
        // conflicting version of it.
        let store = try ArchiveStore(directory: archive, mode: .readOnly)
        let record = try store.record(of: Self.meeting)
        #expect(record.entries.contains { $0.text == Self.original + " FIRST-WRITER" })
        #expect(!record.entries.contains { $0.text.contains("SECOND-WRITER") })
        #expect(record.openConflicts.map(\.text) == [Self.original + " SECOND-WRITER"])
        #expect(record.openConflicts.first?.base == Self.original)

        // clerk check: nothing damaged; the open conflict is named as a note.
        let check = try Run(clerk, ["--data", archive, "check"])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stdout.contains("conflicting version"))

        // The first session, following, marks the paragraph; it keeps the other version.
        try first.keys("Escape")
        try first.waitFor("waits for a choice")
        try first.keys("C")
        try first.waitFor("Conflicting version")
        try first.keys("c")
        try first.waitFor("the other version is now the paragraph")
        try first.wait(what: "the choice saved") { $0.contains("saved") && !$0.contains("waits for a choice") }

        let settled = try ArchiveStore(directory: archive, mode: .readOnly).record(of: Self.meeting)
        #expect(settled.entries.contains { $0.text == Self.original + " SECOND-WRITER" })
        #expect(settled.openConflicts.isEmpty)
        #expect(settled.conflicts.first?.resolution == .conflicting)
        let after = try Run(clerk, ["--data", archive, "check"])
        #expect(after.status == 0)
        #expect(!after.stdout.contains("conflicting version"))

        first.kill()
        second.kill()
    }
}
