import Glibc
import Testing

@testable import Terminal

/// ncurses keeps global state, so these run one at a time.
@Suite(.serialized) struct NcursesTerminalTests {
    /// A fresh temporary file holding `bytes`; removed by the caller.
    func tempFile(_ name: String, _ bytes: String = "") -> String {
        let path = "/tmp/clerk-terminal-test-\(getpid())-\(name)"
        let f = fopen(path, "w")!
        fputs(bytes, f)
        fclose(f)
        return path
    }

    func fileSize(_ path: String) -> Int {
        var st = stat()
        stat(path, &st)
        return Int(st.st_size)
    }

    @Test func startsDrawsResizesAndEndsHeadless() throws {
        let term = try NcursesTerminal(headless: Size(cols: 40, rows: 10))
        #expect(term.size == Size(cols: 40, rows: 10))
        term.clear()
        term.put("Agenda 会议 👨‍👩‍👧 \u{1B}[2J", at: Point(x: 1, y: 1), style: Style(fg: .red, bold: true))
        term.put("off", at: Point(x: 39, y: 9))
        term.put("off", at: Point(x: -5, y: 50))
        term.fill(Rect(x: 30, y: 5, cols: 100, rows: 100), style: Style(bg: Color(200), reverse: true))
        term.setCursor(Point(x: 3, y: 3))
        term.flush()

        term.resize(to: Size(cols: 20, rows: 5))
        #expect(term.readInput(timeoutMs: 100) == .resize(Size(cols: 20, rows: 5)))
        #expect(term.size == Size(cols: 20, rows: 5))
        term.clear()
        term.put("smaller", at: .zero)
        term.setCursor(nil)
        term.flush()

        term.end()
        term.end()  // idempotent
        term.flush()  // harmless after end
        #expect(term.readInput(timeoutMs: 0) == nil)
    }

