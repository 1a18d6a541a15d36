import Terminal

/// What a key did to a `TextEditor`.
public enum EditResult: Sendable, Hashable {
    /// The text changed (and probably the cursor too).
    case textChanged
    /// Only the cursor moved.
    case cursorMoved
    /// The key is the editor's, but there was nothing to do (Backspace at the start…).
    case unchanged
    /// Not an editing key: the caller handles it (Esc, Tab, PgUp, C-c, F-keys…).
    case notHandled

    public var isHandled: Bool { self != .notHandled }
}

// MARK: - Keys

extension TextEditor {
    /// Carries out `key`, wrapping at `width` for the keys that move by display line.
    ///
    /// | Keys | Does |
    /// |---|---|
    /// | printable characters | type (Enter inserts "\n": a new paragraph within the entry) |
    /// | Backspace (C-h) · Delete, C-d | delete a character backward · forward |
    /// | Left, C-b · Right, C-f | move a character |
    /// | M-b · M-f | move a word |
    /// | Home, C-a · End, C-e | start · end of the display line |
    /// | M-< · M-> | start · end of the text |
    /// | Up, C-p · Down, C-n | move a display line, keeping the goal column |
    /// | C-w (M-Backspace) · M-d | kill a word backward · forward |
    /// | C-u · C-k | kill to the start · end of the paragraph (C-k at its end joins the next) |
    /// | C-y | yank the last kill (consecutive kills add up) |
    /// | C-z, C-_ (C-/) · C-r | undo · redo |
    ///
    /// Everything else — Esc, Tab, S-Tab, PgUp/PgDn, Insert, F-keys, other C- and M- keys —
    /// is `.notHandled`. The Terminal layer has no modifier arrows (C-Left, C-Home…), so
    /// word and text motions are on M- keys; M-Backspace is bound for when the input
    /// decoder delivers it (it now reads ESC DEL as Esc, then Backspace).
    public mutating func handle(_ key: Key, width: Int) -> EditResult {
        switch key {
        case .char(let ch): return changed(type(ch))
        case .enter: return changed(type("\n"))
        case .backspace: return changed(deleteBackward())
        case .delete, .ctrl("d"): return changed(deleteForward())
        case .left, .ctrl("b"): return moved(moveLeft())
        case .right, .ctrl("f"): return moved(moveRight(width: width))
        case .alt("b"): return moved(moveWordLeft())
        case .alt("f"): return moved(moveWordRight())
        case .home, .ctrl("a"): return moved(moveToLineStart(width: width))
        case .end, .ctrl("e"): return moved(moveToLineEnd(width: width))
        case .alt("<"): return moved(moveToStart())
        case .alt(">"): return moved(moveToEnd())
        case .up, .ctrl("p"): return moved(moveUp(width: width))
        case .down, .ctrl("n"): return moved(moveDown(width: width))
        case .ctrl("w"), .alt("\u{7F}"), .alt("\u{08}"): return changed(deleteWordBackward())
        case .alt("d"): return changed(deleteWordForward())
        case .ctrl("k"): return changed(killToLineEnd())
        case .ctrl("u"): return changed(killToLineStart())
        case .ctrl("y"): return changed(yank())
        case .ctrl("z"), .ctrl("_"): return changed(undo())
        case .ctrl("r"): return changed(redo())
        default: return .notHandled
        }
    }

    /// Carries out a key or a paste (inserted whole, as one undo step); other events
    /// are `.notHandled`.
    public mutating func handle(_ event: InputEvent, width: Int) -> EditResult {
        switch event {
        case .key(let key): return handle(key, width: width)
        case .paste(let text): return changed(insert(text))
        case .mouse, .resize: return .notHandled
        }
    }

    private func changed(_ did: Bool) -> EditResult { did ? .textChanged : .unchanged }
    private func moved(_ did: Bool) -> EditResult { did ? .cursorMoved : .unchanged }
}

// MARK: - Moving

