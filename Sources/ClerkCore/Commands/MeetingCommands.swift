/// A meeting seen with everything its rules need: the archive (people, committee,
/// actions) and the meeting's own record. Commands on it return events or throw.
public struct MeetingContext: Sendable {
    public var archive: ArchiveState
    public var meeting: Meeting
    public var committee: Committee
    public var record: MeetingRecord

    public init(archive: ArchiveState, record: MeetingRecord) throws {
        self.archive = archive
        self.meeting = try archive.meeting(record.meetingID)
        self.committee = try archive.committee(meeting.committeeID)
        self.record = record
    }

    private var id: MeetingID { meeting.id }

    // MARK: Lifecycle

    public func publishAgenda(context: CommandContext) throws -> [Event] {
        guard meeting.status == .planned else {
            throw CommandError(.wrongState, "the agenda of \(id) is \(meeting.status.label); only a planned meeting's agenda can be published")
        }
        guard !record.items.isEmpty else { throw CommandError(.invalid, "the agenda is empty; add items before publishing it") }
        return [.agendaPublished(MeetingDated(meetingID: id, on: context.today))] + referenceEvents(for: record.items)
    }

    public func start(context: CommandContext) throws -> [Event] {
        guard meeting.status == .planned || meeting.status == .agendaPublished else {
            throw CommandError(.wrongState, "meeting \(id) is \(meeting.status.label); only a planned meeting can be started")
        }
        var events: [Event] = [.meetingStarted(MeetingTimed(meetingID: id, at: context.now, localTime: context.time))]
        if let first = record.topLevelItems.first {
            events.append(.currentItemSet(CurrentItemSet(meetingID: id, itemID: first.id, at: context.now)))
        }
        return events
    }

    /// Ends the meeting: the minutes become a draft, and the next meeting is planned from
    /// the cadence if none is planned yet. Open actions carry forward by being open.
    public func close(context: CommandContext) throws -> [Event] {
        guard meeting.status == .inProgress else {
            throw CommandError(.wrongState, "meeting \(id) is \(meeting.status.label); only a meeting in progress can be closed")
        }
        var scratch = archive
        var events: [Event] = []
        var next = archive.nextMeeting(of: committee.id, after: meeting.date)
        var planned = false
        if next == nil, let cadence = committee.terms.cadence {
            let date = cadence.nextMeeting(after: meeting.cadenceDate)
            let scheduled = try scratch.scheduleMeeting(committee.id, on: date, start: meeting.start, end: meeting.end,
                                                        venue: meeting.venue)
            scheduled.forEach { scratch.apply($0) }
            events += scheduled
            next = scratch.nextMeeting(of: committee.id, after: meeting.date)
            planned = true
        }
        events.insert(.meetingClosed(MeetingClosed(meetingID: id, at: context.now, nextMeetingID: next?.id,
                                                         localTime: context.time)), at: 0)
        // Items not reached (nothing minuted, no vote) go onto the next meeting's agenda,
        // referring back to this one.
        if let next {
            // A meeting planned here starts from the standing items, the carried items among them.
            if planned {
                events += Self.openingAgenda(of: next.id, committee: committee, context: context) { carriedForward(context: context) }
            } else {
                events += carriedForward(context: context).map { .itemAdded(ItemAdded(meetingID: next.id, item: $0)) }
            }
        }
        return events
    }

    /// Copies of the unfinished items for the next meeting's agenda, referring back to these.
    public func carriedForward(context: CommandContext) -> [AgendaItem] {
        unfinishedItems.map { item in
            AgendaItem(id: context.newID("i-"), title: item.title, presenter: item.presenter, papers: item.papers,
                       minutes: item.minutes, confidential: item.confidential,
                       refersTo: ItemRef(meetingID: id, itemID: item.id, number: record.number(of: item.id), carried: true))
        }
    }

    /// Top-level items that are not standing items and have nothing minuted or voted on,
    /// in themselves or their sub-items.
    public var unfinishedItems: [AgendaItem] {
        record.topLevelItems.filter { item in
            item.standing == nil && record.recorded(under: item.id).isEmpty
        }
    }

