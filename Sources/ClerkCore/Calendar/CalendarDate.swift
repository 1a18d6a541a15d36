/// A day of the week, Monday first (ISO 8601 numbering).
public enum Weekday: Int, CaseIterable, Comparable, Hashable, Sendable, Codable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    /// "Thursday".
    public var name: String {
        switch self {
        case .monday: "Monday"
        case .tuesday: "Tuesday"
        case .wednesday: "Wednesday"
        case .thursday: "Thursday"
        case .friday: "Friday"
        case .saturday: "Saturday"
        case .sunday: "Sunday"
        }
    }

    /// "Thu".
    public var shortName: String { String(name.prefix(3)) }

    /// Reads "Thursday", "thursday", "Thu", "Thur", "Thurs", "thursdays" (any case).
    public init?(text: String) {
        var word = text.trimmingSpaces.lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        if word.count > 3, word.hasSuffix("s"), !word.hasSuffix("ss") {
            // "thursdays", "tues", "thurs", "weds": try with and without the s.
            if let day = Weekday.lookup(word) ?? Weekday.lookup(String(word.dropLast())) {
                self = day
                return
            }
            return nil
        }
        guard let day = Weekday.lookup(word) else { return nil }
        self = day
    }

    private static func lookup(_ word: String) -> Weekday? {
        guard word.count >= 3 else { return nil }
        for day in Weekday.allCases {
            let full = day.name.lowercased()
            if word == full { return day }
        }
        let extra: [String: Weekday] = [
            "mon": .monday, "tue": .tuesday, "tues": .tuesday, "wed": .wednesday, "weds": .wednesday,
            "thu": .thursday, "thur": .thursday, "thurs": .thursday, "fri": .friday,
            "sat": .saturday, "sun": .sunday,
        ]
        return extra[word]
    }

    public static func < (a: Weekday, b: Weekday) -> Bool { a.rawValue < b.rawValue }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let day = Weekday(text: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a weekday: \(text)")
        }
        self = day
    }

    /// Encoded as the lower-case full name, "thursday".
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(name.lowercased())
    }
}

/// A date on the proleptic Gregorian calendar, with no time and no time zone.
///
/// Encoded as its ISO 8601 text, "2026-11-19".
public struct CalendarDate: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Nil unless the date exists (months 1–12, day within the month, leap years honoured).
    /// Years 1 to 9999, so that the ISO text is always four digits.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
              day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Strict "YYYY-MM-DD": four digits, two, two, hyphens, and a real date.
    public init?(iso: String) {
        let chars = Array(iso.utf8)
        guard chars.count == 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for i in range {
                let c = chars[i]
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(c - UInt8(ascii: "0"))
            }
            return value
        }
        guard let y = number(0..<4), let m = number(5..<7), let d = number(8..<10) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    /// Days since 1970-01-01 (negative before it).
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01 (negative before it).
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public static func isLeap(year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    /// 28–31; 0 for a month outside 1–12.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 1, 3, 5, 7, 8, 10, 12: 31
        case 4, 6, 9, 11: 30
        case 2: isLeap(year: year) ? 29 : 28
        default: 0
        }
    }

    public func adding(days: Int) -> CalendarDate {
        CalendarDate(dayNumber: dayNumber + days)
    }

    /// Same day of the month `months` later (or earlier), clamped to the end of a shorter month:
    /// 31 January plus one month is 28 (or 29) February.
    public func adding(months: Int) -> CalendarDate {
        let (y, m) = CalendarDate.monthAdding(year: year, month: month, months: months)
        let d = min(day, CalendarDate.daysIn(month: m, year: y))
        return CalendarDate(unchecked: y, m, d)
    }

    /// Whole days from self to `other`; positive when `other` is later.
    public func daysUntil(_ other: CalendarDate) -> Int {
        other.dayNumber - dayNumber
    }

    public var weekday: Weekday {
        let index = ((dayNumber + 3) % 7 + 7) % 7  // 1970-01-01 was a Thursday
        return Weekday(rawValue: index + 1)!
    }

    public var monthStart: CalendarDate { CalendarDate(unchecked: year, month, 1) }

    public var monthEnd: CalendarDate {
        CalendarDate(unchecked: year, month, CalendarDate.daysIn(month: month, year: year))
    }

    /// "2026-11-19".
    public var iso: String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2)
    }

    /// "Thu 19 Nov".
    public var short: String {
        "\(weekday.shortName) \(day) \(CalendarDate.monthShortName(month))"
    }

    /// "19 Nov 2026".
    public var medium: String {
        "\(day) \(CalendarDate.monthShortName(month)) \(year)"
    }

    /// "Thursday 19 November 2026".
    public var long: String {
        "\(weekday.name) \(day) \(CalendarDate.monthName(month)) \(year)"
    }

    public var description: String { iso }

    /// "November"; "" outside 1–12.
    public static func monthName(_ month: Int) -> String {
        let names = ["January", "February", "March", "April", "May", "June", "July",
                     "August", "September", "October", "November", "December"]
        return (1...12).contains(month) ? names[month - 1] : ""
    }

    /// "Nov"; "" outside 1–12.
    public static func monthShortName(_ month: Int) -> String {
        String(monthName(month).prefix(3))
    }

    /// Reads "November", "nov", "Nov.", "Sept" (any case) as 1–12.
    public static func month(named text: String) -> Int? {
        var word = text.trimmingSpaces.lowercased()
        if word.hasSuffix(".") { word.removeLast() }
        guard word.count >= 3 else { return nil }
        if word == "sept" { return 9 }
        for m in 1...12 {
            let full = monthName(m).lowercased()
            if word == full || word == String(full.prefix(3)) { return m }
        }
        return nil
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "not a YYYY-MM-DD date: \(text)")
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(iso)
    }

    // MARK: internals

    init(unchecked year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    static func monthAdding(year: Int, month: Int, months: Int) -> (year: Int, month: Int) {
        let total = year * 12 + (month - 1) + months
        let y = total >= 0 ? total / 12 : (total - 11) / 12
        return (y, total - y * 12 + 1)
    }
}

func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(abs(value))
    let zeros = String(repeating: "0", count: max(0, width - digits.count))
    return (value < 0 ? "-" : "") + zeros + digits
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}
