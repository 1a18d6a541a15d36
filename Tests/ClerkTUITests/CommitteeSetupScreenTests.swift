import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Setting up a committee on the screen: seed 000's West Herts PBC Leads entered from
/// nothing, and bad input refused on one line with nothing changed.
@Suite struct CommitteeSetupScreenTests {
    typealias Fixture = ScreenTests.Fixture

    /// The demo already holds "West Herts PBC Leads", so seed 000 is entered under another name.
    static let name = "West Herts PBC Leads Group"

    func type(_ f: Fixture, _ text: String) {
        for c in text { f.press(.char(c)) }
    }

    /// Clears the form's line, types `text` and presses Enter.
    func answer(_ f: Fixture, _ text: String) {
        f.press(.ctrl("u"))
        type(f, text)
        f.press(.enter)
    }

    var form: (Fixture) -> Form? {
        { f in if case .form(let form)? = f.app.state.overlay { form } else { nil } }
    }

    /// Picks the choice of the open form whose key is `key`, and presses Enter.
    func choose(_ f: Fixture, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let open = try #require(form(f), sourceLocation: sourceLocation)
        let target = try #require(open.choices.firstIndex { $0.key == key }, "no choice \(key)", sourceLocation: sourceLocation)
        for _ in 0..<abs(target - open.selected) { f.press(target > open.selected ? .down : .up) }
        f.press(.enter)
    }

    func committee(_ f: Fixture) throws -> Committee {
        let id = try #require(f.app.state.committeeEditor?.committeeID)
        return try #require(f.store.state.committees[id])
    }

