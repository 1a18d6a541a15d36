/// How often a committee meets: every `everyMonths` months, on the day given by `day`.
///
/// Read from the words of terms of reference: "monthly on the 3rd Thursday" (seed 000),
/// "every two months" (seed 004), "quarterly on the 1st Wednesday", "every 2 months on the 15th".
public struct Cadence: Hashable, Sendable, Codable, CustomStringConvertible {
    public var everyMonths: Int
    public var day: DayRule

    public init(everyMonths: Int, day: DayRule) {
        self.everyMonths = everyMonths
        self.day = day
    }

    /// Which day of a month a meeting falls on.
    public enum DayRule: Hashable, Sendable, Codable {
        /// The nth such weekday of the month; ordinal 1...5, or -1 for the last.
        case nthWeekday(ordinal: Int, weekday: Weekday)
        /// A fixed day, 1...31, clamped to the month end (31 → 30 April, 28/29 February).
        case dayOfMonth(Int)

        /// "3rd Thursday", "last Friday", "15th".
        public var text: String {
            switch self {
            case .nthWeekday(let n, let w): "\(TextScan.ordinalText(n)) \(w.name)"
            case .dayOfMonth(let d): TextScan.ordinalText(d)
            }
        }

        /// Nil when the rule is well-formed, else what is wrong.
        public var problem: RuleError? {
            switch self {
            case .nthWeekday(let n, let w) where !(1...5).contains(n) && n != -1:
                RuleError("there is no \(TextScan.ordinalText(n)) \(w.name) in a month; use 1st to 5th or last, e.g. 'monthly on the 3rd Thursday'")
            case .dayOfMonth(let d) where !(1...31).contains(d):
                RuleError("there is no day \(d) in a month; use the 1st to the 31st, e.g. 'every 2 months on the 15th'")
            default: nil
            }
        }
    }

    /// Nil unless `text` reads as a cadence; see `parse(_:)` for the message.
    public init?(text: String) {
        guard case .success(let c) = Cadence.parse(text) else { return nil }
        self = c
    }

    /// "monthly on the 3rd Thursday", "every 2 months on the 2nd Tuesday", "monthly on the 15th".
    public var text: String {
        let every = everyMonths == 1 ? "monthly" : "every \(everyMonths) months"
        return "\(every) on the \(day.text)"
    }

    public var description: String { text }

    /// Nil when the cadence is well-formed, else what is wrong.
    public var problem: RuleError? {
        if everyMonths < 1 || everyMonths > 120 {
            return RuleError("a committee can't meet every \(everyMonths) months; use 1 to 120, e.g. 'every 2 months on the 2nd Tuesday'")
        }
        return day.problem
    }

    static let examples = "try 'monthly on the 3rd Thursday', 'every 2 months on the 15th' or 'last Friday of every month'"

