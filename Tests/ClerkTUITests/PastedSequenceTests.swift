import ClerkCore
import ClerkStore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Escape sequences pasted into the minutes editor or a one-line prompt are removed whole,
/// as the user guide says: `]0;title` or `[31m` never stay behind as text.
@Suite struct PastedSequenceTests {
    static let kinds: [(name: String, text: String)] = [
        ("CSI", "\u{1B}[31m"), ("CSI private", "\u{1B}[?2004l"), ("8-bit CSI", "\u{9B}1;31m"),
        ("OSC BEL", "\u{1B}]0;pwned\u{07}"), ("OSC ST", "\u{1B}]52;c;eA==\u{1B}\\"), ("8-bit OSC", "\u{9D}0;pwned\u{9C}"),
        ("DCS", "\u{1B}P+q544e\u{1B}\\"), ("8-bit DCS", "\u{90}1$r\u{9C}"), ("SOS", "\u{1B}Xs\u{1B}\\"),
        ("PM", "\u{1B}^p\u{1B}\\"), ("APC", "\u{1B}_a\u{1B}\\"), ("8-bit APC", "\u{9F}a\u{9C}"),
        ("ESC c", "\u{1B}c"), ("ESC ( 0", "\u{1B}(0"), ("bidi override", "\u{202E}"), ("BEL", "\u{07}"),
    ]

    @Test func eachKindPastedIntoTheMinutesEditorLeavesExactlyTheSurroundingText() {
        for (name, sequence) in Self.kinds {
            var editor = TextEditor("Noted: ")
            _ = editor.handle(.paste("left" + sequence + "right\r\nnext\tline"), width: 40)
            #expect(editor.text == "Noted: leftright\nnext    line", "\(name)")
            #expect(editor.cursor == TextEditor.Position(paragraph: 1, column: 12), "\(name)")
        }
    }

    @Test func eachKindPastedIntoAOneLinePromptLeavesExactlyTheSurroundingText() {
        for (name, sequence) in Self.kinds {
            var line = CommandInput(text: "Find: ")
            line.paste("left" + sequence + "right\nnext")
            #expect(line.text == "Find: leftright next", "\(name)")
            #expect(line.cursor == line.text.count, "\(name)")
        }
    }

    @Test func theReportedPasteReachesTheJournalAsItsWordsOnly() throws {
        let (f, clock) = try MinutesEditingTests.open()
        f.press(.char("a"))
        f.app.handle(.paste("Title \u{1B}]0;pwned\u{07}then \u{1B}[31mred\u{1B}[0m text"))
        clock.seconds += 2
        f.app.tick()
        _ = f.app.flushMinutes()
        let (_, record) = try MinutesEditingTests.reopened(f)
        #expect(record.entries.last?.text == "Title then red text")
        // The search prompt, through the screen.
        f.press(.f(10))
        f.press(.char("/"))
        f.app.handle(.paste("\u{1B}[31mred\u{1B}[0m \u{9D}0;x\u{9C}minutes"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no search prompt"); return }
        #expect(form.text?.text == "red minutes")
    }
}
