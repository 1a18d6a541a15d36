extension ArchiveState {
    /// Resolves what was typed as an action's owner: an organisation ("LMC"), one of the
    /// committee's people ("PG", "Dr Graves", "Peter Graves", an id) — those seated on the
    /// day first, then anyone who has sat on the committee, then someone who sits on no
    /// committee at all (an officer in attendance) when nobody else answers to the name —
    /// or a post held by one of its
    /// people ("Town Clerk", "Director of Finance"), which owns the action in its own right.
    /// People of other committees are not owners here; no match, or more than one, is
    /// refused. With no committee (a filter across all of them) everyone counts.
    public func resolveOwner(_ text: String, committee: CommitteeID, on date: CalendarDate) throws -> Owner {
        let key = text.trimmed
        guard !key.isEmpty else {
            throw CommandError(.invalid, "an action needs an owner: a person's initials or name, an organisation, or a post")
        }
        let folded = key.lowercased()
        if let o = organisations[folded] ?? organisations.values.first(where: { $0.name.lowercased() == folded }) {
            return .organisation(o.id)
        }
        let c = committees[committee]
        let everyone = Array(people.values)
        let onTheDay = c.map { c in Set(c.memberships(on: date).map(\.personID)) }
        let ever = c.map { c in Set(c.memberships.map(\.personID)) }
        let tiers: [[Person]] = [
            onTheDay.map { ids in everyone.filter { ids.contains($0.id) } },
            ever.map { ids in everyone.filter { ids.contains($0.id) } },
        ].compactMap { $0 } + (c == nil ? [everyone] : [])
        for tier in tiers {
            let found = tier.filter { $0.id == folded || Self.ownerMatches($0, folded) }
            if found.count == 1 { return .person(found[0].id) }
            if found.count > 1 {
                let names = found.map(\.name).sorted().joined(separator: ", ")
                throw CommandError(.invalid, "owner '\(key)' could be \(names); type more of the name")
            }
        }
        // A post held by one of the committee's people (or by anyone, without a committee).
        let holders = (tiers.last ?? []).filter { $0.position?.lowercased().trimmed == folded }
        if let post = holders.first?.position?.trimmed { return .post(post) }
        guard let c else {
            throw CommandError(.notFound, "no person, organisation or post called '\(key)'; use initials, a name, an organisation or a post")
        }
        let elsewhere = everyone.filter { $0.id == folded || Self.ownerMatches($0, folded) || $0.position?.lowercased().trimmed == folded }
        // Someone who attends without a seat on any committee (an officer in attendance, a
        // Head of Planning) owns actions by name, when nobody else answers to it.
        let seatedAnywhere = Set(committees.values.flatMap { $0.memberships.map(\.personID) })
        if elsewhere.count == 1, let officer = elsewhere.first, !seatedAnywhere.contains(officer.id),
           officer.id == folded || Self.ownerMatches(officer, folded) {
            return .person(officer.id)
        }
        if !elsewhere.isEmpty {
            let names = elsewhere.map(\.name).sorted().joined(separator: " and ")
            throw CommandError(.notFound, "'\(key)' is not one of the people of \(c.name) (\(names) \(elsewhere.count == 1 ? "sits" : "sit") elsewhere); an owner is one of its people, an organisation or a post: seat them first, or name the organisation")
        }
        throw CommandError(.notFound, "no one on \(c.name) is called '\(key)', and no organisation or post is; use initials, a name, an organisation or a post")
    }

    static func ownerMatches(_ p: Person, _ folded: String) -> Bool {
        let surname = p.name.split(separator: " ").last.map { String($0).lowercased() } ?? ""
        let titled = p.title.map { "\($0.lowercased()) \(surname)" }
        return p.initials.lowercased() == folded || p.name.lowercased() == folded || p.formalName.lowercased() == folded
            || titled == folded || surname == folded
    }
}