    /// Reads a cadence as a secretary would type it. Filler words ("the group meets … of the month")
    /// are ignored; the frequency defaults to monthly when only a day is given.
    public static func parse(_ text: String) -> Result<Cadence, RuleError> {
        let words = TextScan.words(text)
        func fail(_ why: String) -> Result<Cadence, RuleError> {
            .failure(RuleError("can't read '\(text.trimmingSpaces)' as a meeting cadence: \(why); \(examples)"))
        }
        if words.isEmpty { return fail("it is empty") }

        var months: Int? = nil
        var rule: DayRule? = nil
        var i = 0
        func setMonths(_ n: Int) -> RuleError? {
            if let m = months, m != n {
                return RuleError("can't read '\(text.trimmingSpaces)' as a meeting cadence: it says both every \(m) and every \(n) months; \(examples)")
            }
            months = n
            return nil
        }
        let fixed: [String: Int] = [
            "monthly": 1, "bimonthly": 2, "quarterly": 3, "sixmonthly": 6, "halfyearly": 6,
            "biannually": 6, "biannual": 6, "annually": 12, "yearly": 12, "annual": 12,
        ]
        while i < words.count {
            let w = words[i]
            let next = i + 1 < words.count ? words[i + 1] : ""
            let after = i + 2 < words.count ? words[i + 2] : ""
            if let n = fixed[w] {
                if let e = setMonths(n) { return .failure(e) }
            } else if w.hasSuffix("monthly"), let n = TextScan.count(String(w.dropLast(7))) {
                // "2monthly" (from "2-monthly")
                if n < 1 { return fail("every \(n) months is not a cadence") }
                if let e = setMonths(n) { return .failure(e) }
            } else if let n = TextScan.count(w), n != 1 || w.allSatisfy(\.isNumber), next == "monthly" {
                // "2 monthly meetings" (seed 002)
                if n < 1 { return fail("every \(n) months is not a cadence") }
                if let e = setMonths(n) { return .failure(e) }
                i += 1
            } else if w == "every" || w == "each" || w == "per" || w == "a" {
                if next == "month" {
                    if let e = setMonths(1) { return .failure(e) }
                    i += 1
                } else if next == "other" || next == "second" || next == "alternate", after == "month" {
                    if let e = setMonths(2) { return .failure(e) }
                    i += 2
                } else if next == "quarter" {
                    if let e = setMonths(3) { return .failure(e) }
                    i += 1
                } else if next == "year" {
                    if let e = setMonths(12) { return .failure(e) }
                    i += 1
                } else if let n = TextScan.count(next), after == "months" || after == "month" {
                    if n < 1 { return fail("every \(n) months is not a cadence; use 1 or more") }
                    if let e = setMonths(n) { return .failure(e) }
                    i += 2
                } else if ["week", "weeks", "fortnight", "day", "days"].contains(after) || ["week", "fortnight", "day"].contains(next) {
                    return fail("weekly and daily meetings aren't supported, only a day in every N months")
                } else if w == "every" || w == "each", Weekday(text: next) != nil {
                    return fail("'\(w) \(next)' means weekly, which isn't supported; say which one, e.g. '3rd \(Weekday(text: next)!.name)'")
                }
            } else if w == "alternate", next == "months" {
                if let e = setMonths(2) { return .failure(e) }
                i += 1
            } else if w == "weekly" || w == "fortnightly" || w == "daily" {
                return fail("weekly and daily meetings aren't supported, only a day in every N months")
            } else if let n = TextScan.ordinal(w) {
                if let weekday = Weekday(text: next) {
                    guard (1...5).contains(n) || n == -1 else {
                        return fail("there is no \(w) \(weekday.name) in a month; use 1st to 5th or last")
                    }
                    if rule != nil { return fail("it gives more than one day") }
                    rule = .nthWeekday(ordinal: n, weekday: weekday)
                    i += 1
                } else if n == -1 {
                    if next == "day" || next == "working" {
                        if rule != nil { return fail("it gives more than one day") }
                        rule = .dayOfMonth(31)
                        i += 1
                    } else if next != "month" {
                        return fail("'last' must be followed by a weekday, e.g. 'last Friday'")
                    }
                } else if (1...31).contains(n) {
                    if rule != nil { return fail("it gives more than one day") }
                    rule = .dayOfMonth(n)
                } else if !w.allSatisfy({ $0.isLetter }) {
                    return fail("there is no \(w) day of a month; use the 1st to the 31st")
                }
            } else if w == "day", let n = TextScan.count(next), next.allSatisfy(\.isNumber) {
                guard (1...31).contains(n) else { return fail("there is no day \(n) in a month") }
                if rule != nil { return fail("it gives more than one day") }
                rule = .dayOfMonth(n)
                i += 1
            } else if w == "the" || w == "on", next.allSatisfy(\.isNumber), let n = TextScan.count(next),
                      !(after == "months" || after == "month" || after == "monthly") {
                guard (1...31).contains(n) else { return fail("there is no day \(n) in a month") }
                if rule != nil { return fail("it gives more than one day") }
                rule = .dayOfMonth(n)
                i += 1
            } else if let weekday = Weekday(text: w), rule == nil {
                return fail("which \(weekday.name) of the month? say e.g. '3rd \(weekday.name)' or 'last \(weekday.name)'")
            }
            i += 1
        }
        guard let day = rule else { return fail("it doesn't say which day of the month") }
        let cadence = Cadence(everyMonths: months ?? 1, day: day)
        if let problem = cadence.problem { return .failure(problem) }
        return .success(cadence)
    }

