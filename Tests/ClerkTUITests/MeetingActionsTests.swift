import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Running a meeting from the panes: start, roll call with live quorum, departures, close.
@Suite struct MeetingActionsTests {
    static let pcpg = "pcpg-2027-01-12"

    func started(_ f: ScreenTests.Fixture) throws -> MeetingRecord {
        f.app.open(Self.pcpg)
        f.press(.char("1"), .char("S"))
        #expect(f.store.state.meetings[Self.pcpg]?.status == .inProgress)
        return try f.store.record(of: Self.pcpg)
    }

    @Test func rollCallMakesTheMeetingQuorateAndADepartureLosesIt() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        let record = try started(f)
        #expect(record.currentItem == record.items.first?.id)
        f.press(.char("2"))
        #expect(f.screen().contains("Not yet marked"))
        // Mark everyone not yet marked present, one by one from the top of the list.
        let pending = MeetingPanes.rollCallPending(record, meeting: f.store.state.meetings[Self.pcpg]!, archive: f.store.state)
        #expect(pending.count >= 8)
        for _ in pending {
            f.press(.char("g"), .char("p"))
        }
        let marked = try f.store.record(of: Self.pcpg)
        #expect(marked.attendance.count == pending.count)
        #expect(marked.attendance.allSatisfy { $0.presence == .present })
        #expect(f.screen().contains("quorate"))
        // Everyone leaves but the last three: the meeting becomes inquorate, and the minutes say when.
        for i in 0..<(pending.count - 3) {
            f.press(.char("g"))
            for _ in 0..<i { f.press(.char("j")) }
            f.press(.char("L"))
        }
        let after = try f.store.record(of: Self.pcpg)
        #expect(after.quorumChanges.last?.isQuorate == false)
        let screen = f.screen()
        #expect(screen.contains("INQUORATE"))
        f.press(.char("3"))
        #expect(f.screen().contains("The meeting became inquorate at"))
    }

    @Test func leavingSomeoneWhoIsNotHereIsRefusedOnOneLine() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        _ = try started(f)
        f.press(.char("2"), .char("g"), .char("L"))
        #expect(f.app.state.message?.isError == true)
        #expect(f.app.state.message?.text.contains("not marked as here") == true)
        #expect(f.app.state.save == .saved)
    }

    @Test func apologiesAndArrivalsAreRecorded() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        _ = try started(f)
        f.press(.char("2"), .char("g"), .char("a"))
        f.press(.char("g"), .char("r"))
        let record = try f.store.record(of: Self.pcpg)
        #expect(record.attendance.contains { $0.presence == .apologies })
        #expect(record.attendance.contains { $0.presence == .present && $0.arrived != nil })
        #expect(f.screen().contains("Apologies"))
    }

    @Test func takingAnItemAndClosingTheMeeting() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        let record = try started(f)
        f.press(.char("j"), .char("j"), .char("."))
        #expect(try f.store.record(of: Self.pcpg).currentItem == record.items[2].id)
        #expect(f.screen().contains("▶"))
        f.press(.char("C"))
        #expect(f.store.state.meetings[Self.pcpg]?.status == .inProgress)
        #expect(f.app.state.message?.text.hasSuffix("the minutes become a draft. y/n") == true)
        f.press(.char("y"))
        #expect(f.store.state.meetings[Self.pcpg]?.status == .minutesDraft)
        #expect(f.store.state.meetings[Self.pcpg]?.endedAt != nil)
        // Any other answer cancels, and says so.
        let g = try ScreenTests.Fixture(cols: 160, rows: 48)
        _ = try started(g)
        g.press(.char("C"), .char("C"))
        #expect(g.app.state.message?.text == "not closed")
        #expect(g.store.state.meetings[Self.pcpg]?.status == .inProgress)
    }

    @Test func startingTwiceIsRefusedWithAMessage() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        _ = try started(f)
        f.press(.char("1"), .char("S"))
        #expect(f.app.state.message?.text.contains("only a planned meeting can be started") == true)
    }

    @Test func aReadOnlyScreenRecordsNothing() throws {
        let (dir, app) = try ScreenTests.readOnlyApp("clerk-ro", cols: 160, rows: 48)
        let before = try Data(contentsOf: URL(fileURLWithPath: dir.path + "/a/journal/archive.jsonl"))
        app.open(Self.pcpg)
        for key in ["1", "S", "2", "p"] { app.handle(.key(.char(Character(key)))) }
        #expect(app.state.message?.text.contains("read-only") == true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: dir.path + "/a/journal/archive.jsonl")) == before)
    }
}

