import CFatalSignals

/// What a crash does: the terminal is restored, one line on standard error says what
/// happened, and clerk exits with status 70.
///
/// The handlers (in C, async-signal-safe) replace those the Swift runtime installs before
/// `main`, so its interactive backtracer — which can show registers and dump process memory
/// to whoever is at the terminal, an SSH reader included — never runs, whatever
/// `SWIFT_BACKTRACE` says. `NcursesTerminal` tells them when the screen has the terminal.
public enum FatalSignals {
    /// Takes over SIGILL, SIGTRAP, SIGABRT, SIGBUS, SIGFPE, SIGSEGV and SIGQUIT. Call first
    /// thing in `main`.
    public static func install() {
        clerk_fatal_signals_install()
    }
}
