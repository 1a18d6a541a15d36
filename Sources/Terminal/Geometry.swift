/// A position on the screen, in cells. `x` is the column and `y` the row, both from 0
/// at the top-left corner. Negative values are allowed and simply fall off the screen.
public struct Point: Hashable, Sendable, CustomStringConvertible {
    public var x: Int
    public var y: Int

    public init(x: Int, y: Int) {
        self.x = x
        self.y = y
    }

    public static let zero = Point(x: 0, y: 0)

    public var description: String { "(\(x),\(y))" }
}

/// A size in cells. Negative values are clamped to zero, so a `Size` is never negative.
public struct Size: Hashable, Sendable, CustomStringConvertible {
    public var cols: Int { didSet { cols = max(0, cols) } }
    public var rows: Int { didSet { rows = max(0, rows) } }

    public init(cols: Int, rows: Int) {
        self.cols = max(0, cols)
        self.rows = max(0, rows)
    }

    public static let zero = Size(cols: 0, rows: 0)

    /// True when the size holds no cells.
    public var isEmpty: Bool { cols == 0 || rows == 0 }

    public var description: String { "\(cols)x\(rows)" }
}

/// A rectangle of cells: `origin` is the top-left cell, `size` how many columns and rows
/// it covers.
///
/// ```swift
/// let status = Rect(x: 0, y: screen.rows - 1, cols: screen.cols, rows: 1)
/// ```
public struct Rect: Hashable, Sendable, CustomStringConvertible {
    public var origin: Point
    public var size: Size

    public init(origin: Point, size: Size) {
        self.origin = origin
        self.size = size
    }

    public init(x: Int, y: Int, cols: Int, rows: Int) {
        self.init(origin: Point(x: x, y: y), size: Size(cols: cols, rows: rows))
    }

    /// The rectangle covering a whole screen of the given size.
    public init(_ size: Size) {
        self.init(origin: .zero, size: size)
    }

    public var minX: Int { origin.x }
    public var minY: Int { origin.y }
    /// One past the last column.
    public var maxX: Int { origin.x + size.cols }
    /// One past the last row.
    public var maxY: Int { origin.y + size.rows }
    public var isEmpty: Bool { size.isEmpty }

    public func contains(_ p: Point) -> Bool {
        p.x >= minX && p.x < maxX && p.y >= minY && p.y < maxY
    }

    /// The overlap of two rectangles; empty (with zero size) when they do not meet.
    public func intersection(_ other: Rect) -> Rect {
        let x0 = max(minX, other.minX), y0 = max(minY, other.minY)
        let x1 = min(maxX, other.maxX), y1 = min(maxY, other.maxY)
        return Rect(x: x0, y: y0, cols: max(0, x1 - x0), rows: max(0, y1 - y0))
    }

    /// The rectangle shrunk by `n` cells on every side (never below zero size).
    public func inset(by n: Int) -> Rect {
        Rect(x: minX + n, y: minY + n, cols: size.cols - 2 * n, rows: size.rows - 2 * n)
    }

    public var description: String { "\(origin)+\(size)" }
}