    /// Selects the entry of the terms screen with this key ("f:cadence", "o:daccom", "m:0").
    func select(_ f: Fixture, _ key: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let content = CommitteePane.content(data: f.app.data(), committee: try committee(f), width: 78)
        let index = try #require((0..<content.entryCount).first { content.key(of: $0) == key }, "no entry \(key)",
                                 sourceLocation: sourceLocation)
        f.press(.char("g"))
        for _ in 0..<index { f.press(.char("j")) }
    }

    func setField(_ f: Fixture, _ field: TermsField, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try select(f, "f:\(field.rawValue)", sourceLocation: sourceLocation)
        f.press(.enter)
        #expect(form(f) != nil, sourceLocation: sourceLocation)
        answer(f, text)
        #expect(form(f) == nil, "\(form(f)?.problem ?? "")", sourceLocation: sourceLocation)
    }

    func createCommittee(_ f: Fixture, _ name: String, code: String? = nil) {
        f.press(.char("C"))
        answer(f, name)
        if let code { answer(f, code) } else { f.press(.enter) }
    }

    func addOrganisation(_ f: Fixture, _ name: String) {
        f.press(.char("O"))
        answer(f, name)
    }

    /// Seats a new person through the prompts: name, initials, title, letters or post,
    /// organisation, role, from date, and for an alternate the member's initials.
    func addMember(_ f: Fixture, _ name: String, initials: String? = nil, title: String = "", letters: String = "",
                   org: OrganisationID?, role: Role, from: String = "2026-12-01", alternateFor: String? = nil,
                   sourceLocation: SourceLocation = #_sourceLocation) throws {
        f.press(.char("A"))
        answer(f, name)
        if let initials { answer(f, initials) } else { f.press(.enter) }
        answer(f, title)
        answer(f, letters)
        try choose(f, org ?? "", sourceLocation: sourceLocation)
        try choose(f, role.rawValue, sourceLocation: sourceLocation)
        answer(f, from)
        if let alternateFor { answer(f, alternateFor) }
        #expect(form(f) == nil, "\(form(f)?.problem ?? "")", sourceLocation: sourceLocation)
    }

    @Test func seed000IsEnteredFromNothing() throws {
        let f = try Fixture(cols: 80, rows: 24)
        createCommittee(f, Self.name)
        let created = try committee(f)
        #expect(created.name == Self.name)
        #expect(created.id == "west-herts-pbc-leads-group")
        #expect(created.code == "whplg")
        #expect(f.screen().contains("West Herts PBC Leads Group · terms of reference"))

        try setField(f, .purpose, "The West Herts PBC Leads meetings were established as an informal opportunity for the leads of the PBC Groups to come together. ¶ Over the last year it has become apparent that this is a useful formal mechanism to agree priorities.")
        try setField(f, .accountability, "The PCT PEC and PBC Governance Committee, and the constituent PBC Groups: DacCom, Hertsmere Commissioning, the Red House Group Practice, STAHCOM and WatCom.")
        try setField(f, .membershipRule, "2 members from each PBC group/Red House practice – this could be a clinician and a manager. Where members are unable to attend they will seek a deputy. ¶ In attendance: Director of Primary Care & Service Redesign; Assistant Director Locality Commissioning; Assistant Directors Service Redesign as required")
        try setField(f, .secretariat, "Personal Assistant to the Assistant Director of Locality Commissioning")
        try setField(f, .cadence, "monthly on the 3rd Thursday")
        try setField(f, .objectives, "Enable effective communication across the 4 PBC Groups and the Red House Practice ¶ Debate and agree joint commissioning priorities ¶ Agree lead roles on pieces of work")

        let groups = ["DacCom", "Hertsmere Commissioning", "Red House Group Practice", "STAHCOM", "WatCom"]
        for g in groups { addOrganisation(f, g) }
        addOrganisation(f, "PCT West Herts")
        let orgs = f.store.state.organisations.values.filter { $0.group == Self.name }
        #expect(orgs.count == 6)
        func org(_ name: String) throws -> OrganisationID { try #require(orgs.first { $0.name == name }?.id) }
        for g in groups {
            try select(f, "o:\(try org(g))")
            f.press(.char("c"))
        }
        // Two members from each PBC group: a clinician and a manager.
        let people: [(String, String, String, String)] = [
            ("Alan Birch", "", "PM", "DacCom"), ("Beth Crane", "Dr", "GP", "DacCom"),
            ("Carl Dunn", "Dr", "GP", "Hertsmere Commissioning"), ("Dora Eyre", "", "PM", "Hertsmere Commissioning"),
            ("Evan Frost", "Dr", "GP", "Red House Group Practice"), ("Fay Gale", "", "PM", "Red House Group Practice"),
            ("Glen Hart", "Dr", "GP", "STAHCOM"), ("Hana Ives", "", "PM", "STAHCOM"),
            ("Ian Judd", "Dr", "GP", "WatCom"), ("Jo Kemp", "", "PM", "WatCom"),
        ]
        for (name, title, letters, group) in people {
            try addMember(f, name, title: title, letters: letters, org: try org(group), role: .member)
        }
        try addMember(f, "Diane Fell", letters: "Director of Primary Care & Service Redesign", org: try org("PCT West Herts"), role: .inAttendance)
        try addMember(f, "Lionel Croft", letters: "Assistant Director Locality Commissioning", org: try org("PCT West Herts"), role: .inAttendance)
        try addMember(f, "Sally Pike", letters: "Personal Assistant to the Assistant Director", org: try org("PCT West Herts"), role: .secretariat)

        let c = try committee(f)
        #expect(c.terms.cadence == Cadence(text: "monthly on the 3rd Thursday"))
        #expect(c.terms.purpose.split(separator: "\n").count == 2)
        #expect(c.terms.membershipRule.contains("In attendance: Director of Primary Care"))
        #expect(c.terms.secretariat == "Personal Assistant to the Assistant Director of Locality Commissioning")
        #expect(c.terms.objectives.count == 3)
        #expect(Set(c.coreOrganisations) == Set(try groups.map(org)))
        #expect(c.memberships.count == 13)
        #expect(c.memberships(on: day("2026-12-01")).filter(\.role.isVotingMember).count == 10)
        for g in groups {
            #expect(c.memberships.filter { $0.organisationID == (try? org(g)) && $0.role == .member }.count == 2)
        }
        let secretariat = try #require(c.memberships.first { $0.role == .secretariat })
        #expect(f.store.state.people[secretariat.personID]?.position == "Personal Assistant to the Assistant Director")
        let jones = try #require(f.store.state.people.values.first { $0.name == "Alan Birch" && $0.letters == "PM" })
        #expect(jones.initials == "AB")
        #expect(c.membership(of: jones.id, on: day("2026-11-30")) == nil)
        #expect(c.membership(of: jones.id, on: day("2026-12-01"))?.organisationID == (try org("DacCom")))

        // It is in the journal, not just on the screen.
        let reopened = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        #expect(reopened.state.committees[c.id] == c)

        // Planned from its cadence: the 3rd Thursdays from today.
        f.press(.escape)
        #expect(f.app.state.committeeEditor == nil)
        #expect(HomePanes.committeeList(data: f.app.data(), width: 40).rows.count > 0)
        f.press(.char("P"))
        let dates = f.store.state.meetings(of: c.id).map(\.date.iso)
        #expect(dates.prefix(3) == ["2026-12-17", "2027-01-21", "2027-02-18"])
        #expect(dates.count == 12)
    }

    @Test func aChairIsAppointedByInitialsFromADate() throws {
        let f = try Fixture(cols: 80, rows: 24)
        createCommittee(f, "Chair Test Group")
        addOrganisation(f, "Chair Test Body")
        let org = try #require(f.store.state.organisations.values.first { $0.name == "Chair Test Body" }?.id)
        try addMember(f, "Anna Quist", org: org, role: .member, from: "2026-01-01")
        try setField(f, .chair, "AQ 2026-12-01")
        let c = try committee(f)
        let anna = try #require(f.store.state.people.values.first { $0.name == "Anna Quist" }?.id)
        #expect(c.membership(of: anna, on: day("2026-12-01"))?.role == .chair)
        #expect(c.membership(of: anna, on: day("2026-11-30"))?.role == .member)
        #expect(f.screen().contains("Anna Quist (AQ) from 2026-12-01"))
    }

    /// Someone already in the archive is seated without being asked their details again.
    @Test func anExistingPersonIsSeatedAsTheyAre() throws {
        let f = try Fixture(cols: 80, rows: 24)
        createCommittee(f, "Liaison Group")
        f.press(.char("A"))
        answer(f, "mark jones")
        #expect(form(f)?.title.contains("organisation") == true)
        try choose(f, "daccom")
        try choose(f, Role.viceChair.rawValue)
        answer(f, "2026-12-01")
        #expect(form(f) == nil)
        let c = try committee(f)
        #expect(c.memberships == [Membership(personID: "mark-jones", organisationID: "daccom", role: .viceChair, from: day("2026-12-01"))])
        #expect(f.store.state.people.values.filter { $0.name == "Mark Jones" }.count == 1)
    }

    // MARK: Bad input

    /// Runs `act` and expects the form to stay open with a problem containing `words`, and the
    /// archive unchanged.
    func expectRefusedInForm(_ f: Fixture, mentioning words: String..., sourceLocation: SourceLocation = #_sourceLocation,
                             _ act: () throws -> Void) throws {
        let before = f.store.state
        try act()
        let open = try #require(form(f), "the form closed", sourceLocation: sourceLocation)
        let problem = open.problem ?? ""
        #expect(!problem.isEmpty && !problem.contains("\n"), sourceLocation: sourceLocation)
        for w in words { #expect(problem.lowercased().contains(w.lowercased()), "'\(w)' missing from: \(problem)", sourceLocation: sourceLocation) }
        #expect(f.store.state == before, "the archive changed", sourceLocation: sourceLocation)
        #expect(f.screen().contains(String(problem.prefix(30))), sourceLocation: sourceLocation)
        f.press(.escape)
    }

    /// A committee with two members from one organisation, quorum none.
    func smallCommittee(_ f: Fixture) throws -> OrganisationID {
        createCommittee(f, "Small Group")
        addOrganisation(f, "Small Body")
        let org = try #require(f.store.state.organisations.values.first { $0.name == "Small Body" }?.id)
        try select(f, "o:\(org)")
        f.press(.char("c"))
        try addMember(f, "Bea Tall", org: org, role: .chair, from: "2026-01-01")
        try addMember(f, "Cy Lowe", org: org, role: .member, from: "2026-01-01")
        return org
    }

    @Test func badDatesAreRefusedAndChangeNothing() throws {
        let f = try Fixture(cols: 80, rows: 24)
        let org = try smallCommittee(f)
        try expectRefusedInForm(f, mentioning: "2027-02-30 is not a date", "February 2027 has 28 days") {
            try select(f, "f:reviewDate")
            f.press(.enter)
            answer(f, "2027-02-30")
        }
        try expectRefusedInForm(f, mentioning: "not a date") {
            f.press(.char("A"))
            answer(f, "Dee Vine")
            f.press(.enter)
            answer(f, "")
            answer(f, "")
            try choose(f, org)
            try choose(f, Role.member.rawValue)
            answer(f, "2026-04-31")
        }
        try expectRefusedInForm(f, mentioning: "2026-13-01", "no month 13") {
            try select(f, "m:1")
            f.press(.char("x"))
            answer(f, "2026-13-01")
        }
        try expectRefusedInForm(f, mentioning: "2026-02-30 is not a date") {
            try select(f, "f:chair")
            f.press(.enter)
            answer(f, "CL 2026-02-30")
        }
        // A good review date goes in.
        try setField(f, .reviewDate, "2027-11-01")
        #expect(try committee(f).terms.reviewDate == day("2027-11-01"))
    }

    @Test func badNamesCodesAndInitialsAreRefusedAndChangeNothing() throws {
        let f = try Fixture(cols: 80, rows: 24)
        try expectRefusedInForm(f, mentioning: "type the committee's name") {
            f.press(.char("C"))
            answer(f, "")
        }
        try expectRefusedInForm(f, mentioning: "West Herts PBC Leads exists already") {
            f.press(.char("C"))
            answer(f, "west herts pbc leads")
        }
        try expectRefusedInForm(f, mentioning: "must be lower-case letters") {
            f.press(.char("C"))
            answer(f, "New Group")
            answer(f, "New Code!")
        }
        try expectRefusedInForm(f, mentioning: "code 'whpl' is used by West Herts PBC Leads") {
            f.press(.char("C"))
            answer(f, "Another Group")
            answer(f, "whpl")
        }
        _ = try smallCommittee(f)
        try expectRefusedInForm(f, mentioning: "type the organisation's name") {
            f.press(.char("O"))
            answer(f, "")
        }
        try expectRefusedInForm(f, mentioning: "Small Body is already one of") {
            f.press(.char("O"))
            answer(f, "Small Body")
        }
        try expectRefusedInForm(f, mentioning: "type the member's name") {
            f.press(.char("A"))
            answer(f, "")
        }
        try expectRefusedInForm(f, mentioning: "initials 'D3' must be 1 to 6 letters") {
            f.press(.char("A"))
            answer(f, "Dee Vine")
            answer(f, "D3")
        }
    }

    @Test func initialsMatchingNobodyOrTwoPeopleAreRefused() throws {
        let f = try Fixture(cols: 80, rows: 24)
        let org = try smallCommittee(f)
        // An alternate for initials nobody on the committee has.
        try expectRefusedInForm(f, mentioning: "no member of Small Group", "initials ZZ") {
            f.press(.char("A"))
            answer(f, "Ed Port")
            f.press(.enter)
            answer(f, "")
            answer(f, "")
            try choose(f, org)
            try choose(f, Role.alternate.rawValue)
            answer(f, "2026-06-01")
            answer(f, "zz")
        }
        try expectRefusedInForm(f, mentioning: "initials ZZ") {
            try select(f, "f:chair")
            f.press(.enter)
            answer(f, "ZZ 2026-12-01")
        }
        // Cy Lowe's seat ends on 2026-12-31; Cal Lamb (CL too) joins on 2026-12-01. On 2026-12-15 "CL" is both.
        try select(f, "m:1")
        f.press(.char("x"))
        answer(f, "2026-12-31")
        #expect(form(f) == nil)
        try addMember(f, "Cal Lamb", org: org, role: .member, from: "2026-12-01")
        try expectRefusedInForm(f, mentioning: "initials CL match both Cal Lamb and Cy Lowe") {
            try select(f, "f:chair")
            f.press(.enter)
            answer(f, "CL 2026-12-15")
        }
        // Initials already used by a sitting member are refused at the initials prompt.
        try expectRefusedInForm(f, mentioning: "initials BT are already used", "Bea Tall") {
            f.press(.char("A"))
            answer(f, "Bob Tenner")
            answer(f, "BT")
        }
        // And an alternate named by good initials is seated for that member.
        try addMember(f, "Ed Port", org: org, role: .alternate, from: "2026-06-01", alternateFor: "bt")
        let c = try committee(f)
        let bea = try #require(f.store.state.people.values.first { $0.name == "Bea Tall" }?.id)
        #expect(c.memberships.last?.alternateFor == bea)
    }

    @Test func aQuorumLargerThanTheMembershipAndABadCadenceAreRefused() throws {
        let f = try Fixture(cols: 80, rows: 24)
        _ = try smallCommittee(f)
        try expectRefusedInForm(f, mentioning: "a quorum of 3 members is more than the 2 voting members seated") {
            try select(f, "f:quorum")
            f.press(.enter)
            answer(f, "3 members")
        }
        try expectRefusedInForm(f, mentioning: "2 organisations", "1 core organisations") {
            try select(f, "f:quorum")
            f.press(.enter)
            answer(f, "members from 2 core organisations")
        }
        try expectRefusedInForm(f, mentioning: "can't read 'every fortnight' as a meeting cadence") {
            try select(f, "f:cadence")
            f.press(.enter)
            answer(f, "every fortnight")
        }
        try expectRefusedInForm(f, mentioning: "as agenda deadlines") {
            try select(f, "f:deadlines")
            f.press(.enter)
            answer(f, "items whenever")
        }
        try expectRefusedInForm(f, mentioning: "as a voting rule") {
            try select(f, "f:voting")
            f.press(.enter)
            answer(f, "by show of hands")
        }
        try expectRefusedInForm(f, mentioning: "exists already") {
            f.press(.escape)
            f.press(.char("C"))
            answer(f, "Small Group")
        }
        f.press(.char("T"))
        try setField(f, .quorum, "2 members")
        #expect(try committee(f).terms.quorum == .members(2))
    }

    @Test func aReadOnlySessionShowsTheTermsButRefusesChanges() throws {
        let readOnly = try ScreenTests.readOnlyApp("clerk-terms-ro", cols: 80, rows: 24)
        let app = readOnly.app
        for key: Character in ["C", "P"] {
            app.handle(.key(.char(key)))
            #expect(app.state.overlay == nil)
            #expect(app.state.message?.text.hasPrefix("read-only") == true)
        }
        app.handle(.key(.char("T")))
        #expect(app.state.committeeEditor != nil)
        for key: Key in [.enter, .char("O"), .char("A"), .char("c"), .char("x")] {
            app.handle(.key(key))
            #expect(app.state.overlay == nil)
            #expect(app.state.message?.text.hasPrefix("read-only") == true)
        }
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func theTermsOfThePanClusterPlanningGroup(_ cols: Int, _ rows: Int) throws {
        let f = try Fixture(cols: cols, rows: rows)
        let index = try #require(f.store.state.committeeList.firstIndex { $0.id == DemoArchive.panClusterPlanningGroup })
        for _ in 0..<index { f.press(.char("]")) }
        f.press(.char("T"))
        let screen = f.screen()
        #expect(screen.contains("Pan Cluster Planning Group · terms of reference"))
        #expect(screen.contains("[County name] Pan Cluster Planning Group (PCPG)"))
        try f.expect("terms-\(cols)x\(rows)")
        f.press(.char("?"))
        #expect(f.screen().contains("Seat a member"))
    }
}

private func day(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }
