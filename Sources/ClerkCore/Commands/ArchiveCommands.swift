/// Commands on the archive as a whole. Each validates against the state and returns the
/// events to append, or throws a `CommandError`; none changes anything itself.
extension ArchiveState {
    public func committee(_ id: CommitteeID) throws -> Committee {
        guard let c = committees[id] ?? committee(matching: id) else {
            throw CommandError.notFound("committee", id, hint: "run 'clerk committees' to list them")
        }
        return c
    }

    public func meeting(_ id: MeetingID) throws -> Meeting {
        guard let m = meetings[id] else {
            throw CommandError.notFound("meeting", id, hint: "run 'clerk meetings' to list meeting ids")
        }
        return m
    }

    public func action(_ id: ActionID) throws -> Action {
        guard let a = actions[id] else {
            throw CommandError.notFound("action", id, hint: "run 'clerk actions' to list action ids")
        }
        return a
    }

    public func addOrganisation(_ o: Organisation) throws -> [Event] {
        try requireSlug(o.id, "organisation id")
        guard organisations[o.id] == nil else { throw CommandError(.duplicate, "organisation '\(o.id)' exists already") }
        guard !o.name.trimmed.isEmpty else { throw CommandError(.invalid, "an organisation needs a name") }
        return [.organisationAdded(o)]
    }

    public func addPerson(_ p: Person) throws -> [Event] {
        try requireSlug(p.id, "person id")
        guard people[p.id] == nil else { throw CommandError(.duplicate, "person '\(p.id)' exists already") }
        guard !p.name.trimmed.isEmpty else { throw CommandError(.invalid, "a person needs a name") }
        try requireInitials(p.initials)
        if let org = p.organisationID, organisations[org] == nil {
            throw CommandError.notFound("organisation", org, hint: "add the organisation first")
        }
        return [.personAdded(p)]
    }

    public func createCommittee(_ c: Committee) throws -> [Event] {
        try requireSlug(c.id, "committee id")
        guard committees[c.id] == nil else { throw CommandError(.duplicate, "committee '\(c.id)' exists already") }
        guard !c.name.trimmed.isEmpty else { throw CommandError(.invalid, "a committee needs a name") }
        try requireSlug(c.code, "committee code")
        if let other = committeeList.first(where: { $0.code == c.code }) {
            throw CommandError(.duplicate, "code '\(c.code)' is used by \(other.name); choose another")
        }
        for org in c.coreOrganisations where organisations[org] == nil {
            throw CommandError.notFound("organisation", org, hint: "add the organisation first")
        }
        var events: [Event] = [.committeeCreated(Committee(id: c.id, name: c.name, code: c.code, terms: c.terms,
                                                            coreOrganisations: c.coreOrganisations))]
        var scratch = self
        scratch.apply(events[0])
        for m in c.memberships {
            let more = try scratch.startMembership(c.id, m)
            more.forEach { scratch.apply($0) }
            events += more
        }
        if let problem = quorumProblem(c.terms.quorum, seats: c.memberships, coreOrganisations: c.coreOrganisations) {
            throw CommandError(.invalid, problem)
        }
        return events
    }

    /// Seats a person on a committee. Initials must be unique among the committee's members
    /// on that date, because papers name leads by initials alone ("EK/CA/JL").
    public func startMembership(_ committeeID: CommitteeID, _ m: Membership) throws -> [Event] {
        let c = try committee(committeeID)
        guard let person = people[m.personID] else {
            throw CommandError.notFound("person", m.personID, hint: "add the person first")
        }
        if let org = m.organisationID, organisations[org] == nil {
            throw CommandError.notFound("organisation", org, hint: "add the organisation first")
        }
        let on = m.from ?? CalendarDate(year: 1900, month: 1, day: 1)!
        if c.membership(of: m.personID, on: on) != nil, m.until == nil {
            throw CommandError(.duplicate, "\(person.name) is already on \(c.name); end that membership first")
        }
        for other in c.memberships where other.personID != m.personID && other.until == nil {
            if let p = people[other.personID], p.initials.uppercased() == person.initials.uppercased() {
                throw CommandError(.duplicate,
                    "initials \(person.initials) are already used on \(c.name) by \(p.name); give \(person.name) distinct initials")
            }
        }
        if m.role == .alternate {
            guard let target = m.alternateFor else {
                throw CommandError(.invalid, "an alternate must name the member they stand in for")
            }
            guard let seat = c.memberships.last(where: { $0.personID == target }), seat.role.isVotingMember else {
                throw CommandError(.invalid, "\(target) is not a member of \(c.name), so cannot have an alternate")
            }
        }
        return [.membershipStarted(MembershipChange(committeeID: c.id, membership: m))]
    }

