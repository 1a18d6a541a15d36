import Testing
@testable import ClerkCore

@Suite struct DueDateTests {
    let today = day("2026-11-23")
    let next = day("2026-12-17")

    func parse(_ text: String, nextMeeting: CalendarDate? = day("2026-12-17")) -> DueDate? {
        try? DueDate.parse(text, today: today, nextMeeting: nextMeeting).get()
    }

    @Test func exactDates() {
        #expect(parse("2026-12-01")?.kind == .on(day("2026-12-01")))
        #expect(parse("1 December 2026")?.kind == .on(day("2026-12-01")))
        #expect(parse("1st December 2026")?.kind == .on(day("2026-12-01")))
        #expect(parse("December 1, 2026")?.kind == .on(day("2026-12-01")))
        #expect(parse("1/12/2026")?.kind == .on(day("2026-12-01")))  // UK: day first
        #expect(parse("29/2/2028")?.kind == .on(day("2028-02-29")))
        #expect(parse("1 Dec")?.kind == .on(day("2026-12-01")))
        #expect(parse("1 November")?.kind == .on(day("2027-11-01")))  // already past this year
        #expect(parse("by 23 Nov")?.kind == .on(day("2026-11-23")))  // today counts
        #expect(parse("next meeting")?.kind == .on(next))
        #expect(parse("by the next meeting")?.kind == .on(next))
        #expect(parse("3rd Thursday of March")?.kind == .on(day("2027-03-18")))
        #expect(parse("3rd Thursday of November")?.kind == .on(day("2027-11-18")))  // 19 Nov 2026 has passed
        #expect(parse("last Friday of November 2026")?.kind == .on(day("2026-11-27")))
        #expect(parse("end of March")?.kind == .on(day("2027-03-31")))
        #expect(parse("end of February 2028")?.kind == .on(day("2028-02-29")))
        #expect(parse("end of the month")?.kind == .on(day("2026-11-30")))
        #expect(parse("in 2 weeks")?.kind == .on(day("2026-12-07")))
        #expect(parse("tomorrow")?.kind == .on(day("2026-11-24")))
        #expect(parse("  2026-12-01 ")?.text == "2026-12-01")
    }

    /// Work-plan timescales by year, financial year and quarter: the financial year runs
    /// April to March, so Q3 2008/09 is October to December 2008.
    @Test func yearsFinancialYearsAndQuarters() throws {
        #expect(parse("by end of 2008")?.kind == .on(day("2008-12-31")))
        #expect(parse("end 2008")?.kind == .on(day("2008-12-31")))
        #expect(parse("2008")?.kind == .on(day("2008-12-31")))
        #expect(parse("2008/09")?.kind == .on(day("2009-03-31")))
        #expect(parse("by 2008/2009")?.kind == .on(day("2009-03-31")))
        #expect(parse("Q3 2008/09")?.kind == .range(from: day("2008-10-01"), to: day("2008-12-31")))
        #expect(parse("Q4 2008/09")?.kind == .range(from: day("2009-01-01"), to: day("2009-03-31")))
        #expect(parse("Q1 2008/09")?.deadline == day("2008-06-30"))
        #expect(parse("Q3 2008")?.kind == .range(from: day("2008-07-01"), to: day("2008-09-30")))
        #expect(parse("March 2009")?.deadline == day("2009-03-31"))
        #expect(parse("Q3 2008/09")?.isOverdue(on: day("2009-01-01")) == true)
        #expect(parse("Q3 2008/09")?.isOverdue(on: day("2008-12-31")) == false)
        #expect(parse("Q3 2008/09 and ongoing")?.isOngoing == true)
    }

    @Test func badQuartersAndFinancialYearsSayWhatIsWrong() {
        func problem(_ text: String) -> String? {
            if case .failure(let e) = DueDate.parse(text, today: today, nextMeeting: next) { return e.message }
            return nil
        }
        #expect(problem("Q5 2008") == "'Q5 2008' names no quarter: a year has Q1 to Q4")
        #expect(problem("Q3 2008/11") == "'Q3 2008/11' is not a financial year: the second year follows the first, e.g. 2008/09")
        #expect(problem("2008/07") == "'2008/07' is not a financial year: the second year follows the first, e.g. 2008/09")
        #expect(problem("Q3")?.hasPrefix("can't read 'Q3' as a due date") == true)
    }

