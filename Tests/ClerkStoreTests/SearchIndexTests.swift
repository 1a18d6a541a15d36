import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// The search index: built from the journal, kept up to date part by part, rebuilt when
/// damaged, and closed items left out unless asked for.
@Suite struct SearchIndexTests {
    let dir: TempDir
    var path: String { dir.path + "/archive" }
    var indexPath: String { path + "/" + SearchIndex.relativePath }
    let meeting: MeetingID = "hpbc-2026-11-19"

    static let now = ArchiveStoreTests.now

    init() throws {
        dir = try TempDir()
        try ArchiveStore.create(at: path)
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        _ = try ArchiveStoreTests.seed(store)
        try commit(store) { ctx in
            try ctx.addItem(AgendaItem(id: "i-1", title: "Extended Hours and Darzi Health Centres"))
                + ctx.addItem(AgendaItem(id: "i-2", title: "Staffing matters", confidential: true))
        }
        try commit(store) { ctx in try ctx.addItem(AgendaItem(id: "i-3", parentID: "i-2", title: "Salary review")) }
        try commit(store) { ctx in
            try ctx.addEntry(to: "i-1", kind: .noted, text: "the Darzi clinic would be sited at Welwyn Garden City",
                             context: ArchiveStoreTests.context("e"))
        }
        try commit(store) { ctx in
            try ctx.addEntry(to: "i-3", kind: .decision, text: "the Darzi budget is held back for the salary review",
                             context: ArchiveStoreTests.context("f"))
        }
        try store.commit(at: Self.now) { s in
            try s.state.raiseAction(in: "hpbc-2026-11-19", item: "i-1", text: "to write to the Darzi centre", owner: "PG",
                                    due: "1 December 2026", context: ArchiveStoreTests.context("a"))
        }
    }

    func commit(_ store: ArchiveStore, _ make: (MeetingContext) throws -> [Event]) throws {
        try store.commit(at: Self.now) { store in
            try make(try MeetingContext(archive: store.state, record: try store.record(of: "hpbc-2026-11-19")))
        }
    }

    func search(_ query: String, includeConfidential: Bool = false, save: Bool = true) throws -> SearchResults {
        // The index file as it stands is searched, and searched again once brought up to date if stale.
        try SearchIndex.search(directory: path, save: save, terms: try SearchText.terms(of: query),
                               includeConfidential: includeConfidential).1
    }

    @Test func findsTitlesMinutesAndActionsButNotClosedItemsByDefault() throws {
        let results = try search("darzi")
        #expect(results.hits.map(\.kind) == [.item, .noted, .action])
        #expect(results.hits.first?.itemNumber == "1")
        #expect(results.hits.allSatisfy { !$0.confidential })
        #expect(results.hits.last?.text == "to write to the Darzi centre — Dr Peter Graves")
        #expect(fileExists(indexPath))

        let all = try search("darzi", includeConfidential: true)
        #expect(all.hits.count == 4)
        let closed = all.hits.filter(\.confidential)
        // A sub-item of a confidential item is confidential too.
        #expect(closed.map(\.itemNumber) == ["2a"])
        #expect(closed.map(\.kind) == [.decision])
    }

