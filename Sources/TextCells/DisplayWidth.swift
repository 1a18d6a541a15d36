/// Measures text the way a terminal lays it out: in cells, one grapheme cluster at a time.
///
/// ```swift
/// DisplayWidth.width(of: "Café 会议 👩‍👩‍👧")   // 5 + 4 + 2 = 12 (with the spaces)
/// DisplayWidth.truncate("Budget review", toWidth: 8, ellipsis: true)  // "Budget …"
/// ```
///
/// The rules come from a table compiled into this module (`WideTable.swift`) and from the
/// Swift standard library's Unicode properties, never from the C library's locale, so a
/// string measures the same in tests, in a real terminal, and on every machine:
/// - East Asian Wide/Fullwidth characters (CJK, Hangul, fullwidth forms) are 2;
/// - emoji with emoji presentation are 2, as is any emoji followed by VS16 (U+FE0F);
///   a ZWJ sequence, skin-tone sequence or keycap measures as its first emoji;
///   a flag (a pair of regional indicators) is 2;
/// - combining marks, format characters and Hangul medial/final jamo are 0 and join the
///   base character before them;
/// - control and bidi characters measure as the visible symbols `Sanitize.visible`
///   shows instead of them (1 each);
/// - everything else, including East Asian Ambiguous characters, is 1.
public enum DisplayWidth {
    /// Horizontal placement for `pad`.
    public enum Alignment: Sendable {
        case left, right, center
    }

    /// The number of cells `text` occupies once drawn.
    public static func width(of text: String) -> Int {
        // Printable ASCII, by far the most common text, is one cell a byte.
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text.utf8.count }
        var total = 0
        for ch in text { total += width(of: ch) }
        return total
    }

    public static func width(of text: some StringProtocol) -> Int {
        var total = 0
        for ch in text { total += width(of: ch) }
        return total
    }

    /// The number of cells one grapheme cluster occupies: 0, 1 or 2.
    public static func width(of ch: Character) -> Int {
        if let ascii = ch.asciiValue, ascii >= 0x20, ascii < 0x7F { return 1 }
        let scalars = ch.unicodeScalars
        if scalars.contains(where: Sanitize.isUnsafe) {
            // Shown as one visible symbol per unsafe scalar; measure what is shown.
            return width(of: Sanitize.visible(String(ch)))
        }
        var base: Unicode.Scalar?
        var emojiVariant = false
        for s in scalars {
            if s.value == 0xFE0F {
                emojiVariant = true
            } else if base == nil, scalarWidth(s) > 0 {
                base = s
            }
        }
        guard let base else { return 0 }
        if isRegionalIndicator(base) { return 2 }
        if emojiVariant, base.properties.isEmoji { return 2 }
        return scalarWidth(base)
    }

    /// The widest prefix of `text` that fits in `maxWidth` cells; with `ellipsis`, text
    /// that had to be cut ends in "…" (counted within `maxWidth`). A double-width
    /// character that would straddle the limit is left out, so the result can be one cell
    /// narrower than `maxWidth`; use `pad` when an exact width is needed.
    public static func truncate(_ text: String, toWidth maxWidth: Int, ellipsis: Bool = false) -> String {
        guard maxWidth > 0 else { return "" }
        if width(of: text) <= maxWidth { return text }
        let limit = ellipsis ? maxWidth - 1 : maxWidth
        var result = ""
        var used = 0
        for ch in text {
            let w = width(of: ch)
            if used + w > limit { break }
            result.append(ch)
            used += w
        }
        return ellipsis ? result + "…" : result
    }

    /// `text` cut or padded with spaces to exactly `targetWidth` cells.
    public static func pad(_ text: String, toWidth targetWidth: Int, alignment: Alignment = .left) -> String {
        guard targetWidth > 0 else { return "" }
        let fitted = truncate(text, toWidth: targetWidth)
        let gap = targetWidth - width(of: fitted)
        switch alignment {
        case .left:
            return fitted + String(repeating: " ", count: gap)
        case .right:
            return String(repeating: " ", count: gap) + fitted
        case .center:
            let left = gap / 2
            return String(repeating: " ", count: left) + fitted + String(repeating: " ", count: gap - left)
        }
    }

    /// Word-wraps `text` into lines of at most `maxWidth` cells.
    ///
    /// Explicit newlines end paragraphs (an empty paragraph gives an empty line); words
    /// are separated by runs of spaces, which collapse to one; a word wider than a line is
    /// broken between grapheme clusters. A single character wider than `maxWidth` gets a
    /// line of its own. Returns no lines when `maxWidth` is below 1.
    public static func wrap(_ text: String, width maxWidth: Int) -> [String] {
        guard maxWidth > 0 else { return [] }
        var lines: [String] = []
        for paragraph in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline) {
            var line = ""
            var lineWidth = 0
            func flush() {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            let words = paragraph.split(separator: " ", omittingEmptySubsequences: true)
            if words.isEmpty {
                lines.append("")
                continue
            }
            for word in words {
                let w = width(of: word)
                let needed = lineWidth == 0 ? w : lineWidth + 1 + w
                if needed <= maxWidth {
                    if lineWidth > 0 {
                        line.append(" ")
                        lineWidth += 1
                    }
                    line += word
                    lineWidth += w
                    continue
                }
                if lineWidth > 0 { flush() }
                if w <= maxWidth {
                    line = String(word)
                    lineWidth = w
                    continue
                }
                // Overlong word: break it between clusters.
                for ch in word {
                    let cw = width(of: ch)
                    if lineWidth + cw > maxWidth, lineWidth > 0 { flush() }
                    line.append(ch)
                    lineWidth += cw
                }
            }
            if lineWidth > 0 || line.isEmpty == false { flush() }
        }
        return lines
    }

    // MARK: - Scalars

    /// Width of a single scalar standing alone (controls count 0 here; callers handle
    /// them through `Sanitize`).
    public static func scalarWidth(_ s: Unicode.Scalar) -> Int {
        let v = s.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
        if v < 0x300 { return 1 }
        if isZeroWidth(s) { return 0 }
        if isWide(v) || s.properties.isEmojiPresentation { return 2 }
        return 1
    }

    static func isZeroWidth(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x1160...0x11FF, 0xD7B0...0xD7FF: return true  // Hangul medial/final jamo
        default: break
        }
        switch s.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return true
        default: return false
        }
    }

    public static func isRegionalIndicator(_ s: Unicode.Scalar) -> Bool {
        (0x1F1E6...0x1F1FF).contains(s.value)
    }

    static func isWide(_ v: UInt32) -> Bool {
        let table = wideRanges
        if v < table[0].0 { return false }
        var lo = 0, hi = table.count - 1
        while lo <= hi {
            let mid = (lo + hi) / 2
            if v < table[mid].0 {
                hi = mid - 1
            } else if v > table[mid].1 {
                lo = mid + 1
            } else {
                return true
            }
        }
        return false
    }
}
