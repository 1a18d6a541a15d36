import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The work plan screen: the Brent PEC objectives by theme, leads by initials, and changes
/// to status and timescale.
@Suite struct WorkPlanTests {
    /// Opens the Brent PEC work plan from the home screen.
    func openBrent(_ f: ScreenTests.Fixture) {
        let index = f.store.state.committeeList.firstIndex { $0.id == DemoArchive.brentPEC } ?? 0
        for _ in 0..<index { f.press(.char("]")) }
        f.press(.char("W"))
    }

    /// Moves the selection to the objective numbered `number`.
    func select(_ number: String, _ f: ScreenTests.Fixture) throws {
        let objectives = f.store.state.objectives(of: DemoArchive.brentPEC)
        let index = try #require(objectives.firstIndex { $0.number == number })
        f.press(.char("g"))
        for _ in 0..<index { f.press(.char("j")) }
        #expect(f.app.state.workPlan?.position.selected == index)
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func brentWorkPlan(_ cols: Int, _ rows: Int) throws {
        let f = try ScreenTests.Fixture(cols: cols, rows: rows)
        openBrent(f)
        #expect(f.app.state.workPlan?.committeeID == DemoArchive.brentPEC)
        let screen = f.screen()
        #expect(screen.contains("Brent PEC · work plan"))
        #expect(screen.contains("1. PEC Representation and Activities on PBC Project"))
        #expect(screen.contains("Dr Etheldreda Kong"))
        try f.expect("workplan-\(cols)x\(rows)")
        f.press(.char("?"))
        #expect(f.screen().contains("Set the status of the selected objective"))
        f.press(.escape)
        #expect(f.app.state.workPlan != nil)
        f.press(.escape)
        #expect(f.app.state.workPlan == nil)
        #expect(f.screen().contains("committees and meetings"))
    }

    /// `O`: only objectives whose timescale has passed and that are not complete, each
    /// marked; one whose timescale cannot be read as a date is never overdue, and the view
    /// says which those are.
    @Test func overdueOnlyListsPassedTimescalesAndNamesTheUnreadable() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        let objectives = f.store.state.objectives(of: DemoArchive.brentPEC)
        var unread = try #require(objectives.first { $0.number == "1.9" })
        unread.timescale = DueDate(kind: .unspecified, text: "when funded")
        unread.status = "Planned"
        var future = try #require(objectives.first { $0.number == "1.10" })
        future.timescale = try DueDate.parse("Q3 2027/28", today: ScreenTests.today, nextMeeting: nil).get()
        future.status = "Planned"
        _ = try f.store.commit(at: ScreenTests.context().now) { store in
            try store.state.setObjective(unread) + store.state.setObjective(future)
        }
        openBrent(f)
        f.press(.char("O"))
        #expect(f.app.state.workPlan?.overdueOnly == true)
        let brent = try #require(f.store.state.committees[DemoArchive.brentPEC])
        let content = WorkPlanPane.content(data: f.app.data(), committee: brent, width: 98, overdueOnly: true)
        let listed = (0..<content.entryCount).compactMap { content.key(of: $0) }.compactMap { f.store.state.objectives[$0] }
        let expected = f.store.state.objectives(of: DemoArchive.brentPEC).filter { WorkPlanPane.isOverdue($0, today: ScreenTests.today) }
        #expect(!listed.isEmpty)
        #expect(listed.map(\.id) == expected.map(\.id))
        #expect(listed.allSatisfy { !$0.status.lowercased().hasPrefix("complete") && $0.timescale.deadline! < ScreenTests.today })
        #expect(!listed.contains { $0.number == "1.9" || $0.number == "1.10" })
        let screen = f.screen()
        #expect(screen.contains("overdue only"))
        #expect(screen.contains("· overdue"))
        #expect(screen.contains("Never counted overdue, as their timescale cannot be read as a date: 1.9"))
        // The selection is on the listed objectives: `s` opens the status of the first overdue one.
        f.press(.char("s"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no status form"); return }
        #expect(form.title == "Status of \(listed[0].number)")
        f.press(.escape, .char("O"))
        #expect(f.app.state.workPlan?.overdueOnly == false)
        #expect(!f.screen().contains("Never counted overdue"))
    }

    @Test func leadsResolveByInitialsAndGroupsStayAsWritten() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        let archive = f.store.state
        let brent = try #require(archive.committees[DemoArchive.brentPEC])
        let names = WorkPlanPane.leadNames(["EK/CA/JL"], committee: brent, archive: archive, on: ScreenTests.today)
        #expect(names == ["Dr Etheldreda Kong", "Dr Carole Amobi", "Ms Jane Lindo"])
        #expect(WorkPlanPane.leadNames(["EK", "CA", "JL"], committee: brent, archive: archive, on: ScreenTests.today).count == 3)
        #expect(WorkPlanPane.leadNames(["PEC Cluster Leads", "ZZ"], committee: brent, archive: archive, on: ScreenTests.today)
            == ["PEC Cluster Leads", "ZZ"])
    }

