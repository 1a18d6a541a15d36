import Testing
@testable import ClerkCore

@Suite struct AgendaDeadlinesTextTests {
    @Test(arguments: [
        ("items 14 days before; papers the Friday before", 14, PapersRule.fridayBefore),
        ("two weeks before", 14, PapersRule.none),
        ("Agenda items two weeks before the meeting, papers by the Friday preceding", 14, PapersRule.fridayBefore),
        ("items 10 days before; papers 5 days before", 10, PapersRule.daysBefore(5)),
        ("items a fortnight before, papers 1 week before", 14, PapersRule.daysBefore(7)),
        ("items 7 days before; papers none", 7, PapersRule.none),
    ])
    func reads(_ text: String, _ lead: Int, _ papers: PapersRule) throws {
        let d = try AgendaDeadlines.parse(text).get()
        #expect(d.submissionLeadDays == lead)
        #expect(d.papers == papers)
    }

    @Test func textReadsBackAsTheSameRule() throws {
        for d in [AgendaDeadlines.standard, AgendaDeadlines(submissionLeadDays: 10, papers: .daysBefore(5)),
                  AgendaDeadlines(submissionLeadDays: 3, papers: .none), AgendaDeadlines(submissionLeadDays: 1, papers: .daysBefore(1))] {
            #expect(try AgendaDeadlines.parse(d.text).get() == d, "\(d.text)")
        }
        #expect(AgendaDeadlines.standard.text == "items 2 weeks before; papers the Friday before")
    }

    @Test(arguments: [
        ("", "empty"),
        ("soon", "how many days"),
        ("papers the Friday before", "no lead time"),
        ("items 14 days before; papers the Tuesday before", "tuesday"),
        ("items 5 days before; papers 10 days before", "after the items"),
        ("items 14 days before; papers whenever", "when papers go out"),
    ])
    func refusesWithOneLine(_ text: String, _ word: String) {
        guard case .failure(let e) = AgendaDeadlines.parse(text) else { Issue.record("read '\(text)'"); return }
        #expect(e.message.lowercased().contains(word), "\(e.message)")
        #expect(e.message.contains("e.g."))
        #expect(!e.message.contains("\n"))
    }
}

@Suite struct TypedDateTests {
    @Test func aRealDateIsRead() throws {
        #expect(try CalendarDate.parseTyped(" 2027-01-21 ").get() == day("2027-01-21"))
        #expect(try CalendarDate.parseTyped("2028-02-29").get() == day("2028-02-29"))
    }

    @Test(arguments: [
        ("2027-02-30", "february 2027 has 28 days"),
        ("2027-04-31", "april 2027 has 30 days"),
        ("2027-13-01", "no month 13"),
        ("21/01/2027", "yyyy-mm-dd"),
        ("next week", "yyyy-mm-dd"),
    ])
    func aDateThatDoesNotExistIsRefused(_ text: String, _ words: String) {
        guard case .failure(let e) = CalendarDate.parseTyped(text) else { Issue.record("read '\(text)'"); return }
        #expect(e.message.lowercased().contains(words), "\(e.message)")
        #expect(e.message.contains("not a date"))
    }
}

@Suite struct CommitteeSetupTests {
    /// Seed 004 has 6 voting members (chair and five members) from 5 core organisations.
    @Test func aQuorumOfMoreMembersThanAreSeatedIsRefused() throws {
        var w = try PCPG.world()
        let c = try #require(w.archive.committees[PCPG.id])
        expectRefused(.invalid, mentioning: "9 members", "6 voting members") {
            try w.archive.changeTerms(c.id, name: c.name, terms: PCPG.terms(quorum: .members(9)), coreOrganisations: c.coreOrganisations)
        }
        expectRefused(.invalid, mentioning: "6 organisations", "5 core organisations") {
            try w.archive.changeTerms(c.id, name: c.name, terms: PCPG.terms(quorum: .organisations(6)), coreOrganisations: c.coreOrganisations)
        }
        expectRefused(.invalid, mentioning: "4 organisations", "3 core organisations") {
            try w.archive.changeTerms(c.id, name: c.name, terms: c.terms, coreOrganisations: Array(c.coreOrganisations.prefix(3)))
        }
        try w.run { a, _ in try a.changeTerms(c.id, name: c.name, terms: PCPG.terms(quorum: .members(6)), coreOrganisations: c.coreOrganisations) }
        #expect(w.archive.committees[PCPG.id]?.terms.quorum == .members(6))
    }

