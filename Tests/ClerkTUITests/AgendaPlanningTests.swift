import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The demo on a screen whose date is `today`, for commands as well as for the header.
struct PlanningScreen {
    /// Fresh ids; the screen runs on one thread.
    final class IDs: @unchecked Sendable {
        private var n = 0
        func next(_ prefix: String) -> String {
            n += 1
            return "\(prefix)p\(n)"
        }
    }

    let dir: TempDir
    let store: ArchiveStore
    let term: VirtualTerminal
    let app: ScreenApp

    init(today: String = "2026-11-23", cols: Int = 160, rows: Int = 48) throws {
        dir = try TempDir("clerk-planning")
        try DemoInstaller.install(at: dir.path + "/archive", today: ScreenTests.today)
        store = try ArchiveStore(directory: dir.path + "/archive", mode: .readWrite)
        term = VirtualTerminal(size: Size(cols: cols, rows: rows))
        let (keymap, _) = Keymap.load(configText: nil)
        let date = CalendarDate(iso: today)!
        let ids = IDs()
        app = ScreenApp(store: store, terminal: term, theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: false,
                        clock: .fixed(date, TimeOfDay(hour: 10, minute: 0)!), makeID: { ids.next($0) })
    }

    func press(_ keys: Key...) {
        for key in keys { app.handle(.key(key)) }
    }

    func type(_ text: String) {
        for c in text { app.handle(.key(.char(c))) }
    }

    /// Clears the form's line and types `text`.
    func retype(_ text: String) {
        press(.ctrl("a"), .ctrl("k"))
        type(text)
    }

    func screen() -> String {
        app.render()
        return term.snapshot()
    }

    var form: Form? {
        if case .form(let form)? = app.state.overlay { return form }
        return nil
    }

    var message: String { app.state.message?.text ?? "" }

    func record(_ id: MeetingID) throws -> MeetingRecord { try store.record(of: id) }

    /// Selects the agenda row `index` (from 0) of the open meeting.
    func select(_ index: Int) {
        press(.char("1"), .char("g"))
        for _ in 0..<index { press(.char("j")) }
    }
}

/// Building the next West Herts agenda from the agenda pane:
/// 1 Apologies … 4 Action log review, 5 Joint commissioning priorities, 6 Locality plans,
/// 7 Any other business, 8 Date of next meeting.
@Suite struct AgendaPaneBuildingTests {
    static let whpl = "whpl-2026-12-17"

    func numbered(_ r: MeetingRecord) -> [String] { r.items.map { "\(r.number(of: $0.id)) \($0.title)" } }

