@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The one-line input (the `:` line, `/`, every form's line, the action prompts) counts
/// grapheme clusters: whatever is typed, its cursor stays between two of them.
@Suite struct OneLineInputTests {
    static func typed(_ keys: [Key], into input: CommandInput = CommandInput()) -> CommandInput {
        var input = input
        for key in keys { _ = input.edit(key) }
        return input
    }

    static func chars(_ s: String) -> [Key] { s.unicodeScalars.map { .char(Character($0)) } }

    @Test func aCombiningMarkSentAsItsOwnKeystrokeJoinsTheLetterAndTheNextKeyIsTyped() {
        // A letter, U+0301 on its own, then any character: this used to trap
        // ("String index is out of bounds") because the cursor ran past the text.
        let input = Self.typed([.char("e"), .char("\u{301}"), .char("x")])
        #expect(input.text == "e\u{301}x")
        #expect(input.text.count == 2)
        #expect(input.cursor == 2)
    }

    @Test func theCombiningMarkCrashThroughTheCommandLineAndEveryKindOfJoin() {
        for (typed, expected) in [
            ("e\u{301}x", "éx"),                                   // combining acute
            ("\u{1F1EC}\u{1F1E7}!", "🇬🇧!"),                         // two regional indicators
            ("\u{1F469}\u{200D}\u{1F4BB}!", "👩‍💻!"),                 // a ZWJ sequence
            ("\u{1100}\u{1161}\u{11A8}!", "\u{1100}\u{1161}\u{11A8}!"), // Hangul jamo L V T
            ("a\u{FE0F}b", "a\u{FE0F}b"),                          // a variation selector
        ] {
            var input = CommandInput()
            for key in Self.chars(typed) { _ = input.edit(key) }
            #expect(input.text.precomposedStringWithCanonicalMapping == expected.precomposedStringWithCanonicalMapping, "\(typed)")
            #expect(input.cursor == input.text.count, "\(typed)")
            // Backspace takes the last cluster whole, however it was typed.
            _ = input.edit(.backspace)
            #expect(input.cursor == input.text.count)
            #expect(input.text.count == expected.count - 1, "\(typed)")
        }
    }

    @Test func aMarkTypedBeforeTheTextOrInTheMiddleKeepsTheCursorBetweenClusters() {
        // In the middle: "ab", cursor after "a", a mark joins "a"; the cursor stays after "á".
        var input = Self.typed(Self.chars("ab") + [.left, .char("\u{301}"), .char("x")])
        #expect(input.text == "a\u{301}xb")
        #expect(input.cursor == 2)
        // At the start of "x": a letter typed before a lone mark takes it.
        input = Self.typed([.char("\u{301}"), .home, .char("e"), .char("y")])
        #expect(input.text == "e\u{301}y")
        #expect(input.cursor == 2)
        // A regional indicator before a flag pairs with the flag's first half.
        input = Self.typed(Self.chars("\u{1F1EC}\u{1F1E7}") + [.home, .char("\u{1F1EB}"), .char("z")])
        #expect(input.text.unicodeScalars.count == 4)
        #expect(input.cursor <= input.text.count)
        #expect(input.text.contains("z"))
    }

    @Test func deletingBetweenRegionalIndicatorsKeepsTheCursorInRange() {
        // "🇬x🇧🇫" → delete x: the indicators pair differently; nothing traps.
        var input = CommandInput(text: "\u{1F1EC}x\u{1F1E7}\u{1F1EB}")
        input.cursor = 2
        _ = input.edit(.backspace)
        #expect(input.text == "\u{1F1EC}\u{1F1E7}\u{1F1EB}")
        #expect(input.cursor <= input.text.count)
        _ = input.edit(.char("!"))
        #expect(input.text.contains("!"))
        input.cursor = 0
        _ = input.edit(.delete)
        #expect(input.cursor == 0)
        _ = input.edit(.ctrl("k"))
        #expect(input.text.isEmpty && input.cursor == 0)
    }

    @Test func theCursorCannotBeSetOutsideTheText() {
        var input = CommandInput(text: "abc")
        input.cursor = 99
        #expect(input.cursor == 3)
        input.cursor = -4
        #expect(input.cursor == 0)
        input.cursor = 3
        input.text = "x"
        #expect(input.cursor == 1)
        _ = input.edit(.char("y"))
        #expect(input.text == "xy")
    }

    @Test func lineBreaksInAPasteBecomeSpacesAndBidiControlsGo() {
        var input = Self.typed([.char("a"), .char("\r\n"), .char("\u{202E}"), .char("b"), .char("\t")])
        #expect(input.text == "ab    ")
        input.paste("one\r\ntwo\u{2029}three\u{2067}")
        #expect(input.text == "ab    one two three")
        #expect(input.cursor == input.text.count)
    }

    @Test func tabCompletionOnTheCommandLinePutsTheCursorAtTheEndOfTheCompletedName() throws {
        // "redraw" and spaces: longer than "app.redraw" once trimmed and completed.
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        f.press(.char(":"))
        for c in "redraw          " { f.press(.char(c)) }
        f.press(.tab)
        guard case .command(let input)? = f.app.state.overlay else { Issue.record("no command line"); return }
        #expect(input.text == "app.redraw")
        #expect(input.cursor == input.text.count)
        f.press(.char("x"))
        guard case .command(let after)? = f.app.state.overlay else { Issue.record("no command line"); return }
        #expect(after.text == "app.redrawx")
    }

    @Test func theCombiningMarkCrashOnTheScreenInEveryKindOfPrompt() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        // The command line.
        f.press(.char(":"), .char("e"), .char("\u{301}"), .char("x"))
        guard case .command(let input)? = f.app.state.overlay else { Issue.record("no command line"); return }
        #expect(input.text == "e\u{301}x")
        _ = f.screen()
        f.press(.escape)
        // The search prompt.
        f.press(.char("/"), .char("e"), .char("\u{301}"), .char("x"))
        guard case .form(let form)? = f.app.state.overlay, let line = form.text else { Issue.record("no search prompt"); return }
        #expect(line.text == "e\u{301}x")
        #expect(f.screen().contains("éx".decomposedStringWithCanonicalMapping) || f.screen().contains("éx"))
    }
}
