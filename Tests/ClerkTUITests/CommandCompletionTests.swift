import Testing
@testable import ClerkTUI

@Suite struct CommandCompletionTests {
    private func ids(_ typed: String) -> [String] { CommandCompletion.complete(typed).map(\.id.rawValue) }

    @Test func idsThatStartWithThePrefixComeFirstInTableOrder() {
        #expect(ids("pane.") == ["pane.next", "pane.previous", "pane.agenda", "pane.attendance", "pane.minutes", "pane.actions", "pane.zoom"])
        #expect(ids("pane.n") == ["pane.next"])
        #expect(ids("APP.Q") == ["app.quit"])
    }

    @Test func thenIdsThatContainIt() {
        #expect(ids("quit") == ["app.quit", "app.exit"])
        // "actions." starts actions.*, then the ids that contain it in table order, then help mentioning actions.
        let found = ids("actions")
        let prefixed = ActionTable.all.filter { $0.id.rawValue.hasPrefix("actions.") }.count
        #expect(found.prefix(prefixed).allSatisfy { $0.hasPrefix("actions.") })
        #expect(Array(found.dropFirst(prefixed).prefix(2)) == ["pane.actions", "export.actions"])
        #expect(found.dropFirst(prefixed + 2).allSatisfy { !$0.contains("actions") })
    }

    @Test func thenActionsWhoseHelpHasAWordStartingWithIt() {
        #expect(ids("overdue") == ["actions.overdue", "plan.overdue", "review.overdue", "review.byOwner"])
        // "redraw" matches app.redraw's id; "screen" only its help and pane.zoom's.
        #expect(ids("screen") == ["app.quit", "app.exit", "app.back", "app.redraw", "pane.zoom"])
        #expect(ids("committee").first == "home.nextCommittee")
    }

    @Test func noActionTwiceAndNothingForNonsense() {
        let all = ids("e")
        #expect(Set(all).count == all.count)
        #expect(ids("xyzzy") == [])
    }

    @Test func emptyGivesEverything() {
        #expect(ids("") == ActionTable.all.map(\.id.rawValue))
        #expect(ids("  ") == ActionTable.all.map(\.id.rawValue))
    }
}