    @Test func reorderingAndNestingFollowTheItem() throws {
        let s = try PlanningScreen()
        s.app.open(Self.whpl)
        s.select(5)
        let locality = try s.record(Self.whpl).items[5].id
        s.press(.char("K"))
        #expect(try s.record(Self.whpl).number(of: locality) == "5")
        #expect(s.app.state.meeting?.positions[.agenda]?.selected == 4)
        s.press(.char(">"))
        #expect(try s.record(Self.whpl).number(of: locality) == "4a")
        // One level deep: a sub-item cannot go deeper, and the first item has nothing above it.
        s.press(.char(">"))
        #expect(s.message.contains("already a sub-item"))
        s.press(.char("<"))
        #expect(try s.record(Self.whpl).number(of: locality) == "5")
        s.press(.char("g"), .char("K"))
        #expect(s.app.state.message?.isError == true && s.message.contains("already first"))
        s.press(.char("G"), .char("J"))
        #expect(s.message.contains("item 8 is already last"))
        #expect(numbered(try s.record(Self.whpl))[3...6] == ["4 Action log review", "5 Locality plans for collaboration across West Herts",
                                                              "6 Joint commissioning priorities", "7 Any other business"])
        #expect(s.screen().contains("5. Locality plans for collaboration across West Herts"))
    }

    @Test func detailsAreEditedInAFormThatRefusesBadAllocations() throws {
        let s = try PlanningScreen()
        s.app.open(Self.whpl)
        s.select(4)
        s.press(.char("E"))
        #expect(s.form?.text?.text == "Joint commissioning priorities")
        s.type(" 2027/28")
        s.press(.down)
        #expect(s.form?.textLabel == "Description: ")
        s.type("Report of the Chair")
        s.press(.down)
        s.type("Dr Small")
        s.press(.tab)
        s.type("Commissioning plan; Budget table")
        s.press(.down)
        #expect(s.form?.text?.text == "20")
        let before = try s.record(Self.whpl)
        for (bad, problem) in [("0", "between 1 and 600"), ("601", "between 1 and 600"), ("99999999999999999999", "not a number"),
                               ("twenty", "not a number")] {
            s.retype(bad)
            s.press(.enter)
            #expect(s.form?.problem?.contains(problem) == true, "\(bad): \(s.form?.problem ?? "form closed")")
            #expect(try s.record(Self.whpl) == before)
        }
        // Back to the title: emptied, it is refused too.
        s.retype("30")
        // A description too long is refused in one line (the line takes no control characters).
        s.press(.up, .up, .up)
        #expect(s.form?.textLabel == "Description: ")
        for (bad, problem) in [(String(repeating: "x", count: 301), "shorten it")] {
            s.retype(bad)
            s.press(.enter)
            #expect(s.form?.problem?.contains(problem) == true, "\(s.form?.problem ?? "form closed")")
            #expect(s.form?.problem?.contains("\n") == false)
            #expect(try s.record(Self.whpl) == before)
        }
        s.retype("Report of the Chair")
        s.press(.up)
        #expect(s.form?.textLabel == "Title: ")
        s.retype("  ")
        s.press(.enter)
        #expect(s.form?.problem?.contains("needs a title") == true)
        #expect(try s.record(Self.whpl) == before)
        s.retype("Joint commissioning priorities 2027/28")
        s.press(.enter)
        #expect(s.form == nil)
        let item = try s.record(Self.whpl).items[4]
        #expect(item.title == "Joint commissioning priorities 2027/28")
        #expect(item.presenter == "Dr Small")
        #expect(item.description == "Report of the Chair")
        #expect(item.papers == ["Commissioning plan", "Budget table"])
        #expect(item.minutes == 30)
        s.press(.char("!"))
        #expect(try s.record(Self.whpl).items[4].confidential)
        let screen = s.screen()
        #expect(screen.contains("Joint commissioning priorities 2027/28 [confidential]"))
        #expect(screen.contains("Dr Small · papers: Commissioning plan; Budget table"))
        #expect(screen.contains("Report of the Chair"))
        #expect(screen.contains("30m"))
    }

    @Test func removingAsksOnceMoreAndKeepsAnItemWithMinutes() throws {
        let s = try PlanningScreen()
        s.app.open(Self.whpl)
        s.select(5)
        s.press(.char("X"))
        #expect(s.message.hasSuffix("? y/n"))
        #expect(s.message.hasPrefix("Remove item"))
        #expect(try s.record(Self.whpl).items.count == 8)
        s.press(.char("y"))
        #expect(try s.record(Self.whpl).items.map(\.title).contains("Locality plans for collaboration across West Herts") == false)
        // Any other answer cancels.
        s.press(.char("X"), .char("X"))
        #expect(s.message == "not removed")
        s.press(.char("X"), .char("n"))
        #expect(try s.record(Self.whpl).items.count == 7)
        // Removing the last item leaves the new last one selected.
        s.press(.char("G"), .char("X"), .char("y"))
        #expect(try s.record(Self.whpl).items.last?.title == "Any other business")
        #expect(s.app.state.meeting?.positions[.agenda]?.selected == 5)
        // A meeting that has been held keeps its agenda as minuted.
        s.press(.escape)
        s.app.open("hpbc-2008-04-22")
        let held = try s.record("hpbc-2008-04-22")
        s.select(1)
        s.press(.delete)
        #expect(s.message.contains("numbering locked"))
        #expect(try s.record("hpbc-2008-04-22") == held)
    }

    @Test func publishingRecordsTheDateAndLocksTheNumbering() throws {
        let s = try PlanningScreen(today: "2026-12-04")
        s.app.open(Self.whpl)
        s.press(.char("U"))
        #expect(s.message.contains("Its numbering is then locked. y/n"))
        #expect(s.store.state.meetings[Self.whpl]?.agendaPublishedOn == nil)
        s.press(.char("y"))
        #expect(s.store.state.meetings[Self.whpl]?.agendaPublishedOn == CalendarDate(iso: "2026-12-04"))
        #expect(s.screen().contains("agenda published 4 Dec"))
        let before = try s.record(Self.whpl)
        s.select(5)
        for key in ["K", "J", ">", "X"] { s.press(.char(Character(key))) }
        #expect(s.message.contains("agenda published 2026-12-04: numbering locked, items cannot be removed"))
        #expect(try s.record(Self.whpl) == before)
        // A late item in the middle is refused; under Any other business it is taken.
        s.press(.char("A"))
        s.type("Darzi clinic")
        s.press(.enter)
        #expect(s.form?.problem?.contains("under item 7 (Any other business)") == true)
        s.press(.escape)
        s.select(6)
        s.press(.char("+"))
        s.type("Darzi clinic")
        s.press(.enter)
        let after = try s.record(Self.whpl)
        #expect(numbered(after).filter { $0 != "7a Darzi clinic" } == numbered(before))
        #expect(numbered(after).contains("7a Darzi clinic"))
        // Publishing again is refused at once, without asking.
        s.press(.char("U"))
        #expect(s.message.contains("only a planned meeting's agenda can be published"))
    }

    @Test func theHeaderWarnsWhenTheDeadlinesHavePassed() throws {
        // The Pan Cluster Planning Group meets on Tue 12 Jan 2027: items two weeks before, papers the Friday before.
        let wide = try PlanningScreen(today: "2026-11-23")
        wide.app.open("pcpg-2027-01-12")
        let header = wide.screen().split(separator: "\n").first.map(String.init) ?? ""
        #expect(header.contains("items due by Tue 29 Dec · papers Fri 8 Jan"))
        #expect(!header.contains("passed"))

        let late = try PlanningScreen(today: "2026-12-30")
        late.app.open("pcpg-2027-01-12")
        #expect(late.screen().split(separator: "\n").first?.contains("items deadline passed") == true)

        let narrow = try PlanningScreen(today: "2027-01-09", cols: 80, rows: 24)
        narrow.app.open("pcpg-2027-01-12")
        let lines = narrow.screen().split(separator: "\n").map(String.init)
        #expect(lines[0].contains("papers date passed"))
        #expect(lines[2].contains("Agenda · items due by Tue 29 Dec · papers Fri 8 Jan"))
    }
}

