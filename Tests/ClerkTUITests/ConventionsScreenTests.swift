import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// A committee's conventions set on the terms screen (standing items, usual venue, item
/// references) and a meeting's own venue set with `@`; bad input refused in the form.
@Suite struct ConventionsScreenTests {
    typealias Fixture = ScreenTests.Fixture
    let setup = CommitteeSetupScreenTests()

    func standing(_ f: Fixture) throws -> [StandingItemSpec] { try setup.committee(f).terms.standingItems }

    @Test func standingItemsAreRetitledAddedReorderedSwitchedAndRemoved() throws {
        let f = try Fixture(cols: 80, rows: 24)
        _ = try setup.smallCommittee(f)
        try setup.select(f, "s:0")
        f.press(.enter)
        setup.answer(f, "Welcome and apologies")
        #expect(try standing(f).first == StandingItemSpec(kind: .apologies, title: "Welcome and apologies"))
        // A plain item after the first; a kind given before a colon.
        f.press(.char("N"))
        setup.answer(f, "Patient story")
        try setup.select(f, "s:5")
        f.press(.char("N"))
        setup.answer(f, "next-meeting: Date and venue of next meeting")
        let titles = try standing(f).map(\.title)
        #expect(titles[1] == "Patient story")
        #expect(try standing(f)[1].kind == nil)
        // The next-meeting kind exists once: the new one is refused.
        #expect(setup.form(f)?.problem?.contains("only one standing item can be the date of the next meeting") == true)
        f.press(.escape)
        try setup.select(f, "s:1")
        f.press(.char("d"))
        #expect(try standing(f)[1].onByDefault == false)
        f.press(.char("K"))
        #expect(try standing(f).map(\.title).prefix(2) == ["Patient story", "Welcome and apologies"])
        // The selection follows the item moved.
        f.press(.char("J"))
        #expect(try standing(f).map(\.title).prefix(2) == ["Welcome and apologies", "Patient story"])
        f.press(.char("X"))
        #expect(try standing(f).count == 7)
        #expect(f.app.state.message?.text.hasSuffix("y/n") == true)
        f.press(.char("y"))
        #expect(try standing(f).map(\.title) == ["Welcome and apologies", "Declarations of interest",
                                                 "Minutes of the last meeting and matters arising", "Action log review",
                                                 "Any other business", "Date of next meeting"])
        #expect(f.screen().contains("Welcome and apologies"))
    }

    @Test func badStandingItemsAreRefusedAndChangeNothing() throws {
        let f = try Fixture(cols: 80, rows: 24)
        _ = try setup.smallCommittee(f)
        try setup.expectRefusedInForm(f, mentioning: "needs a title") {
            try setup.select(f, "s:0")
            f.press(.enter)
            setup.answer(f, "")
        }
        try setup.expectRefusedInForm(f, mentioning: "already a standing item \"any OTHER business\"") {
            f.press(.char("N"))
            setup.answer(f, "any OTHER business")
        }
        let before = f.store.state
        try setup.select(f, "s:0")
        f.press(.char("K"))
        #expect(f.app.state.message?.text == "Apologies is already first")
        #expect(f.store.state == before)
    }

    @Test func theUsualVenueAndTheReferenceSchemeAreSetAndBadOnesRefused() throws {
        let f = try Fixture(cols: 80, rows: 24)
        _ = try setup.smallCommittee(f)
        try setup.setField(f, .venue, "Committee Room 2")
        try setup.setField(f, .references, "GB/{yy}{yy+1}/{n:03} from April")
        let terms = try setup.committee(f).terms
        #expect(terms.defaultVenue == "Committee Room 2")
        #expect(terms.references == ItemReferenceScheme(pattern: "GB/{yy}{yy+1}/{n:03}", restartMonth: 4))
        #expect(f.screen().contains("GB/{yy}{yy+1}/{n:03} from April"))
        try setup.expectRefusedInForm(f, mentioning: "unknown placeholder {year}", "{n}, {n:03}, {yy}, {yy+1}, {yyyy}, {yyyy+1}") {
            try setup.select(f, "f:references")
            f.press(.enter)
            setup.answer(f, "GB/{year}/{n}")
        }
        try setup.expectRefusedInForm(f, mentioning: "restart month 13 is not a month") {
            try setup.select(f, "f:references")
            f.press(.enter)
            setup.answer(f, "GB/{n} from 13")
        }
        try setup.expectRefusedInForm(f, mentioning: "'Aprill' is not a month") {
            try setup.select(f, "f:references")
            f.press(.enter)
            setup.answer(f, "GB/{n} from Aprill")
        }
        try setup.expectRefusedInForm(f, mentioning: "no spaces") {
            try setup.select(f, "f:venue")
            f.press(.enter)
            setup.answer(f, "remote https://example.org/a b")
        }
        // Plain numbers again.
        try setup.setField(f, .references, "numbers")
        #expect(try setup.committee(f).terms.references == nil)
    }

    @Test func aMeetingsOwnVenueIsSetWithAtAndShownInTheHeader() throws {
        let f = try Fixture(cols: 120, rows: 30)
        let meeting = try f.store.commit(at: ScreenTests.context().now) { store in
            try store.state.scheduleMeeting("west-herts-pbc-leads", on: CalendarDate(iso: "2026-12-30")!, start: TimeOfDay(hour: 10, minute: 0))
        }
        guard case .meetingScheduled(let m)? = meeting.first else { Issue.record("not scheduled"); return }
        f.app.open(m.id)
        f.press(.char("@"))
        let link = "https://teams.example.org/l/meetup-join/19%3ameeting?context=%7b%22Tid%22%7d"
        setup.answer(f, "remote " + link)
        #expect(setup.form(f) == nil)
        #expect(f.store.state.meetings[m.id]?.venue == "Remote: " + link)
        #expect(f.screen().split(separator: "\n").first?.contains("· Remote: https://teams.example.org") == true)
        // A link with a space is refused in the form, nothing recorded. (Control characters
        // never reach the form's line from the terminal; ClerkCore refuses them as well.)
        let before = f.store.state
        f.press(.char("@"))
        setup.answer(f, "remote https://example.org/a b")
        #expect(setup.form(f)?.problem?.contains("a remote link has no spaces") == true)
        #expect(f.store.state == before, "the archive changed")
        // Empty: back to the committee's usual venue (none for this committee).
        f.press(.escape, .char("@"))
        setup.answer(f, "")
        #expect(f.store.state.meetings[m.id]?.venue == "")
    }
}
