import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Screens rendered into the in-memory terminal at fixed sizes and compared with the text
/// files in Tests/ClerkTUITests/Screens (re-recorded with CLERK_RECORD=1, never by hand).
@Suite struct ScreenTests {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!

    /// A change made on the screens' day, at 10:30, with fresh ids: never the system's clock.
    static func context() -> CommandContext {
        CommandContext(Clock.fixed(today, TimeOfDay(hour: 10, minute: 30)!).read(), makeID: ScreenApp.randomID)
    }

    /// A screen on a fresh copy of the demo archive.
    struct Fixture {
        let dir: TempDir
        let store: ArchiveStore
        let term: VirtualTerminal
        let app: ScreenApp

        init(cols: Int, rows: Int, theme: String? = nil, environment: [String: String] = [:], colorCount: Int = 256) throws {
            dir = try TempDir("clerk-screen")
            try DemoInstaller.install(at: dir.path + "/archive", today: ScreenTests.today)
            store = try ArchiveStore(directory: dir.path + "/archive", mode: .readWrite)
            term = VirtualTerminal(size: Size(cols: cols, rows: rows), colorCount: colorCount)
            let (keymap, _) = Keymap.load(configText: nil)
            let (theme, _) = ThemeLoader.load(name: theme, environment: environment, colorCount: colorCount)
            app = ScreenApp(store: store, terminal: term, theme: theme, keymap: keymap, readOnly: false,
                            clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 30)!))
        }

        func screen() -> String {
            app.render()
            return term.snapshot()
        }

        func press(_ keys: Key...) {
            for key in keys { app.handle(.key(key)) }
        }

        func expect(_ name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            try Snapshot.check("Tests/ClerkTUITests/Screens/\(name).txt", equals: screen() + "\n",
                               hint: "run CLERK_RECORD=1 swift test --filter ScreenTests and review the diff",
                               sourceLocation: sourceLocation)
        }
    }

    static let meeting = "hpbc-2008-04-22"

    @Test(arguments: [(80, 24), (160, 48)])
    func home(_ cols: Int, _ rows: Int) throws {
        let f = try Fixture(cols: cols, rows: rows)
        let screen = f.screen()
        #expect(screen.contains("West Herts PBC Leads") || screen.contains("Hertfordshire PBC Leads"))
        try f.expect("home-\(cols)x\(rows)")
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func meetingOf22April2008(_ cols: Int, _ rows: Int) throws {
        let f = try Fixture(cols: cols, rows: rows)
        f.app.open(Self.meeting)
        let screen = f.screen()
        // The name may be shortened on a narrow screen; the date and time never are.
        #expect(screen.contains("Hertfordshire PBC"))
        #expect(screen.split(separator: "\n").first?.contains("22 Apr 2008 13:00–14:30") == true)
        #expect(screen.contains("Minutes of the last meeting and matters arising"))
        try f.expect("meeting-\(cols)x\(rows)")
    }

    @Test func everyPaneAt80x24() throws {
        let f = try Fixture(cols: 80, rows: 24)
        f.app.open(Self.meeting)
        f.press(.char("2"))
        let attendance = f.screen()
        #expect(attendance.contains("West Herts PBC Leads"))
        #expect(attendance.contains("Mark Jones, PM (DacCom)"))
        #expect(attendance.contains("Apologies"))
        try f.expect("attendance-80x24")
        f.press(.char("3"))
        #expect(f.screen().contains("Item 2, paragraph 2"))
        try f.expect("minutes-80x24")
        f.press(.char("4"))
        let actions = f.screen()
        #expect(actions.contains("LMC"))
        #expect(actions.contains("overdue"))
        try f.expect("actions-80x24")
    }

    @Test func tabAndShiftTabCycleFocusAndZoomShowsOnePane() throws {
        let f = try Fixture(cols: 160, rows: 48)
        f.app.open(Self.meeting)
        f.press(.tab)
        #expect(f.app.state.meeting?.focus == .attendance)
        f.press(.backTab, .backTab)
        #expect(f.app.state.meeting?.focus == .actions)
        f.press(.char("3"), .char("z"))
        let zoomed = f.screen()
        #expect(zoomed.contains("Minutes"))
        #expect(!zoomed.contains("2 Attendance ─"))
        try f.expect("zoomed-minutes-160x48")
    }

    @Test func selectingAnAgendaItemShowsItsMinutes() throws {
        let f = try Fixture(cols: 160, rows: 48)
        f.app.open(Self.meeting)
        // 1, 1a, 1b, 1c, 2, 3, 4, 5: seven moves down from the first item.
        for _ in 0..<7 { f.press(.char("j")) }
        let screen = f.screen()
        #expect(screen.contains("Extended Hours and Darzi Health Centres"))
        #expect(screen.contains("conflict of interest"))
    }

    @Test func helpOverlayListsThePaneKeys() throws {
        let f = try Fixture(cols: 80, rows: 24)
        f.app.open(Self.meeting)
        f.press(.char("4"), .char("?"))
        let screen = f.screen()
        #expect(screen.contains("Actions pane"))
        #expect(screen.contains("Show only overdue actions"))
        try f.expect("help-actions-80x24")
        f.press(.escape)
        #expect(f.app.state.overlay == nil)
    }

    @Test func commandLineCompletesAndRunsActionsByName() throws {
        let f = try Fixture(cols: 80, rows: 24)
        f.app.open(Self.meeting)
        f.press(.char(":"))
        for c in "pane.act" { f.press(.char(c)) }
        #expect(f.screen().contains("pane.actions"))
        f.press(.enter)
        #expect(f.app.state.meeting?.focus == .actions)
        f.press(.char(":"))
        for c in "no-such-thing" { f.press(.char(c)) }
        f.press(.enter)
        #expect(f.screen().contains("no command 'no-such-thing'"))
    }

    @Test func homeNavigatesCommitteesAndBack() throws {
        let f = try Fixture(cols: 80, rows: 24)
        let first = f.screen()
        f.press(.char("]"))
        #expect(f.screen() != first)
        f.press(.char("["))
        #expect(f.screen() == first)
        f.press(.enter)
        #expect(f.app.state.meeting != nil)
        f.press(.escape)
        #expect(f.app.state.meeting == nil)
    }

    @Test func tooSmallSaysSoUntilItGrows() throws {
        let f = try Fixture(cols: 80, rows: 24)
        f.app.open(Self.meeting)
        f.press(.char("3"))
        f.term.resize(to: Size(cols: 30, rows: 10))
        f.app.handle(f.term.readInput(timeoutMs: 0)!)
        let small = f.screen()
        #expect(small.contains("Terminal too small"))
        f.press(.char("j"))
        f.term.resize(to: Size(cols: 40, rows: 12))
        f.app.handle(f.term.readInput(timeoutMs: 0)!)
        let usable = f.screen()
        #expect(!usable.contains("too small"))
        #expect(f.app.state.meeting?.focus == .minutes)
        try f.expect("minutes-40x12")
    }

    @Test func resizingKeepsWhereThePersonWas() throws {
        let f = try Fixture(cols: 160, rows: 48)
        f.app.open(Self.meeting)
        f.press(.char("2"), .char("j"), .char("j"))
        f.term.resize(to: Size(cols: 80, rows: 24))
        f.app.handle(f.term.readInput(timeoutMs: 0)!)
        #expect(f.app.state.meeting?.focus == .attendance)
        #expect(f.app.state.meeting?.positions[.attendance]?.selected == 2)
        #expect(f.screen().contains("Attendance"))
    }

    @Test func mouseClickFocusesAPaneAndSelectsARow() throws {
        let f = try Fixture(cols: 160, rows: 48)
        f.app.open(Self.meeting)
        _ = f.screen()
        let layout = Layout.meeting(Size(cols: 160, rows: 48), focus: .agenda, zoomed: false)
        let actions = try #require(layout.panes[.actions])
        f.app.handle(.mouse(MouseEvent(.click, at: Point(x: actions.minX + 3, y: actions.minY + 3))))
        #expect(f.app.state.meeting?.focus == .actions)
        let agenda = try #require(layout.panes[.agenda])
        f.app.handle(.mouse(MouseEvent(.click, at: Point(x: agenda.minX + 3, y: agenda.minY + 3))))
        #expect(f.app.state.meeting?.focus == .agenda)
        #expect(f.app.state.meeting?.positions[.agenda]?.selected == 2)
    }

    @Test func escapeSequencesInMinutesAreShownNotSent() throws {
        let f = try Fixture(cols: 160, rows: 48)
        try f.store.commit(at: Instant(date: Self.today, time: TimeOfDay(hour: 10, minute: 0)!)) { store in
            let record = try store.record(of: Self.meeting)
            let ctx = try MeetingContext(archive: store.state, record: record)
            return try ctx.addEntry(to: record.items[1].id, kind: .note,
                                    text: "evil \u{1B}]0;pwned\u{07} \u{1B}[2J\u{1B}[H title \u{9B}31m end",
                                    context: CommandContext(now: Instant(secondsSinceEpoch: 0)) { $0 + "evil" })
        }
        f.app.open(Self.meeting)
        f.press(.char("j"))
        let screen = f.screen()
        #expect(!screen.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x9B })
        #expect(screen.contains("␛]0;pwned"))
    }

    @Test(arguments: ["default", "light", "high-contrast", "monochrome"])
    func everyThemeRenders(_ name: String) throws {
        let f = try Fixture(cols: 160, rows: 48, theme: name)
        f.app.open(Self.meeting)
        f.press(.char("4"))
        let screen = f.screen()
        #expect(screen.contains("Actions"))
        // The overdue actions stand out from plain text in every theme.
        let overdue = try #require(firstCell(of: "overdue", in: f.term))
        let (theme, _) = ThemeLoader.load(name: name, environment: [:], colorCount: 256)
        #expect(f.term.style(at: overdue) != theme[.base])
    }

    @Test func noColorFallsBackToAttributes() throws {
        let f = try Fixture(cols: 80, rows: 24, environment: ["NO_COLOR": "1"], colorCount: 0)
        f.app.open(Self.meeting)
        _ = f.screen()
        for y in 0..<24 {
            for x in 0..<80 {
                let style = try #require(f.term.style(at: Point(x: x, y: y)))
                #expect(style.fg == nil && style.bg == nil)
            }
        }
        // The selection still shows, by reverse video.
        let selected = (0..<24).contains { y in f.term.style(at: Point(x: 2, y: y))?.reverse == true }
        #expect(selected)
    }

    func firstCell(of text: String, in term: VirtualTerminal) -> Point? {
        for (y, line) in term.snapshot().split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let range = line.range(of: text) {
                return Point(x: DisplayWidth.width(of: line[line.startIndex..<range.lowerBound]), y: y)
            }
        }
        return nil
    }
}

