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
        let date: CalendarDate
        switch CalendarDate.parseTyped(first, example: "2026-12-17, then the times if known: 2026-12-17 13:00-15:00") {
        case .success(let d): date = d
        case .failure(let problem): return .failure(problem)
        }
        guard words.count > 1 else { return .success(MeetingWhen(date: date)) }
        let times = words.dropFirst().joined(separator: " ")
        switch TimeRange.parse(times) {
        case .success(let range): return .success(MeetingWhen(date: date, start: range.start, end: range.end))
        case .failure: return .failure(RuleError("the times '\(times)' are not a range such as 13:00-14:30"))
        }
    }
}
