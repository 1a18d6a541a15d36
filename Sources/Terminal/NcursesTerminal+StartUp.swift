import CFatalSignals
import CNcursesw
import Glibc

extension NcursesTerminal {
    /// Tried in order when terminfo does not know `TERM`.
    public static let fallbackTypes = ["xterm-256color", "xterm", "vt100"]

    /// Throws what starting on `termType` would (a terminal that cannot move the cursor,
    /// no terminfo at all), without starting a screen or writing anything: for refusing
    /// before any other work is done.
    public static func preflight(termType: String?) throws {
        let claimed = ncursesActive.withLock { active in
            if active { return false }
            active = true
            return true
        }
        guard claimed else { throw TerminalError.alreadyActive }
        defer { ncursesActive.withLock { $0 = false } }
        _ = try chooseType(termType, fallback: true, fd: STDOUT_FILENO)
    }

    /// The terminal type to start: `requested` when terminfo knows it and it can move the
    /// cursor; else, with `fallback`, the first of `fallbackTypes` terminfo knows, with a
    /// note for the person. A known type that cannot move the cursor (`dumb`) is refused,
    /// not replaced: the terminal really is like that. Probing writes nothing to `fd`.
    static func chooseType(_ requested: String?, fallback: Bool, fd: Int32) throws -> (type: String, note: String?) {
        let name = requested ?? ""
        if !name.isEmpty {
            switch clerk_probe_terminal(name, fd) {
            case 1: return (name, nil)
            case 2: throw TerminalError.cannotAddressCursor(termType: name)
            default: break
            }
        }
        guard fallback else { throw TerminalError.cannotStart(termType: name) }
        for candidate in fallbackTypes where clerk_probe_terminal(candidate, fd) == 1 {
            let note = name.isEmpty ? "TERM is not set; using \(candidate)" : "TERM \(name) is not known here; using \(candidate)"
            return (candidate, note)
        }
        throw TerminalError.cannotStart(termType: name)
    }

    /// Sets the C library's locale from the environment (ncursesw measures and draws wide
    /// characters by it) and says whether its character set is UTF-8. A UTF-8 locale the
    /// environment names but this host lacks (a client's locale forwarded over SSH) still
    /// says the terminal speaks UTF-8: the character set is then taken from C.UTF-8.
    static func chooseLocale(requested: String?) -> Bool {
        let found = setlocale(LC_ALL, "") != nil
        if clerk_codeset_is_utf8() != 0 { return true }
        guard !found, let name = requested?.lowercased(), name.contains("utf-8") || name.contains("utf8"),
              setlocale(LC_CTYPE, "C.UTF-8") != nil
        else { return false }
        return clerk_codeset_is_utf8() != 0
    }
}
