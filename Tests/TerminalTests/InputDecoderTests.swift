import Testing

@testable import Terminal

@Suite struct InputDecoderTests {
    /// Decodes a scripted raw stream completely.
    func decode(_ raw: [RawInput]) -> [InputEvent] {
        var decoder = InputDecoder()
        var queue = raw
        var events: [InputEvent] = []
        while let e = decoder.next(timeoutMs: 0, read: { _ in queue.isEmpty ? nil : queue.removeFirst() }) {
            events.append(e)
        }
        return events
    }

    func chars(_ s: String) -> [RawInput] {
        s.unicodeScalars.map { .scalar($0) }
    }

    @Test func plainAndControlCharacters() {
        #expect(
            decode(chars("a\u{1}\u{1A}\r\n\t\u{7F}\u{8}é")) == [
                .key(.char("a")), .key(.ctrl("a")), .key(.ctrl("z")), .key(.enter), .key(.enter),
                .key(.tab), .key(.backspace), .key(.backspace), .key(.char("é")),
            ])
    }

    @Test func escapeAloneAndAltKeys() {
        #expect(decode(chars("\u{1B}")) == [.key(.escape)])
        #expect(decode(chars("\u{1B}x\u{1B}\u{1B}")) == [.key(.alt("x")), .key(.escape), .key(.escape)])
        #expect(decode(chars("\u{1B}") + [.event(.key(.up))]) == [.key(.escape), .key(.up)])
        #expect(decode(chars("\u{1B}[")) == [.key(.alt("["))])
    }

    @Test func bracketedPasteBecomesOneEvent() {
        let raw = chars("x\u{1B}[200~line one\r\nline\ttwo\u{1B}[B\u{1B}[201~y")
        #expect(decode(raw) == [.key(.char("x")), .paste("line one\nline\ttwo\u{1B}[B"), .key(.char("y"))])
    }

    @Test func pasteWithKeysNcursesRecognised() {
        let raw = chars("\u{1B}[200~a") + [.event(.key(.enter)), .event(.key(.up))] + chars("b\u{1B}[201~")
        #expect(decode(raw) == [.paste("a\nb")])
    }

    @Test func unterminatedPasteIsDeliveredAsItIs() {
        #expect(decode(chars("\u{1B}[200~half a para")) == [.paste("half a para")])
        #expect(decode(chars("\u{1B}[200~\u{1B}[201~")) == [.paste("")])
    }

    @Test func unknownCSISequencesAreDropped() {
        #expect(decode(chars("\u{1B}[1;5Aok")) == [.key(.char("o")), .key(.char("k"))])
    }

    @Test func eventsAndIgnoredInputPassThrough() {
        let click = MouseEvent(.click, at: Point(x: 3, y: 4))
        #expect(
            decode([.ignored, .event(.mouse(click)), .event(.resize(Size(cols: 9, rows: 9)))]) == [
                .mouse(click), .resize(Size(cols: 9, rows: 9)),
            ])
    }
}
