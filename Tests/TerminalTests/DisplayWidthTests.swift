import Testing

@testable import TextCells

@Suite struct DisplayWidthTests {
    @Test(arguments: [
        ("", 0),
        ("abc", 3),
        ("Café", 4),  // precomposed é
        ("Cafe\u{301}", 4),  // e + combining acute
        ("a\u{301}\u{302}\u{303}", 1),  // several marks stay on the base
        ("会议", 4),
        ("ｆｕｌｌ", 8),  // fullwidth forms
        ("한국어", 6),
        ("\u{1100}\u{1161}\u{11A8}", 2),  // conjoining jamo form one wide syllable
        ("😀", 2),
        ("👍🏽", 2),  // skin tone modifier
        ("👨‍👩‍👧‍👦", 2),  // ZWJ family
        ("🏳️‍🌈", 2),  // VS16 + ZWJ
        ("🇫🇷🇯🇵", 4),  // flags
        ("☺", 1),  // text presentation by default
        ("☺\u{FE0F}", 2),  // VS16 asks for emoji presentation
        ("1\u{FE0F}\u{20E3}", 2),  // keycap
        ("a\u{200B}b", 2),  // zero width space
        ("…", 1),  // ambiguous counts 1
        ("\u{1B}[2J", 4),  // ESC measures as its visible symbol
        ("\r\n", 2),
        ("\u{202E}", 1),
    ])
    func width(text: String, expected: Int) {
        #expect(DisplayWidth.width(of: text) == expected)
    }

    @Test func widthIsIndependentOfTheCLocale() {
        // Characters the C library would call unprintable in the "C" locale.
        #expect(DisplayWidth.width(of: "议") == 2)
        #expect(DisplayWidth.width(of: Character("e\u{301}")) == 1)
    }

    @Test func truncateByWidth() {
        #expect(DisplayWidth.truncate("Budget review", toWidth: 6) == "Budget")
        #expect(DisplayWidth.truncate("Budget review", toWidth: 8, ellipsis: true) == "Budget …")
        #expect(DisplayWidth.truncate("short", toWidth: 10, ellipsis: true) == "short")
        #expect(DisplayWidth.truncate("会议记录", toWidth: 5) == "会议")  // wide char not split
        #expect(DisplayWidth.truncate("会议记录", toWidth: 5, ellipsis: true) == "会议…")
        #expect(DisplayWidth.truncate("会议记录", toWidth: 4, ellipsis: true) == "会…")
        #expect(DisplayWidth.truncate("Cafe\u{301}s", toWidth: 4) == "Cafe\u{301}")
        #expect(DisplayWidth.truncate("abc", toWidth: 0) == "")
        #expect(DisplayWidth.truncate("abc", toWidth: -3, ellipsis: true) == "")
        #expect(DisplayWidth.truncate("", toWidth: 3) == "")
    }

    @Test func padToExactWidth() {
        #expect(DisplayWidth.pad("ab", toWidth: 4) == "ab  ")
        #expect(DisplayWidth.pad("ab", toWidth: 4, alignment: .right) == "  ab")
        #expect(DisplayWidth.pad("ab", toWidth: 5, alignment: .center) == " ab  ")
        #expect(DisplayWidth.pad("会议记录", toWidth: 5) == "会议 ")
        #expect(DisplayWidth.width(of: DisplayWidth.pad("👨‍👩‍👧x", toWidth: 2)) == 2)
        #expect(DisplayWidth.pad("x", toWidth: 0) == "")
    }

    @Test func wrapByWords() {
        #expect(DisplayWidth.wrap("the quick brown fox", width: 10) == ["the quick", "brown fox"])
        #expect(DisplayWidth.wrap("a  b", width: 10) == ["a b"])
        #expect(DisplayWidth.wrap("", width: 5) == [""])
    }

    @Test func wrapKeepsParagraphs() {
        #expect(DisplayWidth.wrap("one\n\ntwo three", width: 5) == ["one", "", "two", "three"])
        #expect(DisplayWidth.wrap("a\r\nb", width: 5) == ["a", "b"])
    }

    @Test func wrapBreaksOverlongWords() {
        #expect(DisplayWidth.wrap("abcdefghij", width: 4) == ["abcd", "efgh", "ij"])
        #expect(DisplayWidth.wrap("go 会议记录", width: 5) == ["go", "会议", "记录"])
        #expect(DisplayWidth.wrap("会议记录", width: 3) == ["会", "议", "记", "录"])
    }

    @Test func wrapWideCharsAtBoundary() {
        // "ab会" is 4 wide: fits exactly; "ab会议" must move the second char down.
        #expect(DisplayWidth.wrap("ab会 x", width: 4) == ["ab会", "x"])
        #expect(DisplayWidth.wrap("ab会议", width: 5) == ["ab会", "议"])
        for line in DisplayWidth.wrap("🇫🇷🇫🇷🇫🇷 👨‍👩‍👧‍👦👨‍👩‍👧‍👦 text", width: 5) {
            #expect(DisplayWidth.width(of: line) <= 5)
        }
    }

    @Test func wrapDegenerateWidths() {
        #expect(DisplayWidth.wrap("abc", width: 0) == [])
        #expect(DisplayWidth.wrap("abc", width: -1) == [])
        #expect(DisplayWidth.wrap("会", width: 1) == ["会"])  // too wide, but never lost
    }

    @Test func tableIsSortedAndDisjoint() {
        let table = DisplayWidth.wideRanges
        for (a, b) in table { #expect(a <= b) }
        for i in 1..<table.count { #expect(table[i - 1].1 < table[i].0) }
    }
}
