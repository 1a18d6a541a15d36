/// Commands on a committee's work plan (seed 002): adding, editing and removing objectives,
/// with leads named by initials ("EK/CA/JL") and timescales as written ("by October 2005").
extension ArchiveState {
    /// What one lead names: a person on the committee, a group kept as written ("PEC Cluster
    /// Leads"), or initials that match nobody or more than one person.
    public enum LeadMatch: Sendable, Hashable {
        case person(Person)
        case group(String)
        case nobody(String)
        case several(String, [Person])
    }

    /// Whether a lead is written as initials: 1 to 6 capital letters ("EK", "NDKS").
    public static func looksLikeInitials(_ lead: String) -> Bool {
        !lead.isEmpty && lead.count <= 6 && lead.allSatisfy { $0.isLetter && $0.isUppercase }
    }

    /// The leads of one cell, split at "/": "EK/CA/JL" gives three; empty parts are dropped.
    public static func splitLeads(_ text: String) -> [String] {
        text.split(separator: "/").map { String($0).trimmed }.filter { !$0.isEmpty }
    }

    /// Resolves one lead against the committee: members on the date first, then anyone who
    /// has sat on it. Initials match case-insensitively ("JSt"); a lead that is neither
    /// someone's initials nor written as initials is a group, kept as written.
    public func matchLead(_ lead: String, committee: Committee, on date: CalendarDate) -> LeadMatch {
        let key = lead.lowercased()
        func matching(_ ids: [PersonID]) -> [Person] {
            var seen: Set<PersonID> = []
            return ids.compactMap { id in
                guard seen.insert(id).inserted, let p = people[id], p.initials.lowercased() == key else { return nil }
                return p
            }
        }
        let current = matching(committee.memberships(on: date).map(\.personID))
        let found = current.isEmpty ? matching(committee.memberships.map(\.personID)) : current
        if found.count == 1 { return .person(found[0]) }
        if found.count > 1 { return .several(lead, found) }
        if Self.looksLikeInitials(lead) && !Self.namesCommittee(lead, committee) { return .nobody(lead) }
        return .group(lead)
    }

    /// "PEC" in "PEC/JL" is the committee itself (a word of its name, or its code).
    static func namesCommittee(_ lead: String, _ committee: Committee) -> Bool {
        let key = lead.lowercased()
        return committee.code.lowercased() == key || committee.name.lowercased().split(separator: " ").contains { $0 == key }
    }

    /// Reads leads as typed ("EK/CA/JL", "PEC Cluster Leads/GMs"). Initials must match exactly
    /// one person on the committee; groups are kept as written, and so is any lead the
    /// objective already had (`keeping`), so a recorded "HR" survives an edit of its neighbours.
    public func parseLeads(_ text: String, committee id: CommitteeID, on date: CalendarDate,
                           keeping recorded: [String] = []) throws -> [String] {
        let c = try committee(id)
        let leads = Self.splitLeads(text)
        var result: [String] = []
        for lead in leads where !result.contains(lead) {
            switch matchLead(lead, committee: c, on: date) {
            case .person, .group:
                break
            case .nobody where recorded.contains(lead):
                break
            case .nobody:
                throw CommandError(.notFound,
                    "initials '\(lead)' match nobody on \(c.name); use a member's initials, or write a group's name in words")
            case .several(_, let people):
                let names = people.map(\.formalName).joined(separator: " and ")
                throw CommandError(.conflict,
                    "initials '\(lead)' match \(people.count == 2 ? "two" : String(people.count)) people: \(names); give one of them distinct initials first")
            }
            result.append(lead)
        }
        return result
    }

    /// Reads a timescale as typed: a date, a month ("October 2005", "by March 2027"), "next
    /// meeting" or "ongoing"; a date that does not exist ("2027-02-30") is refused.
    public func parseTimescale(_ text: String, committee: CommitteeID, today: CalendarDate) throws -> DueDate {
        guard !text.trimmed.isEmpty else {
            throw CommandError(.invalid, "type a timescale: a date, a month such as 'October 2027', or 'ongoing'")
        }
        return try parseDue(text, committee: committee, after: today, today: today)
    }

    /// The number proposed for a new objective under a theme: one past the highest there
    /// ("1.10" gives "1.11"); under a new theme, the theme's own number ("7. Finance" gives
    /// "7.1") or the one after the last theme.
    public func nextObjectiveNumber(committee: CommitteeID, theme: String) -> String {
        let all = objectives(of: committee)
        let inTheme = all.filter { $0.theme == theme }
        if let last = inTheme.last {
            var parts = last.number.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
            if let n = parts.last.flatMap({ Int($0) }) {
                parts[parts.count - 1] = String(n + 1)
                return parts.joined(separator: ".")
            }
            return "\(last.number).1"
        }
        if let lead = theme.split(separator: ".").first, let n = Int(String(lead).trimmed) { return "\(n).1" }
        var themes: [String] = []
        for o in all where !themes.contains(o.theme) { themes.append(o.theme) }
        return "\(themes.count + 1).1"
    }

    /// A new objective under a theme: planned, with no lead and no date until they are set.
    public func addObjective(committee id: CommitteeID, theme: String, number: String, text: String,
                             context: CommandContext) throws -> [Event] {
        let c = try committee(id)
        let number = number.trimmed, theme = theme.trimmed
        guard !theme.isEmpty else { throw CommandError(.invalid, "an objective needs a theme, e.g. '7. Finance'") }
        guard Self.isObjectiveNumber(number) else {
            throw CommandError(.invalid, "'\(number)' is not an objective number; start with one such as 1.4")
        }
        if let other = objectives(of: c.id).first(where: { $0.number == number }) {
            throw CommandError(.duplicate, "\(c.name) already has objective \(number) ('\(other.text.firstLine)'); choose another number")
        }
        let o = Objective(id: context.newID("o-"), committeeID: c.id, theme: theme, number: number, text: text.trimmed,
                          leads: [], timescale: DueDate(kind: .unspecified, text: ""), status: "Planned")
        return try setObjective(o)
    }

    /// New text for an objective; its number, leads, timescale and status stay.
    public func editObjectiveText(_ id: ObjectiveID, text: String) throws -> [Event] {
        var o = try objective(id)
        o.text = text.trimmed
        return try setObjective(o)
    }

    /// New leads for an objective, typed as "EK/CA/JL" and checked by `parseLeads`.
    public func setObjectiveLeads(_ id: ObjectiveID, leads text: String, today: CalendarDate) throws -> [Event] {
        var o = try objective(id)
        o.leads = try parseLeads(text, committee: o.committeeID, on: today, keeping: o.leads)
        return try setObjective(o)
    }

    public func removeObjective(_ id: ObjectiveID) throws -> [Event] {
        _ = try objective(id)
        return [.objectiveRemoved(ObjectiveRemoved(objectiveID: id))]
    }

    public func objective(_ id: ObjectiveID) throws -> Objective {
        guard let o = objectives[id] else { throw CommandError(.notFound, "the objective was removed; it is no longer in the work plan") }
        return o
    }

    /// "1", "1.4", "2.10": numbers separated by dots.
    static func isObjectiveNumber(_ s: String) -> Bool {
        let parts = s.split(separator: ".", omittingEmptySubsequences: false)
        return !s.isEmpty && parts.allSatisfy { !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }
    }
}

extension String {
    var firstLine: String { split(separator: "\n").first.map(String.init) ?? self }
}
