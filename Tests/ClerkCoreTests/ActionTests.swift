import Testing
@testable import ClerkCore

@Suite struct ActionTests {
    @Test func ownersResolveAsASecretaryTypesThem() throws {
        let (w, m, _, _) = try Herts.april2008()
        let a = w.archive
        #expect(try a.resolveOwner("LMC", committee: Herts.id, on: day("2008-04-22")) == .organisation("lmc"))
        #expect(try a.resolveOwner("lmc", committee: Herts.id, on: day("2008-04-22")) == .organisation("lmc"))
        for text in ["Dr Graves", "Peter Graves", "PG", "pg", "Dr Peter Graves", "Graves", "peter-graves"] {
            #expect(try a.resolveOwner(text, committee: Herts.id, on: day("2008-04-22")) == .person("peter-graves"), "\(text)")
        }
        _ = m
    }

    /// The committee's people first: initials shared with someone of another committee
    /// are not ambiguous here; two of the committee's own people are.
    @Test func ownersAreTheCommitteesPeopleThenPosts() throws {
        var w = try PCPG.world()
        let day = day(PCPG.meetingDay)
        #expect(try w.archive.resolveOwner("Director of Planning", committee: PCPG.id, on: day) == .post("Director of Planning"))
        #expect(try w.archive.resolveOwner("director of social services", committee: PCPG.id, on: day) == .post("Director of Social Services"))
        #expect(w.archive.ownerName(.post("Director of Planning")) == "Director of Planning")
        // A second Dr Morgan on the committee makes "Dr Morgan" ambiguous, but not "AM".
        try w.person("anwen-morgan", "Anwen Morgan", title: "Dr", org: "health-board", initials: "ANM")
        try w.seat("anwen-morgan", on: PCPG.id, .member, org: "health-board")
        expectRefused(.invalid, mentioning: "Alys Morgan", "Anwen Morgan", "type more of the name") {
            _ = try w.archive.resolveOwner("Dr Morgan", committee: PCPG.id, on: day)
            return []
        }
        #expect(try w.archive.resolveOwner("ANM", committee: PCPG.id, on: day) == .person("anwen-morgan"))
        expectRefused(.notFound, mentioning: "no one on Pan Cluster Planning Group is called 'Town Clerk'") {
            _ = try w.archive.resolveOwner("Town Clerk", committee: PCPG.id, on: day)
            return []
        }
        // An officer who attends without a seat anywhere owns actions by name…
        try w.person("david-lane", "David Lane", position: "Head of Planning", org: nil)
        #expect(try w.archive.resolveOwner("David Lane", committee: PCPG.id, on: day) == .person("david-lane"))
        // …but not when someone seated elsewhere answers to the same initials.
        try w.organisation("elsewhere", "Elsewhere")
        try w.run { a, _ in try a.createCommittee(Committee(id: "other", name: "Other Board", code: "oth", terms: TermsOfReference())) }
        try w.person("dora-lamb", "Dora Lamb", org: "elsewhere")
        try w.seat("dora-lamb", on: "other", .member, org: "elsewhere")
        expectRefused(.notFound, mentioning: "David Lane and Dora Lamb sit elsewhere") {
            _ = try w.archive.resolveOwner("DL", committee: PCPG.id, on: day)
            return []
        }
    }

    @Test func ambiguousAndUnknownOwnersAreRefused() throws {
        let (w, m, _, _) = try Herts.april2008()
        // Seed 002's two JLs, neither on this committee: people of other committees are not
        // owners here (they were accepted, or made the initials ambiguous).
        expectRefused(.notFound, mentioning: "'JL' is not one of the people of Hertfordshire PBC Leads", "Jane Lindo and Judith Lockhart sit elsewhere", "seat them first") {
            try w.archive.raiseAction(in: m, item: nil, text: "Draft the commissioning plan", owner: "JL", due: "", context: w.context)
        }
        expectRefused(.notFound, mentioning: "SHA", "initials, a name, an organisation or a post") {
            try w.archive.raiseAction(in: m, item: nil, text: "Draft the commissioning plan", owner: "SHA", due: "", context: w.context)
        }
        expectRefused(.invalid, mentioning: "needs an owner") {
            try w.archive.raiseAction(in: m, item: nil, text: "Draft the commissioning plan", owner: " ", due: "", context: w.context)
        }
        expectRefused(.invalid, mentioning: "needs text") {
            try w.archive.raiseAction(in: m, item: nil, text: "  ", owner: "PG", due: "", context: w.context)
        }
        expectRefused(.notFound, mentioning: "meeting", "clerk meetings") {
            try w.archive.raiseAction(in: "hpbc-2099-01-01", item: nil, text: "x", owner: "PG", due: "", context: w.context)
        }
    }