    public func endMembership(_ committeeID: CommitteeID, person: PersonID, until: CalendarDate) throws -> [Event] {
        let c = try committee(committeeID)
        guard c.memberships.contains(where: { $0.personID == person && $0.until == nil }) else {
            throw CommandError(.wrongState, "\(people[person]?.name ?? person) has no current membership of \(c.name)")
        }
        if let start = c.memberships.last(where: { $0.personID == person && $0.until == nil })?.from, until < start {
            throw CommandError(.invalid, "the membership began on \(start.iso), so it can't end on \(until.iso); give a later date")
        }
        return [.membershipEnded(MembershipEnded(committeeID: c.id, personID: person, until: until))]
    }

    public func changeTerms(_ committeeID: CommitteeID, name: String, terms: TermsOfReference,
                            coreOrganisations: [OrganisationID]) throws -> [Event] {
        let c = try committee(committeeID)
        guard !name.trimmed.isEmpty else { throw CommandError(.invalid, "a committee needs a name") }
        try checkConventions(terms, was: c.terms)
        for org in coreOrganisations where organisations[org] == nil {
            throw CommandError.notFound("organisation", org, hint: "add the organisation first")
        }
        // A quorum the membership can't meet is refused when it is typed, or when core
        // organisations are taken away; other changes leave an earlier shortfall as it is.
        if terms.quorum != c.terms.quorum || coreOrganisations.count < c.coreOrganisations.count,
           let problem = quorumProblem(terms.quorum, seats: c.memberships, coreOrganisations: coreOrganisations) {
            throw CommandError(.invalid, problem)
        }
        return [.termsChanged(TermsChanged(committeeID: c.id, name: name, terms: terms, coreOrganisations: coreOrganisations))]
    }

    /// The id a meeting of this committee on this date gets: "whpl-2008-04-22" (with a
    /// suffix for a second meeting on the same day).
    public func meetingID(for committee: Committee, on date: CalendarDate) -> MeetingID {
        let base = "\(committee.code)-\(date.iso)"
        var id = base, n = 2
        while meetings[id] != nil { id = "\(base)-\(n)"; n += 1 }
        return id
    }

    public func scheduleMeeting(_ committeeID: CommitteeID, on date: CalendarDate, start: TimeOfDay? = nil,
                                end: TimeOfDay? = nil, venue: String = "", title: String? = nil,
                                isExtra: Bool = false) throws -> [Event] {
        let c = try committee(committeeID)
        if let start, let end, end <= start {
            throw CommandError(.invalid, "the meeting ends (\(end.text)) before it starts (\(start.text)); check the times")
        }
        if !isExtra, meetings(of: c.id).contains(where: { $0.date == date && $0.status != .cancelled }) {
            throw CommandError(.duplicate, "\(c.name) already meets on \(date.iso); add it as an extra meeting if intended")
        }
        let venue = venue.isEmpty ? c.terms.defaultVenue ?? "" : try Venue.parse(venue)
        let m = Meeting(id: meetingID(for: c, on: date), committeeID: c.id, title: title ?? c.name, date: date,
                        start: start, end: end, venue: venue, status: .planned, isExtra: isExtra)
        return [.meetingScheduled(m)]
    }

    /// Plans the next `count` meetings from the committee's cadence, after its last
    /// scheduled meeting (or from `from` when it has none), skipping dates already planned.
    public func scheduleFromCadence(_ committeeID: CommitteeID, from: CalendarDate, count: Int,
                                    start: TimeOfDay? = nil, end: TimeOfDay? = nil, venue: String = "") throws -> [Event] {
        let c = try committee(committeeID)
        guard let cadence = c.terms.cadence else {
            throw CommandError(.invalid, "\(c.name) has no cadence in its terms of reference; set one, e.g. 'monthly on the 3rd Thursday'")
        }
        guard count > 0, count <= 120 else { throw CommandError(.invalid, "plan between 1 and 120 meetings at a time") }
        let existing = meetings(of: c.id).filter { $0.status != .cancelled }
        let dates: [CalendarDate]
        let last = existing.last(where: { !$0.isExtra })
        // A meeting moved by hand keeps its place on the grid: later dates follow the cadence.
        if let last, last.date >= from {
            dates = cadence.schedule(after: last.cadenceDate, count: count)
        } else {
            // Keep to the months of the committee's grid ("every two months" since its last meeting).
            let first = cadence.firstOnOrAfter(from, anchor: last?.cadenceDate)
            dates = [first] + cadence.schedule(after: first, count: count - 1)
        }
        var scratch = self
        var events: [Event] = []
        // A date that was stood down stays stood down: planning again does not revive it.
        let standing = meetings(of: c.id)
        for date in dates where !standing.contains(where: { $0.date == date || $0.movedFrom == date }) {
            let more = try scratch.scheduleMeeting(c.id, on: date, start: start, end: end, venue: venue)
            more.forEach { scratch.apply($0) }
            events += more
        }
        return events
    }