    @Test func fuzzyDatesFromTheBrentWorkPlan() throws {
        let byOct = try #require(parse("To be completed by October 2005"))
        #expect(byOct.kind == .byMonth(year: 2005, month: 10))
        #expect(byOct.deadline == day("2005-10-31"))
        #expect(byOct.text == "To be completed by October 2005")
        #expect(byOct.label == "by Oct 2005")

        let novDec = try #require(parse("November/early December 2005"))
        #expect(novDec.kind == .range(from: day("2005-11-01"), to: day("2005-12-15")))
        #expect(novDec.deadline == day("2005-12-15"))
        #expect(novDec.label == "1 Nov – 15 Dec 2005")

        let ongoing = try #require(parse("Ongoing"))
        #expect(ongoing.kind == .ongoing)
        #expect(ongoing.deadline == nil)
        for text in ["On going", "on-going", "On Going", "On going till formation of Cluster Board", "Complete and on going"] {
            #expect(parse(text)?.kind == .ongoing, "\(text)")
        }

        let jan = try #require(parse("Jan 2006 and on going"))
        #expect(jan.kind == .byMonth(year: 2006, month: 1))
        #expect(jan.isOngoing)
        #expect(jan.deadline == nil)
        #expect(!jan.isOverdue(on: day("2026-01-01")))
        #expect(jan.label == "Jan 2006 and ongoing")
        #expect(parse("From October 2005 and Ongoing")?.kind == .byMonth(year: 2005, month: 10))
        #expect(parse("June 2005 and on going")?.isOngoing == true)

        #expect(parse("December 2005")?.deadline == day("2005-12-31"))
        #expect(parse("August 2005")?.deadline == day("2005-08-31"))
        #expect(parse("Oct 2005")?.kind == .byMonth(year: 2005, month: 10))
        #expect(parse("October")?.kind == .byMonth(year: 2027, month: 10))
        #expect(parse("November")?.kind == .byMonth(year: 2026, month: 11))  // this month's end is still ahead
        #expect(parse("late January 2027")?.kind == .range(from: day("2027-01-16"), to: day("2027-01-31")))
        #expect(parse("Nov – Dec 2005")?.kind == .range(from: day("2005-11-01"), to: day("2005-12-31")))
        #expect(parse("October to mid December 2005")?.kind == .range(from: day("2005-10-01"), to: day("2005-12-20")))
        #expect(parse("December/January")?.kind == .range(from: day("2026-12-01"), to: day("2027-01-31")))
    }

    @Test func unspecified() {
        for text in ["", "   ", "tbc", "TBC", "tba", "n/a"] {
            #expect(parse(text)?.kind == .unspecified, "\(text)")
            #expect(parse(text)?.deadline == nil)
        }
    }

    @Test func overdueIsStrictlyAfterTheDeadline() {
        let d = parse("by October 2005")!
        #expect(!d.isOverdue(on: day("2005-10-31")))
        #expect(d.isOverdue(on: day("2005-11-01")))
        #expect(!parse("ongoing")!.isOverdue(on: day("2099-01-01")))
        #expect(!parse("tbc")!.isOverdue(on: day("2099-01-01")))
        #expect(parse("2026-11-22")!.isOverdue(on: today))
        #expect(!parse("2026-11-23")!.isOverdue(on: today))
    }

    @Test func sortsDatedFirstThenOngoingThenUnspecified() {
        let texts = ["tbc", "Ongoing", "December 2005", "Jan 2006 and on going", "1/11/2005", "November/early December 2005", "August 2005"]
        let sorted = texts.map { parse($0)! }.sorted { $0.sortKey < $1.sortKey }.map(\.text)
        #expect(sorted == ["August 2005", "1/11/2005", "November/early December 2005", "December 2005",
                           "Jan 2006 and on going", "Ongoing", "tbc"])
    }

    @Test(arguments: ["banana", "31/02/2026", "2026-02-31", "32 December 2026", "0th Thursday of March",
                      "5th Thursday of February 2027", "next week maybe", "Complete", "13/13/2026", "by", "October 20055",
                      "early", "November 2026/October 2026"])
    func rejectsWithOneLineNamingTheText(text: String) {
        guard case .failure(let error) = DueDate.parse(text, today: today, nextMeeting: next) else {
            Issue.record("'\(text)' should not parse")
            return
        }
        #expect(error.message.contains("'\(text)'"))
        #expect(!error.message.contains("\n"))
    }

    @Test func nextMeetingNeedsOne() {
        guard case .failure(let error) = DueDate.parse("next meeting", today: today, nextMeeting: nil) else {
            Issue.record("should fail without a next meeting")
            return
        }
        #expect(error.message.contains("no"))
        #expect(DueDate.parse("garbage", today: today, nextMeeting: nil).isFailure)
    }

    @Test func codable() throws {
        #expect(try roundTrip(parse("Jan 2006 and on going")!))
        #expect(try roundTrip(parse("November/early December 2005")!))
        #expect(try roundTrip(parse("tbc")!))
        #expect(try json(parse("2026-12-01")!) == #"{"kind":{"on":{"_0":"2026-12-01"}},"text":"2026-12-01"}"#)
    }
}

extension Result {
    var isFailure: Bool { if case .failure = self { true } else { false } }
}
