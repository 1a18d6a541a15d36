import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The chair's action review: every action of the demo by due date, the filters, history,
/// and updates with a dated note; and progress recorded in a meeting's action log review.
@Suite struct ActionReviewTests {
    static let april = ScreenTests.meeting

    static func type(_ f: ScreenTests.Fixture, _ text: String) {
        for c in text { f.press(.char(c)) }
    }

    /// The actions listed, by id, in order.
    static func listed(_ f: ScreenTests.Fixture) throws -> [ActionID] {
        let review = try #require(f.app.state.actionReview)
        let content = ActionReviewPane.content(review, data: f.app.data(), width: 78)
        return (0..<content.entryCount).compactMap { content.key(of: $0) }
    }

    static func aprilActions(_ f: ScreenTests.Fixture) -> [ActionID] {
        f.store.state.actions.values.filter { $0.meetingID == april }.sorted { $0.number < $1.number }.map(\.id)
    }

    static func problem(_ f: ScreenTests.Fixture) -> String? {
        guard case .form(let form)? = f.app.state.overlay else { return nil }
        return form.problem
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func everyOverdueActionInOneView(_ cols: Int, _ rows: Int) throws {
        let f = try ScreenTests.Fixture(cols: cols, rows: rows)
        f.press(.char("a"))
        #expect(f.app.state.actionReview?.committeeID == nil)
        f.press(.char("O"))
        let screen = f.screen()
        #expect(screen.contains("Action review · all committees"))
        #expect(screen.contains("Showing: all committees · open, in progress, ongoing · overdue"))
        #expect(screen.contains("! by July 2008"))
        #expect(screen.contains("Dr Peter Graves"))
        #expect(try Self.listed(f) == Self.aprilActions(f))
        try f.expect("action-review-\(cols)x\(rows)")
        f.press(.char("?"))
        #expect(f.screen().contains("Show only one owner's actions"))
        f.press(.escape, .escape)
        #expect(f.app.state.actionReview == nil)
        #expect(f.screen().contains("committees and meetings"))
    }

    @Test func sortedByDueDateWithTheSameFilterAsTheCommandLine() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        let april = Self.aprilActions(f)
        // A later deadline on the first action moves it to the end.
        try f.store.commit(at: ScreenTests.context().now) { store in
            try store.state.editAction(april[0], text: "to look at the children’s agenda", owner: "LMC", due: "31 December 2026",
                                       context: ScreenTests.context())
        }
        f.press(.char("a"))
        #expect(try Self.listed(f) == [april[1], april[2], april[0]])
        let review = try #require(f.app.state.actionReview)
        #expect(review.filter(today: ScreenTests.today)
            == ActionFilter(statuses: [.open, .inProgress, .ongoing]))
        f.press(.char("O"))
        #expect(try Self.listed(f) == [april[1], april[2]])
        // Due from today (Monday 23 November) to Sunday 29 November: none.
        f.press(.char("O"), .char("w"))
        #expect(f.app.state.actionReview?.filter(today: ScreenTests.today).dueBetween
            == ScreenTests.today...CalendarDate(year: 2026, month: 11, day: 29)!)
        #expect(try Self.listed(f).isEmpty)
        #expect(f.screen().contains("no actions match"))
        f.press(.char("c"))
        #expect(try Self.listed(f).count == 3)
    }

    @Test func ownerFilterResolvesOrRefusesAndKeepsTheFilter() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        let april = Self.aprilActions(f)
        f.press(.char("a"), .char("o"))
        Self.type(f, "Dr Graves")
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.actionReview?.owner == .person("peter-graves"))
        #expect(try Self.listed(f) == [april[1]])
        #expect(f.screen().contains("owner Dr Peter Graves"))
        // Unknown and ambiguous owners: one line, the form stays open, the filter unchanged.
        for bad in ["Nobody", "MB"] {
            f.press(.char("o"), .ctrl("u"))
            Self.type(f, bad)
            f.press(.enter)
            let problem = try #require(Self.problem(f))
            #expect(!problem.contains("\n"))
            #expect(problem.contains(bad))
            f.press(.escape)
            #expect(f.app.state.actionReview?.owner == .person("peter-graves"))
        }
        // The LMC's own actions, not those of Dr Graves of the LMC; an empty owner clears it.
        f.press(.char("o"), .ctrl("u"))
        Self.type(f, "lmc")
        f.press(.enter)
        #expect(try Self.listed(f) == [april[0], april[2]])
        f.press(.char("o"), .ctrl("u"), .enter)
        #expect(f.app.state.actionReview?.owner == nil)
        #expect(try Self.listed(f).count == 3)
    }

    @Test func statusMeetingAndCommitteeFilters() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        let april = Self.aprilActions(f)
        f.press(.char("a"))
        // Each status alone, then every status, then the open ones again.
        f.press(.char("t"))
        #expect(f.app.state.actionReview?.status == .only(.open))
        #expect(try Self.listed(f).count == 3)
        f.press(.char("t"), .char("t"))
        #expect(f.app.state.actionReview?.status == .only(.done))
        #expect(try Self.listed(f).isEmpty)
        for _ in 0..<3 { f.press(.char("t")) }
        #expect(f.app.state.actionReview?.status == .only(.withdrawn))
        f.press(.char("t"))
        #expect(f.app.state.actionReview?.status == .all)
        f.press(.char("t"))
        #expect(f.app.state.actionReview?.status == .current)
        // Raised at a meeting picked from those that raised actions.
        f.press(.char("m"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no meeting form"); return }
        #expect(form.choices.map(\.key) == ["", Self.april])
        f.press(.down, .enter)
        #expect(f.app.state.actionReview?.meetingID == Self.april)
        #expect(try Self.listed(f) == april)
        #expect(f.screen().contains("raised at"))
        f.press(.char("m"), .up, .enter)
        #expect(f.app.state.actionReview?.meetingID == nil)
        // This committee only (the one selected at home), and back to all.
        f.press(.char("a"))
        #expect(f.app.state.actionReview?.committeeID == f.store.state.meetings[Self.april]?.committeeID)
        #expect(try Self.listed(f).count == 3)
        f.press(.char("a"))
        #expect(f.app.state.actionReview?.committeeID == nil)
    }

    @Test func updatingAnActionRecordsADatedNote() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        let april = Self.aprilActions(f)
        f.press(.char("a"), .char("j"), .char("s"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no update form"); return }
        #expect(form.choices[form.selected].key == ActionStatus.inProgress.rawValue)
        Self.type(f, "Letter drafted")
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        let updated = try #require(f.store.state.actions[april[1]])
        #expect(updated.status == .inProgress)
        #expect(updated.history.map(\.note) == ["Letter drafted"])
        #expect(updated.history.first?.on == ScreenTests.today)
        #expect(updated.history.first?.meetingID == nil)
        #expect(f.screen().contains("23 Nov 2026 in progress: Letter drafted"))
        // The same status with no note changes nothing: the reason shows in the form.
        f.press(.char("r"), .enter)
        #expect(Self.problem(f)?.contains("already in-progress; add a note") == true)
        f.press(.escape)
        #expect(f.store.state.actions[april[1]]?.history.count == 1)
        // Enter shows the history, dated.
        f.press(.enter)
        #expect(f.app.state.overlay == .history(april[1]))
        #expect(f.screen().contains("23 Nov 2026  in progress: Letter drafted"))
        f.press(.escape)
        // Done with an empty note is a change of status, so it is recorded.
        f.press(.char("d"), .enter)
        #expect(f.store.state.actions[april[1]]?.status == .done)
        #expect(try Self.listed(f) == [april[0], april[2]])
        // The last one done too: what stays selected is the last on the list.
        f.press(.char("G"), .char("d"), .enter)
        #expect(f.store.state.actions[april[2]]?.status == .done)
        f.press(.char("d"), .enter)
        #expect(f.store.state.actions[april[0]]?.status == .done)
    }

    @Test func aReadOnlySessionRefusesUpdates() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.app.state.readOnly = true
        f.press(.char("a"), .char("d"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text.contains("read-only") == true)
        let untouched = f.store.state.actions.values.allSatisfy { $0.history.isEmpty }
        #expect(untouched)
    }

    @Test func progressIsRecordedAtTheMeetingInItsActionLogReview() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        let april = Self.aprilActions(f)
        let may = try MinutesLifecycleTests.nextMeeting(f)
        f.app.open(may)
        // Before the meeting starts, progress cannot be recorded at it.
        f.press(.char("4"), .char("r"))
        #expect(f.app.state.message?.text.contains("has not started") == true)
        #expect(f.app.state.overlay == nil)
        f.press(.char("1"), .char("S"))
        let record = try f.store.record(of: may)
        let index = try #require(record.items.firstIndex { $0.standing == .actionLog })
        f.press(.char("g"))
        for _ in 0..<index { f.press(.char("j")) }
        let screen = try #require(f.app.state.meeting)
        #expect(MeetingPanes.reviewingActionLog(record, meeting: f.store.state.meetings[may]!, screen: screen))
        #expect(f.screen().contains("\(index + 1). Action log review: open from earlier meetings"))
        f.press(.char("4"), .char("g"), .char("j"), .char("r"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no progress form"); return }
        #expect(form.choices[form.selected].key == ActionStatus.open.rawValue)
        f.press(.down, .down)
        Self.type(f, "Anne Walker replied")
        f.press(.enter)
        let action = try #require(f.store.state.actions[april[1]])
        #expect(action.status == .done)
        #expect(action.progress(at: may).map(\.note) == ["Anne Walker replied"])
        // Closed at this meeting, it stays in this meeting's log with what was recorded.
        let text = f.screen()
        #expect(text.contains("at this meeting: done: Anne Walker replied"))
        #expect(f.store.state.actionLog(for: may).map(\.id) == april)
        f.press(.enter)
        #expect(f.screen().contains("at the meeting of 15 May 2008"))
    }

    @Test func theActionLogAt80x24() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        let may = try MinutesLifecycleTests.nextMeeting(f)
        f.app.open(may)
        f.press(.char("1"), .char("S"))
        let index = try #require(try f.store.record(of: may).items.firstIndex { $0.standing == .actionLog })
        f.press(.char("g"))
        for _ in 0..<index { f.press(.char("j")) }
        f.press(.char("4"), .char("g"), .char("r"))
        Self.type(f, "Raised with the LMC's Herts sub-committee")
        f.press(.enter)
        let screen = f.screen()
        #expect(screen.contains("Action log review: open from earlier meetings"))
        #expect(screen.contains("at this meeting: open: Raised with the LMC"))
        try f.expect("action-log-80x24")
    }

    @Test func theSmallestTerminalKeepsStatusAndOwner() throws {
        let f = try ScreenTests.Fixture(cols: 40, rows: 12)
        f.press(.char("a"))
        let screen = f.screen()
        #expect(screen.contains("open · LMC"))
        #expect(screen.contains("hpbc 22 Apr 2008"))
        try f.expect("action-review-40x12")
    }
}
