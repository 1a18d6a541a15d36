import Foundation
import Testing
@testable import ClerkCore

/// The next meeting's agenda: standing items, then items added, reordered, nested, edited
/// and removed; numbering locked once the agenda is published.
@Suite struct AgendaBuildingTests {
    /// The West Herts-style committee's December meeting with its standing agenda and two items:
    /// 1 Apologies, 2 Declarations, 3 Minutes, 4 Action log, 5 Budgets, 6 Locality plans,
    /// 7 Any other business, 8 Date of next meeting.
    static func planned() throws -> (World, MeetingID, budgets: ItemID, plans: ItemID) {
        var w = try Herts.world(today: "2026-11-23")
        let m = try w.schedule(Herts.id, "2026-12-17")
        try w.run(in: m) { m, c in try m.standingAgenda(context: c) }
        let log = w.record(m).items.first { $0.standing == .actionLog }!.id
        let budgets = AgendaItem(id: "i-budgets", title: "Fair shares budgets")
        let plans = AgendaItem(id: "i-plans", title: "Locality plans")
        try w.run(in: m) { m, _ in try m.addItem(budgets, after: log) }
        try w.run(in: m) { m, _ in try m.addItem(plans, after: budgets.id) }
        return (w, m, budgets.id, plans.id)
    }

    func titles(_ w: World, _ m: MeetingID) -> [String] {
        let r = w.record(m)
        return r.items.map { "\(r.number(of: $0.id)) \($0.title)" }
    }

    @Test func itemsMoveUpAndDownAmongTheirLevel() throws {
        var (w, m, budgets, plans) = try Self.planned()
        try w.run(in: m) { m, _ in try m.moveItem(plans, .up) }
        #expect(w.record(m).number(of: plans) == "5")
        #expect(w.record(m).number(of: budgets) == "6")
        try w.run(in: m) { m, _ in try m.moveItem(plans, .down) }
        #expect(w.record(m).number(of: plans) == "6")
        let first = w.record(m).items[0].id
        expectRefused(.invalid, mentioning: "item 1", "already first") { try w.meeting(m).moveItem(first, .up) }
        let last = w.record(m).items.last!.id
        expectRefused(.invalid, mentioning: "item 8", "already last") { try w.meeting(m).moveItem(last, .down) }
        expectRefused(.notFound, mentioning: "no agenda item") { try w.meeting(m).moveItem("i-none", .up) }
        #expect(w.record(m).anomalies.isEmpty)
    }

