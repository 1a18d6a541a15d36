import Foundation
import Terminal

/// A `TextEditor` wrapped to a width: its display lines and where the cursor shows.
///
/// Wrapping is by display width (`DisplayWidth`): a word moves to the next line when it
/// does not fit; a word wider than the line is broken between grapheme clusters; a line may
/// also break before or after any double-width character (CJK text has no spaces); "\n"
/// always breaks. Spaces at a wrap point stay at the end of the line before it (they may
/// hang past the width; drawing cuts them), so the cursor can sit after them.
public struct EditorLayout: Sendable, Hashable {
    /// One display line.
    public struct Line: Sendable, Hashable {
        /// The characters shown, trailing spaces included.
        public var text: String
        /// Its width in cells, trailing spaces included (so it may exceed the wrap width).
        public var width: Int
        /// The paragraph it belongs to.
        public var paragraph: Int
        /// The `Character`s it covers within its paragraph.
        public var columns: Range<Int>
        /// The `Character`s it covers within `TextEditor.text`.
        public var range: Range<Int>
        /// True for the last display line of a paragraph.
        public var endsParagraph: Bool
    }

    public var width: Int
    public var lines: [Line]
    /// The cursor's display row (an index into `lines`).
    public var cursorRow: Int
    /// The cursor's column in cells, at most `width - 1` (after a full line the cursor
    /// sits on the last cell, as a terminal's does).
    public var cursorColumn: Int
    /// The cursor's column in cells before clamping to the width.
    var cursorCells: Int
    /// The first display row of each paragraph.
    var firstRow: [Int]

    /// The rows of one paragraph.
    func rows(of paragraph: Int) -> Range<Int> {
        firstRow[paragraph]..<(paragraph + 1 < firstRow.count ? firstRow[paragraph + 1] : lines.count)
    }
}

extension TextEditor {
    /// The text wrapped to `width` cells (at least 1). Paragraphs that have not changed
    /// since the last layout at this width are not wrapped again, and a paragraph edited
    /// since is re-wrapped only around the edit, so typing into a long paragraph costs
    /// about a line's work plus one entry per display line.
    public func layout(width: Int) -> EditorLayout {
        let width = max(1, width)
        var lines: [EditorLayout.Line] = []
        var firstRow: [Int] = []
        firstRow.reserveCapacity(paragraphs.count)
        var offset = 0
        for (index, paragraph) in paragraphs.enumerated() {
            firstRow.append(lines.count)
            let wrapped = paragraph.cache.lines(for: paragraph.chars, width: width)
            for (i, w) in wrapped.enumerated() {
                lines.append(EditorLayout.Line(
                    text: w.text, width: w.width, paragraph: index, columns: w.start..<w.end,
                    range: (offset + w.start)..<(offset + w.end), endsParagraph: i == wrapped.count - 1))
            }
            offset += paragraph.chars.count + 1
        }
        var layout = EditorLayout(width: width, lines: lines, cursorRow: 0, cursorColumn: 0, cursorCells: 0, firstRow: firstRow)
        let row = self.row(of: cursor, upstream: upstream, in: layout)
        let line = layout.lines[row]
        let cells = paragraphs[cursor.paragraph].chars[line.columns.lowerBound..<cursor.column]
            .reduce(0) { $0 + DisplayWidth.width(of: $1) }
        layout.cursorRow = row
        layout.cursorCells = cells
        layout.cursorColumn = min(cells, width - 1)
        return layout
    }

    /// The display row showing `position`; at a soft wrap point, the lower row unless
    /// `upstream`.
    func row(of position: Position, upstream: Bool, in layout: EditorLayout) -> Int {
        let rows = layout.rows(of: position.paragraph)
        // Binary search for the last row starting at or before the column.
        var lo = rows.lowerBound, hi = rows.upperBound - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if layout.lines[mid].columns.lowerBound <= position.column { lo = mid } else { hi = mid - 1 }
        }
        if upstream, lo > rows.lowerBound, layout.lines[lo].columns.lowerBound == position.column { return lo - 1 }
        return lo
    }
}

// MARK: - Wrapping one paragraph

/// One display line of a paragraph: the characters `start..<end`.
struct WrappedLine: Sendable, Hashable {
    var text: String
    var start: Int
    var end: Int
    var width: Int
}

