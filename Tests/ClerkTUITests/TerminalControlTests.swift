import ClerkCore
@testable import ClerkTUI
import Terminal
import Testing

/// C-l and Ctrl-Z: keys about the terminal itself.
@Suite struct TerminalControlTests {
    typealias Fixture = ScreenTests.Fixture

    @Test func controlLDrawsEveryCellAgainAfterSomethingElseWroteOverTheScreen() throws {
        let f = try Fixture(cols: 80, rows: 24)
        let clean = f.screen()
        f.term.scribble("GARBAGE GARBAGE GARBAGE", at: Point(x: 3, y: 4))
        f.term.scribble(String(repeating: " ", count: 80), at: Point(x: 0, y: 0))
        #expect(f.term.snapshot() != clean)
        f.press(.ctrl("l"))
        #expect(f.screen() == clean)
        #expect(f.term.repaintCount == 1)
    }

    @Test func controlLWorksInAnOverlayAndLeavesItOpen() throws {
        let f = try Fixture(cols: 80, rows: 24)
        f.press(.char(":"))
        let withCommandLine = f.screen()
        f.term.scribble("GARBAGE", at: Point(x: 0, y: 23))
        f.press(.ctrl("l"))
        #expect(f.screen() == withCommandLine)
        if case .command = f.app.state.overlay {} else { Issue.record("the command line closed") }
    }

    @Test func controlLRepaintsWhileTypingTheMinutes() throws {
        let (f, _) = try MinutesEditingTests.open()
        f.press(.char("a"))
        MinutesEditingTests.type(f, "Noted")
        let typing = f.screen()
        f.term.scribble("GARBAGE", at: Point(x: 0, y: 10))
        f.press(.ctrl("l"))
        #expect(f.screen() == typing)
        #expect(f.app.state.editing?.editor.text == "Noted")
    }

    @Test func controlZWithoutAShellSaysSoAndKeepsTheScreen() throws {
        let f = try Fixture(cols: 80, rows: 24)
        f.press(.char("j"))
        let before = f.app.state.home
        f.press(.ctrl("z"))
        #expect(f.app.state.running)
        #expect(f.app.state.message?.text.contains("no shell here to return to") == true)
        #expect(f.app.state.home == before)
    }

    @Test func controlZWhileTypingTheMinutesUndoesInstead() throws {
        let (f, _) = try MinutesEditingTests.open()
        f.press(.char("a"))
        MinutesEditingTests.type(f, "Noted")
        f.press(.ctrl("z"))
        #expect(f.app.state.editing?.editor.text != "Noted")
        #expect(f.app.state.message?.text.contains("no shell") != true)
    }

    @Test func theCommandLineRunsBothByName() throws {
        let f = try Fixture(cols: 80, rows: 24)
        _ = f.screen()
        f.app.perform("app.redraw")
        #expect(f.term.repaintCount == 1)
        f.app.perform("app.suspend")
        #expect(f.app.state.message?.text.contains("no shell here to return to") == true)
    }
}
