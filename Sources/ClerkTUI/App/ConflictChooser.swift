import ClerkCore
import Terminal

// A paragraph and a conflicting version of it, side by side: keep the minutes' text, keep
// the other version, or write a merge. Whatever is chosen is recorded; until then both
// stay in the journal and the minutes pane marks the paragraph.

extension Updater {
    /// `C` in the minutes pane: the first open conflict of the selected item.
    func performConflictAction(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        guard id == .minutesConflict else { return nil }
        guard let record = data.record, let item = selectedKey(.minutes, state, data) else { return [] }
        guard let conflict = record.openConflicts(for: item).first else {
            state.message = Message(text: "no conflicting versions on this item", isError: false)
            return []
        }
        state.overlay = .conflict(conflict.id)
        return []
    }

    /// Keys while the two versions are shown.
    func conflictKey(_ state: inout AppState, _ id: ConflictID, _ key: Key, _ data: ViewData) -> [Effect] {
        guard let record = data.record, let conflict = record.conflict(id), conflict.resolution == nil else {
            state.overlay = nil
            state.message = Message(text: "that conflict was settled in another session; the minutes show the choice", isError: false)
            return []
        }
        let recorded = record.entries.first { $0.id == conflict.entryID }
        switch key {
        case .char("m"), .char("1"):
            return settle(&state, conflict, .recorded, recorded?.text, done: recorded == nil ? "the paragraph stays removed" : "the minutes' text is kept")
        case .char("c"), .char("2"):
            return settle(&state, conflict, .conflicting, recorded?.text, done: "the other version is now the paragraph")
        case .char("e"):
            if let why = Updater.whyNotEditable(state, data) {
                state.message = Message(text: why, isError: true)
                return []
            }
            let both = [recorded?.text, conflict.text].compactMap { $0 }.joined(separator: "\n")
            state.overlay = nil
            state.editing = MinutesEdit(meetingID: record.meetingID, itemID: conflict.itemID, entryID: recorded?.id,
                                        kind: conflict.kind, editor: TextEditor(both), flushedText: recorded?.text ?? "",
                                        flushedKind: recorded?.kind ?? conflict.kind, lastFlush: 0, resolving: conflict.id)
            state.meeting?.focus = .minutes
            state.message = Message(text: "merge: both versions are in the editor; make one paragraph of them, Esc saves it", isError: false)
            return []
        case .escape, .char("q"), .backspace:
            state.overlay = nil
            state.message = Message(text: "both versions are kept; C on the item compares them again", isError: false)
            return []
        default:
            return []
        }
    }

    private func settle(_ state: inout AppState, _ conflict: MinuteConflict, _ choice: ConflictChoice, _ base: String?,
                        done: String) -> [Effect] {
        guard let meetingID = state.meeting?.meetingID else { return [] }
        state.overlay = nil
        state.message = Message(text: done, isError: false)
        return [.commit(Change("the choice") { store, ctx in
            let meeting = try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
            return try meeting.resolveConflict(conflict.id, choice: choice, base: base, context: ctx)
        })]
    }
}

extension MinutesEdit {
    init(meetingID: MeetingID, itemID: ItemID, entryID: EntryID?, kind: EntryKind, editor: TextEditor, flushedText: String,
         flushedKind: EntryKind, lastFlush: Double, resolving: ConflictID) {
        self.init(meetingID: meetingID, itemID: itemID, entryID: entryID, kind: kind, editor: editor, flushedText: flushedText,
                  flushedKind: flushedKind, lastFlush: lastFlush)
        self.resolving = resolving
    }
}

extension Renderer {
    /// The two versions in two columns, the keys under them.
    func drawConflict(_ id: ConflictID, _ data: ViewData, on term: any Terminal) {
        guard let record = data.record, let conflict = record.conflict(id) else { return }
        let size = term.size
        let width = min(size.cols - 2, 100)
        let column = max(8, (width - 1) / 2)
        let recorded = record.entries.first { $0.id == conflict.entryID }
        var left = Content(), right = Content()
        if let recorded {
            left.wrapped(recorded.kind.lead + recorded.text, width: column - 2)
        } else {
            left.wrapped("(removed in another session)", width: column - 2, slot: .muted)
        }
        right.wrapped(conflict.kind.lead + conflict.text, width: column - 2)
        let who = conflict.by.flatMap { data.archive.people[$0]?.formalName }.map { " by \($0)" } ?? ""
        let rows = min(size.rows - 3, max(left.rows.count, right.rows.count) + 2)
        let box = centred(Size(cols: column * 2 + 1, rows: rows + 1), in: size)
        term.fill(box, style: theme[.overlay])
        drawPane(title: "In the minutes", content: left, position: ListPosition(selected: -1),
                 in: Rect(x: box.minX, y: box.minY, cols: column, rows: rows), focused: true, background: .overlay, on: term)
        drawPane(title: "Conflicting version" + who, content: right, position: ListPosition(selected: -1),
                 in: Rect(x: box.minX + column + 1, y: box.minY, cols: column, rows: rows), focused: true, background: .overlay, on: term)
        let keys = "m keep the minutes' text · c keep the other version · e write a merge · Esc later"
        term.put(DisplayWidth.truncate(keys, toWidth: box.size.cols), at: Point(x: box.minX, y: box.minY + rows), style: theme[.overlay])
    }
}
