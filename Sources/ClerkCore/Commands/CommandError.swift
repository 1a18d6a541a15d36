/// Why a command was refused: one line that says what was wrong and what to do.
public struct CommandError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: String, Sendable, Hashable {
        case notFound, duplicate, invalid, wrongState, notAllowed, conflict
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    static func notFound(_ what: String, _ id: String, hint: String) -> CommandError {
        CommandError(.notFound, "no \(what) '\(id)': \(hint)")
    }
}

/// What a command needs from outside the domain: the date and time, and fresh ids.
/// Passed in so that rules never read a clock.
public struct CommandContext: Sendable {
    public var now: Instant
    public var today: CalendarDate
    public var by: PersonID?
    /// The local time of day of `now`, when the change came from a clock reading.
    public var time: TimeOfDay?
    private let makeID: @Sendable (String) -> String

    public init(now: Instant, today: CalendarDate? = nil, by: PersonID? = nil, makeID: @escaping @Sendable (String) -> String) {
        self.now = now
        self.today = today ?? now.date
        self.by = by
        self.makeID = makeID
    }

    /// A new id with a readable prefix ("i-", "e-", "a-").
    public func newID(_ prefix: String) -> String { makeID(prefix) }
}
