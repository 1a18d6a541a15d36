import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Minutes and actions are written by one person and read on another's terminal: escape
/// sequences in them must arrive as visible symbols, never as commands to the terminal.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct TerminalInjectionEndToEndTests {
    static let meeting = "hpbc-2008-04-22"
    /// An OSC title change, cursor home, clear screen, and a C1 (8-bit) CSI clear screen.
    static let hostile = "Inj \u{1B}]0;pwned\u{07}T \u{1B}[H H \u{1B}[2J C \u{9B}2J E"

    /// A demo archive with the hostile text as a minute and as an action of the 2008 meeting.
    func archive(_ dir: TempDir) throws -> String {
        let archive = dir.path + "/archive"
        try DemoInstaller.install(at: archive, today: CalendarDate(year: 2026, month: 11, day: 23)!)
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        let context = CommandContext(now: Instant(date: CalendarDate(year: 2026, month: 11, day: 23)!, time: TimeOfDay(hour: 9, minute: 0)!),
                                     makeID: { "\($0)inj" })
        let item = try store.record(of: Self.meeting).items[0].id
        try store.commit(at: context.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: Self.meeting))
                .addEntry(to: item, kind: .note, text: Self.hostile, context: context)
        }
        try store.commit(at: context.now) { store in
            try store.state.raiseAction(in: Self.meeting, item: item, text: Self.hostile, owner: "LMC", due: "", context: context)
        }
        return archive
    }

    @Test func escapeSequencesInTheMinutesShowAsVisibleSymbolsAndLeaveTheTerminalAlone() throws {
        let dir = try TempDir("clerk-inject")
        defer { dir.remove() }
        let archive = try archive(dir)
        let clerk = try Products.executable("clerk")
        let t = try Tmux(cols: 160, rows: 48, command: "\(clerk) --read-only --data \(archive) --today 2026-11-23",
                         environment: ["TERM": "screen-256color", "LANG": "C.UTF-8"])
        defer { t.kill() }
        try t.tmux(["select-pane", "-t", t.session, "-T", "untouched"])
        try t.waitFor("committees and meetings")
        try t.keys("Enter")
        try t.waitFor("22 Apr 2008")
        try t.keys("3")
        let screen = try t.waitFor("Inj ␛]0;pwned␇T ␛[H H ␛[2J C �2J E")
        // Nothing was cleared or overwritten: the header and the panes are still there.
        #expect(screen.split(separator: "\n").first?.contains("22 Apr 2008") == true)
        #expect(screen.contains("Attendance"))
        let title = try t.tmux(["display-message", "-p", "-t", t.session, "#{pane_title}"]).stdout
        #expect(title.trimmingCharacters(in: .whitespacesAndNewlines) == "untouched")
    }

    @Test func theCommandLineNeverPrintsARawEscape() throws {
        let dir = try TempDir("clerk-inject-cli")
        defer { dir.remove() }
        let archive = try archive(dir)
        let clerk = try Products.executable("clerk")
        let outputs = [
            ["export", "minutes", Self.meeting], ["export", "minutes", Self.meeting, "--format", "md"],
            ["export", "minutes", Self.meeting, "--format", "html"], ["export", "agenda", Self.meeting],
            ["export", "actions"], ["export", "actions", "--format", "json"], ["actions"], ["meetings"],
        ]
        for arguments in outputs {
            let run = try Run(clerk, arguments + ["--data", archive, "--today", "2026-11-23"])
            #expect(run.status == 0, "\(arguments): \(run.stderr)")
            #expect(!run.stdout.unicodeScalars.contains { Self.isControl($0) }, "\(arguments) printed a control character")
        }
        let actions = try Run(clerk, ["actions", "--data", archive, "--today", "2026-11-23"]).stdout
        #expect(actions.contains("Inj ␛]0;pwned␇T"))
    }

    /// C0 and C1 controls, bar the line breaks and tabs that plain text and CSV use.
    static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\n" && s != "\t" && s != "\r") || (0x7F...0x9F).contains(s.value)
    }
}
