/// Makes untrusted text safe to draw: nothing from data ever reaches the terminal raw.
///
/// ```swift
/// Sanitize.visible("\u{1B}]0;pwned\u{07}")   // "␛]0;pwned␇"
/// ```
///
/// The mapping is fixed so that a given string always looks (and measures) the same:
/// - C0 controls U+0000–U+001F become Control Pictures (ESC → ␛, BEL → ␇, CR → ␍,
///   LF → ␊), **except TAB, which becomes one space**;
/// - DEL becomes ␡;
/// - C1 controls U+0080–U+009F, bidi embeddings/overrides/isolates/marks
///   (U+202A–202E, U+2066–2069, U+200E, U+200F, U+061C) and the line/paragraph
///   separators U+2028/2029 become the replacement character �.
/// Every other character is left alone.
public enum Sanitize {
    /// `text` with every unsafe scalar replaced by a visible, single-cell symbol.
    public static func visible(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return text }
        guard text.unicodeScalars.contains(where: isUnsafe) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(isUnsafe(s) ? replacement(for: s) : s)
        }
        return String(out)
    }

    /// True for scalars that must never be written to the terminal as they are.
    public static func isUnsafe(_ s: Unicode.Scalar) -> Bool {
        switch s.value {
        case 0x00...0x1F, 0x7F...0x9F: return true
        case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C: return true
        case 0x2028, 0x2029: return true
        default: return false
        }
    }

    static func replacement(for s: Unicode.Scalar) -> Unicode.Scalar {
        switch s.value {
        case 0x09: return " "
        case 0x00...0x1F: return Unicode.Scalar(0x2400 + s.value)!
        case 0x7F: return "\u{2421}"
        default: return "\u{FFFD}"
        }
    }
}
