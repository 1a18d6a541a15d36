import Testing
@testable import ClerkCore

/// Who may see and change what: accounts linked to people, roles per committee on a day,
/// people barred from confidential items, and the archive without links.
@Suite struct AccessTests {
    let today = CalendarDate(year: 2026, month: 11, day: 23)!

    /// Two committees: PCPG (Graves chairs, Walker sits as a member until 2026-12-31, Moss
    /// is secretariat from 2027) and WHPL (Walker is secretariat).
    func archive(linked: Bool = true) -> ArchiveState {
        var state = ArchiveState()
        for (id, name, initials) in [("graves", "Peter Graves", "PG"), ("walker", "Anne Walker", "AW"),
                                     ("moss", "Ruth Moss", "RM"), ("stone", "Ian Stone", "IS")] {
            state.apply(.personAdded(Person(id: id, name: name, title: "Dr", initials: initials)))
        }
        state.apply(.committeeCreated(Committee(id: "pcpg", name: "Primary Care Planning Group", code: "pcpg", terms: TermsOfReference())))
        state.apply(.committeeCreated(Committee(id: "whpl", name: "West Herts PBC Leads", code: "whpl", terms: TermsOfReference())))
        let seats: [(CommitteeID, PersonID, Role, CalendarDate?, CalendarDate?)] = [
            ("pcpg", "graves", .chair, nil, nil), ("pcpg", "walker", .member, nil, CalendarDate(year: 2026, month: 12, day: 31)!),
            ("pcpg", "moss", .secretariat, CalendarDate(year: 2027, month: 1, day: 1)!, nil), ("whpl", "walker", .secretariat, nil, nil),
        ]
        for (c, p, role, from, until) in seats {
            state.apply(.membershipStarted(MembershipChange(committeeID: c, membership: Membership(
                personID: p, organisationID: nil, role: role, from: from, until: until))))
        }
        if linked {
            for (p, account) in [("graves", "pgraves"), ("walker", "awalker"), ("moss", "rmoss"), ("stone", "istone")] {
                state.apply(.accountsSet(AccountsSet(personID: p, accounts: [account])))
            }
        }
        return state
    }

    func access(_ account: String, _ state: ArchiveState, on day: CalendarDate? = nil, owner: String? = "clerkadmin") -> Access {
        Access(archive: state, account: account, administrator: owner, today: day ?? today)
    }

    @Test func linkingNamesExactlyOnePerson() throws {
        var state = archive(linked: false)
        state.apply(.personAdded(Person(id: "pgrey", name: "Pat Grey", initials: "PG")))
        #expect(try state.person(matching: "dr anne walker").id == "walker")
        #expect(throws: CommandError.self) { try state.linkAccount("who", to: "Nobody Known") }
        do {
            _ = try state.linkAccount("pg", to: "PG")
            Issue.record("two people with initials PG were accepted")
        } catch let error as CommandError {
            #expect(error.message == "'PG' could be any of graves, pgrey; give the person's id")
        }
        #expect(throws: CommandError.self) { try state.linkAccount("not an account!", to: "walker") }
        #expect(try state.linkAccount("awalker", to: "AW").count == 1)
    }

    @Test func aCommitteeCannotBeCreatedAgainOverAnExistingOne() {
        let state = archive()
        let again = Event.committeeCreated(Committee(id: "pcpg", name: "Taken over", code: "pcpg", terms: TermsOfReference()))
        #expect(throws: CommandError.self) { try access("pgraves", state).check([again], in: state) }
    }

    @Test func chairAndSecretariatWriteMembersRead() {
        let state = archive()
        let graves = access("pgraves", state), walker = access("awalker", state)
        #expect(graves.person == "graves")
        #expect(graves.canWrite(committee: "pcpg") && !graves.canWrite(committee: "whpl"))
        #expect(!walker.canWrite(committee: "pcpg") && walker.canWrite(committee: "whpl"))
        #expect(walker.canSeeConfidential(committee: "pcpg") && walker.canSeeConfidential(committee: "whpl"))
        #expect(!graves.canSeeConfidential(committee: "whpl"))
    }

    @Test func rolesCountOnlyWhileActive() {
        let state = archive()
        // Moss's secretariat seat starts in 2027; Walker's member seat ends in 2026.
        #expect(!access("rmoss", state).canWrite(committee: "pcpg"))
        #expect(!access("rmoss", state).canSeeConfidential(committee: "pcpg"))
        let next = CalendarDate(year: 2027, month: 1, day: 4)!
        #expect(access("rmoss", state, on: next).canWrite(committee: "pcpg"))
        #expect(!access("awalker", state, on: next).canSeeConfidential(committee: "pcpg"))
    }

    @Test func aBarredPersonSeesNoConfidentialItemsAndReadsOnly() throws {
        var state = archive()
        for e in try state.barFromConfidential("Anne Walker", committee: "whpl", barred: true) { state.apply(e) }
        let walker = access("awalker", state)
        #expect(!walker.canSeeConfidential(committee: "whpl"))
        #expect(!walker.canWrite(committee: "whpl"))
        #expect(walker.canSeeConfidential(committee: "pcpg"))
        #expect(try state.barFromConfidential("AW", committee: "whpl", barred: true).isEmpty)
        for e in try state.barFromConfidential("walker", committee: "whpl", barred: false) { state.apply(e) }
        #expect(access("awalker", state).canSeeConfidential(committee: "whpl"))
    }

