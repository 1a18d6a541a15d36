import ClerkTestSupport
import Foundation
import Testing

/// The real binary in a real terminal (tmux): what a person sees and does.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct EndToEndTests {
    let clerk: String

    init() throws {
        clerk = try Products.executable("clerk")
    }

    func start(_ cols: Int, _ rows: Int, _ args: String = "", env: [String: String] = [:]) throws -> Tmux {
        try DemoSession(clerk: clerk, cols: cols, rows: rows, arguments: args, environment: env).tmux
    }

    @Test func navigateEveryPaneResizeAndQuit() throws {
        let t = try start(80, 24)
        try t.waitFor("committees and meetings")
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("Enter")
        try t.waitFor("1. Minutes of the last meeting and matters arising")
        try t.keys("2")
        try t.waitFor("Mark Jones, PM (DacCom)")
        let attendance = try t.capture()
        #expect(attendance.contains("West Herts PBC Leads"))
        #expect(attendance.contains("East & North Herts PBC Leads"))
        try t.keys("3")
        try t.waitFor("Item 2, paragraph 2")
        try t.keys("4")
        try t.waitFor("overdue by July 2008")
        // A large terminal shows all four panes at once.
        try t.resize(cols: 200, rows: 60)
        let grid = try t.wait(what: "all four panes") { s in
            ["─ 1 Agenda", "─ 2 Attendance", "─ 3 Minutes", "─ 4 Actions"].allSatisfy(s.contains)
        }
        #expect(grid.contains("Mark Jones, PM (DacCom)"))
        #expect(grid.contains("LMC to look at how it can support PBC groups"))
        // Tiny: says so, never crashes; grows back to where it was.
        try t.resize(cols: 30, rows: 10)
        try t.waitFor("Terminal too small")
        try t.resize(cols: 40, rows: 12)
        try t.wait(what: "the actions pane at 40x12") { $0.contains("Actions") && !$0.contains("too small") }
        try t.resize(cols: 80, rows: 24)
        // q goes back one level, and quits only from the home screen.
        try t.keys("q")
        try t.waitFor("committees and meetings")
        #expect((try? t.paneDead()) != true)
        try t.keys("q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func helpAndCommandLine() throws {
        let t = try start(100, 30)
        try t.waitFor("committees and meetings")
        try t.keys("Enter")
        try t.waitFor("Agenda")
        try t.keys("?")
        // The keys of the pane in focus come first.
        try t.waitFor("Keys · Esc closes")
        try t.waitFor("Show the minutes of the selected item")
        // The keys that work everywhere follow; the list scrolls to them.
        try t.keys("G")
        try t.waitFor("Show the keys of the pane in focus")
        try t.keys("Escape")
        // Escape and a key sent together read as Alt+key, as from a person they would not.
        usleep(150_000)
        try t.keys(":")
        try t.type("pane.att")
        try t.waitFor("Focus the attendance pane")
        try t.keys("Enter")
        try t.waitFor("Apologies")
        try t.keys("C-c")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }

    @Test func homeSwitchesCommitteesWithTheKeysAndTheMouse() throws {
        let t = try start(120, 40)
        try t.waitFor("committees and meetings")
        try t.keys("]")
        try t.waitFor("Upcoming")
        let screen = try t.capture()
        #expect(screen.contains("2026-12-17 Thu"))
        try t.keys("Q")
    }

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func everyThemeRendersInARealTerminal(_ theme: String) throws {
        let t = try start(100, 30, "--theme \(theme)")
        try t.waitFor("committees and meetings")
        let styled = try t.tmux(["capture-pane", "-p", "-e", "-t", t.session]).stdout
        #expect(styled.contains("\u{1B}["), "no attributes drawn")
        #expect(!(try t.capture()).contains("no theme"))
        try t.keys("Q")
    }

    @Test func noColorDrawsNoColours() throws {
        let t = try start(100, 30, env: ["NO_COLOR": "1"])
        try t.waitFor("committees and meetings")
        let styled = try t.tmux(["capture-pane", "-p", "-e", "-t", t.session]).stdout
        // SGR colour parameters: 3x/4x/9x/10x or 38;/48;.
        let colour = try Regex(#"\x1B\[[0-9;]*(38;|48;|(^|;)(3|4|9|10)[0-7](;|m))"#)
        #expect(styled.firstMatch(of: colour) == nil, "colours drawn under NO_COLOR")
        #expect(styled.contains("\u{1B}[7m") || styled.contains(";7m") || styled.contains("[7;"), "selection not in reverse")
        try t.keys("Q")
    }

    @Test func aBadThemeFileIsReportedOnOneLineAndTheDefaultUsed() throws {
        let dir = try TempDir("clerk-theme")
        try FileManager.default.createDirectory(atPath: dir.path + "/clerk/themes", withIntermediateDirectories: true)
        try "base = fg:white\nselection = fg:purpel\n".write(toFile: dir.path + "/clerk/themes/broken.theme", atomically: true, encoding: .utf8)
        let t = try start(100, 30, "--theme broken", env: ["XDG_CONFIG_HOME": dir.path])
        let screen = try t.waitFor("line 2")
        #expect(screen.contains("purpel"))
        #expect(screen.contains("committees and meetings"))
        try t.keys("Q")
    }
}
