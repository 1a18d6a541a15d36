/// When a meeting is, as typed when planning or moving it: "2026-12-16", or with its times
/// "2026-12-16 13:00-15:00".
public struct MeetingWhen: Hashable, Sendable {
    public var date: CalendarDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?

    public init(date: CalendarDate, start: TimeOfDay? = nil, end: TimeOfDay? = nil) {
        self.date = date
        self.start = start
        self.end = end
    }

    /// Reads a date (YYYY-MM-DD) and optionally a time range after it. A date that does not
    /// exist ("2026-02-30") is refused naming the month's length.
    public static func parse(_ text: String) -> Result<MeetingWhen, RuleError> {
        let words = text.split(separator: " ").map(String.init)
        guard let first = words.first else {
            return .failure(RuleError("type the date as YYYY-MM-DD, then the times if known: 2026-12-17 13:00-15:00"))
        }
        guard let date = CalendarDate(iso: first) else {
            return .failure(RuleError(Self.dateProblem(first)))
        }
        guard words.count > 1 else { return .success(MeetingWhen(date: date)) }
        let times = words.dropFirst().joined(separator: " ")
        switch TimeRange.parse(times) {
        case .success(let range): return .success(MeetingWhen(date: date, start: range.start, end: range.end))
        case .failure: return .failure(RuleError("the times '\(times)' are not a range such as 13:00-14:30"))
        }
    }

    /// Why `text` is not a date: the shape is wrong, or the day does not exist in that month.
    static func dateProblem(_ text: String) -> String {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            if !(1...12).contains(m) { return "\(text) is not a date: there is no month \(m); months run 01 to 12" }
            let days = CalendarDate.daysIn(month: m, year: y)
            if d < 1 || d > days {
                return "\(text) is not a date: \(CalendarDate.monthName(m)) \(y) has \(days) days"
            }
        }
        return "'\(text)' is not a date; write it as YYYY-MM-DD, then the times if known: 2026-12-17 13:00-15:00"
    }
}