    public func circulate(context: CommandContext) throws -> [Event] {
        guard meeting.status == .minutesDraft else {
            throw CommandError(.wrongState, "the minutes of \(id) are \(meeting.status.label); only draft minutes can be circulated")
        }
        return [.minutesCirculated(MeetingDated(meetingID: id, on: context.today))]
    }

    /// Approves these minutes at a later meeting; from then on they are locked.
    public func approve(atMeeting: MeetingID?, context: CommandContext) throws -> [Event] {
        guard meeting.status == .minutesDraft || meeting.status == .minutesCirculated else {
            throw CommandError(.wrongState, "the minutes of \(id) are \(meeting.status.label); only draft or circulated minutes can be approved")
        }
        if let atMeeting { try requireLaterMeeting(atMeeting) }
        return [.minutesApproved(MinutesApproved(meetingID: id, on: context.today, atMeetingID: atMeeting))]
    }

    /// Minutes are approved at a later meeting of the same committee that was not stood down.
    private func requireLaterMeeting(_ other: MeetingID) throws {
        let at = try archive.meeting(other)
        guard at.committeeID == committee.id else {
            throw CommandError(.invalid, "\(other) is a meeting of another committee; approve the minutes at a later meeting of \(committee.name)")
        }
        guard at.date > meeting.date else {
            throw CommandError(.invalid, "the minutes of \(meeting.date.medium) are approved at a later meeting, not at the meeting of \(at.date.medium)")
        }
        guard at.status != .cancelled else {
            throw CommandError(.wrongState, "meeting \(other) was stood down; approve the minutes at the meeting that takes place")
        }
    }

    func requireWritable(_ what: String) throws {
        if meeting.status.isLocked {
            throw CommandError(.notAllowed, "the minutes of \(id) are approved and locked; record a dated correction instead of \(what)")
        }
        if meeting.status == .cancelled {
            throw CommandError(.wrongState, "meeting \(id) was stood down; nothing can be recorded in it")
        }
    }

    // MARK: Agenda

    /// The standing items of the committee, in order, plus earlier items carried forward.
    public func standingAgenda(context: CommandContext, carriedForward: [ItemRef] = []) throws -> [Event] {
        try requireWritable("adding the standing agenda")
        guard record.items.isEmpty else { throw CommandError(.wrongState, "meeting \(id) already has an agenda") }
        return Self.openingAgenda(of: id, committee: committee, context: context) {
            carriedForward.map { AgendaItem(id: context.newID("i-"), title: "Carried forward", refersTo: $0) }
        }
    }

    /// A new meeting's agenda: the committee's standing items, with `carried` (items carried
    /// forward) before "Any other business" and "Date of next meeting".
    static func openingAgenda(of meeting: MeetingID, committee: Committee, context: CommandContext,
                              carried: () -> [AgendaItem]) -> [Event] {
        var events: [Event] = []
        var last: ItemID?
        func add(_ item: AgendaItem) {
            events.append(.itemAdded(ItemAdded(meetingID: meeting, item: item, after: last)))
            last = item.id
        }
        let standing = committee.terms.standingItems.filter(\.onByDefault)
        // Carried-forward items go before the first item that closes the agenda (any other
        // business, date of next meeting), in the committee's own order.
        let tail = standing.firstIndex(where: \.closesAgenda) ?? standing.count
        for s in standing[..<tail] { add(AgendaItem(id: context.newID("i-"), title: s.title, standing: s.kind)) }
        carried().forEach(add)
        for s in standing[tail...] { add(AgendaItem(id: context.newID("i-"), title: s.title, standing: s.kind)) }
        return events
    }