/// Two sessions on one archive: the secretary's screen and the chair's.
@Suite struct TwoSessionsTests {
    /// One clock for both sessions: the screen's day, and instants that tests move on.
    final class SharedClock: @unchecked Sendable {
        var now = Instant(date: CalendarDate(year: 2027, month: 1, day: 12)!, time: TimeOfDay(hour: 10, minute: 0)!)
        var n = 0
        var clock: ClerkCore.Clock {
            ClerkCore.Clock(reading: { [self] in ClockReading(instant: now, today: ScreenTests.today, time: now.time) },
                            seconds: { 0 })
        }
        @Sendable func id(_ prefix: String) -> String {
            n += 1
            return "\(prefix)t\(n)"
        }
    }

    func screen(_ path: String, clock: SharedClock, size: Size = Size(cols: 160, rows: 48)) throws -> (ScreenApp, VirtualTerminal, ArchiveStore) {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let term = VirtualTerminal(size: size)
        let (keymap, _) = Keymap.load(configText: nil)
        let app = ScreenApp(store: store, terminal: term, theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: false,
                            clock: clock.clock, makeID: clock.id)
        return (app, term, store)
    }

    @Test func theChairUpdatesActionsWhileTheSecretaryRunsTheMeetingAndEachSeesTheOther() throws {
        let dir = try TempDir("clerk-two")
        try DemoInstaller.install(at: dir.path + "/a", today: ScreenTests.today)
        let clock = SharedClock()
        let (secretary, secretaryTerm, _) = try screen(dir.path + "/a", clock: clock)
        let (chair, _, chairStore) = try screen(dir.path + "/a", clock: clock)
        secretary.open("hpbc-2008-04-22")
        chair.open("hpbc-2008-04-22")
        // The chair marks action (i) done; the secretary adds a late apology at the same time.
        for key in ["4", "d"] { chair.handle(.key(.char(Character(key)))) }
        chair.handle(.key(.enter))  // the status form: done, no note
        for key in ["2", "j", "a"] { secretary.handle(.key(.char(Character(key)))) }
        #expect(chair.state.save == .saved && secretary.state.save == .saved)
        // Each sees the other's change on the next tick (the screen ticks twice a second).
        secretary.tick()
        chair.tick()
        secretary.handle(.key(.char("4")))
        secretary.render()
        #expect(secretaryTerm.snapshot().contains("done"))
        chair.render()
        #expect(chairStore.state.actions["a-1"]?.status == .done)
        let record = try chairStore.record(of: "hpbc-2008-04-22")
        #expect(record.attendance.filter { $0.presence == .apologies }.count == 7)
    }

    @Test func theItemUnderDiscussionShowsItsRunningClockAndOverruns() throws {
        let dir = try TempDir("clerk-clock")
        try DemoInstaller.install(at: dir.path + "/a", today: ScreenTests.today)
        let clock = SharedClock()
        let (app, term, store) = try screen(dir.path + "/a", clock: clock)
        app.open("pcpg-2027-01-12")
        app.handle(.key(.char("S")))
        let record = try store.record(of: "pcpg-2027-01-12")
        let first = try #require(record.items.first)
        clock.now = clock.now.adding(seconds: 4 * 60)
        app.tick()
        app.render()
        let allocation = first.minutes.map { "4/\($0)m" } ?? "4m"
        #expect(term.snapshot().contains(allocation))
        clock.now = clock.now.adding(seconds: 600 * 60)
        app.tick()
        app.render()
        #expect(term.snapshot().contains("over") || first.minutes == nil)
    }
}

/// Deputies, declarations and votes, through the forms.
@Suite struct MeetingFormsTests {
    static let pcpg = MeetingActionsTests.pcpg

