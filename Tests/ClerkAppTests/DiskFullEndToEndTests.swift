import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// The real binary in a real terminal, its archive on a small tmpfs: the disk fills while
/// the minutes are typed, is freed, fills again, and the session is hung up. Mounting needs
/// root (CI runs the suite as root); otherwise the test says why it did not run.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct DiskFullEndToEndTests {
    static let meeting = "hpbc-2008-04-22"

    static func run(_ tool: String, _ args: [String]) -> Int32 {
        (try? Run(tool, args))?.status ?? -1
    }

    static func fill(_ disk: String) {
        let fd = open(disk + "/filler", O_WRONLY | O_CREAT | O_APPEND, 0o600)
        let block = [UInt8](repeating: 0x66, count: 4096)
        var one: [UInt8] = [0x66]
        while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
        while one.withUnsafeMutableBytes({ write(fd, $0.baseAddress, 1) }) > 0 {}
        close(fd)
    }

    /// The paragraph typed, as a new session reads the journal.
    static func saved(_ archive: String) throws -> String {
        let store = try ArchiveStore(directory: archive, mode: .readOnly)
        return try store.record(of: meeting).entries.last { $0.text.hasPrefix("Part one") }?.text ?? ""
    }

    @Test func aFullDiskThenAHangUpLosesNoCharacter() throws {
        guard getuid() == 0 else {
            print("[disk-full e2e] skipped: mounting a tmpfs needs root (uid \(getuid()))")
            return
        }
        let dir = try TempDir("clerk-disk-e2e")
        defer { dir.remove() }
        let disk = dir.path + "/disk", state = dir.path + "/state"
        try FileManager.default.createDirectory(atPath: disk, withIntermediateDirectories: true)
        guard Self.run("/bin/mount", ["-t", "tmpfs", "-o", "size=2m", "tmpfs", disk]) == 0 else {
            print("[disk-full e2e] skipped: mount -t tmpfs failed")
            return
        }
        defer { _ = Self.run("/bin/umount", [disk]) }
        let clerk = try Products.executable("clerk")
        let env = ["TMPDIR": disk, "XDG_CONFIG_HOME": dir.path + "/config", "XDG_STATE_HOME": state, "TERM": "screen-256color"]
        let t = try Tmux(cols: 140, rows: 40, command: "\(clerk) demo --today 2026-11-23", environment: env)
        defer { t.kill() }
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("Enter")
        try t.waitFor("minutes draft")
        try t.keys("3", "a")
        try t.waitFor("typing (Esc ends)")
        let archive = disk + "/" + (try FileManager.default.contentsOfDirectory(atPath: disk).first { $0.hasPrefix("clerk-demo-") } ?? "")

        func typeSlowly(_ text: String) throws {
            var rest = Substring(text)
            while !rest.isEmpty {
                try t.type(String(rest.prefix(40)))
                rest = rest.dropFirst(40)
                usleep(150_000)
            }
        }
        func part(_ name: String) -> String {
            "Part \(name): " + (1...30).map { String(format: "w%02d ", $0) }.joined()
        }
        var typed = ""
        // 1: a working disk.
        typed += part("one")
        try typeSlowly(part("one"))
        try t.wait(what: "saved") { $0.contains("saved") && !$0.contains("saving") }
        // 2: the disk fills; typing goes on (the slack in the file's last page takes a few
        // saves) until the screen says the disk is full and the text is kept.
        Self.fill(disk)
        func typeUntil(_ message: String) throws {
            var n = 0
            while !(try t.capture().contains(message)) {
                n += 1
                #expect(n < 80, "never saw '\(message)'; the screen shows:\n\((try? t.capture()) ?? "")")
                if n >= 80 { return }
                let chunk = "Part \(n): " + (1...8).map { String(format: "w%02d ", $0) }.joined()
                typed += chunk
                try typeSlowly(chunk)
                usleep(300_000)
            }
        }
        try typeUntil("NOT SAVED: disk full (No space left on device) — your text is kept; clerk retries every second")
        // 3: space is freed: saving resumes without a key pressed.
        unlink(disk + "/filler")
        try t.wait(seconds: 10, what: "saved again") { !$0.contains("NOT SAVED") && $0.contains("saved") && !$0.contains("saving") }
        let afterRecovery = try Self.saved(archive)
        #expect(afterRecovery == typed)
        // 4: full again, and the connection drops.
        Self.fill(disk)
        try typeUntil("NOT SAVED: disk full")
        typed += part("last")
        try typeSlowly(part("last"))
        try t.waitFor("w30")
        #expect(kill(try DemoSession.pid(of: t), SIGHUP) == 0)
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
        let screen = try t.tmux(["capture-pane", "-p", "-J", "-S", "-200", "-t", t.session]).stdout.replacingOccurrences(of: "\n", with: "")
        let rescued = try #require(RescueFiles.find(archive: archive, elsewhere: [state + "/clerk/rescue"]).first)
        #expect(rescued.path.hasPrefix(state + "/clerk/rescue/\(Self.meeting)-"))
        #expect(screen.contains("kept in \(rescued.path)"))
        #expect(rescued.text.text == typed)
        let check = try Run(clerk, ["check", "--data", archive], environment: ProcessInfo.processInfo.environment.merging(env) { $1 })
        #expect(check.stdout.contains("warning: \(rescued.path): "))

        // 5: the next session, space freed: the text is offered back and restored.
        unlink(disk + "/filler")
        let next = try Tmux(cols: 140, rows: 40, command: "\(clerk) --data \(archive) --today 2026-11-23", environment: env)
        defer { next.kill() }
        try next.waitFor("Hertfordshire PBC Leads")
        try next.keys("Enter")
        try next.waitFor("r restore into the paragraph · d discard · k keep for later")
        try next.keys("r")
        try next.waitFor("restored")
        let final = try Self.saved(archive)
        let lost = typed.count - (final == typed ? typed.count : final.commonPrefix(with: typed).count)
        print("[disk-full e2e] typed \(typed.count) characters over two full-disk spells and a hang-up: characters lost = \(lost)")
        #expect(final == typed)
        #expect(lost == 0)
        #expect(!FileManager.default.fileExists(atPath: rescued.path))
    }
}

extension DemoSession {
    /// The clerk process in a pane.
    static func pid(of t: Tmux) throws -> pid_t {
        let text = try t.tmux(["display-message", "-p", "-t", t.session, "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        return try #require(pid_t(text), "no pane process: '\(text)'")
    }
}
