import ClerkCore
@testable import ClerkTUI
import Terminal
import Testing

/// `q` goes back one level and quits only from the home screen (over SSH, a `q` pressed
/// in a meeting used to end the whole connection); `Q` and `C-c` quit at once; `h` and
/// Left go back like Esc.
@Suite struct GoingBackTests {
    @Test func qFromAMeetingGoesHomeAndQuitsOnlyThere() throws {
        let f = try ScreenTests.Fixture(cols: 120, rows: 40)
        f.app.open(ScreenTests.meeting)
        #expect(f.app.state.meeting != nil)
        f.press(.char("q"))
        #expect(f.app.state.meeting == nil)
        #expect(f.app.state.running)
        f.press(.char("q"))
        #expect(!f.app.state.running)
    }

    @Test(arguments: [Key.char("Q"), Key.ctrl("c")])
    func capitalQAndControlCQuitFromAnywhere(_ key: Key) throws {
        let f = try ScreenTests.Fixture(cols: 120, rows: 40)
        f.app.open(ScreenTests.meeting)
        f.press(key)
        #expect(!f.app.state.running)
    }

    @Test(arguments: [Key.char("h"), Key.left])
    func hAndLeftGoBack(_ key: Key) throws {
        let f = try ScreenTests.Fixture(cols: 120, rows: 40)
        f.app.open(ScreenTests.meeting)
        f.press(key)
        #expect(f.app.state.meeting == nil)
        f.press(.char("a"))  // the action review, a full-screen list
        #expect(f.app.state.actionReview != nil)
        f.press(key)
        #expect(f.app.state.actionReview == nil)
        #expect(f.app.state.running)
    }

    @Test func qClosesAnOverlayFirst() throws {
        let f = try ScreenTests.Fixture(cols: 120, rows: 40)
        f.press(.char("?"))
        #expect(f.app.state.overlay != nil)
        f.press(.char("q"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.running)
    }
}
