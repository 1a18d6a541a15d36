public struct AgendaItem: Sendable, Hashable, Codable {
    public var id: ItemID
    /// A sub-item ("a. Maternity Services review") names its parent item.
    public var parentID: ItemID?
    public var title: String
    /// A line under the title, as published agendas have: "Report of the Director of
    /// Finance", "To receive and note". Absent in records written before it was kept.
    public var description: String?
    public var presenter: String?
    public var papers: [String]
    public var minutes: Int?
    public var confidential: Bool
    public var standing: StandingItem?
    /// An item of an earlier meeting this one refers back to (matters arising, carried forward).
    public var refersTo: ItemRef?

    public init(id: ItemID, parentID: ItemID? = nil, title: String, presenter: String? = nil, papers: [String] = [],
                minutes: Int? = nil, confidential: Bool = false, standing: StandingItem? = nil, refersTo: ItemRef? = nil,
                description: String? = nil) {
        self.id = id
        self.parentID = parentID
        self.title = title
        self.description = description
        self.presenter = presenter
        self.papers = papers
        self.minutes = minutes
        self.confidential = confidential
        self.standing = standing
        self.refersTo = refersTo
    }
}

public struct ItemRef: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var itemID: ItemID
    /// The item's number on that meeting's agenda when the reference was made ("4", "1b").
    public var number: String?
    /// Whether the item was carried forward (not reached), rather than referred to.
    public var carried: Bool?

    public init(meetingID: MeetingID, itemID: ItemID, number: String? = nil, carried: Bool? = nil) {
        self.meetingID = meetingID
        self.itemID = itemID
        self.number = number
        self.carried = carried
    }
}

public enum Presence: Sendable, Hashable, Codable {
    case present
    case apologies
    case absent
    /// Stands in for a member; `confirmedException` when the secretary accepted someone who is
    /// not a named alternate of that member's organisation.
    case deputy(for: PersonID, confirmedException: Bool)
    /// A non-member attending: no vote, does not count to quorum.
    case inAttendance

    public var label: String {
        switch self {
        case .present: "present"
        case .apologies: "apologies"
        case .absent: "absent"
        case .deputy: "deputy"
        case .inAttendance: "in attendance"
        }
    }

    public var isInRoom: Bool {
        switch self {
        case .present, .deputy, .inAttendance: true
        case .apologies, .absent: false
        }
    }
}

public struct Attendance: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var presence: Presence
    public var arrived: TimeOfDay?
    public var departed: TimeOfDay?
    /// In a meeting in common: the one committee a deputy stands in for the member on. Nil:
    /// every committee of the meeting the member sits on (and always for anyone else).
    public var committeeID: CommitteeID?

    public init(personID: PersonID, presence: Presence, arrived: TimeOfDay? = nil, departed: TimeOfDay? = nil,
                committeeID: CommitteeID? = nil) {
        self.personID = personID
        self.presence = presence
        self.arrived = arrived
        self.departed = departed
        self.committeeID = committeeID
    }

    /// In the room now: marked present (or deputy / in attendance) and not yet gone.
    public var isHere: Bool { presence.isInRoom && departed == nil }
}

public struct Declaration: Sendable, Hashable, Codable {
    public var id: EntryID
    public var personID: PersonID
    public var itemID: ItemID
    public var interest: String
    /// Whether the interest keeps the person from voting on the item (and, when the terms
    /// say so, from counting to its quorum). Nil, as recorded before this was asked, is yes.
    public var excludes: Bool?

    public init(id: EntryID, personID: PersonID, itemID: ItemID, interest: String, excludes: Bool? = nil) {
        self.id = id
        self.personID = personID
        self.itemID = itemID
        self.interest = interest
        self.excludes = excludes
    }

    /// Whether the person takes no part in the vote on the item.
    public var isExcluding: Bool { excludes != false }
}

public enum EntryKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// Prose.
    case note
    /// "It was noted that…"
    case noted
    /// "It was agreed that…"
    case decision
    /// A dated correction to a locked record, shown beside the text it corrects.
    case correction

    public var lead: String {
        switch self {
        case .note, .correction: ""
        case .noted: "It was noted that "
        case .decision: "It was agreed that "
        }
    }
}

public struct MinuteEntry: Sendable, Hashable, Codable {
    public var id: EntryID
    public var itemID: ItemID
    public var kind: EntryKind
    public var text: String
    public var correctedOn: CalendarDate?
    /// In a meeting in common: the committees the entry (a decision) is theirs alone. Nil:
    /// shared by every committee of the meeting, minuted once for all.
    public var committees: [CommitteeID]?

    public init(id: EntryID, itemID: ItemID, kind: EntryKind, text: String, correctedOn: CalendarDate? = nil,
                committees: [CommitteeID]? = nil) {
        self.id = id
        self.itemID = itemID
        self.kind = kind
        self.text = text
        self.correctedOn = correctedOn
        self.committees = committees
    }

