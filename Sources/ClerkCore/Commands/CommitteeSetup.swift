/// Setting up a committee: typed dates, the quorum measured against the membership,
/// members found by their initials, and dated changes of role.
extension CalendarDate {
    /// Reads a typed "YYYY-MM-DD", saying what is wrong: "2027-02-30 is not a date:
    /// February 2027 has 28 days". `example` shows how to write it when the shape is wrong.
    public static func parseTyped(_ text: String, example: String = "2027-01-21") -> Result<CalendarDate, RuleError> {
        let typed = text.trimmingSpaces
        if let date = CalendarDate(iso: typed) { return .success(date) }
        let parts = typed.split(separator: "-", omittingEmptySubsequences: false)
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]) {
            if !(1...12).contains(m) {
                return .failure(RuleError("\(typed) is not a date: there is no month \(m); months run 01 to 12"))
            }
            let last = daysIn(month: m, year: y)
            if d < 1 || d > last { return .failure(RuleError("\(typed) is not a date: \(monthName(m)) \(y) has \(last) days")) }
        }
        return .failure(RuleError("'\(typed)' is not a date; write it as YYYY-MM-DD, e.g. \(example)"))
    }
}

extension Committee {
    /// The seats that are open-ended: the membership as it stands.
    public var seated: [Membership] { memberships.filter { $0.until == nil } }
}

extension ArchiveState {
    /// Why `quorum` cannot be met by the committee's membership, or nil. A quorum of members
    /// is measured against the voting members seated (chair, vice-chair, members); a quorum
    /// of organisations against the core organisations, or the voting members' organisations
    /// when none is marked core. While the committee has no voting members yet (it is being
    /// set up) any quorum is allowed: it is checked once members are seated.
    public func quorumProblem(_ quorum: QuorumRule, seats: [Membership], coreOrganisations: [OrganisationID]) -> String? {
        if case .including(let base, let conditions) = quorum {
            if conditions.contains(.oneFromEachCoreOrganisation), coreOrganisations.isEmpty {
                return "the quorum asks for one from each core organisation, but no organisation is marked core; mark them core first (c on the Organisations list)"
            }
            return quorumProblem(base, seats: seats, coreOrganisations: coreOrganisations)
        }
        let voting = seats.filter { $0.role.isVotingMember && $0.until == nil }
        guard !voting.isEmpty else { return nil }
        let people = Set(voting.map(\.personID)).count
        let organisations = coreOrganisations.isEmpty ? Set(voting.compactMap(\.organisationID)).count : coreOrganisations.count
        let orgNoun = coreOrganisations.isEmpty ? "organisations among the voting members" : "core organisations"
        var needMembers: Int?, needOrganisations: Int?
        switch quorum {
        case .none, .fractionOfMembers, .including: return nil
        case .members(let n): needMembers = n
        case .organisations(let n): needOrganisations = n
        case .membersAndOrganisations(let m, let o): needMembers = m; needOrganisations = o
        }
        if let n = needMembers, n > people {
            return "a quorum of \(TextScan.plural(n, "member", "members")) is more than the \(people) voting members seated; lower the quorum or seat more members first"
        }
        if let n = needOrganisations, n > organisations {
            return "a quorum of \(TextScan.plural(n, "organisation", "organisations")) is more than the \(organisations) \(orgNoun); lower the quorum or mark more organisations core first"
        }
        return nil
    }

    /// The member of a committee with these initials on a date ("PG" → Peter Graves).
    /// Typed initials that match nobody, or two people, are refused.
    public func member(withInitials typed: String, of committeeID: CommitteeID, on date: CalendarDate) throws -> PersonID {
        let c = try committee(committeeID)
        let key = typed.trimmed.uppercased()
        guard !key.isEmpty else { throw CommandError(.invalid, "type the member's initials, e.g. 'PG'") }
        var ids: [PersonID] = []
        for m in c.memberships(on: date) where !ids.contains(m.personID) {
            if people[m.personID]?.initials.uppercased() == key { ids.append(m.personID) }
        }
        if ids.count > 1 {
            let names = ids.compactMap { people[$0]?.name }.sorted().joined(separator: " and ")
            throw CommandError(.invalid, "initials \(key) match both \(names) on \(c.name) on \(date.iso); end one membership or give one of them distinct initials")
        }
        guard let id = ids.first else {
            throw CommandError(.notFound, "no member of \(c.name) on \(date.iso) has the initials \(key); see the Members list")
        }
        return id
    }

    /// A dated change of role: the person's seat ends the day before `from` and a new seat
    /// with `role` starts on it, so meetings before keep the role they had.
    public func changeRole(_ committeeID: CommitteeID, person: PersonID, to role: Role, from: CalendarDate) throws -> [Event] {
        let c = try committee(committeeID)
        guard let seat = c.memberships.last(where: { $0.personID == person && $0.until == nil }) else {
            throw CommandError(.wrongState, "\(people[person]?.name ?? person) has no current seat on \(c.name)")
        }
        guard seat.role != role else {
            throw CommandError(.invalid, "\(people[person]?.name ?? person) is already \(role.label.lowercased()) of \(c.name)")
        }
        if let start = seat.from, from <= start {
            throw CommandError(.invalid, "the change on \(from.iso) is not after the seat began (\(start.iso)); give a later date")
        }
        var events = try endMembership(c.id, person: person, until: from.adding(days: -1))
        var scratch = self
        events.forEach { scratch.apply($0) }
        var next = seat
        next.role = role
        next.from = from
        next.until = nil
        if role != .alternate { next.alternateFor = nil }
        events += try scratch.startMembership(c.id, next)
        return events
    }

    /// Appoints the member with these initials chair from a date; a sitting chair becomes a member.
    public func appointChair(_ committeeID: CommitteeID, initials: String, from: CalendarDate) throws -> [Event] {
        let c = try committee(committeeID)
        let person = try member(withInitials: initials, of: c.id, on: from)
        var scratch = self
        var events: [Event] = []
        for seat in c.seated where seat.role == .chair && seat.personID != person {
            let more = try scratch.changeRole(c.id, person: seat.personID, to: .member, from: from)
            more.forEach { scratch.apply($0) }
            events += more
        }
        events += try scratch.changeRole(c.id, person: person, to: .chair, from: from)
        return events
    }
}
