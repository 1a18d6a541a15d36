import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Guests listed from the attendance pane: `+` asks name, post, organisation, role and an
/// optional item; `-` removes one added by mistake and lists them again. Never counted.
@Suite struct GuestScreenTests {
    typealias Fixture = ScreenTests.Fixture
    let h = CommitteeSetupScreenTests()
    static let pcpg = MeetingActionsTests.pcpg

    func started(_ f: Fixture) throws -> MeetingRecord {
        f.app.open(Self.pcpg)
        f.press(.char("1"), .char("S"), .char("2"))
        return try f.store.record(of: Self.pcpg)
    }

    func addGuest(_ f: Fixture, _ name: String, post: String = "", org: String = "", role: GuestRole, item: String = "") throws {
        f.press(.char("+"))
        h.answer(f, name)
        h.answer(f, post)
        h.answer(f, org)
        try h.choose(f, role.rawValue)
        h.answer(f, item)
    }

    @Test func twoGuestsAreListedInAttendanceAndNeverCounted() throws {
        let f = try Fixture(cols: 160, rows: 48)
        let record = try started(f)
        let context = try MeetingContext(archive: f.store.state, record: record)
        let item = try #require(record.topLevelItems.dropFirst().first)
        let quorum = context.quorum(for: item.id)
        try addGuest(f, "Jo Bloggs", post: "Head of Estates", org: "Acme Ltd", role: .presenter, item: "2")
        try addGuest(f, "Sam Ray", role: .minuteTaker)
        #expect(h.form(f) == nil, "\(h.form(f)?.problem ?? "")")
        let after = try f.store.record(of: Self.pcpg)
        #expect(after.listedGuests.map(\.name) == ["Jo Bloggs", "Sam Ray"])
        #expect(after.listedGuests.first?.itemID == item.id)
        #expect(after.attendance == record.attendance)
        #expect(try MeetingContext(archive: f.store.state, record: after).quorum(for: item.id) == quorum)
        let screen = f.screen()
        #expect(screen.contains("In attendance"))
        #expect(screen.contains("Jo Bloggs, Head of Estates (Acme Ltd) — presenter (for item"))
        f.press(.char("z"))  // the pane zoomed shows the whole line
        #expect(f.screen().contains("Jo Bloggs, Head of Estates (Acme Ltd) — presenter (for item 2)"))
        #expect(screen.contains("Sam Ray — minute taker"))
    }

    @Test func aGuestRemovedByMistakeIsListedAgainAndIsNeverMarked() throws {
        let f = try Fixture(cols: 160, rows: 48)
        _ = try started(f)
        try addGuest(f, "Kit Lane", role: .observer)
        f.press(.char("G"))
        f.press(.char("p"))
        #expect(f.app.state.message?.text == "Kit Lane is a guest, listed in attendance without a mark; - removes them")
        #expect(try f.store.record(of: Self.pcpg).attendance.isEmpty)
        f.press(.char("-"))
        #expect(try f.store.record(of: Self.pcpg).listedGuests.isEmpty)
        #expect(f.screen().contains("Kit Lane — observer — removed (- lists again)"))
        f.press(.char("-"))
        #expect(try f.store.record(of: Self.pcpg).listedGuests.map(\.name) == ["Kit Lane"])
    }

    @Test func badGuestsAreRefusedAndRecordNothing() throws {
        let f = try Fixture(cols: 160, rows: 48)
        let record = try started(f)
        let member = try #require(f.store.state.committees[f.store.state.meetings[Self.pcpg]!.committeeID]?.seated.first)
        let memberName = try #require(f.store.state.people[member.personID]?.name)
        func refused(_ words: String, _ act: () throws -> Void) throws {
            try h.expectRefusedInForm(f, mentioning: words) { try act() }
            #expect(try f.store.record(of: Self.pcpg).guests.isEmpty)
        }
        try refused("a guest needs a name") { f.press(.char("+")); h.answer(f, "") }
        try refused("is on Pan Cluster Planning Group; mark them in the attendance list") {
            f.press(.char("+")); h.answer(f, memberName.uppercased())
        }
        try refused("there is no item 99 on the agenda (items 1 to \(record.topLevelItems.count))") {
            f.press(.char("+")); h.answer(f, "Jo Bloggs"); h.answer(f, ""); h.answer(f, "")
            try h.choose(f, GuestRole.presenter.rawValue)
            h.answer(f, "99")
        }
    }
}
