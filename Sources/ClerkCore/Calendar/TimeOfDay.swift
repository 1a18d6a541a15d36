/// A wall-clock time to the minute, encoded as "HH:MM".
///
/// Time zones: clerk keeps committee times as local wall time, exactly as the
/// secretary writes them ("1.00 – 2.30"); no zone is stored or converted.
public struct TimeOfDay: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let hour: Int
    public let minute: Int

    /// Nil unless hour is 0–23 and minute 0–59.
    public init?(hour: Int, minute: Int) {
        guard (0...23).contains(hour), (0...59).contains(minute) else { return nil }
        self.hour = hour
        self.minute = minute
    }

    /// Reads "13:00", "09:30", "1.00", "1pm", "2.30 pm", "12 noon", "noon", "midday".
    ///
    /// A bare hour from 1 to 6 written without a leading zero and without am/pm
    /// ("1.00", "2.30") is read as afternoon, since committees do not sit at 2 am;
    /// write "02:30" or "2.30am" to mean the small hours.
    public init?(text: String) {
        guard case .success(let time) = TimeOfDay.parse(text) else { return nil }
        self = time
    }

    public static func parse(_ text: String) -> Result<TimeOfDay, RuleError> {
        let fail = Result<TimeOfDay, RuleError>.failure(RuleError(
            "can't read '\(text)' as a time; write it like 13:00, 1.00, 1pm or 2.30 pm"))
        var s = text.trimmingSpaces.lowercased().replacingAll(" ", with: "")
        switch s {
        case "noon", "midday", "12noon": return .success(TimeOfDay(unchecked: 12, 0))
        case "midnight": return .success(TimeOfDay(unchecked: 0, 0))
        default: break
        }
        var meridiem: Character? = nil
        for suffix in ["a.m.", "p.m.", "am", "pm"] where s.hasSuffix(suffix) {
            meridiem = suffix.first
            s.removeLast(suffix.count)
            break
        }
        let parts = s.split(separator: ":", omittingEmptySubsequences: false).count == 2
            ? s.split(separator: ":", omittingEmptySubsequences: false)
            : s.split(separator: ".", omittingEmptySubsequences: false)
        guard (1...2).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count <= 2, parts.count == 1 || parts[1].count == 2,
              var hour = Int(parts[0]), let minute = parts.count == 2 ? Int(parts[1]) : 0
        else { return fail }
        if parts.count == 1 && meridiem == nil { return fail }  // "13" alone is not a time
        if let m = meridiem {
            guard (1...12).contains(hour) else { return fail }
            if m == "a" { hour = hour == 12 ? 0 : hour }
            else { hour = hour == 12 ? 12 : hour + 12 }
        } else if (1...6).contains(hour) && parts[0].count == 1 {
            hour += 12
        }
        guard let time = TimeOfDay(hour: hour, minute: minute) else { return fail }
        return .success(time)
    }

    /// "13:00".
    public var text: String { pad(hour, 2) + ":" + pad(minute, 2) }

    public var description: String { text }

    /// Minutes since midnight.
    public var minutesSinceMidnight: Int { hour * 60 + minute }

    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool {
        a.minutesSinceMidnight < b.minutesSinceMidnight
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        let parts = text.split(separator: ":")
        guard text.count == 5, parts.count == 2, let h = Int(parts[0]), let m = Int(parts[1]),
              let time = TimeOfDay(hour: h, minute: m)
        else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an HH:MM time: \(text)")
        }
        self = time
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(text)
    }

    init(unchecked hour: Int, _ minute: Int) {
        self.hour = hour
        self.minute = minute
    }
}

/// A meeting's start and end, as written on the notes: "1.00 – 2.30".
public struct TimeRange: Hashable, Sendable, Codable {
    public var start: TimeOfDay
    public var end: TimeOfDay

    public init(start: TimeOfDay, end: TimeOfDay) {
        self.start = start
        self.end = end
    }

