import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// A real OpenSSH server on 127.0.0.1 for one test: its own port, host key, authorised
/// client key and configuration in a temporary folder, with `ForceCommand` running clerk
/// read-only, as docs/ssh.md sets up readers.
final class TestSSHServer {
    static let sshd = "/usr/sbin/sshd"
    static var isAvailable: Bool {
        FileManager.default.isExecutableFile(atPath: sshd) && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")
            && FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh-keygen")
    }

    let dir: TempDir
    let port: Int
    private var pid: pid_t = 0

    /// With `forceCommand` nil, `extra` (docs/ssh.md's configuration, say) says what runs.
    /// `usePAM` as Debian's sshd has it: without PAM, sshd refuses an account made by
    /// useradd, whose password is locked.
    init(forceCommand: String?, extra: String = "", usePAM: Bool = false) throws {
        dir = try TempDir("clerk-sshd")
        // Other accounts log in too: sshd reads their authorised keys as them.
        chmod(dir.path, 0o755)
        port = try Self.freePort()
        for key in ["host", "client"] {
            let made = try Run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", dir.path + "/" + key])
            guard made.status == 0 else { throw SSHServerError("ssh-keygen failed: \(made.stderr)") }
        }
        try FileManager.default.copyItem(atPath: dir.path + "/client.pub", toPath: dir.path + "/authorized_keys")
        chmod(dir.path + "/authorized_keys", 0o644)
        let config = """
            Port \(port)
            ListenAddress 127.0.0.1
            HostKey \(dir.path)/host
            AuthorizedKeysFile \(dir.path)/authorized_keys
            PidFile \(dir.path)/sshd.pid
            UsePAM \(usePAM ? "yes" : "no")
            StrictModes no
            PermitRootLogin yes
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PermitTTY yes
            AllowTcpForwarding no
            AllowStreamLocalForwarding no
            X11Forwarding no
            PermitUserRC no
            AcceptEnv LANG LC_*
            \(forceCommand.map { "ForceCommand \($0)" } ?? "")
            \(extra)

            """
        try config.write(toFile: dir.path + "/sshd_config", atomically: true, encoding: .utf8)
        // sshd refuses to start without its privilege-separation folder.
        if getuid() == 0 { try? FileManager.default.createDirectory(atPath: "/run/sshd", withIntermediateDirectories: true) }
        let started = try Run(Self.sshd, ["-f", dir.path + "/sshd_config", "-E", dir.path + "/sshd.log"])
        guard started.status == 0 else { throw SSHServerError("sshd did not start: \(started.stderr)\(log)") }
        let deadline = Date().addingTimeInterval(10)
        while Date() < deadline {
            if let text = try? String(contentsOfFile: dir.path + "/sshd.pid", encoding: .utf8), let p = pid_t(text.trimmingCharacters(in: .whitespacesAndNewlines)) {
                pid = p
                return
            }
            usleep(50_000)
        }
        throw SSHServerError("sshd wrote no pid file: \(log)")
    }

    var log: String { (try? String(contentsOfFile: dir.path + "/sshd.log", encoding: .utf8)) ?? "" }

    /// The ssh client command line, logging in as the current user with the test key.
    func client(_ extra: [String] = [], user: String? = nil) -> [String] {
        ["-i", dir.path + "/client", "-o", "SendEnv=LANG", "-p", String(port), "-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null",
         "-o", "LogLevel=ERROR", "-o", "BatchMode=yes"] + extra + [user.map { "\($0)@127.0.0.1" } ?? "127.0.0.1"]
    }

    static func freePort() throws -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0 }
        }
        guard bound else { throw POSIXError(.EADDRINUSE) }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    func stop() {
        if pid > 0 { kill(pid, SIGTERM) }
        pid = 0
        dir.remove()
    }

    deinit { stop() }
}

struct SSHServerError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// Readers reach clerk over SSH: browse, follow a meeting as the secretary minutes it,
/// and find that nothing they press changes the archive, and no command gets them a shell.
@Suite(.serialized,
       .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"),
       .enabled(if: TestSSHServer.isAvailable,
                "needs OpenSSH (sshd, ssh, ssh-keygen): apt-get install -y openssh-server; scripts/test installs it when run as root"))
struct SSHEndToEndTests {
    static let followed = "pcpg-2027-01-12"

