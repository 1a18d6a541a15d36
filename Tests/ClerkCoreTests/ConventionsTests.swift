import Foundation
import Testing
@testable import ClerkCore

/// A committee's own conventions: standing items, venue, item references.
@Suite struct ConventionsTests {
    /// A committee with no members, for conventions alone.
    static func board(_ terms: TermsOfReference = TermsOfReference(), today: String = "2025-03-01") throws -> World {
        var w = World(today: day(today))
        try w.run { a, _ in try a.createCommittee(Committee(id: "board", name: "Governing Body", code: "gb", terms: terms)) }
        return w
    }

    static let gb = ItemReferenceScheme(pattern: "GB/{yy}{yy+1}/{n:03}", restartMonth: 4)

    mutating func changeTerms(_ w: inout World, _ change: (inout TermsOfReference) -> Void) throws {
        var terms = try w.archive.committee("board").terms
        change(&terms)
        try w.run { a, _ in try a.changeTerms("board", name: "Governing Body", terms: terms, coreOrganisations: []) }
    }

    // MARK: Standing items

    @Test func oldStandingItemListsReadAsBefore() throws {
        let old = #"{"accountability":"","declaredExcludedFromQuorum":false,"membershipRule":"","objectives":[],"purpose":"","quorum":{"none":{}},"secretariat":"","standingItems":["apologies","previous-minutes","next-meeting"],"voting":{"consensus":{}}}"#
        let terms = try JSONDecoder().decode(TermsOfReference.self, from: Data(old.utf8))
        #expect(terms.standingItems == [.apologies, .previousMinutes, .nextMeeting])
        #expect(terms.standingItems.map(\.title) == ["Apologies", "Minutes of the last meeting and matters arising", "Date of next meeting"])
        #expect(terms.standingItems.allSatisfy { $0.onByDefault })
        // Written back byte for byte as it was read.
        #expect(try json(terms) == old)
    }

    @Test func editedStandingItemsAreWrittenWithKindTitleAndDefault() throws {
        let items = [StandingItemSpec(kind: .apologies, title: "Welcome and apologies"),
                     StandingItemSpec(kind: nil, title: "Chair's update", onByDefault: false)]
        let text = try json(items)
        #expect(text == #"[{"kind":"apologies","onByDefault":true,"title":"Welcome and apologies"},{"kind":"plain","onByDefault":false,"title":"Chair's update"}]"#)
        #expect(try JSONDecoder().decode([StandingItemSpec].self, from: Data(text.utf8)) == items)
        #expect(throws: DecodingError.self) { try JSONDecoder().decode([StandingItemSpec].self, from: Data(#"["agenda-magic"]"#.utf8)) }
    }

    @Test mutating func aNewMeetingStartsFromTheCommitteesOwnStandingItems() throws {
        var w = try Self.board()
        try changeTerms(&w) { t in
            t.standingItems = [StandingItemSpec(kind: .apologies, title: "Welcome and apologies"),
                               StandingItemSpec(kind: .declarations, title: "Declarations of interest"),
                               StandingItemSpec(kind: nil, title: "Patient story"),
                               StandingItemSpec(kind: .anyOtherBusiness, title: "Any other business"),
                               StandingItemSpec(kind: .previousMinutes, title: "Minutes of the previous meeting", onByDefault: false),
                               StandingItemSpec(kind: .nextMeeting, title: "Date of next meeting")]
        }
        let m = try w.schedule("board", "2025-03-20")
        try w.run(in: m) { m, c in try m.standingAgenda(context: c) }
        let items = w.record(m).items
        #expect(items.map(\.title) == ["Welcome and apologies", "Declarations of interest", "Patient story", "Any other business", "Date of next meeting"])
        #expect(items.map(\.standing) == [.apologies, .declarations, nil, .anyOtherBusiness, .nextMeeting])
    }

    @Test mutating func badStandingItemsAreRefusedAndNothingRecorded() throws {
        let w = try Self.board()
        let before = w.archive
        let cases: [([StandingItemSpec], String)] = [
            ([StandingItemSpec(kind: nil, title: "  ")], "needs a title"),
            ([StandingItemSpec(kind: nil, title: "Patient story"), StandingItemSpec(kind: nil, title: "patient STORY")], "already a standing item"),
            ([StandingItemSpec(kind: .apologies, title: "Apologies"), StandingItemSpec(kind: .apologies, title: "Welcome")], "only one standing item"),
            ([StandingItemSpec(kind: nil, title: "Bell\u{7} ringing")], "control character"),
            ([StandingItemSpec(kind: nil, title: String(repeating: "x", count: 201))], "longer than 200"),
        ]
        for (items, words) in cases {
            var terms = try w.archive.committee("board").terms
            terms.standingItems = items
            let a = w.archive
            expectRefused(.invalid, mentioning: words) { try a.changeTerms("board", name: "Governing Body", terms: terms, coreOrganisations: []) }
        }
        #expect(w.archive == before)
    }

