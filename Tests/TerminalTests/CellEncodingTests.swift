import Testing

@testable import Terminal

/// A stand-in for the C library's wcwidth in a UTF-8 locale (glibc's view).
private func glibcLike(_ v: UInt32) -> Int {
    if v == 0x200D || v == 0xFE0F || (0x300...0x36F).contains(v) { return 0 }
    if (0x1F1E6...0x1F1FF).contains(v) || v == 0x263A { return 1 }
    return DisplayWidth.scalarWidth(Unicode.Scalar(v)!)
}

@Suite struct CellEncodingTests {
    func glyphs(_ s: String, libc: (UInt32) -> Int = glibcLike) -> [[UInt32]] {
        CellEncoding.glyphs(for: s, width: DisplayWidth.width(of: s), libcWidth: libc)
    }

    @Test func plainAndCombining() {
        #expect(glyphs("a") == [[0x61]])
        #expect(glyphs("e\u{301}") == [[0x65, 0x301]])
        #expect(glyphs("会") == [[0x4F1A]])
    }

    @Test func zwjSequenceDrawsItsFirstEmoji() {
        #expect(glyphs("👨‍👩‍👧") == [[0x1F468]])
    }

    @Test func flagIsTwoCells() {
        #expect(glyphs("🇫🇷") == [[0x1F1EB], [0x1F1F7]])
    }

    @Test func narrowerInTheCLibraryGetsASpace() {
        #expect(glyphs("☺\u{FE0F}") == [[0x263A], [0x20]])
    }

    @Test func unprintableBecomesQuestionMark() {
        let cLocale: (UInt32) -> Int = { $0 < 0x80 ? 1 : -1 }
        #expect(glyphs("会", libc: cLocale) == [[0x3F], [0x20]])
        #expect(glyphs("é", libc: cLocale) == [[0x3F]])
        #expect(glyphs("a", libc: cLocale) == [[0x61]])
    }

    @Test func neverMoreScalarsThanACellHolds() {
        let s = "a" + String(repeating: "\u{301}", count: 9)
        #expect(CellEncoding.glyphs(for: s, width: 1, maxScalars: 5, libcWidth: glibcLike)[0].count == 5)
    }
}