enum Wrap {
    /// Wraps `chars[from...]` into lines of `width` cells, starting a line at `from`.
    /// `resume(start)` is asked at each later line start; when it returns lines, they
    /// finish the result (the rest of the paragraph is known to wrap as before).
    static func lines(_ chars: [Character], width: Int, from: Int = 0,
                      resume: (Int) -> [WrappedLine]? = { _ in nil }) -> [WrappedLine] {
        var out: [WrappedLine] = []
        var lineStart = from, lineWidth = 0
        // The last place the line may break (a word start after spaces, either side of a
        // wide character), and the line's width before it.
        var breakAt = from, widthAtBreak = 0
        var previousBreaks = false  // the previous character allows a break after it
        func emit(_ end: Int, _ w: Int) {
            out.append(WrappedLine(text: String(chars[lineStart..<end]), start: lineStart, end: end, width: w))
        }
        var i = from
        while i < chars.count {
            let ch = chars[i]
            let w = DisplayWidth.width(of: ch)
            if ch == " " {
                lineWidth += w  // spaces hang at the end of the line
                previousBreaks = true
                i += 1
                continue
            }
            let wide = w > 1
            if previousBreaks || wide, i > lineStart {
                breakAt = i
                widthAtBreak = lineWidth
            }
            previousBreaks = wide
            if lineWidth + w > width, lineWidth > 0 {
                if breakAt > lineStart {
                    emit(breakAt, widthAtBreak)
                    lineStart = breakAt
                    lineWidth -= widthAtBreak
                }
                if lineWidth + w > width, lineWidth > 0 {
                    emit(i, lineWidth)  // a word wider than the line: break it here
                    lineStart = i
                    lineWidth = 0
                }
                breakAt = lineStart
                widthAtBreak = 0
                if let rest = resume(lineStart) { return out + rest }
            }
            lineWidth += w
            i += 1
        }
        out.append(WrappedLine(text: String(chars[lineStart...]), start: lineStart, end: chars.count, width: lineWidth))
        return out
    }
}

/// The wrapped lines of one paragraph, computed when first asked for at a width, and for
/// an edited paragraph derived from those of the paragraph it was edited from. Shared by
/// copies of an editor; it only ever holds what the paragraph's text determines.
final class WrapCache: @unchecked Sendable {
    private let lock = NSLock()
    private var width = 0
    private var wrapped: [WrappedLine] = []
    /// What this paragraph was edited from: its lines at a width, the region since changed
    /// (in this paragraph's columns) and how much longer this paragraph is.
    private var base: (width: Int, lines: [WrappedLine])?
    private var dirty: Range<Int> = 0..<0
    private var delta = 0

    init() {}

    /// The cache of a paragraph made by replacing `removed` characters at `column` of
    /// the paragraph `old` caches with `inserted` characters.
    init(derivedFrom old: WrapCache, editAt column: Int, removed: Int, inserted: Int) {
        old.lock.lock()
        defer { old.lock.unlock() }
        if old.width > 0 {
            base = (old.width, old.wrapped)
            dirty = column..<(column + inserted)
            delta = inserted - removed
        } else if let oldBase = old.base {
            base = oldBase
            let upper = old.dirty.upperBound >= column + removed ? old.dirty.upperBound + inserted - removed : old.dirty.upperBound
            dirty = min(old.dirty.lowerBound, column)..<max(upper, column + inserted)
            delta = old.delta + inserted - removed
        }
    }

    func lines(for chars: [Character], width: Int) -> [WrappedLine] {
        lock.lock()
        defer { lock.unlock() }
        if self.width == width { return wrapped }
        if let base, base.width == width {
            wrapped = WrapCache.rewrap(chars, width: width, base: base.lines, dirty: dirty, delta: delta)
        } else {
            wrapped = Wrap.lines(chars, width: width)
        }
        self.width = width
        base = nil
        return wrapped
    }

    /// Wraps again from the line before the change; once a line starts past the change
    /// where a line of `base` started, the rest of `base` is reused, shifted.
    static func rewrap(_ chars: [Character], width: Int, base: [WrappedLine], dirty: Range<Int>, delta: Int) -> [WrappedLine] {
        // Columns before dirty.lowerBound are the same in both; find the base line there.
        var lo = 0, hi = base.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if base[mid].start <= dirty.lowerBound { lo = mid } else { hi = mid - 1 }
        }
        let first = max(0, lo - 1)
        let kept = base[..<first]
        let redone = Wrap.lines(chars, width: width, from: base[first].start) { start in
            guard start >= dirty.upperBound else { return nil }
            let old = start - delta
            var lo = first, hi = base.count - 1
            while lo < hi {
                let mid = (lo + hi) / 2
                if base[mid].start < old { lo = mid + 1 } else { hi = mid }
            }
            guard base[lo].start == old, lo > 0 else { return nil }
            return base[lo...].map {
                WrappedLine(text: $0.text, start: $0.start + delta, end: $0.end + delta, width: $0.width)
            }
        }
        return Array(kept) + redone
    }
}
