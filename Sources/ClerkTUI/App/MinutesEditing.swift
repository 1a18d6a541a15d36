import ClerkCore
import ClerkStore
import Foundation
import Terminal

/// A paragraph of the minutes being typed: which item and entry it is, the editor holding
/// the text, and what of it the journal already has. Everything typed is committed within
/// a second (`ScreenApp.flushMinutes`), so a crash or a dropped connection loses nothing.
public struct MinutesEdit: Sendable, Hashable {
    public var meetingID: MeetingID
    public var itemID: ItemID
    /// The entry in the journal; nil until the first flush adds it.
    public var entryID: EntryID?
    public var kind: EntryKind
    public var editor: TextEditor
    /// The text and kind the journal has acknowledged: what the next save is based on
    /// (`MeetingContext.saveEntry` compares it with the journal's text under the lock).
    public var flushedText: String
    public var flushedKind: EntryKind
    /// When the last flush happened (seconds on the shell's monotonic clock).
    public var lastFlush: Double
    /// While keys keep coming, what was typed is flushed at most this often (seconds).
    public static let typingFlush = 0.15
    /// A pause this long (milliseconds) in typing flushes at once: the loop's idle wait while
    /// words are waiting.
    public static let pauseMs = 150
    /// The first row of the editor shown (it scrolls when the paragraph is taller than the pane).
    public var scroll = 0
    /// The prompt for turning the paragraph into an action, when open.
    public var prompt: ActionPrompt?
    /// The conflicting version this paragraph became, when another session had changed or
    /// removed the paragraph since typing began: later saves revise that version.
    public var conflictID: ConflictID?
    /// The conflict this text merges, when the person chose to write a merge.
    public var resolving: ConflictID?

    /// What the status line says while the paragraph is a conflicting version (it stays
    /// while typing goes on, unlike other messages).
    public var conflictNotice: Message? {
        guard conflictID != nil else { return nil }
        return Message(text: "CONFLICT: another session changed or removed this paragraph since you began; both versions are kept — Esc compares them",
                       isError: true)
    }

    /// Whether there is typed text (or a marker) the journal does not have yet.
    public var isPending: Bool {
        if entryID == nil { return !editor.text.isEmpty }
        return editor.text != flushedText || kind != flushedKind
    }
}

/// What the minutes editor asks the shell to do.
public enum MinutesEffect: Sendable {
    /// Commit what was typed, if anything is pending.
    case flush
    /// Commit what was typed, then close the editor.
    case finish
    /// Raise an action from the paragraph (owner and due as typed).
    case raiseAction(owner: String, due: String)
}

// MARK: - Keys

extension Updater {
    /// The width the editor wraps to: the minutes pane's inner width less the indent.
    static func editorWidth(_ state: AppState) -> Int {
        let layout = Layout.meeting(state.size, focus: .minutes, zoomed: state.meeting?.zoomed ?? false)
        let inner = Layout.inner(layout.panes[.minutes] ?? Rect(state.size))
        return max(4, inner.size.cols - MinutesEditorView.indent)
    }

    /// Why the minutes of the open meeting cannot be typed, or nil when they can.
    static func whyNotEditable(_ state: AppState, _ data: ViewData) -> String? {
        guard let screen = state.meeting, let meeting = data.archive.meetings[screen.meetingID] else {
            return "open a meeting to take its minutes"
        }
        if state.readOnly { return "read-only: the minutes cannot be changed in this session" }
        switch meeting.status {
        case .inProgress, .minutesDraft, .minutesCirculated: return nil
        case .minutesApproved:
            return "the minutes of \(meeting.id) are approved and locked; record a dated correction instead"
        case .cancelled: return "meeting \(meeting.id) was stood down; nothing can be minuted"
        case .planned, .agendaPublished: return "meeting \(meeting.id) has not started; minutes are taken once it is in progress"
        }
    }

    /// The meeting and the item selected in the minutes pane, when its minutes may be
    /// written; otherwise nil, with the reason on the status line.
    func itemToMinute(_ state: inout AppState, _ data: ViewData) -> (MeetingRecord, AgendaItem)? {
        if let why = Updater.whyNotEditable(state, data) {
            state.message = Message(text: why, isError: true)
            return nil
        }
        guard let screen = state.meeting, let record = data.record else { return nil }
        let selected = screen.position(.minutes).selected
        guard selected < record.items.count else {
            state.message = Message(text: "the agenda has no items to minute yet", isError: true)
            return nil
        }
        return (record, record.items[selected])
    }

