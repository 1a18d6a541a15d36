/// When an action or work-plan objective is due: an exact day, or as fuzzy as the
/// work plan in seed 002 ("November/early December 2005", "To be completed by October 2005",
/// "Ongoing", "Jan 2006 and on going").
///
/// `text` keeps the words as typed; `kind` is what clerk understood.
public struct DueDate: Hashable, Sendable, Codable, CustomStringConvertible {
    public var kind: Kind
    public var text: String
    /// True for "Jan 2006 and on going", "From October 2005 and Ongoing": `kind` gives the
    /// start, and the work carries on after it, so it is never overdue.
    public var isOngoing: Bool

    public enum Kind: Hashable, Sendable, Codable {
        /// Due on (by the end of) this day.
        case on(CalendarDate)
        /// Due within this month: "by October 2005", "October 2005", "Oct 2005".
        case byMonth(year: Int, month: Int)
        /// Due within a span: "November/early December 2005" → 1 Nov … 15 Dec 2005.
        case range(from: CalendarDate, to: CalendarDate)
        case ongoing
        case unspecified
    }

    public init(kind: Kind, text: String, isOngoing: Bool = false) {
        self.kind = kind
        self.text = text
        self.isOngoing = isOngoing
    }

    public static let unspecified = DueDate(kind: .unspecified, text: "")

