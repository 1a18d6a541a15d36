/// Someone in the room who is not on the committee: a presenter for one item, the minute
/// taker, an observer, an officer. A guest is listed "In attendance" and never counts to
/// quorum or votes: guests are kept apart from `MeetingRecord.attendance`, which quorum and
/// voting read.
public enum GuestRole: String, Sendable, Hashable, Codable, CaseIterable {
    case presenter, minuteTaker = "minute-taker", observer, officer

    public var label: String {
        switch self {
        case .presenter: "Presenter"
        case .minuteTaker: "Minute taker"
        case .observer: "Observer"
        case .officer: "Officer"
        }
    }
}

public struct Guest: Sendable, Hashable, Codable {
    public var id: EntryID
    public var name: String
    /// "Head of Estates"
    public var post: String?
    /// As typed: guests often come from bodies that are not on the committee.
    public var organisation: String?
    public var role: GuestRole
    /// Present for this item only.
    public var itemID: ItemID?
    /// Removed as added by mistake; kept so that the removal can be undone.
    public var removed: Bool?

    public init(id: EntryID, name: String, post: String? = nil, organisation: String? = nil, role: GuestRole,
                itemID: ItemID? = nil, removed: Bool? = nil) {
        self.id = id
        self.name = name
        self.post = post
        self.organisation = organisation
        self.role = role
        self.itemID = itemID
        self.removed = removed
    }

    public var isRemoved: Bool { removed == true }

    /// "Jo Bloggs, Head of Estates (Acme Ltd) — presenter, for item 5".
    public func line(itemNumber: String?) -> String {
        var text = name
        if let post, !post.isEmpty { text += ", \(post)" }
        if let organisation, !organisation.isEmpty { text += " (\(organisation))" }
        text += " — \(role.label.lowercased())"
        if let itemNumber { text += " (for item \(itemNumber))" }
        return text
    }
}

public struct GuestAdded: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var guest: Guest
    public init(meetingID: MeetingID, guest: Guest) { self.meetingID = meetingID; self.guest = guest }
}

public struct GuestRemoved: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var guestID: EntryID
    public init(meetingID: MeetingID, guestID: EntryID) { self.meetingID = meetingID; self.guestID = guestID }
}

/// A correction of a seat's organisation or dates. The seat is the person's seat on the
/// committee that began on `seatFrom` (nil: the one with no start date), as it was before.
public struct SeatCorrected: Sendable, Hashable, Codable {
    public var committeeID: CommitteeID
    public var personID: PersonID
    public var seatFrom: CalendarDate?
    public var organisationID: OrganisationID?
    public var from: CalendarDate?
    public var until: CalendarDate?
    public init(committeeID: CommitteeID, personID: PersonID, seatFrom: CalendarDate?, organisationID: OrganisationID?,
                from: CalendarDate?, until: CalendarDate?) {
        self.committeeID = committeeID; self.personID = personID; self.seatFrom = seatFrom
        self.organisationID = organisationID; self.from = from; self.until = until
    }
}

extension MeetingRecord {
    /// Guests as listed: those not removed, in the order added.
    public var listedGuests: [Guest] { guests.filter { !$0.isRemoved } }
    public func guest(_ id: EntryID) -> Guest? { guests.first { $0.id == id } }
}
