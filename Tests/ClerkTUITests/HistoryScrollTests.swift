import ClerkCore
import ClerkStore
@testable import ClerkTUI
import Terminal
import Testing

/// An action's history longer than the screen: the overlay scrolls with the movement keys,
/// so every update can be read at 40×12.
@Suite struct HistoryScrollTests {
    @Test func everyUpdateOfALongHistoryIsReachable() throws {
        let f = try ScreenTests.Fixture(cols: 40, rows: 12)
        let action = try #require(ActionReviewTests.aprilActions(f).first)
        for n in 1...14 {
            try f.store.commit(at: ScreenTests.context().now) { store in
                try store.state.updateAction(action, status: .inProgress, note: "N\(n)x", context: ScreenTests.context())
            }
        }
        f.press(.char("a"))
        try #require(try ActionReviewTests.listed(f).first == action)
        f.press(.enter)
        #expect(f.app.state.overlay == .history(action))
        #expect(!f.screen().contains("N14x"))
        var seen: Set<Int> = []
        for _ in 0..<30 {
            for n in 1...14 where f.screen().contains("N\(n)x") { seen.insert(n) }
            f.press(.pageDown)
        }
        #expect(seen == Set(1...14))
        guard case .history(_, let scroll)? = f.app.state.overlay else { Issue.record("the history closed"); return }
        #expect(scroll > 0)
        // g goes back to the top; Esc closes.
        f.press(.char("g"))
        #expect(f.app.state.overlay == .history(action, scroll: 0))
        f.press(.escape)
        #expect(f.app.state.overlay == nil)
    }
}
