import Testing

@testable import Terminal

/// What reaches a terminal whose locale is not UTF-8: one stand-in per column, never a
/// border of question marks.
@Suite struct AsciiFallbackTests {
    typealias G = AsciiFallback.Glyph

    func ascii(_ c: Character) -> G { .ascii(c.asciiValue!) }
    func acs(_ c: Character) -> G { .lineDrawing(c.asciiValue!) }

    @Test func boxDrawingUsesTheTerminalsLineDrawingSet() {
        let expected: [(String, Character)] = [
            ("─", "q"), ("│", "x"), ("┌", "l"), ("┐", "k"), ("└", "m"), ("┘", "j"), ("├", "t"), ("┤", "u"),
            ("┬", "w"), ("┴", "v"), ("┼", "n"), ("═", "q"), ("║", "x"), ("╔", "l"), ("·", "~"), ("▶", "+"), ("◀", ","),
            ("↑", "-"), ("↓", "."), ("≤", "y"),
        ]
        for (text, letter) in expected {
            #expect(AsciiFallback.glyphs(for: text, width: 1) == [acs(letter)], "\(text)")
        }
    }

    @Test func latinLettersLoseTheirMarks() {
        for (text, base) in [("é", "e"), ("É", "E"), ("ø", "o"), ("Ł", "L"), ("ñ", "n"), ("e\u{301}", "e"), ("ç", "c")] as [(String, Character)] {
            #expect(AsciiFallback.glyphs(for: text, width: 1) == [ascii(base)], "\(text)")
        }
    }

    @Test func punctuationAndMarkersHaveAsciiKin() {
        for (text, kin) in [("’", "'"), ("“", "\""), ("–", "-"), ("—", "-"), ("…", "."), ("•", "*"), ("●", "*"),
                            ("○", "o"), ("✓", "v"), ("×", "x"), ("\u{A0}", " "), ("␛", "^"), ("␡", "^"), ("�", "?")]
                as [(String, Character)] {
            #expect(AsciiFallback.glyphs(for: text, width: 1) == [ascii(kin)], "\(text)")
        }
    }

    @Test func anythingElseIsAQuestionMarkOfTheSameWidth() {
        #expect(AsciiFallback.glyphs(for: "Ж", width: 1) == [ascii("?")])
        #expect(AsciiFallback.glyphs(for: "会", width: 2) == [ascii("?"), ascii(" ")])
        #expect(AsciiFallback.glyphs(for: "👩🏽‍⚕️", width: 2) == [ascii("?"), ascii(" ")])
        #expect(AsciiFallback.glyphs(for: "", width: 1) == [])
        #expect(AsciiFallback.glyphs(for: "x", width: 0) == [])
    }

    @Test func namesThatOnlyLookLatinAreNotGuessed() {
        // A ligature, a letter named by a word, a Greek letter: not a plain letter with marks.
        for s in ["\u{FB01}", "\u{0131}", "\u{03B1}", "\u{0250}"] {
            #expect(AsciiFallback.latinBase(s.unicodeScalars.first!) == nil, "\(s)")
        }
    }
}
