import ClerkApp
import ClerkCore
import ClerkTestSupport
import Foundation
import Testing

/// A crash hands nothing to the person at the terminal: no debugger, no register or memory
/// dump. The real binary, in a real terminal, is stopped as a bug would stop it
/// (`fatalError`, reached with the hidden `--crash-for-test` at the first key).
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct CrashEndToEndTests {
    /// What Swift's backtracer prints or asks; none of it may reach the terminal.
    static let backtracerWords = ["Crashed", "crashed", "Thread 0", "Registers", "rip 0x", "Press space", "Images",
                                  "Backtrace took", "swift-backtrace", "mem ", "💣"]

    /// How clerk is stopped once its screen is up.
    enum Stop { case bug, quitSignal }

    func crash(environment: [String: String], by stop: Stop = .bug) throws {
        let dir = try TempDir("clerk-crash")
        defer { dir.remove() }
        let archive = dir.path + "/archive"
        try DemoInstaller.install(at: archive, today: CalendarDate(year: 2026, month: 11, day: 23)!)
        let clerk = try Products.executable("clerk")
        // A shell runs clerk, then shows how it ended and the terminal's modes it left.
        let flag = stop == .bug ? " --crash-for-test" : ""
        let script = "\(clerk) --data \(archive) --today 2026-11-23\(flag); echo \"exit=$?\"; stty -a; echo stty-done; sleep 60"
        var env = ["TERM": "screen-256color", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        let t = try Tmux(cols: 120, rows: 40, command: "sh -c '\(script)'", environment: env)
        defer { t.kill() }
        try t.waitFor("committees and meetings")
        let flags = "#{alternate_on} #{cursor_flag} #{mouse_any_flag} #{keypad_flag}"
        let during = try t.tmux(["display-message", "-p", "-t", t.session, flags]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(during.hasPrefix("1 "), "the screen runs in the alternate screen: \(during)")
        switch stop {
        case .bug: try t.keys("j")
        case .quitSignal: #expect(kill(try clerkPID(t), SIGQUIT) == 0)
        }
        // Quick: the backtracer takes seconds to symbolicate and waits 30 s for keys.
        _ = try t.waitFor("exit=", seconds: 5)
        // Then the modes stty reports, whole (the shell prints them after the exit status).
        let screen = try t.waitFor("stty-done", seconds: 10)
        #expect(screen.contains("exit=70"), "\(screen)")
        let lines = screen.split(separator: "\n").map(String.init)
        let report = lines.filter { $0.hasPrefix("clerk:") }
        #expect(report.count == 1, "\(screen)")
        switch stop {
        case .bug:
            #expect(report.first?.hasPrefix("clerk: internal error (signal ") == true)
            #expect(screen.contains("Please report this."))
        case .quitSignal:
            #expect(report.first?.hasPrefix("clerk: quit (signal 3): stopped.") == true)
        }
        for word in Self.backtracerWords {
            #expect(!screen.contains(word), "the backtracer showed '\(word)':\n\(screen)")
        }
        // The terminal is usable: main screen, cursor shown, no mouse reporting, keypad
        // mode off, and its line discipline back in cooked mode with echo.
        let after = try t.tmux(["display-message", "-p", "-t", t.session, flags]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(after == "0 1 0 0", "alternate, cursor, mouse, keypad: \(after)")
        let modes = lines.drop { !$0.hasPrefix("speed") }.joined(separator: " ").split(separator: " ").map(String.init)
        for mode in ["icanon", "echo", "isig", "icrnl", "opost"] {
            #expect(modes.contains(mode), "stty shows no '\(mode)': \(modes)")
        }
    }

    @Test func aCrashInTheScreenPrintsOneLineRestoresTheTerminalAndExitsAt70() throws {
        try crash(environment: [:])
    }

    @Test func theBacktracerStaysOffEvenWhenTheEnvironmentAsksForItInteractive() throws {
        try crash(environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=yes,timeout=30s"])
    }

    @Test func aQuitSignalEndsItTheSameWayWithoutTheBacktracer() throws {
        try crash(environment: ["SWIFT_BACKTRACE": "enable=yes,interactive=yes"], by: .quitSignal)
    }

    /// clerk, the child of the shell in the pane.
    func clerkPID(_ t: Tmux) throws -> pid_t {
        let shell = try t.tmux(["display-message", "-p", "-t", t.session, "#{pane_pid}"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let children = (try? String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)) ?? ""
        return try #require(children.split(separator: " ").first.flatMap { pid_t($0) }, "no clerk under the pane's shell \(shell)")
    }

    @Test func theCrashFlagIsNotInTheHelp() throws {
        let clerk = try Products.executable("clerk")
        let help = try Run(clerk, ["--help"])
        let openHelp = try Run(clerk, ["open", "--help"])
        #expect(!(help.stdout + openHelp.stdout).contains("crash"))
    }
}
