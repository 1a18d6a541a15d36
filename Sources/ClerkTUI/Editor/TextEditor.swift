import Terminal

/// A multi-line text field as a value: the text of a minutes entry, a cursor, a kill buffer
/// and an undo history. Keys come in through `handle(_:width:)`; `layout(width:)` wraps it
/// and `draw(in:on:style:scroll:)` shows it.
///
/// ```swift
/// var entry = TextEditor("Quorum present")
/// _ = entry.handle(.char("."), width: 60)
/// entry.text   // "Quorum present."
/// ```
///
/// The text is kept as paragraphs ("\n"-separated) of grapheme clusters, so that an edit
/// costs O(paragraph) and finding a place costs O(1): typing into a 100 KB paragraph does
/// not walk the document. Positions count `Character`s (grapheme clusters), so "e\u{301}",
/// a flag or a ZWJ family is one unit for every operation. The text never holds control
/// characters other than "\n": everything inserted is normalised (`normalised(_:)`).
///
/// Undo: typing is coalesced into word-sized steps (a word and the spaces after it), runs
/// of Backspace or Delete into one step each, and every paste, yank, kill and Enter is a
/// step of its own. The history keeps the last `undoLimit` steps.
public struct TextEditor: Sendable, Hashable {
    /// A place in the text: a paragraph and a column in `Character`s within it.
    public struct Position: Sendable, Hashable, Comparable, CustomStringConvertible {
        public var paragraph: Int
        public var column: Int

        public init(paragraph: Int, column: Int) {
            self.paragraph = paragraph
            self.column = column
        }

        public static let start = Position(paragraph: 0, column: 0)

        public static func < (a: Position, b: Position) -> Bool {
            (a.paragraph, a.column) < (b.paragraph, b.column)
        }

        public var description: String { "\(paragraph):\(column)" }
    }

    /// How many spaces a pasted tab becomes.
    public static let tabWidth = 4

    var paragraphs: [Paragraph]
    /// Where the cursor is; always a valid position.
    public internal(set) var cursor: Position
    /// At a soft wrap point the cursor is shown at the end of the upper line (after its
    /// trailing spaces) rather than at the start of the lower one.
    var upstream = false
    /// The display column vertical moves aim for while they follow one another.
    var goalColumn: Int?
    /// The text the last kill (or run of kills) removed; `yank` inserts it.
    public internal(set) var killBuffer = ""
    var undoStack: [Edit] = []
    var redoStack: [Edit] = []
    var last: Action = .other
    /// Whether the last character typed was a space (where a new undo step may begin).
    var typedSpace = false
    /// The undo history keeps at most this many steps.
    public var undoLimit = 500

    /// An editor holding `text` (normalised) with the cursor at its end.
    public init(_ text: String = "") {
        paragraphs = TextEditor.normalised(text)
            .split(separator: "\n", omittingEmptySubsequences: false)
            .map { Paragraph(Array($0)) }
        cursor = .start
        cursor = endPosition
    }

    /// The whole text, paragraphs joined by "\n". Building it is O(document); setting it
    /// replaces the text, puts the cursor at the end and forgets the undo history.
    public var text: String {
        get { paragraphs.map { String($0.chars) }.joined(separator: "\n") }
        set { self = TextEditor(newValue) }
    }

    public var isEmpty: Bool { paragraphs.count == 1 && paragraphs[0].chars.isEmpty }
    public var paragraphCount: Int { paragraphs.count }
    public var canUndo: Bool { !undoStack.isEmpty }
    public var canRedo: Bool { !redoStack.isEmpty }
    /// How many steps `undo` can take back.
    public var undoDepth: Int { undoStack.count }

    /// The text of one paragraph.
    public func paragraph(_ index: Int) -> String { String(paragraphs[index].chars) }

    /// The cursor as a `Character` offset into `text` (O(paragraphs)).
    public var cursorOffset: Int {
        paragraphs[..<cursor.paragraph].reduce(0) { $0 + $1.chars.count + 1 } + cursor.column
    }

    /// Moves the cursor to `position`, clamped into the text.
    public mutating func moveCursor(to position: Position) {
        cursor = clamped(position)
        upstream = false
        last = .other
    }

