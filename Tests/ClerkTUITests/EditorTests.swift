import Testing
import Terminal
@testable import ClerkTUI

/// An editor holding `text` with the cursor at `offset` (default: the end).
private func editor(_ text: String, at offset: Int? = nil) -> TextEditor {
    var e = TextEditor(text)
    if let offset { e.moveCursor(toOffset: offset) }
    return e
}

/// Types `text` one key at a time, as the terminal would deliver it.
private func type(_ text: String, into e: inout TextEditor, width: Int = 80) {
    for ch in text { _ = e.handle(ch == "\n" ? .enter : .char(ch), width: width) }
}

/// Checks what `key` does to `e`.
private func check(_ e: inout TextEditor, _ key: Key, _ expected: EditResult, width: Int = 80,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let result = e.handle(key, width: width)
    #expect(result == expected, sourceLocation: sourceLocation)
}

private func check(_ e: inout TextEditor, _ event: InputEvent, _ expected: EditResult, width: Int = 80,
                   sourceLocation: SourceLocation = #_sourceLocation) {
    let result = e.handle(event, width: width)
    #expect(result == expected, sourceLocation: sourceLocation)
}

/// Runs a mutating operation and expects it to report a change.
private func checkTrue(_ e: inout TextEditor, sourceLocation: SourceLocation = #_sourceLocation,
                       _ op: (inout TextEditor) -> Bool) {
    let result = op(&e)
    #expect(result, sourceLocation: sourceLocation)
}

private func press(_ keys: Key..., on e: inout TextEditor, width: Int = 80) {
    for key in keys { _ = e.handle(key, width: width) }
}

/// The display lines of `text` at `width`.
private func wrapped(_ text: String, _ width: Int) -> [String] {
    TextEditor(text).layout(width: width).lines.map(\.text)
}

private let family = "👩‍👩‍👧"      // one cluster, 2 cells
private let flag = "🇫🇷"            // one cluster, 2 cells
private let combining = "e\u{301}"  // one cluster, 1 cell

@Suite struct EditorTextTests {
    @Test func typingBuildsTheTextWithTheCursorAtTheEnd() {
        var e = TextEditor()
        #expect(e.isEmpty)
        type("Café 会议 \(family)", into: &e)
        #expect(e.text == "Café 会议 \(family)")
        #expect(e.cursorOffset == 9)
        #expect(e.cursor == TextEditor.Position(paragraph: 0, column: 9))
    }

    @Test func enterStartsANewParagraph() {
        var e = TextEditor("Item 1")
        check(&e, .enter, .textChanged, width: 80)
        type("Item 2", into: &e)
        #expect(e.text == "Item 1\nItem 2")
        #expect(e.paragraphCount == 2)
        #expect(e.cursor == TextEditor.Position(paragraph: 1, column: 6))
    }

    @Test func aCombiningMarkJoinsTheLetterBeforeIt() {
        var e = TextEditor("caf")
        type("e\u{301}", into: &e)
        #expect(e.text == "caf\(combining)")
        #expect(e.text.count == 4)
        #expect(e.cursorOffset == 4)
        // Typed in the middle, it joins the letter before the cursor too.
        var m = editor("ae", at: 1)
        type("\u{301}", into: &m)
        #expect(m.text == "a\u{301}e")
        #expect(m.cursorOffset == 1)
    }

    @Test func zwjSequencesCloseUpAsTheyAreTyped() {
        var e = TextEditor()
        for scalar in family.unicodeScalars { type(String(scalar), into: &e) }
        #expect(e.text == family)
        #expect(e.text.count == 1)
        #expect(e.cursorOffset == 1)
        checkTrue(&e) { $0.deleteBackward() }
        #expect(e.isEmpty)
    }

    @Test(arguments: [family, flag, combining, "é", "会", "a"])
    func backspaceAndDeleteRemoveOneWholeCluster(cluster: String) {
        var e = editor("x\(cluster)\(cluster)y", at: 2)
        check(&e, .backspace, .textChanged, width: 80)
        #expect(e.text == "x\(cluster)y")
        #expect(e.cursorOffset == 1)
        check(&e, .ctrl("d"), .textChanged, width: 80)
        #expect(e.text == "xy")
        check(&e, .delete, .textChanged, width: 80)
        #expect(e.text == "x")
    }

    @Test func deletingAtTheEdgesChangesNothing() {
        var e = editor("ab", at: 0)
        check(&e, .backspace, .unchanged, width: 80)
        press(.end, on: &e)
        check(&e, .delete, .unchanged, width: 80)
        var empty = TextEditor()
        check(&empty, .backspace, .unchanged, width: 80)
        check(&empty, .ctrl("d"), .unchanged, width: 80)
        #expect(empty.text == "")
    }

