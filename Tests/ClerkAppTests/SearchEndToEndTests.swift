import ClerkTestSupport
import Foundation
import Testing

/// Searching the demo archive in the real binary: `/`, the words, the results, and the
/// meeting of 22 April 2008 opened at the hit with the words highlighted.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct SearchEndToEndTests {
    @Test(arguments: [(80, 24), (200, 60)])
    func searchAndOpenTheHit(_ cols: Int, _ rows: Int) throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: cols, rows: rows)
        let t = session.tmux
        try t.waitFor("committees and meetings")
        // An empty search is refused in the prompt, which stays open.
        try t.keys("/")
        try t.waitFor("Find:")
        try t.keys("Enter")
        try t.waitFor("the search is empty")
        try t.type("Darzi Welwyn")
        try t.waitFor("Welwyn▏")
        try t.keys("Enter")
        let results = try t.waitFor("Search · Darzi Welwyn")
        #expect(results.contains("2 found"))
        #expect(results.contains("22 Apr 2008  hpbc  1a Item 2, paragraph 2"))
        #expect(results.contains("5 Extended Hours and Darzi Health Centres"))
        // The second result: item 5 of the meeting, its minutes in view.
        try t.keys("j", "Enter")
        let meeting = try t.waitFor("22 Apr 2008 13:00–14:30")
        #expect(meeting.contains("Extended Hours and Darzi Health Centres"))
        #expect(meeting.contains("Minutes"))
        let styled = try t.tmux(["capture-pane", "-p", "-e", "-t", t.session]).stdout
        // Each word is drawn in a style of its own (the theme's highlight: a colour, or
        // underline in monochrome), so its own escape sequence comes right before and after it.
        #expect(styled.contains("mDarzi\u{1B}["), "the hit is not highlighted")
        #expect(styled.contains("mWelwyn\u{1B}["), "the second word is not highlighted")
        // Back to the results, then home.
        try t.keys("Escape")
        try t.waitFor("Search · Darzi Welwyn")
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
        #expect(FileManager.default.fileExists(atPath: try session.archive() + "/cache/search-index"))
    }
}