    @Test func aSeatedPersonWinsOverAnUnseatedNamesake() throws {
        var (w, m, _, _) = try Herts.april2008()
        // Nicola Jones, the SHA lead of seed 001, sits on no committee.
        try w.person("nicola-jones", "Nicola Jones", org: nil)
        #expect(try w.archive.resolveOwner("Jones", committee: Herts.id, on: day("2008-04-22")) == .person("mark-jones"))
        _ = m
    }

    @Test func dueDatesAreReadAndCheckedAgainstTheNextMeeting() throws {
        var (w, m, _, _) = try Herts.april2008()
        expectRefused(.invalid, mentioning: "next meeting", "schedule it first") {
            try w.archive.raiseAction(in: m, item: nil, text: "Report back", owner: "PG", due: "next meeting", context: w.context)
        }
        _ = try w.schedule(Herts.id, "2008-05-15")
        let a = try w.raise(m, "Report back", owner: "PG", due: "next meeting")
        #expect(a.due.kind == .on(day("2008-05-15")))
        #expect(a.due.text == "next meeting")
        expectRefused(.invalid, mentioning: "whenever", "due date", "e.g.") {
            try w.archive.raiseAction(in: m, item: nil, text: "Report back", owner: "PG", due: "whenever", context: w.context)
        }
        let fuzzy = try w.raise(m, "Complete the re-structure", owner: "LMC", due: "by October 2008")
        #expect(fuzzy.due.kind == .byMonth(year: 2008, month: 10))
    }

    @Test func actionsAreNumberedPerMeeting() throws {
        var (w, m, minutes, _) = try Herts.april2008()
        let numbers = try ["(i)", "(ii)", "(iii)"].map { text in
            try w.raise(m, "Action \(text)", owner: "LMC", due: "ongoing", item: minutes).number
        }
        #expect(numbers == [1, 2, 3])
        let may = try w.schedule(Herts.id, "2008-05-15")
        #expect(try w.raise(may, "First of May", owner: "PG", due: "tbc").number == 1)
        #expect(try w.raise(m, "Action (iv)", owner: "PG", due: "tbc").number == 4)
    }

    @Test func updatesAppendHistory() throws {
        var (w, m, _, _) = try Herts.april2008()
        let a = try w.raise(m, "Confirm the LMC can arrange training", owner: "Dr Graves", due: "31 May 2008")
        w.today = day("2008-05-15")
        try w.run { s, c in try s.updateAction(a.id, status: .inProgress, note: "Two sessions booked", meetingID: "hpbc-2008-05-15", context: c) }
        try w.run { s, c in try s.updateAction(a.id, status: .inProgress, note: "Third session added", context: c) }
        expectRefused(.invalid, mentioning: "already in-progress", "add a note") {
            try w.archive.updateAction(a.id, status: .inProgress, note: " ", context: w.context)
        }
        try w.run { s, c in try s.updateAction(a.id, status: .done, note: "", context: c) }
        let after = try w.archive.action(a.id)
        #expect(after.status == .done)
        #expect(after.history.map(\.note) == ["Two sessions booked", "Third session added", ""])
        #expect(after.history.map(\.status) == [.inProgress, .inProgress, .done])
        #expect(after.history.first?.on == day("2008-05-15"))
        #expect(after.history.first?.meetingID == "hpbc-2008-05-15")
    }

