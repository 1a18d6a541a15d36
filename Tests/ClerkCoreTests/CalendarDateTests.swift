import Testing
@testable import ClerkCore

@Suite struct CalendarDateTests {
    @Test func validatesLeapYears() {
        #expect(CalendarDate(year: 2028, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2026, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2000, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 1900, month: 2, day: 29) == nil)
        #expect(CalendarDate(year: 2026, month: 13, day: 1) == nil)
        #expect(CalendarDate(year: 2026, month: 4, day: 31) == nil)
        #expect(CalendarDate(year: 2026, month: 1, day: 0) == nil)
        #expect(CalendarDate.daysIn(month: 2, year: 2028) == 29)
        #expect(CalendarDate.daysIn(month: 2, year: 2100) == 28)
    }

    @Test func isoIsStrict() {
        #expect(CalendarDate(iso: "2008-04-22") == CalendarDate(year: 2008, month: 4, day: 22))
        #expect(CalendarDate(iso: "2008-04-22")?.iso == "2008-04-22")
        for bad in ["", "2008-4-22", "2008-04-22 ", "22/04/2008", "2026-02-31", "2026-13-01", "abcd-ef-gh", "+008-04-22"] {
            #expect(CalendarDate(iso: bad) == nil, "\(bad)")
        }
    }

    @Test func dayNumbersRoundTrip() {
        #expect(day("1970-01-01").dayNumber == 0)
        #expect(day("2000-03-01").dayNumber == 11017)
        #expect(day("1969-12-31").dayNumber == -1)
        for n in stride(from: -700_000, through: 800_000, by: 997) {
            #expect(CalendarDate(dayNumber: n).dayNumber == n)
        }
        var d = day("1999-12-25")
        for _ in 0..<1500 {
            let next = d.adding(days: 1)
            #expect(CalendarDate(year: next.year, month: next.month, day: next.day) == next)
            #expect(d < next)
            #expect(d.daysUntil(next) == 1)
            d = next
        }
    }

    @Test func weekdays() {
        #expect(day("1970-01-01").weekday == .thursday)
        #expect(day("2008-04-22").weekday == .tuesday)  // seed 001 meeting
        #expect(day("2026-11-19").weekday == .thursday)
        #expect(day("1969-12-28").weekday == .sunday)
        #expect(Weekday(text: "Thursday") == .thursday)
        #expect(Weekday(text: "thu") == .thursday)
        #expect(Weekday(text: "Thurs") == .thursday)
        #expect(Weekday(text: "tues") == .tuesday)
        #expect(Weekday(text: "Fridays") == .friday)
        #expect(Weekday(text: "th") == nil)
        #expect(Weekday(text: "") == nil)
        #expect(Weekday(text: "thunder") == nil)
        #expect(Weekday.thursday.name == "Thursday")
        #expect(Weekday.thursday.rawValue == 4)
    }

    @Test func addingMonthsClampsToMonthEnd() {
        let jan31 = day("2026-01-31")
        #expect(jan31.adding(months: 1).iso == "2026-02-28")
        #expect(day("2028-01-31").adding(months: 1).iso == "2028-02-29")
        #expect(jan31.adding(months: -2).iso == "2025-11-30")
        #expect(jan31.adding(months: 11).iso == "2026-12-31")
        #expect(jan31.adding(months: 12).iso == "2027-01-31")
        #expect(jan31.adding(months: -13).iso == "2024-12-31")
    }

    @Test func monthBoundsAndDistances() {
        let d = day("2028-02-10")
        #expect(d.monthStart.iso == "2028-02-01")
        #expect(d.monthEnd.iso == "2028-02-29")
        #expect(d.daysUntil(d.monthEnd) == 19)
        #expect(d.monthEnd.daysUntil(d) == -19)
        #expect(day("2026-12-31").adding(days: 1).iso == "2027-01-01")
        #expect(day("2026-11-19").short == "Thu 19 Nov")
        #expect(day("2026-11-19").long == "Thursday 19 November 2026")
        #expect(CalendarDate.month(named: "Sept") == 9)
        #expect(CalendarDate.month(named: "ju") == nil)
    }

