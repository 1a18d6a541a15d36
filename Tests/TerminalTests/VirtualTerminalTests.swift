import Testing

@testable import Terminal

@Suite struct VirtualTerminalTests {
    func make(_ cols: Int, _ rows: Int) -> VirtualTerminal {
        VirtualTerminal(size: Size(cols: cols, rows: rows))
    }

    @Test func drawsAndReadsBack() {
        let term = make(12, 3)
        term.put("Agenda", at: Point(x: 1, y: 0))
        term.put("1. Apologies", at: Point(x: 0, y: 2), style: Style(bold: true))
        #expect(term.snapshot() == "\n\n")  // nothing shows before a flush
        term.flush()
        #expect(term.snapshot() == " Agenda\n\n1. Apologies")
        #expect(term.style(at: Point(x: 0, y: 2))?.bold == true)
        #expect(term.style(at: Point(x: 1, y: 0))?.bold == false)
    }

    @Test func clipsAtEveryEdge() {
        let term = make(5, 2)
        term.put("abcdefgh", at: Point(x: 2, y: 0))
        term.put("xyz", at: Point(x: -2, y: 1))
        term.put("nope", at: Point(x: 0, y: 2))
        term.put("nope", at: Point(x: 0, y: -1))
        term.put("nope", at: Point(x: 9, y: 0))
        term.flush()
        #expect(term.snapshot() == "  abc\nz")
    }

    @Test func wideCharactersTakeTwoCells() {
        let term = make(8, 1)
        term.put("会议ab", at: .zero)
        term.flush()
        #expect(term.snapshot() == "会议ab")
        #expect(term.cell(at: Point(x: 1, y: 0))?.isContinuation == true)
        #expect(term.cell(at: Point(x: 4, y: 0))?.text == "a")
    }

    @Test func wideCharAtLastColumnBecomesSpace() {
        let term = make(5, 1)
        term.put("abcd会", at: .zero, style: Style(underline: true))
        term.flush()
        #expect(term.snapshot() == "abcd")
        #expect(term.cell(at: Point(x: 4, y: 0)) == Cell(" ", style: Style(underline: true)))
    }

    @Test func wideCharAcrossLeftEdgeBecomesSpace() {
        let term = make(4, 1)
        term.put("会x", at: Point(x: -1, y: 0))
        term.flush()
        #expect(term.snapshot() == " x")
    }

    @Test func overwritingHalfAWideCharBlanksTheOtherHalf() {
        let term = make(6, 2)
        term.put("会议", at: .zero)
        term.put("x", at: Point(x: 1, y: 0))  // right half of 会
        term.put("会议", at: Point(x: 0, y: 1))
        term.put("y", at: Point(x: 2, y: 1))  // left half of 议
        term.flush()
        #expect(term.snapshot() == " x议\n会y")
    }

    @Test func emojiSequencesAndFlags() {
        let term = make(10, 1)
        term.put("👨‍👩‍👧‍👦🇫🇷!", at: .zero)
        term.flush()
        #expect(term.snapshot() == "👨‍👩‍👧‍👦🇫🇷!")
        #expect(term.cell(at: Point(x: 4, y: 0))?.text == "!")
    }

    @Test func drawingIsSanitised() {
        let term = make(20, 1)
        term.put("\u{1B}]0;pwned\u{07}\u{1B}[2J", at: .zero)
        term.flush()
        #expect(term.snapshot() == "␛]0;pwned␇␛[2J")
    }

    @Test func fillClipsAndStyles() {
        let term = make(4, 3)
        let sel = Style(reverse: true)
        term.fill(Rect(x: 2, y: 1, cols: 10, rows: 10), style: sel)
        term.fill(Rect(x: -5, y: -5, cols: 2, rows: 2), style: sel)  // entirely off-screen
        term.fill(Rect(x: 0, y: 0, cols: -3, rows: 2), style: sel)
        term.flush()
        #expect(term.styleSnapshot { $0.reverse } == "....\n..##\n..##")
    }

