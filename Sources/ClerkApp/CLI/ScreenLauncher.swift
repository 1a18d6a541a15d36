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
    public static func run(directory: String, readOnly: Bool, theme themeName: String?, today: String?,
                           crashForTest: Bool = false) throws {
        let environment = ProcessEnvironment.current
        // The real cause first (a missing folder, a permission, a link), never a guess.
        if let problem = ArchiveLayout.openProblem(directory, forWriting: !readOnly) { throw StoreError(problem) }
        try preflight(environment)
        // A writer creates a missing empty meetings folder; one that cannot is told why below.
        if !readOnly { try? ArchiveLayout.prepareForWriting(directory) }
        let unwritable = ArchiveStore.unwritablePath(directory)
        let permitted = unwritable == nil
        let writable = !readOnly && permitted
        let store = try ArchiveStore(directory: directory, mode: writable ? .readWrite : .readOnly)
        store.sign(as: SystemAccount.current())
        // A parent may have left signals blocked; resizing and the flush on hang-up need them.
        var wanted = sigset_t()
        sigemptyset(&wanted)
        for sig in [SIGWINCH, SIGHUP, SIGTERM, SIGINT] { sigaddset(&wanted, sig) }
        pthread_sigmask(SIG_UNBLOCK, &wanted, nil)
        let (keymap, keyProblems) = Keymap.load(environment: environment)
        let rescued = try runScreen(store: store, directory: directory, readOnly: readOnly, permitted: permitted, writable: writable,
                                    unwritable: unwritable, themeName: themeName, today: today, keymap: keymap,
                                    keyProblems: keyProblems, environment: environment, crashForTest: crashForTest)
        // Printed once the screen is closed, so that it stays on the terminal.
        for path in rescued {
            // write(2), not FileHandle: after a hang-up the terminal refuses writes, which must not stop clerk.
            let line = "clerk: the minutes typed last could not be saved; they are kept in \(path) and offered back when the meeting is next opened\n"
            _ = line.withCString { write(2, $0, strlen($0)) }
        }
    }

    private static func runScreen(store: ArchiveStore, directory: String, readOnly: Bool, permitted: Bool, writable: Bool,
                                  unwritable: String?, themeName: String?, today: String?, keymap: Keymap, keyProblems: [String],
                                  environment: [String: String], crashForTest: Bool) throws -> [String] {
        let term = try startTerminal(environment)
        defer { term.end() }
        let (theme, themeWarning) = ThemeLoader.load(name: themeName, environment: environment, colorCount: term.colorCount)
        let fixedToday = today.flatMap(CalendarDate.init(iso:))
        // A date fixed with --today is the date things are recorded on (an agenda
        // published, an action updated), as the screen shows it.
        let app = ScreenApp(store: store, terminal: crashForTest ? CrashOnFirstKey(term) : term, theme: theme, keymap: keymap,
                            readOnly: !writable, clock: SystemClock.clock.fixingToday(fixedToday))
        if !permitted {
            let group = SystemAccount.group(of: directory).map { " group \($0)" } ?? "'s group"
            app.setWhoMayWrite("only accounts in the archive folder's\(group) may write")
        } else if readOnly {
            app.setWhoMayWrite("this session was started with --read-only; start clerk without it to make changes")
        }
        app.watch = ArchiveWatch(directory: directory)
        app.environment = environment
        app.rescueElsewhere = RescuePlaces.elsewhere(environment: environment)
        // Rights go by the system's date, not the screen's (which --today can fix).
        let rule = store.accessRule(account: SystemAccount.current()) { SystemAccount.today() }
        app.accessRule = { state, _ in rule(state, SystemAccount.today()) }
        if store.skippedRecords > 0 {
            app.sayIfRecordsSkipped()
        } else if let warning = themeWarning ?? keyProblems.first {
            app.show(warning, isError: true)
        } else if let note = term.startNote {
            app.show(note, isError: false)
        } else if !readOnly && !permitted {
            app.show("read-only: your account cannot write to this archive (\(unwritable ?? directory))", isError: false)
        }
        for sig in [SIGHUP, SIGTERM, SIGINT] {
            signal(sig) { _ in stopRequested.store(true, ordering: .relaxed) }
        }
        app.run { stopRequested.load(ordering: .relaxed) }
        return app.rescueFilesWritten
    }

    /// The terminal named by TERM (or a fallback terminfo knows), in the locale the
    /// environment asks for. A terminal that cannot move the cursor is refused before the
    /// screen is touched, with the commands that work on any terminal.
    static func startTerminal(_ environment: [String: String]) throws -> NcursesTerminal {
        let locale = [environment["LC_ALL"], environment["LC_CTYPE"], environment["LANG"]]
            .compactMap { $0 }.first { !$0.isEmpty }
        do {
            return try NcursesTerminal(termType: environment["TERM"], localeName: locale)
        } catch TerminalError.cannotAddressCursor(let type) {
            throw refusal(type)
        }
    }

    /// Refuses, before anything is opened or written, when the screen cannot run here:
    /// no terminal at all, or one that cannot move the cursor.
    public static func preflight(_ environment: [String: String] = ProcessEnvironment.current) throws {
        guard isatty(0) == 1, isatty(1) == 1 else {
            throw StoreError("the screen needs a terminal; for scripts use 'clerk meetings', 'clerk actions' and the other subcommands")
        }
        do {
            try NcursesTerminal.preflight(termType: environment["TERM"])
        } catch TerminalError.cannotAddressCursor(let type) {
            throw refusal(type)
        }
    }

    static func refusal(_ type: String) -> StoreError {
        StoreError("this terminal (TERM \(type)) cannot move the cursor, which the screen needs; "
                   + "use 'clerk meetings', 'clerk actions' and 'clerk export' instead")
    }
}
