import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Text carrying escape sequences, pasted (bracketed) or typed into the minutes editor of
/// the real binary: the journal keeps the words, and nothing of the sequences.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct PasteEndToEndTests {
    static let meeting = "hpbc-2008-04-22"

    func minutesEditor() throws -> DemoSession {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 100, rows: 30)
        let t = session.tmux
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("Enter")
        try t.waitFor("minutes draft")
        try t.keys("3")
        try t.waitFor("Item 2, paragraph 2")
        try t.keys("a")
        try t.waitFor("typing (Esc ends)")
        return session
    }

    /// The paragraphs of the meeting, as a new session reads them from the journal.
    func entries(_ session: DemoSession) throws -> [String] {
        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        return try store.record(of: Self.meeting).entries.map(\.text)
    }

    @Test func aBracketedPasteWithATitleChangeAndColoursLeavesOnlyItsWords() throws {
        let session = try minutesEditor()
        let t = session.tmux
        let buffer = session.dir.path + "/paste.txt"
        // The tab shows the paste came bracketed: pasted, a tab is spaces; typed, it is a key.
        try Data("Pasted\t\u{1B}]0;pwned\u{07}title and \u{1B}[31mred\u{1B}[0m words".utf8).write(to: URL(fileURLWithPath: buffer))
        try t.tmux(["load-buffer", "-b", "p", buffer])
        try t.tmux(["paste-buffer", "-p", "-b", "p", "-t", t.session])
        try t.waitFor("red words")
        try t.keys("F10")
        try t.waitFor("saved")
        let text = try entries(session)
        #expect(text.contains("Pasted    title and red words"), "\(text.suffix(3))")
        #expect(!text.contains { $0.contains("]0;") || $0.contains("[31m") || $0.contains("[0m") || $0.contains("pwned") })
        #expect(!(try t.capture()).contains("]0;"))
    }

    @Test func theSameSequencesTypedAreSwallowedWhole() throws {
        let session = try minutesEditor()
        let t = session.tmux
        try t.type("Typed \u{1B}]0;pwned\u{07}title and \u{1B}[31mred\u{1B}[0m words")
        try t.waitFor("red words")
        try t.keys("F10")
        try t.waitFor("saved")
        let text = try entries(session)
        #expect(text.contains("Typed title and red words"), "\(text.suffix(3))")
        #expect(!text.contains { $0.contains("]0;") || $0.contains("[31m") || $0.contains("pwned") })
    }
}
