/// How a committee refers to its agenda items, when not by plain numbers: a pattern with
/// a running counter that continues across the year's meetings and restarts each year in
/// `restartMonth` ("GB/{yy}{yy+1}/{n:03}", April: GB/2425/001 … GB/2425/017, then
/// GB/2526/001 from April 2025).
///
/// The pattern language: text is kept as written; placeholders in braces are
///   `{n}`       the running number (1, 2, … 17)
///   `{n:0W}`    the running number zero-padded to W digits, W from 1 to 9 (`{n:03}`: 017)
///   `{yyyy}`    the year the reference year began (2024)
///   `{yy}`      its last two digits (24)
///   `{yyyy+1}`  the year after it (2025), `{yy+1}` its last two digits (25)
/// `{n}` (or `{n:0W}`) must appear exactly once. Nothing else may be in braces.
public struct ItemReferenceScheme: Sendable, Hashable, Codable {
    public var pattern: String
    /// 1–12: the month the counter starts again at 1 (1, January: calendar years).
    public var restartMonth: Int

    public init(pattern: String, restartMonth: Int = 1) {
        self.pattern = pattern
        self.restartMonth = restartMonth
    }

    public static let placeholders = "{n}, {n:03}, {yy}, {yy+1}, {yyyy}, {yyyy+1}"
    public static let maxPatternLength = 60

    enum Piece: Hashable { case text(String), counter(width: Int), year(digits: Int, plus: Int) }

    /// The pattern in pieces, or a one-line reason it cannot be used.
    static func pieces(of pattern: String) -> Result<[Piece], CommandError> {
        func fail(_ why: String) -> Result<[Piece], CommandError> { .failure(CommandError(.invalid, why)) }
        guard !pattern.trimmed.isEmpty else { return fail("a reference pattern cannot be empty; e.g. GB/{yy}{yy+1}/{n:03}") }
        guard pattern.count <= maxPatternLength else { return fail("the reference pattern is longer than \(maxPatternLength) characters") }
        if Venue.hasControl(pattern) { return fail("the reference pattern contains a control character") }
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(pattern)
        while let c = rest.first {
            rest.removeFirst()
            if c == "}" { return fail("\"}\" without \"{\" in the reference pattern; placeholders are \(placeholders)") }
            guard c == "{" else { text.append(c); continue }
            guard let close = rest.firstIndex(of: "}") else {
                return fail("\"{\" without \"}\" in the reference pattern; placeholders are \(placeholders)")
            }
            let name = String(rest[..<close])
            rest = rest[rest.index(after: close)...]
            let piece: Piece
            switch name {
            case "n": piece = .counter(width: 1)
            case "yyyy": piece = .year(digits: 4, plus: 0)
            case "yy": piece = .year(digits: 2, plus: 0)
            case "yyyy+1": piece = .year(digits: 4, plus: 1)
            case "yy+1": piece = .year(digits: 2, plus: 1)
            default:
                if name.hasPrefix("n:0"), name.count == 4, let w = Int(name.dropFirst(3)), (1...9).contains(w) {
                    piece = .counter(width: w)
                } else {
                    return fail("unknown placeholder {\(name)} in the reference pattern; use \(placeholders)")
                }
            }
            if !text.isEmpty { pieces.append(.text(text)); text = "" }
            pieces.append(piece)
        }
        if !text.isEmpty { pieces.append(.text(text)) }
        let counters = pieces.filter { if case .counter = $0 { true } else { false } }.count
        guard counters == 1 else {
            return fail(counters == 0 ? "the reference pattern needs the running number {n} (or {n:03})"
                                      : "the reference pattern has the running number more than once; keep one {n}")
        }
        return .success(pieces)
    }

    /// Nil when the scheme can be used; else what is wrong with it, in one line.
    public var problem: String? {
        guard (1...12).contains(restartMonth) else {
            return "restart month \(restartMonth) is not a month; give 1 (January) to 12 (December)"
        }
        if case .failure(let e) = Self.pieces(of: pattern) { return e.message }
        return nil
    }

    /// The year (as its first year, 2024 for 2024/25) that a meeting on `date` counts in.
    public func year(of date: CalendarDate) -> Int {
        date.month >= restartMonth ? date.year : date.year - 1
    }

    /// The reference of the `n`th item of reference year `year`; nil for a pattern with a problem.
    public func reference(year: Int, n: Int) -> String? {
        guard problem == nil, case .success(let pieces) = Self.pieces(of: pattern) else { return nil }
        var out = ""
        for piece in pieces {
            switch piece {
            case .text(let t): out += t
            case .counter(let width):
                let digits = String(n)
                out += String(repeating: "0", count: max(0, width - digits.count)) + digits
            case .year(let digits, let plus):
                let y = year + plus
                out += digits == 4 ? String(y) : String(String(y % 100 + 100).dropFirst())
            }
        }
        return out
    }
}

/// The references given to a meeting's items when its agenda was published (or when an
/// item was added after that). A reference once given is never changed or given again.
public struct ReferencesAssigned: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var references: [ItemReference]
    public init(meetingID: MeetingID, references: [ItemReference]) {
        self.meetingID = meetingID; self.references = references
    }
}

public struct ItemReference: Sendable, Hashable, Codable {
    public var itemID: ItemID
    public var reference: String
    public init(itemID: ItemID, reference: String) { self.itemID = itemID; self.reference = reference }
}

/// How far a committee's running item counter has gone in a reference year: the archive's
/// record that numbers up to `last` are taken, so that none is given twice.
public struct ReferencesCounted: Sendable, Hashable, Codable {
    public var committeeID: CommitteeID
    /// The reference year, by its first calendar year (2024 for April 2024 – March 2025).
    public var year: Int
    public var last: Int
    public init(committeeID: CommitteeID, year: Int, last: Int) {
        self.committeeID = committeeID; self.year = year; self.last = last
    }
}
