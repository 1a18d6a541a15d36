import CFatalSignals
import CNcursesw
import Glibc
import Synchronization

/// Errors from starting a terminal.
public enum TerminalError: Error, Equatable, Sendable, CustomStringConvertible {
    /// Another `NcursesTerminal` is running; ncurses supports one screen at a time here.
    case alreadyActive
    /// A file (the tty, or a headless input/output path) could not be opened.
    case cannotOpen(String)
    /// ncurses could not start for this terminal type, nor for any fallback (check `TERM`).
    case cannotStart(termType: String)
    /// The terminal type is known but cannot move the cursor (`dumb`, a printing
    /// terminal): a full-screen program cannot run on it.
    case cannotAddressCursor(termType: String)

    public var description: String {
        switch self {
        case .alreadyActive: "the screen is already in use by this program"
        case .cannotOpen(let path): "cannot open \(path)"
        case .cannotStart(let type):
            "no terminal description for TERM \(type.isEmpty ? "(not set)" : type), nor for "
                + NcursesTerminal.fallbackTypes.joined(separator: ", ") + "; install ncurses-base or set TERM"
        case .cannotAddressCursor(let type): "the terminal (TERM \(type)) cannot move the cursor"
        }
    }
}

/// Only one screen may be live: ncurses keeps global state.
let ncursesActive = Mutex(false)

/// The real terminal, driven through ncursesw.
///
/// ```swift
/// let term = try NcursesTerminal()
/// defer { term.end() }
/// ```
///
/// Starts in raw mode (Ctrl-C, Ctrl-Z and Ctrl-Q arrive as keys), without echo, with
/// function keys, the mouse (clicks and wheel) and bracketed paste switched on. ncurses
/// owns SIGWINCH and reports a resize as `.resize`. Call `end()` before exiting; it is
/// idempotent, so a signal-driven shutdown path may call it too.
///
/// The headless form runs ncurses on files instead of a tty, for tests:
/// `try NcursesTerminal(headless: Size(cols: 80, rows: 24))`.
public final class NcursesTerminal: Terminal {
    var frame: FrameBuffer
    private var decoder = InputDecoder()
    private let screen: OpaquePointer
    let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let ownsFiles: Bool
    private var cursor: Point?
    var cursorVisible: Bool?
    var pairs: [PairKey: Int16] = [:]
    var defaultColors = false
    private var ended = false
    private var mouseMask: mmask_t = 0

    public let colorCount: Int
    /// The terminfo entry in use: `TERM`, or a fallback when terminfo does not know it.
    public let termType: String
    /// One line for the person when the terminal type is not the one `TERM` named (nil
    /// when it is): "TERM xterm-ghostty is not known here; using xterm-256color".
    public let startNote: String?
    /// Whether characters beyond ASCII can be sent. False when the locale's character set
    /// is not UTF-8 (`LANG=C`): then lines, arrows and bullets are drawn with the
    /// terminal's line-drawing set and other characters with ASCII stand-ins
    /// (`AsciiFallback`).
    public let isUnicode: Bool

    /// Starts on the controlling terminal (standard input/output when they are a tty,
    /// else /dev/tty). `termType` is `TERM` as the environment gives it; when terminfo does
    /// not know it (or it is unset), the first of `fallbackTypes` that terminfo knows is
    /// used and `startNote` says so. `localeName` is the locale the environment asks for
    /// (`LC_ALL`, else `LC_CTYPE`, else `LANG`); see `isUnicode`.
    public convenience init(termType: String?, localeName: String? = nil) throws {
        let setup = Setup(termType: termType, fallback: true, localeName: localeName, headlessSize: nil)
        if isatty(STDIN_FILENO) == 1, isatty(STDOUT_FILENO) == 1,
            let out = fdopen(STDOUT_FILENO, "w"), let inp = fdopen(STDIN_FILENO, "r")
        {
            // Streams of our own on fds 0 and 1; never closed, so the fds stay open.
            try self.init(setup, output: out, input: inp, ownsFiles: false)
        } else {
            guard let tty = fopen("/dev/tty", "r+") else { throw TerminalError.cannotOpen("/dev/tty") }
            do {
                try self.init(setup, output: tty, input: tty, ownsFiles: true)
            } catch {
                fclose(tty)
                throw error
            }
        }
    }

