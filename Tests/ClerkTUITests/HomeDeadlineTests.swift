import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The home screen warns, under each upcoming meeting, of the agenda deadlines in the
/// committee's terms: in words, in the overdue colour.
@Suite struct HomeDeadlineTests {
    @Test func upcomingMeetingsSayWhatIsDueAndWhatIsLate() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 40)
        let pcpg = DemoArchive.panClusterPlanningGroup
        // Today is Monday 23 November 2026. Tuesday 1 December: items closed 17 November,
        // agenda and papers by Friday 27 November. Tuesday 8 December: items due tomorrow.
        // Thursday 26 November: papers were due Friday 20 November, so they are late.
        _ = try f.store.commit(at: ScreenTests.context().now) { store in
            try store.state.scheduleMeeting(pcpg, on: CalendarDate(iso: "2026-12-01")!)
                + store.state.scheduleMeeting(pcpg, on: CalendarDate(iso: "2026-12-08")!)
                + store.state.scheduleMeeting(pcpg, on: CalendarDate(iso: "2026-11-26")!)
        }
        let index = try #require(f.store.state.committeeList.firstIndex { $0.id == pcpg })
        for _ in 0..<index { f.press(.char("]")) }
        let screen = f.screen()
        #expect(screen.contains("! agenda not published: due Fri 27 Nov (in 4 days)"), "\(screen)")
        #expect(screen.contains("! items due in 1 day (Tue 24 Nov)"))
        #expect(screen.contains("! papers late: due Fri 20 Nov, agenda not published"))
        // In the overdue colour (on a meeting not selected), and the words say it without the colour.
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let row = try #require(lines.firstIndex { $0.contains("items due in 1 day") })
        let col = try #require(lines[row].range(of: "items due").map { lines[row][..<$0.lowerBound].count })
        #expect(f.term.style(at: Point(x: col, y: row)) == f.app.renderer.theme[.actionOverdue])
        // A committee with no deadlines in its terms warns of nothing.
        let brent = try #require(f.store.state.committees[DemoArchive.brentPEC])
        #expect(brent.terms.deadlines == nil)
    }
}