    private enum CodingKeys: String, CodingKey { case kind, text, isOngoing }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(Kind.self, forKey: .kind)
        text = try c.decodeIfPresent(String.self, forKey: .text) ?? ""
        isOngoing = try c.decodeIfPresent(Bool.self, forKey: .isOngoing) ?? false
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(text, forKey: .text)
        if isOngoing { try c.encode(true, forKey: .isOngoing) }
    }

    // MARK: questions

    /// The last day it is due: the day itself, the month end for a month, the end of a range;
    /// nil for ongoing or unspecified work (which is never overdue).
    public var deadline: CalendarDate? {
        if isOngoing { return nil }
        return end
    }

    /// The last day of the stated date or span, ignoring `isOngoing`.
    public var end: CalendarDate? {
        switch kind {
        case .on(let d): d
        case .byMonth(let y, let m): CalendarDate(year: y, month: m, day: 1)?.monthEnd
        case .range(_, let to): to
        case .ongoing, .unspecified: nil
        }
    }

    /// Strictly after the deadline.
    public func isOverdue(on today: CalendarDate) -> Bool {
        guard let deadline else { return false }
        return today > deadline
    }

    /// Orders by due date: dated first (earliest first), then ongoing, then unspecified.
    public struct SortKey: Hashable, Comparable, Sendable {
        public var rank: Int
        public var day: Int
        public static func < (a: SortKey, b: SortKey) -> Bool { (a.rank, a.day) < (b.rank, b.day) }
    }

    public var sortKey: SortKey {
        switch kind {
        case .unspecified: return SortKey(rank: 2, day: 0)
        case .ongoing: return SortKey(rank: 1, day: Int.max)
        default: return SortKey(rank: isOngoing ? 1 : 0, day: end?.dayNumber ?? Int.max)
        }
    }

    /// A short canonical wording: "17 Dec 2026", "by Oct 2005", "1 Nov – 15 Dec 2005",
    /// "ongoing", "Jan 2006 and ongoing", "no date".
    public var label: String {
        let base: String
        switch kind {
        case .on(let d): base = d.medium
        case .byMonth(let y, let m): base = (isOngoing ? "" : "by ") + "\(CalendarDate.monthShortName(m)) \(y)"
        case .range(let a, let b):
            base = a.year == b.year
                ? "\(a.day) \(CalendarDate.monthShortName(a.month)) – \(b.medium)"
                : "\(a.medium) – \(b.medium)"
        case .ongoing: return "ongoing"
        case .unspecified: return "no date"
        }
        return isOngoing ? base + " and ongoing" : base
    }

    public var description: String { text.isEmpty ? label : text }

    // MARK: parsing

    static let accepted = "use e.g. 2026-12-01, 1 December 2026, 1/12/2026, next meeting, 3rd Thursday of March, by October 2005, end of March, November/early December 2005, end of 2008, Q3 2008/09, ongoing, or tbc"

    /// Reads a due date as typed. Dates without a year are the next such date on or after `today`;
    /// "next meeting" needs `nextMeeting`.
    public static func parse(_ text: String, today: CalendarDate, nextMeeting: CalendarDate?) -> Result<DueDate, RuleError> {
        let raw = text.trimmingSpaces
        var parser = Parser(today: today, nextMeeting: nextMeeting)
        switch parser.parse(raw) {
        case .kind(let kind):
            return .success(DueDate(kind: kind, text: raw, isOngoing: parser.ongoing))
        case .invalid(let why):
            return .failure(RuleError("'\(raw)' \(why)"))
        case .unknown:
            return .failure(RuleError("can't read '\(raw)' as a due date; \(accepted)"))
        }
    }

    enum Outcome {
        case kind(Kind)
        case invalid(String)
        case unknown
    }

    struct Parser {
        let today: CalendarDate
        let nextMeeting: CalendarDate?
        var ongoing = false

        init(today: CalendarDate, nextMeeting: CalendarDate?) {
            self.today = today
            self.nextMeeting = nextMeeting
        }

        mutating func parse(_ raw: String) -> Outcome {
            let lower = raw.lowercased()
            if ["", "tbc", "tba", "tbd", "n/a", "na", "none", "-", "–", "?", "unknown", "no date"].contains(lower) {
                return .kind(.unspecified)
            }
            if let d = CalendarDate(iso: raw) { return .kind(.on(d)) }
            if isISOShaped(raw) { return .invalid("is not a real date; write it as YYYY-MM-DD, e.g. 2026-12-01") }
            let slash = raw.split(separator: "/", omittingEmptySubsequences: false)
            if (2...3).contains(slash.count), slash.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }) {
                return numericDate(slash.map(String.init))
            }

            // "Nov – Dec 2005", "Nov - Dec 2005": dashes between words read as "to"
            let dashed = raw.replacingAll("–", with: " to ").replacingAll("—", with: " to ").replacingAll(" - ", with: " to ")
            var words = TextScan.words(dashed, keeping: ["/"])
            // "on going" → "ongoing"
            var joined: [String] = []
            for w in words {
                if w == "going", joined.last == "on" { joined[joined.count - 1] = "ongoing" } else { joined.append(w) }
            }
            words = joined.map { $0 == "continuing" || $0 == "continuous" ? "ongoing" : $0 }
            words = stripLead(words)

            if let i = words.firstIndex(where: { $0 == "ongoing" || $0 == "onwards" }) {
                if i == 0 { return .kind(.ongoing) }
                var head = Array(words[..<i])
                if head.last == "and" { head.removeLast() }
                if head.first == "from" { head.removeFirst() }
                if head == ["complete"] || head.isEmpty { return .kind(.ongoing) }
                let outcome = dated(head)
                if case .kind = outcome { ongoing = true }
                return outcome
            }
            if words == ["complete"] || words == ["completed"] || words == ["done"] {
                return .invalid("is a status, not a due date; mark the action done instead, or give a date (\(DueDate.accepted))")
            }
            return dated(words)
        }

        /// Leading "to be completed by", "due by", "by", "deadline", "the".
        func stripLead(_ words: [String]) -> [String] {
            var w = words[...]
            let filler: Set<String> = ["to", "be", "completed", "due", "by", "deadline", "the", "on", "before"]
            while let first = w.first, filler.contains(first) || (first == "complete" && w.count > 1 && w.dropFirst().first == "by") {
                w.removeFirst()
            }
            return Array(w)
        }

        func isISOShaped(_ s: String) -> Bool {
            let c = Array(s)
            return c.count == 10 && c[4] == "-" && c[7] == "-"
        }

        func numericDate(_ parts: [String]) -> Outcome {
            if parts.count == 2, let y = year(parts[0]) { return financialYear(y, parts[1], quarter: nil) }
            guard let d = Int(parts[0]), let m = Int(parts[1]) else { return .unknown }
            if parts.count == 3 {
                guard var y = Int(parts[2]), parts[2].count == 2 || parts[2].count == 4 else { return .unknown }
                if parts[2].count == 2 { y += 2000 }
                guard let date = CalendarDate(year: y, month: m, day: d) else {
                    return .invalid("is not a real date; write day/month/year, e.g. 1/12/2026")
                }
                return .kind(.on(date))
            }
            guard let date = nextDate(day: d, month: m) else {
                return .invalid("is not a real date; write day/month/year, e.g. 1/12/2026")
            }
            return .kind(.on(date))
        }

        /// The first day/month on or after today (this year or next; 29 Feb looks up to 8 years on).
        func nextDate(day: Int, month: Int) -> CalendarDate? {
            for y in today.year...(today.year + 8) {
                if let d = CalendarDate(year: y, month: month, day: day), d >= today { return d }
            }
            return nil
        }

        /// The first year in which month's end is on or after today.
        func nextYear(for month: Int) -> Int {
            let thisYear = CalendarDate(unchecked: today.year, month, 1).monthEnd
            return thisYear >= today ? today.year : today.year + 1
        }

        func year(_ w: String) -> Int? {
            guard w.count == 4, w.allSatisfy({ $0.isASCII && $0.isNumber }), let y = Int(w), y >= 1 else { return nil }
            return y
        }

        func dayNumber(_ w: String) -> Int? {
            if w.allSatisfy({ $0.isASCII && $0.isNumber }), w.count <= 2 { return Int(w) }
            if let n = TextScan.ordinal(w), n > 0, !w.allSatisfy(\.isLetter) { return n }
            return nil
        }

        /// A month, optionally qualified and with a year: "early December 2005", "Oct", "March 2027".
        func monthSpec(_ w: [String]) -> (qualifier: String?, month: Int, year: Int?)? {
            var w = w[...]
            var qualifier: String? = nil
            if let q = w.first, ["early", "mid", "late", "beginning", "start", "middle", "end"].contains(q) {
                qualifier = q
                w.removeFirst()
                if w.first == "of" { w.removeFirst() }
            }
            guard let first = w.first, let month = CalendarDate.month(named: first) else { return nil }
            w.removeFirst()
            var y: Int? = nil
            if let last = w.first {
                guard let yy = year(last), w.count == 1 else { return nil }
                y = yy
            }
            return (qualifier, month, y)
        }

        /// Days of a month a qualifier covers: early 1–15, mid 11–20, late 16–end.
        func span(_ qualifier: String?, year: Int, month: Int) -> (CalendarDate, CalendarDate) {
            let end = CalendarDate.daysIn(month: month, year: year)
            let (a, b): (Int, Int)
            switch qualifier {
            case "early", "beginning", "start": (a, b) = (1, 15)
            case "mid", "middle": (a, b) = (11, 20)
            case "late", "end": (a, b) = (16, end)
            default: (a, b) = (1, end)
            }
            return (CalendarDate(unchecked: year, month, a), CalendarDate(unchecked: year, month, b))
        }

        func dated(_ words: [String]) -> Outcome {
            var w = words
            while w.first == "the" { w.removeFirst() }
            if w.isEmpty { return .unknown }
            switch w {
            case ["next", "meeting"]:
                guard let nextMeeting else {
                    return .invalid("needs a next meeting, and none is scheduled; schedule it first or give a date, e.g. 1 December 2026")
                }
                return .kind(.on(nextMeeting))
            case ["today"]: return .kind(.on(today))
            case ["tomorrow"]: return .kind(.on(today.adding(days: 1)))
            case ["end", "of", "month"], ["end", "of", "the", "month"], ["end", "of", "this", "month"], ["month", "end"]:
                return .kind(.on(today.monthEnd))
            case ["end", "of", "next", "month"]:
                return .kind(.on(today.monthStart.adding(months: 1).monthEnd))
            default: break
            }
            // "in 2 weeks", "in 10 days"
            if w.count == 3, w[0] == "in" || w[0] == "within", let n = TextScan.count(w[1]) {
                switch w[2] {
                case "day", "days": return .kind(.on(today.adding(days: n)))
                case "week", "weeks": return .kind(.on(today.adding(days: 7 * n)))
                case "month", "months": return .kind(.on(today.adding(months: n)))
                default: return .unknown
                }
            }
            if let outcome = quarter(w) { return outcome }
            // "2008", "2008/09": the end of the year, or of the financial year.
            if let y = year(w[0]) {
                if w.count == 1 { return .kind(.on(CalendarDate(unchecked: y, 12, 31))) }
                if w.count == 3, w[1] == "/" { return financialYear(y, w[2], quarter: nil) }
            }
            // "end of March [2027]", "end March", "end of 2008"
            if w.first == "end" {
                var rest = Array(w.dropFirst())
                if rest.first == "of" { rest.removeFirst() }
                if rest.count == 1, let y = year(rest[0]) { return .kind(.on(CalendarDate(unchecked: y, 12, 31))) }
                if let spec = monthSpec(rest), spec.qualifier == nil {
                    let y = spec.year ?? nextYear(for: spec.month)
                    return .kind(.on(CalendarDate(unchecked: y, spec.month, 1).monthEnd))
                }
            }
            // "3rd Thursday of March [2027]"
            if w.count >= 3, let n = TextScan.ordinal(w[0]), let weekday = Weekday(text: w[1]) {
                var rest = Array(w.dropFirst(2))
                if rest.first == "of" || rest.first == "in" { rest.removeFirst() }
                guard (1...5).contains(n) || n == -1 else {
                    return .invalid("names no real day: a month has a 1st to 5th or last \(weekday.name)")
                }
                guard let spec = monthSpec(rest), spec.qualifier == nil else { return .unknown }
                let rule = Cadence(everyMonths: 1, day: .nthWeekday(ordinal: n, weekday: weekday))
                if let y = spec.year {
                    guard let d = rule.occurrence(inYear: y, month: spec.month) else {
                        return .invalid("is not a real date: \(CalendarDate.monthName(spec.month)) \(y) has no \(TextScan.ordinalText(n)) \(weekday.name)")
                    }
                    return .kind(.on(d))
                }
                for y in today.year...(today.year + 8) {
                    if let d = rule.occurrence(inYear: y, month: spec.month), d >= today { return .kind(.on(d)) }
                }
                return .invalid("is not a date that comes round again soon; give the year")
            }
            // "November/early December 2005", "October to December 2005"
            if let cut = w.firstIndex(where: { $0 == "/" || $0 == "to" || $0 == "until" || $0 == "till" }), cut > 0 {
                var left = Array(w[..<cut])
                if left.first == "from" || left.first == "between" { left.removeFirst() }
                guard let a = monthSpec(left), let b = monthSpec(Array(w[(cut + 1)...])) else { return .unknown }
                let yb = b.year ?? a.year ?? nextYear(for: b.month)
                let ya = a.year ?? (a.month <= b.month ? yb : yb - 1)
                let from = span(a.qualifier, year: ya, month: a.month).0
                let to = span(b.qualifier, year: yb, month: b.month).1
                guard from < to else { return .invalid("ends before it starts; write the earlier month first, e.g. November/early December 2005") }
                return .kind(.range(from: from, to: to))
            }
            // "October 2005", "Oct", "early December 2005"
            if let spec = monthSpec(w) {
                let y = spec.year ?? nextYear(for: spec.month)
                if spec.qualifier == nil { return .kind(.byMonth(year: y, month: spec.month)) }
                let (a, b) = span(spec.qualifier, year: y, month: spec.month)
                if spec.qualifier == "end" { return .kind(.on(b)) }
                return .kind(.range(from: a, to: b))
            }
            // "1 December 2026", "1st of December", "December 1 2026"
            var dayWord: String? = nil
            var rest = w[...]
            if let d = rest.first, dayNumber(d) != nil {
                dayWord = d
                rest.removeFirst()
                if rest.first == "of" { rest.removeFirst() }
            } else if rest.count >= 2, CalendarDate.month(named: rest[rest.startIndex]) != nil,
                      dayNumber(rest[rest.startIndex + 1]) != nil {
                dayWord = rest[rest.startIndex + 1]
                rest.remove(at: rest.startIndex + 1)
            }
            if let dayWord, let d = dayNumber(dayWord), let spec = monthSpec(Array(rest)), spec.qualifier == nil {
                if let y = spec.year {
                    guard let date = CalendarDate(year: y, month: spec.month, day: d) else {
                        return .invalid("is not a real date; \(CalendarDate.monthName(spec.month)) \(y) has \(CalendarDate.daysIn(month: spec.month, year: y)) days")
                    }
                    return .kind(.on(date))
                }
                guard let date = nextDate(day: d, month: spec.month) else {
                    return .invalid("is not a real date; \(CalendarDate.monthName(spec.month)) has at most \(CalendarDate.daysIn(month: spec.month, year: 2028)) days")
                }
                return .kind(.on(date))
            }
            return .unknown
        }
    }
}