    /// `e` (the selected item's last paragraph) and `a` (a new paragraph on it).
    func startEditing(_ state: inout AppState, _ data: ViewData, newParagraph: Bool, now: Double, entry chosen: EntryID? = nil) {
        guard let (record, item) = itemToMinute(&state, data) else { return }
        let paragraphs = Self.paragraphs(of: item.id, in: record)
        let last = chosen.map { id in paragraphs.first { $0.id == id } } ?? paragraphs.last
        var edit = MinutesEdit(meetingID: record.meetingID, itemID: item.id, entryID: nil, kind: .note,
                               editor: TextEditor(), flushedText: "", flushedKind: .note, lastFlush: now)
        if !newParagraph, let last {
            edit.entryID = last.id
            edit.kind = last.kind
            edit.flushedKind = last.kind
            edit.flushedText = last.text
            edit.editor = TextEditor(last.text)
        }
        state.editing = edit
        state.meeting?.focus = .minutes
        let which = chosen == nil || last?.id == paragraphs.last?.id ? "the last paragraph"
            : "paragraph \((paragraphs.firstIndex { $0.id == last?.id } ?? 0) + 1) of \(paragraphs.count)"
        state.message = Message(text: newParagraph || last == nil ? "new paragraph: type; Esc ends" : "editing \(which); Esc ends",
                                isError: false)
    }

    /// Every key and paste while the editor is open. The editor takes what it handles; then
    /// the editing keys (end, markers, action); anything else is ignored, so that a stray
    /// key never leaves the paragraph.
    func editingUpdate(_ state: inout AppState, _ event: InputEvent, _ data: ViewData) -> [Effect] {
        guard var edit = state.editing else { return [] }
        if let prompt = edit.prompt {
            return promptUpdate(&state, &edit, prompt, event, data)
        }
        let width = Updater.editorWidth(state)
        let result = edit.editor.handle(event, width: width)
        if result.isHandled {
            // After a failed save, "NOT SAVED" and its reason stay until a save succeeds.
            if result == .textChanged, !state.save.isFailed {
                state.message = nil
                if edit.isPending { state.save = .saving }
            }
            state.editing = edit
            return []
        }
        guard case .key(let key) = event else { return [] }
        if key == .escape { return [.minutes(.finish)] }
        if key == .ctrl("c") {
            state.running = false
            return [.minutes(.finish), .quit]
        }
        guard let action = keymap.action(for: key, in: .editing), action.scope == .editing else { return [] }
        switch action.id {
        case .editingDone: return [.minutes(.finish)]
        case .editingDecision, .editingNoted:
            let kind: EntryKind = action.id == .editingDecision ? .decision : .noted
            edit.kind = edit.kind == kind ? .note : kind
            state.message = Message(text: edit.kind == .note ? "a plain paragraph" : "marked: \(edit.kind.lead)…", isError: false)
            state.editing = edit
            if edit.isPending { state.save = .saving }
        case .editingAction:
            guard !edit.editor.text.trimmingSpaces().isEmpty else {
                state.message = Message(text: "type what is to be done first, then make it an action", isError: true)
                return []
            }
            edit.prompt = ActionPrompt()
            state.message = nil
            state.editing = edit
        default: break
        }
        return []
    }


    /// Owners that start with (or whose words start with) what is typed: the organisations,
    /// and the committee's people by initials and by name.
    static func ownerCompletions(_ typed: String, _ state: AppState, _ data: ViewData) -> [String] {
        let folded = typed.trimmingSpaces().lowercased()
        var names: [String] = []
        let meeting = state.meeting.flatMap { data.archive.meetings[$0.meetingID] }
        let seated = Set(meeting.flatMap { data.archive.committees[$0.committeeID] }?.memberships.map(\.personID) ?? [])
        let people = data.archive.people.values.filter { seated.isEmpty || seated.contains($0.id) }
            .sorted { $0.name < $1.name }
        for p in people { names.append(p.initials); names.append(p.formalName) }
        for o in data.archive.organisations.values.sorted(by: { $0.name < $1.name }) { names.append(o.name) }
        var seen = Set<String>()
        return names.filter { name in
            let lower = name.lowercased()
            let hit = folded.isEmpty || lower.hasPrefix(folded) || lower.split(separator: " ").contains { $0.hasPrefix(folded) }
            return hit && seen.insert(name).inserted
        }
    }
}

extension Array {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}

// MARK: - Committing

extension ScreenApp {
    func runMinutes(_ effect: MinutesEffect) {
        switch effect {
        case .flush:
            flushMinutes()
        case .finish:
            let conflict = state.editing?.conflictID
            if flushMinutes() {
                state.editing = nil
                if let conflict {
                    // The two versions side by side, to choose now or later.
                    state.overlay = .conflict(conflict)
                } else if state.message?.isError != true {
                    state.message = nil
                }
            }
        case .raiseAction(let owner, let due):
            raiseAction(owner: owner, due: due)
        }
        dirty = true
    }

    /// Flushes when `MinutesEdit.typingFlush` has passed since the last flush (checked as keys
    /// arrive), so a reader sees steady typing within a fraction of a second while the journal
    /// gets one splice per batch, not one per key; after a failure, the retry waits a second.
    func flushMinutesIfDue() {
        let interval = state.save.isFailed ? 1 : MinutesEdit.typingFlush
        guard let edit = state.editing, edit.isPending, monotonic() - edit.lastFlush >= interval else { return }
        flushMinutes()
    }

