/// Every change to the archive is one of these. The journal stores each as a record whose
/// `type` is `Event.Kind.rawValue` and whose `v` is `Event.Kind.version`; old versions are
/// upgraded when read (see ClerkStore's EventCodec).
public enum Event: Sendable, Hashable {
    // Archive-wide: who exists, which committees, which meetings, actions, the work plan.
    case organisationAdded(Organisation)
    case personAdded(Person)
    case personUpdated(Person)
    case committeeCreated(Committee)
    case termsChanged(TermsChanged)
    case membershipStarted(MembershipChange)
    case membershipEnded(MembershipEnded)
    case seatCorrected(SeatCorrected)
    case meetingScheduled(Meeting)
    case meetingMoved(MeetingMoved)
    case meetingCancelled(MeetingCancelled)
    case meetingInCommon(MeetingInCommon)
    case agendaPublished(MeetingDated)
    case meetingStarted(MeetingTimed)
    case meetingClosed(MeetingClosed)
    case minutesCirculated(MeetingDated)
    case minutesApproved(MinutesApproved)
    case actionRaised(Action)
    case actionUpdated(ActionUpdated)
    case actionEdited(ActionEdited)
    case objectiveSet(Objective)
    case objectiveRemoved(ObjectiveRemoved)
    case accountsSet(AccountsSet)
    case confidentialBarred(ConfidentialBarred)

    // Inside one meeting: its own journal segment.
    case itemAdded(ItemAdded)
    case itemEdited(ItemEdited)
    case itemMoved(ItemMoved)
    case itemRemoved(ItemRemoved)
    case currentItemSet(CurrentItemSet)
    case attendanceMarked(AttendanceMarked)
    case attendanceCleared(AttendanceCleared)
    case declarationRecorded(DeclarationRecorded)
    case declarationWithdrawn(DeclarationWithdrawn)
    case entryAdded(EntryAdded)
    case entryEdited(EntryEdited)
    case entryRemoved(EntryRemoved)
    case entryConflicted(EntryConflicted)
    case conflictResolved(ConflictResolved)
    case voteRecorded(VoteRecorded)
    case quorumChanged(QuorumChanged)
    case guestAdded(GuestAdded)
    case guestRemoved(GuestRemoved)
    case referencesAssigned(ReferencesAssigned)
    case referencesCounted(ReferencesCounted)

    public enum Kind: String, Sendable, CaseIterable {
        case organisationAdded = "organisation.added"
        case personAdded = "person.added"
        case personUpdated = "person.updated"
        case committeeCreated = "committee.created"
        case termsChanged = "committee.terms-changed"
        case membershipStarted = "membership.started"
        case membershipEnded = "membership.ended"
        case seatCorrected = "membership.corrected"
        case meetingScheduled = "meeting.scheduled"
        case meetingMoved = "meeting.moved"
        case meetingCancelled = "meeting.cancelled"
        case meetingInCommon = "meeting.in-common"
        case agendaPublished = "meeting.agenda-published"
        case meetingStarted = "meeting.started"
        case meetingClosed = "meeting.closed"
        case minutesCirculated = "minutes.circulated"
        case minutesApproved = "minutes.approved"
        case actionRaised = "action.raised"
        case actionUpdated = "action.updated"
        case actionEdited = "action.edited"
        case objectiveSet = "objective.set"
        case objectiveRemoved = "objective.removed"
        case accountsSet = "person.accounts-set"
        case confidentialBarred = "committee.confidential-barred"
        case itemAdded = "agenda.item-added"
        case itemEdited = "agenda.item-edited"
        case itemMoved = "agenda.item-moved"
        case itemRemoved = "agenda.item-removed"
        case currentItemSet = "agenda.current-item"
        case attendanceMarked = "attendance.marked"
        case attendanceCleared = "attendance.cleared"
        case declarationRecorded = "declaration.recorded"
        case declarationWithdrawn = "declaration.withdrawn"
        case entryAdded = "minutes.entry-added"
        case entryEdited = "minutes.entry-edited"
        case entryRemoved = "minutes.entry-removed"
        case entryConflicted = "minutes.entry-conflict"
        case conflictResolved = "minutes.conflict-resolved"
        case voteRecorded = "vote.recorded"
        case quorumChanged = "quorum.changed"
        case guestAdded = "attendance.guest-added"
        case guestRemoved = "attendance.guest-removed"
        case referencesAssigned = "agenda.references-assigned"
        case referencesCounted = "committee.references-counted"

        /// The current version written for this kind. Raise it when a payload changes
        /// shape, and teach EventCodec to upgrade the older one.
        public var version: Int {
            switch self {
            case .meetingScheduled: 2
            default: 1
            }
        }
    }

    /// Where the event is kept: the archive-wide segment, or the segment of one meeting.
    public enum Scope: Sendable, Hashable {
        case archive
        case meeting(MeetingID)
    }

