import Foundation
import Testing

@testable import TextCells

@Suite struct SanitizeTests {
    @Test func oscTitleIsDefused() {
        let s = Sanitize.visible("\u{1B}]0;pwned\u{07}")
        #expect(s == "␛]0;pwned␇")
        #expect(!s.unicodeScalars.contains(where: Sanitize.isUnsafe))
    }

    @Test func csiSequencesAreDefused() {
        #expect(Sanitize.visible("\u{1B}[2J") == "␛[2J")
        #expect(Sanitize.visible("a\u{1B}[10;5Hb\u{1B}[A") == "a␛[10;5Hb␛[A")
    }

    @Test func c0Controls() {
        #expect(Sanitize.visible("\u{0}\u{8}\r\n") == "␀␈␍␊")
        #expect(Sanitize.visible("a\tb") == "a b")  // tab is always one space
        #expect(Sanitize.visible("\u{7F}") == "␡")
    }

    @Test func c1Controls() {
        // U+009B is the single-character CSI: as dangerous as ESC [.
        #expect(Sanitize.visible("\u{9B}2J") == "\u{FFFD}2J")
        #expect(Sanitize.visible("\u{80}\u{85}\u{9F}") == "\u{FFFD}\u{FFFD}\u{FFFD}")
    }

    @Test func bidiControls() {
        let trojan = "if admin\u{202E} }\u{2066}⁦// check\u{2069}\u{202C}"
        let s = Sanitize.visible(trojan)
        for v: UInt32 in [0x202A, 0x202B, 0x202C, 0x202D, 0x202E, 0x2066, 0x2067, 0x2068, 0x2069] {
            #expect(!s.unicodeScalars.contains(Unicode.Scalar(v)!))
        }
        #expect(Sanitize.visible("\u{200F}") == "\u{FFFD}")
    }

    @Test func safeTextIsUnchanged() {
        let text = "Minutes — 会议 👩‍👩‍👧 Café\u{301}"
        #expect(Sanitize.visible(text) == text)
        #expect(Sanitize.visible("") == "")
    }

    @Test func everyReplacementIsSafeAndOneCellWide() {
        for v in UInt32(0)...0x9F where Sanitize.isUnsafe(Unicode.Scalar(v)!) {
            let out = Sanitize.visible(String(Unicode.Scalar(v)!))
            #expect(!out.unicodeScalars.contains(where: Sanitize.isUnsafe))
            #expect(DisplayWidth.width(of: out) == 1)
        }
    }

    @Test func documentsKeepTheirLineFeedsOnly() {
        #expect(Sanitize.visibleKeepingLines("a\u{1B}[2J\nb\r\n\tc\u{9B}") == "a␛[2J\nb␍\n c\u{FFFD}")
        #expect(Sanitize.visibleKeepingLines("plain\nlines") == "plain\nlines")
    }

    @Test func jsonEscapesUnsafeCharactersAndKeepsItsWhiteSpace() throws {
        let json = "{\n\t\"t\" : \"a\u{9B}b\u{202E}c\u{7F}\u{2028}\"\r\n}"
        let escaped = Sanitize.escapingJSON(json)
        #expect(escaped == "{\n\t\"t\" : \"a\\u009bb\\u202ec\\u007f\\u2028\"\r\n}")
        #expect(!escaped.unicodeScalars.contains { Sanitize.isUnsafe($0) && !"\n\t\r".unicodeScalars.contains($0) })
        let decoded = try JSONSerialization.jsonObject(with: Data(escaped.utf8)) as? [String: String]
        #expect(decoded?["t"] == "a\u{9B}b\u{202E}c\u{7F}\u{2028}")
    }
}