    public func addItem(_ item: AgendaItem, after: ItemID? = nil) throws -> [Event] {
        try requireWritable("adding an item")
        guard !item.title.trimmed.isEmpty else { throw CommandError(.invalid, "an agenda item needs a title") }
        if let parent = item.parentID {
            guard let p = record.item(parent) else { throw CommandError.notFound("agenda item", parent, hint: "pick an item of this meeting") }
            guard p.parentID == nil else { throw CommandError(.invalid, "sub-items go one level deep; add it under item \(record.number(of: parent).dropLast())") }
        }
        if let minutes = item.minutes, minutes <= 0 || minutes > 600 {
            throw CommandError(.invalid, "time allocation \(minutes) is not between 1 and 600 minutes")
        }
        guard record.item(item.id) == nil else { throw CommandError(.duplicate, "item \(item.id) exists already") }
        try requireNumbersKept(adding: item, after: after)
        return [.itemAdded(ItemAdded(meetingID: id, item: item, after: after))] + (givesReferences ? referenceEvents(for: [item]) : [])
    }

    /// Makes an item refer to an item of an earlier meeting: matters arising ("Item 4,
    /// Financial situation" of the last meeting's minutes).
    public func refer(_ item: ItemID, to earlierItem: ItemID, of earlier: MeetingRecord) throws -> [Event] {
        try requireWritable("referring to an earlier item")
        guard var agendaItem = record.item(item) else { throw CommandError.notFound("agenda item", item, hint: "pick an item of this meeting") }
        guard let target = earlier.item(earlierItem) else {
            throw CommandError.notFound("agenda item", earlierItem, hint: "pick an item of the earlier meeting")
        }
        guard let other = archive.meetings[earlier.meetingID], other.date < meeting.date || (other.date == meeting.date && other.id != id) else {
            throw CommandError(.invalid, "matters arising refer to an earlier meeting; \(earlier.meetingID) is not before \(id)")
        }
        agendaItem.refersTo = ItemRef(meetingID: earlier.meetingID, itemID: target.id, number: earlier.number(of: target.id))
        return [.itemEdited(ItemEdited(meetingID: id, item: agendaItem))]
    }

    public func setCurrentItem(_ item: ItemID, context: CommandContext) throws -> [Event] {
        guard record.item(item) != nil else { throw CommandError.notFound("agenda item", item, hint: "pick an item of this meeting") }
        guard meeting.status == .inProgress else { throw CommandError(.wrongState, "meeting \(id) is not in progress") }
        return [.currentItemSet(CurrentItemSet(meetingID: id, itemID: item, at: context.now))]
    }

    // MARK: Attendance

    /// Records attendance. A deputy must be the named alternate of the member they replace,
    /// unless the secretary confirms an exception (which the minutes show); a voting member
    /// of the committee never deputises, since they hold a seat of their own.
    public func mark(_ person: PersonID, _ presence: Presence, arrived: TimeOfDay? = nil, departed: TimeOfDay? = nil) throws -> [Event] {
        try requireWritable("changing attendance")
        guard let p = archive.people[person] else { throw CommandError.notFound("person", person, hint: "add the person first") }
        if let arrived, let departed, departed < arrived {
            throw CommandError(.invalid, "\(p.name) leaves (\(departed.text)) before arriving (\(arrived.text)); check the times")
        }
        if case .deputy(let member, let confirmed) = presence {
            guard let seat = committee.membership(of: member, on: meeting.date), seat.role.isVotingMember else {
                throw CommandError(.invalid, "\(archive.people[member]?.name ?? member) is not a voting member of \(committee.name), so cannot be deputised for")
            }
            if member == person { throw CommandError(.invalid, "\(p.name) cannot deputise for themself") }
            if let other = record.attendance.first(where: { a in
                if case .deputy(let m, _) = a.presence, m == member, a.personID != person, a.departed == nil { return true }
                return false
            }) {
                throw CommandError(.duplicate,
                    "\(archive.people[other.personID]?.name ?? other.personID) already deputises for \(archive.people[member]?.name ?? member); record their departure first")
            }
            if let own = record.attendance(of: member), own.isHere, case .present = own.presence {
                throw CommandError(.wrongState,
                    "\(archive.people[member]?.name ?? member) is here in person, so needs no deputy; record their departure first")
            }
            if let own = committee.membership(of: person, on: meeting.date), own.role.isVotingMember {
                throw CommandError(.notAllowed,
                    "\(p.name) is a member of \(committee.name) in their own right, so cannot deputise for \(archive.people[member]?.name ?? member); mark them present")
            }
            if !confirmed {
                let alternateFor = committee.memberships.filter {
                    $0.personID == person && $0.role == .alternate && $0.isActive(on: meeting.date)
                }.compactMap(\.alternateFor)
                if !alternateFor.contains(member) {
                    let memberName = archive.people[member]?.name ?? member
                    let why = alternateFor.isEmpty
                        ? "is not a named alternate for \(memberName)"
                        : "is the named alternate for \(alternateFor.map { archive.people[$0]?.name ?? $0 }.joined(separator: " and ")), not for \(memberName)"
                    throw CommandError(.notAllowed, "\(p.name) \(why); confirm an exception to record it (the minutes say so)")
                }
            }
        }
        return [.attendanceMarked(AttendanceMarked(meetingID: id, attendance:
            Attendance(personID: person, presence: presence, arrived: arrived, departed: departed)))]
    }

