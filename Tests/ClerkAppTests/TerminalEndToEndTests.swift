import ClerkTestSupport
import Foundation
import Testing

/// Any terminal: unknown and missing TERM, a terminal that cannot move the cursor, a
/// locale that is not UTF-8, C-l after something wrote over the screen, Ctrl-Z and fg.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct TerminalEndToEndTests {
    let clerk: String

    init() throws {
        clerk = try Products.executable("clerk")
    }

    /// `clerk demo` started through `env` with `setting` (VAR=value, or -u VAR).
    func demo(_ setting: String, cols: Int = 80, rows: Int = 24) throws -> Tmux {
        try DemoSession(clerk: "env \(setting) \(clerk)", cols: cols, rows: rows).tmux
    }

    /// The pane with tmux's line-drawing cells (sent as the terminal's alternate
    /// character set) turned into box-drawing characters: what the person sees.
    func seen(_ t: Tmux) throws -> String {
        let raw = try t.tmux(["capture-pane", "-p", "-e", "-t", t.session]).stdout
        let acs: [Character: Character] = ["q": "─", "x": "│", "l": "┌", "k": "┐", "m": "└", "j": "┘", "~": "·",
                                           "+": "→", ",": "←", "t": "├", "u": "┤", "w": "┬", "v": "┴", "n": "┼"]
        var out = "", alternate = false, escape = false
        for c in raw {
            if escape {
                if c.isLetter { escape = false }
                continue
            }
            switch c {
            case "\u{1B}": escape = true
            case "\u{0E}": alternate = true
            case "\u{0F}": alternate = false
            default: out.append(alternate ? acs[c] ?? c : c)
            }
        }
        return out
    }

    /// A terminal type terminfo here does not know: xterm-ghostty, unless this machine has
    /// its entry.
    static var unknownType: String {
        let known = ["/usr/share/terminfo", "/lib/terminfo", "/etc/terminfo"].contains {
            FileManager.default.fileExists(atPath: "\($0)/x/xterm-ghostty")
        }
        return known ? "xterm-clerk-unknown" : "xterm-ghostty"
    }

    static func lastLine(_ screen: String) -> String {
        screen.split(separator: "\n").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    @Test func anUnknownTermOpensOnAFallbackAndSaysSoOnce() throws {
        let type = Self.unknownType
        let t = try demo("TERM=\(type)")
        let screen = try t.waitFor("TERM \(type) is not known here; using xterm-256color")
        #expect(screen.contains("committees and meetings"))
        #expect(screen.contains("┌─"))
        // Once: the next key clears it, and nothing brings it back.
        try t.keys("j")
        try t.wait(what: "the note to go") { !$0.contains("is not known here") && $0.contains("? help") }
        try t.keys("Enter")
        try t.waitFor("Agenda")
        try t.keys("Escape")
        let later = try t.waitFor("committees and meetings")
        #expect(!later.contains("is not known here"))
        try t.keys("C-c")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func kittyToo() throws {
        let t = try demo("TERM=xterm-kitty")
        let known = FileManager.default.fileExists(atPath: "/usr/share/terminfo/x/xterm-kitty")
        try t.waitFor(known ? "committees and meetings" : "TERM xterm-kitty is not known here; using xterm-256color")
        try t.keys("C-c")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func noTermAtAllOpensOnAFallbackAndSaysSo() throws {
        let t = try demo("-u TERM")
        let screen = try t.waitFor("TERM is not set; using xterm-256color")
        #expect(screen.contains("Hertfordshire PBC Leads"))
        try t.keys("C-c")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func aDumbTerminalIsRefusedInOneLineNamingTheCommandsThatWork() throws {
        let dir = try TempDir("clerk-dumb")
        defer { dir.remove() }
        let t = try Tmux(cols: 200, rows: 10,
                         command: "TMPDIR=\(dir.path) TERM=dumb \(clerk) demo --today 2026-11-23; echo \"exit=$?\"; sleep 60")
        let screen = try t.waitFor("exit=")
        let lines = screen.split(separator: "\n").map(String.init)
        #expect(lines.count == 2, "\(screen)")
        #expect(lines.first?.hasPrefix("clerk: this terminal (TERM dumb) cannot move the cursor") == true, "\(screen)")
        #expect(lines.first?.contains("'clerk actions'") == true)
        #expect(lines.first?.contains("'clerk export'") == true)
        #expect(lines.dropFirst().first == "exit=1")
        // The screen was never started: nothing was drawn, nothing cleared, and no
        // scratch archive was made for it.
        #expect(!screen.contains("committees and meetings"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("clerk-demo-") }.isEmpty)
    }

    @Test(arguments: ["-u LC_ALL -u LC_CTYPE LANG=C", "LC_ALL=C LANG=C.UTF-8"])
    func withoutAUTF8LocaleBordersAreLineDrawingAndTextIsAscii(_ locale: String) throws {
        let t = try demo(locale)
        try t.waitFor("committees and meetings")
        try t.wait(what: "the home screen drawn") { _ in ((try? self.seen(t)) ?? "").contains("13:00-14:30") }
        let seen = try seen(t)
        let rows = seen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(rows[1].hasPrefix("┌─ ← Hertfordshire PBC Leads →"), "\(rows[1])")
        #expect(rows[1].hasSuffix("─┐"), "\(rows[1])")
        #expect(rows[2].hasPrefix("│Past") && rows[2].hasSuffix("│"), "\(rows[2])")
        #expect(rows[22].hasPrefix("└──") && rows[22].hasSuffix("┘"), "\(rows[22])")
        #expect(rows[0].hasPrefix("clerk · committees and meetings"))
        // No character became a question mark: the dash of a time range is a hyphen.
        #expect(!rows.prefix(23).joined().contains("?"), "\(seen)")
        #expect(seen.contains("2008-04-22 Tue 13:00-14:30"))
        try t.keys("C-c")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func aUTF8LocaleThisHostLacksStillDrawsUnicode() throws {
        let t = try demo("-u LC_ALL -u LC_CTYPE LANG=xx_XX.UTF-8")
        let screen = try t.waitFor("13:00–14:30")
        #expect(screen.contains("┌─ ◀ Hertfordshire PBC Leads ▶"))
        try t.keys("C-c")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func controlLRepaintsAfterAnotherProgramWroteOverTheScreen() throws {
        let t = try demo("TERM=screen-256color")
        try t.waitFor("committees and meetings")
        try t.keys("Enter")
        let clean = try t.waitFor("1. Minutes of the last meeting and matters arising")
        let tty = try t.tmux(["display-message", "-p", "-t", t.session, "#{pane_tty}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let garbage = "\u{1B}[5;5HGARBAGE GARBAGE GARBAGE\u{1B}[1;1H\u{1B}[2K\u{1B}[12;1H\u{1B}[2KNOISE"
        try Data(garbage.utf8).write(to: URL(fileURLWithPath: tty))
        try t.waitFor("GARBAGE GARBAGE")
        #expect(try t.capture() != clean)
        try t.keys("C-l")
        try t.wait(what: "the screen as it was") { $0 == clean }
        try t.keys("C-c")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func controlZSuspendsToTheShellAndFgRestores() throws {
        let dir = try TempDir("clerk-suspend")
        defer { dir.remove() }
        let shell = "env -i HOME=\(dir.path) TMPDIR=\(dir.path) TERM=screen-256color LANG=C.UTF-8 PS1='shell$ ' "
            + "bash --norc --noprofile -i"
        let t = try Tmux(cols: 80, rows: 24, command: shell)
        try t.waitFor("shell$")
        try t.type("\(clerk) demo --today 2026-11-23")
        try t.keys("Enter")
        try t.waitFor("committees and meetings")
        try t.keys("Enter")
        let meeting = try t.waitFor("1. Minutes of the last meeting and matters arising")
        try t.keys("C-z")
        let stopped = try t.wait(what: "the shell after Ctrl-Z") { $0.contains("Stopped") && Self.lastLine($0) == "shell$" }
        #expect(!stopped.contains("1. Minutes of the last meeting"))
        // The shell has the terminal back, as it was: the command typed is echoed.
        try t.type("echo back-in-the-shell")
        try t.keys("Enter")
        try t.waitFor("back-in-the-shell\nshell$")
        try t.type("fg")
        try t.keys("Enter")
        try t.wait(what: "the meeting again") { $0 == meeting }
        // Raw keys again: "?" opens the help without Enter.
        try t.keys("?")
        try t.waitFor("Keys · Esc closes")
        try t.keys("Escape")
        usleep(150_000)
        try t.keys("C-c")
        try t.wait(what: "the shell prompt after clerk quit") { Self.lastLine($0) == "shell$" }
    }

    @Test func controlZWithNoShellToReturnToSaysSo() throws {
        // tmux starts the command with sh -c: clerk leads its own session, with no job control.
        let t = try demo("TERM=screen-256color")
        try t.waitFor("committees and meetings")
        try t.keys("C-z")
        try t.waitFor("Ctrl-Z: there is no shell here to return to")
        #expect(try t.paneDead() == false)
        try t.keys("C-c")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }
}
