import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Typing the minutes in the real binary, then a hang-up: nothing typed is lost.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct MinutesEndToEndTests {
    @Test func wordsTypedBeforeAHangUpAreInTheJournal() throws {
        let clerk = try Products.executable("clerk")
        let dir = try TempDir("clerk-e2e-minutes")
        let environment = ["TMPDIR": dir.path, "XDG_CONFIG_HOME": dir.path + "/config", "TERM": "screen-256color"]
        let t = try Tmux(cols: 100, rows: 30, command: "\(clerk) demo --today 2026-11-23", environment: environment)
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

        let pid = try clerkPID(t)
        #expect(kill(pid, SIGHUP) == 0)
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let scratch = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("clerk-demo-") }
        let archive = try #require(scratch.first.map { dir.path + "/" + $0 })
        let store = try ArchiveStore(directory: archive, mode: .readOnly)
        let record = try store.record(of: "hpbc-2008-04-22")
        #expect(record.entries.contains { $0.text == words })
    }

    /// The clerk process in the pane: the pane's own process, or its child when a shell
    /// started it.
    func clerkPID(_ t: Tmux) throws -> pid_t {
        let panePID = try t.tmux(["display-message", "-p", "-t", t.session, "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let pid = try #require(pid_t(panePID))
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        if comm.hasPrefix("clerk") { return pid }
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        return try #require(children.split(separator: " ").first.flatMap { pid_t($0) })
    }
}
