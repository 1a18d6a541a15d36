import ClerkCore

/// What one look at the journal found, for a screen following one meeting: whether the
/// archive segment grew, and what was folded into the followed meeting's record.
public struct FollowChange: Sendable, Equatable {
    /// The archive segment had new records (committees, meetings, actions…).
    public var archive = false
    /// The events folded into the followed meeting's record, in order.
    public var meetingEvents: [Event] = []
    /// Records of the followed meeting that could not be folded (set aside).
    public var meetingSetAside = 0

    public init() {}

    public var meeting: Bool { !meetingEvents.isEmpty || meetingSetAside > 0 }
    public var any: Bool { archive || meeting }

    /// The minutes entries (paragraphs) the new records added or changed, or nil when one
    /// of them may change more than its own paragraphs (the agenda, attendance, a
    /// conflict…): then everything drawn from the record may have changed.
    public var paragraphs: Set<EntryID>? {
        guard meetingSetAside == 0 else { return nil }
        var ids = Set<EntryID>()
        for event in meetingEvents {
            switch event {
            case .entryAdded(let e): ids.insert(e.entry.id)
            case .entryEdited(let e): ids.insert(e.entryID)
            default: return nil
            }
        }
        return ids
    }
}

extension ArchiveStore {
    /// Reads what other sessions appended, for a screen showing meeting `id`: the archive
    /// segment and that meeting's segment, each from where it was read to, folding only the
    /// new records. Other meetings' segments are not read now: a meeting kept in memory is
    /// checked (a file-size check) and caught up when its record is next asked for.
    public func follow(_ id: MeetingID?) throws -> FollowChange {
        var change = FollowChange()
        if archiveReader.hasGrown(since: archiveOffset) {
            let before = archiveOffset
            let anomalies = state.anomalies.count
            try catchUpArchive()
            if !isWhole, state.anomalies.count != anomalies { try loadWhole() }
            change.archive = archiveOffset != before
        }
        for other in meetings.keys where other != id { unchecked.insert(other) }
        guard let id, var loaded = meetings[id] else { return change }
        unchecked.remove(id)
        guard hasGrown(id, loaded) else { return change }
        let skipped = loaded.record.anomalies.count
        change.meetingEvents = try catchUp(&loaded)
        change.meetingSetAside = loaded.record.anomalies.count - skipped
        meetings[id] = loaded
        return change
    }

    /// Catches up a meeting kept in memory that `follow` passed over, if its segment grew.
    func catchUpIfUnchecked(_ id: MeetingID) throws {
        guard unchecked.remove(id) != nil, var loaded = meetings[id], hasGrown(id, loaded) else { return }
        try catchUp(&loaded)
        meetings[id] = loaded
    }
}
