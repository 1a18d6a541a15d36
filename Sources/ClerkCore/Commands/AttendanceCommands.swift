// Marking attendance as the meeting runs: the mark, and — the rule every front end follows —
// the moment quorum is lost or regained, minuted with it.

extension MeetingContext {
    /// Marks a person's attendance (see `mark`) and, while the meeting is in progress, when
    /// the mark makes it inquorate or quorate again, records that change at `time` too.
    /// In a meeting in common a deputy is marked for `committee`, else for the committee
    /// they were marked for before.
    public func markAttendance(_ person: PersonID, _ presence: Presence, arrived: TimeOfDay? = nil, departed: TimeOfDay? = nil,
                               for committee: CommitteeID? = nil, at time: TimeOfDay) throws -> [Event] {
        var scope = committee
        if scope == nil, case .deputy = presence { scope = record.attendance(of: person)?.committeeID }
        let events = try scope.map { try mark(person, presence, arrived: arrived, departed: departed, for: $0) }
            ?? mark(person, presence, arrived: arrived, departed: departed)
        return events + quorumChange(after: events, at: time)
    }

    /// The quorum change the events would make, if any, as a `quorum.changed` at `time`.
    public func quorumChange(after events: [Event], at time: TimeOfDay) -> [Event] {
        guard meeting.status == .inProgress else { return [] }
        var next = self
        for event in events { next.record.apply(event) }
        // A meeting in common minutes each committee's quorum apart, under its own rule.
        let scopes: [CommitteeID?] = meeting.isInCommon ? meeting.committees : [nil]
        return scopes.compactMap { id -> Event? in
            guard let was = id.map({ try? inCommittee($0) }) ?? self, let now = id.map({ try? next.inCommittee($0) }) ?? next
            else { return nil }
            if case .none = was.committee.terms.quorum { return nil }
            let before = was.quorum(for: record.currentItem)
            let after = now.quorum(for: next.record.currentItem)
            guard before.isQuorate != after.isQuorate else { return nil }
            let change = QuorumChange(at: time, isQuorate: after.isQuorate, summary: after.summary, itemID: record.currentItem,
                                      committeeID: id)
            return .quorumChanged(QuorumChanged(meetingID: record.meetingID, change: change))
        }
    }
}

/// Which of a person's times is typed: when they came, or when they left.
public enum AttendanceTime: Sendable, Hashable {
    case arrived, departed
}

extension MeetingContext {
    /// The span a typed arrival or departure must fall in: from the meeting's opening (or
    /// its planned start) to its close (or, while it runs, `now`; before, its planned end).
    public func timeSpan(now: TimeOfDay) -> (from: TimeOfDay?, to: TimeOfDay?) {
        let to = meeting.closedAt ?? (meeting.status == .inProgress ? now : meeting.end)
        return (meeting.openedAt ?? meeting.start, to)
    }

    /// Records, or corrects, when a person came or left, at a time typed ("10:50"). A time
    /// that cannot be read, or falls outside the meeting, is refused with the reason; a
    /// departure needs the person marked as here. Quorum is recomputed as of that time.
    public func recordTime(_ person: PersonID, _ which: AttendanceTime, typed: String, now: TimeOfDay) throws -> [Event] {
        let time: TimeOfDay
        switch TimeOfDay.parse(typed) {
        case .success(let t): time = t
        case .failure(let e): throw CommandError(.invalid, e.message)
        }
        let span = timeSpan(now: now)
        if let from = span.from, time < from {
            let opened = meeting.startedAt == nil ? "is to start" : "opened"
            throw CommandError(.invalid, "\(time.text) is before the meeting \(opened) at \(from.text); type a time from \(from.text)")
        }
        if let to = span.to, to < time {
            let why = meeting.closedAt != nil ? "the meeting closed at \(to.text)"
                : meeting.status == .inProgress ? "the time now (\(to.text))" : "the meeting's planned end (\(to.text))"
            throw CommandError(.invalid, "\(time.text) is after \(why); type a time up to \(to.text)")
        }
        let name = archive.people[person]?.name ?? person
        let current = record.attendance(of: person)
        switch which {
        case .arrived:
            let presence = current.map { $0.presence.isInRoom ? $0.presence : .present } ?? .present
            return try markAttendance(person, presence, arrived: time, departed: current?.departed, at: time)
        case .departed:
            guard let current, current.presence.isInRoom else {
                throw CommandError(.wrongState, "\(name) is not marked as here, so cannot leave; mark their arrival first")
            }
            return try markAttendance(person, current.presence, arrived: current.arrived, departed: time, at: time)
        }
    }

    /// Takes back a person's mark, made by mistake: they are not yet marked again. The
    /// reversal is itself a record, and quorum is recomputed. When the mistaken mark was
    /// what made the meeting quorate (or inquorate) — the last quorum change was minuted at
    /// the very time the mark gave, and clearing turns it back — that change is taken back
    /// with it rather than answered by a second line; otherwise a change is minuted at
    /// `time` as for any mark.
    public func clearAttendance(_ person: PersonID, at time: TimeOfDay) throws -> [Event] {
        try requireWritable("changing attendance")
        guard let mark = record.attendance(of: person) else {
            throw CommandError(.wrongState, "\(archive.people[person]?.name ?? person) is not marked yet, so there is nothing to clear")
        }
        let cleared: [Event] = [.attendanceCleared(AttendanceCleared(meetingID: record.meetingID, personID: person))]
        let change = quorumChange(after: cleared, at: time)
        if !change.isEmpty, let last = record.quorumChanges.last, [mark.arrived, mark.departed].contains(last.at) {
            return [.attendanceCleared(AttendanceCleared(meetingID: record.meetingID, personID: person, retractsQuorumChange: true))]
        }
        return cleared + change
    }
}

extension Attendance {
    /// How the minutes say someone was there for part of the meeting: "from 10:20", "left
    /// at 10:50, part meeting", or both; nil when they were there throughout. An arrival at
    /// or before the opening, or a departure at or after the close, is not part meeting.
    public func partMeeting(openedAt: TimeOfDay?, closedAt: TimeOfDay?) -> String? {
        var parts: [String] = []
        if let arrived, openedAt.map({ $0 < arrived }) ?? true { parts.append("from \(arrived.text)") }
        if let departed, closedAt.map({ departed < $0 }) ?? true { parts += ["left at \(departed.text)", "part meeting"] }
        return parts.isEmpty ? nil : parts.joined(separator: ", ")
    }
}