    /// Commits the paragraph as typed: the entry is added on the first flush, then each
    /// flush is one splice from what the journal has to the text now. Returns false when it
    /// could not be saved (the text stays in the editor, and the next flush tries again).
    @discardableResult
    public func flushMinutes() -> Bool {
        guard var edit = state.editing else { return true }
        edit.lastFlush = monotonic()
        guard edit.isPending else {
            state.editing = edit
            return true
        }
        guard !state.readOnly else {
            state.editing = edit
            show("read-only: the minutes were not recorded", isError: true)
            return false
        }
        let text = edit.editor.text, kind = edit.kind, entry = edit.entryID, item = edit.itemID, meetingID = edit.meetingID
        let base = edit.flushedText, conflict = edit.conflictID, resolving = edit.resolving
        let ctx = context()
        state.save = .saving
        do {
            let events = try store.commit(at: ctx.now, key: paragraphKey(edit)) { store in
                let meeting = try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                if let resolving {
                    do {
                        return try meeting.resolveConflict(resolving, choice: .merged, text: text, base: entry == nil ? nil : base, context: ctx)
                    } catch let stale as CommandError where stale.code == .conflict {
                        // Changed or settled again meanwhile: the merge is kept as a version of its own.
                        guard let entry else { throw stale }
                        return try meeting.saveEntry(entry, of: item, base: base, newText: text, kind: kind, conflict: nil, context: ctx)
                    }
                }
                guard let entry else { return try meeting.addEntry(to: item, kind: kind, text: text, context: ctx) }
                // Saved against the text it was based on: when another session changed or
                // removed the paragraph since, this text is kept as a conflicting version.
                return try meeting.saveEntry(entry, of: item, base: base, newText: text, kind: kind, conflict: conflict, context: ctx)
            }
            edit.flushedText = text
            edit.flushedKind = kind
            for case .entryAdded(let added) in events {
                // A retry finds what an earlier attempt wrote: the journal has that text.
                edit.entryID = added.entry.id
                (edit.flushedText, edit.flushedKind) = (added.entry.text, added.entry.kind)
                faults.paragraphKey = nil
            }
            if resolving != nil { edit.resolving = nil }
            for case .entryConflicted(let version) in events {
                // The latest version is the one later saves revise (an earlier one may
                // have been settled elsewhere meanwhile).
                let first = edit.conflictID == nil
                edit.conflictID = version.conflict.id
                if first, let notice = edit.conflictNotice { show(notice.text, isError: true) }
            }
            state.save = edit.isPending ? .saving : .saved
            state.editing = edit
            savedAfterFault()
        } catch let refused as CommandError {
            state.save = .failed(refused.message)
            state.editing = edit
            show("NOT SAVED: \(refused.message)", isError: true)
            return false
        } catch {
            state.save = .failed("\(error)")
            state.editing = edit
            show(SaveFault.minutesMessage(error), isError: true)
            return false
        }
        reloadRecord()
        return true
    }

    /// Raises an action from the paragraph: in one commit, the action is recorded and the
    /// paragraph (if it was already flushed) leaves the minutes, since the action log now
    /// holds its words. A refusal shows as one line; the paragraph stays in the editor.
    func raiseAction(owner: String, due: String) {
        guard let edit = state.editing else { return }
        guard !state.readOnly else { show("read-only: the action was not recorded", isError: true); return }
        let text = edit.editor.text, entry = edit.entryID, item = edit.itemID, meetingID = edit.meetingID
        let base = edit.conflictID == nil ? edit.flushedText : nil
        let ctx = context()
        state.save = .saving
        let key = raiseKey("\(meetingID)/\(item)/\(entry ?? "")/\(owner)/\(due)/\(text)")
        do {
            try store.commit(at: ctx.now, key: key) { store in
                var events = try store.state.raiseAction(in: meetingID, item: item, text: text, owner: owner, due: due, context: ctx)
                // Only the paragraph as this person last saw it leaves the minutes: one that
                // another session changed since stays, with their words.
                if let entry, try store.record(of: meetingID).entries.contains(where: { $0.id == entry && $0.text == base }) {
                    events.append(.entryRemoved(EntryRemoved(meetingID: meetingID, entryID: entry)))
                }
                return events
            }
            state.save = .saved
            state.editing = nil
            faults.raiseKey = nil
            show("action raised for \(owner)" + (due.isEmpty ? "" : ", due \(due)"), isError: false)
        } catch let refused as CommandError {
            state.save = edit.isPending ? .saving : .saved
            show(refused.message, isError: true)
        } catch {
            state.save = .failed("\(error)")
            show("NOT SAVED: \(SaveFault.cause(error)) — the action was not raised; the paragraph is kept, raise it again to retry", isError: true)
        }
        reloadRecord()
    }

    /// After a reopen: the minutes selection on the item of the most recent paragraph of a
    /// meeting in progress, where the secretary was typing.
    func placeOnLastMinutedItem() {
        // The record as this person may see it: positions count the rows they are shown.
        guard let screen = state.meeting, screen.positions[.minutes] == nil, let record = data().record,
              store.state.meetings[screen.meetingID]?.status == .inProgress,
              let last = record.entries.last, let index = record.items.firstIndex(where: { $0.id == last.itemID }) else { return }
        state.meeting?.positions[.minutes] = ListPosition(selected: index)
    }
}