    @Test func backspaceAtAParagraphStartJoinsItToThePreviousOne() {
        var e = editor("one\ntwo", at: 4)
        checkTrue(&e) { $0.deleteBackward() }
        #expect(e.text == "onetwo")
        #expect(e.cursorOffset == 3)
        var f = editor("one\ntwo", at: 3)
        checkTrue(&f) { $0.deleteForward() }
        #expect(f.text == "onetwo")
    }

    @Test func removingWhatSeparatesTwoClustersLetsThemJoin() {
        // A combining mark after a paragraph break stands alone; joining the paragraphs
        // attaches it to the letter.
        var e = editor("e\n\u{301}x", at: 1)
        checkTrue(&e) { $0.deleteForward() }
        #expect(e.text == "\(combining)x")
        #expect(e.cursorOffset == 1)
    }

    @Test func normalisedTurnsLineBreaksTabsAndControls() {
        #expect(TextEditor.normalised("a\r\nb\rc\nd") == "a\nb\nc\nd")
        #expect(TextEditor.normalised("a\tb") == "a    b")
        // Escape sequences go whole, not just their ESC.
        #expect(TextEditor.normalised("a\u{1B}[31mb\u{7}\u{7F}\u{85}c") == "abc")
        #expect(TextEditor.normalised("x\u{202E}y\u{2028}z") == "xy\nz")
        #expect(TextEditor.normalised("plain é 会") == "plain é 会")
        #expect(TextEditor.normalised("\r\n\r\n") == "\n\n")
    }

    @Test func pasteOf100KBWithCRLFAndControlsIsOneStep() {
        var e = TextEditor("Minutes: ")
        let line = "Budget\tline \u{1B}[2Jitem with é, 会议 and \(flag)\u{0}.\r\n"
        var paste = ""
        while paste.utf8.count < 100_000 { paste += line }
        paste += "last\rline"
        check(&e, .paste(paste), .textChanged, width: 80)
        let clean = "Budget    line item with é, 会议 and \(flag).\n"
        let count = paste.components(separatedBy: "\r\n").count - 1
        #expect(e.text == "Minutes: " + String(repeating: clean, count: count) + "last\nline")
        #expect(!e.text.unicodeScalars.contains { $0 != "\n" && Sanitize.isUnsafe($0) })
        #expect(e.cursor == TextEditor.Position(paragraph: count + 1, column: 4))
        #expect(e.undoDepth == 1)
        checkTrue(&e) { $0.undo() }
        #expect(e.text == "Minutes: ")
        checkTrue(&e) { $0.redo() }
        #expect(e.text.hasSuffix("last\nline"))
        let layout = e.layout(width: 80)
        #expect(layout.lines.count > count)
        #expect(layout.cursorRow == layout.lines.count - 1)
    }

    @Test func pasteOfOnlyControlsChangesNothing() {
        var e = TextEditor("a")
        check(&e, .paste("\u{1B}\u{7}"), .unchanged, width: 80)
        #expect(e.text == "a")
        #expect(!e.canUndo)
    }

    @Test func textSetterReplacesEverything() {
        var e = TextEditor("old")
        type("er", into: &e)
        e.text = "new\r\ntext"
        #expect(e.text == "new\ntext")
        #expect(e.cursorOffset == 8)
        #expect(!e.canUndo)
    }

    @Test func equalityIgnoresTheLayoutCache() {
        let a = editor("Some words to wrap", at: 4)
        let b = editor("Some words to wrap", at: 4)
        _ = a.layout(width: 5)
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(a != editor("Some words to wrap", at: 5))
    }
}

@Suite struct EditorMotionTests {
    @Test func leftAndRightStepOverClustersAndParagraphBreaks() {
        var e = editor("a\(family)\nb", at: 0)
        check(&e, .right, .cursorMoved, width: 80)
        #expect(e.cursorOffset == 1)
        press(.ctrl("f"), on: &e)
        #expect(e.cursorOffset == 2)
        press(.right, on: &e)
        #expect(e.cursor == TextEditor.Position(paragraph: 1, column: 0))
        press(.right, on: &e)
        check(&e, .right, .unchanged, width: 80)
        press(.left, .left, on: &e)
        #expect(e.cursor == TextEditor.Position(paragraph: 0, column: 2))
        press(.ctrl("b"), .left, on: &e)
        #expect(e.cursorOffset == 0)
        check(&e, .left, .unchanged, width: 80)
    }