    // MARK: dates

    /// The meeting day in a given month, or nil if the month has none (a 5th Thursday, say)
    /// or the rule is malformed.
    public func occurrence(inYear year: Int, month: Int) -> CalendarDate? {
        guard (1...12).contains(month), (1...9999).contains(year) else { return nil }
        let length = CalendarDate.daysIn(month: month, year: year)
        switch day {
        case .dayOfMonth(let d):
            guard (1...31).contains(d) else { return nil }
            return CalendarDate(unchecked: year, month, min(d, length))
        case .nthWeekday(let n, let weekday):
            if n == -1 {
                let last = CalendarDate(unchecked: year, month, length)
                let back = (last.weekday.rawValue - weekday.rawValue + 7) % 7
                return CalendarDate(unchecked: year, month, length - back)
            }
            guard (1...5).contains(n) else { return nil }
            let first = CalendarDate(unchecked: year, month, 1)
            let d = 1 + (weekday.rawValue - first.weekday.rawValue + 7) % 7 + 7 * (n - 1)
            return d <= length ? CalendarDate(unchecked: year, month, d) : nil
        }
    }

    private var step: Int { max(1, everyMonths) }

    /// The first occurrence in the month `months` after (year, month), skipping forward a whole
    /// step at a time past months that lack the day. After 400 years of misses (a 5th Thursday
    /// in every second February, say) it falls back to the month's last such weekday.
    private func occurrence(from year: Int, _ month: Int, plus months: Int) -> CalendarDate {
        var (y, m) = CalendarDate.monthAdding(year: year, month: month, months: months)
        let firstTry = (y, m)
        for _ in 0..<(4800 / step + 1) {
            if let d = occurrence(inYear: y, month: m) { return d }
            (y, m) = CalendarDate.monthAdding(year: y, month: m, months: step)
        }
        if case .nthWeekday(_, let weekday) = day,
           let d = Cadence(everyMonths: step, day: .nthWeekday(ordinal: -1, weekday: weekday))
            .occurrence(inYear: firstTry.0, month: firstTry.1) {
            return d
        }
        return CalendarDate(unchecked: firstTry.0, firstTry.1, 1)
    }

    /// The meeting after `last`: the rule applied to last's month plus `everyMonths`;
    /// if that month has no such day, a further `everyMonths` on, and so on.
    public func nextMeeting(after last: CalendarDate) -> CalendarDate {
        occurrence(from: last.year, last.month, plus: step)
    }

    /// The first meeting on or after `date` (for scheduling from today), on the month grid
    /// that starts at `date`'s month: its month, then every `everyMonths` months after.
    public func firstOnOrAfter(_ date: CalendarDate) -> CalendarDate {
        firstOnOrAfter(date, anchor: nil)
    }

    /// The first meeting on or after `date`, on the month grid through `anchor` (a past or
    /// planned meeting) when given, else the grid starting at `date`'s month.
    public func firstOnOrAfter(_ date: CalendarDate, anchor: CalendarDate?) -> CalendarDate {
        var start = (date.year, date.month)
        if let anchor {
            let distance = (date.year * 12 + date.month) - (anchor.year * 12 + anchor.month)
            let offset = ((distance % step) + step) % step
            if offset != 0 {
                start = CalendarDate.monthAdding(year: date.year, month: date.month, months: step - offset)
            }
        }
        var candidate = occurrence(from: start.0, start.1, plus: 0)
        while candidate < date {
            candidate = occurrence(from: candidate.year, candidate.month, plus: step)
        }
        return candidate
    }

    /// The next `count` meetings after `last`.
    public func schedule(after last: CalendarDate, count: Int) -> [CalendarDate] {
        var dates: [CalendarDate] = []
        var current = last
        for _ in 0..<max(0, count) {
            current = nextMeeting(after: current)
            dates.append(current)
        }
        return dates
    }
}

/// The spelling the brief uses for the cadence's day rule.
public typealias DayRule = Cadence.DayRule

/// A cadence parse failure; the same one-line message as `RuleError`.
public typealias CadenceError = RuleError
