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

extension Sanitize {
    /// `text` made safe for a plain-text document or listing (text, Markdown, CSV, HTML)
    /// whose own line breaks are `\n`: every unsafe scalar becomes its visible symbol as in
    /// `visible(_:)`, except the line feed, which is kept. A CR is shown (␍), so it cannot
    /// move a terminal's cursor back over what was written.
    ///
    /// ```swift
    /// Sanitize.visibleKeepingLines("a\u{1B}[2J\nb")   // "a␛[2J\nb"
    /// ```
    public static func visibleKeepingLines(_ text: String) -> String {
        if text.utf8.allSatisfy({ ($0 >= 0x20 && $0 < 0x7F) || $0 == 0x0A }) { return text }
        guard text.unicodeScalars.contains(where: { isUnsafe($0) && $0 != "\n" }) else { return text }
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            out.append(isUnsafe(s) && s != "\n" ? replacement(for: s) : s)
        }
        return String(out)
    }

    /// JSON text with every unsafe scalar inside its strings written as a `\uXXXX` escape,
    /// so the data stays exact for programs and harmless to a terminal. The JSON's own
    /// white space (line feed, tab, carriage return) is kept: a JSON encoder already escapes
    /// those inside strings, so where they occur raw they are structure.
    ///
    /// ```swift
    /// Sanitize.escapingJSON(#"{"t":"a\#u{9B}b"}"#)   // {"t":"a\u009bb"}
    /// ```
    public static func escapingJSON(_ json: String) -> String {
        let keep: Set<Unicode.Scalar> = ["\n", "\t", "\r"]
        guard json.unicodeScalars.contains(where: { isUnsafe($0) && !keep.contains($0) }) else { return json }
        var out = String.UnicodeScalarView()
        let hex = Array("0123456789abcdef".unicodeScalars)
        for s in json.unicodeScalars {
            guard isUnsafe(s), !keep.contains(s) else { out.append(s); continue }
            // Every unsafe scalar is in the Basic Multilingual Plane: one \u escape each.
            out.append(contentsOf: "\\u".unicodeScalars)
            for shift in [12, 8, 4, 0] { out.append(hex[Int((s.value >> UInt32(shift)) & 0xF)]) }
        }
        return String(out)
    }
}