    @Test func wordMotionSkipsPunctuationAndCrossesParagraphs() {
        let text = "Über-große Café's, naïve\n会议 end"
        var e = editor(text, at: 0)
        var stops: [Int] = []
        while e.handle(.alt("f"), width: 80) == .cursorMoved { stops.append(e.cursorOffset) }
        #expect(stops == [4, 10, 15, 17, 24, 27, 31])
        stops = []
        while e.handle(.alt("b"), width: 80) == .cursorMoved { stops.append(e.cursorOffset) }
        #expect(stops == [28, 25, 19, 16, 11, 5, 0])
    }

    @Test func wordMotionTreatsCombiningSequencesAsLetters() {
        var e = editor("cafe\u{301} noir", at: 0)
        press(.alt("f"), on: &e)
        #expect(e.cursorOffset == 4)
    }

    @Test func textStartAndEnd() {
        var e = editor("one\ntwo\nthree", at: 5)
        check(&e, .alt(">"), .cursorMoved, width: 80)
        #expect(e.cursorOffset == 13)
        check(&e, .alt(">"), .unchanged, width: 80)
        check(&e, .alt("<"), .cursorMoved, width: 80)
        #expect(e.cursorOffset == 0)
    }

    @Test func homeAndEndWorkOnTheDisplayLine() {
        // At width 10: "The chair " / "opened the " / "meeting".
        var e = editor("The chair opened the meeting", at: 13)
        #expect(e.layout(width: 10).lines.map(\.text) == ["The chair ", "opened the ", "meeting"])
        check(&e, .home, .cursorMoved, width: 10)
        #expect(e.cursorOffset == 10)
        press(.ctrl("e"), on: &e, width: 10)
        // The line is wider than 10 with its hanging space: End stops on its last cell.
        #expect(e.cursorOffset == 19)
        #expect(e.layout(width: 10).cursorRow == 1)
        press(.up, .end, on: &e, width: 12)
        // At width 12: "The chair " / "opened the " / "meeting": after the trailing space.
        let layout = e.layout(width: 12)
        #expect(e.cursorOffset == 10)
        #expect(layout.cursorRow == 0)
        #expect(layout.cursorColumn == 10)
        // Typing there goes at the end of that line.
        type("x", into: &e, width: 12)
        #expect(e.text == "The chair xopened the meeting")
        // "x" started a word, which moved to the second line with it.
        press(.ctrl("a"), on: &e, width: 12)
        #expect(e.cursorOffset == 10)
    }

    @Test func endOfTheLastLineOfAParagraphIsItsEnd() {
        var e = editor("short\nsecond paragraph", at: 0)
        press(.end, on: &e)
        #expect(e.cursorOffset == 5)
        press(.down, .home, on: &e)
        #expect(e.cursorOffset == 6)
    }

    @Test func upAndDownKeepTheGoalColumnAcrossShorterLines() {
        var e = editor("a long first line\nab\n\nthe fourth line here", at: 12)
        press(.down, on: &e)
        #expect(e.cursorOffset == 20)  // end of "ab"
        press(.down, on: &e)
        #expect(e.cursorOffset == 21)  // the empty paragraph
        press(.ctrl("n"), on: &e)
        #expect(e.cursorOffset == 22 + 12)
        press(.up, .up, .ctrl("p"), on: &e)
        #expect(e.cursorOffset == 12)
        // Any other key forgets the goal.
        press(.down, .left, .up, on: &e)
        #expect(e.cursorOffset == 1)
    }

    @Test func theGoalColumnIsInCellsAndWideCharactersStayWhole() {
        // "会议会议" is 8 cells; "abcdefgh" 8 columns.
        var e = editor("abcdefgh\n会议会议\nabcdefgh", at: 3)
        press(.down, on: &e)
        // Column 3 falls inside the second wide character: the cursor stops before it.
        #expect(e.cursor == TextEditor.Position(paragraph: 1, column: 1))
        #expect(e.layout(width: 80).cursorColumn == 2)
        press(.down, on: &e)
        #expect(e.cursor == TextEditor.Position(paragraph: 2, column: 3))
        press(.end, .up, on: &e)
        #expect(e.cursor == TextEditor.Position(paragraph: 1, column: 4))
        press(.up, on: &e)
        #expect(e.cursor == TextEditor.Position(paragraph: 0, column: 8))
    }

    @Test func upAndDownMoveByDisplayLineWithinAParagraph() {
        // Width 10: "Motion to " / "adopt the " / "budget".
        var e = editor("Motion to adopt the budget", at: 2)
        press(.down, on: &e, width: 10)
        #expect(e.cursorOffset == 12)
        press(.down, on: &e, width: 10)
        #expect(e.cursorOffset == 22)
        // Goal column 9 reaches past "budget": its end.
        press(.up, .end, .up, on: &e, width: 10)
        #expect(e.cursorOffset == 9)
        press(.down, .down, on: &e, width: 10)
        #expect(e.cursorOffset == 26)
    }

