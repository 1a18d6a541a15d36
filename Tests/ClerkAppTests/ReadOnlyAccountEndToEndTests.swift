import ClerkApp
import ClerkCore
import ClerkTestSupport
import Foundation
import Testing

/// A command line that runs `command` as the `nobody` account (root only).
enum NobodyAccount {
    static let nobody = "65534"
    static func command(_ command: [String]) -> [String] {
        ["/usr/bin/setpriv", "--reuid=\(nobody)", "--regid=\(nobody)", "--clear-groups"] + command
    }

    static var canRun: Bool {
        guard getuid() == 0, FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
              let clerk = try? Products.executable("clerk") else { return false }
        let check = command(["/usr/bin/test", "-x", clerk])
        return (try? Run(check[0], Array(check.dropFirst())))?.status == 0
    }
}

/// An account without write permission gets a read-only session without asking for one:
/// clerk runs as `nobody` (setpriv, so the test must run as root) on an archive that
/// account can read but not write.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"),
       .enabled(if: NobodyAccount.canRun,
                "needs root and setpriv (util-linux), and a build folder the nobody account can reach"))
struct ReadOnlyAccountEndToEndTests {
    @Test func anAccountThatCannotWriteGetsAReadOnlySessionAndChangesNothing() throws {
        let dir = try TempDir("clerk-ro-account")
        defer { dir.remove() }
        chmod(dir.path, 0o755)
        let archive = dir.path + "/archive"
        try DemoInstaller.install(at: archive, today: CalendarDate(year: 2026, month: 11, day: 23)!)
        // Readable by every account, writable by root alone, whatever the umask.
        #expect(try Run("/bin/chmod", ["-R", "u+rwX,go+rX,go-w", archive]).status == 0)
        let before = try folderContents(archive)
        let clerk = try Products.executable("clerk")
        let command = NobodyAccount.command(["/usr/bin/env", "HOME=\(dir.path)", clerk, "--data", archive, "--today", "2026-11-23"])
        let t = try Tmux(cols: 100, rows: 30, command: command.joined(separator: " "),
                         environment: ["TERM": "screen-256color", "LANG": "C.UTF-8"])
        defer { t.kill() }
        let screen = try t.waitFor("read-only: your account cannot write to this archive")
        #expect(screen.split(separator: "\n").first?.contains("read-only") == true)
        try t.keys("Enter")
        try t.waitFor("22 Apr 2008")
        try t.keys("2", "p")
        try t.waitFor("read-only: p (present) changes the record; only accounts in the archive folder's")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
        #expect(try folderContents(archive) == before)
    }
}