    @Test func unknownAccountsAndPeopleWithoutARoleReadPublicOnly() {
        let state = archive()
        for account in ["stranger", "istone"] {
            let a = access(account, state)
            #expect(state.committeeList.allSatisfy { !a.canWrite(committee: $0.id) && !a.canSeeConfidential(committee: $0.id) })
            #expect(!a.canWriteShared)
        }
        #expect(throws: CommandError.self) { try access("stranger", state).me(in: state) }
        #expect((try? access("istone", state).me(in: state))?.id == "stone")
    }

    @Test func withoutLinksEveryoneMayDoEverythingAndTheOwnerAlways() {
        let open = access("anyone", archive(linked: false))
        #expect(open.isUnrestricted && open.canWrite(committee: "whpl") && open.canSeeConfidential(committee: "whpl"))
        let owner = access("clerkadmin", archive())
        #expect(owner.isAdministrator && owner.canWrite(committee: "whpl") && owner.canSeeConfidential(committee: "pcpg"))
        #expect(!access("clerkadmin", archive(), owner: nil).canWrite(committee: "whpl"))
    }

    @Test func changesAreCheckedPerCommittee() throws {
        let state = archive()
        let walker = access("awalker", state)
        let meeting = Meeting(id: "pcpg-2027-01-12", committeeID: "pcpg", title: "PCPG", date: CalendarDate(year: 2027, month: 1, day: 12)!)
        #expect(throws: CommandError.self) { try walker.check([.meetingScheduled(meeting)], in: state) }
        let theirs = Meeting(id: "whpl-2027-01-12", committeeID: "whpl", title: "WHPL", date: meeting.date)
        try walker.check([.meetingScheduled(theirs)], in: state)
        let link = Event.accountsSet(AccountsSet(personID: "stone", accounts: ["ian"]))
        #expect(throws: CommandError.self) { try access("pgraves", state).check([link], in: state) }
        try access("clerkadmin", state).check([link], in: state)
        #expect(throws: CommandError.self) {
            try access("istone", state).check([.organisationAdded(Organisation(id: "lmc", name: "LMC"))], in: state)
        }
    }

    @Test func linkingRefusesBadNamesUnknownPeopleAndTakenAccounts() throws {
        var state = archive(linked: false)
        for e in try state.linkAccount("pgraves", to: "Dr Peter Graves") { state.apply(e) }
        #expect(state.access.person(account: "pgraves") == "graves")
        #expect(try state.linkAccount("pgraves", to: "graves").isEmpty)
        for (account, person) in [("", "graves"), ("-rf", "graves"), ("a b", "graves"), ("x\u{1B}[2J", "graves"),
                                  (String(repeating: "a", count: 33), "graves"), ("ok", "Nobody"), ("pgraves", "walker")] {
            #expect(throws: CommandError.self, "\(account) → \(person)") { try state.linkAccount(account, to: person) }
        }
        #expect(throws: CommandError.self) { try state.unlinkAccount("nobody") }
        // Folded as written, an account is only ever one person's: the last link wins.
        var folded = state
        folded.apply(.accountsSet(AccountsSet(personID: "walker", accounts: ["pgraves", "awalker"])))
        #expect(folded.access.person(account: "pgraves") == "walker")
        #expect(folded.access.accounts["graves"] == nil)
        for e in try state.unlinkAccount("pgraves") { state.apply(e) }
        #expect(state.access.isEmpty)
    }

    @Test func redactionTakesConfidentialItemsTheirMinutesAndActionsOut() {
        let state = archive()
        var record = MeetingRecord(meetingID: "whpl-2026-11-23")
        record.items = [AgendaItem(id: "i1", title: "Finance"), AgendaItem(id: "i2", title: "Contract dispute", confidential: true),
                        AgendaItem(id: "i3", parentID: "i2", title: "Legal advice")]
        record.entries = [MinuteEntry(id: "e1", itemID: "i1", kind: .note, text: "budget agreed"),
                          MinuteEntry(id: "e2", itemID: "i3", kind: .note, text: "counsel's view")]
        record.currentItem = "i3"
        let public_ = Access(archive: state, account: "pgraves", administrator: nil, today: today)
        let redacted = public_.redacted(record, committee: "whpl")
        #expect(redacted.items.map(\.id) == ["i1"])
        #expect(redacted.entries.map(\.id) == ["e1"])
        #expect(redacted.currentItem == nil)
        #expect(access("awalker", state).redacted(record, committee: "whpl") == record)
        let under = Action(id: "a1", committeeID: "whpl", meetingID: record.meetingID, itemID: "i3", number: 1, text: "seek advice",
                           owner: .person("walker"), due: DueDate(kind: .unspecified, text: ""), raisedOn: today)
        let flagged = Action(id: "a2", committeeID: "whpl", meetingID: record.meetingID, itemID: "i1", number: 2, text: "x",
                             owner: .person("walker"), due: DueDate(kind: .unspecified, text: ""), raisedOn: today, confidential: true)
        let open = Action(id: "a3", committeeID: "whpl", meetingID: record.meetingID, itemID: "i1", number: 3, text: "y",
                          owner: .person("walker"), due: DueDate(kind: .unspecified, text: ""), raisedOn: today)
        let items = Access.confidentialItems(of: record)
        #expect([under, flagged, open].filter { public_.hides($0) { _, i in items.contains(i) } }.map(\.id) == ["a1", "a2"])
        #expect(public_.meetingsToCheck(in: state, actions: [under, flagged, open]) == [record.meetingID])
    }
}