    /// Moves the cursor to a `Character` offset into `text`, clamped.
    public mutating func moveCursor(toOffset offset: Int) {
        var rest = max(0, offset)
        for (i, p) in paragraphs.enumerated() {
            if rest <= p.chars.count { return moveCursor(to: Position(paragraph: i, column: rest)) }
            rest -= p.chars.count + 1
        }
        moveCursor(to: endPosition)
    }

    var endPosition: Position {
        Position(paragraph: paragraphs.count - 1, column: paragraphs[paragraphs.count - 1].chars.count)
    }

    func clamped(_ p: Position) -> Position {
        let para = min(max(0, p.paragraph), paragraphs.count - 1)
        return Position(paragraph: para, column: min(max(0, p.column), paragraphs[para].chars.count))
    }

    // MARK: - Normalising

    /// `text` as the editor stores it: terminal escape sequences are removed whole
    /// (`Sanitize.removingEscapeSequences`: `ESC ]0;title BEL` leaves nothing, not
    /// `]0;title`), "\r\n", "\r", U+2028 and U+2029 become "\n", a tab becomes `tabWidth`
    /// spaces, and every other control, DEL, C1 control or bidi override/isolate/mark (what
    /// `Sanitize.isUnsafe` names) is dropped.
    public static func normalised(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && Sanitize.isUnsafe($0) }) else { return text }
        var out = String.UnicodeScalarView()
        var afterCR = false
        for s in Sanitize.removingEscapeSequences(text).unicodeScalars {
            defer { afterCR = s == "\r" }
            switch s {
            case "\r", "\u{2028}", "\u{2029}": out.append("\n")
            case "\n": if !afterCR { out.append("\n") }
            case "\t": out.append(contentsOf: String(repeating: " ", count: tabWidth).unicodeScalars)
            default: if !Sanitize.isUnsafe(s) { out.append(s) }
            }
        }
        return String(out)
    }

    // MARK: - Text at positions

    /// The characters from `a` to `b` (a ≤ b), a paragraph break as "\n".
    func characters(from a: Position, to b: Position) -> [Character] {
        if a.paragraph == b.paragraph { return Array(paragraphs[a.paragraph].chars[a.column..<b.column]) }
        var out = Array(paragraphs[a.paragraph].chars[a.column...])
        for i in (a.paragraph + 1)..<b.paragraph {
            out.append("\n")
            out += paragraphs[i].chars
        }
        out.append("\n")
        out += paragraphs[b.paragraph].chars[..<b.column]
        return out
    }

    /// The position `chars` reach when laid down from `start`.
    static func position(after chars: some Collection<Character>, from start: Position) -> Position {
        var p = start
        for c in chars {
            if c == "\n" {
                p.paragraph += 1
                p.column = 0
            } else {
                p.column += 1
            }
        }
        return p
    }

    func before(_ p: Position) -> Position? {
        if p.column > 0 { return Position(paragraph: p.paragraph, column: p.column - 1) }
        if p.paragraph > 0 { return Position(paragraph: p.paragraph - 1, column: paragraphs[p.paragraph - 1].chars.count) }
        return nil
    }

    func after(_ p: Position) -> Position? {
        if p.column < paragraphs[p.paragraph].chars.count { return Position(paragraph: p.paragraph, column: p.column + 1) }
        if p.paragraph + 1 < paragraphs.count { return Position(paragraph: p.paragraph + 1, column: 0) }
        return nil
    }

    // MARK: - The one way text changes

    /// Replaces the characters from `start` to `end` with `chars` exactly (no
    /// re-clustering), returning where the new characters end.
    @discardableResult
    mutating func replaceExactly(_ start: Position, _ end: Position, with chars: [Character]) -> Position {
        let pieces = chars.split(separator: "\n", omittingEmptySubsequences: false)
        if start.paragraph == end.paragraph, pieces.count == 1 {
            let old = paragraphs[start.paragraph].cache
            paragraphs[start.paragraph].chars.replaceSubrange(start.column..<end.column, with: chars)
            paragraphs[start.paragraph].cache = WrapCache(
                derivedFrom: old, editAt: start.column, removed: end.column - start.column, inserted: chars.count)
            return Position(paragraph: start.paragraph, column: start.column + chars.count)
        }
        let head = paragraphs[start.paragraph].chars[..<start.column]
        let tail = paragraphs[end.paragraph].chars[end.column...]
        var fresh = pieces.map { Array($0) }
        fresh[0] = Array(head) + fresh[0]
        let endColumn = fresh[fresh.count - 1].count
        fresh[fresh.count - 1] += tail
        paragraphs.replaceSubrange(start.paragraph...end.paragraph, with: fresh.map(Paragraph.init))
        return Position(paragraph: start.paragraph + fresh.count - 1, column: endColumn)
    }

    /// Replaces the text from `start` to `end` with `text` (already normalised), records
    /// the change for undo (merging it into the previous step when `action` allows) and
    /// puts the cursor after the new text. The characters either side take part, so that
    /// a combining mark joins the letter before it and a ZWJ sequence closes up.
    ///
    /// The window of characters taken in grows to the right for as long as the edit
    /// changes where the next cluster begins (a run of regional indicators pairing
    /// anew), so that the paragraph always holds the clusters its text has.
    mutating func edit(_ start: Position, _ end: Position, with text: String, as action: Action) {
        let left = start.column > 0 ? start.column - 1 : start.column
        let windowStart = Position(paragraph: start.paragraph, column: left)
        let endChars = paragraphs[end.paragraph].chars
        var right = end.column < endChars.count ? end.column + 1 : end.column
        let leftText = String(paragraphs[start.paragraph].chars[left..<start.column])
        var rightText = String(endChars[end.column..<right])
        var inserted = Array(leftText + text + rightText)
        while right < endChars.count, let last = inserted.last, !TextEditor.breaks(after: last, before: endChars[right]) {
            rightText.append(endChars[right])
            right += 1
            inserted = Array(leftText + text + rightText)
        }
        let windowEnd = Position(paragraph: end.paragraph, column: right)
        let removed = characters(from: windowStart, to: windowEnd)
        let before = cursor
        replaceExactly(windowStart, windowEnd, with: inserted)
        // The cursor goes after the inserted text, rounded up to a whole cluster.
        cursor = clamped(TextEditor.position(after: Array(leftText + text), from: windowStart))
        // Spaces hang at the end of a line: after one, at a wrap point, the cursor shows
        // right after it on the upper line.
        upstream = cursor.column > 0 && paragraphs[cursor.paragraph].chars[cursor.column - 1] == " "
        record(Edit(start: windowStart, removed: removed, inserted: inserted, before: before, after: cursor), as: action)
        last = action
    }

    /// Whether `a` followed by `b` stays two clusters, split where they meet.
    static func breaks(after a: Character, before b: Character) -> Bool {
        let joined = Array(String(a) + String(b))
        return joined.count == 2 && joined[0].unicodeScalars.elementsEqual(a.unicodeScalars)
    }

    mutating func record(_ edit: Edit, as action: Action) {
        redoStack.removeAll()
        if action == last, action.coalesces, let previous = undoStack.last, let merged = previous.merged(with: edit) {
            undoStack[undoStack.count - 1] = merged
            return
        }
        undoStack.append(edit)
        if undoStack.count > max(1, undoLimit) { undoStack.removeFirst(undoStack.count - max(1, undoLimit)) }
    }

    // MARK: - Inserting and deleting

    /// Inserts `text` at the cursor as one undo step (a paste): line breaks normalised,
    /// tabs to spaces, other control characters dropped.
    @discardableResult
    public mutating func insert(_ text: String) -> Bool {
        let clean = TextEditor.normalised(text)
        guard !clean.isEmpty else { return false }
        edit(cursor, cursor, with: clean, as: .other)
        return true
    }

    /// Types one character: like `insert`, but runs of typing make word-sized undo steps,
    /// and "\n" (Enter) is a step of its own.
    @discardableResult
    public mutating func type(_ ch: Character) -> Bool {
        let clean = TextEditor.normalised(String(ch))
        guard !clean.isEmpty else { return false }
        if clean.contains("\n") {
            edit(cursor, cursor, with: clean, as: .other)
            return true
        }
        // A word after a space starts a new step: steps are "word ", "word ", ….
        if last == .typing, typedSpace, !ch.isWhitespace { last = .other }
        edit(cursor, cursor, with: clean, as: .typing)
        typedSpace = ch.isWhitespace
        return true
    }

    /// Deletes the grapheme cluster (or paragraph break) before the cursor.
    @discardableResult
    public mutating func deleteBackward() -> Bool {
        guard let start = before(cursor) else { return settle() }
        edit(start, cursor, with: "", as: .deleteBackward)
        return true
    }

    /// Deletes the grapheme cluster (or paragraph break) after the cursor.
    @discardableResult
    public mutating func deleteForward() -> Bool {
        guard let end = after(cursor) else { return settle() }
        edit(cursor, end, with: "", as: .deleteForward)
        return true
    }

    /// Ends any run (of typing, kills or vertical moves) without changing anything.
    mutating func settle() -> Bool {
        last = .other
        return false
    }

    // MARK: - Undo

    /// Takes back the last step, putting the cursor where it was before it.
    @discardableResult
    public mutating func undo() -> Bool {
        guard let step = undoStack.popLast() else { return settle() }
        replaceExactly(step.start, TextEditor.position(after: step.inserted, from: step.start), with: step.removed)
        cursor = clamped(step.before)
        redoStack.append(step)
        upstream = false
        last = .other
        return true
    }

    /// Does again the step `undo` last took back.
    @discardableResult
    public mutating func redo() -> Bool {
        guard let step = redoStack.popLast() else { return settle() }
        replaceExactly(step.start, TextEditor.position(after: step.removed, from: step.start), with: step.inserted)
        cursor = clamped(step.after)
        undoStack.append(step)
        upstream = false
        last = .other
        return true
    }
}