    public func declare(_ person: PersonID, on item: ItemID, interest: String, excludes: Bool = true,
                        context: CommandContext) throws -> [Event] {
        try requireWritable("recording a declaration")
        guard archive.people[person] != nil else { throw CommandError.notFound("person", person, hint: "add the person first") }
        guard record.item(item) != nil else { throw CommandError.notFound("agenda item", item, hint: "pick an item of this meeting") }
        guard !interest.trimmed.isEmpty else { throw CommandError(.invalid, "say what the interest is, e.g. 'part of the group bidding to provide the service'") }
        let d = Declaration(id: context.newID("d-"), personID: person, itemID: item, interest: interest.trimmed,
                            excludes: excludes ? nil : false)
        return [.declarationRecorded(DeclarationRecorded(meetingID: id, declaration: d))]
    }

    // MARK: Minutes

    public func addEntry(to item: ItemID, kind: EntryKind, text: String, context: CommandContext) throws -> [Event] {
        try requireWritable("adding minutes")
        guard record.item(item) != nil else { throw CommandError.notFound("agenda item", item, hint: "pick an item of this meeting") }
        let e = MinuteEntry(id: context.newID("e-"), itemID: item, kind: kind, text: text)
        return [.entryAdded(EntryAdded(meetingID: id, entry: e))]
    }

    /// A text change as one splice; nothing when the text is unchanged.
    public func editEntry(_ entry: EntryID, newText: String, kind: EntryKind? = nil) throws -> [Event] {
        try requireWritable("editing minutes")
        guard let e = record.entries.first(where: { $0.id == entry }) else {
            throw CommandError.notFound("minute entry", entry, hint: "it may have been removed in another session")
        }
        let splice = Splice.difference(from: e.text, to: newText)
        let newKind = kind == e.kind ? nil : kind
        if splice == nil && newKind == nil { return [] }
        return [.entryEdited(EntryEdited(meetingID: id, entryID: entry, kind: newKind, splices: splice.map { [$0] } ?? []))]
    }

    /// A dated correction to locked minutes, shown beside the text it corrects.
    public func correct(item: ItemID, text: String, context: CommandContext) throws -> [Event] {
        guard meeting.status.isLocked else {
            throw CommandError(.wrongState, "the minutes of \(id) are not locked; edit them directly")
        }
        guard record.item(item) != nil else { throw CommandError.notFound("agenda item", item, hint: "pick an item of this meeting") }
        guard !text.trimmed.isEmpty else { throw CommandError(.invalid, "a correction needs text") }
        let e = MinuteEntry(id: context.newID("e-"), itemID: item, kind: .correction, text: text.trimmed, correctedOn: context.today)
        return [.entryAdded(EntryAdded(meetingID: id, entry: e))]
    }

    // MARK: Quorum and votes