extension TextEditor {
    /// Puts the cursor at `p`; true when that moved it.
    mutating func go(to p: Position, upstream up: Bool = false, as action: Action = .other) -> Bool {
        let moved = p != cursor || up != upstream
        cursor = p
        upstream = up
        last = action
        return moved
    }

    @discardableResult
    public mutating func moveLeft() -> Bool {
        go(to: before(cursor) ?? cursor)
    }

    /// One character right. Given the `width` the text is shown at, from after the
    /// trailing spaces of a wrapped line the first step shows the same place at the start
    /// of the next line.
    @discardableResult
    public mutating func moveRight(width: Int? = nil) -> Bool {
        if upstream, let width {
            let layout = layout(width: width)
            if row(of: cursor, upstream: true, in: layout) != row(of: cursor, upstream: false, in: layout) {
                return go(to: cursor)
            }
        }
        return go(to: after(cursor) ?? cursor)
    }

    /// To the start of this word, or of the previous one.
    @discardableResult
    public mutating func moveWordLeft() -> Bool { go(to: wordStart(before: cursor)) }

    /// To the end of this word, or of the next one.
    @discardableResult
    public mutating func moveWordRight() -> Bool { go(to: wordEnd(after: cursor)) }

    @discardableResult
    public mutating func moveToStart() -> Bool { go(to: .start) }

    @discardableResult
    public mutating func moveToEnd() -> Bool { go(to: endPosition) }

    /// To the start of the display line the cursor is on.
    @discardableResult
    public mutating func moveToLineStart(width: Int) -> Bool {
        let layout = layout(width: width)
        let line = layout.lines[layout.cursorRow]
        return go(to: Position(paragraph: line.paragraph, column: line.columns.lowerBound))
    }

    /// To the end of the display line the cursor is on: after its trailing spaces, or on
    /// its last cell when it fills the width.
    @discardableResult
    public mutating func moveToLineEnd(width: Int) -> Bool {
        let layout = layout(width: width)
        let (p, up) = lineEnd(layout.lines[layout.cursorRow], width: layout.width)
        return go(to: p, upstream: up)
    }

    /// Up one display line, keeping the goal column; from the top line, to the start.
    @discardableResult
    public mutating func moveUp(width: Int) -> Bool { moveVertically(by: -1, width: width) }

    /// Down one display line, keeping the goal column; from the bottom line, to the end.
    @discardableResult
    public mutating func moveDown(width: Int) -> Bool { moveVertically(by: 1, width: width) }

    mutating func moveVertically(by delta: Int, width: Int) -> Bool {
        let layout = layout(width: width)
        let goal = (last == .vertical ? goalColumn : nil) ?? layout.cursorCells
        goalColumn = goal
        let target = layout.cursorRow + delta
        if target < 0 { return go(to: .start, as: .vertical) }
        if target >= layout.lines.count { return go(to: endPosition, as: .vertical) }
        let line = layout.lines[target]
        let chars = paragraphs[line.paragraph].chars
        var column = line.columns.lowerBound, cells = 0
        while column < line.columns.upperBound {
            let w = DisplayWidth.width(of: chars[column])
            if cells + w > goal { break }
            cells += w
            column += 1
        }
        if column == line.columns.upperBound {
            let (p, up) = lineEnd(line, width: layout.width)
            return go(to: p, upstream: up, as: .vertical)
        }
        return go(to: Position(paragraph: line.paragraph, column: column), as: .vertical)
    }

    /// Where End puts the cursor on `line`.
    func lineEnd(_ line: EditorLayout.Line, width: Int) -> (Position, upstream: Bool) {
        let end = Position(paragraph: line.paragraph, column: line.columns.upperBound)
        if line.endsParagraph { return (end, false) }
        if line.width < width { return (end, true) }
        // A full line: the last place that shows on it, before its last character.
        let chars = paragraphs[line.paragraph].chars
        var column = line.columns.lowerBound, cells = 0
        while column + 1 < line.columns.upperBound {
            let w = DisplayWidth.width(of: chars[column])
            if cells + w > width - 1 { break }
            cells += w
            column += 1
        }
        return (Position(paragraph: line.paragraph, column: column), false)
    }

