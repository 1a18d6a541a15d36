import ClerkCore
@testable import ClerkTUI
import Terminal
import Testing

/// The meeting header keeps the committee, date and time; the agenda's deadlines go there
/// only when they fit beside them, else into the agenda pane's title.
@Suite struct MeetingHeaderTests {
    static let planned = "pcpg-2027-01-12"

    @Test(arguments: [80, 100, 120, 140, 200])
    func theDateStaysAndTheDeadlinesAreShownSomewhere(cols: Int) throws {
        for readOnly in [false, true] {
            let screen: String
            if readOnly {
                let (dir, app) = try ScreenTests.readOnlyApp("clerk-header", cols: cols, rows: 30)
                defer { dir.remove() }
                app.open(Self.planned)
                app.render()
                screen = (app.term as? VirtualTerminal)?.snapshot() ?? ""
            } else {
                let f = try ScreenTests.Fixture(cols: cols, rows: 30)
                f.app.open(Self.planned)
                screen = f.screen()
            }
            let header = screen.split(separator: "\n").first.map(String.init) ?? ""
            #expect(header.contains("12 Jan 2027 10:00–12:00"), "\(cols) cols, read-only \(readOnly): \(header)")
            #expect(screen.contains("items due by Tue 29 Dec · papers Fri 8 Jan"), "\(cols) cols, read-only \(readOnly)")
        }
    }
}
