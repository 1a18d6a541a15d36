import ClerkCore
import Foundation

/// The system's clock, read here and nowhere else in clerk: the instant from
/// CLOCK_REALTIME, the local date and time of day from the system's time zone (what a
/// secretary sees on the wall), and seconds from CLOCK_MONOTONIC. The program's edge
/// hands `SystemClock.clock` to the screen and the commands; tests hand in their own.
public enum SystemClock {
    public static let clock = Clock(reading: { read() }, seconds: { monotonicSeconds() }, local: { local($0) })

    private static func read() -> ClockReading {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return local(Instant(secondsSinceEpoch: Int64(ts.tv_sec)))
    }

    /// The system's time zone's reading at `instant` (its offset on that day, not today's).
    private static func local(_ instant: Instant) -> ClockReading {
        var seconds = time_t(instant.secondsSinceEpoch)
        var parts = tm()
        localtime_r(&seconds, &parts)
        guard let today = CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday)),
              let time = TimeOfDay(hour: Int(parts.tm_hour), minute: Int(parts.tm_min))
        else { return ClockReading(instant: instant, today: instant.date, time: instant.time) }
        return ClockReading(instant: instant, today: today, time: time)
    }

    private static func monotonicSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}
