/// One of the 256 indexed terminal colours: 0–7 the basic colours, 8–15 their bright
/// variants, 16–231 the 6×6×6 cube, 232–255 the grey ramp. "The terminal's default
/// colour" is spelled `nil` wherever a `Color?` is taken.
public struct Color: Hashable, Sendable {
    public var index: UInt8

    public init(_ index: UInt8) { self.index = index }

    public static let black = Color(0)
    public static let red = Color(1)
    public static let green = Color(2)
    public static let yellow = Color(3)
    public static let blue = Color(4)
    public static let magenta = Color(5)
    public static let cyan = Color(6)
    public static let white = Color(7)
    public static let brightBlack = Color(8)
    public static let brightWhite = Color(15)

    /// The colour nearest to `self` among the first `count` colours (count 8, 16 or 256),
    /// for terminals that have fewer colours than a theme asks for.
    public func approximated(toCount count: Int) -> Color {
        let n = Int(index)
        if n < count { return self }
        if n < 16 { return Color(UInt8(n - 8)) }  // bright → basic
        let (r, g, b) = rgb
        // Brightness picks between basic and bright when 16 are available.
        let bits = (r > 127 ? 1 : 0) | (g > 127 ? 2 : 0) | (b > 127 ? 4 : 0)
        let bright = count >= 16 && max(r, g, b) > 191
        return Color(UInt8(bits + (bright ? 8 : 0)))
    }

    /// Approximate RGB of an index in xterm's palette (used only to approximate).
    var rgb: (Int, Int, Int) {
        let n = Int(index)
        if n >= 232 { let v = 8 + (n - 232) * 10; return (v, v, v) }
        if n >= 16 {
            let c = n - 16, steps = [0, 95, 135, 175, 215, 255]
            return (steps[c / 36], steps[(c / 6) % 6], steps[c % 6])
        }
        let v = n >= 8 ? 255 : 128
        return ((n & 1) != 0 ? v : 0, (n & 2) != 0 ? v : 0, (n & 4) != 0 ? v : 0)
    }
}

/// How a cell looks: colours (nil = the terminal's default) and attributes.
/// On a monochrome terminal (`colorCount == 0`) colours are ignored and only the
/// attributes show, so themes should carry meaning in attributes too.
public struct Style: Hashable, Sendable {
    public var fg: Color?
    public var bg: Color?
    public var bold: Bool
    public var reverse: Bool
    public var underline: Bool
    public var dim: Bool

    public init(
        fg: Color? = nil, bg: Color? = nil,
        bold: Bool = false, reverse: Bool = false, underline: Bool = false, dim: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.reverse = reverse
        self.underline = underline
        self.dim = dim
    }

    /// Default colours, no attributes.
    public static let plain = Style()
}

/// One screen cell: the grapheme cluster drawn in it and its style.
///
/// A double-width character occupies two cells: the first holds the text, the second is
/// a *continuation* cell (empty `text`) that renders as nothing.
public struct Cell: Hashable, Sendable {
    /// One grapheme cluster already sanitised; `""` for a continuation cell.
    public var text: String
    public var style: Style

    public init(_ text: String, style: Style = .plain) {
        self.text = text
        self.style = style
    }

    public static let blank = Cell(" ")

    /// True for the right half of a double-width character.
    public var isContinuation: Bool { text.isEmpty }
}