    /// Who counts to quorum now (or for an item): voting members in the room, deputies for
    /// the member they replace, never those in attendance; members who declared an interest
    /// on the item are left out when the terms of reference say so.
    public func quorum(for item: ItemID? = nil) -> QuorumStatus {
        let seats = committee.memberships(on: meeting.date)
        let votingSeats = seats.filter { $0.role.isVotingMember }
        let declared = Set(item.map { record.declarations(on: $0).filter(\.isExcluding).map(\.personID) } ?? [])
        var present: [QuorumAttendee] = []
        for a in record.attendance where a.isHere {
            switch a.presence {
            case .deputy(let member, _):
                let seat = votingSeats.first { $0.personID == member }
                let excluded = committee.terms.declaredExcludedFromQuorum && declared.contains(a.personID)
                present.append(QuorumAttendee(personID: member, organisationID: seat?.organisationID,
                                              counts: seat != nil && !excluded, labels: labels(member, seat)))
            case .present:
                let seat = votingSeats.first { $0.personID == a.personID }
                let excluded = committee.terms.declaredExcludedFromQuorum && declared.contains(a.personID)
                present.append(QuorumAttendee(personID: a.personID, organisationID: seat?.organisationID,
                                              counts: seat != nil && !excluded, labels: labels(a.personID, seat)))
            case .inAttendance, .apologies, .absent:
                continue
            }
        }
        let core = committee.coreOrganisations.map { NamedOrganisation(id: $0, name: archive.organisations[$0]?.name ?? $0) }
        return committee.terms.quorum.evaluate(QuorumInput(memberCount: votingSeats.count, present: present, coreOrganisations: core))
    }

    /// What a seat's holder is, for quorum conditions: letters, post and role. A deputy
    /// stands in the seat of the member they replace, so the seat's holder is that member.
    private func labels(_ person: PersonID, _ seat: Membership?) -> [String] {
        let p = archive.people[person]
        return [p?.letters, p?.position, seat?.role.rawValue].compactMap { $0 }
    }

    /// Who may vote on an item: person ids under one-vote-per-member, organisation ids under
    /// one-vote-per-core-organisation. Declared members are excluded from that item.
    public func eligibleVoters(on item: ItemID) -> Set<String> {
        let seats = committee.memberships(on: meeting.date).filter { $0.role.isVotingMember }
        let declared = Set(record.declarations(on: item).filter(\.isExcluding).map(\.personID))
        var voters: [(person: PersonID, org: OrganisationID?)] = []
        for a in record.attendance where a.isHere {
            switch a.presence {
            case .present:
                if let seat = seats.first(where: { $0.personID == a.personID }), !declared.contains(a.personID) {
                    voters.append((a.personID, seat.organisationID))
                }
            case .deputy(let member, _):
                if let seat = seats.first(where: { $0.personID == member }), !declared.contains(a.personID) {
                    voters.append((member, seat.organisationID))
                }
            default: continue
            }
        }
        switch committee.terms.voting {
        case .consensus: return []
        case .onePerMember: return Set(voters.map(\.person))
        case .onePerCoreOrganisation:
            let core = Set(committee.coreOrganisations)
            return Set(voters.compactMap(\.org).filter { core.contains($0) })
        }
    }

    public func recordVote(on item: ItemID, motion: String, ballots: [Ballot], castingVote: VoteChoice?,
                           context: CommandContext) throws -> [Event] {
        try requireWritable("recording a vote")
        guard record.item(item) != nil else { throw CommandError.notFound("agenda item", item, hint: "pick an item of this meeting") }
        guard !motion.trimmed.isEmpty else { throw CommandError(.invalid, "say what was voted on") }
        if case .consensus = committee.terms.voting {
            throw CommandError(.notAllowed, "\(committee.name) decides by consensus; its terms of reference set no vote")
        }
        switch VoteTally.tally(ballots: ballots, eligibleVoters: eligibleVoters(on: item), rule: committee.terms.voting,
                               castingVote: castingVote) {
        case .failure(let error):
            throw CommandError(.invalid, error.message)
        case .success(let tally):
            let vote = Vote(id: context.newID("v-"), itemID: item, motion: motion.trimmed, ballots: ballots,
                            castingVote: castingVote, tally: tally)
            return [.voteRecorded(VoteRecorded(meetingID: id, vote: vote))]
        }
    }

    /// Open actions raised at earlier meetings of this committee: the action log review.
    public var actionLog: [Action] { archive.actionLog(for: meeting.id) }
}
