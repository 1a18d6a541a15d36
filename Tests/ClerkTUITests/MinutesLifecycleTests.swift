import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// After the meeting: the draft circulated, approved at the next meeting with amendments,
/// then locked, with later corrections recorded and dated.
@Suite struct MinutesLifecycleTests {
    static let april = ScreenTests.meeting
    static let may = CalendarDate(year: 2008, month: 5, day: 15)!

    static func type(_ f: ScreenTests.Fixture, _ text: String) {
        for c in text { f.press(.char(c)) }
    }

    /// Plans the committee's next meeting after 22 April 2008 with its standing agenda.
    static func nextMeeting(_ f: ScreenTests.Fixture) throws -> MeetingID {
        let committee = try #require(f.store.state.meetings[april]?.committeeID)
        let ctx = ScreenTests.context()
        try f.store.commit(at: ctx.now) { store in try store.state.scheduleMeeting(committee, on: may) }
        let id = try #require(f.store.state.meetings(of: committee).first { $0.date == may }?.id)
        try f.store.commit(at: ctx.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: id)).standingAgenda(context: ctx)
        }
        f.app.tick()
        return id
    }

    /// Opens a meeting with the agenda pane on its "Minutes of the last meeting" item.
    static func onPreviousMinutesItem(_ f: ScreenTests.Fixture, _ id: MeetingID) throws -> AgendaItem {
        f.app.open(id)
        let record = try f.store.record(of: id)
        let index = try #require(record.items.firstIndex { $0.standing == .previousMinutes })
        f.press(.char("1"), .char("g"))
        for _ in 0..<index { f.press(.char("j")) }
        return record.items[index]
    }

    static func approveApril(_ f: ScreenTests.Fixture) throws {
        try f.store.commit(at: ScreenTests.context().now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: april))
                .approve(atMeeting: nil, context: ScreenTests.context())
        }
        f.app.tick()
    }

    @Test func theDraftIsCirculatedOnceAndRefusedThereafter() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.app.open(Self.april)
        f.press(.char("3"), .char("M"))
        #expect(f.store.state.meetings[Self.april]?.status == .minutesCirculated)
        #expect(f.app.state.message?.isError == false)
        f.press(.char("M"))
        let message = try #require(f.app.state.message)
        #expect(message.isError)
        #expect(message.text.contains("only draft minutes can be circulated"))
        #expect(!message.text.contains("\n"))
        #expect(f.store.state.meetings[Self.april]?.status == .minutesCirculated)
    }

    @Test func aReadOnlySessionCannotCirculate() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        let (keymap, _) = Keymap.load(configText: nil)
        let readOnly = ScreenApp(store: f.store, terminal: f.term, theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                                 clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 30)!))
        readOnly.open(Self.april)
        readOnly.handle(.key(.char("3")))
        readOnly.handle(.key(.char("M")))
        #expect(readOnly.state.message?.text.contains("read-only") == true)
        #expect(f.store.state.meetings[Self.april]?.status == .minutesDraft)
        // From the home screen, by name: a meeting must be open first.
        let g = try ScreenTests.Fixture(cols: 80, rows: 24)
        g.press(.char(":"))
        Self.type(g, "minutes.circulate")
        g.press(.enter)
        #expect(g.app.state.message?.text == "open a meeting first")
    }

    @Test func theNextMeetingApprovesThePreviousMinutesWithTwoAmendments() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        let may = try Self.nextMeeting(f)
        let item = try Self.onPreviousMinutesItem(f, may)
        f.press(.char("P"))
        #expect(f.screen().contains("Approve the minutes of"))
        Self.type(f, "at the time of the meeting not all GPs in Welhat were aware")
        f.press(.enter)
        // A lead typed again is not doubled.
        Self.type(f, "It was noted that the figures were for March")
        f.press(.enter)
        #expect(f.screen().contains("It was noted that the figures were for March"))
        #expect(f.store.state.meetings[Self.april]?.status == .minutesDraft)
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text.hasSuffix("They cannot be edited afterwards. y/n") == true)
        #expect(f.store.state.meetings[Self.april]?.status == .minutesDraft)
        f.press(.char("y"))
        let entries = try f.store.record(of: may).entries(for: item.id)
        #expect(entries.map(\.kind) == [.noted, .noted])
        #expect(entries.map(\.text) == ["at the time of the meeting not all GPs in Welhat were aware",
                                        "the figures were for March"])
        let april = try #require(f.store.state.meetings[Self.april])
        #expect(april.status == .minutesApproved)
        #expect(april.approvedOn != nil)
        #expect(f.app.state.message?.text.contains("approved with 2 amendments and locked") == true)
        // Approved once: a second approval is refused on one line.
        f.press(.char("P"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text.contains("only draft or circulated minutes can be approved") == true)
    }

    @Test func approvalIsRefusedWithoutAPreviousMeetingOrOffTheItem() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        // The Pan Cluster group has not met before its first planned meeting.
        let pcpg = MeetingActionsTests.pcpg
        _ = try Self.onPreviousMinutesItem(f, pcpg)
        f.press(.char("P"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text.contains("no earlier meeting") == true)
        // Off the previous-minutes item, the secretary is told which item to select.
        let may = try Self.nextMeeting(f)
        f.app.open(may)
        f.press(.char("1"), .char("g"), .char("P"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text.contains("to approve the previous minutes") == true)
        // In the draft meeting itself: it is not a meeting at which minutes are approved.
        f.app.open(Self.april)
        f.press(.char("1"), .char("g"), .char("P"))
        #expect(f.app.state.message?.text.contains("planned or in progress") == true)
        #expect(f.store.state.meetings[Self.april]?.status == .minutesDraft)
    }

    @Test func lockedMinutesTakeADatedCorrectionAndRefuseEditing() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        f.app.open(Self.april)
        // Not yet locked: a correction is refused, the minutes are edited directly.
        f.press(.char("3"), .char("g"), .char("K"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text.contains("not locked") == true)
        try Self.approveApril(f)
        f.press(.char("e"))
        #expect(f.app.state.editing == nil)
        #expect(f.app.state.message?.text.contains("record a dated correction") == true)
        f.press(.char("a"))
        #expect(f.app.state.editing == nil)
        f.press(.char("K"))
        #expect(f.screen().contains("Correction: "))
        // Empty: refused in the form.
        f.press(.enter)
        #expect(f.screen().contains("a correction needs text"))
        Self.type(f, "The meeting was held at the LMC Office, Aston")
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        let record = try f.store.record(of: Self.april)
        let correction = try #require(record.entries.last)
        #expect(correction.kind == .correction)
        #expect(correction.itemID == record.items[0].id)
        #expect(correction.text == "The meeting was held at the LMC Office, Aston")
        let today = ScreenTests.context().today
        #expect(correction.correctedOn == today)
        #expect(f.screen().contains("Correction (\(today.iso)): The meeting was held"))
    }

    @Test func aMeetingPlannedOnTheHomeScreenStartsFromTheStandingItemsAndApproves() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.press(.char("N"))
        Self.type(f, "2008-07-15 13:00-14:30")
        f.press(.enter)
        let july = "hpbc-2008-07-15"
        #expect(f.store.state.meetings[july]?.status == .planned)
        let item = try Self.onPreviousMinutesItem(f, july)
        f.press(.char("P"))
        #expect(f.screen().contains("Approve the minutes of"))
        Self.type(f, "Dr Graves had sent apologies")
        f.press(.enter, .enter, .char("y"))
        #expect(f.app.state.overlay == nil)
        let april = try #require(f.store.state.meetings[Self.april])
        #expect(april.status == .minutesApproved)
        #expect(april.approvedOn == ScreenTests.context().today)
        #expect(try f.store.record(of: july).entries(for: item.id).map(\.text) == ["Dr Graves had sent apologies"])
        // An item added by hand with that title counts too; a sub-item does not.
        #expect(Updater.isPreviousMinutes(AgendaItem(id: "x", title: "Minutes of the previous meeting")))
        #expect(!Updater.isPreviousMinutes(AgendaItem(id: "y", parentID: item.id, title: "Minutes of the last meeting")))
    }

    @Test func approvedMinutesAreNotCirculatedAgain() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        try Self.approveApril(f)
        f.app.open(Self.april)
        f.press(.char("3"), .char("M"))
        #expect(f.app.state.message?.text == "the minutes of \(Self.april) are minutes approved; only draft minutes can be circulated")
        #expect(f.store.state.meetings[Self.april]?.status == .minutesApproved)
    }
}