    public func moveMeeting(_ id: MeetingID, to date: CalendarDate, start: TimeOfDay?, end: TimeOfDay?, venue: String) throws -> [Event] {
        let m = try meeting(id)
        guard m.status == .planned || m.status == .agendaPublished else {
            throw CommandError(.wrongState, "meeting \(id) is \(m.status.label); only a meeting yet to happen can be moved")
        }
        if let start, let end, end <= start {
            throw CommandError(.invalid, "the meeting ends (\(end.text)) before it starts (\(start.text)); check the times")
        }
        return [.meetingMoved(MeetingMoved(meetingID: id, date: date, start: start, end: end, venue: venue))]
    }

    /// Sets where one meeting is held, in place of the committee's usual venue: "Committee
    /// Room 2", or "remote LINK" (stored as "Remote: LINK"). Empty goes back to the usual one.
    public func setVenue(of id: MeetingID, to typed: String) throws -> [Event] {
        let m = try meeting(id)
        guard !m.status.isLocked, m.status != .cancelled else {
            throw CommandError(.wrongState, "meeting \(id) is \(m.status.label); its venue can no longer be changed")
        }
        let usual = committees[m.committeeID]?.terms.defaultVenue ?? ""
        let venue = typed.trimmed.isEmpty ? usual : try Venue.parse(typed)
        guard venue != m.venue else { return [] }
        return [.meetingMoved(MeetingMoved(meetingID: id, date: m.date, start: m.start, end: m.end, venue: venue))]
    }

    public func cancelMeeting(_ id: MeetingID, reason: String) throws -> [Event] {
        let m = try meeting(id)
        guard m.status == .planned || m.status == .agendaPublished else {
            throw CommandError(.wrongState, "meeting \(id) is \(m.status.label); only a meeting yet to happen can be stood down")
        }
        guard !reason.trimmed.isEmpty else {
            throw CommandError(.invalid, "say why the meeting is stood down (the reason is kept with it), e.g. 'no business'")
        }
        return [.meetingCancelled(MeetingCancelled(meetingID: id, reason: reason))]
    }

    /// Raises an action. `owner` is typed as a secretary would: initials, a name, or an
    /// organisation ("LMC", "Dr Graves", "PG").
    public func raiseAction(in meetingID: MeetingID, item: ItemID?, text: String, owner: String, due: String,
                            confidential: Bool = false, context: CommandContext) throws -> [Event] {
        let m = try meeting(meetingID)
        guard !text.trimmed.isEmpty else { throw CommandError(.invalid, "an action needs text saying what is to be done") }
        let resolved = try resolveOwner(owner, committee: m.committeeID, on: m.date)
        let dueDate = try parseDue(due, committee: m.committeeID, after: m.date, today: context.today)
        let number = actions.values.filter { $0.meetingID == meetingID }.count + 1
        let a = Action(id: context.newID("a-"), committeeID: m.committeeID, meetingID: meetingID, itemID: item, number: number,
                       text: text.trimmed, owner: resolved, due: dueDate, status: .open, raisedOn: m.date,
                       confidential: confidential)
        return [.actionRaised(a)]
    }

    public func updateAction(_ id: ActionID, status: ActionStatus, note: String, meetingID: MeetingID? = nil,
                             context: CommandContext) throws -> [Event] {
        let a = try action(id)
        if a.status == status, note.trimmed.isEmpty {
            throw CommandError(.invalid, "action \(id) is already \(status.rawValue); add a note to record progress")
        }
        if status == .withdrawn, a.status != .withdrawn {
            return try withdrawAction(id, reason: note, meetingID: meetingID, context: context)
        }
        let update = ActionUpdate(on: context.today, status: status, note: note.trimmed, meetingID: meetingID, by: context.by)
        return [.actionUpdated(ActionUpdated(actionID: a.id, update: update))]
    }

