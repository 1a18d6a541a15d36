import Testing
@testable import ClerkCore

/// Work-plan objectives (seed 002): leads by initials, timescales as written, numbers by theme.
@Suite struct WorkPlanCommandTests {
    let theme = "1. PEC Representation and Activities on PBC Project"

    /// Herts' world with objectives 1.1 and 1.2 on the Brent PEC, where Jane Lindo (JL) sits.
    func world() throws -> World {
        var w = try Herts.world()
        for (number, text) in [("1.1", "PEC Acceptance on Practice Based Commissioning proposal: Five Clusters"),
                               ("1.2", "Agreement on PEC Cluster Leads for the Clusters")] {
            try w.run { a, c in try a.addObjective(committee: Herts.brent, theme: theme, number: number, text: text, context: c) }
        }
        return w
    }

    func objective(_ w: World, _ number: String) throws -> Objective {
        try #require(w.archive.objectives(of: Herts.brent).first { $0.number == number })
    }

    @Test func initialsResolveAndGroupsStayAsWritten() throws {
        var w = try world()
        let o = try objective(w, "1.1")
        let today = w.today
        try w.run { a, _ in try a.setObjectiveLeads(o.id, leads: " JL / PEC Cluster Leads/GMs or PDMs/PEC ", today: today) }
        #expect(w.archive.objectives[o.id]?.leads == ["JL", "PEC Cluster Leads", "GMs or PDMs", "PEC"])
        let brent = try #require(w.archive.committees[Herts.brent])
        #expect(w.archive.matchLead("JL", committee: brent, on: w.today) == .person(try #require(w.archive.people["jane-lindo"])))
        #expect(w.archive.matchLead("jl", committee: brent, on: w.today) == .person(try #require(w.archive.people["jane-lindo"])))
        #expect(w.archive.matchLead("PEC Cluster Leads", committee: brent, on: w.today) == .group("PEC Cluster Leads"))
    }

    @Test func initialsThatMatchNobodyAreRefused() throws {
        let w = try world()
        let o = try objective(w, "1.1")
        expectRefused(.notFound, mentioning: "initials 'ZZ' match nobody on Brent PEC") {
            try w.archive.setObjectiveLeads(o.id, leads: "JL/ZZ", today: w.today)
        }
    }

    @Test func initialsThatMatchTwoPeopleAreRefused() throws {
        var w = try world()
        // Jane Lindo leaves; Judith Lockhart, also JL, joins and leaves: both sat on it once.
        try w.run { a, _ in try a.endMembership(Herts.brent, person: "jane-lindo", until: day("2008-01-31")) }
        try w.seat("judith-lockhart", on: Herts.brent, .member, org: "brent-pct")
        try w.run { a, _ in try a.endMembership(Herts.brent, person: "judith-lockhart", until: day("2008-03-31")) }
        let o = try objective(w, "1.1")
        expectRefused(.conflict, mentioning: "initials 'JL' match two people", "Ms Jane Lindo", "Ms Judith Lockhart") {
            try w.archive.setObjectiveLeads(o.id, leads: "JL", today: w.today)
        }
    }

    @Test func aLeadAlreadyRecordedIsKeptEvenIfItMatchesNobody() throws {
        var w = try world()
        var o = try objective(w, "1.2")
        o.leads = ["MOC", "HR"]
        try w.run { a, _ in try a.setObjective(o) }
        let today = w.today
        try w.run { a, _ in try a.setObjectiveLeads(o.id, leads: "HR/JL", today: today) }
        #expect(w.archive.objectives[o.id]?.leads == ["HR", "JL"])
        expectRefused(.notFound, mentioning: "'MOC'") { try w.archive.setObjectiveLeads(o.id, leads: "JL/MOC", today: w.today) }
    }

    @Test func timescalesParseAndADateThatDoesNotExistIsRefused() throws {
        let w = try world()
        let a = w.archive
        #expect(try a.parseTimescale("2027-02-28", committee: Herts.brent, today: w.today).kind == .on(day("2027-02-28")))
        #expect(try a.parseTimescale("October 2008", committee: Herts.brent, today: w.today).kind == .byMonth(year: 2008, month: 10))
        #expect(try a.parseTimescale("ongoing", committee: Herts.brent, today: w.today).kind == .ongoing)
        func refusal(_ text: String) -> CommandError? {
            do {
                _ = try a.parseTimescale(text, committee: Herts.brent, today: w.today)
                return nil
            } catch {
                return error as? CommandError
            }
        }
        let bad = try #require(refusal("2027-02-30"))
        #expect(bad.code == .invalid && bad.message.contains("'2027-02-30'") && !bad.message.contains("\n"))
        #expect(try #require(refusal("  ")).message.contains("type a timescale"))
        #expect(try #require(refusal("sometime soonish")).message.contains("can't read 'sometime soonish'"))
    }

    @Test func theNextNumberInAThemeIsProposed() throws {
        var w = try world()
        #expect(w.archive.nextObjectiveNumber(committee: Herts.brent, theme: theme) == "1.3")
        try w.run { a, c in try a.addObjective(committee: Herts.brent, theme: theme, number: "1.10", text: "Invitation letters", context: c) }
        #expect(w.archive.nextObjectiveNumber(committee: Herts.brent, theme: theme) == "1.11")
        #expect(w.archive.nextObjectiveNumber(committee: Herts.brent, theme: "7. Finance") == "7.1")
        #expect(w.archive.nextObjectiveNumber(committee: Herts.brent, theme: "Finance") == "2.1")
    }

    @Test func anAddedObjectiveIsPlannedWithNoLeadAndABadOneIsRefused() throws {
        let w = try world()
        let events = try w.archive.addObjective(committee: Herts.brent, theme: theme, number: "1.3", text: " Re-structure ", context: w.context)
        guard case .objectiveSet(let o)? = events.first else { Issue.record("no objective"); return }
        #expect(o.text == "Re-structure" && o.status == "Planned" && o.leads.isEmpty && o.timescale.kind == .unspecified)
        expectRefused(.duplicate, mentioning: "already has objective 1.2") {
            try w.archive.addObjective(committee: Herts.brent, theme: theme, number: "1.2", text: "Again", context: w.context)
        }
        expectRefused(.invalid, mentioning: "'one' is not an objective number") {
            try w.archive.addObjective(committee: Herts.brent, theme: theme, number: "one", text: "Again", context: w.context)
        }
        expectRefused(.invalid, mentioning: "needs text") {
            try w.archive.addObjective(committee: Herts.brent, theme: theme, number: "1.3", text: "  ", context: w.context)
        }
        expectRefused(.invalid, mentioning: "needs a theme") {
            try w.archive.addObjective(committee: Herts.brent, theme: " ", number: "1.3", text: "Text", context: w.context)
        }
    }

    @Test func editingAndRemovingAnObjective() throws {
        var w = try world()
        let o = try objective(w, "1.2")
        try w.run { a, _ in try a.editObjectiveText(o.id, text: "Agreement on leads\nfor the five clusters") }
        #expect(w.archive.objectives[o.id]?.text == "Agreement on leads\nfor the five clusters")
        #expect(w.archive.objectives[o.id]?.number == "1.2")
        expectRefused(.invalid, mentioning: "needs text") { try w.archive.editObjectiveText(o.id, text: " ") }
        try w.run { a, _ in try a.removeObjective(o.id) }
        #expect(w.archive.objectives[o.id] == nil)
        expectRefused(.notFound, mentioning: "removed") { try w.archive.removeObjective(o.id) }
    }
}
