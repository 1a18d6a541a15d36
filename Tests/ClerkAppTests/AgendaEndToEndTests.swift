import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Planning the next meeting in the real binary: its agenda built and published, and a
/// meeting moved and another stood down from the home screen.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct AgendaEndToEndTests {
    /// Adds an item with `A` after the selected one and waits for its row.
    func add(_ title: String, _ t: Tmux, showing row: String) throws {
        try t.keys("A")
        try t.waitFor("New item")
        try t.type(title)
        try t.keys("Enter")
        try t.waitFor(row)
    }

    /// The Pan Cluster Planning Group's next meeting, Tue 12 Jan 2027, with its standing agenda:
    /// 1 Apologies, 2 Declarations of interest, 3 Minutes of the last meeting, 4 Action log
    /// review, 5 Any other business, 6 Date of next meeting.
    @Test func planTheNextMeetingsAgenda() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 80, rows: 24)
        let t = session.tmux
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("]", "]")
        try t.waitFor("Pan Cluster Planning Group")
        try t.keys("Enter")
        try t.waitFor("items due by Tue 29 Dec · papers Fri 8 Jan")
        // An item after the action log review, with a presenter, papers and a time.
        try t.keys("1", "g", "j", "j", "j")
        try add("Integrated County Plan", t, showing: "5. Integrated County Plan")
        try t.keys("j", "E")
        try t.waitFor("Item 5")
        try t.keys("Down")
        try t.waitFor("Description: ")
        try t.type("Report of the Director of Strategy")
        try t.keys("Down")
        try t.type("Dr Morgan")
        try t.keys("Down")
        try t.type("ICP draft; Needs assessment")
        try t.keys("Down")
        try t.type("45")
        try t.keys("Enter")
        try t.waitFor("Dr Morgan · papers: ICP draft; Needs assessment")
        try t.waitFor("Report of the Director of Strategy")
        // A second item, nested under the first.
        try add("Workforce plan", t, showing: "6. Workforce plan")
        try t.keys("j", ">")
        try t.waitFor("a. Workforce plan")
        // A third item moved up above the plan.
        try t.keys("G", "k", "k")
        try add("Winter pressures", t, showing: "6. Winter pressures")
        try t.keys("j", "K")
        try t.waitFor("5. Winter pressures")
        try t.keys("U")
        try t.waitFor("Its numbering is then locked. y/n")
        try t.keys("y")
        try t.waitFor("agenda published 23 Nov")
        // Numbering is locked now.
        try t.keys("J")
        try t.waitFor("numbering locked")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let id = "pcpg-2027-01-12"
        let record = try store.record(of: id)
        #expect(record.items.map { "\(record.number(of: $0.id)) \($0.title)" } == [
            "1 Apologies", "2 Declarations of interest", "3 Minutes of the last meeting and matters arising", "4 Action log review",
            "5 Winter pressures", "6 Integrated County Plan", "6a Workforce plan", "7 Any other business", "8 Date of next meeting",
        ])
        let plan = try #require(record.items.first { $0.title == "Integrated County Plan" })
        #expect(plan.description == "Report of the Director of Strategy")
        #expect(plan.presenter == "Dr Morgan" && plan.papers == ["ICP draft", "Needs assessment"] && plan.minutes == 45)
        #expect(store.state.meetings[id]?.status == .agendaPublished)
        #expect(store.state.meetings[id]?.agendaPublishedOn == CalendarDate(iso: "2026-11-23"))
    }

    @Test func moveOneMeetingAndStandDownTheNext() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 100, rows: 30)
        let t = session.tmux
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("]")
        try t.waitFor("2026-12-17 Thu 13:00–15:00")
        try t.keys("m")
        try t.waitFor("New date (YYYY-MM-DD) and times: 2026-12-17 13:00-15:00")
        try t.keys("C-u")
        try t.type("2026-12-32")
        try t.keys("Enter")
        try t.waitFor("December 2026 has 31 days")
        try t.keys("C-u")
        try t.type("2026-12-16 14:00-16:00")
        try t.keys("Enter")
        try t.waitFor("next Wed 16 Dec")
        #expect(try t.capture().contains("(moved"))
        try t.keys("j", "x")
        try t.waitFor("Stand down the meeting of Thursday 21 January 2027")
        try t.type("No business")
        try t.keys("Enter")
        try t.waitFor("stood down")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let moved = try #require(store.state.meetings["whpl-2026-12-17"])
        #expect(moved.date == CalendarDate(iso: "2026-12-16") && moved.start?.text == "14:00" && moved.end?.text == "16:00")
        #expect(store.state.meetings["whpl-2027-01-21"]?.status == .cancelled)
        #expect(store.state.meetings["whpl-2027-02-18"]?.status == .planned)
    }
}