    @Test func aTopLevelItemMovesWithItsSubItems() throws {
        var (w, m, budgets, plans) = try Self.planned()
        let a = try w.addItem(m, "Secondary care budgets", under: budgets)
        let b = try w.addItem(m, "Fair shares recalculation", under: budgets)
        try w.run(in: m) { m, _ in try m.moveItem(budgets, .down) }
        #expect(titles(w, m)[4...7] == ["5 Locality plans", "6 Fair shares budgets", "6a Secondary care budgets",
                                        "6b Fair shares recalculation"])
        // And back up past the item above, still together.
        try w.run(in: m) { m, _ in try m.moveItem(budgets, .up) }
        #expect(w.record(m).items[4...7].map(\.id) == [budgets, a, b, plans])
        // A sub-item moves within its parent only.
        try w.run(in: m) { m, _ in try m.moveItem(b, .up) }
        #expect([b, a].map(w.record(m).number(of:)) == ["5a", "5b"])
        expectRefused(.invalid, mentioning: "item 5a", "already first") { try w.meeting(m).moveItem(b, .up) }
        expectRefused(.invalid, mentioning: "item 5b", "already last") { try w.meeting(m).moveItem(a, .down) }
    }

    @Test func nestingUnderTheItemAboveAndLiftingOut() throws {
        var (w, m, budgets, plans) = try Self.planned()
        try w.run(in: m) { m, _ in try m.indentItem(plans) }
        #expect(w.record(m).item(plans)?.parentID == budgets)
        #expect(w.record(m).number(of: plans) == "5a")
        #expect(titles(w, m)[6] == "6 Any other business")
        expectRefused(.invalid, mentioning: "already a sub-item", "one level") { try w.meeting(m).indentItem(plans) }
        // An item with sub-items of its own cannot go under another.
        expectRefused(.invalid, mentioning: "item 5", "sub-items of its own") { try w.meeting(m).indentItem(budgets) }
        let first = w.record(m).items[0].id
        expectRefused(.invalid, mentioning: "first item") { try w.meeting(m).indentItem(first) }
        // A second nested item goes after the first sub-item.
        let aob = w.record(m).items.first { $0.standing == .anyOtherBusiness }!.id
        let late = AgendaItem(id: "i-late", title: "Darzi clinic")
        try w.run(in: m) { m, _ in try m.addItem(late, after: plans) }
        try w.run(in: m) { m, _ in try m.indentItem(late.id) }
        #expect(w.record(m).number(of: late.id) == "5b")
        // Lifted out, it follows its old parent and that parent's other sub-items.
        try w.run(in: m) { m, _ in try m.outdentItem(plans) }
        #expect(titles(w, m)[4...7] == ["5 Fair shares budgets", "5a Darzi clinic", "6 Locality plans", "7 Any other business"])
        #expect(w.record(m).number(of: aob) == "7")
        expectRefused(.invalid, mentioning: "not a sub-item") { try w.meeting(m).outdentItem(plans) }
        #expect(w.record(m).anomalies.isEmpty)
    }

    @Test func detailsAreEditedAndChecked() throws {
        var (w, m, budgets, _) = try Self.planned()
        try w.run(in: m) { m, _ in
            try m.editItem(budgets, title: " Fair shares budgets 2027/28 ", presenter: "Dr Graves", papers: ["Paper A", " ", "Budget table"],
                           minutes: 20, confidential: true)
        }
        let item = w.record(m).item(budgets)!
        #expect(item.title == "Fair shares budgets 2027/28")
        #expect(item.presenter == "Dr Graves")
        #expect(item.papers == ["Paper A", "Budget table"])
        #expect(item.minutes == 20 && item.confidential)
        // Unchanged is nothing.
        #expect(try w.meeting(m).editItem(budgets, title: item.title, presenter: "Dr Graves", papers: item.papers, minutes: 20,
                                          confidential: true).isEmpty)
        for bad in [0, -5, 601, 100_000] {
            expectRefused(.invalid, mentioning: "\(bad)", "between 1 and 600") {
                try w.meeting(m).editItem(budgets, title: "T", presenter: nil, papers: [], minutes: bad, confidential: false)
            }
        }
        expectRefused(.invalid, mentioning: "needs a title") {
            try w.meeting(m).editItem(budgets, title: "  ", presenter: nil, papers: [], minutes: nil, confidential: false)
        }
        // A blank presenter is no presenter.
        try w.run(in: m) { m, _ in try m.editItem(budgets, title: "T", presenter: " ", papers: [], minutes: nil, confidential: false) }
        #expect(w.record(m).item(budgets)?.presenter == nil)
    }

    @Test func removingIsRefusedOnceAnythingIsRecorded() throws {
        var (w, m, budgets, plans) = try Self.planned()
        let sub = try w.addItem(m, "Secondary care budgets", under: budgets)
        try w.run(in: m) { m, _ in try m.removeItem(plans) }
        #expect(w.record(m).item(plans) == nil)
        #expect(w.record(m).number(of: w.record(m).items.first { $0.standing == .anyOtherBusiness }!.id) == "6")

        try w.run(in: m) { m, c in try m.start(context: c) }
        try w.run(in: m) { m, c in try m.addEntry(to: sub, kind: .note, text: "Budgets are late.", context: c) }
        // The meeting has begun: numbering is locked whatever was recorded.
        expectRefused(.notAllowed, mentioning: "in progress", "numbering locked", "cannot be removed") { try w.meeting(m).removeItem(budgets) }
    }

    @Test func anItemWithMinutesVotesOrActionsStays() throws {
        var (w, m, budgets, plans) = try Self.planned()
        // Recorded before the meeting (a declaration made in advance, an action raised on it).
        try w.run(in: m) { m, c in try m.declare("mark-jones", on: budgets, interest: "Practice manager of a bidding practice", context: c) }
        expectRefused(.notAllowed, mentioning: "item 5", "declarations of interest", "stays") { try w.meeting(m).removeItem(budgets) }
        _ = try w.raise(m, "Circulate the plans", owner: "PG", due: "1 December 2026", item: plans)
        expectRefused(.notAllowed, mentioning: "item 6", "actions") { try w.meeting(m).removeItem(plans) }
    }

    @Test func publishingLocksTheNumbering() throws {
        var (w, m, budgets, plans) = try Self.planned()
        w.today = day("2026-12-04")
        try w.run(in: m) { m, c in try m.publishAgenda(context: c) }
        #expect(w.archive.meetings[m]?.agendaPublishedOn == day("2026-12-04"))
        let lock = "agenda published 2026-12-04: numbering locked"
        expectRefused(.notAllowed, mentioning: lock, "cannot be moved") { try w.meeting(m).moveItem(plans, .up) }
        expectRefused(.notAllowed, mentioning: lock, "cannot be nested") { try w.meeting(m).indentItem(plans) }
        expectRefused(.notAllowed, mentioning: lock, "cannot be removed") { try w.meeting(m).removeItem(plans) }
        let sub = try w.addItem(m, "Secondary care budgets", under: budgets)
        expectRefused(.notAllowed, mentioning: lock, "cannot be lifted out") { try w.meeting(m).outdentItem(sub) }
        // A late item in the middle would renumber; under Any other business it does not.
        let aob = w.record(m).items.first { $0.standing == .anyOtherBusiness }!
        expectRefused(.notAllowed, mentioning: lock, "under item 7 (Any other business)") {
            try w.meeting(m).addItem(AgendaItem(id: "i-late", title: "Darzi clinic"), after: budgets)
        }
        let before = titles(w, m)
        let late = try w.addItem(m, "Darzi clinic", under: aob.id)
        #expect(w.record(m).number(of: late) == "7a")
        #expect(titles(w, m).filter { $0 != "7a Darzi clinic" } == before)
        // Details can still change.
        try w.run(in: m) { m, _ in try m.editItem(plans, title: "Locality plans", presenter: "Dr Small", papers: [], minutes: 15, confidential: false) }
        #expect(w.record(m).item(plans)?.presenter == "Dr Small")
    }

    @Test func lockedMinutesAndStoodDownMeetingsRefuseEverything() throws {
        var (w, m, budgets, plans) = try Self.planned()
        try w.run { a, _ in try a.cancelMeeting(m, reason: "No quorate attendance expected over Christmas") }
        for command in [{ try w.meeting(m).moveItem(plans, .up) }, { try w.meeting(m).indentItem(plans) },
                        { try w.meeting(m).removeItem(plans) },
                        { try w.meeting(m).editItem(budgets, title: "X", presenter: nil, papers: [], minutes: nil, confidential: false) }] {
            expectRefused(.wrongState, mentioning: "stood down") { try command() }
        }

        var (w2, m2, budgets2, _) = try Self.planned()
        try w2.run(in: m2) { m, c in try m.start(context: c) }
        try w2.run(in: m2) { m, c in try m.close(context: c) }
        try w2.run(in: m2) { m, c in try m.approve(atMeeting: nil, context: c) }
        expectRefused(.notAllowed, mentioning: "approved and locked") { try w2.meeting(m2).moveItem(budgets2, .down) }
        expectRefused(.notAllowed, mentioning: "approved and locked") {
            try w2.meeting(m2).editItem(budgets2, title: "X", presenter: nil, papers: [], minutes: nil, confidential: false)
        }
    }

    @Test func aMeetingPlannedOnClosingStartsFromTheStandingItemsAndCarriedItems() throws {
        var (w, m, budgets, plans) = try Self.planned()
        w.today = day("2026-12-17")
        try w.run(in: m) { m, c in try m.start(context: c) }
        try w.run(in: m) { m, c in try m.addEntry(to: budgets, kind: .note, text: "Budgets discussed.", context: c) }
        try w.run(in: m) { m, c in try m.close(context: c) }
        let next = try #require(w.archive.nextMeeting(of: Herts.id, after: day("2026-12-17")))
        #expect(next.date == day("2027-01-21"))
        let r = w.record(next.id)
        #expect(r.items.map(\.standing) == [.apologies, .declarations, .previousMinutes, .actionLog, nil, .anyOtherBusiness, .nextMeeting])
        #expect(r.items[4].title == "Locality plans")
        #expect(r.items[4].refersTo == ItemRef(meetingID: m, itemID: plans, number: "6", carried: true))
    }
}

