/// Correcting people and their seats after the fact, and the rules every front end follows:
/// initials kept as typed ("RCp") and unique ignoring case on every committee the person
/// sits on, a seat's dates in order and clear of the person's other seats.
extension ArchiveState {
    /// Refuses initials that are not 1 to 6 letters, or that someone else seated on the
    /// committee already has, ignoring case, naming who has them.
    public func checkInitials(_ initials: String, of name: String, person: PersonID?, on committeeID: CommitteeID) throws {
        try requireInitials(initials)
        let c = try committee(committeeID)
        for seat in c.seated where seat.personID != person {
            if let other = people[seat.personID], other.initials.uppercased() == initials.uppercased() {
                throw CommandError(.duplicate,
                    "initials \(initials) are already used on \(c.name) by \(other.name) (\(other.initials)); give \(name) distinct initials")
            }
        }
    }

    /// Initials to propose for a new member called `name`: the first letter of each word
    /// ("JS"), or, when someone on the committee already has those (ignoring case), the
    /// first with more letters of the surname ("JSm", "JSmy") that nobody has.
    public func proposedInitials(for name: String, on committeeID: CommitteeID) -> String {
        let plain = Person.initials(of: name)
        func free(_ initials: String) -> Bool { (try? checkInitials(initials, of: name, person: nil, on: committeeID)) != nil }
        guard !free(plain), let surname = name.split(separator: " ").last?.filter(\.isLetter) else { return plain }
        var candidate = plain
        for letter in surname.dropFirst().lowercased() where candidate.count < 6 {
            candidate.append(letter)
            if free(candidate) { return candidate }
        }
        return plain
    }

    /// Replaces what is known of a person (name, title, letters, post, initials), checked as
    /// a new person is, with the initials checked on every committee they sit on.
    public func updatePerson(_ p: Person) throws -> [Event] {
        guard let before = people[p.id] else { throw CommandError.notFound("person", p.id, hint: "add the person first") }
        guard !p.name.trimmed.isEmpty else { throw CommandError(.invalid, "a person needs a name; type it, e.g. Alys Morgan") }
        if let org = p.organisationID, organisations[org] == nil {
            throw CommandError.notFound("organisation", org, hint: "add the organisation first (O on the terms screen)")
        }
        try requireInitials(p.initials)
        for c in committeeList where c.seated.contains(where: { $0.personID == p.id }) {
            try checkInitials(p.initials, of: p.name, person: p.id, on: c.id)
        }
        return before == p ? [] : [.personUpdated(p)]
    }

    /// Corrects the organisation and dates of the person's seat that began on `seatFrom`.
    /// The seat may not end before it starts, nor overlap another of the person's seats.
    public func correctSeat(_ committeeID: CommitteeID, person: PersonID, seatFrom: CalendarDate?,
                            organisationID: OrganisationID?, from: CalendarDate?, until: CalendarDate?) throws -> [Event] {
        let c = try committee(committeeID)
        let name = people[person]?.name ?? person
        guard let index = c.memberships.lastIndex(where: { $0.personID == person && $0.from == seatFrom }) else {
            throw CommandError(.notFound, "\(name) has no seat on \(c.name) from \(seatFrom?.iso ?? "the start"); see the Members list")
        }
        if let org = organisationID, organisations[org] == nil {
            throw CommandError.notFound("organisation", org, hint: "add the organisation first (O on the terms screen)")
        }
        if let from, let until, until < from {
            throw CommandError(.invalid, "the seat cannot end on \(until.iso), before it starts on \(from.iso); give an end on or after \(from.iso)")
        }
        let low = from ?? CalendarDate(year: 1, month: 1, day: 1)!, high = until ?? CalendarDate(year: 9999, month: 12, day: 31)!
        for (i, other) in c.memberships.enumerated() where i != index && other.personID == person {
            let otherLow = other.from ?? CalendarDate(year: 1, month: 1, day: 1)!
            let otherHigh = other.until ?? CalendarDate(year: 9999, month: 12, day: 31)!
            if low <= otherHigh, otherLow <= high {
                throw CommandError(.invalid,
                    "that would overlap \(name)'s other seat (\(other.from?.iso ?? "the start") to \(other.until?.iso ?? "now")); change or end that seat first")
            }
        }
        let seat = c.memberships[index]
        if seat.organisationID == organisationID, seat.from == from, seat.until == until { return [] }
        return [.seatCorrected(SeatCorrected(committeeID: c.id, personID: person, seatFrom: seatFrom,
                                             organisationID: organisationID, from: from, until: until))]
    }

