/// What the clock says at one moment: the instant, and the date and time of day on the
/// wall where the person is (local civil time). Everything clerk dates — "today", an
/// arrival at 10:42, an action updated on 2 December — is the local reading; instants
/// in the journal are UTC.
public struct ClockReading: Sendable, Equatable {
    public var instant: Instant
    public var today: CalendarDate
    public var time: TimeOfDay

    public init(instant: Instant, today: CalendarDate, time: TimeOfDay) {
        self.instant = instant
        self.today = today
        self.time = time
    }
}

/// The one source of "now". ClerkCore never reads a clock: the program's edge builds the
/// system clock once and hands it to whatever needs the time; tests hand in a fixed or
/// stepped one.
public struct Clock: Sendable {
    private let reading: @Sendable () -> ClockReading
    private let elapsed: @Sendable () -> Double
    private let localize: (@Sendable (Instant) -> ClockReading)?

    /// `reading` gives the wall-clock reading; `seconds` a count of seconds that never
    /// goes back (for "a second since the last save"), by default the reading's instant;
    /// `local` the wall-clock reading at another instant (a record's time shown to a
    /// person), by default the instant moved by the current reading's offset from UTC.
    public init(reading: @escaping @Sendable () -> ClockReading, seconds: (@Sendable () -> Double)? = nil,
                local: (@Sendable (Instant) -> ClockReading)? = nil) {
        self.reading = reading
        self.elapsed = seconds ?? { Double(reading().instant.secondsSinceEpoch) }
        self.localize = local
    }

    /// The date and time of day on the wall where the person is at `instant`.
    public func local(_ instant: Instant) -> ClockReading {
        if let localize { return localize(instant) }
        let now = reading()
        // The offset of the current reading, to the nearest quarter hour (every zone's is a multiple of it).
        let wall = Instant(date: now.today, time: now.time).secondsSinceEpoch
        let raw = wall - now.instant.secondsSinceEpoch
        let offset = (raw >= 0 ? raw + 450 : raw - 450) / 900 * 900
        let shifted = Instant(secondsSinceEpoch: instant.secondsSinceEpoch + offset)
        return ClockReading(instant: instant, today: shifted.date, time: shifted.time)
    }

    public func read() -> ClockReading { reading() }

    /// Seconds on a clock that never goes back.
    public func seconds() -> Double { elapsed() }

    /// A clock that always reads `today` at `time` (the instant taken as that local time in UTC).
    public static func fixed(_ today: CalendarDate, _ time: TimeOfDay) -> Clock {
        let reading = ClockReading(instant: Instant(date: today, time: time), today: today, time: time)
        return Clock(reading: { reading }, seconds: { 0 })
    }

    /// The same clock with its date fixed (`--today`): the time of day still runs.
    public func fixingToday(_ date: CalendarDate?) -> Clock {
        guard let date else { return self }
        let base = self
        return Clock(reading: {
            var now = base.read()
            now.today = date
            return now
        }, seconds: { base.seconds() }, local: { base.local($0) })
    }
}

extension CommandContext {
    /// The context of a change made at the clock's reading: its instant and its local date.
    public init(_ reading: ClockReading, by: PersonID? = nil, makeID: @escaping @Sendable (String) -> String) {
        self.init(now: reading.instant, today: reading.today, by: by, makeID: makeID)
        time = reading.time
    }
}