    // MARK: Venue

    @Test mutating func aMeetingIsPlannedAtTheUsualVenueAndMayHaveItsOwn() throws {
        var w = try Self.board()
        try changeTerms(&w) { $0.defaultVenue = "Committee Room 2" }
        let m = try w.schedule("board", "2025-03-20")
        #expect(w.archive.meetings[m]?.venue == "Committee Room 2")
        try w.run { a, _ in try a.setVenue(of: m, to: "remote https://teams.example.org/l/meetup-join/19%3a?context=%7b%22Tid%22%7d") }
        #expect(w.archive.meetings[m]?.venue == "Remote: https://teams.example.org/l/meetup-join/19%3a?context=%7b%22Tid%22%7d")
        #expect(w.archive.meetings[m]?.movedFrom == nil)
        try w.run { a, _ in try a.setVenue(of: m, to: "") }
        #expect(w.archive.meetings[m]?.venue == "Committee Room 2")
    }

    @Test mutating func badVenuesAreRefused() throws {
        var w = try Self.board()
        let m = try w.schedule("board", "2025-03-20")
        let a = w.archive
        expectRefused(.invalid, mentioning: "control character") { try a.setVenue(of: m, to: "Room 2\u{1b}[31m") }
        expectRefused(.invalid, mentioning: "control character") { try a.setVenue(of: m, to: "Room\u{202E}2") }
        expectRefused(.invalid, mentioning: "no spaces") { try a.setVenue(of: m, to: "remote https://x.org/a b") }
        expectRefused(.invalid, mentioning: "longer than") { try a.setVenue(of: m, to: String(repeating: "v", count: 501)) }
        var terms = try a.committee("board").terms
        terms.defaultVenue = "Hall\u{7}"
        expectRefused(.invalid, mentioning: "control character") { try a.changeTerms("board", name: "Governing Body", terms: terms, coreOrganisations: []) }
        #expect(w.archive == a)
    }

    // MARK: Reference patterns

    @Test func patternsMakeReferences() throws {
        #expect(Self.gb.reference(year: 2024, n: 17) == "GB/2425/017")
        #expect(Self.gb.reference(year: 2099, n: 1234) == "GB/9900/1234")
        #expect(ItemReferenceScheme(pattern: "{yyyy}-{yyyy+1} item {n}").reference(year: 2024, n: 3) == "2024-2025 item 3")
        #expect(Self.gb.year(of: day("2025-03-31")) == 2024)
        #expect(Self.gb.year(of: day("2025-04-01")) == 2025)
        #expect(ItemReferenceScheme(pattern: "{n}", restartMonth: 1).year(of: day("2025-01-01")) == 2025)
    }

    @Test func badPatternsAreRefusedNamingTheValidPlaceholders() throws {
        let cases: [(ItemReferenceScheme, String)] = [
            (ItemReferenceScheme(pattern: "GB/{year}/{n}"), "unknown placeholder {year}"),
            (ItemReferenceScheme(pattern: "GB/{n:3}"), "{n:03}"),
            (ItemReferenceScheme(pattern: "GB/{yy}"), "needs the running number"),
            (ItemReferenceScheme(pattern: "{n}/{n}"), "more than once"),
            (ItemReferenceScheme(pattern: "GB/{n"), "without"),
            (ItemReferenceScheme(pattern: "GB}/{n}"), "without"),
            (ItemReferenceScheme(pattern: ""), "cannot be empty"),
            (ItemReferenceScheme(pattern: "{n}", restartMonth: 13), "restart month 13"),
            (ItemReferenceScheme(pattern: "{n}", restartMonth: 0), "restart month 0"),
        ]
        var w = try Self.board()
        let a = w.archive
        for (scheme, words) in cases {
            #expect(scheme.problem != nil, "\(scheme) accepted")
            var terms = try a.committee("board").terms
            terms.references = scheme
            expectRefused(.invalid, mentioning: words) { try a.changeTerms("board", name: "Governing Body", terms: terms, coreOrganisations: []) }
        }
        #expect(ItemReferenceScheme(pattern: "GB/{x}/{n}").problem?.contains("{n}, {n:03}, {yy}, {yy+1}, {yyyy}, {yyyy+1}") == true)
        w.fold([])
        #expect(w.archive == a)
    }