    @Test func editingAnActionResolvesAgain() throws {
        var (w, m, _, _) = try Herts.april2008()
        let a = try w.raise(m, "Confirm training", owner: "PG", due: "tbc")
        try w.run { s, c in try s.editAction(a.id, text: " Confirm training dates ", owner: "LMC", due: "by June 2008", context: c) }
        let after = try w.archive.action(a.id)
        #expect(after.text == "Confirm training dates")
        #expect(after.owner == .organisation("lmc"))
        #expect(after.due.kind == .byMonth(year: 2008, month: 6))
        expectRefused(.notFound, mentioning: "not one of the people") {
            try w.archive.editAction(a.id, text: "x", owner: "JL", due: "", context: w.context)
        }
    }

    @Test func theChairsFilters() throws {
        var (w, m, _, _) = try Herts.april2008()
        let budgets = try w.raise(m, "Chase the budgets", owner: "PG", due: "30 April 2008")
        let training = try w.raise(m, "Arrange training", owner: "LMC", due: "by June 2008")
        let tupe = try w.raise(m, "Clarify TUPE", owner: "Dr Small", due: "15 May 2008")
        let darzi = try w.raise(m, "Report on the Darzi clinic", owner: "PS", due: "ongoing")
        let later = try w.raise(m, "Plan the away day", owner: "Peter Graves", due: "tbc")
        var p = try PCPG.world()
        let elsewhere = try p.raise(PCPG.meetingID, "Draft the workforce plan", owner: "SE", due: "1 December 2026")
        w.fold([.organisationAdded(Organisation(id: "local-authority", name: "Local Authority"))])
        var other = elsewhere
        other.owner = .organisation("local-authority")
        // The other committee comes whole: its organisations and people, then the meeting the action was raised at.
        w.fold(p.archive.organisations.values.sorted { $0.id < $1.id }.map { .organisationAdded($0) }
               + p.archive.people.values.sorted { $0.id < $1.id }.filter { w.archive.people[$0.id] == nil }.map { .personAdded($0) }
               + [.committeeCreated(p.archive.committees[PCPG.id]!), .meetingScheduled(p.archive.meetings[PCPG.meetingID]!),
                  .actionRaised(other)])
        #expect(w.archive.anomalies.isEmpty, "\(w.archive.anomalies)")

        let all = w.archive.actions(matching: ActionFilter())
        #expect(all.map(\.id) == [budgets.id, tupe.id, training.id, other.id, darzi.id, later.id])
        #expect(w.archive.actions(matching: ActionFilter(committee: Herts.id)).count == 5)
        #expect(w.archive.actions(matching: ActionFilter(committee: PCPG.id)).map(\.id) == [other.id])

        #expect(w.archive.actions(matching: ActionFilter(ownerIs: try w.archive.ownerFilter("PG", committee: nil, on: day("2008-05-16")))).map(\.id) == [budgets.id, later.id])
        #expect(w.archive.actions(matching: ActionFilter(ownerIs: try w.archive.ownerFilter("Graves", committee: nil, on: day("2008-05-16")))).map(\.id) == [budgets.id, later.id])
        #expect(w.archive.actions(matching: ActionFilter(ownerIs: try w.archive.ownerFilter("Dr Peter Graves", committee: nil, on: day("2008-05-16")))).map(\.id) == [budgets.id, later.id])
        #expect(w.archive.actions(matching: ActionFilter(ownerIs: try w.archive.ownerFilter("LMC", committee: nil, on: day("2008-05-16")))).map(\.id) == [training.id])
        #expect(w.archive.actions(matching: ActionFilter(ownerIs: try w.archive.ownerFilter("Local Authority", committee: nil, on: day("2008-05-16")))).map(\.id) == [other.id])

        let may16 = day("2008-05-16")
        #expect(w.archive.actions(matching: ActionFilter(overdueOn: may16)).map(\.id) == [budgets.id, tupe.id])
        try w.run { s, c in try s.updateAction(budgets.id, status: .done, note: "Received", context: c) }
        #expect(w.archive.actions(matching: ActionFilter(overdueOn: may16)).map(\.id) == [tupe.id])
        #expect(w.archive.actions(matching: ActionFilter(statuses: [.done])).map(\.id) == [budgets.id])
        #expect(w.archive.actions(matching: ActionFilter(committee: Herts.id, statuses: [.open, .inProgress])).count == 4)
    }
}
