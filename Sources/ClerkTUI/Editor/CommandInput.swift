import Terminal

/// A one-line text field: the `:` command line, the search prompt, every form's line and
/// the action prompts. What is typed, where the cursor is, and the completion in use.
///
/// ```swift
/// var line = CommandInput()
/// _ = line.edit(.char("e")); _ = line.edit(.char("\u{301}")); _ = line.edit(.char("x"))
/// line.text     // "éx" (the mark joined the letter)
/// line.cursor   // 2
/// ```
///
/// The cursor counts grapheme clusters (`Character`s) and is always between two of them,
/// in `0...text.count`, whatever is typed, pasted or set: a combining mark typed on its
/// own joins the letter before it, a second regional indicator makes a flag with the
/// first, a ZWJ or a variation selector closes up an emoji sequence. Every change goes
/// through `replace(_:with:)`, which puts the cursor after the new text rounded up to a
/// whole cluster, so no arithmetic on counts can run past the end.
public struct CommandInput: Sendable, Hashable {
    /// Setting the text puts the cursor at its end.
    public var text: String {
        didSet { cursor = text.count }
    }

    /// The cursor, in characters from the start; setting it clamps it into the text.
    public var cursor: Int {
        didSet { cursor = max(0, min(cursor, text.count)) }
    }

    public var choice = 0

    /// A field holding `text` (as a line: normalised, line breaks as spaces), cursor at its end.
    public init(text: String = "") {
        self.text = CommandInput.oneLine(text)
        cursor = self.text.count
    }

    /// `text` as the field keeps it: normalised as the minutes editor does (escape
    /// sequences removed whole, tabs to spaces, controls and bidi controls dropped), and
    /// each run of line breaks one space.
    static func oneLine(_ text: String) -> String {
        let clean = TextEditor.normalised(text)
        guard clean.unicodeScalars.contains("\n") else { return clean }
        // By scalars: a line break is its own cluster, but a mark after it is not a letter's.
        var out = String.UnicodeScalarView()
        var pendingSpace = false
        for s in clean.unicodeScalars {
            if s == "\n" {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(" ") }
            pendingSpace = false
            out.append(s)
        }
        return String(out)
    }

    /// Replaces the characters `range` (in `Character`s) with `s`, and puts the cursor
    /// after `s`, rounded up to a whole cluster when `s` joined what follows it.
    mutating func replace(_ range: Range<Int>, with s: String) {
        let count = text.count
        let lower = max(0, min(range.lowerBound, count)), upper = max(lower, min(range.upperBound, count))
        let start = text.index(text.startIndex, offsetBy: lower)
        let end = text.index(start, offsetBy: upper - lower)
        let target = text.unicodeScalars[..<start].count + s.unicodeScalars.count
        text.replaceSubrange(start..<end, with: s)
        cursor = CommandInput.clusters(in: text, reaching: target)
        choice = 0
    }

    /// How many clusters of `text` it takes to cover its first `scalars` scalars.
    static func clusters(in text: String, reaching scalars: Int) -> Int {
        var clusters = 0, covered = 0
        for c in text {
            if covered >= scalars { break }
            covered += c.unicodeScalars.count
            clusters += 1
        }
        return clusters
    }

    mutating func insert(_ s: String) {
        replace(cursor..<cursor, with: s)
    }

    mutating func deleteBackward() {
        guard cursor > 0 else { return }
        replace((cursor - 1)..<cursor, with: "")
    }

    mutating func deleteForward() {
        guard cursor < text.count else { return }
        replace(cursor..<(cursor + 1), with: "")
    }

    mutating func deleteWordBackward() {
        let chars = Array(text)
        var start = min(cursor, chars.count)
        while start > 0, chars[start - 1] == " " { start -= 1 }
        while start > 0, chars[start - 1] != " " { start -= 1 }
        replace(start..<cursor, with: "")
    }

    /// The text before the cursor, as displayed.
    var beforeCursor: Substring { text.prefix(cursor) }

    /// The readline keys of a one-line field, shared by the `:` line, forms and prompts.
    /// Returns false for a key the field does not take, for the caller to handle.
    mutating func edit(_ key: Key) -> Bool {
        switch key {
        case .char(let c): insert(CommandInput.oneLine(String(c)))
        case .backspace, .ctrl("h"): deleteBackward()
        case .delete, .ctrl("d"): deleteForward()
        case .left, .ctrl("b"): cursor -= 1
        case .right, .ctrl("f"): cursor += 1
        case .home, .ctrl("a"): cursor = 0
        case .end, .ctrl("e"): cursor = text.count
        case .ctrl("u"): replace(0..<cursor, with: "")
        case .ctrl("k"): replace(cursor..<text.count, with: "")
        case .ctrl("w"), .alt("\u{7F}"): deleteWordBackward()
        default: return false
        }
        return true
    }

    /// Pasted text, as one line: escape sequences go whole, line breaks become spaces and
    /// control characters go.
    mutating func paste(_ pasted: String) {
        insert(CommandInput.oneLine(pasted))
    }
}
