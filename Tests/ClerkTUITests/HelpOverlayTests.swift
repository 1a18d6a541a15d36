@testable import ClerkTUI
import Terminal
import Testing

/// The `?` overlay scrolls when the keys do not all fit.
@Suite struct HelpOverlayTests {
    @Test func theKeysScrollIntoViewAndStopAtTheEnds() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.app.open(ScreenTests.meeting)
        f.press(.char("?"))
        #expect(f.app.state.overlay == .help(.agenda, scroll: 0))
        #expect(!f.screen().contains("Show the keys of the pane in focus"))
        f.press(.char("G"))
        guard case .help(_, let bottom)? = f.app.state.overlay else { Issue.record("the help closed"); return }
        #expect(bottom > 0)
        let screen = f.screen()
        #expect(screen.contains("Zoom the pane in focus to the whole screen"))
        // Past the end it stays at the end; up again from the top stays at the top.
        f.press(.char("j"), .down, .pageDown)
        #expect(f.app.state.overlay == .help(.agenda, scroll: bottom))
        f.press(.char("k"))
        #expect(f.app.state.overlay == .help(.agenda, scroll: bottom - 1))
        f.press(.char("g"), .up)
        #expect(f.app.state.overlay == .help(.agenda, scroll: 0))
        #expect(f.screen().contains("Publish the agenda and lock its numbering") == false)
        f.press(.pageDown)
        #expect(f.screen().contains("Publish the agenda and lock its numbering"))
        f.press(.escape)
        #expect(f.app.state.overlay == nil)
    }
}
