import ClerkApp
import ClerkCore
import ClerkStore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Searching from the screen: `/` and the words, the results newest first, and Enter
/// opening the meeting at the hit with the words highlighted in the minutes.
@Suite struct SearchScreenTests {
    static func type(_ f: ScreenTests.Fixture, _ text: String) {
        for c in text { f.press(.char(c)) }
    }

    static func problem(_ f: ScreenTests.Fixture) -> String? {
        guard case .form(let form)? = f.app.state.overlay else { return nil }
        return form.problem
    }

    @Test(arguments: [(80, 24), (200, 60)])
    func searchOpenAtTheHitAndGoBack(_ cols: Int, _ rows: Int) throws {
        let f = try ScreenTests.Fixture(cols: cols, rows: rows)
        f.press(.char("/"))
        guard case .form(let form)? = f.app.state.overlay, case .search = form.purpose else {
            Issue.record("/ did not open the search form")
            return
        }
        Self.type(f, "darzi clinic")
        f.press(.enter)
        let search = try #require(f.app.state.search)
        #expect(search.terms == ["darzi", "clinic"])
        #expect(search.hits.first?.meetingID == ScreenTests.meeting)
        let screen = f.screen()
        #expect(screen.contains("Search · darzi clinic"))
        #expect(screen.contains("Darzi"))
        #expect(screen.contains("\(search.total) found"))

        f.press(.enter)
        let meeting = try #require(f.app.state.meeting)
        #expect(meeting.meetingID == ScreenTests.meeting)
        #expect(meeting.focus == .minutes)
        #expect(meeting.highlight == ["darzi", "clinic"])
        let record = try f.store.record(of: ScreenTests.meeting)
        let hitItem = try #require(search.hits.first?.itemID)
        #expect(meeting.position(.minutes).selected == record.items.firstIndex { $0.id == hitItem })
        // The words are drawn in the highlight (match) slot of the theme.
        let (theme, _) = ThemeLoader.load(name: nil, environment: [:], colorCount: 256)
        let text = f.screen().split(separator: "\n", omittingEmptySubsequences: false)
        let marks = f.term.styleSnapshot { $0 == theme[.match] }.split(separator: "\n", omittingEmptySubsequences: false)
        let highlighted = zip(text, marks).map { line, mark in
            String(zip(line, mark).map { $1 == "#" ? $0 : " " })
        }.joined(separator: "\n")
        #expect(highlighted.contains("Darzi"))
        #expect(highlighted.lowercased().contains("clinic"))

        f.press(.escape)
        #expect(f.app.state.meeting == nil)
        #expect(f.app.state.search != nil)
        #expect(f.screen().contains("Search · darzi clinic"))
        f.press(.escape)
        #expect(f.app.state.search == nil)
    }

    @Test func anEmptySearchKeepsTheFormOpenWithTheReason() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.press(.char("/"))
        Self.type(f, "  ")
        f.press(.enter)
        #expect(Self.problem(f)?.contains("the search is empty") == true)
        #expect(f.app.state.search == nil)
        #expect(f.screen().contains("the search is empty"))
        f.press(.escape)
        #expect(f.app.state.overlay == nil)
    }

    @Test func nothingFoundSaysSoAndSearchesAgainFromAMeeting() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.app.open(ScreenTests.meeting)
        f.press(.char("/"))
        Self.type(f, "zebrafish")
        f.press(.enter)
        #expect(f.app.state.meeting == nil)
        #expect(f.app.state.search?.total == 0)
        #expect(f.screen().contains("nothing found"))
        f.press(.enter)
        #expect(f.app.state.meeting == nil)
        // `/` again offers the last words to change.
        f.press(.char("/"))
        guard case .form(let form)? = f.app.state.overlay else {
            Issue.record("/ did not open the search form")
            return
        }
        #expect(form.text?.text == "zebrafish")
    }
}