    @Test func upFromTheTopGoesToTheStartAndDownFromTheBottomToTheEnd() {
        var e = editor("first\nlast", at: 3)
        check(&e, .up, .cursorMoved, width: 80)
        #expect(e.cursorOffset == 0)
        check(&e, .up, .unchanged, width: 80)
        press(.down, .down, on: &e)
        #expect(e.cursorOffset == 10)
        check(&e, .down, .unchanged, width: 80)
        var empty = TextEditor()
        check(&empty, .up, .unchanged, width: 80)
        check(&empty, .down, .unchanged, width: 1)
    }
}

@Suite struct EditorKillTests {
    @Test func killWordsBackwardAndForward() {
        var e = editor("The motion, as amended", at: 11)
        check(&e, .ctrl("w"), .textChanged, width: 80)
        #expect(e.text == "The  as amended")
        #expect(e.killBuffer == "motion,")
        press(.alt("d"), on: &e)
        #expect(e.text == "The  amended")
        // Consecutive kills add up, in reading order.
        #expect(e.killBuffer == "motion, as")
        press(.alt("\u{7F}"), on: &e)
        #expect(e.text == " amended")
        #expect(e.killBuffer == "The motion, as")
        // A motion ends the run: the next kill starts afresh.
        press(.right, .alt("d"), on: &e)
        #expect(e.killBuffer == "amended")
    }

    @Test func killToTheEndAndStartOfTheParagraph() {
        var e = editor("Apologies: Ms Ng\nPresent: all", at: 11)
        check(&e, .ctrl("k"), .textChanged, width: 80)
        #expect(e.text == "Apologies: \nPresent: all")
        #expect(e.killBuffer == "Ms Ng")
        // At the paragraph's end, C-k takes the break, adding to the kill.
        press(.ctrl("k"), on: &e)
        #expect(e.text == "Apologies: Present: all")
        #expect(e.killBuffer == "Ms Ng\n")
        press(.right, .ctrl("u"), on: &e)
        #expect(e.text == "resent: all")
        #expect(e.killBuffer == "Apologies: P")
        check(&e, .ctrl("u"), .unchanged, width: 80)
        press(.alt(">"), on: &e)
        check(&e, .ctrl("k"), .unchanged, width: 80)
    }

    @Test func yankInsertsTheLastKillAsOneStep() {
        var e = editor("Seconded by Mr Ali.", at: 12)
        press(.ctrl("k"), .ctrl("a"), on: &e)
        check(&e, .ctrl("y"), .textChanged, width: 80)
        #expect(e.text == "Mr Ali.Seconded by ")
        #expect(e.cursorOffset == 7)
        press(.ctrl("y"), on: &e)
        #expect(e.text == "Mr Ali.Mr Ali.Seconded by ")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "Mr Ali.Seconded by ")
        #expect(TextEditor().killBuffer.isEmpty)
        var empty = TextEditor("x")
        check(&empty, .ctrl("y"), .unchanged, width: 80)
    }

    @Test func killsKeepClustersWhole() {
        var e = editor("\(family)\(flag) 会议\(combining)", at: 0)
        press(.ctrl("k"), on: &e)
        #expect(e.killBuffer == "\(family)\(flag) 会议\(combining)")
        press(.ctrl("y"), .ctrl("w"), on: &e)
        #expect(e.text == "\(family)\(flag) ")
    }
}

@Suite struct EditorUndoTests {
    @Test func typingUndoesAWordAtATime() {
        var e = TextEditor()
        type("The motion carried", into: &e)
        #expect(e.undoDepth == 3)
        press(.ctrl("z"), on: &e)
        #expect(e.text == "The motion ")
        press(.ctrl("_"), on: &e)
        #expect(e.text == "The ")
        #expect(e.cursorOffset == 4)
        press(.ctrl("r"), on: &e)
        #expect(e.text == "The motion ")
        #expect(e.cursorOffset == 11)
        press(.ctrl("r"), on: &e)
        #expect(e.text == "The motion carried")
        check(&e, .ctrl("r"), .unchanged, width: 80)
        press(.ctrl("z"), .ctrl("z"), .ctrl("z"), on: &e)
        #expect(e.text == "")
        check(&e, .ctrl("z"), .unchanged, width: 80)
    }