    /// A started Pan Cluster meeting with everyone on the roll present.
    func quorateMeeting() throws -> ScreenTests.Fixture {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.app.open(Self.pcpg)
        f.press(.char("1"), .char("S"), .char("2"))
        let record = try f.store.record(of: Self.pcpg)
        let pending = MeetingPanes.rollCallPending(record, meeting: f.store.state.meetings[Self.pcpg]!, archive: f.store.state)
        for _ in pending { f.press(.char("g"), .char("p")) }
        return f
    }

    func type(_ f: ScreenTests.Fixture, _ text: String) {
        for c in text { f.press(.char(c)) }
    }

    @Test func aNamedAlternateDeputisesAndAnyoneElseNeedsAnException() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.app.open(Self.pcpg)
        f.press(.char("1"), .char("S"), .char("2"))
        let committee = try #require(f.store.state.committees["pan-cluster-planning-group"])
        let alternate = try #require(committee.memberships.first { $0.role == .alternate })
        let member = try #require(alternate.alternateFor)
        // The member sends apologies: their alternate joins the roll call.
        let pending = MeetingPanes.rollCallPending(try f.store.record(of: Self.pcpg), meeting: f.store.state.meetings[Self.pcpg]!, archive: f.store.state)
        let memberRow = try #require(pending.firstIndex(of: member))
        f.press(.char("g"))
        for _ in 0..<memberRow { f.press(.char("j")) }
        f.press(.char("a"))
        #expect(f.screen().contains(f.store.state.people[alternate.personID]!.name))
        let after = MeetingPanes.rollCallPending(try f.store.record(of: Self.pcpg), meeting: f.store.state.meetings[Self.pcpg]!, archive: f.store.state)
        let alternateRow = try #require(after.firstIndex(of: alternate.personID))
        f.press(.char("g"))
        for _ in 0..<alternateRow { f.press(.char("j")) }
        f.press(.char("D"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no form"); return }
        let target = try #require(form.choices.firstIndex { $0.key == member })
        for _ in 0..<target { f.press(.down) }
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        let record = try f.store.record(of: Self.pcpg)
        #expect(record.attendance(of: alternate.personID)?.presence == .deputy(for: member, confirmedException: false))
        #expect(f.screen().contains("deputy for"))
    }

    /// Moves the roll call's selection to `person`.
    func select(_ f: ScreenTests.Fixture, _ person: PersonID) throws {
        let meeting = f.store.state.meetings[Self.pcpg]!
        f.press(.char("g"))
        let row = try #require(MeetingPanes.attendance(try f.store.record(of: Self.pcpg), meeting: meeting, width: 60,
                                                       data: f.app.data(), byOrganisation: true).entryKeys.firstIndex(of: person))
        for _ in 0..<row { f.press(.char("j")) }
    }

    /// Opens the deputy form on `person` and moves to the first member offered whom `whom` accepts.
    func deputyForm(_ f: ScreenTests.Fixture, _ person: PersonID, whom: (PersonID) -> Bool) throws {
        try select(f, person)
        f.press(.char("D"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no form"); return }
        let other = try #require(form.choices.firstIndex { whom($0.key) })
        for _ in 0..<other { f.press(.down) }
    }

    /// The named alternate of one member stands in for another member, who has not come.
    @Test func aDeputyWhoIsNotTheMembersAlternateNeedsTheSecretaryToConfirm() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.app.open(Self.pcpg)
        f.press(.char("1"), .char("S"), .char("2"))
        let committee = f.store.state.committees["pan-cluster-planning-group"]!
        let seat = try #require(committee.memberships.first { $0.role == .alternate && $0.alternateFor != nil })
        let member = try #require(seat.alternateFor)
        try select(f, member)
        f.press(.char("a"))  // the member sends apologies: their alternate joins the roll
        #expect(try f.store.record(of: Self.pcpg).attendance(of: member)?.presence == .apologies)
        try deputyForm(f, seat.personID) { $0 != member }
        f.press(.enter)
        guard case .form(let asked)? = f.app.state.overlay else { Issue.record("the form closed without asking"); return }
        #expect(asked.problem?.contains("is the named alternate for") == true)
        #expect(asked.problem?.contains("press Enter again") == true)
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        guard case .deputy(let replaced, let exception)? = try f.store.record(of: Self.pcpg).attendance(of: seat.personID)?.presence else {
            Issue.record("no deputy recorded"); return
        }
        #expect(replaced != member)
        #expect(exception)
    }

    /// A member already on the committee was accepted as deputy for another member.
    @Test func aSeatedMemberCannotDeputiseEvenWhenConfirmed() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.app.open(Self.pcpg)
        f.press(.char("1"), .char("S"), .char("2"))
        let meeting = f.store.state.meetings[Self.pcpg]!
        let committee = f.store.state.committees["pan-cluster-planning-group"]!
        let person = try #require(committee.memberships(on: meeting.date).first { $0.role.isVotingMember }?.personID)
        let before = try f.store.record(of: Self.pcpg).attendance(of: person)
        try deputyForm(f, person) { $0 != person }
        f.press(.enter)
        guard case .form(let asked)? = f.app.state.overlay else { Issue.record("the form closed"); return }
        #expect(asked.problem?.contains("in their own right") == true)
        f.press(.enter)
        #expect(try f.store.record(of: Self.pcpg).attendance(of: person) == before)
    }

    @Test func aDeclarationIsRecordedAndAnEmptyOneRefused() throws {
        let f = try quorateMeeting()
        f.press(.char("1"), .char("g"), .char("j"), .char("I"))
        guard case .form = f.app.state.overlay else { Issue.record("no form"); return }
        f.press(.enter)
        guard case .form(let refused)? = f.app.state.overlay else { Issue.record("an empty declaration closed the form"); return }
        #expect(refused.problem?.contains("say what the interest is") == true)
        type(f, "part of the group bidding to provide the service")
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        let record = try f.store.record(of: Self.pcpg)
        #expect(record.declarations.first?.interest == "part of the group bidding to provide the service")
        f.press(.char("3"))
        #expect(f.screen().contains("declared an interest"))
    }

    @Test func aTiedVoteNeedsTheChairsCastingVote() throws {
        let f = try quorateMeeting()
        f.press(.char("1"), .char("g"), .char("j"), .char("j"), .char("V"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no form"); return }
        #expect(form.choices.count >= 4)
        // Half for, half against.
        for i in 0..<(form.choices.count / 2 * 2) { f.press(.char(i % 2 == 0 ? "f" : "a")) }
        f.press(.enter)
        guard case .form(let tied)? = f.app.state.overlay else { Issue.record("a tie closed the form"); return }
        #expect(tied.problem?.lowercased().contains("casting") == true)
        f.press(.char("c"), .enter)
        #expect(f.app.state.overlay == nil)
        let vote = try #require(try f.store.record(of: Self.pcpg).votes.first)
        #expect(vote.tally.outcome == .carried)
        #expect(vote.castingVote == .for)
        f.press(.char("3"))
        #expect(f.screen().contains("Vote on"))
    }

    @Test func aConsensusCommitteeHasNoVotes() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.app.open("hpbc-2008-04-22")
        f.press(.char("V"))
        #expect(f.app.state.message?.text.contains("consensus") == true)
    }
}

