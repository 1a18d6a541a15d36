import Testing
@testable import ClerkCore

/// Brute force: walk the month day by day.
private func oracle(_ rule: DayRule, _ year: Int, _ month: Int) -> CalendarDate? {
    let days = (1...CalendarDate.daysIn(month: month, year: year)).map { CalendarDate(year: year, month: month, day: $0)! }
    switch rule {
    case .dayOfMonth(let d): return days[min(d, days.count) - 1]
    case .nthWeekday(let n, let w):
        let matching = days.filter { $0.weekday == w }
        if n == -1 { return matching.last }
        return n <= matching.count ? matching[n - 1] : nil
    }
}

@Suite struct CadenceTests {
    let westHerts = Cadence(everyMonths: 1, day: .nthWeekday(ordinal: 3, weekday: .thursday))

    @Test(arguments: [
        ("monthly on the 3rd Thursday", "monthly on the 3rd Thursday"),
        ("Monthly on the third Thursday of the month", "monthly on the 3rd Thursday"),
        ("The West Herts PBC Leads Group meets monthly on the 3rd Thursday of the month.", "monthly on the 3rd Thursday"),
        ("every two months on the 2nd Tuesday", "every 2 months on the 2nd Tuesday"),
        ("every 2 months on the 15th", "every 2 months on the 15th"),
        ("bi-monthly, 1st Monday", "every 2 months on the 1st Monday"),
        ("last Friday of every month", "monthly on the last Friday"),
        ("quarterly on the 1st Wednesday", "every 3 months on the 1st Wednesday"),
        ("every other month on the first tues", "every 2 months on the 1st Tuesday"),
        ("2 monthly meetings on the 4th Wednesday", "every 2 months on the 4th Wednesday"),
        ("3rd Thursday", "monthly on the 3rd Thursday"),
        ("on the last day of the month", "monthly on the 31st"),
        ("every 6 months on day 1", "every 6 months on the 1st"),
        ("every 2 months on the 2nd", "every 2 months on the 2nd"),
    ])
    func parsesWhatSecretariesType(input: String, expected: String) {
        let parsed = Cadence(text: input)
        #expect(parsed?.text == expected, "\(input)")
        // and the description reads back as itself
        #expect(parsed.flatMap { Cadence(text: $0.text) } == parsed)
    }

    @Test(arguments: [
        "", "banana", "0th Thursday", "6th Thursday", "every 0 months on the 1st", "every 0 months",
        "every two months", "monthly", "every Thursday", "weekly on Monday", "monthly on the 32nd",
        "monthly on Thursday", "monthly on the 1st and 3rd Thursday", "monthly, every 2 months on the 1st",
        "last of the month",
    ])
    func rejectsWithOneHelpfulLine(input: String) {
        guard case .failure(let error) = Cadence.parse(input) else {
            Issue.record("'\(input)' should not parse")
            return
        }
        #expect(!error.message.contains("\n"))
        #expect(error.message.contains("e.g.") || error.message.contains("try"))
        #expect(Cadence(text: input) == nil)
    }

