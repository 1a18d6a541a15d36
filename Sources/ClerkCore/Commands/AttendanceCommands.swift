// Marking attendance as the meeting runs: the mark, and — the rule every front end follows —
// the moment quorum is lost or regained, minuted with it.

extension MeetingContext {
    /// Marks a person's attendance (see `mark`) and, while the meeting is in progress, when
    /// the mark makes it inquorate or quorate again, records that change at `time` too.
    public func markAttendance(_ person: PersonID, _ presence: Presence, arrived: TimeOfDay? = nil, departed: TimeOfDay? = nil,
                               at time: TimeOfDay) throws -> [Event] {
        let events = try mark(person, presence, arrived: arrived, departed: departed)
        return events + quorumChange(after: events, at: time)
    }

    /// The quorum change the events would make, if any, as a `quorum.changed` at `time`.
    public func quorumChange(after events: [Event], at time: TimeOfDay) -> [Event] {
        guard meeting.status == .inProgress else { return [] }
        if case .none = committee.terms.quorum { return [] }
        let before = quorum(for: record.currentItem)
        var next = self
        for event in events { next.record.apply(event) }
        let after = next.quorum(for: next.record.currentItem)
        guard before.isQuorate != after.isQuorate else { return [] }
        let change = QuorumChange(at: time, isQuorate: after.isQuorate, summary: after.summary, itemID: record.currentItem)
        return [.quorumChanged(QuorumChanged(meetingID: record.meetingID, change: change))]
    }
}
