/// How many must be present for a meeting to be quorate.
public enum QuorumRule: Hashable, Sendable, Codable, CustomStringConvertible {
    case none
    /// At least N voting members present.
    case members(Int)
    /// A fraction of the voting members in office, rounded up ("one third of members").
    case fractionOfMembers(numerator: Int, denominator: Int)
    /// Members from at least N distinct core organisations.
    case organisations(Int)
    /// Both at once: "3 members from 4 organisations".
    case membersAndOrganisations(members: Int, organisations: Int)
    /// A rule with conditions on who must be among those present: "half of members,
    /// including one GP and one lay member".
    indirect case including(QuorumRule, [QuorumCondition])

    static let memberWords: Set<String> = ["member", "members", "people", "persons", "membership"]
    /// Every word a count may be written with, besides numbers and fractions.
    static let baseWords: Set<String> = memberWords.union([
        "organisation", "organisations", "organization", "organizations", "orgs", "bodies",
        "of", "the", "voting", "core", "present", "at", "least", "from", "different", "distinct",
        "constituent", "in", "office", "quorum", "is", "be", "shall", "must", "will", "whole",
        "total", "its", "their", "committee", "board", "group", "/", "majority",
    ])

    static let examples = "e.g. '3 members', 'one third of members', 'members from 4 core organisations', 'half' or 'none', with conditions such as 'including one GP and one lay member' or 'at least one from each core organisation'"

    public init?(text: String) {
        guard case .success(let rule) = QuorumRule.parse(text) else { return nil }
        self = rule
    }

    /// Reads "3 members", "one third of members", "a third of the members", "1/3",
    /// "members from 4 core organisations", "3 members from 4 organisations", "half", "none"
    /// (the count), each with optional conditions (`QuorumCondition`). Every word must be
    /// understood: a rule with a part clerk cannot read is refused, saying what was read.
    static func parseBase(_ words: [String], text: String) -> Result<QuorumRule, RuleError> {
        func fail(_ why: String) -> Result<QuorumRule, RuleError> {
            .failure(RuleError("can't read '\(text.trimmingSpaces)' as a quorum rule: \(why); \(examples)"))
        }
        if words.isEmpty { return fail("it is empty") }
        if words == ["none"] || words == ["no", "quorum"] || words == ["no", "quorum", "rule"] || words == ["n/a"] { return .success(.none) }

        let memberWords = QuorumRule.memberWords
        let orgWords: Set<String> = ["organisation", "organisations", "organization", "organizations", "orgs", "bodies"]
        let denominators: [String: Int] = ["half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5]

        var members: Int? = nil
        var organisations: Int? = nil
        var fraction: (Int, Int)? = nil
        var sawCount = false
        if let unknown = words.first(where: { !baseWords.contains($0) && TextScan.count($0) == nil && denominators[$0] == nil }) {
            return fail("'\(unknown)' is not a word of a quorum rule")
        }
        for (i, w) in words.enumerated() {
            let prev = i > 0 ? words[i - 1] : ""
            let prev2 = i > 1 ? words[i - 2] : ""
            if memberWords.contains(w) || orgWords.contains(w) {
                // the count sits just before, maybe with "voting"/"core" between
                var countWord = prev
                if TextScan.count(prev) == nil, ["voting", "core", "different", "distinct", "constituent", "member"].contains(prev) {
                    countWord = prev2
                }
                if let n = TextScan.count(countWord), countWord != "a", countWord != "an" {
                    sawCount = true
                    if n < 1 { return fail("a quorum of \(n) means no quorum; say 'none' instead") }
                    if memberWords.contains(w) { members = n } else { organisations = n }
                }
            } else if let d = denominators[w] {
                let n = TextScan.count(prev) ?? 1
                guard n >= 1, n <= d else { return fail("\(n) \(w) is not a fraction of the members") }
                fraction = (n, d)
            } else if w == "/", let n = TextScan.count(prev), i + 1 < words.count, let d = TextScan.count(words[i + 1]) {
                guard n >= 1, d >= 1, n <= d else { return fail("\(n)/\(d) is not a fraction of the members") }
                fraction = (n, d)
            } else if w == "majority" {
                return fail("a majority isn't a supported quorum; say 'half' or a number of members")
            } else if let n = TextScan.count(w), w.allSatisfy(\.isNumber), words.count == 1 {
                if n < 1 { return fail("a quorum of 0 means no quorum; say 'none' instead") }
                members = n
                sawCount = true
            }
        }
        if let (n, d) = fraction {
            if organisations != nil { return fail("a fraction of organisations isn't supported") }
            return .success(.fractionOfMembers(numerator: n, denominator: d))
        }
        switch (members, organisations) {
        case (let m?, let o?): return .success(.membersAndOrganisations(members: m, organisations: o))
        case (let m?, nil): return .success(.members(m))
        case (nil, let o?): return .success(.organisations(o))
        default: return fail(sawCount ? "it gives no count" : "it doesn't say how many")
        }
    }

    /// "3 members", "one third of members", "members from 4 organisations", "none".
    public var text: String {
        switch self {
        case .none: "none"
        case .members(let n): TextScan.plural(n, "member", "members")
        case .fractionOfMembers(let n, let d): "\(QuorumRule.fractionText(n, d)) of members"
        case .organisations(let n): "members from \(TextScan.plural(n, "organisation", "organisations"))"
        case .membersAndOrganisations(let m, let o):
            "\(TextScan.plural(m, "member", "members")) from \(TextScan.plural(o, "organisation", "organisations"))"
        case .including(let base, let conditions): QuorumCondition.text(base, conditions)
        }
    }

    public var description: String { text }

    static func fractionText(_ n: Int, _ d: Int) -> String {
        switch (n, d) {
        case (1, 2): "half"
        case (1, 3): "one third"
        case (2, 3): "two thirds"
        case (1, 4): "one quarter"
        case (3, 4): "three quarters"
        default: "\(n)/\(d)"
        }
    }

    /// Whether the people present make a quorum. Only attendees with `counts` are counted,
    /// each person once; organisations are the distinct `organisationID`s among them.
    public func evaluate(_ input: QuorumInput) -> QuorumStatus {
        var seen = Set<String>()
        var orgs = Set<String>()
        for a in input.present where a.counts && seen.insert(a.personID).inserted {
            if let o = a.organisationID { orgs.insert(o) }
        }
        let people = seen.count
        func line(_ have: Int, _ need: Int, _ noun: String) -> String { "\(have) of \(need) \(noun)" }
        func result(_ ok: Bool, _ have: Int, _ need: Int, _ parts: [String], orgHave: Int? = nil, orgNeed: Int? = nil) -> QuorumStatus {
            QuorumStatus(isQuorate: ok, have: have, need: need,
                         summary: (ok ? "quorate: " : "INQUORATE: ") + parts.joined(separator: ", "),
                         organisationsHave: orgHave, organisationsNeed: orgNeed)
        }
        switch self {
        case .none:
            return QuorumStatus(isQuorate: true, have: people, need: 0,
                                summary: "no quorum rule: \(TextScan.plural(people, "member", "members")) present")
        case .members(let n):
            return result(people >= n, people, n, [line(people, n, "members")])
        case .fractionOfMembers(let num, let den):
            let need = den > 0 ? max(1, (input.memberCount * num + den - 1) / den) : 1
            return result(people >= need, people, need,
                          [line(people, need, "members") + " (\(QuorumRule.fractionText(num, den)) of \(input.memberCount))"])
        case .organisations(let n):
            return result(orgs.count >= n, orgs.count, n, [line(orgs.count, n, "organisations")],
                          orgHave: orgs.count, orgNeed: n)
        case .membersAndOrganisations(let m, let o):
            return result(people >= m && orgs.count >= o, people, m,
                          [line(people, m, "members"), line(orgs.count, o, "organisations")],
                          orgHave: orgs.count, orgNeed: o)
        case .including(let base, let conditions):
            return QuorumCondition.evaluate(base.evaluate(input), conditions, input)
        }
    }
}

/// Who is in the room, for working out quorum.
public struct QuorumInput: Hashable, Sendable, Codable {
    /// Voting members of the committee in office (for fractional rules).
    public var memberCount: Int
    public var present: [QuorumAttendee]
    /// The committee's core organisations, for "at least one from each core organisation".
    public var coreOrganisations: [NamedOrganisation]

