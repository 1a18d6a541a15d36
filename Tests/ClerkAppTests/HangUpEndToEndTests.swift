import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// A dropped connection and a killed process, mid-paragraph, in the real binary.
/// SIGHUP loses nothing; kill -9 loses at most what was typed in the last second.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct HangUpEndToEndTests {
    let session: DemoSession
    var t: Tmux { session.tmux }

    init() throws {
        session = try DemoSession(clerk: try Products.executable("clerk"), cols: 120, rows: 40)
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("Enter")
        try t.waitFor("minutes draft")
        try t.keys("3", "a")
        try t.waitFor("typing (Esc ends)")
    }

    /// The text of the paragraph being typed, as the journal has it.
    func saved() throws -> String {
        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let record = try store.record(of: "hpbc-2008-04-22")
        return record.entries.last { $0.text.hasPrefix("Typed live") }?.text ?? ""
    }

    @Test(arguments: [SIGHUP, SIGTERM])
    func aHangUpOrTerminateMidParagraphLosesNothing(_ signal: Int32) throws {
        let words = "Typed live: the leads agreed that the delays in receiving budgets will not delay the plan"
        try t.type(words)
        try t.waitFor("delay the plan")
        // No pause for the timer: the signal itself must save the paragraph.
        #expect(kill(try session.clerkPID(), signal) == 0)
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
        let text = try saved()
        print("[signal \(signal)] typed \(words.count) characters, saved \(text.count), lost \(words.count - text.count)")
        #expect(text == words)
    }

    @Test func killMinusNineLosesAtMostTheLastSecond() throws {
        let first = "Typed live: concern was expressed that there continues to be a lack of financial information. "
        try t.type(first)
        try t.waitFor("financial information")
        usleep(1_500_000)
        let second = "Groups have been told that the finance department is recalculating the budgets"
        try t.type(second)
        try t.waitFor("recalculating")
        #expect(kill(try session.clerkPID(), SIGKILL) == 0)
        try t.wait(what: "clerk to die") { _ in (try? t.paneDead()) == true }
        let text = try saved()
        print("[kill -9] typed \(first.count + second.count) characters, saved \(text.count); lost \(first.count + second.count - text.count), all typed in the last second")
        // Everything typed more than a second before the kill is on disk.
        #expect(text.hasPrefix(first))
        #expect((first + second).hasPrefix(text))
    }
}

/// A terminal that goes away without a hang-up signal reaching clerk (clerk in a session
/// of its own, as `su -c` or some SSH set-ups leave it): reads fail, and clerk must save
/// and exit instead of spinning on a terminal that is gone.
@Suite(.serialized, .enabled(if: Tmux.isAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/setsid"),
                             "needs tmux and setsid"))
struct LostTerminalEndToEndTests {
    @Test func clerkSavesAndExitsWhenItsTerminalCloses() throws {
        let session = try DemoSession(clerk: "/usr/bin/setsid -w " + (try Products.executable("clerk")), cols: 100, rows: 30)
        let t = session.tmux
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("Enter")
        try t.waitFor("minutes draft")
        try t.keys("3", "a")
        try t.waitFor("typing (Esc ends)")
        let words = "Typed before the terminal closed"
        try t.type(words)
        try t.waitFor("terminal closed")
        let pid = try session.clerkPID()
        let archive = try session.archive()
        t.kill()
        // The process is gone within a few seconds (not left reading a closed terminal).
        var alive = true
        for _ in 0..<100 where alive {
            usleep(50_000)
            alive = kill(pid, 0) == 0 && !((try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8))?.contains(") Z ") ?? true)
        }
        if alive { kill(pid, SIGKILL) }
        #expect(!alive, "clerk (pid \(pid)) still running after its terminal closed")
        let record = try ArchiveStore(directory: archive, mode: .readOnly).record(of: "hpbc-2008-04-22")
        #expect(record.entries.contains { $0.text == words })
    }
}
