// Meetings in common: one sitting that serves several committees. The meeting belongs to
// the convening committee (its journal, its id); `meeting.in-common` names the others and
// the convening chair. Each committee keeps its own attendance (a person present counts for
// every committee they sit on; a deputy is named for one), its own quorum under its own
// rule, and its own decisions (an entry labelled with the committees it is theirs alone).

/// `meeting.in-common`: the other committees one meeting serves, and who chairs it.
public struct MeetingInCommon: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    /// The committees besides the convening one, in the order they are minuted; empty makes
    /// the meeting the convening committee's alone again.
    public var committees: [CommitteeID]
    /// The convening chair, when named.
    public var chair: PersonID?
    public init(meetingID: MeetingID, committees: [CommitteeID], chair: PersonID? = nil) {
        self.meetingID = meetingID; self.committees = committees; self.chair = chair
    }
}

extension ArchiveState {
    /// Holds a meeting in common with other committees, under a convening chair. Refused,
    /// in one line and with nothing recorded, for a committee that does not exist, one named
    /// twice (or the convening committee itself), a chair who sits on none of them, or a
    /// meeting that has already taken place.
    public func holdInCommon(_ meetingID: MeetingID, with others: [CommitteeID], chair: PersonID? = nil) throws -> [Event] {
        let m = try meeting(meetingID)
        guard !m.status.hasTakenPlace, m.status != .cancelled else {
            throw CommandError(.wrongState, "meeting \(meetingID) is \(m.status.label); committees are joined to a meeting before it takes place")
        }
        var seen: Set<CommitteeID> = [m.committeeID]
        for id in others {
            guard let c = committees[id] else {
                throw CommandError.notFound("committee", id, hint: "run 'clerk committees' for their codes and names")
            }
            guard seen.insert(id).inserted else {
                throw CommandError(.duplicate, "\(c.name) is already one of the committees of meeting \(meetingID); name each committee once")
            }
        }
        if let chair {
            guard let p = people[chair] else { throw CommandError.notFound("person", chair, hint: "add the person first") }
            let all = [m.committeeID] + others
            guard all.contains(where: { committees[$0]?.membership(of: chair, on: m.date) != nil }) else {
                throw CommandError(.invalid, "\(p.name) sits on none of the committees meeting in common; name one of their members as chair")
            }
        }
        return [.meetingInCommon(MeetingInCommon(meetingID: meetingID, committees: others, chair: chair ?? m.convenor))]
    }

    /// Adds one more committee to a meeting (the screen's key on a planned meeting).
    public func addCommitteeInCommon(_ meetingID: MeetingID, _ committee: CommitteeID) throws -> [Event] {
        let m = try meeting(meetingID)
        return try holdInCommon(meetingID, with: (m.inCommonWith ?? []) + [committee], chair: m.convenor)
    }

    /// A committee named as typed: its id, its code or its name (any case).
    public func committeeNamed(_ typed: String) -> Committee? {
        let t = typed.trimmed.lowercased()
        return committees[typed.trimmed] ?? committees.values.first { $0.code.lowercased() == t || $0.name.lowercased() == t }
    }
}

extension MeetingContext {
    /// The meeting seen from one of its committees: that committee's terms and seats, and
    /// the attendance that is its own (deputies named for another committee left out).
    public func inCommittee(_ id: CommitteeID) throws -> MeetingContext {
        guard meeting.committees.contains(id) else {
            let name = archive.committees[id]?.name ?? id
            throw CommandError(.invalid, "\(name) is not one of the committees of meeting \(meeting.id); hold the meeting in common with it first")
        }
        var scoped = self
        scoped.committee = try archive.committee(id)
        scoped.record.attendance = record.attendance.filter { $0.committeeID == nil || $0.committeeID == id }
        return scoped
    }

    /// Each committee's quorum, under its own rule, the convening committee first.
    public func quorums(for item: ItemID? = nil) -> [(committee: Committee, status: QuorumStatus)] {
        meeting.committees.compactMap { id in
            (try? inCommittee(id)).map { ($0.committee, $0.quorum(for: item)) }
        }
    }

    /// Marks attendance for one committee of a meeting in common: a deputy stands in for a
    /// member on that committee only, so the same member can have a different deputy in
    /// each. Checked against that committee's seats and alternates.
    public func mark(_ person: PersonID, _ presence: Presence, arrived: TimeOfDay? = nil, departed: TimeOfDay? = nil,
                     for committeeID: CommitteeID) throws -> [Event] {
        let scoped = try inCommittee(committeeID)
        guard case .deputy = presence else {
            throw CommandError(.invalid, "only a deputy is marked for one committee; mark \(archive.people[person]?.name ?? person) \(presence.label) and it counts for every committee they sit on")
        }
        return try scoped.mark(person, presence, arrived: arrived, departed: departed).map { event in
            guard case .attendanceMarked(var e) = event else { return event }
            e.attendance.committeeID = committeeID
            return .attendanceMarked(e)
        }
    }

    /// Labels an entry as the decision of some of the committees only; none makes it shared
    /// again. A committee not in the meeting, or named twice, is refused.
    public func labelEntry(_ entry: EntryID, committees: [CommitteeID]) throws -> [Event] {
        try requireWritable("editing minutes")
        guard let e = record.entries.first(where: { $0.id == entry }) else {
            throw CommandError.notFound("minute entry", entry, hint: "it may have been removed in another session")
        }
        let labels = try checkedLabels(committees)
        if (labels.isEmpty ? nil : labels) == e.committees { return [] }
        return [.entryEdited(EntryEdited(meetingID: meeting.id, entryID: entry, splices: [], committees: labels))]
    }

    /// Adds an entry taken by some of the committees only (empty: shared by all).
    public func addEntry(to item: ItemID, kind: EntryKind, text: String, committees: [CommitteeID],
                         context: CommandContext) throws -> [Event] {
        let labels = try checkedLabels(committees)
        return try addEntry(to: item, kind: kind, text: text, context: context).map { event in
            guard case .entryAdded(var e) = event, !labels.isEmpty else { return event }
            e.entry.committees = labels
            return .entryAdded(e)
        }
    }

    private func checkedLabels(_ committees: [CommitteeID]) throws -> [CommitteeID] {
        var seen: Set<CommitteeID> = []
        for id in committees {
            guard meeting.committees.contains(id) else {
                let name = archive.committees[id]?.name ?? id
                throw CommandError(.invalid, "\(name) is not one of the committees of meeting \(meeting.id); label the entry with \(committeeList)")
            }
            guard seen.insert(id).inserted else {
                throw CommandError(.duplicate, "\(archive.committees[id]?.name ?? id) is named twice; name each committee once")
            }
        }
        // Labelled with every committee is the same as shared.
        return Set(committees) == Set(meeting.committees) ? [] : committees
    }

    /// "Audit Committee, Finance Committee or People Committee".
    private var committeeList: String {
        let names = meeting.committees.map { archive.committees[$0]?.name ?? $0 }
        guard names.count > 1 else { return names.first ?? "" }
        return names.dropLast().joined(separator: ", ") + " or " + names.last!
    }
}
