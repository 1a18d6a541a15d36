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
        case .post(let post): post
        }
    }

    /// Folds one event. One that is malformed or does not fit the state is not applied: it is
    /// recorded as an anomaly, named by `source` (the file and line it came from) when given.
    public mutating func apply(_ event: Event, from source: String? = nil) {
        guard let why = event.malformation ?? fold(event) else { return }
        anomalies.append(Self.anomaly(event.kind.rawValue, why, from: source))
    }

    /// Records a record that could not be read at all (set aside), so that it is counted
    /// and reported with the events that did not fit.
    public mutating func setAside(_ description: String) {
        anomalies.append(description)
    }

    private func unknown(organisation id: OrganisationID?) -> String? {
        guard let id, organisations[id] == nil else { return nil }
        return "unknown organisation \(IDGrammar.shown(id))"
    }

    private func unknown(member m: Membership) -> String? {
        if people[m.personID] == nil { return "unknown person \(IDGrammar.shown(m.personID))" }
        return unknown(organisation: m.organisationID)
    }

    private func unknown(owner: Owner) -> String? {
        switch owner {
        case .person(let id): people[id] == nil ? "unknown owner \(IDGrammar.shown(id))" : nil
        case .organisation(let id): unknown(organisation: id)
        case .post: nil
        }
    }

    private mutating func correctSeat(_ e: SeatCorrected) -> String? {
        guard let c = committees[e.committeeID] else { return "unknown committee" }
        guard let index = c.memberships.lastIndex(where: { $0.personID == e.personID && $0.from == e.seatFrom }) else {
            return "no seat of \(IDGrammar.shown(e.personID)) from \(e.seatFrom?.iso ?? "the start")"
        }
        if let why = unknown(organisation: e.organisationID) { return why }
        if let from = e.from, let until = e.until, until < from { return "the seat ends before it starts" }
        committees[e.committeeID]?.memberships[index].organisationID = e.organisationID
        committees[e.committeeID]?.memberships[index].from = e.from
        committees[e.committeeID]?.memberships[index].until = e.until
        return nil
    }

    static func anomaly(_ kind: String, _ why: String, from source: String?) -> String {
        (source.map { $0 + ": " } ?? "") + kind + ": " + why
    }

    private mutating func fold(_ event: Event) -> String? {
        switch event {
        case .organisationAdded(let o):
            organisations[o.id] = o
        case .personAdded(let p), .personUpdated(let p):
            if let why = unknown(organisation: p.organisationID) { return why }
            people[p.id] = p
        case .committeeCreated(let c):
            if let why = c.coreOrganisations.compactMap(unknown(organisation:)).first
                ?? c.memberships.compactMap(unknown(member:)).first { return why }
            if committees[c.id] == nil { committeeOrder.append(c.id) }
            committees[c.id] = c
        case .termsChanged(let e):
            guard var c = committees[e.committeeID] else { return "unknown committee" }
            if let why = e.coreOrganisations.compactMap(unknown(organisation:)).first { return why }
            c.name = e.name
            c.terms = e.terms
            c.coreOrganisations = e.coreOrganisations
            committees[c.id] = c
        case .membershipStarted(let e):
            guard committees[e.committeeID] != nil else { return "unknown committee" }
            if let why = unknown(member: e.membership) { return why }
            committees[e.committeeID]?.memberships.append(e.membership)
        case .membershipEnded(let e):
            guard let c = committees[e.committeeID],
                  let index = c.memberships.lastIndex(where: { $0.personID == e.personID && $0.until == nil })
            else { return "no open membership" }
            committees[e.committeeID]?.memberships[index].until = e.until
        case .seatCorrected(let e):
            return correctSeat(e)
        case .meetingScheduled(let m):
            guard committees[m.committeeID] != nil else { return "unknown committee \(IDGrammar.shown(m.committeeID))" }
            if let known = meetings[m.id], known.committeeID != m.committeeID {
                return "meeting \(IDGrammar.shown(m.id)) belongs to another committee"
            }
            meetings[m.id] = m
        case .meetingMoved(let e):
            guard let before = meetings[e.meetingID] else { return "unknown meeting" }
            meetings[e.meetingID]?.movedFrom = before.movedFrom ?? (before.date == e.date ? nil : before.date)
            meetings[e.meetingID]?.date = e.date
            meetings[e.meetingID]?.start = e.start
            meetings[e.meetingID]?.end = e.end
            meetings[e.meetingID]?.venue = e.venue
        case .meetingCancelled(let e):
            guard meetings[e.meetingID] != nil else { return "unknown meeting" }
            meetings[e.meetingID]?.status = .cancelled
        case .meetingInCommon(let e):
            guard let m = meetings[e.meetingID] else { return "unknown meeting" }
            if let unknown = e.committees.first(where: { committees[$0] == nil }) { return "unknown committee \(IDGrammar.shown(unknown))" }
            if e.committees.contains(m.committeeID) || Set(e.committees).count != e.committees.count {
                return "a committee is named twice"
            }
            if let chair = e.chair, people[chair] == nil { return "unknown person \(IDGrammar.shown(chair))" }
            meetings[e.meetingID]?.inCommonWith = e.committees.isEmpty ? nil : e.committees
            meetings[e.meetingID]?.convenor = e.chair
        case .agendaPublished(let e):
            guard meetings[e.meetingID] != nil else { return "unknown meeting" }
            meetings[e.meetingID]?.status = .agendaPublished
            meetings[e.meetingID]?.agendaPublishedOn = e.on
        case .meetingStarted(let e):
            guard meetings[e.meetingID] != nil else { return "unknown meeting" }
            meetings[e.meetingID]?.status = .inProgress
            meetings[e.meetingID]?.startedAt = e.at
            meetings[e.meetingID]?.openedAt = e.localTime
        case .meetingClosed(let e):
            guard meetings[e.meetingID] != nil else { return "unknown meeting" }
            meetings[e.meetingID]?.status = .minutesDraft
            meetings[e.meetingID]?.endedAt = e.at
            meetings[e.meetingID]?.closedAt = e.localTime
        case .minutesCirculated(let e):
            guard meetings[e.meetingID] != nil else { return "unknown meeting" }
            meetings[e.meetingID]?.status = .minutesCirculated
        case .minutesApproved(let e):
            guard meetings[e.meetingID] != nil else { return "unknown meeting" }
            meetings[e.meetingID]?.status = .minutesApproved
            meetings[e.meetingID]?.approvedOn = e.on
        case .actionRaised(let a):
            guard committees[a.committeeID] != nil else { return "unknown committee \(IDGrammar.shown(a.committeeID))" }
            guard let m = meetings[a.meetingID] else { return "unknown meeting \(IDGrammar.shown(a.meetingID))" }
            guard m.committeeID == a.committeeID else { return "meeting \(IDGrammar.shown(a.meetingID)) is another committee's" }
            if let why = unknown(owner: a.owner) { return why }
            actions[a.id] = a
        case .actionUpdated(let e):
            guard actions[e.actionID] != nil else { return "unknown action" }
            actions[e.actionID]?.status = e.update.status
            actions[e.actionID]?.history.append(e.update)
        case .actionEdited(let e):
            guard actions[e.actionID] != nil else { return "unknown action" }
            if let why = unknown(owner: e.owner) { return why }
            actions[e.actionID]?.text = e.text
            actions[e.actionID]?.owner = e.owner
            actions[e.actionID]?.due = e.due
        case .objectiveSet(let o):
            guard committees[o.committeeID] != nil else { return "unknown committee \(IDGrammar.shown(o.committeeID))" }
            objectives[o.id] = o
        case .objectiveRemoved(let e):
            objectives[e.objectiveID] = nil
        case .accountsSet(let e):
            guard people[e.personID] != nil else { return "unknown person" }
            access.setAccounts(e.accounts, of: e.personID)
        case .confidentialBarred(let e):
            guard committees[e.committeeID] != nil else { return "unknown committee" }
            guard people[e.personID] != nil else { return "unknown person" }
            access.setBarred(e.barred, e.personID, from: e.committeeID)
        case .referencesCounted(let e):
            guard committees[e.committeeID] != nil else { return "unknown committee" }
            // The counter only goes up, so that a number once given is never given again.
            var counters = committees[e.committeeID]?.referenceCounters ?? [:]
            counters[String(e.year)] = max(counters[String(e.year)] ?? 0, e.last)
            committees[e.committeeID]?.referenceCounters = counters
        case .itemAdded, .itemEdited, .itemMoved, .itemRemoved, .currentItemSet, .attendanceMarked, .attendanceCleared,
             .declarationRecorded, .declarationWithdrawn, .entryAdded, .entryEdited, .entryRemoved,
             .entryConflicted, .conflictResolved, .voteRecorded, .quorumChanged,
             .guestAdded, .guestRemoved, .referencesAssigned:
            return "a meeting event in the archive segment"
        }
        return nil
    }
}

extension String {
    /// Orders "1.10" after "1.9" and "2" after "1.10".
    func compare(numbered other: String) -> Bool {
        let a = split(separator: ".").map { Int($0) ?? 0 }, b = other.split(separator: ".").map { Int($0) ?? 0 }
        return a.lexicographicallyPrecedes(b)
    }
}