    @Test func movingTheCursorEndsATypingStep() {
        var e = editor("ac", at: 1)
        type("b", into: &e)
        press(.end, on: &e)
        type("d", into: &e)
        press(.ctrl("z"), on: &e)
        #expect(e.text == "abc")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "ac")
        #expect(e.cursorOffset == 1)
    }

    @Test func enterIsAStepOfItsOwn() {
        var e = TextEditor()
        type("one\ntwo", into: &e)
        press(.ctrl("z"), on: &e)
        #expect(e.text == "one\n")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "one")
    }

    @Test func aRunOfBackspacesIsOneStep() {
        var e = TextEditor()
        type("Resolved", into: &e)
        for _ in 0..<5 { press(.backspace, on: &e) }
        type("olute", into: &e)
        #expect(e.text == "Resolute")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "Res")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "Resolved")
        #expect(e.cursorOffset == 8)
        press(.ctrl("z"), on: &e)
        #expect(e.text == "")
        press(.ctrl("r"), .ctrl("r"), on: &e)
        #expect(e.text == "Res")
        press(.ctrl("r"), on: &e)
        #expect(e.text == "Resolute")
    }

    @Test func aRunOfDeletesIsOneStep() {
        var e = editor("abc\(family)def", at: 1)
        for _ in 0..<4 { press(.delete, on: &e) }
        #expect(e.text == "aef")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "abc\(family)def")
        #expect(e.cursorOffset == 1)
    }

    @Test func undoRestoresClustersExactly() {
        var e = TextEditor("caf")
        type("e\u{301} \(family)", into: &e)
        press(.backspace, .backspace, .backspace, on: &e)
        #expect(e.text == "caf")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "caf\(combining) \(family)")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "caf\(combining) ")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "caf")
    }

    @Test func aNewEditClearsRedo() {
        var e = TextEditor()
        type("abc", into: &e)
        press(.ctrl("z"), on: &e)
        #expect(e.canRedo)
        type("x", into: &e)
        #expect(!e.canRedo)
        check(&e, .ctrl("r"), .unchanged, width: 80)
        #expect(e.text == "x")
    }

    @Test func killsAndPastesAreSingleStepsAcrossParagraphs() {
        var e = editor("one two\nthree", at: 3)
        press(.ctrl("k"), .ctrl("k"), .ctrl("k"), on: &e)
        #expect(e.text == "one")
        #expect(e.undoDepth == 3)
        _ = e.handle(.paste("A\nB\nC"), width: 80)
        #expect(e.text == "oneA\nB\nC")
        press(.ctrl("z"), on: &e)
        #expect(e.text == "one")
        press(.ctrl("z"), .ctrl("z"), .ctrl("z"), on: &e)
        #expect(e.text == "one two\nthree")
        #expect(e.cursorOffset == 3)
    }

    @Test func theHistoryIsCapped() {
        var e = TextEditor()
        for i in 0..<600 { e.insert("\(i % 10)") }
        #expect(e.undoDepth == 500)
        while e.undo() {}
        #expect(e.text.count == 100)
        var small = TextEditor()
        small.undoLimit = 3
        for word in ["a ", "b ", "c ", "d "] { small.insert(word) }
        while small.undo() {}
        #expect(small.text == "a ")
    }

    @Test func undoAndRedoRoundTripRandomEdits() {
        var rng = SplitMix(seed: 7)
        let pieces = ["a", " ", "é", combining, "会", family, flag, "\n", "word ", "x\ny"]
        var e = TextEditor()
        var history: [String] = [e.text]
        for _ in 0..<300 {
            switch rng.next() % 6 {
            case 0: e.moveCursor(toOffset: Int(rng.next() % UInt64(e.text.count + 1)))
            case 1: _ = e.deleteBackward()
            case 2: _ = e.deleteForward()
            case 3: _ = e.deleteWordBackward()
            default: e.insert(pieces[Int(rng.next() % UInt64(pieces.count))])
            }
            if history.last != e.text { history.append(e.text) }
        }
        e.undoLimit = 10_000
        var undone = [e.text]
        while e.undo() { undone.append(e.text) }
        #expect(e.text == "")
        // Every state undo passes through was a state of the text (steps may span several).
        #expect(Set(undone).isSubset(of: Set(history)))
        while e.redo() {}
        #expect(e.text == history.last)
    }
}

@Suite struct EditorLayoutTests {
    @Test func emptyTextIsOneEmptyLineWithTheCursorAtItsStart() {
        let layout = TextEditor().layout(width: 10)
        #expect(layout.lines.map(\.text) == [""])
        #expect(layout.cursorRow == 0)
        #expect(layout.cursorColumn == 0)
    }

