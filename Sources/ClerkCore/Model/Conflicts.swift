/// Conflicting versions of a paragraph: what one session wrote while another session had
/// changed or removed the same paragraph since the first began. Both are kept; the minutes
/// show the recorded text until a person chooses one or merges them, and that choice is a
/// record too. Nothing is resolved silently.
public typealias ConflictID = String

public struct MinuteConflict: Sendable, Hashable, Codable {
    public var id: ConflictID
    /// The paragraph the version is of (it may since have been removed).
    public var entryID: EntryID
    public var itemID: ItemID
    public var kind: EntryKind
    /// The text the writer started from: what the journal had when they began typing.
    public var base: String
    /// The writer's version.
    public var text: String
    /// Who wrote it, when the session knows.
    public var by: PersonID?
    /// How it was settled; nil while it waits for a person to choose.
    public var resolution: ConflictChoice?

    public init(id: ConflictID, entryID: EntryID, itemID: ItemID, kind: EntryKind, base: String, text: String,
                by: PersonID? = nil, resolution: ConflictChoice? = nil) {
        self.id = id
        self.entryID = entryID
        self.itemID = itemID
        self.kind = kind
        self.base = base
        self.text = text
        self.by = by
        self.resolution = resolution
    }
}

/// What a person chose between the recorded paragraph and a conflicting version of it.
public enum ConflictChoice: String, Sendable, Hashable, Codable, CaseIterable {
    /// The paragraph as the minutes have it stays (or stays removed); the version is set aside.
    case recorded
    /// The conflicting version replaces the paragraph (or brings a removed one back).
    case conflicting
    /// A text the person wrote from both replaces the paragraph.
    case merged
}

/// A conflicting version recorded (or, with the same id, its text revised while the writer
/// kept typing).
public struct EntryConflicted: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var conflict: MinuteConflict
    public init(meetingID: MeetingID, conflict: MinuteConflict) { self.meetingID = meetingID; self.conflict = conflict }
}

/// A person's choice settling a conflict. The text it leads to is an `entryEdited` or
/// `entryAdded` in the same commit.
public struct ConflictResolved: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var conflictID: ConflictID
    public var choice: ConflictChoice
    public init(meetingID: MeetingID, conflictID: ConflictID, choice: ConflictChoice) {
        self.meetingID = meetingID; self.conflictID = conflictID; self.choice = choice
    }
}

extension MeetingRecord {
    /// Conflicts still waiting for a person to choose.
    public var openConflicts: [MinuteConflict] { conflicts.filter { $0.resolution == nil } }

    public func conflict(_ id: ConflictID) -> MinuteConflict? { conflicts.first { $0.id == id } }

    /// Open conflicts of the paragraphs of an item (including paragraphs removed since).
    public func openConflicts(for item: ItemID) -> [MinuteConflict] { openConflicts.filter { $0.itemID == item } }

    mutating func applyConflict(_ e: EntryConflicted) -> String? {
        if let index = conflicts.firstIndex(where: { $0.id == e.conflict.id }) {
            guard conflicts[index].resolution == nil else { return "conflict already resolved" }
            guard conflicts[index].entryID == e.conflict.entryID else { return "conflict names another paragraph" }
            conflicts[index].text = e.conflict.text
            conflicts[index].kind = e.conflict.kind
            return nil
        }
        var conflict = e.conflict
        conflict.resolution = nil
        conflicts.append(conflict)
        return nil
    }

    mutating func applyResolution(_ e: ConflictResolved) -> String? {
        guard let index = conflicts.firstIndex(where: { $0.id == e.conflictID }) else { return "unknown conflict" }
        guard conflicts[index].resolution == nil else { return "conflict already resolved" }
        conflicts[index].resolution = e.choice
        return nil
    }
}
