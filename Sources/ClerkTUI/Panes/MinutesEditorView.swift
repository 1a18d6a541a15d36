import ClerkCore
import Terminal

/// The minutes pane while a paragraph is typed: the minutes as usual, with the paragraph
/// being edited drawn by the editor in its place (cursor shown, wrapped by display width).
enum MinutesEditorView {
    /// Paragraphs are indented this much under their item's heading.
    static let indent = 2
    /// Rows added to the paragraph's area at a time.
    static let rowBlock = 8

    /// The minutes with the edited entry left out and blank rows where the editor goes:
    /// after the item's other paragraphs, a marker row for a decision or noted point first.
    static func content(_ record: MeetingRecord, edit: MinutesEdit, width: Int, data: ViewData)
        -> (content: Content, editorStart: Int, editorRows: Int, item: Int)? {
        guard let item = record.items.firstIndex(where: { $0.id == edit.itemID }) else { return nil }
        // The rest of the minutes change only when the archive does: built once per revision.
        var c = data.cachedContent(kind: .minutesEditor, width: width, key: edit.entryID ?? "") {
            var others = record
            others.entries.removeAll { $0.id == edit.entryID }
            // The paragraph being typed is the editor; its versions show once it ends.
            others.conflicts.removeAll { $0.entryID == edit.entryID }
            return MeetingPanes.minutes(others, width: width, data: data)
        }
        guard let range = c.rowRange(of: item) else { return nil }
        // After the item's paragraphs, before its votes.
        var at = range.upperBound
        let votes = record.votes.filter { $0.itemID == edit.itemID }.count
        if votes > 0 { at = max(range.lowerBound + 1, at - votes) }
        var inserted: [Row] = []
        if edit.kind != .note {
            inserted.append(Row([Span(String(repeating: " ", count: indent) + edit.kind.lead + "…", edit.kind == .decision ? .decision : .noted)],
                                entry: item))
        }
        // Room to type: the paragraph's area grows a block of rows at a time, so the minutes
        // below move (and are sent to the terminal again) once a block, not once a line.
        let lines = max(1, edit.editor.layout(width: max(4, width - indent)).lines.count)
        let reserved = (lines / rowBlock + 1) * rowBlock
        let start = at + inserted.count
        inserted += Array(repeating: Row([], entry: item), count: reserved)
        c.rows.insert(contentsOf: inserted, at: at)
        return (c, start, lines, item)
    }
}

extension Renderer {
    /// Draws the minutes pane with the editor in place. Returns false when the paragraph's
    /// item is not in the record (then the pane is drawn as usual).
    func drawMinutesEditing(_ edit: MinutesEdit, _ screen: MeetingScreen, _ data: ViewData, title: String,
                            in rect: Rect, on term: any Terminal) -> Bool {
        guard let record = data.record else { return false }
        let inner = Layout.inner(rect)
        let width = inner.size.cols
        guard let made = MinutesEditorView.content(record, edit: edit, width: width, data: data) else { return false }
        let height = inner.size.rows
        let layout = edit.editor.layout(width: max(4, width - MinutesEditorView.indent))
        let cursorRow = made.editorStart + layout.cursorRow
        // The item's heading at the top; when the cursor reaches the bottom, jump half a
        // pane at a time (each jump sends the whole pane again, so not one per line).
        let heading = made.content.rowRange(of: made.item)?.lowerBound ?? 0
        var scroll = heading
        let half = max(1, height / 2)
        if cursorRow - heading >= height - 1 {
            scroll = heading + ((cursorRow - heading - (height - 1)) / half + 1) * half
        }
        scroll = max(0, min(scroll, max(0, made.content.rows.count - height)))
        drawPane(title: title + " · typing (Esc ends)", content: made.content, position: ListPosition(selected: -1, scroll: scroll),
                 in: rect, focused: true, on: term)
        let top = max(made.editorStart, scroll), bottom = min(made.editorStart + made.editorRows, scroll + height)
        guard bottom > top else { return true }
        var editorScroll = top - made.editorStart
        edit.editor.draw(in: Rect(x: inner.minX + MinutesEditorView.indent, y: inner.minY + top - scroll,
                                  cols: width - MinutesEditorView.indent, rows: bottom - top),
                         on: term, style: theme[.base], scroll: &editorScroll)
        return true
    }

    /// The owner or due-date prompt of an action, in the status line.
    func drawActionPrompt(_ prompt: ActionPrompt, on term: any Terminal) {
        let size = term.size
        let y = size.rows - 1
        term.fill(Rect(x: 0, y: y, cols: size.cols, rows: 1), style: theme[.base])
        // A refused answer says why where the question was, until the next key.
        let question = prompt.problem.map { $0 + " — " } ?? prompt.label
        let room = prompt.problem == nil ? size.cols / 2 : size.cols * 3 / 4
        let label = DisplayWidth.truncate(question, toWidth: max(0, room), ellipsis: true)
        term.put(label, at: Point(x: 0, y: y), style: theme[prompt.problem == nil ? .commandLine : .statusError])
        let x = DisplayWidth.width(of: label)
        term.put(DisplayWidth.truncate(prompt.input.text, toWidth: max(0, size.cols - x)), at: Point(x: x, y: y), style: theme[.base])
        term.setCursor(Point(x: min(size.cols - 1, x + DisplayWidth.width(of: prompt.input.beforeCursor)), y: y))
    }

    /// The status-line hints while typing.
    func editingHints() -> [(key: String, label: String)] {
        [("Esc", "done")] + ActionTable.all.filter { $0.scope == .editing && $0.hint != nil && $0.id != .editingDone }
            .compactMap { action in keymap.keys(for: action.id).first.map { ($0, action.hint!) } }
    }
}
