/// The archive-wide state: a fold of the archive segment's events. Meeting contents live in
/// `MeetingRecord`s, folded from each meeting's own segment and loaded when needed.
public struct ArchiveState: Sendable, Hashable, Codable {
    public private(set) var organisations: [OrganisationID: Organisation] = [:]
    public private(set) var people: [PersonID: Person] = [:]
    public private(set) var committees: [CommitteeID: Committee] = [:]
    /// Committees in the order they were created.
    public private(set) var committeeOrder: [CommitteeID] = []
    public private(set) var meetings: [MeetingID: Meeting] = [:]
    public private(set) var actions: [ActionID: Action] = [:]
    public private(set) var objectives: [ObjectiveID: Objective] = [:]
    /// Which operating-system accounts are which people, and who is barred from confidential items.
    public private(set) var access = AccessRules()
    /// Events that did not fit the state when folded (named for `clerk check`).
    public private(set) var anomalies: [String] = []

    public init() {}

    /// Reassembles a state from its parts (a checkpoint). The parts must come from a fold.
    public init(organisations: [OrganisationID: Organisation], people: [PersonID: Person],
                committees: [CommitteeID: Committee], committeeOrder: [CommitteeID], meetings: [MeetingID: Meeting],
                actions: [ActionID: Action], objectives: [ObjectiveID: Objective], anomalies: [String],
                access: AccessRules = AccessRules()) {
        self.organisations = organisations
        self.people = people
        self.committees = committees
        self.committeeOrder = committeeOrder
        self.meetings = meetings
        self.actions = actions
        self.objectives = objectives
        self.anomalies = anomalies
        self.access = access
    }

    public var committeeList: [Committee] { committeeOrder.compactMap { committees[$0] } }

    public func meetings(of committee: CommitteeID) -> [Meeting] {
        meetings.values.filter { $0.committeeID == committee }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
    }

    public func actions(of committee: CommitteeID) -> [Action] {
        actions.values.filter { $0.committeeID == committee }
    }

    public func objectives(of committee: CommitteeID) -> [Objective] {
        objectives.values.filter { $0.committeeID == committee }.sorted { $0.number.compare(numbered: $1.number) }
    }

    /// Finds a committee by id, code or name, case-insensitively.
    public func committee(matching text: String) -> Committee? {
        let key = text.lowercased()
        return committeeList.first { $0.id == key || $0.code.lowercased() == key || $0.name.lowercased() == key }
    }

    public func ownerName(_ owner: Owner) -> String {
        switch owner {
        case .person(let id): people[id]?.formalName ?? id
        case .organisation(let id): organisations[id]?.name ?? id
        }
    }

    public mutating func apply(_ event: Event) {
        switch event {
        case .organisationAdded(let o):
            organisations[o.id] = o
        case .personAdded(let p), .personUpdated(let p):
            people[p.id] = p
        case .committeeCreated(let c):
            if committees[c.id] == nil { committeeOrder.append(c.id) }
            committees[c.id] = c
        case .termsChanged(let e):
            guard var c = committees[e.committeeID] else { return anomaly(event, "unknown committee") }
            c.name = e.name
            c.terms = e.terms
            c.coreOrganisations = e.coreOrganisations
            committees[c.id] = c
        case .membershipStarted(let e):
            guard committees[e.committeeID] != nil else { return anomaly(event, "unknown committee") }
            committees[e.committeeID]?.memberships.append(e.membership)
        case .membershipEnded(let e):
            guard let c = committees[e.committeeID],
                  let index = c.memberships.lastIndex(where: { $0.personID == e.personID && $0.until == nil })
            else { return anomaly(event, "no open membership") }
            committees[e.committeeID]?.memberships[index].until = e.until
        case .meetingScheduled(let m):
            meetings[m.id] = m
        case .meetingMoved(let e):
            guard let before = meetings[e.meetingID] else { return anomaly(event, "unknown meeting") }
            meetings[e.meetingID]?.movedFrom = before.movedFrom ?? (before.date == e.date ? nil : before.date)
            meetings[e.meetingID]?.date = e.date
            meetings[e.meetingID]?.start = e.start
            meetings[e.meetingID]?.end = e.end
            meetings[e.meetingID]?.venue = e.venue
        case .meetingCancelled(let e):
            guard meetings[e.meetingID] != nil else { return anomaly(event, "unknown meeting") }
            meetings[e.meetingID]?.status = .cancelled
        case .agendaPublished(let e):
            guard meetings[e.meetingID] != nil else { return anomaly(event, "unknown meeting") }
            meetings[e.meetingID]?.status = .agendaPublished
            meetings[e.meetingID]?.agendaPublishedOn = e.on
        case .meetingStarted(let e):
            guard meetings[e.meetingID] != nil else { return anomaly(event, "unknown meeting") }
            meetings[e.meetingID]?.status = .inProgress
            meetings[e.meetingID]?.startedAt = e.at
            meetings[e.meetingID]?.openedAt = e.localTime
        case .meetingClosed(let e):
            guard meetings[e.meetingID] != nil else { return anomaly(event, "unknown meeting") }
            meetings[e.meetingID]?.status = .minutesDraft
            meetings[e.meetingID]?.endedAt = e.at
            meetings[e.meetingID]?.closedAt = e.localTime
        case .minutesCirculated(let e):
            guard meetings[e.meetingID] != nil else { return anomaly(event, "unknown meeting") }
            meetings[e.meetingID]?.status = .minutesCirculated
        case .minutesApproved(let e):
            guard meetings[e.meetingID] != nil else { return anomaly(event, "unknown meeting") }
            meetings[e.meetingID]?.status = .minutesApproved
            meetings[e.meetingID]?.approvedOn = e.on
        case .actionRaised(let a):
            actions[a.id] = a
        case .actionUpdated(let e):
            guard actions[e.actionID] != nil else { return anomaly(event, "unknown action") }
            actions[e.actionID]?.status = e.update.status
            actions[e.actionID]?.history.append(e.update)
        case .actionEdited(let e):
            guard actions[e.actionID] != nil else { return anomaly(event, "unknown action") }
            actions[e.actionID]?.text = e.text
            actions[e.actionID]?.owner = e.owner
            actions[e.actionID]?.due = e.due
        case .objectiveSet(let o):
            objectives[o.id] = o
        case .objectiveRemoved(let e):
            objectives[e.objectiveID] = nil
        case .accountsSet(let e):
            guard people[e.personID] != nil else { return anomaly(event, "unknown person") }
            access.setAccounts(e.accounts, of: e.personID)
        case .confidentialBarred(let e):
            guard committees[e.committeeID] != nil else { return anomaly(event, "unknown committee") }
            access.setBarred(e.barred, e.personID, from: e.committeeID)
        case .itemAdded, .itemEdited, .itemMoved, .itemRemoved, .currentItemSet, .attendanceMarked,
             .declarationRecorded, .declarationWithdrawn, .entryAdded, .entryEdited, .entryRemoved,
             .voteRecorded, .quorumChanged:
            anomaly(event, "a meeting event in the archive segment")
        }
    }