/// Deadlines on the header of a planned meeting.
@Suite struct AgendaHeadlineTests {
    let rule = AgendaDeadlines(submissionLeadDays: 14, papers: .fridayBefore)

    @Test func beforeTheDeadlines() {
        let h = rule.headline(for: day("2026-12-17"), today: day("2026-11-23"))
        #expect(h.text == "items due by Thu 3 Dec · papers Fri 11 Dec")
        #expect(h.warnings.isEmpty)
    }

    @Test func eachDateWarnsTheDayAfterIt() {
        #expect(rule.headline(for: day("2026-12-17"), today: day("2026-12-03")).warnings.isEmpty)
        #expect(rule.headline(for: day("2026-12-17"), today: day("2026-12-04")).warnings == ["items deadline passed"])
        #expect(rule.headline(for: day("2026-12-17"), today: day("2026-12-11")).warnings == ["items deadline passed"])
        #expect(rule.headline(for: day("2026-12-17"), today: day("2026-12-12")).warnings == ["items deadline passed", "papers date passed"])
        // Not once the meeting's day has come.
        #expect(rule.headline(for: day("2026-12-17"), today: day("2026-12-17")).warnings.isEmpty)
    }

    @Test func acrossMonthAndYearEndsAndLeapDays() {
        // A meeting on Tue 12 Jan 2027: items by Tue 29 Dec 2026, papers Fri 8 Jan.
        let jan = rule.headline(for: day("2027-01-12"), today: day("2026-12-30"))
        #expect(jan.text == "items due by Tue 29 Dec · papers Fri 8 Jan")
        #expect(jan.warnings == ["items deadline passed"])
        // Thu 2 Mar 2028 (leap year): items by Thu 17 Feb, papers Fri 25 Feb.
        #expect(rule.headline(for: day("2028-03-02"), today: day("2028-02-29")).text == "items due by Thu 17 Feb · papers Fri 25 Feb")
        #expect(rule.headline(for: day("2028-03-02"), today: day("2028-02-29")).warnings == ["items deadline passed", "papers date passed"])
        // Wed 1 Mar 2028 with ten days' lead: items by Sun 20 Feb, papers two days before on Mon 28 Feb.
        let other = AgendaDeadlines(submissionLeadDays: 10, papers: .daysBefore(2)).headline(for: day("2028-03-01"), today: day("2028-02-28"))
        #expect(other.text == "items due by Sun 20 Feb · papers Mon 28 Feb")
        #expect(other.warnings == ["items deadline passed"])
        #expect(AgendaDeadlines(submissionLeadDays: 14, papers: .none).headline(for: day("2026-12-17"), today: day("2026-11-23")).text
            == "items due by Thu 3 Dec")
    }
}