    /// A member corrected in one go: the person, then the seat. When the person's own
    /// organisation was the seat's, it follows the seat.
    public func editMember(_ committeeID: CommitteeID, person p: Person, seatFrom: CalendarDate?, organisationID: OrganisationID?,
                           from: CalendarDate?, until: CalendarDate?) throws -> [Event] {
        let c = try committee(committeeID)
        guard let seat = c.memberships.last(where: { $0.personID == p.id && $0.from == seatFrom }) else {
            throw CommandError(.notFound, "\(p.name) has no seat on \(c.name) from \(seatFrom?.iso ?? "the start"); see the Members list")
        }
        var person = p
        if people[p.id]?.organisationID == seat.organisationID { person.organisationID = organisationID }
        var events = try updatePerson(person)
        var scratch = self
        events.forEach { scratch.apply($0) }
        events += try scratch.correctSeat(committeeID, person: p.id, seatFrom: seatFrom, organisationID: organisationID,
                                          from: from, until: until)
        return events
    }

    /// The organisation a person is shown under for a committee on a date: their seat's,
    /// else their own.
    public func organisationID(of person: PersonID, on committeeID: CommitteeID?, date: CalendarDate) -> OrganisationID? {
        if let committeeID, let seat = committees[committeeID]?.membership(of: person, on: date), let org = seat.organisationID {
            return org
        }
        return people[person]?.organisationID
    }

    /// The date proposed for a new seat: the committee's first meeting that was not stood
    /// down, so that nobody is silently left off earlier meetings.
    public func firstMeetingDate(of committeeID: CommitteeID) -> CalendarDate? {
        meetings(of: committeeID).first { $0.status != .cancelled }?.date
    }
}

extension MeetingContext {
    /// Lists someone who is not a member in attendance: a presenter (optionally for one item),
    /// the minute taker, an observer, an officer. They never count to quorum or votes.
    public func addGuest(_ guest: Guest) throws -> [Event] {
        try requireWritable("adding a guest")
        var g = guest
        g.name = g.name.trimmed
        g.post = g.post?.trimmed.nilIfEmpty
        g.organisation = g.organisation?.trimmed.nilIfEmpty
        g.removed = nil
        guard !g.name.isEmpty else { throw CommandError(.invalid, "a guest needs a name; type it, e.g. Jo Bloggs") }
        guard g.name.count <= 200 else { throw CommandError(.invalid, "a guest's name is at most 200 characters; shorten it") }
        if let item = g.itemID, record.item(item) == nil {
            throw CommandError(.notFound, "the agenda has no such item; give the number of one of its items, or none")
        }
        if let seat = committee.memberships(on: meeting.date).first(where: { archive.people[$0.personID]?.name.lowercased() == g.name.lowercased() }) {
            let who = archive.people[seat.personID]?.name ?? g.name
            throw CommandError(.duplicate, "\(who) is on \(committee.name); mark them in the attendance list (i: in attendance) instead")
        }
        if let same = record.listedGuests.first(where: { $0.name.lowercased() == g.name.lowercased() && $0.id != g.id }) {
            throw CommandError(.duplicate, "\(same.name) is already listed in attendance; remove that entry first to list them again")
        }
        return [.guestAdded(GuestAdded(meetingID: meeting.id, guest: g))]
    }

    /// Takes a guest added by mistake off the list; `restoreGuest` puts them back.
    public func removeGuest(_ id: EntryID) throws -> [Event] {
        try requireWritable("removing a guest")
        guard let g = record.guest(id), !g.isRemoved else {
            throw CommandError(.notFound, "no guest listed with id '\(id)'; select a guest under In attendance")
        }
        return [.guestRemoved(GuestRemoved(meetingID: meeting.id, guestID: id))]
    }

    public func restoreGuest(_ id: EntryID) throws -> [Event] {
        guard let g = record.guest(id), g.isRemoved else {
            throw CommandError(.notFound, "no removed guest with id '\(id)'; select a removed guest under In attendance")
        }
        return try addGuest(g)
    }

    /// An item by its number on the agenda as typed ("5", "1b"), or what is wrong.
    public func item(numbered typed: String) throws -> ItemID {
        let key = typed.trimmed.lowercased()
        guard let item = record.items.first(where: { record.number(of: $0.id) == key }) else {
            let last = record.topLevelItems.count
            throw CommandError(.notFound, last == 0
                ? "the agenda has no items yet, so there is no item \(typed.trimmed); leave the item empty"
                : "there is no item \(typed.trimmed) on the agenda (items 1 to \(last)); give one of its numbers, or leave it empty")
        }
        return item.id
    }
}
