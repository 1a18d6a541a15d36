import ClerkCore
import ClerkStore
import Foundation
import Terminal

/// What the screen keeps about faults while saving: the keys that make a retried commit
/// safe, rescue files written or being offered back.
struct FaultRecovery {
    /// Where unsaved text goes when the archive's own rescue folder cannot take it; set by
    /// the launcher from the environment.
    var elsewhere: [String] = []
    /// The key of the commit adding a new paragraph, kept until it succeeds (a retry after
    /// a failed flush must not add the paragraph twice).
    var paragraphKey: (edit: String, key: String)?
    /// The key of raising an action from a paragraph, kept until it succeeds.
    var raiseKey: (request: String, key: String)?
    /// A rescue file of the open meeting, offered back and waiting for an answer.
    var offer: (path: String, text: RescuedText)?
    /// A rescue file whose text is back in the editor: removed once it is saved.
    var restoredFrom: String?
    /// Rescue files written by this session (the launcher prints them).
    var written: [String] = []
}

extension SaveState {
    var isFailed: Bool {
        if case .failed = self { return true }
        return false
    }
}

/// How a failure to save is put on the status line: what is wrong, in words, first.
enum SaveFault {
    static func cause(_ error: any Error) -> String {
        let text = "\(error)"
        let known: [(Int32, String)] = [(ENOSPC, "disk full"), (EDQUOT, "disk quota exceeded"), (EIO, "disk error"),
                                        (EROFS, "disk is read-only")]
        for (code, words) in known where text.contains(String(cString: strerror(code))) {
            return "\(words) (\(String(cString: strerror(code))))"
        }
        return text
    }

    /// For the paragraph being typed: the text stays in the editor and is retried.
    static func minutesMessage(_ error: any Error) -> String {
        "NOT SAVED: \(cause(error)) — your text is kept; clerk retries every second"
    }

    static func isNotSavedMessage(_ message: Message?) -> Bool {
        message?.isError == true && message?.text.hasPrefix("NOT SAVED") == true
    }
}

extension ScreenApp {
    /// Where rescue files go when the archive's rescue folder cannot take them.
    public var rescueElsewhere: [String] {
        get { faults.elsewhere }
        set { faults.elsewhere = newValue }
    }

    /// The rescue files this session wrote, for the launcher to print once the screen is closed.
    public var rescueFilesWritten: [String] { faults.written }

    /// The commit key for the paragraph as it is now: a new paragraph keeps one key until
    /// the journal has it; an existing one needs none (its flush is computed from the text
    /// the journal holds, so a retry never doubles it).
    func paragraphKey(_ edit: MinutesEdit) -> String? {
        guard edit.entryID == nil else {
            faults.paragraphKey = nil
            return nil
        }
        let identity = "\(edit.meetingID)/\(edit.itemID)"
        if let kept = faults.paragraphKey, kept.edit == identity { return kept.key }
        let key = CommitMark.newID()
        faults.paragraphKey = (identity, key)
        return key
    }

    /// The commit key for raising this action from this paragraph, the same for every retry.
    func raiseKey(_ request: String) -> String {
        if let kept = faults.raiseKey, kept.request == request { return kept.key }
        let key = CommitMark.newID()
        faults.raiseKey = (request, key)
        return key
    }

    /// After a save succeeded: a NOT SAVED line goes, and a restored rescue file is done with.
    func savedAfterFault() {
        if SaveFault.isNotSavedMessage(state.message) { state.message = nil }
        if let path = faults.restoredFrom {
            try? RescueFiles.remove(path)
            faults.restoredFrom = nil
        }
    }