    private mutating func anomaly(_ event: Event, _ why: String) {
        anomalies.append("\(event.kind.rawValue): \(why)")
    }
}

extension MeetingRecord {
    /// Folds one event of this meeting's segment. Events that do not fit are counted, never guessed at.
    public mutating func apply(_ event: Event) {
        switch event {
        case .itemAdded(let e):
            guard item(e.item.id) == nil else { return anomaly(event, "item exists") }
            insert(e.item, after: e.after)
        case .itemEdited(let e):
            guard let index = items.firstIndex(where: { $0.id == e.item.id }) else { return anomaly(event, "unknown item") }
            let parent = items[index].parentID
            items[index] = e.item
            items[index].parentID = parent
        case .itemMoved(let e):
            guard var moved = item(e.itemID) else { return anomaly(event, "unknown item") }
            let family = [moved.id] + subItems(of: moved.id).map(\.id)
            let children = subItems(of: moved.id)
            items.removeAll { family.contains($0.id) }
            moved.parentID = e.parentID
            insert(moved, after: e.after)
            var position = items.firstIndex { $0.id == moved.id }! + 1
            for child in children {
                items.insert(child, at: position)
                position += 1
            }
        case .itemRemoved(let e):
            guard item(e.itemID) != nil else { return anomaly(event, "unknown item") }
            items.removeAll { $0.id == e.itemID || $0.parentID == e.itemID }
        case .currentItemSet(let e):
            currentItem = e.itemID
            currentItemSince = e.at
        case .attendanceMarked(let e):
            if let index = attendance.firstIndex(where: { $0.personID == e.attendance.personID }) {
                attendance[index] = e.attendance
            } else {
                attendance.append(e.attendance)
            }
        case .declarationRecorded(let e):
            declarations.append(e.declaration)
        case .declarationWithdrawn(let e):
            declarations.removeAll { $0.id == e.declarationID }
        case .entryAdded(let e):
            guard !entries.contains(where: { $0.id == e.entry.id }) else { return anomaly(event, "entry exists") }
            entries.append(e.entry)
        case .entryEdited(let e):
            guard let index = entries.firstIndex(where: { $0.id == e.entryID }) else { return anomaly(event, "unknown entry") }
            // All of the edit or none of it.
            var text = entries[index].text
            for splice in e.splices {
                guard let spliced = splice.apply(to: text) else { return anomaly(event, "splice out of range") }
                text = spliced
            }
            entries[index].text = text
            if let kind = e.kind { entries[index].kind = kind }
        case .entryRemoved(let e):
            entries.removeAll { $0.id == e.entryID }
        case .voteRecorded(let e):
            votes.append(e.vote)
        case .quorumChanged(let e):
            quorumChanges.append(e.change)
        default:
            anomaly(event, "an archive event in a meeting segment")
        }
    }

    /// Places a top-level item after `after` (or last); a sub-item after `after` among its
    /// siblings (or after its parent's last sub-item).
    private mutating func insert(_ item: AgendaItem, after: ItemID?) {
        if let after, let index = items.firstIndex(where: { $0.id == after }) {
            var position = index + 1
            // Keep a top-level item clear of the sub-items of the item it follows.
            if item.parentID == nil { while position < items.count, items[position].parentID != nil { position += 1 } }
            items.insert(item, at: position)
        } else if let parent = item.parentID, let parentIndex = items.firstIndex(where: { $0.id == parent }) {
            var position = parentIndex + 1
            while position < items.count, items[position].parentID == parent { position += 1 }
            items.insert(item, at: position)
        } else {
            items.append(item)
        }
    }

    public private(set) var anomalies: [String] {
        get { _anomalies }
        set { _anomalies = newValue }
    }

    private mutating func anomaly(_ event: Event, _ why: String) {
        _anomalies.append("\(event.kind.rawValue): \(why)")
    }
}

extension String {
    /// Orders "1.10" after "1.9" and "2" after "1.10".
    func compare(numbered other: String) -> Bool {
        let a = split(separator: ".").map { Int($0) ?? 0 }, b = other.split(separator: ".").map { Int($0) ?? 0 }
        return a.lexicographicallyPrecedes(b)
    }
}
