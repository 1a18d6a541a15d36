import ClerkCore
import Terminal

/// Editing any paragraph of an item, not only its last: the item's paragraphs listed by
/// number, one picked with ↑/↓ or typed by number, then the editor opens on it with its
/// text as the base (so a change made meanwhile elsewhere becomes a conflict, not a loss).
extension Updater {
    /// The item's paragraphs as the editor takes them (corrections are recorded apart).
    static func paragraphs(of item: ItemID, in record: MeetingRecord) -> [MinuteEntry] {
        record.entries(for: item).filter { $0.kind != .correction }
    }

    func openParagraphChoice(_ state: inout AppState, _ data: ViewData) {
        guard let (record, item) = itemToMinute(&state, data) else { return }
        let paragraphs = Self.paragraphs(of: item.id, in: record)
        guard !paragraphs.isEmpty else {
            let new = keymap.keys(for: .minutesNew).first ?? "a"
            state.message = Message(text: "item \(record.number(of: item.id)) has no paragraphs yet; \(new) starts one", isError: true)
            return
        }
        let choices = paragraphs.enumerated().map { i, e in
            Form.Choice(key: e.id, label: "\(i + 1). " + Self.excerpt(e.kind.lead + e.text))
        }
        var form = Form(purpose: .paragraph(item: item.id), title: "Edit which paragraph of item \(record.number(of: item.id))?",
                        choices: choices, text: CommandInput(), textLabel: "Number (or ↑/↓): ")
        form.selected = choices.count - 1
        state.overlay = .form(form)
    }

    /// The number typed, or else the paragraph picked; a number that is not one of them
    /// keeps the form open with what was typed and says which numbers there are.
    func submitParagraphChoice(_ state: inout AppState, _ form: Form, _ item: ItemID, _ data: ViewData) -> [Effect] {
        var form = form
        guard let record = data.record else { return [] }
        let paragraphs = Self.paragraphs(of: item, in: record)
        let typed = (form.text?.text ?? "").trimmingSpaces()
        var index = form.selected
        if !typed.isEmpty {
            guard let n = Int(typed), (1...max(1, paragraphs.count)).contains(n), n <= paragraphs.count else {
                form.problem = "there is no paragraph '\(typed)'; type a number from 1 to \(paragraphs.count)"
                state.overlay = .form(form)
                return []
            }
            index = n - 1
        }
        guard index < paragraphs.count else {
            form.problem = "that paragraph is no longer there; pick another"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        startEditing(&state, data, newParagraph: false, now: 0, entry: paragraphs[index].id)
        return []
    }

    /// The start of a paragraph, on one line, for the list.
    static func excerpt(_ text: String, width: Int = 60) -> String {
        let line = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return line.count <= width ? line : String(line.prefix(width - 1)) + "…"
    }
}
