/// How a cell is drawn when the C library's character set is not UTF-8 (`LANG=C`, or a
/// locale the host lacks): ncursesw can then send only ASCII, so every other character
/// needs a stand-in of the same width or the columns would drift.
///
/// - Box drawing, arrows and a few symbols become the terminal's own line-drawing set
///   (terminfo's `acsc`, which works whatever the character set; a terminal without it
///   gets ncurses' ASCII: `-`, `|`, `+`).
/// - A Latin letter with marks becomes its base letter (é → e, Ø → O), found from the
///   character's Unicode name; quotes, dashes and spaces become their ASCII kin.
/// - Control pictures (how `Sanitize.visible` shows a control character) become `^`.
/// - Anything else becomes `?`, and a double-width character `?` and a space.
///
/// The screen's model (`Surface`, snapshots) keeps the real text; only what is sent to
/// the terminal changes.
enum AsciiFallback {
    /// One column's glyph: an ASCII byte, or a line-drawing glyph named by its letter in
    /// terminfo's `acsc` ('q' horizontal line, 'x' vertical line, 'l' upper-left corner…).
    enum Glyph: Equatable {
        case ascii(UInt8)
        case lineDrawing(UInt8)
    }

    /// The glyphs for a cell of `width` columns (one per column).
    static func glyphs(for text: String, width: Int) -> [Glyph] {
        guard width > 0, let first = text.unicodeScalars.first else { return [] }
        if width == 2 { return [.ascii(0x3F), .ascii(0x20)] }
        if first.isASCII, first.value >= 0x20, first.value < 0x7F { return [.ascii(UInt8(first.value))] }
        return [glyph(for: first)]
    }

    static func glyph(for scalar: Unicode.Scalar) -> Glyph {
        if let letter = lineDrawing[scalar.value] { return .lineDrawing(letter) }
        if let ascii = punctuation[scalar.value] { return .ascii(ascii) }
        if (0x2400...0x2421).contains(scalar.value) { return .ascii(UInt8(ascii: "^")) }
        if let base = latinBase(scalar) { return .ascii(base) }
        return .ascii(0x3F)
    }

    /// "LATIN SMALL LETTER E WITH ACUTE" → "e"; nil for anything not named that way.
    static func latinBase(_ scalar: Unicode.Scalar) -> UInt8? {
        guard let name = scalar.properties.name else { return nil }
        let words = name.split(separator: " ")
        guard words.count >= 4, words[0] == "LATIN", words[2] == "LETTER", words[3].count == 1,
              let letter = words[3].unicodeScalars.first, ("A"..."Z").contains(letter),
              words.count == 4 || words[4] == "WITH"
        else { return nil }
        switch words[1] {
        case "CAPITAL": return UInt8(letter.value)
        case "SMALL": return UInt8(letter.value) + 0x20
        default: return nil
        }
    }

    private static let lineDrawing: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        let groups: [(String, Character)] = [
            ("─━═╌╍┄┅┈┉", "q"), ("│┃║╎╏┆┇┊┋▏▕", "x"),
            ("┌┍┎┏╒╓╔╭", "l"), ("┐┑┒┓╕╖╗╮", "k"), ("└┕┖┗╘╙╚╰", "m"), ("┘┙┚┛╛╜╝╯", "j"),
            ("├┝┞┟┠┡┢┣╞╟╠", "t"), ("┤┥┦┧┨┩┪┫╡╢╣", "u"), ("┬┭┮┯┰┱┲┳╤╥╦", "w"), ("┴┵┶┷┸┹┺┻╧╨╩", "v"),
            ("┼┽┾┿╀╁╂╃╄╅╆╇╈╉╊╋╪╫╬", "n"),
            ("·∙⋅", "~"), ("◆♦", "`"), ("↑▲△", "-"), ("↓▼▽", "."), ("←◀◁", ","), ("→▶▷", "+"),
            ("█", "0"), ("░", "h"), ("▒▓", "a"), ("°", "f"), ("±", "g"), ("≤", "y"), ("≥", "z"), ("≠", "|"),
            ("π", "{"), ("£", "}"),
        ]
        for (chars, letter) in groups {
            for c in chars.unicodeScalars { map[c.value] = UInt8(ascii: letter.unicodeScalars.first!) }
        }
        return map
    }()

    private static let punctuation: [UInt32: UInt8] = {
        var map: [UInt32: UInt8] = [:]
        let groups: [(String, Character)] = [
            ("‘’‚‛′`´", "'"), ("“”„‟″«»", "\""), ("‐‑‒–—―−", "-"), ("…", "."),
            ("\u{A0}\u{2002}\u{2003}\u{2009}\u{202F}", " "), ("•●◦", "*"), ("○◯", "o"),
            ("×✕✗✘", "x"), ("✓✔", "v"), ("¶", "P"), ("§", "S"), ("©", "c"), ("®", "r"),
            ("▸►", ">"), ("◂◄", "<"), ("\u{FFFD}", "?"), ("ß", "s"), ("æ", "a"), ("Æ", "A"), ("œ", "o"), ("Œ", "O"),
        ]
        for (chars, ascii) in groups {
            for c in chars.unicodeScalars { map[c.value] = UInt8(ascii: ascii.unicodeScalars.first!) }
        }
        return map
    }()
}
