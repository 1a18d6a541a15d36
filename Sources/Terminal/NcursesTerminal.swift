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
private let ncursesActive = Mutex(false)

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
    private var frame: FrameBuffer
    private var decoder = InputDecoder()
    private let screen: OpaquePointer
    private let output: UnsafeMutablePointer<FILE>
    private let input: UnsafeMutablePointer<FILE>
    private let ownsFiles: Bool
    private var cursor: Point?
    private var cursorVisible: Bool?
    private var pairs: [PairKey: Int16] = [:]
    private var defaultColors = false
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

    /// Tried in order when terminfo does not know `TERM`.
    public static let fallbackTypes = ["xterm-256color", "xterm", "vt100"]

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
    private func checkHangUp() {
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

    // MARK: - Drawing

    private func draw(_ cell: Cell, at p: Point, in win: UnsafeMutablePointer<WINDOW>?) {
        let width = DisplayWidth.width(of: cell.text)
        if !isUnicode, !cell.text.unicodeScalars.allSatisfy(\.isASCII) {
            drawAscii(cell, width: width, at: p, in: win)
            return
        }
        let glyphs = CellEncoding.glyphs(for: cell.text, width: width, maxScalars: Int(clerk_CCHARW_MAX())) {
            Int(clerk_wcwidth($0))
        }
        let attrs = attributes(for: cell.style)
        let pair = pair(for: cell.style)
        for (offset, scalars) in glyphs.enumerated() {
            var wide = scalars.map { wchar_t(bitPattern: $0) }
            wide.append(0)
            var cc = cchar_t()
            setcchar(&cc, wide, attrs, pair, nil)
            mvwadd_wch(win, Int32(p.y), Int32(p.x + offset), &cc)
        }
    }

    /// A cell beyond ASCII on a terminal whose locale is not UTF-8 (see `AsciiFallback`).
    private func drawAscii(_ cell: Cell, width: Int, at p: Point, in win: UnsafeMutablePointer<WINDOW>?) {
        let attrs = attributes(for: cell.style)
        let pair = pair(for: cell.style)
        for (offset, glyph) in AsciiFallback.glyphs(for: cell.text, width: width).enumerated() {
            let x = Int32(p.x + offset), y = Int32(p.y)
            switch glyph {
            case .ascii(let byte):
                var cc = cchar_t()
                setcchar(&cc, [wchar_t(byte), 0], attrs, pair, nil)
                mvwadd_wch(win, y, x, &cc)
            case .lineDrawing(let letter):
                wattr_set(win, attrs, pair, nil)
                mvwaddch(win, y, x, clerk_acs(letter))
                wattr_set(win, clerk_A_NORMAL(), 0, nil)
            }
        }
    }

    private func attributes(for style: Style) -> attr_t {
        var a = clerk_A_NORMAL()
        if style.bold { a |= clerk_A_BOLD() }
        if style.reverse { a |= clerk_A_REVERSE() }
        if style.underline { a |= clerk_A_UNDERLINE() }
        if style.dim { a |= clerk_A_DIM() }
        return a
    }

    private struct PairKey: Hashable {
        var fg: Int16
        var bg: Int16
    }

    /// The colour pair for a style's colours, created on first use; 0 (the terminal's
    /// defaults) when colours are off or the terminal has no pairs left.
    private func pair(for style: Style) -> Int16 {
        guard colorCount > 0, style.fg != nil || style.bg != nil else { return 0 }
        func index(_ c: Color?, fallback: Int16) -> Int16 {
            guard let c else { return defaultColors ? -1 : fallback }
            return Int16(c.approximated(toCount: colorCount).index)
        }
        let key = PairKey(fg: index(style.fg, fallback: 7), bg: index(style.bg, fallback: 0))
        if let n = pairs[key] { return n }
        let n = pairs.count + 1
        guard n < min(Int(clerk_COLOR_PAIRS()), Int(Int16.max)) else { return 0 }
        init_pair(Int16(n), key.fg, key.bg)
        pairs[key] = Int16(n)
        return Int16(n)
    }

    private func setCursorVisible(_ visible: Bool) {
        guard cursorVisible != visible else { return }
        cursorVisible = visible
        curs_set(visible ? 1 : 0)
    }

    /// Writes bytes straight to the terminal, past ncurses (only for mode switches
    /// ncurses does not know about).
    private func writeRaw(_ s: String) {
        fflush(output)
        var bytes = Array(s.utf8)
        _ = Glibc.write(fileno(output), &bytes, bytes.count)
    }

    // MARK: - Input

    private func readRaw(timeoutMs: Int) -> RawInput? {
        let win = clerk_stdscr()
        wtimeout(win, Int32(clamping: timeoutMs))
        var ch: wint_t = 0
        let result = wget_wch(win, &ch)
        if result == clerk_ERR() {
            checkHangUp()
            return nil
        }
        if result != clerk_KEY_CODE_YES() {
            return Unicode.Scalar(UInt32(ch)).map(RawInput.scalar) ?? .ignored
        }
        let code = Int32(ch)
        if code == clerk_KEY_RESIZE() {
            frame.resize(to: Size(cols: Int(clerk_getmaxx(win)), rows: Int(clerk_getmaxy(win))))
            return .event(.resize(frame.size))
        }
        if code == clerk_KEY_MOUSE() {
            var ev = MEVENT()
            guard getmouse(&ev) == clerk_OK(), let mouse = Self.mouseEvent(ev) else { return .ignored }
            return .event(.mouse(mouse))
        }
        return Self.key(forCode: code).map { .event(.key($0)) } ?? .ignored
    }

    private static func key(forCode code: Int32) -> Key? {
        switch code {
        case clerk_KEY_UP(): return .up
        case clerk_KEY_DOWN(): return .down
        case clerk_KEY_LEFT(): return .left
        case clerk_KEY_RIGHT(): return .right
        case clerk_KEY_HOME(): return .home
        case clerk_KEY_END(): return .end
        case clerk_KEY_PPAGE(): return .pageUp
        case clerk_KEY_NPAGE(): return .pageDown
        case clerk_KEY_IC(): return .insert
        case clerk_KEY_DC(): return .delete
        case clerk_KEY_BACKSPACE(): return .backspace
        case clerk_KEY_ENTER(): return .enter
        case clerk_KEY_BTAB(): return .backTab
        case clerk_KEY_F(1)...clerk_KEY_F(63): return .f(Int(code - clerk_KEY_F0()))
        default: return nil
        }
    }

    private static func mouseEvent(_ ev: MEVENT) -> MouseEvent? {
        let at = Point(x: Int(ev.x), y: Int(ev.y))
        let s = ev.bstate
        func has(_ m: mmask_t) -> Bool { s & m != 0 }
        if has(clerk_BUTTON4_PRESSED()) { return MouseEvent(.wheelUp, button: .none, at: at) }
        if has(clerk_BUTTON5_PRESSED()) { return MouseEvent(.wheelDown, button: .none, at: at) }
        let buttons: [(MouseEvent.Button, mmask_t, mmask_t, mmask_t)] = [
            (.left, clerk_BUTTON1_PRESSED(), clerk_BUTTON1_RELEASED(), clerk_BUTTON1_CLICKED()),
            (.middle, clerk_BUTTON2_PRESSED(), clerk_BUTTON2_RELEASED(), clerk_BUTTON2_CLICKED()),
            (.right, clerk_BUTTON3_PRESSED(), clerk_BUTTON3_RELEASED(), clerk_BUTTON3_CLICKED()),
        ]
        for (button, pressed, released, clicked) in buttons {
            if has(clicked) { return MouseEvent(.click, button: button, at: at) }
            if has(pressed) { return MouseEvent(.press, button: button, at: at) }
            if has(released) { return MouseEvent(.release, button: button, at: at) }
        }
        return nil
    }
}
