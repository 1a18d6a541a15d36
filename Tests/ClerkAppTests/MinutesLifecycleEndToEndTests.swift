import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// The minutes of 22 April 2008 circulated, approved with a correction at the following
/// meeting, then locked: in the real binary, checked in the journal afterwards.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct MinutesLifecycleEndToEndTests {
    static let april = "hpbc-2008-04-22"
    static let july = "hpbc-2008-07-15"

    func open(_ id: MeetingID, _ t: Tmux) throws {
        try t.keys(":")
        try t.type("open \(id)")
        try t.keys("Enter")
    }

    @Test func approveThePreviousMinutesWithACorrection() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 80, rows: 24)
        let t = session.tmux
        try t.waitFor("committees and meetings")
        let before = try ArchiveStore(directory: try session.archive(), mode: .readOnly).record(of: Self.april).entries

        // Circulate the draft.
        try open(Self.april, t)
        try t.waitFor("minutes draft")
        try t.keys("3", "M")
        try t.waitFor("recorded as circulated")
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.waitFor("minutes circulated")

        // Plan the following meeting (seed 001: next meetings in July and September).
        try t.keys("N")
        try t.waitFor("New meeting of Hertfordshire PBC Leads")
        try t.type("2008-07-15 13:00-14:30")
        try t.keys("Enter")
        try t.waitFor("2008-07-15 Tue 13:00–14:30")

        // Its agenda starts from the standing items: approve on item 3 with an amendment.
        try open(Self.july, t)
        try t.waitFor("15 Jul 2008")
        try t.waitFor("3. Minutes of the last meeting")
        try t.keys("1", "g", "j", "j", "P")
        try t.waitFor("Approve the minutes of 22 Apr 2008")
        try t.type("Dr Graves had sent apologies")
        try t.keys("Enter")
        try t.waitFor("  It was noted that Dr Graves had sent apologies")
        try t.keys("Enter")
        try t.waitFor("Approve the minutes of 22 Apr 2008? They cannot be edited")
        try t.keys("y")
        try t.waitFor("approved with 1 amendment and locked")

        // The approved minutes refuse editing and take a dated correction.
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.waitFor("minutes approved")
        try open(Self.april, t)
        try t.waitFor("22 Apr 2008")
        try t.keys("3", "g", "e")
        try t.waitFor("are approved and locked")
        try t.keys("K")
        try t.waitFor("Correction: ")
        try t.type("The meeting was held at the LMC Office, Aston")
        try t.keys("Enter")
        try t.waitFor("Correction (2026-11-23): The meeting was held at the LMC Office, Aston")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let april = try #require(store.state.meetings[Self.april])
        #expect(april.status == .minutesApproved)
        #expect(april.approvedOn == CalendarDate(year: 2026, month: 11, day: 23))
        let july = try store.record(of: Self.july)
        let item = try #require(july.items.first { $0.standing == .previousMinutes })
        #expect(july.entries(for: item.id).map(\.kind) == [.noted])
        #expect(july.entries(for: item.id).map(\.text) == ["Dr Graves had sent apologies"])
        let entries = try store.record(of: Self.april).entries
        #expect(Array(entries.dropLast()) == before)
        let correction = try #require(entries.last)
        #expect(correction.kind == .correction)
        #expect(correction.correctedOn == CalendarDate(year: 2026, month: 11, day: 23))
        #expect(correction.text == "The meeting was held at the LMC Office, Aston")
    }
}