    @Test func flushSendsOnlyChangedCells() {
        let term = make(20, 5)
        term.put("Motion carried", at: Point(x: 0, y: 1))
        term.flush()
        #expect(term.lastFlushChangedCells == 13)  // the space was already blank
        term.flush()
        #expect(term.lastFlushChangedCells == 0)
        // Redrawing everything identically changes nothing…
        term.clear()
        term.put("Motion carried", at: Point(x: 0, y: 1))
        term.flush()
        #expect(term.lastFlushChangedCells == 0)
        // …and one typed character changes one cell.
        term.put("!", at: Point(x: 14, y: 1))
        term.flush()
        #expect(term.lastFlushChangedCells == 1)
        term.put("Motion Carried!", at: Point(x: 0, y: 1))
        term.flush()
        #expect(term.lastFlushChangedCells == 1)
        term.put("!", at: Point(x: 14, y: 1), style: Style(bold: true))
        term.flush()
        #expect(term.lastFlushChangedCells == 1)
        #expect(term.snapshot() == "\nMotion Carried!\n\n\n")
    }

    @Test func resizeQueuesEventAndRedrawsEverything() {
        let term = make(10, 2)
        term.put("hello", at: .zero)
        term.flush()
        term.resize(to: Size(cols: 3, rows: 3))
        #expect(term.size == Size(cols: 3, rows: 3))
        #expect(term.readInput(timeoutMs: 0) == .resize(Size(cols: 3, rows: 3)))
        #expect(term.readInput(timeoutMs: 0) == nil)
        term.flush()
        #expect(term.lastFlushChangedCells == 9)  // after a resize the screen is unknown
        #expect(term.snapshot() == "hel\n\n")
    }

    @Test func resizeCutsWideCharAtNewEdge() {
        let term = make(4, 1)
        term.put("a会", at: .zero)
        term.flush()
        term.resize(to: Size(cols: 2, rows: 1))
        term.flush()
        #expect(term.snapshot() == "a")
    }

    @Test func degenerateSizes() {
        for size in [Size(cols: 0, rows: 0), Size(cols: -3, rows: 5), Size(cols: 5, rows: -1)] {
            let term = VirtualTerminal(size: size)
            #expect(term.size.isEmpty)
            term.put("text", at: .zero)
            term.fill(Rect(term.size), style: .plain)
            term.setCursor(.zero)
            term.flush()
            #expect(term.cursor == nil)
            #expect(term.lastFlushChangedCells == 0)
        }
    }

    @Test func emptyStringsDrawNothing() {
        let term = make(3, 1)
        term.put("", at: .zero)
        term.put("", at: Point(x: -1, y: 7))
        term.flush()
        #expect(term.lastFlushChangedCells == 0)
        #expect(term.snapshot() == "")
    }

    @Test func cursorFollowsFlush() {
        let term = make(5, 2)
        term.setCursor(Point(x: 2, y: 1))
        #expect(term.cursor == nil)
        term.flush()
        #expect(term.cursor == Point(x: 2, y: 1))
        term.setCursor(Point(x: 9, y: 9))  // off-screen hides it
        term.flush()
        #expect(term.cursor == nil)
    }

    @Test func scriptedInput() {
        let term = make(5, 2)
        term.type("ok")
        term.send(.key(.enter), .paste("a\nb"))
        var events: [InputEvent] = []
        while let e = term.readInput(timeoutMs: 0) { events.append(e) }
        #expect(events == [.key(.char("o")), .key(.char("k")), .key(.enter), .paste("a\nb")])
    }

    @Test func putReturnsNextColumn() {
        var surface = Surface(size: Size(cols: 10, rows: 1))
        let x = surface.put("会a", at: Point(x: 1, y: 0))
        #expect(x == 4)
        #expect(surface.put("", at: Point(x: 3, y: 0)) == 3)
    }
}