    @Test func westHertsThirdThursdays() {
        #expect(Cadence(text: "monthly on the 3rd Thursday") == westHerts)
        #expect(westHerts.nextMeeting(after: day("2008-04-17")) == day("2008-05-15"))
        #expect(westHerts.occurrence(inYear: 2026, month: 11) == day("2026-11-19"))
        #expect(westHerts.firstOnOrAfter(day("2026-11-23")) == day("2026-12-17"))
        #expect(westHerts.firstOnOrAfter(day("2026-11-19")) == day("2026-11-19"))
        #expect(westHerts.firstOnOrAfter(day("2026-11-01")) == day("2026-11-19"))
        let twelve = westHerts.schedule(after: day("2026-11-23"), count: 12)
        #expect(twelve.first == day("2026-12-17"))
        #expect(twelve.map(\.iso) == [
            "2026-12-17", "2027-01-21", "2027-02-18", "2027-03-18", "2027-04-15", "2027-05-20",
            "2027-06-17", "2027-07-15", "2027-08-19", "2027-09-16", "2027-10-21", "2027-11-18",
        ])
        #expect(twelve.allSatisfy { $0.weekday == .thursday && (15...21).contains($0.day) })
        #expect(westHerts.schedule(after: day("2026-11-23"), count: 0).isEmpty)
    }

    @Test func everyTwoMonths() {
        let pcpg = Cadence(text: "every two months on the 2nd Tuesday")!
        #expect(pcpg.schedule(after: day("2026-12-08"), count: 4).map(\.iso)
            == ["2027-02-09", "2027-04-13", "2027-06-08", "2027-08-10"])
        // Without an anchor, the grid starts at today's month; Nov's 2nd Tuesday has passed.
        #expect(pcpg.firstOnOrAfter(day("2026-11-23")) == day("2027-01-12"))
        // With an anchor in December the grid is Dec, Feb, …
        #expect(pcpg.firstOnOrAfter(day("2026-11-23"), anchor: day("2026-10-13")) == day("2026-12-08"))
        #expect(pcpg.firstOnOrAfter(day("2026-12-09"), anchor: day("2026-10-13")) == day("2027-02-09"))
    }

    @Test func leapYearsAndMonthEnds() {
        let end = Cadence(everyMonths: 1, day: .dayOfMonth(31))
        #expect(end.schedule(after: day("2027-12-31"), count: 4).map(\.iso)
            == ["2028-01-31", "2028-02-29", "2028-03-31", "2028-04-30"])
        #expect(Cadence(text: "monthly on the 29th")!.occurrence(inYear: 2027, month: 2) == day("2027-02-28"))
        #expect(Cadence(text: "monthly on the 29th")!.occurrence(inYear: 2028, month: 2) == day("2028-02-29"))
        // February 2028 has five Tuesdays (it starts on a Tuesday and has 29 days)
        let fifthTue = Cadence(text: "monthly on the 5th Tuesday")!
        #expect(fifthTue.occurrence(inYear: 2028, month: 2) == day("2028-02-29"))
        #expect(fifthTue.occurrence(inYear: 2027, month: 2) == nil)
    }

    @Test func missingFifthWeekdaySkipsForwardByTheStep() {
        let fifthThu = Cadence(text: "monthly on the 5th Thursday")!
        #expect(fifthThu.occurrence(inYear: 2026, month: 11) == nil)
        #expect(fifthThu.nextMeeting(after: day("2026-10-29")) == day("2026-12-31"))
        // year end: 31 Dec 2026 → next 5th Thursday is 29 April 2027
        #expect(fifthThu.nextMeeting(after: day("2026-12-31")) == day("2027-04-29"))
        let bi = Cadence(everyMonths: 2, day: .nthWeekday(ordinal: 5, weekday: .thursday))
        // Dec 2026 → Feb 2027 (none) → Apr 2027 (29th)
        #expect(bi.nextMeeting(after: day("2026-12-31")) == day("2027-04-29"))
        // A rule that can never fall (5th Thursday every other February in odd years) still returns a date.
        let never = Cadence(everyMonths: 24, day: .nthWeekday(ordinal: 5, weekday: .thursday))
        #expect(never.nextMeeting(after: day("2025-02-01")) == day("2027-02-25"))
    }

    @Test func yearEnd() {
        #expect(westHerts.nextMeeting(after: day("2026-12-17")) == day("2027-01-21"))
        let quarterly = Cadence(text: "quarterly on the last Friday")!
        #expect(quarterly.nextMeeting(after: day("2026-11-27")) == day("2027-02-26"))
        #expect(quarterly.firstOnOrAfter(day("2026-12-26")) == day("2027-03-26"))
    }

    @Test func matchesBruteForceEverywhere() {
        let rules: [DayRule] = Weekday.allCases.flatMap { w in [1, 2, 3, 4, 5, -1].map { DayRule.nthWeekday(ordinal: $0, weekday: w) } }
            + [1, 15, 28, 29, 30, 31].map { DayRule.dayOfMonth($0) }
        for rule in rules {
            let c = Cadence(everyMonths: 1, day: rule)
            for year in [1999, 2000, 2026, 2027, 2028, 2100] {
                for month in 1...12 {
                    #expect(c.occurrence(inYear: year, month: month) == oracle(rule, year, month), "\(rule) \(year)-\(month)")
                }
            }
        }
    }

    @Test func schedulesAreStrictlyIncreasing() {
        for text in ["monthly on the 5th Friday", "every 3 months on the 31st", "every 2 months on the last Sunday"] {
            let c = Cadence(text: text)!
            var last = day("2026-01-01")
            for next in c.schedule(after: last, count: 60) {
                #expect(next > last)
                #expect(next == c.nextMeeting(after: last))
                last = next
            }
        }
    }

    @Test func codable() throws {
        #expect(try roundTrip(westHerts))
        #expect(try roundTrip(Cadence(everyMonths: 2, day: .dayOfMonth(15))))
    }
}