    /// Whether the entry is minuted for the committee: shared, or labelled with it.
    public func isFor(_ committee: CommitteeID) -> Bool { committees?.contains(committee) ?? true }
}

public struct Vote: Sendable, Hashable, Codable {
    public var id: EntryID
    public var itemID: ItemID
    public var motion: String
    public var ballots: [Ballot]
    public var castingVote: VoteChoice?
    public var tally: VoteTally

    public init(id: EntryID, itemID: ItemID, motion: String, ballots: [Ballot], castingVote: VoteChoice?, tally: VoteTally) {
        self.id = id
        self.itemID = itemID
        self.motion = motion
        self.ballots = ballots
        self.castingVote = castingVote
        self.tally = tally
    }
}

/// When quorum was lost or regained, for the minutes.
public struct QuorumChange: Sendable, Hashable, Codable {
    public var at: TimeOfDay
    public var isQuorate: Bool
    public var summary: String
    /// The item under discussion when it happened (not known for changes recorded before
    /// this was kept).
    public var itemID: ItemID?
    /// In a meeting in common: the committee whose quorum changed.
    public var committeeID: CommitteeID?

    public init(at: TimeOfDay, isQuorate: Bool, summary: String, itemID: ItemID? = nil, committeeID: CommitteeID? = nil) {
        self.at = at
        self.isQuorate = isQuorate
        self.summary = summary
        self.itemID = itemID
        self.committeeID = committeeID
    }
}

/// Everything recorded inside one meeting: its own journal segment.
public struct MeetingRecord: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    /// In agenda order, sub-items directly after their parent.
    public var items: [AgendaItem] = []
    public var attendance: [Attendance] = []
    public var declarations: [Declaration] = []
    public var entries: [MinuteEntry] = []
    public var votes: [Vote] = []
    public var quorumChanges: [QuorumChange] = []
    /// People in the room who are not on the committee (Guests.swift).
    public var guests: [Guest] = []
    /// Versions of paragraphs written while another session changed or removed them.
    public var conflicts: [MinuteConflict] = []
    /// The item being discussed, and when discussion of it began.
    public var currentItem: ItemID?
    public var currentItemSince: Instant?
    /// Items' references, when the committee's terms give them ("GB/2425/017"); kept for
    /// removed items too, so that a reference is never given twice.
    public var references: [ItemID: String] = [:]
    var _anomalies: [String] = []

    public init(meetingID: MeetingID) {
        self.meetingID = meetingID
    }

    public func item(_ id: ItemID) -> AgendaItem? { items.first { $0.id == id } }
    public func attendance(of person: PersonID) -> Attendance? { attendance.first { $0.personID == person } }
    public func entries(for item: ItemID) -> [MinuteEntry] { entries.filter { $0.itemID == item } }
    public func declarations(on item: ItemID) -> [Declaration] { declarations.filter { $0.itemID == item } }

    public var topLevelItems: [AgendaItem] { items.filter { $0.parentID == nil } }

    /// What is recorded against an item or its sub-items: "minutes", "votes",
    /// "declarations of interest" (empty when nothing is).
    public func recorded(under id: ItemID) -> [String] {
        let family = Set([id] + subItems(of: id).map(\.id))
        return [
            entries.contains { family.contains($0.itemID) } ? "minutes" : nil,
            votes.contains { family.contains($0.itemID) } ? "votes" : nil,
            declarations.contains { family.contains($0.itemID) } ? "declarations of interest" : nil,
        ].compactMap { $0 }
    }
    public func subItems(of parent: ItemID) -> [AgendaItem] { items.filter { $0.parentID == parent } }

    /// How an item is referred to: its reference when it has one ("GB/2425/017", a sub-item
    /// "GB/2425/017a"), else its number ("1", "1a").
    public func number(of id: ItemID) -> String {
        if let reference = references[id] { return reference }
        if let parent = item(id)?.parentID, let reference = references[parent] {
            return reference + String(position(of: id).last ?? "a")
        }
        return position(of: id)
    }

    /// Whether the item is known by a reference rather than a number.
    public func hasReference(_ id: ItemID) -> Bool {
        references[id] != nil || item(id)?.parentID.flatMap { references[$0] } != nil
    }

    /// "1", "1a", "8b": numbering as printed on agendas, derived from order.
    public func position(of id: ItemID) -> String {
        let tops = topLevelItems
        if let index = tops.firstIndex(where: { $0.id == id }) { return String(index + 1) }
        guard let sub = item(id), let parent = sub.parentID, let parentIndex = tops.firstIndex(where: { $0.id == parent })
        else { return "?" }
        let siblings = subItems(of: parent)
        let position = siblings.firstIndex { $0.id == id } ?? 0
        let letter = Character(Unicode.Scalar(UInt8(97 + position % 26)))
        return "\(parentIndex + 1)\(letter)"
    }
}