@Suite struct CommandLineEditingTests {
    @Test func editsInTheMiddleLikeReadline() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.press(.char(":"))
        for c in "pane.tions" { f.press(.char(c)) }
        for _ in 0..<5 { f.press(.left) }
        for c in "ac" { f.press(.char(c)) }
        guard case .command(let input)? = f.app.state.overlay else { Issue.record("no command line"); return }
        #expect(input.text == "pane.actions")
        #expect(input.cursor == 7)
        f.press(.ctrl("e"), .ctrl("w"))
        guard case .command(let cleared)? = f.app.state.overlay else { Issue.record("no command line"); return }
        #expect(cleared.text == "")
        f.app.handle(.paste("pane.\u{1B}[2Jagenda\nmore"))
        guard case .command(let pasted)? = f.app.state.overlay else { Issue.record("no command line"); return }
        #expect(!pasted.text.unicodeScalars.contains { $0.value == 0x1B })
        #expect(pasted.text.hasPrefix("pane.") && !pasted.text.contains("\n"))
        f.press(.ctrl("u"), .escape)
        #expect(f.app.state.overlay == nil)
    }
}

/// Frames that draw only the panes that changed must look exactly like whole frames.
@Suite struct PartialFrameTests {
    @Test(arguments: [(160, 48), (80, 24)])
    func onlyChangedPanesAreDrawnAndTheScreenIsTheSame(_ cols: Int, _ rows: Int) throws {
        let f = try ScreenTests.Fixture(cols: cols, rows: rows)
        f.app.open(ScreenTests.meeting)
        let keys: [Key] = [.char("j"), .char("j"), .char("2"), .char("j"), .char("o"), .char("j"), .char("4"), .char("O"),
                           .char("O"), .char("j"), .char("3"), .pageDown, .char("g"), .tab, .char("k"), .char("?"), .escape,
                           .char("1"), .char("G"), .char("z"), .char("k"), .char("z"), .char("4"), .enter, .escape]
        for key in keys {
            f.press(key)
            let partial = f.screen()
            let whole = VirtualTerminal(size: Size(cols: cols, rows: rows))
            f.app.renderer.draw(f.app.state, f.app.data().withFreshCache(), on: whole)
            whole.flush()
            #expect(partial == whole.snapshot(), "after \(key)")
            for y in 0..<rows {
                for x in 0..<cols where f.term.style(at: Point(x: x, y: y)) != whole.style(at: Point(x: x, y: y)) {
                    Issue.record("style differs at \(x),\(y) after \(key): \(String(describing: f.term.style(at: Point(x: x, y: y)))) vs \(String(describing: whole.style(at: Point(x: x, y: y)))) in '\(f.term.snapshot().split(separator: "\n", omittingEmptySubsequences: false)[y])'")
                    return
                }
            }
        }
    }
}

