import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// A dropped connection and a killed process, mid-paragraph, in the real binary.
/// SIGHUP loses nothing; kill -9 loses at most what was typed in the last second.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct HangUpEndToEndTests {
    let clerk: String
    let dir: TempDir
    let t: Tmux

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-hangup")
        t = try Tmux(cols: 120, rows: 40, command: "\(clerk) demo --today 2026-11-23",
                     environment: ["TMPDIR": dir.path, "XDG_CONFIG_HOME": dir.path + "/config", "TERM": "screen-256color"])
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("Enter")
        try t.waitFor("minutes draft")
        try t.keys("3", "a")
        try t.waitFor("typing (Esc ends)")
    }

    func clerkPID() throws -> pid_t {
        let pane = try t.tmux(["display-message", "-p", "-t", t.session, "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(pid_t(pane))
    }

    /// The text of the paragraph being typed, as the journal has it.
    func saved() throws -> String {
        let scratch = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("clerk-demo-") }
        let archive = try #require(scratch.first.map { dir.path + "/" + $0 })
        let store = try ArchiveStore(directory: archive, mode: .readOnly)
        let record = try store.record(of: "hpbc-2008-04-22")
        return record.entries.last { $0.text.hasPrefix("Typed live") }?.text ?? ""
    }

    @Test(arguments: [SIGHUP, SIGTERM])
    func aHangUpOrTerminateMidParagraphLosesNothing(_ signal: Int32) throws {
        let words = "Typed live: the leads agreed that the delays in receiving budgets will not delay the plan"
        try t.type(words)
        try t.waitFor("delay the plan")
        // No pause for the timer: the signal itself must save the paragraph.
        #expect(kill(try clerkPID(), signal) == 0)
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
        #expect(kill(try clerkPID(), SIGKILL) == 0)
        try t.wait(what: "clerk to die") { _ in (try? t.paneDead()) == true }
        let text = try saved()
        print("[kill -9] typed \(first.count + second.count) characters, saved \(text.count); lost \(first.count + second.count - text.count), all typed in the last second")
        // Everything typed more than a second before the kill is on disk.
        #expect(text.hasPrefix(first))
        #expect((first + second).hasPrefix(text))
    }
}
