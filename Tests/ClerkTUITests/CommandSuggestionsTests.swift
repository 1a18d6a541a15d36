import ClerkCore
@testable import ClerkTUI
import Terminal
import Testing

/// The `:` command line's suggestions: drawn whole, across the whole width, the choice
/// always among them.
@Suite struct CommandSuggestionsTests {
    typealias Fixture = ScreenTests.Fixture

    func open(_ f: Fixture, typing text: String) {
        f.press(.char(":"))
        for c in text { f.press(.char(c)) }
    }

    /// The rows drawn in the overlay's or the selection's style, top to bottom.
    func suggestionRows(_ f: Fixture) -> [Int] {
        let theme = f.app.renderer.theme
        return (0..<f.term.size.rows - 1).filter { y in
            let style = f.term.style(at: Point(x: 0, y: y))
            return style == theme[.overlay] || style == theme[.selection]
        }
    }

    @Test func rowsSpanTheWholeWidthAndNoPaneShowsThrough() throws {
        let f = try Fixture(cols: 120, rows: 30)
        open(f, typing: "move")
        let screen = f.screen()
        let theme = f.app.renderer.theme
        let rows = suggestionRows(f)
        #expect(rows.count >= 3)
        for y in rows {
            let first = f.term.style(at: Point(x: 0, y: y))
            for x in 0..<120 {
                #expect(f.term.style(at: Point(x: x, y: y)) == first, "row \(y) column \(x) shows something else:\n\(screen)")
            }
            #expect(first == theme[.overlay] || first == theme[.selection])
        }
        #expect(rows.last == 28)
    }

    @Test func everyHelpIsShownWhole() throws {
        let f = try Fixture(cols: 60, rows: 30)
        open(f, typing: "meeting.m")
        let screen = f.screen()
        // The help of meeting.move is longer than a row: it wraps under the help column.
        let help = try #require(ActionTable.action(.meetingMove)).help
        let shown = screen.split(separator: "\n").map(String.init).filter { $0.hasPrefix(String(repeating: " ", count: 25)) || $0.hasPrefix("meeting.move") }
            .map { String($0.dropFirst(25)) }.joined(separator: " ")
        #expect(shown.contains(help), "\(screen)")
        #expect(!screen.contains("…"))
    }

    @Test func theChoiceIsAlwaysShownAndIsWhatEnterRuns() throws {
        let f = try Fixture(cols: 100, rows: 24)
        open(f, typing: "")
        let all = CommandCompletion.complete("")
        for step in 0..<25 {
            let screen = f.screen().split(separator: "\n").map(String.init)
            let selected = suggestionRows(f).filter { f.term.style(at: Point(x: 0, y: $0)) == f.app.renderer.theme[.selection] }
            #expect(!selected.isEmpty, "step \(step): the choice is not on screen")
            let id = screen[selected[0]].split(separator: " ").first.map(String.init)
            #expect(id == all[step % all.count].id.rawValue, "step \(step)")
            f.press(.tab)
        }
        // The count of what is not shown is on the top row.
        let top = try #require(suggestionRows(f).first)
        #expect(f.screen().split(separator: "\n")[top].contains("\(all.count) commands match"))
    }

    @Test func linesFitTheHeightGiven() {
        let all = CommandCompletion.complete("")
        for height in 1...12 {
            for choice in [0, 7, all.count - 1] {
                let lines = CommandSuggestions.lines(all, choice: choice, width: 50, height: height)
                #expect(lines.count <= height)
                #expect(lines.contains { $0.selected }, "height \(height) choice \(choice)")
            }
        }
        #expect(CommandSuggestions.lines([], choice: 0, width: 80, height: 10).isEmpty)
        let one = CommandSuggestions.lines([ActionTable.action(.appHelp)!], choice: 0, width: 80, height: 10)
        #expect(one.count == 1 && one[0].selected)
    }
}
