/// An in-memory terminal for tests: draw into it, flush, and read the screen back as text.
///
/// ```swift
/// let term = VirtualTerminal(size: Size(cols: 20, rows: 3))
/// term.put("Quorum: 5/7", at: .zero, style: .plain)
/// term.flush()
/// #expect(term.snapshot() == "Quorum: 5/7\n\n")
/// ```
///
/// It behaves like a real terminal in the ways tests care about: only what was flushed is
/// on its screen, a resize queues a `.resize` event, and input comes from a script.
public final class VirtualTerminal: Terminal {
    private var frame: FrameBuffer
    /// What the terminal shows: the result of every flush so far.
    private var screen: Surface
    private var pendingCursor: Point?
    private var queue: [InputEvent] = []

    public let colorCount: Int
    /// Where the cursor was shown by the last flush; nil when hidden.
    public private(set) var cursor: Point?
    /// How many cells the last flush changed (continuation cells included).
    public private(set) var lastFlushChangedCells = 0
    /// How many times `flush` has been called.
    public private(set) var flushCount = 0

    public init(size: Size, colorCount: Int = 256) {
        frame = FrameBuffer(size: size)
        screen = Surface(size: size)
        self.colorCount = colorCount
    }

    public var size: Size { frame.size }

    public func put(_ text: String, at p: Point, style: Style) {
        frame.back.put(text, at: p, style: style)
    }

    public func fill(_ rect: Rect, style: Style) {
        frame.back.fill(rect, style: style)
    }

    public func setCursor(_ p: Point?) {
        pendingCursor = p
    }

    public func flush() {
        let changes = frame.present()
        for change in changes where !change.cell.isContinuation {
            screen.put(change.cell.text, at: change.point, style: change.cell.style)
        }
        if let p = pendingCursor, Rect(size).contains(p) { cursor = p } else { cursor = nil }
        lastFlushChangedCells = changes.count
        flushCount += 1
    }

    /// The next scripted event, or nil when the script is exhausted (never waits).
    public func readInput(timeoutMs: Int) -> InputEvent? {
        queue.isEmpty ? nil : queue.removeFirst()
    }

    /// Forgets what the screen shows, as C-l does: the next flush sends every cell.
    public func repaint() {
        frame.invalidate()
        repaintCount += 1
    }

    /// How many times `repaint` has been called.
    public private(set) var repaintCount = 0

    // MARK: - Scripting

    /// Writes `text` straight onto the screen, past the frame, as another program
    /// writing to the same terminal would: only a repaint puts the frame back.
    public func scribble(_ text: String, at p: Point) {
        screen.put(text, at: p, style: .plain)
    }

    /// Queues events to be read, in order.
    public func send(_ events: InputEvent...) {
        queue += events
    }

    /// Queues one `.key(.char)` per character of `text`.
    public func type(_ text: String) {
        queue += text.map { .key(.char($0)) }
    }

    /// Changes the size as a window resize would, and queues the `.resize` event.
    public func resize(to newSize: Size) {
        frame.resize(to: newSize)
        screen.resize(to: newSize)
        queue.append(.resize(newSize))
    }

    // MARK: - Reading the screen

    /// The screen as text: rows joined by "\n", a double-width character's second cell
    /// rendered as nothing, trailing spaces trimmed on every line.
    public func snapshot() -> String {
        screen.lines().joined(separator: "\n")
    }

    /// The cell shown at `p`, or nil off-screen.
    public func cell(at p: Point) -> Cell? {
        screen[p]
    }

    /// The style shown at `p`, or nil off-screen.
    public func style(at p: Point) -> Style? {
        screen[p]?.style
    }

    /// One character per cell marking where `matches` holds for the shown style ("#")
    /// and where not ("."), rows joined by "\n": a compact way to assert highlighting.
    public func styleSnapshot(where matches: (Style) -> Bool) -> String {
        (0..<size.rows).map { y in
            String((0..<size.cols).map { x in matches(screen[Point(x: x, y: y)]!.style) ? "#" : "." })
        }.joined(separator: "\n")
    }
}
