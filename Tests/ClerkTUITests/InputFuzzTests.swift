import ClerkCore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// A small deterministic generator (SplitMix64): the same seed gives the same sequences on
/// every machine and every run, so a failure can be replayed.
struct FuzzRandom {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(max(1, n))) }
    mutating func pick<T>(_ items: [T]) -> T { items[below(items.count)] }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }
}

/// What a fuzzed person types: letters, combining marks sent on their own, wide
/// characters, emoji pieces, regional indicators, bidi and other controls, editing keys,
/// and pastes carrying all of that plus escape sequences and line breaks.
enum FuzzInput {
    static let scalars: [String] = [
        "a", "e", "x", "Z", "0", " ", " ", ".", "-", "/", "|", "_",
        "\u{301}", "\u{308}", "\u{20DD}", "\u{489}",                  // combining marks
        "会", "議", "Ｗ", "가",                                          // wide
        "👩", "💻", "🏽", "\u{200D}", "\u{FE0F}", "\u{FE0E}",           // emoji, modifier, ZWJ, selectors
        "\u{1F1EC}", "\u{1F1E7}", "\u{1F1EB}", "\u{1F1F7}",             // regional indicators
        "\u{1100}", "\u{1161}", "\u{11A8}",                              // Hangul jamo L V T
        "क", "\u{94D}", "ष",                                             // Devanagari conjunct
        "\u{202E}", "\u{2067}", "\u{2069}", "\u{200F}", "\u{61C}",       // bidi controls
        "\r", "\n", "\r\n", "\t", "\u{2028}", "\u{85}", "\u{9B}", "\u{7F}", "\u{0}", "\u{7}",
    ]

    static let keys: [Key] = [
        .left, .right, .home, .end, .backspace, .delete, .up, .down,
        .ctrl("a"), .ctrl("e"), .ctrl("b"), .ctrl("f"), .ctrl("d"), .ctrl("h"), .ctrl("k"), .ctrl("u"), .ctrl("w"),
        .ctrl("y"), .ctrl("z"), .ctrl("r"), .ctrl("_"), .ctrl("n"), .ctrl("p"),
        .alt("b"), .alt("f"), .alt("d"), .alt("\u{7F}"), .alt("<"), .alt(">"),
    ]

    static let sequences: [String] = [
        "\u{1B}]0;pwned\u{07}", "\u{1B}[31m", "\u{1B}[0m", "\u{1B}[2J", "\u{9B}1;31m", "\u{9D}0;t\u{9C}",
        "\u{1B}P1$r\u{1B}\\", "\u{1B}_x\u{1B}\\", "\u{1B}c", "\u{1B}(B", "\u{1B}", "\u{1B}]8;;x",
    ]

    static func text(_ r: inout FuzzRandom, length: Int) -> String {
        var s = ""
        for _ in 0..<length {
            if r.chance(10) { s += r.pick(sequences) } else { s += r.pick(scalars) }
        }
        return s
    }

    /// One event; `closing` keys (Enter, Esc, Tab…) are left to the caller.
    static func event(_ r: inout FuzzRandom) -> InputEvent {
        switch r.below(100) {
        case 0..<55: return .key(.char(Character(r.pick(scalars))))
        case 55..<90: return .key(r.pick(keys))
        default: return .paste(text(&r, length: 1 + r.below(12)))
        }
    }
}

/// A model of the one-line input that keeps the text as scalars and the cursor as a scalar
/// offset on a cluster boundary: a different way of counting from `CommandInput`'s.
struct LineModel {
    var scalars: [Unicode.Scalar] = []
    var cursor = 0  // in scalars

    var string: String { String(String.UnicodeScalarView(scalars)) }

    /// The scalar offsets where clusters begin and end: 0, …, scalars.count.
    var boundaries: [Int] {
        var out = [0], at = 0
        for c in string {
            at += c.unicodeScalars.count
            out.append(at)
        }
        return out
    }

    var clusterCursor: Int { boundaries.firstIndex(of: cursor) ?? -1 }

    /// The first boundary at or after `offset`.
    func roundUp(_ offset: Int) -> Int { boundaries.first { $0 >= offset } ?? scalars.count }

    mutating func replace(_ a: Int, _ b: Int, with s: String) {
        scalars.replaceSubrange(a..<b, with: Array(s.unicodeScalars))
        cursor = roundUp(a + s.unicodeScalars.count)
    }

    func cluster(before offset: Int) -> Int { boundaries.last { $0 < offset } ?? 0 }
    func cluster(after offset: Int) -> Int { boundaries.first { $0 > offset } ?? scalars.count }
    func isSpace(from a: Int, to b: Int) -> Bool { b == a + 1 && scalars[a] == " " }

    mutating func apply(_ event: InputEvent) {
        switch event {
        case .paste(let text): replace(cursor, cursor, with: CommandInput.oneLine(text))
        case .key(let key):
            switch key {
            case .char(let c): replace(cursor, cursor, with: CommandInput.oneLine(String(c)))
            case .backspace, .ctrl("h"): if cursor > 0 { replace(cluster(before: cursor), cursor, with: "") }
            case .delete, .ctrl("d"): if cursor < scalars.count { replace(cursor, cluster(after: cursor), with: "") }
            case .left, .ctrl("b"): cursor = cluster(before: cursor)
            case .right, .ctrl("f"): cursor = cluster(after: cursor)
            case .home, .ctrl("a"): cursor = 0
            case .end, .ctrl("e"): cursor = scalars.count
            case .ctrl("u"): replace(0, cursor, with: "")
            case .ctrl("k"): replace(cursor, scalars.count, with: "")
            case .ctrl("w"), .alt("\u{7F}"):
                var start = cursor
                while start > 0, isSpace(from: cluster(before: start), to: start) { start = cluster(before: start) }
                while start > 0, !isSpace(from: cluster(before: start), to: start) { start = cluster(before: start) }
                replace(start, cursor, with: "")
            default: break
            }
        default: break
        }
    }
}