    /// Starts ncurses on files rather than a tty, at a fixed size: for tests. Bytes ncurses
    /// would send to the terminal go to `outputPath`; input is read from `inputPath`.
    public convenience init(
        headless size: Size, termType: String = "xterm-256color",
        outputPath: String = "/dev/null", inputPath: String = "/dev/null", fallback: Bool = false
    ) throws {
        guard let out = fopen(outputPath, "w") else { throw TerminalError.cannotOpen(outputPath) }
        guard let inp = fopen(inputPath, "r") else {
            fclose(out)
            throw TerminalError.cannotOpen(inputPath)
        }
        do {
            try self.init(Setup(termType: termType, fallback: fallback, localeName: nil, headlessSize: size),
                          output: out, input: inp, ownsFiles: true)
        } catch {
            fclose(out)
            fclose(inp)
            throw error
        }
    }

    /// What a start was asked for.
    private struct Setup {
        var termType: String?
        var fallback: Bool
        var localeName: String?
        var headlessSize: Size?
    }

    private init(
        _ setup: Setup, output: UnsafeMutablePointer<FILE>, input: UnsafeMutablePointer<FILE>, ownsFiles: Bool
    ) throws {
        let claimed = ncursesActive.withLock { active in
            if active { return false }
            active = true
            return true
        }
        guard claimed else { throw TerminalError.alreadyActive }

        let chosen: (type: String, note: String?)
        do {
            chosen = try Self.chooseType(setup.termType, fallback: setup.fallback, fd: fileno(output))
        } catch {
            ncursesActive.withLock { $0 = false }
            throw error
        }
        isUnicode = Self.chooseLocale(requested: setup.localeName)
        // The terminal's modes as they are now are what a crash puts back (FatalSignals).
        clerk_fatal_signals_screen_starting(fileno(output), fileno(input))
        guard let screen = newterm(chosen.type, output, input) else {
            clerk_fatal_signals_screen_ended()
            ncursesActive.withLock { $0 = false }
            throw TerminalError.cannotStart(termType: chosen.type)
        }
        termType = chosen.type
        startNote = chosen.note
        let headlessSize = setup.headlessSize
        set_term(screen)
        self.screen = screen
        self.output = output
        self.input = input
        self.ownsFiles = ownsFiles

        let win = clerk_stdscr()
        if let size = headlessSize {
            resizeterm(Int32(max(1, size.rows)), Int32(max(1, size.cols)))
            flushinp()  // drop the KEY_RESIZE that resizeterm queued
        }
        raw()
        noecho()
        nonl()
        keypad(win, true)
        meta(win, true)
        set_escdelay(25)

        let noColor = getenv("NO_COLOR").map { $0.pointee != 0 } ?? false
        if has_colors(), !noColor, start_color() == clerk_OK() {
            defaultColors = use_default_colors() == clerk_OK()
            colorCount = Int(min(clerk_COLORS(), 256))
        } else {
            colorCount = 0
        }

        let mask =
            clerk_BUTTON1_PRESSED() | clerk_BUTTON1_RELEASED() | clerk_BUTTON1_CLICKED()
            | clerk_BUTTON2_CLICKED() | clerk_BUTTON3_PRESSED() | clerk_BUTTON3_RELEASED()
            | clerk_BUTTON3_CLICKED() | clerk_BUTTON4_PRESSED() | clerk_BUTTON5_PRESSED()
        mouseMask = mask
        mousemask(mask, nil)

        frame = FrameBuffer(size: Size(cols: Int(clerk_getmaxx(win)), rows: Int(clerk_getmaxy(win))))
        frame.resize(to: frame.size)  // the screen's content is unknown: first flush draws all
        writeRaw("\u{1B}[?2004h")  // bracketed paste on
    }

