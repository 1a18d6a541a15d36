import Terminal

/// Key names as written in the action table and keys.toml, to and from `Terminal.Key`.
///
/// ```swift
/// KeySpec.key(named: "C-n")      // .ctrl("n")
/// KeySpec.name(of: .backTab)     // "S-Tab"
/// ```
///
/// Names: a single printable character ("j", "?", "G"), "Space", "Enter", "Tab", "S-Tab",
/// "Esc", "Backspace", "Delete", "Insert", "Up", "Down", "Left", "Right", "Home", "End",
/// "PgUp", "PgDn", "F1"…"F63", "C-a"…"C-z" (Ctrl) and "M-x" (Alt with a printable
/// character or Space). Named keys are matched without regard to case ("enter"), and a
/// few long spellings are accepted ("Escape", "PageUp"); `name(of:)` always gives the
/// short form above.
///
/// Some Ctrl keys send the same byte as a named key, so the terminal cannot tell them
/// apart: "C-i" is Tab, "C-m" and "C-j" are Enter, "C-h" is Backspace, "C-[" is Esc.
/// Alt with a named key ("M-Up") is not something the terminal layer reports, so it is
/// not a valid name.
public enum KeySpec {
    /// The key a name stands for, or nil if the name is not one clerk understands.
    public static func key(named name: String) -> Key? {
        if name.count == 1, let c = name.first {
            return isPrintable(c) ? .char(c) : nil
        }
        if let key = named[name.lowercased()] { return key }
        if name.count == 3, name.hasPrefix("C-") || name.hasPrefix("c-"), let c = name.last {
            return ctrl(c)
        }
        let lower = name.lowercased()
        if lower == "c-space" { return .ctrl("@") }
        if name.count == 3, name.hasPrefix("M-") || name.hasPrefix("m-"), let c = name.last {
            return isPrintable(c) ? .alt(c) : nil
        }
        if lower == "m-space" { return .alt(" ") }
        if lower.hasPrefix("f"), let n = Int(lower.dropFirst()), (1...63).contains(n),
           !lower.dropFirst().hasPrefix("0"), !lower.dropFirst().hasPrefix("+") {
            return .f(n)
        }
        return nil
    }

    /// The short name of a key, the form the docs and the `?` overlay show.
    public static func name(of key: Key) -> String {
        switch key {
        case .char(" "): "Space"
        case .char(let c): String(c)
        case .ctrl("@"): "C-Space"
        case .ctrl(let c): "C-\(c)"
        case .alt(" "): "M-Space"
        case .alt(let c): "M-\(c)"
        case .enter: "Enter"
        case .tab: "Tab"
        case .backTab: "S-Tab"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .escape: "Esc"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .home: "Home"
        case .end: "End"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .insert: "Insert"
        case .f(let n): "F\(n)"
        }
    }

    /// The name in its short form ("enter" → "Enter", "C-m" → "Enter"), or nil if unknown.
    public static func canonical(_ name: String) -> String? {
        key(named: name).map(Self.name(of:))
    }

    /// The one-line message for a name that is not a key.
    public static func unknownKeyMessage(_ name: String, line: Int, file: String = "keys.toml") -> String {
        "unknown key '\(name)' on line \(line) of \(file): write keys like C-x, M-x, S-Tab, F5, Enter"
    }

    private static let named: [String: Key] = [
        "space": .char(" "),
        "enter": .enter, "return": .enter,
        "tab": .tab, "s-tab": .backTab, "backtab": .backTab,
        "esc": .escape, "escape": .escape,
        "backspace": .backspace, "bs": .backspace,
        "delete": .delete, "del": .delete,
        "insert": .insert, "ins": .insert,
        "up": .up, "down": .down, "left": .left, "right": .right,
        "home": .home, "end": .end,
        "pgup": .pageUp, "pageup": .pageUp, "pgdn": .pageDown, "pagedown": .pageDown,
    ]

    /// Ctrl with a letter or one of @ [ \ ] ^ _, as the terminal layer reports it.
    private static func ctrl(_ c: Character) -> Key? {
        let lower = Character(c.lowercased())
        switch lower {
        case "i": return .tab
        case "m", "j": return .enter
        case "h": return .backspace
        case "[": return .escape
        case "a"..."z", "@", "\\", "]", "^", "_": return .ctrl(lower)
        default: return nil
        }
    }

    private static func isPrintable(_ c: Character) -> Bool {
        if c.isASCII { return c.asciiValue.map { (0x20...0x7E).contains($0) } ?? false }
        return !c.isWhitespace && !c.unicodeScalars.contains {
            $0.properties.generalCategory == .control || $0.properties.generalCategory == .format
        }
    }
}
