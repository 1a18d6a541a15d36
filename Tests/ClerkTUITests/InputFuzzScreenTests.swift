import ClerkCore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Every input field of the screen, opened as a person opens it, driven with random keys,
/// marks, wide characters, bidi controls, editing keys and pastes: nothing traps, and the
/// field stays sound after every event and in every frame drawn.
@Suite struct InputFuzzScreenTests {
    typealias Fixture = ScreenTests.Fixture

    /// A field: how to get to the screen it is on (once), the keys that open it there,
    /// and how to tell it is open.
    struct Field: CustomStringConvertible {
        var description: String
        var setup: (Fixture) -> Void
        var open: [Key]
        var isOpen: (AppState) -> Bool
    }

    static func formOpen(_ s: AppState) -> Bool {
        if case .form(let form)? = s.overlay { return form.text != nil }
        return false
    }

    static func home(_: Fixture) {}

    /// The last meeting of the second committee: one still planned.
    static func plannedMeeting(_ f: Fixture) {
        f.press(.char("]"), .char("G"))
    }

    /// The work plan of the first committee that has one.
    static func workPlan(_ f: Fixture) {
        for _ in 0..<4 {
            f.press(.char("W"))
            if !f.screen().contains("no work plan yet") { return }
            f.press(.escape, .char("]"))
        }
    }

    static func meeting(_ id: String, pane: Character) -> (Fixture) -> Void {
        { f in
            f.app.open(id)
            f.press(.char(pane))
        }
    }

    static let whpl = "whpl-2026-12-17"
    static let perField = 25

    static var fields: [Field] { [
        Field(description: ": command line", setup: home, open: [.char(":")]) {
            if case .command? = $0.overlay { return true }
            return false
        },
        Field(description: "/ search", setup: home, open: [.char("/")], isOpen: formOpen),
        Field(description: "new meeting", setup: home, open: [.char("N")], isOpen: formOpen),
        Field(description: "new committee", setup: home, open: [.char("C")], isOpen: formOpen),
        Field(description: "move a meeting", setup: plannedMeeting, open: [.char("m")], isOpen: formOpen),
        Field(description: "stand a meeting down", setup: plannedMeeting, open: [.char("x")], isOpen: formOpen),
        Field(description: "export the calendar", setup: home, open: [.char("w")], isOpen: formOpen),
        Field(description: "agenda: add an item", setup: meeting(Self.whpl, pane: "1"), open: [.char("A")], isOpen: formOpen),
        Field(description: "agenda: add a sub-item", setup: meeting(Self.whpl, pane: "1"), open: [.char("+")], isOpen: formOpen),
        Field(description: "agenda: an item's details (every field)", setup: meeting(Self.whpl, pane: "1"),
              open: [.char("E")], isOpen: formOpen),
        Field(description: "agenda: declare an interest", setup: meeting(ScreenTests.meeting, pane: "1"), open: [.char("I")], isOpen: formOpen),
        Field(description: "agenda: export", setup: meeting(ScreenTests.meeting, pane: "1"), open: [.char("w")], isOpen: formOpen),
        Field(description: "actions: progress note", setup: meeting(ScreenTests.meeting, pane: "4"), open: [.char("r")], isOpen: formOpen),
        Field(description: "work plan: timescale", setup: workPlan, open: [.char("t")], isOpen: formOpen),
        Field(description: "work plan: text", setup: workPlan, open: [.char("e")], isOpen: formOpen),
        Field(description: "work plan: leads", setup: workPlan, open: [.char("L")], isOpen: formOpen),
        Field(description: "work plan: new objective", setup: workPlan, open: [.char("a")], isOpen: formOpen),
        Field(description: "action review: owner filter", setup: { $0.press(.char("a")) }, open: [.char("o")], isOpen: formOpen),
        Field(description: "action review: done with a note", setup: { $0.press(.char("a")) }, open: [.char("d")], isOpen: formOpen),
        Field(description: "terms: a field", setup: { $0.press(.char("T")) }, open: [.enter], isOpen: formOpen),
        Field(description: "terms: new organisation", setup: { $0.press(.char("T")) }, open: [.char("O")], isOpen: formOpen),
        Field(description: "terms: seat a member (every step)", setup: { $0.press(.char("T")) }, open: [.char("A")], isOpen: formOpen),
        Field(description: "minutes editor", setup: meeting(ScreenTests.meeting, pane: "3"), open: [.char("a")]) {
            $0.editing != nil && $0.editing?.prompt == nil
        },
        Field(description: "minutes: the action's owner and due date", setup: meeting(ScreenTests.meeting, pane: "3"),
              open: [.char("a"), .char("x"), .f(4)]) { $0.editing?.prompt != nil },
    ] }

    /// The field's line, or the minutes editor, sound in `state`.
    static func check(_ state: AppState, width: Int) -> String? {
        var lines: [CommandInput] = []
        switch state.overlay {
        case .command(let input)?: lines.append(input)
        case .form(let form)?: if let text = form.text { lines.append(text) }
        default: break
        }
        if let prompt = state.editing?.prompt { lines.append(prompt.input) }
        for line in lines where !InputFuzzTests.sound(line) {
            return "line \(line.text.debugDescription) cursor \(line.cursor)"
        }
        if let editor = state.editing?.editor, !InputFuzzTests.sound(editor, width: max(4, width)) {
            return "editor \(editor.text.debugDescription) at \(editor.cursor)"
        }
        return nil
    }

    /// Keys that would close the field or send it (Enter, Esc, C-g, C-c, F10, C-x) are left
    /// out; a field that closes anyway (Backspace on an empty `:` line) is opened again.
    @Test func everyFieldOfTheScreenTakesRandomInputWithoutATrap() throws {
        var r = FuzzRandom(state: InputFuzzTests.seed ^ 0x5C7E)
        var sequences = 0, events = 0
        let f = try Fixture(cols: 80, rows: 24)
        f.app.monotonic = { 1000 }  // no timed flushes: a paragraph's first key writes it
        for field in Self.fields {
            // Back to the home screen: out of the prompt, the paragraph, the screen.
            for _ in 0..<6 { f.press(.escape) }
            field.setup(f)
            for key in field.open { f.app.handle(.key(key)) }
            guard field.isOpen(f.app.state) else {
                Issue.record("\(field): did not open; the screen shows:\n\(f.screen())")
                continue
            }
            // The `:` line completes every key against the whole action table: shorter runs.
            let longest = field.description.hasPrefix(":") ? 8 : 25
            for _ in 0..<Self.perField {
                for _ in 0..<(1 + r.below(longest)) {
                    let event = FuzzInput.event(&r)
                    f.app.handle(event)
                    events += 1
                    if let problem = Self.check(f.app.state, width: 76) {
                        Issue.record("\(field): after \(InputFuzzTests.hex(event)): \(problem)")
                        return
                    }
                    if !field.isOpen(f.app.state) {
                        for key in field.open { f.app.handle(.key(key)) }
                    }
                }
                // Each sequence ends with a frame drawn, the field's cursor placed in it.
                _ = f.screen()
                #expect(f.term.cursor.map { $0.x >= 0 && $0.x < 80 && $0.y >= 0 && $0.y < 24 } ?? true, "\(field)")
                sequences += 1
            }
        }
        #expect(sequences == Self.fields.count * Self.perField)
        #expect(events > 6_000)
    }
}