    /// When the screen closes with text the journal does not have: keeps it in a rescue file.
    func rescueUnsaved() {
        guard let edit = state.editing, edit.isPending, !state.readOnly else { return }
        let text = RescuedText(archive: store.directory, meetingID: edit.meetingID, itemID: edit.itemID, entryID: edit.entryID,
                               kind: edit.kind, text: edit.editor.text, savedText: edit.entryID == nil ? "" : edit.flushedText,
                               at: context().now)
        do {
            let path = try RescueFiles.write(text, elsewhere: faults.elsewhere)
            faults.written.append(path)
            // The text is in the new file now; an older one it was restored from is superseded.
            if let old = faults.restoredFrom {
                try? RescueFiles.remove(old)
                faults.restoredFrom = nil
            }
        } catch {
            show("NOT SAVED and not kept: \(error)", isError: true)
        }
    }

    /// When a meeting is opened in a session that may write: offers back text rescued from it.
    func offerRescue(_ meeting: MeetingID) {
        guard !state.readOnly, faults.offer == nil,
              let found = RescueFiles.find(archive: store.directory, elsewhere: faults.elsewhere, meeting: meeting)
                .first(where: { $0.path != faults.restoredFrom })
        else { return }
        faults.offer = found
        show("unsaved minutes (\(found.text.text.count) chars): r restore into the paragraph · d discard · k keep for later", isError: true)
    }

    /// The answer to the offer, if one is open: r, d, or k (Esc too). Returns whether the key was taken.
    func answerRescueOffer(_ event: InputEvent) -> Bool {
        guard let offer = faults.offer else { return false }
        guard case .key(let key) = event else { return !isResize(event) }
        switch key {
        case .char("r"):
            faults.offer = nil
            restore(offer.path, offer.text)
        case .char("d"):
            faults.offer = nil
            do {
                try RescueFiles.remove(offer.path)
                show("discarded the unsaved minutes", isError: false)
            } catch {
                show("could not remove \(offer.path): \(error)", isError: true)
            }
        case .char("k"), .escape:
            faults.offer = nil
            show("kept \((offer.path as NSString).lastPathComponent); offered again when the meeting is next opened", isError: false)
        default:
            dirty = true
        }
        return true
    }

    private func isResize(_ event: InputEvent) -> Bool {
        if case .resize = event { return true }
        return false
    }

    /// Puts rescued text back in the minutes editor, on its paragraph when the journal still
    /// has that paragraph, else as a new paragraph on its item, and saves it as any typed
    /// text is saved.
    func restore(_ path: String, _ rescued: RescuedText) {
        if let why = Updater.whyNotEditable(state, data()) {
            show("\(why); the unsaved text stays in \(path)", isError: true)
            return
        }
        guard let record, let index = record.items.firstIndex(where: { $0.id == rescued.itemID }) else {
            show("the item of the unsaved text is no longer on the agenda; it stays in \(path)", isError: true)
            return
        }
        if state.editing != nil { flushMinutes() }
        let existing = rescued.entryID.flatMap { id in record.entries.first { $0.id == id } }
        // The flush that failed may have reached the disk after all (its outcome was unknown).
        if let existing, existing.text == rescued.text {
            try? RescueFiles.remove(path)
            show("those minutes were saved after all; nothing to restore", isError: false)
            return
        }
        var edit = MinutesEdit(meetingID: rescued.meetingID, itemID: rescued.itemID, entryID: nil, kind: rescued.kind,
                               editor: TextEditor(rescued.text), flushedText: "", flushedKind: rescued.kind, lastFlush: monotonic())
        // Into its paragraph while the journal has it — even if a flush that reported failure
        // did reach the disk, so that the paragraph is not doubled; the edit is an ordinary
        // splice, so what the paragraph said before stays in the journal.
        if let existing {
            edit.entryID = existing.id
            edit.flushedText = existing.text
            edit.flushedKind = existing.kind
        }
        state.editing = edit
        state.meeting?.focus = .minutes
        state.meeting?.positions[.minutes] = ListPosition(selected: index)
        faults.restoredFrom = path
        if flushMinutes() {
            show("restored \(rescued.text.count) characters into the minutes; Esc ends the paragraph", isError: false)
        }
        dirty = true
    }
}
