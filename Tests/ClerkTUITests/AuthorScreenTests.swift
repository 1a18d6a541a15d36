import ClerkCore
import ClerkStore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// A change made in the screen is written as the session's author, and the person behind
/// it is named where the screen shows who did what: an action's history.
@Suite struct AuthorScreenTests {
    typealias Fixture = ScreenTests.Fixture

    @Test func anActionUpdatedInTheScreenNamesWhoMadeIt() throws {
        let f = try Fixture(cols: 100, rows: 30)
        f.store.author = Author(account: "pgraves", person: "peter-graves")
        f.app.open(ScreenTests.meeting)
        f.press(.char("4"))
        let id = try #require(f.app.updater.selectedKey(.actions, f.app.state, f.app.data()))
        let before = try #require(f.store.state.actions[id]).history.count
        f.press(.char("d"), .enter)
        _ = f.screen()
        let reader = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        let action = try #require(reader.state.actions[id])
        #expect(action.history.count == before + 1)
        #expect(action.history.last?.by == "peter-graves")
        // The journal record names the account and the person.
        let last = try #require(try reader.history().last { $0.event?.kind == .actionUpdated })
        #expect(last.author == Author(account: "pgraves", person: "peter-graves"))
        // The history overlay says who.
        let shown = ActionReviewPane.history(action, data: f.app.data(), width: 90).rows
            .map { $0.spans.map(\.text).joined() }
        #expect(shown.last?.contains("by Peter Graves") == true, "\(shown)")
    }
}
