import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Typing the minutes in the real binary, then a hang-up: nothing typed is lost.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct MinutesEndToEndTests {
    @Test func wordsTypedBeforeAHangUpAreInTheJournal() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 100, rows: 30)
        let t = session.tmux
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("Enter")
        try t.waitFor("minutes draft")
        try t.keys("3")
        try t.waitFor("Item 2, paragraph 2")
        try t.keys("a")
        try t.waitFor("typing (Esc ends)")
        let words = "Minuted live: café, 会議, 👍 — agreed"
        try t.type(words)
        try t.waitFor("agreed")
        // No key is pressed to save: the timer flushes within a second.
        usleep(1_500_000)
        try t.waitFor("saved")

        #expect(kill(try session.clerkPID(), SIGHUP) == 0)
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let record = try store.record(of: "hpbc-2008-04-22")
        #expect(record.entries.contains { $0.text == words })
    }
}
