/// Which actions to list: the chair's filters.
public struct ActionFilter: Sendable, Hashable {
    public var committee: CommitteeID?
    /// Matched against the owner's name, initials, id, or organisation name, case-insensitively.
    public var owner: String?
    public var overdueOn: CalendarDate?
    public var statuses: Set<ActionStatus>?

    public init(committee: CommitteeID? = nil, owner: String? = nil, overdueOn: CalendarDate? = nil,
                statuses: Set<ActionStatus>? = nil) {
        self.committee = committee
        self.owner = owner
        self.overdueOn = overdueOn
        self.statuses = statuses
    }
}

extension ArchiveState {
    /// Actions matching the filter, sorted by due date (undated last), then by when raised.
    public func actions(matching filter: ActionFilter) -> [Action] {
        let ownerKey = filter.owner?.lowercased()
        return actions.values.filter { a in
            if let c = filter.committee, a.committeeID != c { return false }
            if let statuses = filter.statuses, !statuses.contains(a.status) { return false }
            if let today = filter.overdueOn, !a.isOverdue(on: today) { return false }
            if let key = ownerKey, !ownerMatches(a.owner, key) { return false }
            return true
        }.sorted(by: Self.dueOrder)
    }

    static func dueOrder(_ a: Action, _ b: Action) -> Bool {
        switch (a.due.deadline, b.due.deadline) {
        case let (x?, y?) where x != y: return x < y
        case (.some, nil): return true
        case (nil, .some): return false
        default: return (a.raisedOn, a.meetingID, a.number) < (b.raisedOn, b.meetingID, b.number)
        }
    }

    private func ownerMatches(_ owner: Owner, _ key: String) -> Bool {
        switch owner {
        case .person(let id):
            guard let p = people[id] else { return id == key }
            return id == key || p.initials.lowercased() == key || p.name.lowercased().contains(key)
                || p.formalName.lowercased() == key
        case .organisation(let id):
            return id == key || (organisations[id]?.name.lowercased() == key)
        }
    }
}