    @Test func anEmptyCommitteeMayTakeAnyQuorumWhileBeingSetUp() throws {
        var w = try PCPG.world()
        let terms = PCPG.terms(quorum: .members(9))
        try w.run { a, _ in try a.createCommittee(Committee(id: "new-group", name: "New Group", code: "ng", terms: terms)) }
        #expect(w.archive.committees["new-group"]?.terms.quorum == .members(9))
        // Seating members and marking organisations core don't trip over the quorum typed earlier;
        // typing the quorum again does.
        try w.seat("alys-morgan", on: "new-group", .chair, org: "health-board")
        try w.run { a, _ in try a.changeTerms("new-group", name: "New Group", terms: terms, coreOrganisations: ["health-board"]) }
        expectRefused(.invalid, mentioning: "8 members", "1 voting members") {
            try w.archive.changeTerms("new-group", name: "New Group", terms: PCPG.terms(quorum: .members(8)), coreOrganisations: ["health-board"])
        }
        // Created with its members at once, the quorum is checked against them.
        let seats = [Membership(personID: "alys-morgan", organisationID: "health-board", role: .chair)]
        expectRefused(.invalid, mentioning: "9 members", "1 voting members") {
            try w.archive.createCommittee(Committee(id: "other", name: "Other", code: "oth", terms: terms, memberships: seats))
        }
    }

    /// The one-line refusal of an initials lookup.
    func refusal(_ lookup: () throws -> PersonID) -> CommandError? {
        do {
            let found = try lookup()
            Issue.record("expected a refusal, found \(found)")
            return nil
        } catch {
            return error as? CommandError
        }
    }

    @Test func initialsFindOneMember() throws {
        let w = try PCPG.world()
        #expect(try w.archive.member(withInitials: "am", of: PCPG.id, on: day("2026-11-10")) == "alys-morgan")
        let e = refusal { try w.archive.member(withInitials: "xy", of: PCPG.id, on: day("2026-11-10")) }
        #expect(e?.code == .notFound)
        #expect(e?.message.contains("no member of Pan Cluster Planning Group on 2026-11-10 has the initials XY") == true, "\(String(describing: e))")
    }

    /// A seat dated to end later and a new seat starting before then share initials on the days between.
    @Test func initialsMatchingTwoPeopleAreRefusedNamingBoth() throws {
        var w = try PCPG.world()
        try w.person("gwen-pugh", "Gwen Pugh", org: "health-board")
        try w.run { a, _ in try a.endMembership(PCPG.id, person: "gareth-price", until: day("2027-03-31")) }
        try w.run { a, _ in
            try a.startMembership(PCPG.id, Membership(personID: "gwen-pugh", organisationID: "health-board", role: .member,
                                                            from: day("2027-01-01")))
        }
        #expect(try w.archive.member(withInitials: "GP", of: PCPG.id, on: day("2027-06-01")) == "gwen-pugh")
        #expect(try w.archive.member(withInitials: "GP", of: PCPG.id, on: day("2026-06-01")) == "gareth-price")
        let e = refusal { try w.archive.member(withInitials: "GP", of: PCPG.id, on: day("2027-02-01")) }
        #expect(e?.code == .invalid)
        #expect(e?.message.contains("initials GP match both Gareth Price and Gwen Pugh") == true, "\(String(describing: e))")
    }

    @Test func aChairAppointedByInitialsTakesOfficeOnTheDateAndTheOldChairStaysAMember() throws {
        var w = try PCPG.world()
        try w.run { a, _ in try a.appointChair(PCPG.id, initials: "GP", from: day("2027-01-01")) }
        let c = try #require(w.archive.committees[PCPG.id])
        #expect(c.membership(of: "gareth-price", on: day("2027-01-01"))?.role == .chair)
        #expect(c.membership(of: "gareth-price", on: day("2026-12-31"))?.role == .member)
        #expect(c.membership(of: "alys-morgan", on: day("2027-01-01"))?.role == .member)
        #expect(c.membership(of: "alys-morgan", on: day("2026-11-10"))?.role == .chair)
        expectRefused(.notFound, mentioning: "ZZ") { try w.archive.appointChair(PCPG.id, initials: "ZZ", from: day("2027-02-01")) }
    }

    @Test func aMembershipCannotEndBeforeItBegan() throws {
        var w = try PCPG.world()
        try w.person("gwen-howell", "Gwen Howell", org: "health-board")
        try w.run { a, _ in
            try a.startMembership(PCPG.id, Membership(personID: "gwen-howell", organisationID: "health-board", role: .member,
                                                            from: day("2027-01-01")))
        }
        expectRefused(.invalid, mentioning: "2027-01-01", "later date") {
            try w.archive.endMembership(PCPG.id, person: "gwen-howell", until: day("2026-12-31"))
        }
    }
}