/// Moving and standing down meetings from the home screen.
@Suite struct HomePlanningTests {
    /// The home screen on the West Herts PBC Leads, its next meeting (17 Dec 2026) selected.
    func westHerts(_ s: PlanningScreen) {
        s.press(.char("]"))
        #expect(s.screen().contains("West Herts PBC Leads"))
    }

    @Test func aMeetingMovesOffABankHolidayAndKeepsItsTimes() throws {
        let s = try PlanningScreen()
        westHerts(s)
        s.press(.char("m"))
        #expect(s.form?.text?.text == "2026-12-17 13:00-15:00")
        let before = s.store.state
        for (bad, problem) in [("2026-12-32", "December 2026 has 31 days"), ("2027-02-29", "February 2027 has 28 days"),
                               ("17/12/2026", "YYYY-MM-DD"), ("2026-12-16 25:00-26:00", "not a range"), ("", "YYYY-MM-DD")] {
            s.retype(bad)
            s.press(.enter)
            #expect(s.form?.problem?.contains(problem) == true, "\(bad): \(s.form?.problem ?? "form closed")")
        }
        #expect(s.store.state == before)
        s.retype("2026-12-16")
        s.press(.enter)
        let moved = try #require(s.store.state.meetings["whpl-2026-12-17"])
        #expect(moved.date == CalendarDate(iso: "2026-12-16"))
        #expect(moved.start?.text == "13:00" && moved.end?.text == "15:00")
        #expect(s.screen().contains("2026-12-16 Wed 13:00–15:00  West Herts PBC Leads (moved from Thu 17 Dec)"))
        // Opened, the meeting shows its new date.
        s.press(.enter)
        #expect(s.screen().contains("West Herts PBC Leads · 16 Dec 2026 13:00–15:00"))
    }

    @Test func aMeetingIsStoodDownWithAReason() throws {
        let s = try PlanningScreen()
        westHerts(s)
        s.press(.char("x"))
        s.press(.enter)
        #expect(s.form?.problem?.contains("say why the meeting is stood down") == true)
        #expect(s.store.state.meetings["whpl-2026-12-17"]?.status == .planned)
        s.type("No business before Christmas")
        s.press(.enter)
        #expect(s.store.state.meetings["whpl-2026-12-17"]?.status == .cancelled)
        #expect(s.store.state.nextMeeting(of: "west-herts-pbc-leads", after: ScreenTests.today)?.id == "whpl-2027-01-21")
        #expect(s.screen().contains("stood down"))
        // Once stood down it can be neither moved nor stood down again.
        s.press(.char("x"))
        #expect(s.message.contains("stood down; only a meeting yet to happen"))
        s.press(.char("m"))
        #expect(s.form == nil)
    }

    @Test func theOpenMeetingIsMovedFromTheCommandLine() throws {
        let s = try PlanningScreen()
        s.app.open("whpl-2027-01-21")
        s.press(.char(":"))
        s.type("meeting.move")
        s.press(.enter)
        #expect(s.form?.title == "Move the meeting of Thursday 21 January 2027")
        s.retype("2027-01-28")
        s.press(.enter)
        #expect(s.store.state.meetings["whpl-2027-01-21"]?.date == CalendarDate(iso: "2027-01-28"))
        #expect(s.screen().contains("West Herts PBC Leads · 28 Jan 2027 13:00–15:00"))
    }

    @Test func aMeetingThatHasBeenHeldStaysWhereItWas() throws {
        let s = try PlanningScreen()
        s.press(.char("m"))
        #expect(s.message.contains("only a meeting yet to happen can be moved or stood down"))
        #expect(s.form == nil)
    }

    @Test func aNewMeetingOnADateThatDoesNotExistIsRefused() throws {
        let s = try PlanningScreen()
        westHerts(s)
        s.press(.char("N"))
        s.type("2027-02-29 13:00-15:00")
        s.press(.enter)
        #expect(s.form?.problem == "2027-02-29 is not a date: February 2027 has 28 days")
        s.retype("2027-02-25 13:00-15:00")
        s.press(.enter)
        let record = try s.record("whpl-2027-02-25")
        #expect(record.items.map(\.standing) == StandingItem.allCases)
    }
}
