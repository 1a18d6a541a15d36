/// One unit of input as the terminal library delivers it, before decoding.
enum RawInput: Hashable, Sendable {
    /// A character from the input stream (which may be part of an escape sequence).
    case scalar(Unicode.Scalar)
    /// Something the terminal library has already recognised (function key, mouse, resize).
    case event(InputEvent)
    /// Something recognised but of no use to us (an unmapped key code).
    case ignored
}

/// Turns the raw stream into events: control characters into keys, ESC-prefixed
/// characters into Alt keys, and a bracketed paste (`ESC [200~ … ESC [201~`) into one
/// `.paste` event. Other control sequences and strings (CSI, OSC, DCS…, 7-bit or 8-bit)
/// are swallowed whole: none of their bytes is typed as text. Kept apart from ncurses so that it can be tested with a script.
struct InputDecoder: Sendable {
    /// How long to wait for the rest of an escape sequence that has begun.
    var sequenceWaitMs = 25
    /// How long a paste may stall before what has arrived is delivered as it is.
    var pasteWaitMs = 500
    private var pushback: [RawInput] = []

    /// The next event, reading with `read(timeoutMs)` (nil on timeout).
    mutating func next(timeoutMs: Int, read: (Int) -> RawInput?) -> InputEvent? {
        while let raw = take(timeoutMs, read) {
            switch raw {
            case .ignored:
                continue
            case .event(let event):
                return event
            case .scalar(let s) where s.value == 0x1B:
                if let event = decodeEscape(read) { return event }
            case .scalar(let s) where s.value == 0x9B:
                _ = readControlSequence(read)  // an 8-bit CSI: swallowed whole
            case .scalar(let s) where [0x90, 0x98, 0x9D, 0x9E, 0x9F].contains(s.value):
                skipControlString(read)  // an 8-bit DCS, SOS, OSC, PM or APC: swallowed whole
            case .scalar(let s) where (0x80...0x9F).contains(s.value):
                continue  // any other C1 control is no key
            case .scalar(let s):
                return .key(Self.key(for: s))
            }
        }
        return nil
    }

    private mutating func take(_ timeoutMs: Int, _ read: (Int) -> RawInput?) -> RawInput? {
        pushback.isEmpty ? read(timeoutMs) : pushback.removeFirst()
    }

    /// After ESC: a paste, a swallowed unknown CSI sequence (nil), Alt+key, or Escape.
    private mutating func decodeEscape(_ read: (Int) -> RawInput?) -> InputEvent? {
        guard let next = take(sequenceWaitMs, read) else { return .key(.escape) }
        guard case .scalar(let c) = next, c.value >= 0x20, c.value != 0x7F else {
            pushback.insert(next, at: 0)
            return .key(.escape)
        }
        if "]PX^_".unicodeScalars.contains(c) {
            // OSC, DCS, SOS, PM or APC when more follows at once; Alt+key when nothing does.
            guard let more = take(sequenceWaitMs, read) else { return .key(.alt(Character(c))) }
            pushback.insert(more, at: 0)
            guard case .scalar = more else { return .key(.alt(Character(c))) }
            skipControlString(read)
            return nil  // dropped whole rather than typed as text
        }
        if c != "[" { return .key(.alt(Character(c))) }
        // ESC [ … : a CSI sequence ncurses did not recognise. Read it to its final byte.
        let body = readControlSequence(read)
        if body.isEmpty { return .key(.alt("[")) }
        if body == "200~" { return .paste(readPaste(read)) }
        return nil  // unknown sequence: dropped rather than typed as text
    }

    /// The parameters, intermediates and final byte of a control sequence whose
    /// introducer has been read; stops early at anything else (left to be read next).
    private mutating func readControlSequence(_ read: (Int) -> RawInput?) -> String {
        var body = ""
        while let r = take(sequenceWaitMs, read) {
            guard case .scalar(let b) = r, (0x20...0x7E).contains(b.value) else {
                pushback.insert(r, at: 0)
                break
            }
            body.unicodeScalars.append(b)
            if (0x40...0x7E).contains(b.value) { break }
            if body.unicodeScalars.count > 32 { break }
        }
        return body
    }

    /// Reads a control string (OSC, DCS, …) whose introducer has been read, through its
    /// terminator: BEL, ST (U+009C or ESC \), CAN or SUB. A line break, a key or a pause
    /// ends it unterminated and is left to be read next; so does an ESC that begins
    /// something else.
    private mutating func skipControlString(_ read: (Int) -> RawInput?) {
        var length = 0
        while length < 4096, let r = take(sequenceWaitMs, read) {
            length += 1
            guard case .scalar(let b) = r else {
                pushback.insert(r, at: 0)
                return
            }
            switch b.value {
            case 0x07, 0x9C, 0x18, 0x1A:
                return
            case 0x0A, 0x0D:
                pushback.insert(r, at: 0)
                return
            case 0x1B:
                guard let next = take(sequenceWaitMs, read) else { return }
                if next == .scalar("\\") { return }
                pushback.insert(contentsOf: [r, next], at: 0)
                return
            default:
                continue
            }
        }
    }

    private mutating func readPaste(_ read: (Int) -> RawInput?) -> String {
        let end: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
        var text: [Unicode.Scalar] = []
        while let r = take(pasteWaitMs, read) {
            switch r {
            case .scalar(let s):
                text.append(s)
                if text.count >= end.count, Array(text.suffix(end.count)) == end {
                    text.removeLast(end.count)
                    return Self.normaliseNewlines(text)
                }
            case .event(.key(.enter)):
                text.append("\n")
            case .event(.key(.tab)):
                text.append("\t")
            case .event, .ignored:
                continue  // keys recognised inside a paste carry no text
            }
        }
        return Self.normaliseNewlines(text)
    }

    private static func normaliseNewlines(_ scalars: [Unicode.Scalar]) -> String {
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i]
            if s == "\r" {
                out.append("\n")
                if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
            } else {
                out.append(s)
            }
            i += 1
        }
        return String(out)
    }

    /// The key a single character stands for.
    static func key(for s: Unicode.Scalar) -> Key {
        switch s.value {
        case 0x0D, 0x0A: return .enter
        case 0x09: return .tab
        case 0x08, 0x7F: return .backspace
        case 0x1B: return .escape
        case 0x00: return .ctrl("@")
        case 0x01...0x1A: return .ctrl(Character(Unicode.Scalar(s.value + 0x60)!))
        case 0x1C...0x1F: return .ctrl(Character(Unicode.Scalar(s.value + 0x40)!))
        default: return .char(Character(s))
        }
    }
}