    @Test func codableAsIsoText() throws {
        #expect(try json(day("2026-11-19")) == "\"2026-11-19\"")
        #expect(try json(Weekday.thursday) == "\"thursday\"")
        #expect(try roundTrip(day("2028-02-29")))
    }
}

@Suite struct TimeTests {
    @Test func readsTimesAsSecretariesWriteThem() {
        #expect(TimeOfDay(text: "13:00")?.text == "13:00")
        #expect(TimeOfDay(text: "09:30")?.text == "09:30")
        #expect(TimeOfDay(text: "1.00")?.text == "13:00")  // seed 001: "1.00 – 2.30"
        #expect(TimeOfDay(text: "1pm")?.text == "13:00")
        #expect(TimeOfDay(text: "2.30 pm")?.text == "14:30")
        #expect(TimeOfDay(text: "12pm")?.text == "12:00")
        #expect(TimeOfDay(text: "12am")?.text == "00:00")
        #expect(TimeOfDay(text: "9.30am")?.text == "09:30")
        #expect(TimeOfDay(text: "02:30")?.text == "02:30")
        #expect(TimeOfDay(text: "noon")?.text == "12:00")
    }

    @Test func rejectsNonTimes() {
        for bad in ["", "13", "25:00", "12:60", "13pm", "1.5", "lunch", "1:00:00", "-1:00"] {
            #expect(TimeOfDay(text: bad) == nil, "\(bad)")
        }
        if case .failure(let e) = TimeOfDay.parse("lunch") {
            #expect(e.message.contains("'lunch'"))
        } else { Issue.record("lunch parsed") }
    }

    @Test func rangesFromTheSeeds() throws {
        #expect(try TimeRange.parse("1.00 – 2.30").get().text == "13:00–14:30")
        #expect(try TimeRange.parse("6.30-8.30").get().text == "18:30–20:30")
        #expect(try TimeRange.parse("09:00 to 10:30").get().text == "09:00–10:30")
        #expect((try? TimeRange.parse("later").get()) == nil)
    }

    /// An end before the start is read as the afternoon only when both are written the
    /// 12-hour way; "14:00-09:30" became 14:00–21:30 without a word.
    @Test func anEndBeforeItsStartIsRefusedUnlessWrittenTheTwelveHourWay() throws {
        #expect(try TimeRange.parse("10.00 - 7.30").get().text == "10:00–19:30")
        #expect(try TimeRange.parse("11.30 - 12.30").get().text == "11:30–12:30")
        for reversed in ["14:00-09:30", "14:00-9:30", "16:00 to 10:00", "09:30-09:00", "10:00-10:00", "2.30pm - 1pm"] {
            guard case .failure(let e) = TimeRange.parse(reversed) else {
                Issue.record("'\(reversed)' was accepted")
                continue
            }
            #expect(e.message.contains("before it starts"), "\(reversed): \(e.message)")
            #expect(!e.message.contains("\n"))
        }
    }

    @Test func instants() throws {
        let i = Instant(iso: "2026-11-23T18:55:00Z")
        #expect(i?.date == day("2026-11-23"))
        #expect(i?.time.text == "18:55")
        #expect(i?.iso == "2026-11-23T18:55:00Z")
        #expect(Instant(secondsSinceEpoch: 0).iso == "1970-01-01T00:00:00Z")
        #expect(Instant(secondsSinceEpoch: -1).iso == "1969-12-31T23:59:59Z")
        #expect(Instant(secondsSinceEpoch: 86_399).iso == "1970-01-01T23:59:59Z")
        for bad in ["", "2026-11-23 18:55:00Z", "2026-11-23T18:55:00", "2026-02-30T10:00:00Z", "2026-11-23T24:00:00Z"] {
            #expect(Instant(iso: bad) == nil, "\(bad)")
        }
        #expect(try json(i!) == "\"2026-11-23T18:55:00Z\"")
        #expect(try roundTrip(i!))
        #expect(try json(TimeOfDay(text: "1pm")!) == "\"13:00\"")
        #expect(try roundTrip(TimeOfDay(text: "9.05am")!))
    }
}