    /// Reads "1.00 – 2.30", "13:00-14:30", "6.30-8.30". An end written the casual way
    /// (a one-or-two-digit hour without a leading zero, no am/pm) that falls before a start
    /// written the same way is read as the afternoon or evening ("10.00 - 7.30" → 10:00–19:30);
    /// any other end before its start is refused, never guessed ("14:00-09:30").
    public static func parse(_ text: String) -> Result<TimeRange, RuleError> {
        let separators: [String] = [" to ", "–", "—", "-"]
        for sep in separators {
            let halves = text.lowercased().splitting(on: sep)
            guard halves.count == 2 else { continue }
            guard case .success(let start) = TimeOfDay.parse(halves[0]),
                  case .success(var end) = TimeOfDay.parse(halves[1])
            else { break }
            if end < start, end.hour < 12, isCasual(halves[0]), isCasual(halves[1]),
               let later = TimeOfDay(hour: end.hour + 12, minute: end.minute), start < later {
                end = later
            }
            guard start < end else {
                return .failure(RuleError(
                    "'\(text.trimmingSpaces)' ends (\(end.text)) before it starts (\(start.text)); write the end after the start, like 13:00-14:30"))
            }
            return .success(TimeRange(start: start, end: end))
        }
        return .failure(RuleError(
            "can't read '\(text)' as a start and end time; write it like 1.00 – 2.30 or 13:00-14:30"))
    }

    /// "7.30", "10.00", "11": an hour of 1–12 without a leading zero or am/pm, as people
    /// write times on a 12-hour clock.
    private static func isCasual(_ text: String) -> Bool {
        let t = text.trimmingSpaces
        let hour = t.prefix { $0.isASCII && $0.isNumber }
        guard !hour.isEmpty, !hour.hasPrefix("0"), let h = Int(hour), (1...12).contains(h) else { return false }
        let rest = t.dropFirst(hour.count)
        return rest.isEmpty || ((rest.hasPrefix(".") || rest.hasPrefix(":")) && rest.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
    }

    /// "13:00–14:30".
    public var text: String { start.text + "–" + end.text }
}

/// A moment in time: whole seconds since 1970-01-01T00:00:00Z, UTC.
///
/// Encoded as ISO 8601 text, "2026-11-23T18:55:00Z". `date` and `time` give the
/// UTC fields; clerk treats them as the local wall time (see `TimeOfDay`).
public struct Instant: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var secondsSinceEpoch: Int64

    public init(secondsSinceEpoch: Int64) {
        self.secondsSinceEpoch = secondsSinceEpoch
    }

    public init(date: CalendarDate, time: TimeOfDay, second: Int = 0) {
        let seconds = Int64(date.dayNumber) * 86_400 + Int64(time.minutesSinceMidnight * 60 + second)
        self.secondsSinceEpoch = seconds
    }

    /// Strict "YYYY-MM-DDTHH:MM:SSZ".
    public init?(iso: String) {
        let chars = Array(iso)
        guard chars.count == 20, chars[10] == "T", chars[13] == ":", chars[16] == ":", chars[19] == "Z",
              let date = CalendarDate(iso: String(chars[0..<10])),
              let h = Instant.digits(chars[11..<13]), let m = Instant.digits(chars[14..<16]),
              let s = Instant.digits(chars[17..<19]), s < 60,
              let time = TimeOfDay(hour: h, minute: m)
        else { return nil }
        self.init(date: date, time: time, second: s)
    }

    private static func digits(_ chars: ArraySlice<Character>) -> Int? {
        guard chars.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int(String(chars))
    }

    private var dayAndSecond: (day: Int, second: Int) {
        let day = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        return (Int(day), Int(secondsSinceEpoch - day * 86_400))
    }

    public var date: CalendarDate { CalendarDate(dayNumber: dayAndSecond.day) }

    public var time: TimeOfDay {
        let s = dayAndSecond.second
        return TimeOfDay(unchecked: s / 3600, (s % 3600) / 60)
    }

    /// Seconds past the minute, 0–59.
    public var second: Int { dayAndSecond.second % 60 }

    /// "2026-11-23T18:55:00Z".
    public var iso: String { date.iso + "T" + time.text + ":" + pad(second, 2) + "Z" }

    public var description: String { iso }

    public func adding(seconds: Int64) -> Instant { Instant(secondsSinceEpoch: secondsSinceEpoch + seconds) }

    public static func < (a: Instant, b: Instant) -> Bool { a.secondsSinceEpoch < b.secondsSinceEpoch }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let instant = Instant(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a YYYY-MM-DDTHH:MM:SSZ instant: \(text)")
        }
        self = instant
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }
}