    @Test func wrapsAtTheWidthKeepingTrailingSpaces() {
        #expect(wrapped("The chair opened the meeting", 80) == ["The chair opened the meeting"])
        #expect(wrapped("The chair opened the meeting", 10) == ["The chair ", "opened the ", "meeting"])
        #expect(wrapped("Motion  carried", 7) == ["Motion  ", "carried"])
        #expect(wrapped("a b", 2) == ["a ", "b"])
        #expect(wrapped("ab cd", 1) == ["a", "b ", "c", "d"])
        #expect(wrapped("one\n\ntwo", 10) == ["one", "", "two"])
        #expect(wrapped("trailing \n", 80) == ["trailing ", ""])
    }

    @Test func breaksWordsLongerThanTheWidth() {
        #expect(wrapped("Antidisestablishmentarianism", 10) == ["Antidisest", "ablishment", "arianism"])
        #expect(wrapped("see Antidisestablishment", 10) == ["see ", "Antidisest", "ablishment"])
        #expect(wrapped("abc", 1) == ["a", "b", "c"])
        #expect(wrapped(String(repeating: "x", count: 200), 80).map(\.count) == [80, 80, 40])
    }

    @Test func measuresInCellsAndNeverSplitsAClusterOrAWideCharacter() {
        #expect(wrapped("会议会议会议", 10) == ["会议会议会", "议"])
        #expect(wrapped("会议会议会议", 5) == ["会议", "会议", "会议"])
        #expect(wrapped("会议", 2) == ["会", "议"])
        #expect(wrapped("会议", 1) == ["会", "议"])  // wider than the line: one each
        #expect(wrapped("Vote 会议记录", 8) == ["Vote 会", "议记录"])
        #expect(wrapped("\(family)\(family)\(flag)", 4) == ["\(family)\(family)", flag])
        #expect(wrapped("\(family)\(flag)", 1) == [family, flag])
        #expect(wrapped("ca\(combining)fé", 2) == ["ca", "\(combining)f", "é"])
        #expect(wrapped("Café Crème", 5) == ["Café ", "Crème"])
    }

    @Test func linesKnowTheirRanges() {
        let layout = TextEditor("ab cd\nef").layout(width: 3)
        #expect(layout.lines.map(\.text) == ["ab ", "cd", "ef"])
        #expect(layout.lines.map(\.range) == [0..<3, 3..<5, 6..<8])
        #expect(layout.lines.map(\.columns) == [0..<3, 3..<5, 0..<2])
        #expect(layout.lines.map(\.paragraph) == [0, 0, 1])
        #expect(layout.lines.map(\.endsParagraph) == [false, true, true])
        #expect(layout.lines.map(\.width) == [3, 2, 2])
    }

    @Test func theCursorIsPlacedInCells() {
        var e = editor("会议 \(family) café", at: 3)
        var layout = e.layout(width: 80)
        #expect(layout.cursorRow == 0)
        #expect(layout.cursorColumn == 5)
        e.moveCursor(toOffset: 4)
        layout = e.layout(width: 80)
        #expect(layout.cursorColumn == 7)
        // At a wrap point the cursor shows at the start of the next line…
        e = editor("ab cd", at: 3)
        layout = e.layout(width: 3)
        #expect((layout.cursorRow, layout.cursorColumn) == (1, 0))
        // … and after a full last line, on its last cell.
        e = editor("abc")
        layout = e.layout(width: 3)
        #expect((layout.cursorRow, layout.cursorColumn) == (0, 2))
        #expect(e.layout(width: 1).cursorColumn == 0)
    }

    @Test func typingASpaceAtTheWrapPointKeepsTheCursorOnTheLine() {
        var e = TextEditor("The chair")
        type(" ", into: &e, width: 10)
        var layout = e.layout(width: 10)
        #expect(layout.lines.map(\.text) == ["The chair "])
        #expect((layout.cursorRow, layout.cursorColumn) == (0, 9))
        type("o", into: &e, width: 10)
        layout = e.layout(width: 10)
        #expect(layout.lines.map(\.text) == ["The chair ", "o"])
        #expect((layout.cursorRow, layout.cursorColumn) == (1, 1))
    }

