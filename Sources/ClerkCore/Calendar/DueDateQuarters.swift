/// Work-plan timescales by financial year and quarter, as NHS papers write them.
extension DueDate.Parser {
    /// A financial year "2008/09" (April 2008 to March 2009) ends on 31 March; its quarter
    /// "Q3 2008/09" runs from October to December 2008 (Q1 starts in April).
    func financialYear(_ y: Int, _ second: String, quarter: Int?) -> DueDate.Outcome {
        guard second.allSatisfy({ $0.isASCII && $0.isNumber }), second.count == 2 || second.count == 4,
              let n = Int(second), n == (y + 1) % (second.count == 2 ? 100 : Int.max)
        else { return .invalid("is not a financial year: the second year follows the first, e.g. 2008/09") }
        guard let quarter else { return .kind(DueDate.Kind.on(CalendarDate(unchecked: y + 1, 3, 31))) }
        let first = 4 + 3 * (quarter - 1)
        let (year, month) = first > 12 ? (y + 1, first - 12) : (y, first)
        return .kind(DueDate.Kind.range(from: CalendarDate(unchecked: year, month, 1),
                            to: CalendarDate(unchecked: year, month + 2, 1).monthEnd))
    }

    /// "Q3 2008" (July to September), "Q3 2008/09" (the financial year's third quarter).
    func quarter(_ w: [String]) -> DueDate.Outcome? {
        guard let q = w.first, q.count == 2, q.hasPrefix("q"), let n = Int(q.dropFirst()) else { return nil }
        guard (1...4).contains(n) else { return .invalid("names no quarter: a year has Q1 to Q4") }
        let rest = Array(w.dropFirst())
        guard let first = rest.first, let y = year(first) else { return .unknown }
        if rest.count == 1 {
            return .kind(DueDate.Kind.range(from: CalendarDate(unchecked: y, 3 * n - 2, 1), to: CalendarDate(unchecked: y, 3 * n, 1).monthEnd))
        }
        guard rest.count == 3, rest[1] == "/" else { return .unknown }
        return financialYear(y, rest[2], quarter: n)
    }
}
