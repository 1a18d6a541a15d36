@testable import ClerkTUI
import Terminal
import Testing

/// The minutes editor keeps each paragraph as the clusters its text has, even when an
/// edit re-pairs a whole run of regional indicators.
@Suite struct EditorClusterTests {
    /// Every paragraph's characters are what its text clusters into, and the cursor is in it.
    static func consistent(_ e: TextEditor) -> Bool {
        let paragraphs = e.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard paragraphs.count == e.paragraphCount else { return false }
        for (i, p) in paragraphs.enumerated() where e.paragraphs[i].chars != Array(String(p)) { return false }
        return e.cursor.paragraph < e.paragraphCount && e.cursor.column <= e.paragraphs[e.cursor.paragraph].chars.count
    }

    @Test func aRegionalIndicatorTypedBeforeARunOfFlagsPairsTheWholeRunAnew() {
        var e = TextEditor("\u{1F1E6}\u{1F1E7}\u{1F1E8}\u{1F1E9}\u{1F1EA}\u{1F1EB}")  // three flags
        e.moveCursor(to: .start)
        let typed = e.type("\u{1F1EC}")
        #expect(typed)
        #expect(Self.consistent(e))
        #expect(e.paragraph(0).count == 4)  // 🇬🇦 🇧🇨 🇩🇪 🇫
        #expect(e.cursor.column == 1)
        // Taking it back out pairs the run as it was.
        e.deleteBackward()
        #expect(Self.consistent(e))
        #expect(e.paragraph(0).count == 3)
        e.undo()
        #expect(Self.consistent(e))
        e.undo()
        #expect(Self.consistent(e))
        #expect(e.text == "\u{1F1E6}\u{1F1E7}\u{1F1E8}\u{1F1E9}\u{1F1EA}\u{1F1EB}")
    }

    @Test func deletingALetterBetweenIndicatorsPairsThoseAfterIt() {
        var e = TextEditor("\u{1F1E6}x\u{1F1E7}\u{1F1E8}\u{1F1E9}\u{1F1EA}")
        e.moveCursor(toOffset: 2)
        e.deleteBackward()
        #expect(Self.consistent(e))
        #expect(e.paragraph(0).count == 3)
        // Then typing at the end and moving over every cluster stays in range.
        e.moveCursor(to: TextEditor.Position(paragraph: 0, column: 99))
        e.type("!")
        #expect(Self.consistent(e))
        while e.moveLeft() { #expect(Self.consistent(e)) }
        #expect(e.cursor == .start)
    }
}
