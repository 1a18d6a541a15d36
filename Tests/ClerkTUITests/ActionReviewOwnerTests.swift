import ClerkCore
import ClerkPublish
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The chair's evening in the action review: `b` groups the list by owner, `e` writes what
/// is shown as a plain-text chase list.
@Suite struct ActionReviewOwnerTests {
    static func type(_ f: ScreenTests.Fixture, _ text: String) {
        for c in text { f.press(.char(c)) }
    }

    /// Replaces the proposed file name with `path` and writes.
    static func write(_ f: ScreenTests.Fixture, to path: String, full: Bool = false) {
        f.press(.ctrl("a"), .ctrl("k"))
        type(f, path)
        if full { f.press(.down) }
        f.press(.enter)
    }

    @Test func byOwnerGroupsInTheChaseListsOrderAndTogglesBack() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 30)
        f.press(.char("a"))
        let byDue = try ActionReviewTests.listed(f)
        f.press(.char("b"))
        let review = try #require(f.app.state.actionReview)
        #expect(review.byOwner)
        let data = f.app.data()
        let shown = data.archive.actions(matching: review.filter(today: ScreenTests.today))
        let groups = ChaseList.groups(shown, archive: data.archive)
        #expect(groups.count >= 2)
        #expect(try ActionReviewTests.listed(f) == groups.flatMap(\.actions).map(\.id))
        let screen = f.screen()
        #expect(screen.contains("Actions by owner"))
        #expect(screen.contains("by owner"))
        // A heading per owner, in the chase list's order, each with its count and overdue count in words.
        var from = screen.startIndex
        for g in groups {
            let heading = ActionReviewPane.ownerHeading(g, today: ScreenTests.today)
            let found = try #require(screen.range(of: heading, range: from..<screen.endIndex), "\(heading)\n\(screen)")
            from = found.upperBound
        }
        #expect(screen.contains("overdue"))
        // The selection moves over actions only, never onto a heading.
        f.press(.down)
        f.press(.enter)
        guard case .history(let id, _)? = f.app.state.overlay else { Issue.record("no history open"); return }
        #expect(id == groups.flatMap(\.actions)[1].id)
        f.press(.escape, .char("b"))
        #expect(f.app.state.actionReview?.byOwner == false)
        #expect(try ActionReviewTests.listed(f) == byDue)
        #expect(f.screen().contains("Actions by due date"))
    }

    @Test func theChaseListIsWhatTheReviewShows() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        f.press(.char("a"), .char("O"), .char("o"))
        Self.type(f, "Dr Graves")
        f.press(.enter, .char("b"), .char("e"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no form"); return }
        #expect(form.text?.text == "chase-PG-overdue.txt")
        #expect(f.screen().contains("File (.txt)"))
        let path = f.dir.path + "/graves.txt"
        Self.write(f, to: path)
        #expect(f.app.state.message?.text.hasPrefix("wrote \(path)") == true, "\(String(describing: f.app.state.message))")
        let written = try String(contentsOfFile: path, encoding: .utf8)
        let data = f.app.data()
        let review = try #require(f.app.state.actionReview)
        let shown = data.archive.actions(matching: review.filter(today: ScreenTests.today))
        #expect(!shown.isEmpty)
        #expect(shown.allSatisfy { $0.owner == .person("peter-graves") && $0.isOverdue(on: ScreenTests.today) })
        #expect(written == ChaseList.text(shown, archive: data.archive, today: ScreenTests.today,
                                          heading: "Actions: all committees · open, in progress, ongoing · owner Dr Peter Graves · overdue"))
        #expect(written.contains("(PG)"))
        #expect(!written.contains("LMC —"))
    }

    @Test func badFileNamesAndAnEmptyListWriteNothing() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        f.press(.char("a"), .char("e"))
        Self.write(f, to: f.dir.path + "/list.csv")
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("the form closed"); return }
        #expect(form.problem?.contains(".txt") == true, "\(String(describing: form.problem))")
        #expect(!FileManager.default.fileExists(atPath: f.dir.path + "/list.csv"))
        Self.write(f, to: "")
        guard case .form(let again)? = f.app.state.overlay else { Issue.record("the form closed"); return }
        #expect(again.problem != nil)
        f.press(.escape)
        // Nothing due this week: nothing to chase, said at once, no form.
        f.press(.char("w"), .char("e"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text == "no actions are shown, so there is nothing to chase: c clears the filters")
        let files = try FileManager.default.contentsOfDirectory(atPath: f.dir.path).filter { $0.hasSuffix(".txt") }
        #expect(files.isEmpty)
    }
}