/// Planning meetings by hand: dates typed, moves, stand-downs and the cadence after them.
@Suite struct PlanningByHandTests {
    let westHerts = Cadence(text: "monthly on the 3rd Thursday")!

    @Test func thirdThursdaysThroughTheLeapYear() {
        let dates = westHerts.schedule(after: day("2026-10-31"), count: 38)
        #expect(dates.first == day("2026-11-19"))
        #expect(dates.last == day("2029-12-20"))
        #expect(dates.allSatisfy { $0.weekday == .thursday && (15...21).contains($0.day) })
        #expect(dates.filter { $0.year == 2028 }.map(\.iso) == [
            "2028-01-20", "2028-02-17", "2028-03-16", "2028-04-20", "2028-05-18", "2028-06-15",
            "2028-07-20", "2028-08-17", "2028-09-21", "2028-10-19", "2028-11-16", "2028-12-21",
        ])
        #expect(Set(dates.map { $0.year * 12 + $0.month }).count == 38)
    }

    @Test func everyTwoMonthsForYears() {
        let pcpg = Cadence(text: "every two months on the 2nd Tuesday")!
        let dates = pcpg.schedule(after: day("2026-11-10"), count: 19)
        #expect(dates.map(\.month) == Array(repeating: [1, 3, 5, 7, 9, 11], count: 4).flatMap { $0 }.prefix(19).map { $0 })
        #expect(dates.allSatisfy { $0.weekday == .tuesday && (8...14).contains($0.day) })
        #expect(dates.filter { $0.year == 2028 }.map(\.iso) == ["2028-01-11", "2028-03-14", "2028-05-09", "2028-07-11", "2028-09-12", "2028-11-14"])
    }

    @Test func datesAndTimesAreReadOrRefusedInOneLine() {
        guard case .success(let when) = MeetingWhen.parse("2026-12-16 13:00-15:00") else { Issue.record("not read"); return }
        #expect(when == MeetingWhen(date: day("2026-12-16"), start: time("13:00"), end: time("15:00")))
        #expect((try? MeetingWhen.parse("2028-02-29").get()) == MeetingWhen(date: day("2028-02-29")))
        let refusals = [
            ("2026-02-30", "February 2026 has 28 days"), ("2027-02-29", "February 2027 has 28 days"),
            ("2026-04-31", "April 2026 has 30 days"), ("2026-13-01", "no month 13"), ("17/12/2026", "YYYY-MM-DD"),
            ("", "YYYY-MM-DD"), ("2026-12-16 3pm-ish", "not a range"),
        ]
        for (text, words) in refusals {
            guard case .failure(let error) = MeetingWhen.parse(text) else { Issue.record("\(text) read"); continue }
            #expect(error.message.contains(words), "\(error.message)")
            #expect(!error.message.contains("\n"))
        }
    }

    @Test func aMeetingMovedOffABankHolidayKeepsTheLaterDates() throws {
        var w = try Herts.world(today: "2026-11-23")
        try w.run { a, _ in try a.scheduleFromCadence(Herts.id, from: day("2026-11-23"), count: 2) }
        try w.run { a, _ in try a.moveMeeting("hpbc-2026-12-17", to: day("2026-12-16"), start: nil, end: nil, venue: "") }
        let moved = try w.archive.meeting("hpbc-2026-12-17")
        #expect(moved.date == day("2026-12-16") && moved.movedFrom == day("2026-12-17"))
        try w.run { a, _ in try a.scheduleFromCadence(Herts.id, from: day("2026-11-23"), count: 2) }
        #expect(w.archive.meetings(of: Herts.id).map(\.date.iso) == ["2026-12-16", "2027-01-21", "2027-02-18", "2027-03-18"])
    }

    @Test func aMeetingMovedAcrossAMonthEndKeepsItsPlaceOnTheGrid() throws {
        var w = try PCPG.world()  // met 2026-11-10; every two months on the 2nd Tuesday
        try w.run { a, _ in try a.scheduleFromCadence(PCPG.id, from: day("2026-11-11"), count: 2) }
        #expect(w.archive.meetings(of: PCPG.id).map(\.date.iso) == ["2026-11-10", "2027-01-12", "2027-03-09"])
        // March's meeting brought forward into February, then moved again: it stays March's.
        try w.run { a, _ in try a.moveMeeting("pcpg-2027-03-09", to: day("2027-02-26"), start: nil, end: nil, venue: "") }
        try w.run { a, _ in try a.moveMeeting("pcpg-2027-03-09", to: day("2027-02-25"), start: nil, end: nil, venue: "") }
        #expect(try w.archive.meeting("pcpg-2027-03-09").movedFrom == day("2027-03-09"))
        try w.run { a, _ in try a.scheduleFromCadence(PCPG.id, from: day("2026-11-11"), count: 2) }
        #expect(w.archive.meetings(of: PCPG.id).map(\.date.iso) == ["2026-11-10", "2027-01-12", "2027-02-25", "2027-05-11", "2027-07-13"])
        // Closing the moved meeting plans the next on the grid too.
        var w2 = try PCPG.world()
        try w2.run { a, _ in try a.moveMeeting(PCPG.meetingID, to: day("2026-10-30"), start: nil, end: nil, venue: "") }
        w2.today = day("2026-10-30")
        try w2.run(in: PCPG.meetingID) { m, c in try m.start(context: c) }
        try w2.run(in: PCPG.meetingID) { m, c in try m.close(context: c) }
        #expect(w2.archive.meetings(of: PCPG.id).map(\.date.iso) == ["2026-10-30", "2027-01-12"])
    }

    @Test func standingDownKeepsTheDateFromBeingPlannedAgain() throws {
        var w = try Herts.world(today: "2026-11-23")
        try w.run { a, _ in try a.scheduleFromCadence(Herts.id, from: day("2026-11-23"), count: 2) }
        try w.run { a, _ in try a.cancelMeeting("hpbc-2026-12-17", reason: "Christmas") }
        #expect(w.archive.meetings["hpbc-2026-12-17"]?.status == .cancelled)
        #expect(w.archive.nextMeeting(of: Herts.id, after: day("2026-11-23"))?.id == "hpbc-2027-01-21")
        expectRefused(.invalid, mentioning: "reason") { try w.archive.cancelMeeting("hpbc-2027-01-21", reason: "  ") }
    }
}

