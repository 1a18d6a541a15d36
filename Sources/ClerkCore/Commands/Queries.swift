/// Which actions to list: the chair's filters.
public struct ActionFilter: Sendable, Hashable {
    public var committee: CommitteeID?
    /// Exactly this owner, as resolved from what was typed (`ownerFilter`). An organisation
    /// matches its own actions only, not those of its people.
    public var ownerIs: Owner?
    public var overdueOn: CalendarDate?
    /// These statuses only (nil: any, but withdrawn actions only when named here).
    public var statuses: Set<ActionStatus>?
    /// Due (by their deadline) within this span of dates, inclusive.
    public var dueBetween: ClosedRange<CalendarDate>?
    /// Raised at this meeting.
    public var meeting: MeetingID?

    public init(committee: CommitteeID? = nil, overdueOn: CalendarDate? = nil,
                statuses: Set<ActionStatus>? = nil, dueBetween: ClosedRange<CalendarDate>? = nil, meeting: MeetingID? = nil,
                ownerIs: Owner? = nil) {
        self.committee = committee
        self.ownerIs = ownerIs
        self.overdueOn = overdueOn
        self.statuses = statuses
        self.dueBetween = dueBetween
        self.meeting = meeting
    }
}

extension ArchiveState {
    /// Actions matching the filter, sorted by due date (undated last), then by when raised.
    public func actions(matching filter: ActionFilter) -> [Action] {
        let matching = actions.values.filter { a in
            if let c = filter.committee, a.committeeID != c { return false }
            if let statuses = filter.statuses, !statuses.contains(a.status) { return false }
            // Withdrawn actions only when asked for by name.
            if a.status == .withdrawn, filter.statuses?.contains(.withdrawn) != true { return false }
            if let today = filter.overdueOn, !a.isOverdue(on: today) { return false }
            if let owner = filter.ownerIs, a.owner != owner { return false }
            if let m = filter.meeting, a.meetingID != m { return false }
            if let span = filter.dueBetween {
                guard let deadline = a.due.deadline, span.contains(deadline) else { return false }
            }
            return true
        }
        // Work out each deadline once, not once per comparison.
        return matching.map { (key: DueOrder($0), action: $0) }.sorted { $0.key < $1.key }.map(\.action)
    }

    /// Due date first (undated last), then when raised, then as numbered.
    struct DueOrder: Comparable {
        var undated: Bool
        var deadline: Int
        var raisedOn: Int
        var meetingID: MeetingID
        var number: Int

        init(_ a: Action) {
            let deadline = a.due.deadline
            undated = deadline == nil
            self.deadline = deadline?.dayNumber ?? 0
            raisedOn = a.raisedOn.dayNumber
            meetingID = a.meetingID
            number = a.number
        }

        static func < (x: DueOrder, y: DueOrder) -> Bool {
            (x.undated ? 1 : 0, x.deadline, x.raisedOn, x.meetingID, x.number)
                < (y.undated ? 1 : 0, y.deadline, y.raisedOn, y.meetingID, y.number)
        }
    }
}