    public var kind: Kind {
        switch self {
        case .organisationAdded: .organisationAdded
        case .personAdded: .personAdded
        case .personUpdated: .personUpdated
        case .committeeCreated: .committeeCreated
        case .termsChanged: .termsChanged
        case .membershipStarted: .membershipStarted
        case .membershipEnded: .membershipEnded
        case .seatCorrected: .seatCorrected
        case .meetingScheduled: .meetingScheduled
        case .meetingMoved: .meetingMoved
        case .meetingCancelled: .meetingCancelled
        case .meetingInCommon: .meetingInCommon
        case .agendaPublished: .agendaPublished
        case .meetingStarted: .meetingStarted
        case .meetingClosed: .meetingClosed
        case .minutesCirculated: .minutesCirculated
        case .minutesApproved: .minutesApproved
        case .actionRaised: .actionRaised
        case .actionUpdated: .actionUpdated
        case .actionEdited: .actionEdited
        case .objectiveSet: .objectiveSet
        case .objectiveRemoved: .objectiveRemoved
        case .accountsSet: .accountsSet
        case .confidentialBarred: .confidentialBarred
        case .itemAdded: .itemAdded
        case .itemEdited: .itemEdited
        case .itemMoved: .itemMoved
        case .itemRemoved: .itemRemoved
        case .currentItemSet: .currentItemSet
        case .attendanceMarked: .attendanceMarked
        case .attendanceCleared: .attendanceCleared
        case .declarationRecorded: .declarationRecorded
        case .declarationWithdrawn: .declarationWithdrawn
        case .entryAdded: .entryAdded
        case .entryEdited: .entryEdited
        case .entryRemoved: .entryRemoved
        case .entryConflicted: .entryConflicted
        case .conflictResolved: .conflictResolved
        case .voteRecorded: .voteRecorded
        case .quorumChanged: .quorumChanged
        case .guestAdded: .guestAdded
        case .guestRemoved: .guestRemoved
        case .referencesAssigned: .referencesAssigned
        case .referencesCounted: .referencesCounted
        }
    }

    public var scope: Scope {
        switch self {
        case .itemAdded(let e): .meeting(e.meetingID)
        case .itemEdited(let e): .meeting(e.meetingID)
        case .itemMoved(let e): .meeting(e.meetingID)
        case .itemRemoved(let e): .meeting(e.meetingID)
        case .currentItemSet(let e): .meeting(e.meetingID)
        case .attendanceMarked(let e): .meeting(e.meetingID)
        case .attendanceCleared(let e): .meeting(e.meetingID)
        case .declarationRecorded(let e): .meeting(e.meetingID)
        case .declarationWithdrawn(let e): .meeting(e.meetingID)
        case .entryAdded(let e): .meeting(e.meetingID)
        case .entryEdited(let e): .meeting(e.meetingID)
        case .entryRemoved(let e): .meeting(e.meetingID)
        case .entryConflicted(let e): .meeting(e.meetingID)
        case .conflictResolved(let e): .meeting(e.meetingID)
        case .voteRecorded(let e): .meeting(e.meetingID)
        case .quorumChanged(let e): .meeting(e.meetingID)
        case .guestAdded(let e): .meeting(e.meetingID)
        case .guestRemoved(let e): .meeting(e.meetingID)
        case .referencesAssigned(let e): .meeting(e.meetingID)
        default: .archive
        }
    }
}

// MARK: - Payloads

public struct TermsChanged: Sendable, Hashable, Codable {
    public var committeeID: CommitteeID
    public var name: String
    public var terms: TermsOfReference
    public var coreOrganisations: [OrganisationID]
    public init(committeeID: CommitteeID, name: String, terms: TermsOfReference, coreOrganisations: [OrganisationID]) {
        self.committeeID = committeeID; self.name = name; self.terms = terms; self.coreOrganisations = coreOrganisations
    }
}

public struct MembershipChange: Sendable, Hashable, Codable {
    public var committeeID: CommitteeID
    public var membership: Membership
    public init(committeeID: CommitteeID, membership: Membership) {
        self.committeeID = committeeID; self.membership = membership
    }
}

public struct MembershipEnded: Sendable, Hashable, Codable {
    public var committeeID: CommitteeID
    public var personID: PersonID
    public var until: CalendarDate
    public init(committeeID: CommitteeID, personID: PersonID, until: CalendarDate) {
        self.committeeID = committeeID; self.personID = personID; self.until = until
    }
}

public struct MeetingMoved: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var date: CalendarDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var venue: String
    public init(meetingID: MeetingID, date: CalendarDate, start: TimeOfDay?, end: TimeOfDay?, venue: String) {
        self.meetingID = meetingID; self.date = date; self.start = start; self.end = end; self.venue = venue
    }
}

public struct MeetingCancelled: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var reason: String
    public init(meetingID: MeetingID, reason: String) { self.meetingID = meetingID; self.reason = reason }
}

public struct MeetingDated: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var on: CalendarDate
    public init(meetingID: MeetingID, on: CalendarDate) { self.meetingID = meetingID; self.on = on }
}

