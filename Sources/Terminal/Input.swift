/// Something the user did, as read from the terminal.
public enum InputEvent: Hashable, Sendable {
    case key(Key)
    /// Text pasted while bracketed paste was on, delivered whole. Line breaks are
    /// normalised to "\n"; the text is otherwise raw (sanitised only when drawn).
    case paste(String)
    case mouse(MouseEvent)
    /// The terminal now has this size; the frame has already been resized to it.
    case resize(Size)
}

/// A key press. Printable characters arrive as `.char`; Ctrl-A…Ctrl-Z (other than
/// Tab, Enter and Backspace, which have their own cases) as `.ctrl("a")`…`.ctrl("z")`;
/// Escape-prefixed keys (Alt/Meta) as `.alt`.
public enum Key: Hashable, Sendable {
    case char(Character)
    /// A control key, named by its lowercase letter (or "@", "[", "\\", "]", "^", "_").
    case ctrl(Character)
    case alt(Character)
    case enter, tab, backTab, backspace, delete, escape
    case up, down, left, right
    case home, end, pageUp, pageDown, insert
    /// Function key F1…F63.
    case f(Int)
}

/// A mouse action at a cell.
public struct MouseEvent: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        case press, release, click, wheelUp, wheelDown
    }

    public enum Button: Hashable, Sendable {
        case left, middle, right
        /// Wheel events carry no button.
        case none
    }

    public var kind: Kind
    public var button: Button
    public var at: Point

    public init(_ kind: Kind, button: Button = .left, at: Point) {
        self.kind = kind
        self.button = button
        self.at = at
    }
}