@Suite struct InputFuzzTests {
    static let seed: UInt64 = 0xC1E5_2026_0012

    /// Whether a one-line field is sound: the cursor between clusters of its text, no line
    /// break, no control or bidi control in it.
    static func sound(_ line: CommandInput) -> Bool {
        line.cursor >= 0 && line.cursor <= line.text.count
            && !line.text.unicodeScalars.contains { Sanitize.isUnsafe($0) }
    }

    /// Whether the minutes editor is sound: each paragraph holds the clusters of its text,
    /// the cursor is in the text, and its layout places the cursor inside the width.
    static func sound(_ e: TextEditor, width: Int) -> Bool {
        let paragraphs = e.text.split(separator: "\n", omittingEmptySubsequences: false)
        guard paragraphs.count == e.paragraphCount else { return false }
        for (i, p) in paragraphs.enumerated() where e.paragraphs[i].chars != Array(String(p)) { return false }
        guard e.cursor.paragraph < e.paragraphCount, e.cursor.column <= e.paragraphs[e.cursor.paragraph].chars.count else { return false }
        guard !e.text.unicodeScalars.contains(where: { $0 != "\n" && Sanitize.isUnsafe($0) }) else { return false }
        let layout = e.layout(width: width)
        return layout.cursorRow < layout.lines.count && layout.cursorColumn < width
    }

    @Test func theOneLineInputAgreesWithAModelOfItsEditsOver3000Sequences() {
        var r = FuzzRandom(state: Self.seed)
        var events = 0
        for sequence in 0..<3000 {
            var line = CommandInput(), model = LineModel()
            if r.chance(30) {
                let start = FuzzInput.text(&r, length: r.below(8))
                line = CommandInput(text: start)
                model.scalars = Array(line.text.unicodeScalars)
                model.cursor = model.scalars.count
            }
            for _ in 0..<(1 + r.below(30)) {
                let event = FuzzInput.event(&r)
                events += 1
                switch event {
                case .paste(let text): line.paste(text)
                case .key(let key): _ = line.edit(key)
                default: break
                }
                model.apply(event)
                guard Self.sound(line), line.text.unicodeScalars.elementsEqual(model.scalars), line.cursor == model.clusterCursor else {
                    Issue.record("sequence \(sequence): after \(Self.hex(event)), text \(line.text.unicodeScalars.map { String($0.value, radix: 16) }) cursor \(line.cursor); model \(model.scalars.map { String($0.value, radix: 16) }) cursor \(model.clusterCursor)")
                    return
                }
            }
        }
        #expect(events > 40_000)
    }

    @Test func theMinutesEditorStaysSoundAndUndoesBackToItsStartOver1500Sequences() {
        var r = FuzzRandom(state: Self.seed ^ 0xED17)
        for sequence in 0..<1500 {
            let width = r.pick([1, 2, 5, 12, 40, 80])
            let start = r.chance(40) ? FuzzInput.text(&r, length: r.below(20)) : ""
            var e = TextEditor(start)
            let initial = e.text
            var typedOnly = !r.chance(50), expected = initial
            var log: [String] = []
            for _ in 0..<(1 + r.below(30)) {
                var event = FuzzInput.event(&r)
                if typedOnly, case .key(let key) = event, !Self.isCharacter(key) { event = .key(.char("a")) }
                if r.chance(4) { event = .key(.enter) }
                _ = e.handle(event, width: width)
                log.append(Self.hex(event))
                if typedOnly {
                    switch event {
                    case .paste(let text): expected += TextEditor.normalised(text)
                    case .key(.char(let c)): expected += TextEditor.normalised(String(c))
                    case .key(.enter): expected += "\n"
                    default: break
                    }
                }
                guard Self.sound(e, width: width) else {
                    Issue.record("sequence \(sequence): unsound after \(event): \(e.text.debugDescription) at \(e.cursor)")
                    return
                }
            }
            if typedOnly {
                #expect(e.text.unicodeScalars.elementsEqual(expected.unicodeScalars), "sequence \(sequence)")
                typedOnly = false
            }
            // Redo what the sequence undid, so the history runs from the start to this tip.
            while e.redo() { #expect(Self.sound(e, width: width)) }
            let final = e.text
            while e.undo() { #expect(Self.sound(e, width: width)) }
            // The history keeps its last 500 steps; these sequences are shorter than that.
            #expect(e.text == initial, "sequence \(sequence): undo did not come back to the start")
            while e.redo() { #expect(Self.sound(e, width: width)) }
            #expect(e.text == final, "sequence \(sequence): redo did not come back to the end: start \(initial.unicodeScalars.map { String($0.value, radix: 16) }) width \(width) events \(log)")
        }
    }

    static func hex(_ event: InputEvent) -> String {
        switch event {
        case .paste(let text): return "paste " + text.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
        case .key(.char(let c)): return "char " + c.unicodeScalars.map { String($0.value, radix: 16) }.joined(separator: " ")
        default: return "\(event)"
        }
    }

    static func isCharacter(_ key: Key) -> Bool {
        if case .char = key { return true }
        return false
    }
}