public struct MeetingTimed: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var at: Instant
    /// The time on the wall where the meeting was, for the minutes ("opened at 10:02").
    public var localTime: TimeOfDay?
    public init(meetingID: MeetingID, at: Instant, localTime: TimeOfDay? = nil) {
        self.meetingID = meetingID; self.at = at; self.localTime = localTime
    }
}

public struct MeetingClosed: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var at: Instant
    /// The meeting scheduled from the cadence as the next one, if any.
    public var nextMeetingID: MeetingID?
    /// The time on the wall where the meeting was ("closed at 12:05").
    public var localTime: TimeOfDay?
    public init(meetingID: MeetingID, at: Instant, nextMeetingID: MeetingID?, localTime: TimeOfDay? = nil) {
        self.meetingID = meetingID; self.at = at; self.nextMeetingID = nextMeetingID; self.localTime = localTime
    }
}

public struct MinutesApproved: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var on: CalendarDate
    /// The meeting at which they were approved.
    public var atMeetingID: MeetingID?
    public init(meetingID: MeetingID, on: CalendarDate, atMeetingID: MeetingID?) {
        self.meetingID = meetingID; self.on = on; self.atMeetingID = atMeetingID
    }
}

public struct ActionUpdated: Sendable, Hashable, Codable {
    public var actionID: ActionID
    public var update: ActionUpdate
    public init(actionID: ActionID, update: ActionUpdate) { self.actionID = actionID; self.update = update }
}

public struct ActionEdited: Sendable, Hashable, Codable {
    public var actionID: ActionID
    public var text: String
    public var owner: Owner
    public var due: DueDate
    public init(actionID: ActionID, text: String, owner: Owner, due: DueDate) {
        self.actionID = actionID; self.text = text; self.owner = owner; self.due = due
    }
}

public struct ObjectiveRemoved: Sendable, Hashable, Codable {
    public var objectiveID: ObjectiveID
    public init(objectiveID: ObjectiveID) { self.objectiveID = objectiveID }
}

public struct ItemAdded: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var item: AgendaItem
    /// Placed after this item (nil: at the end of its level).
    public var after: ItemID?
    public init(meetingID: MeetingID, item: AgendaItem, after: ItemID? = nil) {
        self.meetingID = meetingID; self.item = item; self.after = after
    }
}

public struct ItemEdited: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var item: AgendaItem
    public init(meetingID: MeetingID, item: AgendaItem) { self.meetingID = meetingID; self.item = item }
}

public struct ItemMoved: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var itemID: ItemID
    public var parentID: ItemID?
    public var after: ItemID?
    public init(meetingID: MeetingID, itemID: ItemID, parentID: ItemID?, after: ItemID?) {
        self.meetingID = meetingID; self.itemID = itemID; self.parentID = parentID; self.after = after
    }
}

public struct ItemRemoved: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var itemID: ItemID
    public init(meetingID: MeetingID, itemID: ItemID) { self.meetingID = meetingID; self.itemID = itemID }
}

public struct CurrentItemSet: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var itemID: ItemID
    public var at: Instant
    public init(meetingID: MeetingID, itemID: ItemID, at: Instant) {
        self.meetingID = meetingID; self.itemID = itemID; self.at = at
    }
}

public struct AttendanceMarked: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var attendance: Attendance
    public init(meetingID: MeetingID, attendance: Attendance) { self.meetingID = meetingID; self.attendance = attendance }
}

public struct DeclarationRecorded: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var declaration: Declaration
    public init(meetingID: MeetingID, declaration: Declaration) { self.meetingID = meetingID; self.declaration = declaration }
}

public struct DeclarationWithdrawn: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var declarationID: EntryID
    public init(meetingID: MeetingID, declarationID: EntryID) { self.meetingID = meetingID; self.declarationID = declarationID }
}

public struct EntryAdded: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var entry: MinuteEntry
    public init(meetingID: MeetingID, entry: MinuteEntry) { self.meetingID = meetingID; self.entry = entry }
}

/// A change to an entry's text, as splices so that typing costs bytes in proportion to what
/// was typed, not to the length of the paragraph.
public struct EntryEdited: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var entryID: EntryID
    public var kind: EntryKind?
    public var splices: [Splice]
    /// The committees the entry becomes theirs alone (meetings in common); empty: shared by
    /// all again; nil: unchanged.
    public var committees: [CommitteeID]?
    public init(meetingID: MeetingID, entryID: EntryID, kind: EntryKind? = nil, splices: [Splice], committees: [CommitteeID]? = nil) {
        self.meetingID = meetingID; self.entryID = entryID; self.kind = kind; self.splices = splices; self.committees = committees
    }
}

public struct EntryRemoved: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var entryID: EntryID
    public init(meetingID: MeetingID, entryID: EntryID) { self.meetingID = meetingID; self.entryID = entryID }
}

public struct VoteRecorded: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var vote: Vote
    public init(meetingID: MeetingID, vote: Vote) { self.meetingID = meetingID; self.vote = vote }
}

public struct QuorumChanged: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var change: QuorumChange
    public init(meetingID: MeetingID, change: QuorumChange) { self.meetingID = meetingID; self.change = change }
}