    @Test func aReaderOverSSHBrowsesFollowsAndCannotWrite() throws {
        let dir = try TempDir("clerk-ssh")
        defer { dir.remove() }
        let archive = dir.path + "/archive"
        try DemoInstaller.install(at: archive, today: CalendarDate(year: 2026, month: 11, day: 23)!)
        let before = try folderContents(archive)
        let clerk = try Products.executable("clerk")
        let server = try TestSSHServer(forceCommand: "\(clerk) --read-only --data \(archive) --today 2026-11-23")
        defer { server.stop() }

        // The command asked for is ignored: the reader gets clerk, not a shell.
        let marker = dir.path + "/shell-was-here"
        let ssh = (["ssh", "-tt"] + server.client() + ["'touch \(marker); exec sh'"]).joined(separator: " ")
        let t = try Tmux(cols: 120, rows: 40, command: ssh, environment: ["TERM": "screen-256color", "LANG": "C.UTF-8"])
        defer { t.kill() }
        let home = try t.waitFor("committees and meetings", seconds: 20)
        #expect(home.split(separator: "\n").first?.contains("read-only") == true)

        // Browse into the 22 April 2008 meeting; every write key is refused on the status line.
        try t.keys("Enter")
        let meeting = try t.waitFor("22 Apr 2008")
        #expect(meeting.split(separator: "\n").first?.contains("read-only") == true)
        let refusals: [([String], String)] = [
            (["2", "a"], "read-only: a (apologies) changes the record; this session was started with --read-only"),
            (["3", "e"], "read-only: e (edit) changes the record; this session was started with --read-only"),
            (["1", "C"], "read-only: C (meeting.close) changes the record; this session was started with --read-only"),
            (["1", "S"], "read-only: S (start) changes the record; this session was started with --read-only"),
            (["4", "d"], "read-only: d (done) changes the record; this session was started with --read-only"),
        ]
        for (keys, message) in refusals {
            for key in keys { try t.keys(key) }
            try t.wait(what: "'\(message)' after \(keys)") { ($0.split(separator: "\n").last ?? "").hasPrefix(message) }
        }

        // Follow a planned meeting while the secretary, in another process, starts it and minutes.
        try t.keys("Escape")
        try t.waitFor("Committees")
        try t.keys("]", "]")
        try t.waitFor("2027-01-12 Tue 10:00")
        try t.keys("Enter")
        try t.waitFor("12 Jan 2027")
        try t.keys("3")
        let writer = try ArchiveStore(directory: archive, mode: .readWrite)
        let context = CommandContext(now: Instant(date: CalendarDate(year: 2027, month: 1, day: 12)!, time: TimeOfDay(hour: 10, minute: 2)!)) { prefix in
            "\(prefix)ssh\(prefix.count)"
        }
        try writer.commit(at: context.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: Self.followed)).start(context: context)
        }
        try t.waitFor("in progress")
        let texts = ["Live: budget timetable agreed", "Live: finance report in March"]
        for (n, text) in texts.enumerated() {
            let item = try writer.record(of: Self.followed).items[n + 1].id
            try writer.commit(at: context.now) { store in
                try MeetingContext(archive: store.state, record: try store.record(of: Self.followed))
                    .addEntry(to: item, kind: .noted, text: text, context: CommandContext(now: context.now) { "\($0)live\(n)" })
            }
            // As the minutes word a noted point: "It was noted that live: …".
            try t.waitFor(MinuteWording.opening(.noted, text, style: .informal), seconds: 5)
        }
        try t.keys("Q")
        try t.wait(what: "the session to end") { _ in (try? t.paneDead()) == true }
        #expect(!FileManager.default.fileExists(atPath: marker), "the command asked for ran")

        // Without a terminal: still clerk, which says it needs one; no shell either.
        let plain = try Run("/usr/bin/ssh", server.client() + ["touch \(marker)"])
        #expect(plain.stderr.contains("the screen needs a terminal"), "\(plain.stdout)\(plain.stderr)")
        #expect(plain.status != 0)
        #expect(!FileManager.default.fileExists(atPath: marker))

        // The archive is as it was, but for what the writer appended to its two segments.
        let after = try folderContents(archive)
        let appended: Set<String> = ["journal/archive.jsonl", "journal/meetings/\(Self.followed).jsonl"]
        #expect(Set(after.keys).subtracting(before.keys).subtracting(appended).isEmpty,
                "new files: \(Set(after.keys).subtracting(before.keys))")
        #expect(Set(before.keys).subtracting(after.keys).isEmpty)
        for (path, bytes) in before {
            if appended.contains(path) {
                #expect(after[path]?.starts(with: bytes) == true, "\(path) was not only appended to")
            } else {
                #expect(after[path] == bytes, "\(path) changed")
            }
        }
    }
}
