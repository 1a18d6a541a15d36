import Testing
@testable import ClerkCore

/// The action log review of a meeting, progress recorded at a meeting, and the chair's
/// owner filter.
@Suite struct ActionLogTests {
    @Test func aStatusIsReadAsItStoodOnADay() throws {
        var (w, m, _, _) = try Herts.april2008()
        let a = try w.raise(m, "Chase the budgets", owner: "PG", due: "30 April 2008")
        #expect(a.status(before: day("2008-05-01")) == .open)
        w.today = day("2008-05-10")
        try w.run { s, c in try s.updateAction(a.id, status: .inProgress, note: "Asked twice", context: c) }
        w.today = day("2008-06-02")
        try w.run { s, c in try s.updateAction(a.id, status: .done, note: "Received", context: c) }
        let after = try w.archive.action(a.id)
        #expect(after.status(before: day("2008-05-10")) == .open)
        #expect(after.status(before: day("2008-05-11")) == .inProgress)
        #expect(after.status(before: day("2008-06-02")) == .inProgress)
        #expect(after.status(before: day("2008-06-03")) == .done)
    }

    @Test func theLogListsWhatWasOpenWhenTheMeetingBeganAndKeepsWhatWasClosedAtIt() throws {
        var (w, m, _, _) = try Herts.april2008()
        let budgets = try w.raise(m, "Chase the budgets", owner: "PG", due: "30 April 2008")
        let training = try w.raise(m, "Arrange training", owner: "LMC", due: "by June 2008")
        let letter = try w.raise(m, "Write to Anne Walker", owner: "Dr Graves", due: "tbc")
        w.today = day("2008-05-01")
        try w.run { s, c in try s.updateAction(letter.id, status: .done, note: "Sent", context: c) }
        let july = try w.schedule(Herts.id, "2008-07-15")
        let raisedInJuly = try w.raise(july, "Plan the away day", owner: "PG", due: "tbc")
        #expect(w.archive.actionLog(for: july).map(\.id) == [budgets.id, training.id])
        // At the July meeting: training is done, budgets still chased.
        w.today = day("2008-07-15")
        try w.run { s, c in try s.updateAction(training.id, status: .done, note: "Two sessions held", meetingID: july, context: c) }
        try w.run { s, c in try s.updateAction(budgets.id, status: .inProgress, note: "Reminder sent", meetingID: july, context: c) }
        #expect(w.archive.actionLog(for: july).map(\.id) == [budgets.id, training.id])
        #expect(try w.archive.action(training.id).progress(at: july).map(\.note) == ["Two sessions held"])
        #expect(try w.archive.action(training.id).progress(at: m).isEmpty)
        // The next meeting's log leaves out what was closed in July, and takes in July's own action.
        let september = try w.schedule(Herts.id, "2008-09-16")
        #expect(w.archive.actionLog(for: september).map(\.id) == [budgets.id, raisedInJuly.id])
        #expect(w.archive.actionLog(for: m).isEmpty)
        #expect(w.archive.actionLog(for: "hpbc-2099-01-01").isEmpty)
    }

    @Test func theOwnerFilterIsExact() throws {
        var (w, m, _, _) = try Herts.april2008()
        let lmc = try w.raise(m, "Arrange training", owner: "LMC", due: "by June 2008")
        let graves = try w.raise(m, "Chase the budgets", owner: "PG", due: "30 April 2008")
        let today = day("2008-05-01")
        let owner = try w.archive.ownerFilter("Dr Graves", committee: nil, on: today)
        #expect(owner == .person("peter-graves"))
        #expect(w.archive.actions(matching: ActionFilter(ownerIs: owner)).map(\.id) == [graves.id])
        // Dr Graves is of the LMC, but the LMC's filter shows the organisation's own actions only.
        let org = try w.archive.ownerFilter("lmc", committee: Herts.id, on: today)
        #expect(w.archive.actions(matching: ActionFilter(ownerIs: org)).map(\.id) == [lmc.id])
        expectRefused(.notFound, mentioning: "Nobody", "initials, a name, an organisation or a post") {
            _ = try w.archive.ownerFilter("Nobody", committee: nil, on: today)
            return []
        }
        expectRefused(.invalid, mentioning: "JL", "could be") {
            _ = try w.archive.ownerFilter("JL", committee: nil, on: today)
            return []
        }
    }

    @Test func theRestOfTheWeekRunsToSunday() {
        #expect(day("2008-07-28").restOfWeek == day("2008-07-28")...day("2008-08-03"))
        #expect(day("2008-08-03").restOfWeek == day("2008-08-03")...day("2008-08-03"))
        #expect(day("2026-11-26").restOfWeek == day("2026-11-26")...day("2026-11-29"))
    }
}