    /// Withdraws an action raised by mistake, saying why: it keeps its history here but
    /// appears nowhere public. Undone by `updateAction` back to the status it had.
    public func withdrawAction(_ id: ActionID, reason: String, meetingID: MeetingID? = nil,
                               context: CommandContext) throws -> [Event] {
        let a = try action(id)
        guard a.status != .withdrawn else { throw CommandError(.wrongState, "action \(id) is already withdrawn") }
        guard !reason.trimmed.isEmpty else {
            throw CommandError(.invalid, "say why the action is withdrawn (kept with it), e.g. 'raised by mistake'")
        }
        let update = ActionUpdate(on: context.today, status: .withdrawn, note: reason.trimmed, meetingID: meetingID, by: context.by)
        return [.actionUpdated(ActionUpdated(actionID: a.id, update: update))]
    }

    /// The number an action is shown with in public (the minutes, the action log, the
    /// calendar): its number as raised, less the withdrawn actions of its meeting raised
    /// before it, so withdrawing one leaves no gap. (A confidential action keeps its place:
    /// those not entitled to see it see the gap, as before.) A withdrawn action keeps its
    /// number as raised.
    public func publicNumber(of a: Action) -> Int {
        publicNumbering().number(of: a)
    }

    /// `publicNumber` for many actions: the withdrawn actions are gathered once, by
    /// meeting, instead of once per action (a listing of thousands of actions).
    public func publicNumbering() -> PublicNumbering {
        PublicNumbering(withdrawn: Dictionary(grouping: actions.values.lazy.filter { $0.status == .withdrawn }
            .map { ($0.meetingID, $0.number, $0.id) }, by: \.0).mapValues { $0.map { ($0.1, $0.2) } })
    }

    public func editAction(_ id: ActionID, text: String, owner: String, due: String, context: CommandContext) throws -> [Event] {
        let a = try action(id)
        let m = try meeting(a.meetingID)
        guard !text.trimmed.isEmpty else { throw CommandError(.invalid, "an action needs text saying what is to be done") }
        let resolved = try resolveOwner(owner, committee: a.committeeID, on: m.date)
        let dueDate = try parseDue(due, committee: a.committeeID, after: m.date, today: context.today)
        return [.actionEdited(ActionEdited(actionID: id, text: text.trimmed, owner: resolved, due: dueDate))]
    }

    public func setObjective(_ o: Objective) throws -> [Event] {
        _ = try committee(o.committeeID)
        guard !o.text.trimmed.isEmpty else { throw CommandError(.invalid, "an objective needs text") }
        return [.objectiveSet(o)]
    }

    /// The next planned meeting of a committee after a date.
    public func nextMeeting(of committee: CommitteeID, after date: CalendarDate) -> Meeting? {
        meetings(of: committee).first { $0.date > date && $0.status != .cancelled }
    }

    public func previousMeeting(of committee: CommitteeID, before date: CalendarDate) -> Meeting? {
        meetings(of: committee).last { $0.date < date && $0.status.hasTakenPlace }
    }

    func parseDue(_ text: String, committee: CommitteeID, after date: CalendarDate, today: CalendarDate) throws -> DueDate {
        switch DueDate.parse(text, today: today, nextMeeting: nextMeeting(of: committee, after: date)?.date) {
        case .success(let due): return due
        case .failure(let error): throw CommandError(.invalid, error.message)
        }
    }

    private func requireSlug(_ id: String, _ what: String) throws {
        let ok = id.count <= 64 && IDGrammar.isValid(id)
        guard ok else {
            throw CommandError(.invalid, "\(what) '\(id)' must be lower-case letters, digits and hyphens, e.g. 'west-herts'")
        }
    }

    func requireInitials(_ initials: String) throws {
        let ok = !initials.isEmpty && initials.count <= 6 && initials.allSatisfy { $0.isLetter }
        guard ok else { throw CommandError(.invalid, "initials '\(initials)' must be 1 to 6 letters, e.g. 'EK' or 'NDKS'") }
    }
}

extension String {
    var trimmed: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}

/// The public numbers of actions (`ArchiveState.publicNumber`), from the withdrawn
/// actions of each meeting gathered once.
public struct PublicNumbering: Sendable {
    let withdrawn: [MeetingID: [(Int, ActionID)]]

    public func number(of a: Action) -> Int {
        guard a.status != .withdrawn, let taken = withdrawn[a.meetingID] else { return a.number }
        return a.number - taken.filter { $0 < (a.number, a.id) }.count
    }
}
