/// The action log across meetings: what was open when a meeting began, what was recorded
/// at it, and the filters the chair chases actions with.
extension Action {
    /// The status when `date` began: as set by the last update dated before it, or open.
    /// An action with no history at all keeps its recorded status.
    public func status(before date: CalendarDate) -> ActionStatus {
        guard !history.isEmpty else { return status }
        return history.last { $0.on < date }?.status ?? .open
    }

    /// The updates recorded at a meeting ("at the meeting of 15 Jul 2008: …"), oldest first.
    public func progress(at meeting: MeetingID) -> [ActionUpdate] {
        history.filter { $0.meetingID == meeting }
    }
}

extension CalendarDate {
    /// From this day to the end of its week: committees plan Monday to Sunday.
    public var restOfWeek: ClosedRange<CalendarDate> {
        self...adding(days: 7 - weekday.rawValue)
    }
}

extension ArchiveState {
    /// The action log review of a meeting: the committee's actions raised at earlier
    /// meetings that were still open (open, in progress or ongoing) when the day of the
    /// meeting began, oldest first. An action closed at the meeting stays in its log.
    public func actionLog(for meetingID: MeetingID) -> [Action] {
        guard let m = meetings[meetingID] else { return [] }
        return actions(of: m.committeeID)
            .filter { $0.meetingID != m.id && $0.raisedOn < m.date && $0.status(before: m.date).carriesForward }
            .sorted { ($0.raisedOn, $0.meetingID, $0.number) < ($1.raisedOn, $1.meetingID, $1.number) }
    }

    /// The owner a filter typed as "LMC", "Dr Graves" or "PG" means, resolved as when
    /// raising an action (people of `committee` first); no match or more than one is refused.
    public func ownerFilter(_ text: String, committee: CommitteeID?, on today: CalendarDate) throws -> Owner {
        try resolveOwner(text, committee: committee ?? "", on: today)
    }
}