    // MARK: The running counter

    /// Publishes a meeting with `extra` items of its own besides a three-item standing agenda.
    mutating func publish(_ w: inout World, _ iso: String, extra: [String] = []) throws -> MeetingID {
        let m = try w.schedule("board", iso)
        try w.run(in: m) { m, c in try m.standingAgenda(context: c) }
        for title in extra { _ = try w.addItem(m, title) }
        try w.run(in: m) { m, c in try m.publishAgenda(context: c) }
        return m
    }

    @Test mutating func theCounterRunsAcrossMeetingsAndRestartsInTheRestartMonth() throws {
        var w = try Self.board(TermsOfReference(standingItems: [.apologies, .previousMinutes, .anyOtherBusiness], references: Self.gb))
        let january = try publish(&w, "2025-01-16", extra: ["Finance report"])
        let march = try publish(&w, "2025-03-20")
        let april = try publish(&w, "2025-04-17")
        func refs(_ m: MeetingID) -> [String] { w.record(m).topLevelItems.map { w.record(m).number(of: $0.id) } }
        #expect(refs(january) == ["GB/2425/001", "GB/2425/002", "GB/2425/003", "GB/2425/004"])
        #expect(refs(march) == ["GB/2425/005", "GB/2425/006", "GB/2425/007"])
        #expect(refs(april) == ["GB/2526/001", "GB/2526/002", "GB/2526/003"])
        #expect(w.archive.committees["board"]?.referenceCounters == ["2024": 7, "2025": 3])
    }

    @Test mutating func referencesStayOnceGivenAndAreNeverGivenTwice() throws {
        var w = try Self.board(TermsOfReference(standingItems: [.apologies, .anyOtherBusiness], references: Self.gb))
        let m = try publish(&w, "2025-03-20", extra: ["Finance report"])
        let finance = try #require(w.record(m).items.first { $0.title == "Finance report" }).id
        #expect(w.record(m).number(of: finance) == "GB/2425/003")
        // A late item after publication gets the next reference at once; a sub-item its parent's with a letter.
        let late = try w.addItem(m, "Late item")
        let sub = try w.addItem(m, "Part one", under: finance)
        #expect(w.record(m).number(of: late) == "GB/2425/004")
        #expect(w.record(m).number(of: sub) == "GB/2425/003a")
        // Publishing again is refused and gives nothing new.
        let a = try w.meeting(m)
        expectRefused(.wrongState, mentioning: "agenda published") { try a.publishAgenda(context: w.context) }
        #expect(w.record(m).number(of: finance) == "GB/2425/003")
        // The counter is the committee's: one who may not change it may not take numbers.
        #expect(Event.referencesCounted(ReferencesCounted(committeeID: "board", year: 2024, last: 9)).committee(in: w.archive) == "board")
        // A meeting stood down after its agenda went out keeps its references; the next
        // meeting does not reuse them.
        try w.run { a, _ in try a.cancelMeeting(m, reason: "not quorate") }
        let next = try publish(&w, "2025-03-27")
        #expect(w.record(next).topLevelItems.map { w.record(next).number(of: $0.id) } == ["GB/2425/005", "GB/2425/006"])
        // A second assignment to an item that has a reference is not applied.
        w.fold([.referencesAssigned(ReferencesAssigned(meetingID: m, references: [ItemReference(itemID: finance, reference: "X")]))])
        #expect(w.record(m).number(of: finance) == "GB/2425/003")
        // Folding a lower counter never takes the counter back.
        w.fold([.referencesCounted(ReferencesCounted(committeeID: "board", year: 2024, last: 1))])
        #expect(w.archive.committees["board"]?.referenceCounters?["2024"] == 6)
    }

    @Test mutating func withoutASchemeItemsAreNumbered() throws {
        var w = try Self.board(TermsOfReference(standingItems: [.apologies, .anyOtherBusiness]))
        let m = try publish(&w, "2025-03-20")
        #expect(w.record(m).topLevelItems.map { w.record(m).number(of: $0.id) } == ["1", "2"])
        #expect(w.record(m).references.isEmpty)
    }
}