    public init(memberCount: Int, present: [QuorumAttendee], coreOrganisations: [NamedOrganisation] = []) {
        self.memberCount = memberCount
        self.present = present
        self.coreOrganisations = coreOrganisations
    }
}

/// An organisation's id and the name a quorum line gives it.
public struct NamedOrganisation: Hashable, Sendable, Codable {
    public var id: String
    public var name: String

    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// One person present. A deputy is passed as counting, with the organisation of the member
/// they stand in for.
public struct QuorumAttendee: Hashable, Sendable, Codable {
    public var personID: String
    public var organisationID: String?
    /// False for those in attendance, advisers, the secretariat, and members excluded by a
    /// declaration when the rules say so.
    public var counts: Bool
    /// What the seat's holder is, for conditions such as "including one GP": their letters
    /// ("GP"), post ("Lay Member for Audit") and role.
    public var labels: [String]

    public init(personID: String, organisationID: String?, counts: Bool, labels: [String] = []) {
        self.personID = personID
        self.organisationID = organisationID
        self.counts = counts
        self.labels = labels
    }
}

public struct QuorumStatus: Hashable, Sendable, Codable {
    public var isQuorate: Bool
    /// Members present who count (organisations, for an organisations-only rule).
    public var have: Int
    /// How many are needed, in the same unit as `have`.
    public var need: Int
    /// "quorate: 5 of 4 members, 4 of 3 organisations" / "INQUORATE: 2 of 3 members".
    public var summary: String
    /// Distinct organisations present and needed, when the rule counts organisations.
    public var organisationsHave: Int?
    public var organisationsNeed: Int?

    public init(isQuorate: Bool, have: Int, need: Int, summary: String,
                organisationsHave: Int? = nil, organisationsNeed: Int? = nil) {
        self.isQuorate = isQuorate
        self.have = have
        self.need = need
        self.summary = summary
        self.organisationsHave = organisationsHave
        self.organisationsNeed = organisationsNeed
    }
}
