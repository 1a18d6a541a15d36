// Saving a paragraph against the text it was based on, and settling conflicting versions.

extension MeetingContext {
    /// Saves a paragraph as the writer now has it. `base` is the text the writer started
    /// from (what the journal had when they began, or their own last save). When the
    /// journal still has `base`, the change is one splice. When another session changed the
    /// paragraph since, or removed it, nothing of theirs is overwritten and the removed
    /// paragraph is not put back: the writer's text is recorded as a conflicting version,
    /// for a person to choose or merge. `conflict` names the version this writer already
    /// recorded, so that typing on revises it rather than adding another.
    public func saveEntry(_ entry: EntryID, of item: ItemID, base: String, newText: String, kind: EntryKind,
                          conflict: ConflictID?, context: CommandContext) throws -> [Event] {
        try requireWritable("editing minutes")
        if let conflict, let open = record.conflict(conflict), open.resolution == nil {
            guard open.text != newText || open.kind != kind else { return [] }
            var revised = open
            revised.text = newText
            revised.kind = kind
            return [.entryConflicted(EntryConflicted(meetingID: record.meetingID, conflict: revised))]
        }
        if let recorded = record.entries.first(where: { $0.id == entry }) {
            if recorded.text == base || recorded.text == newText {
                return try editEntry(entry, newText: newText, kind: kind)
            }
            return [conflicted(entry, item: recorded.itemID, base: base, text: newText, kind: kind, context: context)]
        }
        return [conflicted(entry, item: item, base: base, text: newText, kind: kind, context: context)]
    }

    private func conflicted(_ entry: EntryID, item: ItemID, base: String, text: String, kind: EntryKind,
                            context: CommandContext) -> Event {
        let version = MinuteConflict(id: context.newID("c-"), entryID: entry, itemID: item, kind: kind, base: base,
                                     text: text, by: context.by)
        return .entryConflicted(EntryConflicted(meetingID: record.meetingID, conflict: version))
    }

    /// Settles a conflict. `recorded` keeps the paragraph as the minutes have it (or keeps
    /// it removed); `conflicting` puts the other version in its place (adding it again when
    /// the paragraph was removed); `merged` puts `text` in its place. `base` is the recorded
    /// text the person saw when choosing: when it has changed again since, the choice is
    /// refused, so that a third version is not overwritten either.
    public func resolveConflict(_ conflictID: ConflictID, choice: ConflictChoice, text merged: String? = nil,
                                base: String?, context: CommandContext) throws -> [Event] {
        try requireWritable("settling conflicting minutes")
        guard let conflict = record.conflict(conflictID) else {
            throw CommandError.notFound("conflicting version", conflictID, hint: "it may have been settled in another session")
        }
        guard conflict.resolution == nil else {
            throw CommandError(.conflict, "this conflict was already settled in another session; the minutes show the choice made")
        }
        let recorded = record.entries.first { $0.id == conflict.entryID }
        guard recorded?.text == base else {
            throw CommandError(.conflict, "the paragraph changed again in another session while you compared; look again and choose")
        }
        let settled = Event.conflictResolved(ConflictResolved(meetingID: record.meetingID, conflictID: conflictID, choice: choice))
        let text: String
        switch choice {
        case .recorded: return [settled]
        case .conflicting: text = conflict.text
        case .merged:
            guard let merged, !merged.trimmed.isEmpty else {
                throw CommandError(.invalid, "a merged paragraph needs text; type it, or keep one of the two versions")
            }
            text = merged
        }
        if recorded != nil {
            return try editEntry(conflict.entryID, newText: text, kind: conflict.kind) + [settled]
        }
        guard record.item(conflict.itemID) != nil else {
            throw CommandError(.wrongState, "the agenda item of this paragraph was removed; keep the recorded minutes, or add the text to another item")
        }
        let entry = MinuteEntry(id: context.newID("e-"), itemID: conflict.itemID, kind: conflict.kind, text: text)
        return [.entryAdded(EntryAdded(meetingID: record.meetingID, entry: entry)), settled]
    }
}