/// A meeting planned by hand starts from the standing items and what the last meeting left.
@Suite struct PlannedAgendaTests {
    @Test func standingItemsAndItemsNotReached() throws {
        var w = try Herts.world()  // the Brent PEC has no cadence: closing plans nothing and carries nothing
        let april = try w.schedule(Herts.brent, "2008-04-22", start: "13:00", end: "14:30")
        try w.run(in: april) { m, c in try m.start(context: c) }
        let reached = try w.addItem(april, "Provider services")
        let missed = try w.addItem(april, "Darzi clinic")
        try w.run(in: april) { m, c in try m.addEntry(to: reached, kind: .note, text: "Discussed.", context: c) }
        try w.run(in: april) { m, c in try m.close(context: c) }
        let previous = w.record(april)
        let events = try w.run { a, c in try a.planMeeting(Herts.brent, on: day("2008-05-15"), previous: previous, context: c) }
        guard case .meetingScheduled(let may)? = events.first else { Issue.record("not planned"); return }
        let items = w.record(may.id).items
        #expect(items.map(\.standing) == [.apologies, .declarations, .previousMinutes, .actionLog, nil, .anyOtherBusiness, .nextMeeting])
        #expect(items[4].title == "Darzi clinic" && items[4].refersTo?.itemID == missed && items[4].refersTo?.carried == true)
        // A second meeting planned later gets only the standing items: May has the carried item.
        let june = try w.run { a, c in try a.planMeeting(Herts.brent, on: day("2008-06-19"), previous: previous, context: c) }
        #expect(june.count == 1 + StandingItem.allCases.count)
        expectRefused(.duplicate, mentioning: "already meets on 2008-06-19") {
            try w.archive.planMeeting(Herts.brent, on: day("2008-06-19"), context: w.context)
        }
    }
}

