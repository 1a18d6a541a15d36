/// The one seam between the interface and the screen: a grid of cells to draw into and a
/// stream of input events.
///
/// ```swift
/// term.fill(Rect(term.size), style: .plain)
/// term.put("Agenda", at: Point(x: 2, y: 0), style: Style(bold: true))
/// term.setCursor(nil)
/// term.flush()
/// while let event = term.readInput(timeoutMs: 1000) { … }
/// ```
///
/// Drawing goes into a back buffer and is retained between frames: a caller may redraw
/// everything each frame or only what changed; `flush` sends only the cells that differ
/// from what the terminal shows. All text is sanitised (`Sanitize.visible`) and clipped by
/// display width (`DisplayWidth`), so callers may pass untrusted strings and off-screen
/// coordinates. Implementations: `NcursesTerminal` (a real terminal, or headless) and
/// `VirtualTerminal` (in memory, for tests).
public protocol Terminal: AnyObject {
    /// The screen's size in cells; changes only when a `.resize` event is read.
    var size: Size { get }

    /// How many colours can be shown: 0 (monochrome, or `NO_COLOR` set), 8, 16 or 256.
    /// With 0, colours in a `Style` are ignored and only attributes show.
    var colorCount: Int { get }

    /// Draws `text` on one row from `at`, clipped to the screen by display width. A
    /// double-width character that does not fit in the last column becomes a space.
    func put(_ text: String, at: Point, style: Style)

    /// Fills `rect` (clipped to the screen) with blanks in `style`.
    func fill(_ rect: Rect, style: Style)

    /// Where the cursor is shown after the next `flush`; nil hides it.
    func setCursor(_ p: Point?)

    /// Presents the frame: only cells changed since the last flush reach the terminal.
    func flush()

    /// The next input event, waiting up to `timeoutMs` milliseconds (0 polls, a negative
    /// value waits indefinitely); nil on timeout.
    func readInput(timeoutMs: Int) -> InputEvent?

    /// The file descriptor keys arrive on, for a loop that also waits on other descriptors
    /// (poll(2)); nil when input does not come from a descriptor.
    var inputDescriptor: Int32? { get }

    /// True once the terminal has gone (the SSH connection dropped, the terminal window
    /// closed) even if no hang-up signal arrived: nothing more can be read.
    var isHungUp: Bool { get }

    /// Makes the next `flush` draw every cell again, whatever the terminal shows now
    /// (another program wrote over it; the person pressed C-l).
    func repaint()

    /// Hands the terminal back to the shell and stops the process, as Ctrl-Z does in a
    /// shell; returns once the process is continued (`fg`), with everything drawn again
    /// on the next `flush`. Returns false at once, changing nothing, when there is no
    /// job-control shell to return to.
    func suspend() -> Bool
}

extension Terminal {
    public var inputDescriptor: Int32? { nil }
    public var isHungUp: Bool { false }
    public func repaint() {}
    public func suspend() -> Bool { false }

    /// Draws `text` in the plain style.
    public func put(_ text: String, at p: Point) {
        put(text, at: p, style: .plain)
    }

    /// Blanks the whole screen in `style`.
    public func clear(style: Style = .plain) {
        fill(Rect(size), style: style)
    }
}