/// Every one-line field (the `:` line, forms, the action prompt) edits and pastes the same way.
@Suite struct OneLineFieldTests {
    @Test func readlineKeysAndPasteAreShared() {
        var field = CommandInput()
        for key: Key in [.char("a"), .char("c"), .left, .char("b"), .end, .char("d"), .home, .ctrl("k")] {
            let taken = field.edit(key)
            #expect(taken)
        }
        #expect(field.text == "" && field.cursor == 0)
        field.paste("part of the group\u{1B}[2J\u{07}\r\nbidding\u{202E} to provide")
        // The escape sequence goes whole, not only its ESC.
        #expect(field.text == "part of the group bidding to provide")
        #expect(!field.text.unicodeScalars.contains { Sanitize.isUnsafe($0) })
        field.cursor = 4
        let killed = field.edit(.ctrl("u"))
        #expect(killed)
        #expect(field.text.hasPrefix(" of the group"))
        let others = [Key.escape, .enter, .f(2)].map { field.edit($0) }
        #expect(others == [false, false, false])
    }

    @Test func aPastedInterestInAFormLosesItsControlCharacters() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.app.open("hpbc-2008-04-22")
        f.press(.char("I"))
        guard case .form = f.app.state.overlay else { Issue.record("no form"); return }
        f.app.handle(.paste("a bid\u{1B}]0;x\u{07}\nfor the service"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.text?.text == "a bid for the service")
    }
}