/// An item's description line: kept as typed (trimmed), cleared when emptied, refused in
/// one line with a control character or when too long, and absent from older records.
@Suite struct AgendaDescriptionCommandTests {
    @Test func theDescriptionIsKeptEditedAndCleared() throws {
        var (w, m, budgets, _) = try AgendaBuildingTests.planned()
        try w.run(in: m) { m, _ in
            try m.editItem(budgets, title: "Fair shares budgets", presenter: nil, papers: [], minutes: nil, confidential: false,
                           description: "  Report of the Director of Finance ")
        }
        #expect(w.record(m).item(budgets)?.description == "Report of the Director of Finance")
        // Marking the item confidential (no description given) keeps it.
        try w.run(in: m) { m, _ in
            try m.editItem(budgets, title: "Fair shares budgets", presenter: nil, papers: [], minutes: nil, confidential: true)
        }
        #expect(w.record(m).item(budgets)?.description == "Report of the Director of Finance")
        try w.run(in: m) { m, _ in
            try m.editItem(budgets, title: "Fair shares budgets", presenter: nil, papers: [], minutes: nil, confidential: true,
                           description: " ")
        }
        #expect(w.record(m).item(budgets)?.description == nil)
    }

    @Test func badDescriptionsAreRefusedInOneLineAndNothingIsRecorded() throws {
        let (w, m, budgets, _) = try AgendaBuildingTests.planned()
        let before = w.record(m)
        for (bad, words) in [("To receive\u{1B}[2J", "control character"), ("Report\nof", "control character"),
                             (String(repeating: "x", count: AgendaItem.maxDescriptionLength + 1), "shorten it")] {
            expectRefused(.invalid, mentioning: "description", words) {
                try w.meeting(m).editItem(budgets, title: "Fair shares budgets", presenter: nil, papers: [], minutes: nil,
                                          confidential: false, description: bad)
            }
        }
        #expect(w.record(m) == before)
    }

    @Test func anItemRecordedWithoutADescriptionReadsTheSame() throws {
        let old = #"{"id":"i-1","title":"Budgets","papers":[],"confidential":false}"#
        let item = try JSONDecoder().decode(AgendaItem.self, from: Data(old.utf8))
        #expect(item.description == nil && item.title == "Budgets")
        let again = String(decoding: try JSONEncoder().encode(item), as: UTF8.self)
        #expect(!again.contains("description"))
    }
}