/// Planning a meeting and building its agenda from the screen.
@Suite struct AgendaBuildingTests {
    func type(_ f: ScreenTests.Fixture, _ text: String) {
        for c in text { f.press(.char(c)) }
    }

    @Test func aNewMeetingWithNumberedItemsAndLetteredSubItems() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.press(.char("N"))
        type(f, "2008-04-22 1.00-2.30")
        f.press(.enter)
        let id = "hpbc-2008-04-22-2"
        let meeting = try #require(f.store.state.meetings[id])
        #expect(meeting.isExtra)
        #expect(meeting.start?.text == "13:00" && meeting.end?.text == "14:30")
        f.app.open(id)
        // A new meeting starts from the committee's standing items.
        #expect(try f.store.record(of: id).items.map(\.standing) == StandingItem.allCases)
        for sub in ["Item 2, paragraph 2", "Item 4, Financial situation"] {
            f.press(.char("g"), .char("j"), .char("j"), .char("+"))
            type(f, sub)
            f.press(.enter)
        }
        f.press(.char("G"), .char("k"), .char("k"), .char("A"))
        type(f, "Provider services")
        f.press(.enter)
        let record = try f.store.record(of: id)
        #expect(record.items.map { record.number(of: $0.id) } == ["1", "2", "3", "3a", "3b", "4", "5", "6", "7"])
        #expect(record.items.map(\.title) == ["Apologies", "Declarations of interest", "Minutes of the last meeting and matters arising",
                                              "Item 2, paragraph 2", "Item 4, Financial situation", "Action log review",
                                              "Provider services", "Any other business", "Date of next meeting"])
        let screen = f.screen()
        #expect(screen.contains("b. Item 4, Financial situation"))
    }

    @Test func badDatesAndEmptyTitlesAreRefusedInTheForm() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.press(.char("N"))
        type(f, "22/04/2008")
        f.press(.enter)
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.problem?.contains("YYYY-MM-DD") == true)
        f.press(.ctrl("a"), .ctrl("k"))
        type(f, "2008-04-22 25:00-26:00")
        f.press(.enter)
        guard case .form(let times)? = f.app.state.overlay else { Issue.record("bad times closed the form"); return }
        #expect(times.problem?.contains("not a range") == true)
        #expect(f.store.state.meetings.count == 37)
        f.press(.ctrl("u"))
        f.press(.escape)
        f.app.open("hpbc-2008-04-22")
        f.press(.char("A"), .enter)
        guard case .form(let empty)? = f.app.state.overlay else { Issue.record("an empty title closed the form"); return }
        #expect(empty.problem?.contains("needs a title") == true)
    }
}

