import ClerkCore
import ClerkStore
import ClerkTUI
import Foundation
import Synchronization
import Terminal

/// Set by SIGHUP/SIGTERM; the screen loop stops at the next turn and restores the terminal.
private let stopRequested = Atomic<Bool>(false)

/// Opens the screen on an archive: the real terminal, theme, keys, signals.
public enum ScreenLauncher {
    public static func run(directory: String, readOnly: Bool, theme themeName: String?, today: String?) throws {
        let environment = ProcessInfo.processInfo.environment
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw StoreError("the screen needs a terminal; for scripts use 'clerk meetings', 'clerk actions' and the other subcommands")
        }
        let writable = !readOnly && access(directory + "/journal", W_OK) == 0
        let store = try ArchiveStore(directory: directory, mode: writable ? .readWrite : .readOnly)
        // A parent may have left signals blocked; resizing and the flush on hang-up need them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGWINCH, SIGHUP, SIGTERM, SIGINT] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        let (keymap, keyProblems) = Keymap.load(environment: environment)
        let term = try NcursesTerminal()
        defer { term.end() }
        let (theme, themeWarning) = ThemeLoader.load(name: themeName, environment: environment, colorCount: term.colorCount)
        let fixedToday = today.flatMap(CalendarDate.init(iso:))
        let app = ScreenApp(store: store, terminal: term, theme: theme, keymap: keymap, readOnly: !writable,
                            wallClock: { localClock(fixedToday: fixedToday) })
        app.accessRule = store.accessRule(account: SystemAccount.current()) { localClock(fixedToday: fixedToday).0 }
        if let warning = themeWarning ?? keyProblems.first { app.show(warning, isError: true) }
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            signal(sig) { _ in stopRequested.store(true, ordering: .relaxed) }
        }
        app.run { stopRequested.load(ordering: .relaxed) }
    }

    /// Today's date and the wall-clock time where the person is.
    static func localClock(fixedToday: CalendarDate?) -> (CalendarDate, TimeOfDay) {
        var now = time(nil)
        var parts = tm()
        localtime_r(&now, &parts)
        let today = fixedToday ?? CalendarDate(year: Int(parts.tm_year) + 1900, month: Int(parts.tm_mon) + 1, day: Int(parts.tm_mday))!
        return (today, TimeOfDay(hour: Int(parts.tm_hour), minute: Int(parts.tm_min))!)
    }
}