// MARK: - Storage

extension TextEditor {
    /// One paragraph: its characters and the wrapping last computed for them.
    struct Paragraph: Sendable, Hashable {
        var chars: [Character]
        var cache: WrapCache

        init(_ chars: [Character]) {
            self.chars = chars
            cache = WrapCache()
        }

        static func == (a: Paragraph, b: Paragraph) -> Bool { a.chars == b.chars }
        func hash(into h: inout Hasher) { h.combine(chars) }
    }

    /// What the last operation was, for merging undo steps, appending kills and keeping
    /// the goal column.
    enum Action: Sendable, Hashable {
        case typing, deleteBackward, deleteForward, killForward, killBackward, vertical, other

        var coalesces: Bool { self == .typing || self == .deleteBackward || self == .deleteForward }
    }

    /// One undo step: at `start`, `removed` was replaced by `inserted` (exact clusters).
    struct Edit: Sendable, Hashable {
        var start: Position
        var removed: [Character]
        var inserted: [Character]
        var before: Position
        var after: Position

        /// This step followed by `next`, as one step, when both change one paragraph
        /// without line breaks and `next` touches what this one inserted.
        func merged(with next: Edit) -> Edit? {
            guard start.paragraph == next.start.paragraph,
                  !removed.contains("\n"), !inserted.contains("\n"),
                  !next.removed.contains("\n"), !next.inserted.contains("\n") else { return nil }
            let a = start.column, b = next.start.column
            guard b <= a + inserted.count, b + next.removed.count >= a else { return nil }
            let lo = min(a, b), hi = max(a + inserted.count, b + next.removed.count)
            // The text between lo and hi after this step: known from `inserted` and `next.removed`.
            var middle = [Character](repeating: " ", count: hi - lo)
            middle.replaceSubrange((b - lo)..<(b - lo + next.removed.count), with: next.removed)
            middle.replaceSubrange((a - lo)..<(a - lo + inserted.count), with: inserted)
            var original = middle
            original.replaceSubrange((a - lo)..<(a - lo + inserted.count), with: removed)
            var final = middle
            final.replaceSubrange((b - lo)..<(b - lo + next.removed.count), with: next.inserted)
            return Edit(start: Position(paragraph: start.paragraph, column: lo),
                        removed: original, inserted: final, before: before, after: next.after)
        }
    }
}