/// What a meeting leaves unfinished goes to the next one.
@Suite struct CarryForwardTests {
    @Test func itemsNotReachedGoOntoTheNextAgendaReferringBack() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        let pcpg = MeetingActionsTests.pcpg
        f.app.open(pcpg)
        f.press(.char("1"), .char("G"), .char("A"))
        for c in "Integrated workforce plan" { f.press(.char(c)) }
        f.press(.enter, .char("S"), .char("C"), .char("y"))
        #expect(f.store.state.meetings[pcpg]?.status == .minutesDraft)
        let next = try #require(f.store.state.nextMeeting(of: "pan-cluster-planning-group", after: f.store.state.meetings[pcpg]!.date))
        let record = try f.store.record(of: next.id)
        let carried = try #require(record.items.first { $0.title == "Integrated workforce plan" })
        #expect(carried.refersTo?.meetingID == pcpg)
        // Standing items are the next agenda's own, never carried.
        #expect(!record.items.contains { $0.refersTo != nil && $0.standing != nil })
        f.press(.escape)
        f.app.open(next.id)
        #expect(f.screen().contains("carried forward from item 6 of 12 Jan 2027") || f.screen().contains("carried forward from item 7 of 12 Jan 2027"))
    }
}

/// Matters arising: an item of this meeting refers to an item of the last.
@Suite struct MattersArisingTests {
    @Test func anItemRefersToAnItemOfThePreviousMeeting() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        // A new meeting of the Hertfordshire PBC Leads after 22 April 2008.
        f.press(.char("N"))
        for c in "2008-07-17 13:00-14:30" { f.press(.char(c)) }
        f.press(.enter)
        f.app.open("hpbc-2008-07-17")
        f.press(.char("1"), .char("A"))
        for c in "Matters arising: Financial situation" { f.press(.char(c)) }
        f.press(.enter, .char("g"), .char("j"), .char("R"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no form"); return }
        let target = try #require(form.choices.firstIndex { $0.label.hasPrefix("1b.") })
        for _ in 0..<target { f.press(.down) }
        f.press(.enter)
        let item = try #require(try f.store.record(of: "hpbc-2008-07-17").items.first { $0.title.hasPrefix("Matters arising") })
        #expect(item.refersTo?.meetingID == "hpbc-2008-04-22")
        #expect(item.refersTo?.number == "1b")
        #expect(f.screen().contains("refers to item 1b of 22 Apr 2008"))
    }

    @Test func theFirstMeetingHasNothingToReferTo() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.app.open("hpbc-2008-04-22")
        f.press(.char("R"))
        #expect(f.app.state.message?.text.contains("no earlier meeting") == true)
    }
}