    @Test func aSpaceTypedAtAWrapPointInsideAParagraphKeepsTheCursorAfterIt() {
        var e = editor("The chair opened", at: 10)
        #expect(e.layout(width: 12).lines.map(\.text) == ["The chair ", "opened"])
        #expect((e.layout(width: 12).cursorRow, e.layout(width: 12).cursorColumn) == (1, 0))
        type(" ", into: &e, width: 12)
        var layout = e.layout(width: 12)
        #expect(layout.lines.map(\.text) == ["The chair  ", "opened"])
        #expect((layout.cursorRow, layout.cursorColumn) == (0, 11))
        // Right shows the same place at the start of the lower line, then moves on.
        check(&e, .right, .cursorMoved, width: 12)
        layout = e.layout(width: 12)
        #expect(e.cursorOffset == 11)
        #expect((layout.cursorRow, layout.cursorColumn) == (1, 0))
        press(.right, on: &e, width: 12)
        #expect(e.cursorOffset == 12)
    }

    @Test(arguments: [1, 2, 3, 7, 10, 80])
    func incrementalLayoutMatchesAFreshOne(width: Int) {
        var rng = SplitMix(seed: UInt64(width))
        let pieces = ["a", "b", " ", "  ", "é", combining, "会", family, flag, "\n", "motion ", "Antidisestablishment"]
        var e = TextEditor("The chair opened the meeting at 10:00 and welcomed the members of the committee.")
        for step in 0..<400 {
            switch rng.next() % 8 {
            case 0: e.moveCursor(toOffset: Int(rng.next() % UInt64(e.text.count + 1)))
            case 1: _ = e.deleteBackward()
            case 2: _ = e.deleteForward()
            case 3: _ = e.undo()
            default:
                let piece = pieces[Int(rng.next() % UInt64(pieces.count))]
                if piece.count == 1 { _ = e.type(Character(piece)) } else { e.insert(piece) }
            }
            // Lay out only now and then, so that edits pile up between layouts.
            if step % 3 == 0 || rng.next() % 2 == 0 {
                let incremental = e.layout(width: width)
                let fresh = TextEditor.fresh(e).layout(width: width)
                #expect(incremental == fresh, "step \(step)")
                if incremental != fresh { return }
            }
        }
    }

    @Test func resizingWrapsAgain() {
        let e = TextEditor("The chair opened the meeting")
        #expect(e.layout(width: 10).lines.count == 3)
        #expect(e.layout(width: 80).lines.count == 1)
        #expect(e.layout(width: 10).lines.count == 3)
        #expect(e.layout(width: 0).lines.count == e.layout(width: 1).lines.count)
    }

    @Test func tenThousandKeystrokesWithALayoutAfterEach() {
        // A 20 KB document: typing in the middle of a long paragraph, then at the end.
        let sentence = "The committee noted the report of the treasurer and agreed the budget. "
        var paragraphs: [String] = []
        for i in 0..<12 { paragraphs.append(String(repeating: sentence, count: i == 5 ? 100 : 20)) }
        var e = TextEditor(paragraphs.joined(separator: "\n"))
        #expect(e.text.utf8.count > 20_000)
        e.moveCursor(to: TextEditor.Position(paragraph: 5, column: 3_500))
        let typed = Array("Resolved: that the minutes be approved, with corrections. ")
        var rows = 0
        for i in 0..<10_000 {
            if i == 5_000 { _ = e.handle(.alt(">"), width: 80) }
            let key: Key = i % 97 == 96 ? .backspace : .char(typed[i % typed.count])
            _ = e.handle(key, width: 80)
            rows = e.layout(width: 80).lines.count
        }
        #expect(rows > 300)
        #expect(e.layout(width: 80) == TextEditor.fresh(e).layout(width: 80))
    }
}

@Suite struct EditorDrawTests {
    @Test func drawsTheVisibleLinesAndPlacesTheCursor() {
        let term = VirtualTerminal(size: Size(cols: 14, rows: 4))
        term.fill(Rect(term.size), style: .plain)
        term.put("##############", at: Point(x: 0, y: 3))
        let e = editor("The chair opened the meeting", at: 12)
        var scroll = 0
        e.draw(in: Rect(x: 2, y: 0, cols: 10, rows: 3), on: term, style: .plain, scroll: &scroll)
        term.flush()
        #expect(term.snapshot() == "  The chair\n  opened the\n  meeting\n##############")
        #expect(term.cursor == Point(x: 4, y: 1))
        #expect(scroll == 0)
    }

