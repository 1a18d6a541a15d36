/// A grid of cells that drawing goes into; both terminal implementations draw into one
/// and present it through `FrameBuffer`.
///
/// Drawing is clipped to the grid and walks text by display width: a double-width
/// character fills its cell and a continuation cell; one that would straddle the right
/// edge (or the left edge, at a negative x) is drawn as a space instead. Overwriting half
/// of a double-width character blanks its other half, so the grid never holds a broken
/// pair. All text is passed through `Sanitize.visible` first.
public struct Surface: Hashable, Sendable {
    public private(set) var size: Size
    private var cells: [Cell]

    public init(size: Size, filledWith cell: Cell = .blank) {
        self.size = size
        self.cells = Array(repeating: cell, count: size.cols * size.rows)
    }

    /// The cell at `p`, or nil when `p` is off the grid.
    public subscript(_ p: Point) -> Cell? {
        guard let i = index(p) else { return nil }
        return cells[i]
    }

    /// Draws `text` on one line starting at `p`, clipped to the grid. Returns the column
    /// just after the text (as if unclipped), so calls can be chained along a line.
    @discardableResult
    public mutating func put(_ text: String, at p: Point, style: Style = .plain) -> Int {
        var x = p.x
        let y = p.y
        let onRow = y >= 0 && y < size.rows
        for ch in Sanitize.visible(text) {
            let w = DisplayWidth.width(of: ch)
            if w == 0 { continue }  // an orphan combining mark has no cell of its own
            defer { x += w }
            guard onRow, x + w > 0, x < size.cols else { continue }
            if x < 0 || x + w > size.cols {
                // Straddles an edge: show the visible part as blanks.
                for cx in max(0, x)..<min(size.cols, x + w) {
                    set(Cell(" ", style: style), at: Point(x: cx, y: y))
                }
                continue
            }
            set(Cell(String(ch), style: style), at: Point(x: x, y: y))
            if w == 2 { set(Cell("", style: style), at: Point(x: x + 1, y: y)) }
        }
        return x
    }

    /// Fills `rect` (clipped to the grid) with blanks in `style`.
    public mutating func fill(_ rect: Rect, style: Style = .plain) {
        let r = rect.intersection(Rect(size))
        guard !r.isEmpty else { return }
        for y in r.minY..<r.maxY {
            for x in r.minX..<r.maxX {
                set(Cell(" ", style: style), at: Point(x: x, y: y))
            }
        }
    }

    /// Changes the grid's size, keeping the overlapping top-left content. Callers are
    /// expected to redraw after a resize.
    public mutating func resize(to newSize: Size) {
        guard newSize != size else { return }
        var resized = Surface(size: newSize)
        for y in 0..<min(size.rows, newSize.rows) {
            for x in 0..<min(size.cols, newSize.cols) {
                resized.cells[y * newSize.cols + x] = cells[y * size.cols + x]
            }
            // A double-width character cut in half by the new right edge becomes a blank.
            let last = newSize.cols - 1
            if last >= 0, last + 1 < size.cols, cells[y * size.cols + last + 1].isContinuation {
                resized.cells[y * newSize.cols + last] = Cell(" ", style: cells[y * size.cols + last].style)
            }
        }
        self = resized
    }

    /// The grid as text: one line per row, a continuation cell rendered as nothing (so
    /// columns line up as on a terminal), trailing spaces trimmed.
    public func lines() -> [String] {
        (0..<size.rows).map { y in
            var line = ""
            for x in 0..<size.cols { line += cells[y * size.cols + x].text }
            while line.last == " " { line.removeLast() }
            return line
        }
    }

    // MARK: - Internals

    private func index(_ p: Point) -> Int? {
        guard p.x >= 0, p.y >= 0, p.x < size.cols, p.y < size.rows else { return nil }
        return p.y * size.cols + p.x
    }

    /// Stores a single-width cell, a double-width leader or a continuation, first
    /// blanking the other half of any double-width character it would split.
    mutating func set(_ cell: Cell, at p: Point) {
        guard let i = index(p) else { return }
        let old = cells[i]
        if old.isContinuation, !cell.isContinuation, p.x > 0 {
            // Overwriting the right half: the left half loses its pair.
            cells[i - 1].text = " "
        }
        if !old.isContinuation, p.x + 1 < size.cols, cells[i + 1].isContinuation, DisplayWidth.width(of: old.text) == 2,
            DisplayWidth.width(of: cell.text) != 2
        {
            // Overwriting the left half with something narrow: the right half is orphaned.
            cells[i + 1].text = " "
        }
        cells[i] = cell
    }
}

/// A back buffer that drawing goes into and a front buffer holding what the terminal
/// shows; `present()` yields only the cells that differ and then makes them equal.
struct FrameBuffer: Sendable {
    var back: Surface
    private var front: Surface
    /// False after a resize: the terminal's content is unknown, so everything is sent.
    private var frontValid = true

    init(size: Size) {
        back = Surface(size: size)
        front = Surface(size: size)
    }

    var size: Size { back.size }

    mutating func resize(to size: Size) {
        back.resize(to: size)
        front = Surface(size: size)
        frontValid = false
    }

    /// Forgets what the terminal shows (something else wrote to it): the next
    /// `present()` yields every cell.
    mutating func invalidate() {
        frontValid = false
    }

    /// Cells changed since the last call, in row-major order (continuation cells
    /// included, so a consumer that cannot use them simply skips them).
    mutating func present() -> [(point: Point, cell: Cell)] {
        var changes: [(point: Point, cell: Cell)] = []
        for y in 0..<back.size.rows {
            for x in 0..<back.size.cols {
                let p = Point(x: x, y: y)
                let cell = back[p]!
                if !frontValid || front[p] != cell { changes.append((p, cell)) }
            }
        }
        front = back
        frontValid = true
        return changes
    }
}