    @Test func matchesEveryWordIgnoringCaseAndAccents() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        try commit(store) { ctx in
            try ctx.addEntry(to: "i-1", kind: .note, text: "Le CAFÉ de la Gare reste fermé\tle lundi",
                             context: ArchiveStoreTests.context("g"))
        }
        #expect(try search("cafe FERME").hits.count == 1)
        #expect(try search("café gare").hits.count == 1)
        #expect(try search("\"fermé le lundi\"").hits.count == 1)
        #expect(try search("\"lundi fermé\"").hits.isEmpty)
        #expect(try search("cafe zebrafish").hits.isEmpty)
        #expect(try search("darzi welwyn").hits.map(\.kind) == [.noted])
    }

    @Test func findsPeopleInTheAttendance() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        try commit(store) { ctx in try ctx.mark("peter-graves", .apologies) }
        let hits = try search("graves").hits
        #expect(hits.map(\.kind) == [.action, .attendance])
        #expect(hits.last?.text == "Dr Peter Graves (apologies)")
    }

    @Test func indexesOnlyWhatChangedAfterAppends() throws {
        _ = try search("darzi")
        let (_, unchanged) = try SearchIndex.open(directory: path, save: true)
        #expect(unchanged.meetingsIndexed == 0 && !unchanged.archiveIndexed && !unchanged.saved)

        let store = try ArchiveStore(directory: path, mode: .readWrite)
        try commit(store) { ctx in
            try ctx.addEntry(to: "i-1", kind: .note, text: "Zebrafish were mentioned", context: ArchiveStoreTests.context("h"))
        }
        let (index, refresh) = try SearchIndex.open(directory: path, save: true)
        #expect(refresh.meetingsIndexed == 1 && !refresh.archiveIndexed && refresh.saved)
        #expect(index.search(["zebrafish"]).hits.count == 1)
        // The index file now holds the new line: a session that cannot write still finds it.
        let (readOnly, nothing) = try SearchIndex.open(directory: path, save: false)
        #expect(nothing.meetingsIndexed == 0)
        #expect(readOnly.search(["zebrafish"]).total == 1)
    }

    @Test func aReaderThatCannotSaveStillSearchesWhatIsNew() throws {
        _ = try search("darzi")
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        try commit(store) { ctx in
            try ctx.addEntry(to: "i-1", kind: .note, text: "Zebrafish again", context: ArchiveStoreTests.context("k"))
        }
        let before = readBytes(indexPath)
        #expect(try search("zebrafish", save: false).total == 1)
        #expect(readBytes(indexPath) == before)
    }

    @Test(arguments: ["truncated", "garbage", "lengthened", "empty", "cutLine"])
    func aDamagedIndexIsRebuilt(_ damage: String) throws {
        _ = try search("darzi")
        var bytes = readBytes(indexPath)
        #expect(SearchIndex.decode(bytes) != nil)
        switch damage {
        case "truncated": bytes = Array(bytes.prefix(bytes.count * 2 / 3))
        case "garbage": bytes.replaceSubrange(0..<10, with: Array("not-index!".utf8))
        case "lengthened": bytes += Array("E\t0\ti-1\tx\tnote\tforged\tforged\n".utf8)
        case "empty": bytes = []
        default:
            // The last line of the last part loses its line end: lengths still add up.
            let last = bytes.count - 1
            bytes[last] = UInt8(ascii: " ")
        }
        writeBytes(bytes, to: indexPath)
        #expect(SearchIndex.decode(bytes) == nil)
        #expect(try search("darzi").hits.count == 3)
        #expect(try search("forged").hits.isEmpty)
        #expect(SearchIndex.decode(readBytes(indexPath)) != nil)
    }

    @Test func aForeignMeetingIdInTheIndexIsRefused() throws {
        _ = try search("darzi")
        let text = String(decoding: readBytes(indexPath), as: UTF8.self)
            .replacingOccurrences(of: "hpbc-2026-11-19\t", with: "../../etc/x\t")
        #expect(SearchIndex.decode(Array(text.utf8)) == nil)
    }

    @Test func narrowsToACommitteeAndRefusesAnUnknownOne() throws {
        let (index, _) = try SearchIndex.open(directory: path, save: true)
        #expect(try index.committee(matching: "HPBC") == "herts-pbc-leads")
        #expect(try index.committee(matching: "Hertfordshire PBC Leads") == "herts-pbc-leads")
        #expect(index.search(["darzi"], committee: "herts-pbc-leads").total == 3)
        #expect(index.search(["darzi"], committee: "other").total == 0)
        #expect(throws: StoreError.self) { try index.committee(matching: "nonesuch") }
    }

    @Test func aLimitedListStillCountsEveryHit() throws {
        let (index, _) = try SearchIndex.open(directory: path, save: true)
        let cut = index.search(["darzi"], limit: 1)
        #expect(cut.hits.map(\.kind) == [.item])
        #expect(cut.total == 3)
        #expect(index.search(["darzi"], includeConfidential: true, limit: 1).total == 4)
    }

    @Test func hitsPastTheListAreCountedByTheirConfidentialFlag() throws {
        let store = try ArchiveStore(directory: path, mode: .readWrite)
        let older: MeetingID = "hpbc-2026-10-15"
        try store.commit(at: Self.now) { s in
            let state = s.state
            return try state.scheduleMeeting("herts-pbc-leads", on: CalendarDate(year: 2026, month: 10, day: 15)!)
        }
        try store.commit(at: Self.now) { s in
            let ctx = try MeetingContext(archive: s.state, record: try s.record(of: older))
            return try ctx.addItem(AgendaItem(id: "i-1", title: "Darzi review"))
                + ctx.addItem(AgendaItem(id: "i-2", title: "Darzi contract", confidential: true))
        }
        let (index, _) = try SearchIndex.open(directory: path, save: true)
        // The newer meeting fills the list of one; the older one's hits are only counted.
        let cut = index.search(["darzi"], limit: 1)
        #expect(cut.hits.map(\.meetingID) == [meeting])
        #expect(cut.total == 4)
        #expect(index.search(["darzi"], includeConfidential: true, limit: 1).total == 6)
        #expect(index.search(["darzi"]).total == 4)
        #expect(index.search(["darzi"], includeConfidential: true).hits.filter { $0.meetingID == older }.map(\.confidential) == [false, true])
    }

    @Test func snippetsOfPlainTextCutWhereTheFoldedSearchFindsTheHit() {
        let cases: [(String, [String])] = [
            ("Minutes of the BUDGET meeting\tand the budget", ["budget"]), ("no hit here", ["darzi"]),
            ("Two words: Zebra and Ant", ["ant", "zebra"]), ("short", ["shorter"]), ("a  double  space", ["double space"]),
        ]
        for (text, terms) in cases {
            let folded = SearchText.ranges(of: terms, in: text).first.map { text.distance(from: text.startIndex, to: $0.lowerBound) }
            #expect(SearchText.firstHitInASCII(terms, text) == folded ?? 0)
        }
        #expect(SearchText.firstHitInASCII(["cafe"], "Le Café") == nil)
    }

    @Test func anEmptyQueryIsRefusedWithAMessage() {
        #expect(throws: StoreError.self) { try SearchText.terms(of: "  \"\" ") }
        #expect((try? SearchText.terms(of: "Darzi  \"Welwyn Garden\"")) == ["darzi", "welwyn garden"])
    }

    @Test func highlightsFindOriginalTextAndSnippetsCutAroundTheHit() {
        let text = "Le Café de la Gare"
        let ranges = SearchText.ranges(of: ["cafe"], in: text)
        #expect(ranges.map { String(text[$0]) } == ["Café"])
        let long = String(repeating: "word ", count: 40) + "Darzi" + String(repeating: " more", count: 40)
        let snippet = SearchText.snippet(long, terms: ["darzi"], width: 40)
        #expect(snippet.contains("Darzi") && snippet.hasPrefix("…") && snippet.hasSuffix("…"))
    }
}

