import Testing

@testable import Terminal

/// Escape sequences in typed or pasted text go whole: not one byte of them is typed.
@Suite struct EscapeSequenceTests {
    /// Each kind of sequence, in its 7-bit and (where there is one) 8-bit form.
    static let sequences: [(name: String, text: String)] = [
        ("CSI SGR", "\u{1B}[31m"), ("CSI reset", "\u{1B}[0m"), ("CSI private mode", "\u{1B}[?1049h"),
        ("CSI with intermediates", "\u{1B}[0 q"), ("CSI clear", "\u{1B}[2J"), ("8-bit CSI", "\u{9B}2J"),
        ("OSC title, BEL", "\u{1B}]0;pwned\u{07}"), ("OSC title, ST", "\u{1B}]2;pwned\u{1B}\\"),
        ("OSC 52 clipboard", "\u{1B}]52;c;cm0gLXJmIC8=\u{07}"), ("OSC 8 link", "\u{1B}]8;;http://x.example/\u{1B}\\"),
        ("8-bit OSC, 8-bit ST", "\u{9D}0;pwned\u{9C}"), ("8-bit OSC, BEL", "\u{9D}0;pwned\u{07}"),
        ("DCS", "\u{1B}P1$r0m\u{1B}\\"), ("8-bit DCS", "\u{90}q#0;2;0;0;0\u{9C}"),
        ("SOS", "\u{1B}Xhidden\u{1B}\\"), ("8-bit SOS", "\u{98}hidden\u{9C}"),
        ("PM", "\u{1B}^private\u{1B}\\"), ("8-bit PM", "\u{9E}private\u{9C}"),
        ("APC", "\u{1B}_Gf=24;AAAA\u{1B}\\"), ("8-bit APC", "\u{9F}app\u{9C}"),
        ("ESC c (reset)", "\u{1B}c"), ("ESC 7 (save cursor)", "\u{1B}7"), ("ESC ( B (charset)", "\u{1B}(B"),
        ("ESC # 8 (fill screen)", "\u{1B}#8"), ("a lone C1", "\u{85}"),
    ]

    @Test func eachKindIsRemovedWholeLeavingExactlyTheSurroundingText() {
        for (name, sequence) in Self.sequences {
            #expect(Sanitize.removingEscapeSequences("before" + sequence + "after") == "beforeafter", "\(name)")
            #expect(Sanitize.removingEscapeSequences(sequence + " x") == " x", "\(name) at the start")
            #expect(Sanitize.removingEscapeSequences("x " + sequence) == "x ", "\(name) at the end")
        }
    }

    @Test func theReportedPasteKeepsItsWordsAndNothingElse() {
        let pasted = "Title \u{1B}]0;pwned\u{07}then \u{1B}[31mred\u{1B}[0m text"
        #expect(Sanitize.removingEscapeSequences(pasted) == "Title then red text")
    }

    @Test func ordinaryTextTabsLineBreaksAndOtherControlsAreLeftAlone() {
        let text = "a\tb\nc\r\nd é 会議 👩‍💻 🇬🇧 [31m ]0; \u{07}"
        #expect(Sanitize.removingEscapeSequences(text) == text)
    }

    @Test func anUnterminatedStringEndsAtItsLineAndASequenceBrokenByAControlKeepsTheControl() {
        #expect(Sanitize.removingEscapeSequences("a\u{1B}]0;title never ends\nnext line") == "a\nnext line")
        #expect(Sanitize.removingEscapeSequences("a\u{1B}Pdata\u{18}b") == "ab")  // CAN cancels
        #expect(Sanitize.removingEscapeSequences("a\u{1B}[31\nb") == "a\nb")
        #expect(Sanitize.removingEscapeSequences("a\u{1B}]0;x\u{1B}[1mb") == "ab")  // ESC ends the string, begins a CSI
        #expect(Sanitize.removingEscapeSequences("a\u{1B}\tb") == "a\tb")
        #expect(Sanitize.removingEscapeSequences("ends with ESC\u{1B}") == "ends with ESC")
        #expect(Sanitize.removingEscapeSequences("\u{1B}\u{1B}[1mx") == "x")
    }

    // MARK: - Typed: the decoder swallows them

    func decode(_ text: String) -> [InputEvent] {
        var decoder = InputDecoder()
        var queue: [RawInput] = text.unicodeScalars.map { .scalar($0) }
        var events: [InputEvent] = []
        while let e = decoder.next(timeoutMs: 0, read: { _ in queue.isEmpty ? nil : queue.removeFirst() }) {
            events.append(e)
        }
        return events
    }

    @Test func typedSequencesAreSwallowedWholeAndTheKeysAroundThemArrive() {
        for (name, sequence) in Self.sequences {
            let events = decode("x" + sequence + "y")
            let typed = events.compactMap { e -> Character? in
                if case .key(.char(let c)) = e { return c }
                return nil
            }
            // Two-byte escapes are Alt keys when typed (ESC c is M-c); everything longer goes.
            if ["ESC c (reset)", "ESC 7 (save cursor)", "ESC ( B (charset)", "ESC # 8 (fill screen)"].contains(name) { continue }
            #expect(String(typed) == "xy", "\(name): \(events)")
        }
    }

    @Test func altWithABracketOrACapitalIsStillAKeyWhenNothingFollowsAtOnce() {
        #expect(decode("\u{1B}]") == [.key(.alt("]"))])
        #expect(decode("\u{1B}P") == [.key(.alt("P"))])
        #expect(decode("\u{1B}_") == [.key(.alt("_"))])
    }

    @Test func anUnterminatedTypedStringStopsAtTheLineBreakWhichStillArrives() {
        #expect(decode("\u{1B}]0;title\rz") == [.key(.enter), .key(.char("z"))])
        #expect(decode("\u{9D}0;title\u{1B}[Az") == [.key(.char("z"))])
    }
}
