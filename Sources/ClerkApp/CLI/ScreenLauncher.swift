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
        let permitted = ArchiveStore.isWritable(directory)
        let writable = !readOnly && permitted
        let store = try ArchiveStore(directory: directory, mode: writable ? .readWrite : .readOnly)
        // A parent may have left signals blocked; resizing and the flush on hang-up need them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGWINCH, SIGHUP, SIGTERM, SIGINT] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        let (keymap, keyProblems) = Keymap.load(environment: environment)
        let rescued = try runScreen(store: store, directory: directory, readOnly: readOnly, permitted: permitted, writable: writable,
                                    themeName: themeName, today: today, keymap: keymap, keyProblems: keyProblems, environment: environment)
        // Printed once the screen is closed, so that it stays on the terminal.
        for path in rescued {
            // write(2), not FileHandle: after a hang-up the terminal refuses writes, which must not stop clerk.
            let line = "clerk: the minutes typed last could not be saved; they are kept in \(path) and offered back when the meeting is next opened\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
        }
    }

    private static func runScreen(store: ArchiveStore, directory: String, readOnly: Bool, permitted: Bool, writable: Bool,
                                  themeName: String?, today: String?, keymap: Keymap, keyProblems: [String],
                                  environment: [String: String]) throws -> [String] {
        let term = try NcursesTerminal()
        defer { term.end() }
        let (theme, themeWarning) = ThemeLoader.load(name: themeName, environment: environment, colorCount: term.colorCount)
        let fixedToday = today.flatMap(CalendarDate.init(iso:))
        let app = ScreenApp(store: store, terminal: term, theme: theme, keymap: keymap, readOnly: !writable,
                            wallClock: { localClock(fixedToday: fixedToday) }, context: { context(fixedToday: fixedToday) })
        app.watch = ArchiveWatch(directory: directory)
        app.rescueElsewhere = RescuePlaces.elsewhere(environment: environment)
        // Rights go by the system's date, not the screen's (which --today can fix).
        let rule = store.accessRule(account: SystemAccount.current()) { SystemAccount.today() }
        app.accessRule = { state, _ in rule(state, SystemAccount.today()) }
        if let warning = themeWarning ?? keyProblems.first {
            app.show(warning, isError: true)
        } else if !readOnly && !permitted {
            app.show("read-only: your account cannot write to this archive", isError: false)
        }
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            signal(sig) { _ in stopRequested.store(true, ordering: .relaxed) }
        }
        app.run { stopRequested.load(ordering: .relaxed) }
        return app.rescueFilesWritten
    }

    /// The context of a change: a date fixed with --today is the date things are recorded on
    /// (an agenda published, an action updated), as the screen shows it.
    static func context(fixedToday: CalendarDate?) -> CommandContext {
        var context = ScreenApp.systemContext()
        if let fixedToday { context.today = fixedToday }
        return context
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