/// Item references given on publication reach the journal in both of their files (the
/// counter in the archive's, the references in the meeting's), read back the same after
/// reopening, and are what search results name items by.
@Suite struct ReferencedSearchTests {
    @Test func aPublishedAgendasReferencesAreDurableAndSearchedBy() throws {
        let s = try SearchIndexTests()
        let store = try ArchiveStore(directory: s.path, mode: .readWrite)
        let committee = try #require(store.state.meetings[s.meeting]?.committeeID)
        try store.commit(at: SearchIndexTests.now) { store in
            let c = try store.state.committee(committee)
            var terms = c.terms
            terms.references = ItemReferenceScheme(pattern: "HP/{yyyy}/{n:02}", restartMonth: 9)
            return try store.state.changeTerms(committee, name: c.name, terms: terms, coreOrganisations: c.coreOrganisations)
        }
        try s.commit(store) { ctx in try ctx.publishAgenda(context: ArchiveStoreTests.context("p")) }
        let reopened = try ArchiveStore(directory: s.path, mode: .readOnly)
        let record = try reopened.record(of: s.meeting)
        #expect(record.number(of: "i-1") == "HP/2026/01")
        #expect(record.number(of: "i-3") == "HP/2026/02a")
        #expect(reopened.state.committees[committee]?.referenceCounters == ["2026": 2])
        let results = try s.search("darzi")
        #expect(results.hits.first?.itemNumber == "HP/2026/01")
    }
}