    @Test func onlyOneScreenAtATime() throws {
        let first = try NcursesTerminal(headless: Size(cols: 10, rows: 3))
        #expect(throws: TerminalError.alreadyActive) {
            _ = try NcursesTerminal(headless: Size(cols: 10, rows: 3))
        }
        first.end()
        let second = try NcursesTerminal(headless: Size(cols: 10, rows: 3))
        second.end()
    }

    @Test func anUnknownTerminalTypeFallsBackToOneTerminfoKnowsAndSaysSo() throws {
        let term = try NcursesTerminal(headless: Size(cols: 10, rows: 3), termType: "xterm-no-such-terminal", fallback: true)
        defer { term.end() }
        #expect(term.termType == "xterm-256color")
        #expect(term.startNote == "TERM xterm-no-such-terminal is not known here; using xterm-256color")
    }

    @Test func noTerminalTypeAtAllFallsBackToo() throws {
        for unset in [nil, ""] as [String?] {
            let term = try NcursesTerminal(headless: Size(cols: 10, rows: 3), termType: unset ?? "", fallback: true)
            #expect(term.termType == "xterm-256color")
            #expect(term.startNote == "TERM is not set; using xterm-256color")
            term.end()
        }
    }

    @Test func aKnownTerminalIsUsedAsItIs() throws {
        let term = try NcursesTerminal(headless: Size(cols: 10, rows: 3), termType: "vt100", fallback: true)
        defer { term.end() }
        #expect(term.termType == "vt100")
        #expect(term.startNote == nil)
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefusedNotReplaced() throws {
        #expect(throws: TerminalError.cannotAddressCursor(termType: "dumb")) {
            _ = try NcursesTerminal(headless: Size(cols: 10, rows: 3), termType: "dumb", fallback: true)
        }
        // Refused before a screen started: another can start at once.
        let next = try NcursesTerminal(headless: Size(cols: 10, rows: 3))
        next.end()
    }

    @Test func preflightRefusesWhatStartingWouldWithoutStarting() throws {
        #expect(throws: TerminalError.cannotAddressCursor(termType: "dumb")) {
            try NcursesTerminal.preflight(termType: "dumb")
        }
        try NcursesTerminal.preflight(termType: "xterm-no-such-terminal")
        try NcursesTerminal.preflight(termType: nil)
        let term = try NcursesTerminal(headless: Size(cols: 10, rows: 3))
        #expect(throws: TerminalError.alreadyActive) { try NcursesTerminal.preflight(termType: "vt100") }
        term.end()
    }

    @Test func startErrorsReadAsOneLineNotAsSwift() {
        let errors: [TerminalError] = [.alreadyActive, .cannotOpen("/dev/tty"), .cannotStart(termType: ""),
                                       .cannotStart(termType: "xterm-ghostty"), .cannotAddressCursor(termType: "dumb")]
        for error in errors {
            let text = "\(error)"
            #expect(!text.contains("termType") && !text.contains("cannotStart") && !text.contains("\n"), "\(text)")
        }
        #expect("\(TerminalError.cannotStart(termType: ""))".contains("TERM (not set)"))
    }

    @Test func unknownTerminalTypeFails() {
        #expect(throws: TerminalError.cannotStart(termType: "no-such-terminal-type")) {
            _ = try NcursesTerminal(headless: Size(cols: 10, rows: 3), termType: "no-such-terminal-type")
        }
    }

    @Test func degenerateHeadlessSizeStillStarts() throws {
        let term = try NcursesTerminal(headless: Size(cols: 0, rows: -4))
        #expect(!term.size.isEmpty)
        term.put("x", at: .zero)
        term.flush()
        term.end()
    }

    /// Types `text` into a field at row 5 from column 2 and returns the bytes each
    /// keystroke sent to the terminal.
    func bytesPerKeystroke(_ text: String, style: Style) throws -> [Int] {
        let out = tempFile("typing-out")
        defer { unlink(out) }
        let term = try NcursesTerminal(headless: Size(cols: 60, rows: 12), outputPath: out)
        defer { term.end() }
        term.clear()
        term.put("Minutes", at: .zero, style: Style(bold: true))
        term.fill(Rect(x: 2, y: 5, cols: 40, rows: 1), style: style)
        term.setCursor(Point(x: 2, y: 5))
        term.flush()
        var sent: [Int] = []
        for (i, ch) in text.enumerated() {
            let before = fileSize(out)
            term.put(String(ch), at: Point(x: 2 + i, y: 5), style: style)
            term.setCursor(Point(x: 3 + i, y: 5))
            term.flush()
            sent.append(fileSize(out) - before)
        }
        return sent
    }

    @Test func typingIntoAPlainFieldSendsAtMostFourBytesPerCharacter() throws {
        let sent = try bytesPerKeystroke("Motion carried.", style: .plain)
        #expect(sent.allSatisfy { $0 <= 4 }, "\(sent)")
        #expect(sent.contains { $0 > 0 })
    }

    @Test func typingIntoAStyledFieldAlsoResetsAttributes() throws {
        // ncurses ends every update with the attributes reset, so a styled cell costs
        // the SGR sequences on top of the character: keep typed text plain.
        let sent = try bytesPerKeystroke("abc", style: Style(underline: true))
        #expect(sent.allSatisfy { $0 <= 24 }, "\(sent)")
    }

    @Test func decodesKeysAndBracketedPasteFromTheInputStream() throws {
        let bytes = "a\u{1}\u{1B}[200~one\rtwo\u{1B}[201~\u{1B}x\u{7F}"
        let inp = tempFile("paste-in", bytes)
        defer { unlink(inp) }
        let term = try NcursesTerminal(headless: Size(cols: 20, rows: 4), inputPath: inp)
        defer { term.end() }
        var events: [InputEvent] = []
        while let e = term.readInput(timeoutMs: 50) { events.append(e) }
        #expect(
            events == [
                .key(.char("a")), .key(.ctrl("a")), .paste("one\ntwo"), .key(.alt("x")), .key(.backspace),
            ])
    }

    @Test func noColorMeansMonochrome() throws {
        setenv("NO_COLOR", "1", 1)
        defer { unsetenv("NO_COLOR") }
        let term = try NcursesTerminal(headless: Size(cols: 10, rows: 3))
        defer { term.end() }
        #expect(term.colorCount == 0)
        term.put("mono", at: .zero, style: Style(fg: .green, reverse: true))
        term.flush()
    }

    @Test func colorsAreReportedForAColourTerminal() throws {
        let term = try NcursesTerminal(headless: Size(cols: 10, rows: 3), termType: "xterm-256color")
        defer { term.end() }
        #expect(term.colorCount == 256)
    }
}