    @Test func objectivesRunInNumberOrder() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        let brent = try #require(f.store.state.committees[DemoArchive.brentPEC])
        let content = WorkPlanPane.content(data: f.app.data(), committee: brent, width: 158)
        let keys = (0..<content.entryCount).compactMap { content.key(of: $0) }
        let numbers = keys.compactMap { f.store.state.objectives[$0]?.number }
        #expect(numbers.count == f.store.state.objectives(of: DemoArchive.brentPEC).count)
        let nine = try #require(numbers.firstIndex(of: "1.9"))
        let ten = try #require(numbers.firstIndex(of: "1.10"))
        #expect(nine < ten)
        #expect(numbers.firstIndex(of: "1.2")! < ten)
    }

    @Test func aStatusChangeIsKeptInTheArchive() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        openBrent(f)
        try select("1.9", f)
        let id = try #require(f.store.state.objectives(of: DemoArchive.brentPEC).first { $0.number == "1.9" }?.id)
        f.press(.char("s"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no status form"); return }
        let dropped = try #require(form.choices.firstIndex { $0.key == "Dropped" })
        for _ in 0..<(dropped - form.selected) { f.press(dropped > form.selected ? .down : .up) }
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.save == .saved)
        let reopened = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        #expect(reopened.state.objectives[id]?.status == "Dropped")
        #expect(reopened.state.objectives[id]?.number == "1.9")
    }

    @Test func aTimescaleIsParsedAndABadOneRefusedInTheForm() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        openBrent(f)
        try select("1.10", f)
        let id = try #require(f.store.state.objectives(of: DemoArchive.brentPEC).first { $0.number == "1.10" }?.id)
        f.press(.char("t"))
        for _ in 0..<40 { f.press(.backspace) }
        for c in "sometime soonish" { f.press(.char(c)) }
        f.press(.enter)
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("the form closed on a bad timescale"); return }
        #expect(form.problem?.isEmpty == false)
        #expect(f.screen().contains("Timescale of 1.10"))
        for _ in 0..<40 { f.press(.backspace) }
        for c in "by March 2027" { f.press(.char(c)) }
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        let due = try #require(f.store.state.objectives[id]?.timescale)
        #expect(due.kind == .byMonth(year: 2027, month: 3))
    }

    @Test func aReadOnlySessionRefusesOnOneLine() throws {
        let readOnly = try ScreenTests.readOnlyApp("clerk-plan-ro", cols: 80, rows: 24)
        let app = readOnly.app
        let store = app.store
        let index = store.state.committeeList.firstIndex { $0.id == DemoArchive.brentPEC } ?? 0
        for _ in 0..<index { app.handle(.key(.char("]"))) }
        app.handle(.key(.char("W")))
        #expect(app.state.workPlan != nil)
        for key: Character in ["s", "t", "a", "T", "e", "L", "d"] {
            app.handle(.key(.char(key)))
            #expect(app.state.overlay == nil)
            // Refused at once, saying who may write (the demo links no account yet).
            let message = app.state.message?.text ?? ""
            #expect(message.hasPrefix("read-only: \(key) ("), "\(message)")
            #expect(message.contains("changes the record; ask a chair, vice-chair or the secretariat of"), "\(message)")
        }
    }

    @Test func completeIsMutedAndOverdueStandsOut() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        openBrent(f)
        _ = f.screen()
        let theme = ThemeLoader.load(name: nil, environment: [:], colorCount: 256).0
        let lines = f.term.snapshot().split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        func style(ofLast text: String, onLineWith marker: String) throws -> Style? {
            let line = try #require(lines.firstIndex { $0.contains(marker) })
            let range = try #require(lines[line].range(of: text, options: .backwards))
            return f.term.style(at: Point(x: DisplayWidth.width(of: lines[line][..<range.lowerBound]), y: line))
        }
        #expect(try style(ofLast: "Complete", onLineWith: "1.2   Agreement") == theme[.muted])
        #expect(try style(ofLast: "Planned · overdue", onLineWith: "2.1   Formation") == theme[.actionOverdue])
        #expect(try style(ofLast: "Ongoing", onLineWith: "2.4   Report") == theme[.base])
    }

    // MARK: Adding, editing and removing objectives

    /// Replaces the form's line with `text`, then presses Enter.
    func enter(_ text: String, _ f: ScreenTests.Fixture) {
        f.press(.end, .ctrl("u"))
        for c in text { f.press(.char(c)) }
        f.press(.enter)
    }

    func objective(_ number: String, _ f: ScreenTests.Fixture) -> Objective? {
        f.store.state.objectives(of: DemoArchive.brentPEC).first { $0.number == number }
    }

    /// The form's problem, or nil when no form is open.
    func problem(_ f: ScreenTests.Fixture) -> String? {
        guard case .form(let form)? = f.app.state.overlay else { return nil }
        return form.problem
    }

    @Test func anObjectiveIsAddedUnderTheSelectedThemeWithTheNextNumber() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        openBrent(f)
        try select("1.2", f)
        f.press(.char("a"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no add form"); return }
        #expect(form.text?.text == "1.11 ")
        #expect(f.screen().contains("New objective under 1. PEC Representation"))
        for c in "Induction of Cluster Board members" { f.press(.char(c)) }
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        let added = try #require(objective("1.11", f))
        #expect(added.theme == "1. PEC Representation and Activities on PBC Project")
        #expect(added.text == "Induction of Cluster Board members" && added.status == "Planned" && added.leads.isEmpty)
        let reopened = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        #expect(reopened.state.objectives[added.id]?.number == "1.11")
    }

    @Test func aBadNewObjectiveKeepsTheFormOpenAndAddsNothing() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        openBrent(f)
        try select("1.2", f)
        let before = f.store.state.objectives
        f.press(.char("a"))
        enter("1.2 Agreement again", f)
        #expect(problem(f)?.contains("already has objective 1.2") == true)
        enter("1.11", f)
        #expect(problem(f)?.contains("type the number, then the objective's text") == true)
        enter("first Do something", f)
        #expect(problem(f)?.contains("'first' is not an objective number") == true)
        #expect(f.screen().contains("is not an objective number"))
        f.press(.escape)
        #expect(f.app.state.overlay == nil)
        #expect(f.store.state.objectives == before)
    }

    @Test func aNewThemeTakesItsTitleThenItsFirstObjective() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        openBrent(f)
        let before = f.store.state.objectives
        f.press(.char("T"))
        enter("", f)
        #expect(problem(f)?.contains("type the theme's title") == true)
        enter("5. BeCAD and new Models of Care", f)
        #expect(problem(f)?.contains("exists already") == true)
        #expect(f.store.state.objectives == before)
        enter("7. Finance", f)
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no objective form"); return }
        #expect(form.text?.text == "7.1 ")
        #expect(f.store.state.objectives == before)
        for c in "Agree the cluster budgets" { f.press(.char(c)) }
        f.press(.enter)
        let added = try #require(objective("7.1", f))
        #expect(added.theme == "7. Finance")
        try select("7.1", f)
        #expect(f.screen().contains("7. Finance"))
    }

    @Test func theTextIsEditedWithLinesSeparatedByBars() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        openBrent(f)
        try select("1.3", f)
        let id = try #require(objective("1.3", f)?.id)
        f.press(.char("e"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no text form"); return }
        #expect(form.text?.text.hasPrefix("Re-structure of the Primary Care Commissioning Group") == true)
        #expect(form.text?.text.contains(" | ") == true)
        let before = f.store.state.objectives
        enter(" | ", f)
        #expect(problem(f)?.contains("needs text") == true)
        #expect(f.store.state.objectives == before)
        enter("Re-structure of the PCCG | Regular meetings", f)
        #expect(f.app.state.overlay == nil)
        #expect(f.store.state.objectives[id]?.text == "Re-structure of the PCCG\nRegular meetings")
        #expect(f.store.state.objectives[id]?.number == "1.3")
    }

    @Test func leadsAreCheckedAgainstTheCommittee() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        openBrent(f)
        try select("1.4", f)
        let id = try #require(objective("1.4", f)?.id)
        let before = f.store.state.objectives
        f.press(.char("L"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no leads form"); return }
        #expect(form.text?.text == "CA/JL/AR")
        enter("EK/ZZ", f)
        #expect(problem(f) == "initials 'ZZ' match nobody on Brent PEC; use a member's initials, or write a group's name in words")
        #expect(f.screen().contains("initials 'ZZ' match nobody"))
        #expect(f.store.state.objectives == before)
        enter("EK/CA/JL/PEC Cluster Leads", f)
        #expect(f.app.state.overlay == nil)
        #expect(f.store.state.objectives[id]?.leads == ["EK", "CA", "JL", "PEC Cluster Leads"])
        #expect(f.screen().contains("Dr Etheldreda Kong"))
    }

    @Test func removingAnObjectiveAsksOnceMore() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        openBrent(f)
        try select("1.5", f)
        let id = try #require(objective("1.5", f)?.id)
        f.press(.char("d"))
        #expect(f.app.state.message?.text == "Remove objective 1.5 from the work plan? y/n")
        f.press(.char("d"))
        #expect(f.app.state.message?.text == "not removed")
        #expect(f.store.state.objectives[id] != nil)
        f.press(.char("d"), .char("y"))
        #expect(f.store.state.objectives[id] == nil)
        let reopened = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        #expect(reopened.state.objectives[id] == nil)
        #expect(reopened.state.objectives(of: DemoArchive.brentPEC).contains { $0.number == "1.4" })
    }
}