    @Test func scrollsToKeepTheCursorInView() {
        let term = VirtualTerminal(size: Size(cols: 10, rows: 2))
        var e = TextEditor("one\ntwo\nthree\nfour")
        var scroll = 0
        e.draw(in: Rect(x: 0, y: 0, cols: 10, rows: 2), on: term, style: .plain, scroll: &scroll)
        term.flush()
        #expect(scroll == 2)
        #expect(term.snapshot() == "three\nfour")
        #expect(term.cursor == Point(x: 4, y: 1))
        press(.alt("<"), on: &e, width: 10)
        e.draw(in: Rect(x: 0, y: 0, cols: 10, rows: 2), on: term, style: .plain, scroll: &scroll)
        term.flush()
        #expect(scroll == 0)
        #expect(term.snapshot() == "one\ntwo")
        #expect(term.cursor == Point(x: 0, y: 0))
        // A scroll past the text is pulled back.
        scroll = 50
        e.text = "short"
        e.draw(in: Rect(x: 0, y: 0, cols: 10, rows: 2), on: term, style: .plain, scroll: &scroll)
        #expect(scroll == 0)
    }

    @Test func wideCharactersAndHangingSpacesStayInsideTheRect() {
        let term = VirtualTerminal(size: Size(cols: 8, rows: 3))
        term.fill(Rect(term.size), style: .plain)
        term.put("||||||||", at: Point(x: 0, y: 0))
        term.put("||||||||", at: Point(x: 0, y: 1))
        term.put("||||||||", at: Point(x: 0, y: 2))
        let e = TextEditor("会议会议 \(family)\(flag) ab")
        var scroll = 0
        e.draw(in: Rect(x: 1, y: 0, cols: 5, rows: 3), on: term, style: .plain, scroll: &scroll)
        term.flush()
        // "会议 " / "会议 " / family flag / "ab": the cursor is on the fourth line.
        #expect(scroll == 1)
        #expect(term.snapshot() == "|会议 ||\n|\(family)\(flag) ||\n|ab   ||")
        #expect(term.cursor == Point(x: 3, y: 2))
        e.draw(in: Rect(x: 1, y: 0, cols: 5, rows: 2), on: term, style: .plain, scroll: &scroll)
        term.flush()
        #expect(scroll == 2)
        #expect(term.snapshot() == "|\(family)\(flag) ||\n|ab   ||\n|ab   ||")
        #expect(term.cursor == Point(x: 3, y: 1))
    }

    @Test func typingInTheMiddleOfALineRedrawsOnlyWhatMoved() {
        let term = VirtualTerminal(size: Size(cols: 40, rows: 5))
        var e = editor("Minutes of the meeting\nApologies were received", at: 11)
        var scroll = 0
        let rect = Rect(x: 0, y: 0, cols: 40, rows: 5)
        e.draw(in: rect, on: term, style: .plain, scroll: &scroll)
        term.flush()
        type("x", into: &e, width: 40)
        e.draw(in: rect, on: term, style: .plain, scroll: &scroll)
        term.flush()
        #expect(term.snapshot() == "Minutes of xthe meeting\nApologies were received\n\n\n")
        // "xthe meeting" replaces "the meeting ": 12 cells, one of which ("e") is the same.
        #expect(term.lastFlushChangedCells == 11)
        #expect(term.cursor == Point(x: 12, y: 0))
    }

    @Test func anEmptyRectDrawsNothing() {
        let term = VirtualTerminal(size: Size(cols: 5, rows: 2))
        var scroll = 3
        TextEditor("text").draw(in: Rect(x: 0, y: 0, cols: 0, rows: 2), on: term, style: .plain, scroll: &scroll)
        term.flush()
        #expect(term.snapshot() == "\n")
        #expect(scroll == 3)
    }
}

@Suite struct EditorKeyTests {
    @Test(arguments: [Key.escape, .tab, .backTab, .pageUp, .pageDown, .insert, .f(1), .ctrl("c"), .ctrl("l"),
                      .ctrl("v"), .alt("x"), .alt("v")])
    func leavesOtherKeysToTheCaller(key: Key) {
        var e = editor("text", at: 2)
        let before = e
        check(&e, key, .notHandled, width: 80)
        #expect(e == before)
    }

    @Test func handlesPastesButNotMouseOrResize() {
        var e = TextEditor()
        check(&e, InputEvent.paste("a\r\nb"), .textChanged, width: 80)
        #expect(e.text == "a\nb")
        check(&e, InputEvent.key(.char("c")), .textChanged, width: 80)
        check(&e, InputEvent.resize(Size(cols: 1, rows: 1)), .notHandled, width: 80)
        check(&e, InputEvent.mouse(MouseEvent(.click, at: .zero)), .notHandled, width: 80)
        #expect(EditResult.unchanged.isHandled && !EditResult.notHandled.isHandled)
    }
}

extension TextEditor {
    /// The same text and cursor with nothing cached.
    static func fresh(_ e: TextEditor) -> TextEditor {
        var copy = TextEditor(e.text)
        copy.cursor = e.cursor
        copy.upstream = e.upstream
        return copy
    }
}

/// A small deterministic generator for the randomised tests.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
