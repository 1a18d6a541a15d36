import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// The chair's action review in the real binary: every overdue action of the demo in one
/// view, one marked in progress with a note, and a refused update that changes nothing.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct ActionReviewEndToEndTests {
    @Test func updateAnAction() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 80, rows: 24)
        let t = session.tmux
        try t.waitFor("committees and meetings")
        try t.keys("a")
        try t.waitFor("Action review · all committees")
        try t.keys("O")
        let overdue = try t.waitFor("· overdue")
        #expect(overdue.contains("3 overdue"))
        #expect(overdue.contains("to look at how it can support PBC groups"))
        #expect(overdue.contains("Dr Peter Graves"))
        #expect(overdue.contains("to arrange next meetings for July and September"))
        // The second, Dr Graves's letter: in progress, with a note.
        try t.keys("j", "s")
        try t.waitFor("Note:")
        try t.type("Letter drafted, sent after the July meeting")
        try t.waitFor("July meeting▏")
        try t.keys("Enter")
        try t.waitFor("23 Nov 2026 in progress: Letter drafted")
        // The same status again with no note is refused in the form, on one line.
        try t.keys("r")
        try t.waitFor("Note:")
        try t.keys("Enter")
        try t.waitFor("already in-progress; add a note")
        try t.keys("Escape")
        usleep(150_000)
        try t.keys("Enter")
        try t.waitFor("Action history")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let letter = try #require(store.state.actions.values.first { $0.meetingID == "hpbc-2008-04-22" && $0.number == 2 })
        #expect(letter.status == .inProgress)
        #expect(letter.history.count == 1)
        let update = try #require(letter.history.first)
        #expect(update.on == CalendarDate(year: 2026, month: 11, day: 23)!)
        #expect(update.status == .inProgress)
        #expect(update.note == "Letter drafted, sent after the July meeting")
        #expect(update.meetingID == nil)
        let others = store.state.actions.values.filter { $0.id != letter.id }
        #expect(others.allSatisfy { $0.history.isEmpty && $0.status == .open })
    }
}