    /// Letters, digits and "_" make words; everything else (and a paragraph break)
    /// separates them.
    static func isWord(_ ch: Character) -> Bool { ch.isLetter || ch.isNumber || ch == "_" }

    func character(at p: Position) -> Character {
        let chars = paragraphs[p.paragraph].chars
        return p.column < chars.count ? chars[p.column] : "\n"
    }

    func wordStart(before p: Position) -> Position {
        var q = p
        while let b = before(q), !TextEditor.isWord(character(at: b)) { q = b }
        while let b = before(q), TextEditor.isWord(character(at: b)) { q = b }
        return q
    }

    func wordEnd(after p: Position) -> Position {
        var q = p
        while let a = after(q), !TextEditor.isWord(character(at: q)) { q = a }
        while let a = after(q), TextEditor.isWord(character(at: q)) { q = a }
        return q
    }
}

// MARK: - Killing and yanking

extension TextEditor {
    /// Kills from the start of this (or the previous) word to the cursor.
    @discardableResult
    public mutating func deleteWordBackward() -> Bool { kill(wordStart(before: cursor), cursor, forward: false) }

    /// Kills from the cursor to the end of this (or the next) word.
    @discardableResult
    public mutating func deleteWordForward() -> Bool { kill(cursor, wordEnd(after: cursor), forward: true) }

    /// Kills to the end of the paragraph; at its end, the paragraph break.
    @discardableResult
    public mutating func killToLineEnd() -> Bool {
        let length = paragraphs[cursor.paragraph].chars.count
        if cursor.column < length { return kill(cursor, Position(paragraph: cursor.paragraph, column: length), forward: true) }
        return kill(cursor, after(cursor) ?? cursor, forward: true)
    }

    /// Kills from the start of the paragraph to the cursor.
    @discardableResult
    public mutating func killToLineStart() -> Bool {
        kill(Position(paragraph: cursor.paragraph, column: 0), cursor, forward: false)
    }

    /// Inserts the last kill at the cursor, as one undo step.
    @discardableResult
    public mutating func yank() -> Bool {
        guard !killBuffer.isEmpty else { return settle() }
        edit(cursor, cursor, with: killBuffer, as: .other)
        return true
    }

    /// Removes `a..<b` into the kill buffer, added to it when the last action was a kill.
    mutating func kill(_ a: Position, _ b: Position, forward: Bool) -> Bool {
        guard a < b else { return settle() }
        let killed = String(characters(from: a, to: b))
        if last == .killForward || last == .killBackward {
            killBuffer = forward ? killBuffer + killed : killed + killBuffer
        } else {
            killBuffer = killed
        }
        edit(a, b, with: "", as: forward ? .killForward : .killBackward)
        return true
    }
}

// MARK: - Drawing

extension TextEditor {
    /// Draws the display lines that fit in `rect` (blank rows below the text), first
    /// moving `scroll` (the first row shown) just enough to keep the cursor's row in view,
    /// and puts the terminal's cursor on the cursor's cell. Every row of `rect` is drawn
    /// in full, in `style`, so the terminal's diff sends only the cells that changed.
    public func draw(in rect: Rect, on term: any Terminal, style: Style, scroll: inout Int) {
        guard !rect.isEmpty else { return }
        let layout = layout(width: rect.size.cols)
        let rows = rect.size.rows
        if layout.cursorRow < scroll { scroll = layout.cursorRow }
        if layout.cursorRow >= scroll + rows { scroll = layout.cursorRow - rows + 1 }
        scroll = max(0, min(scroll, layout.lines.count - rows))
        for y in 0..<rows {
            let index = scroll + y
            let text = index < layout.lines.count ? layout.lines[index].text : ""
            term.put(DisplayWidth.pad(text, toWidth: rect.size.cols), at: Point(x: rect.minX, y: rect.minY + y), style: style)
        }
        term.setCursor(Point(x: rect.minX + layout.cursorColumn, y: rect.minY + layout.cursorRow - scroll))
    }
}
