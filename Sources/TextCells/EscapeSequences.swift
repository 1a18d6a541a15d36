extension Sanitize {
    /// `text` without its terminal escape sequences, each removed whole (introducer,
    /// parameters and terminator), so that pasted text leaves no `]0;title` or `[31m`
    /// behind once its control characters are dropped.
    ///
    /// ```swift
    /// Sanitize.removingEscapeSequences("a\u{1B}]0;pwned\u{07}b \u{1B}[31mred\u{1B}[0m")   // "ab red"
    /// ```
    ///
    /// Removed, in their 7-bit (ESC) and 8-bit (C1) forms:
    /// - CSI (`ESC [`, U+009B): parameter and intermediate bytes, then a final byte
    ///   0x40–0x7E;
    /// - OSC (`ESC ]`, U+009D): up to BEL or ST (`ESC \`, U+009C);
    /// - DCS, SOS, PM, APC (`ESC P`, `ESC X`, `ESC ^`, `ESC _`; U+0090, U+0098, U+009E,
    ///   U+009F): up to ST (or BEL);
    /// - other escapes: `ESC`, any intermediate bytes 0x20–0x2F, and one final byte
    ///   (`ESC c`, `ESC 7`, `ESC ( B`).
    ///
    /// A control sequence interrupted by a character that cannot belong to it (a control,
    /// a line break, a letter outside ASCII) ends there, and that character is kept. A string (OSC, DCS…) that is never terminated
    /// ends at the end of its line, or at CAN/SUB, as terminals cancel it: one hostile
    /// line cannot swallow the rest of a paste. Everything else — other controls included
    /// — is left for the caller's own rules.
    public static func removingEscapeSequences(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0.value == 0x1B || (0x80...0x9F).contains($0.value) }) else { return text }
        let scalars = Array(text.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        while i < scalars.count {
            let s = scalars[i].value
            if s == 0x1B {
                i = skipEscape(scalars, from: i + 1)
            } else if (0x80...0x9F).contains(s) {
                i = skipC1(s, scalars, from: i + 1)
            } else {
                out.append(scalars[i])
                i += 1
            }
        }
        return String(out)
    }

    /// After ESC at `i - 1`: the index after the sequence it begins.
    private static func skipEscape(_ scalars: [Unicode.Scalar], from i: Int) -> Int {
        guard i < scalars.count else { return i }
        switch scalars[i].value {
        case 0x5B: return skipControlSequence(scalars, from: i + 1)           // [  CSI
        case 0x5D: return skipString(scalars, from: i + 1)                    // ]  OSC
        case 0x50, 0x58, 0x5E, 0x5F: return skipString(scalars, from: i + 1)  // P X ^ _
        case 0x20...0x2F:
            // nF: intermediates, then one final byte.
            var j = i
            while j < scalars.count, (0x20...0x2F).contains(scalars[j].value) { j += 1 }
            if j < scalars.count, (0x30...0x7E).contains(scalars[j].value) { j += 1 }
            return j
        case 0x30...0x7E: return i + 1                                        // ESC x
        default: return i  // ESC before a control or any other character: ESC alone
        }
    }

    /// After a C1 control `c` at `i - 1`: the index after what it introduces.
    private static func skipC1(_ c: UInt32, _ scalars: [Unicode.Scalar], from i: Int) -> Int {
        switch c {
        case 0x9B: return skipControlSequence(scalars, from: i)
        case 0x9D, 0x90, 0x98, 0x9E, 0x9F: return skipString(scalars, from: i)
        default: return i
        }
    }

    /// A CSI's parameter (0x30–0x3F) and intermediate (0x20–0x2F) bytes and its final
    /// byte (0x40–0x7E); it ends early at anything else.
    private static func skipControlSequence(_ scalars: [Unicode.Scalar], from i: Int) -> Int {
        var j = i
        while j < scalars.count {
            let v = scalars[j].value
            if (0x20...0x3F).contains(v) { j += 1; continue }
            if (0x40...0x7E).contains(v) { return j + 1 }
            return j
        }
        return j
    }

    /// A control string's body up to and including its terminator: BEL, ST (U+009C) or
    /// ESC \. Ends before a line break and at CAN or SUB when there is no terminator.
    private static func skipString(_ scalars: [Unicode.Scalar], from i: Int) -> Int {
        var j = i
        while j < scalars.count {
            switch scalars[j].value {
            case 0x07, 0x9C, 0x18, 0x1A: return j + 1
            case 0x1B:
                // ESC \ ends the string; an ESC starting anything else ends it too (as
                // terminals do) and begins the next sequence.
                return j + 1 < scalars.count && scalars[j + 1] == "\\" ? j + 2 : j
            case 0x0A, 0x0D, 0x2028, 0x2029: return j
            default: j += 1
            }
        }
        return j
    }
}