    deinit {
        end()
        delscreen(screen)
        if ownsFiles {
            fclose(output)
            if input != output { fclose(input) }
        }
    }

    // MARK: - Terminal

    public var size: Size { frame.size }

    public func put(_ text: String, at p: Point, style: Style) {
        frame.back.put(text, at: p, style: style)
    }

    public func fill(_ rect: Rect, style: Style) {
        frame.back.fill(rect, style: style)
    }

    public func setCursor(_ p: Point?) {
        cursor = p
    }

    public func flush() {
        guard !ended else { return }
        let win = clerk_stdscr()
        for (p, cell) in frame.present() where !cell.isContinuation {
            draw(cell, at: p, in: win)
        }
        if let p = cursor, Rect(size).contains(p) {
            setCursorVisible(true)
            wmove(win, Int32(p.y), Int32(p.x))
        } else {
            setCursorVisible(false)
        }
        wnoutrefresh(win)
        doupdate()
    }

    public var inputDescriptor: Int32? { ended ? nil : fileno(input) }

    public func readInput(timeoutMs: Int) -> InputEvent? {
        guard !ended, !isHungUp else { return nil }
        return decoder.next(timeoutMs: timeoutMs) { [unowned self] ms in readRaw(timeoutMs: ms) }
    }

    public private(set) var isHungUp = false

    /// After a read that gave nothing: whether the input has hung up (poll says so), so
    /// that the loop stops instead of spinning on a terminal that is gone.
    func checkHangUp() {
        var fds = pollfd(fd: fileno(input), events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, 0) > 0 else { return }
        if fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0 { isHungUp = true }
    }

    // MARK: - Lifecycle

    /// Restores the terminal: mouse and bracketed paste off, ncurses ended. Safe to call
    /// more than once; the terminal does nothing afterwards.
    public func end() {
        guard !ended else { return }
        ended = true
        mousemask(0, nil)
        endwin()
        writeRaw("\u{1B}[?2004l")  // bracketed paste off
        clerk_fatal_signals_screen_ended()
        ncursesActive.withLock { $0 = false }
    }

    public func repaint() {
        guard !ended else { return }
        _ = clerk_clear_on_next_update()
    }

    /// Stops the process with the terminal restored to the shell (`endwin`, SIGTSTP with
    /// its default action), and on `fg` takes the terminal back and repaints. Without a
    /// job-control shell — the process in its session leader's group, as under `sh -c` or
    /// an SSH ForceCommand — the stop would be discarded or leave nothing to return to,
    /// so nothing is done.
    public func suspend() -> Bool {
        guard !ended, getpgrp() != getsid(0) else { return false }
        mousemask(0, nil)
        writeRaw("\u{1B}[?2004l")
        endwin()
        var tstp = sigset_t()
        sigemptyset(&tstp)
        sigaddset(&tstp, SIGTSTP)
        var blocked = sigset_t()
        pthread_sigmask(SIG_UNBLOCK, &tstp, &blocked)
        let previous = signal(SIGTSTP, SIG_DFL)
        raise(SIGTSTP)
        // Continued (fg): the next doupdate puts the terminal back in raw mode.
        signal(SIGTSTP, previous)
        pthread_sigmask(SIG_SETMASK, &blocked, nil)
        mousemask(mouseMask, nil)
        writeRaw("\u{1B}[?2004h")
        _ = clerk_clear_on_next_update()
        return true
    }

    /// Resizes the ncurses screen as a window resize would (`resizeterm`); the next
    /// `readInput` then reports `.resize`. Meant for headless use — a real terminal's
    /// size comes from the terminal itself.
    public func resize(to newSize: Size) {
        guard !ended else { return }
        resizeterm(Int32(max(1, newSize.rows)), Int32(max(1, newSize.cols)))
    }
}
