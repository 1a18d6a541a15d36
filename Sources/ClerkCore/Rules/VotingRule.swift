/// How a committee decides when it votes.
///
/// Seed 004: "Each core organisation will hold one equal vote. If voting is tied, then the chair
/// will have the deciding vote. Additional attendees will not be entitled to vote."
public enum VotingRule: Hashable, Sendable, Codable, CustomStringConvertible {
    /// Decisions by agreement; no votes are counted.
    case consensus
    case onePerMember(chairCastingVote: Bool)
    /// Ballots are cast by organisations; eligible voters are organisation ids.
    case onePerCoreOrganisation(chairCastingVote: Bool)

    static let examples = "e.g. 'consensus', 'one vote per member', 'one vote per core organisation, chair has the casting vote'"

    public init?(text: String) {
        guard case .success(let rule) = VotingRule.parse(text) else { return nil }
        self = rule
    }

    /// Reads "consensus", "one vote per member", "majority of members, chair's casting vote",
    /// "one equal vote per core organisation; chair has the deciding vote if tied".
    public static func parse(_ text: String) -> Result<VotingRule, RuleError> {
        let words = TextScan.words(text)
        let set = Set(words)
        func fail(_ why: String) -> Result<VotingRule, RuleError> {
            .failure(RuleError("can't read '\(text.trimmingSpaces)' as a voting rule: \(why); \(examples)"))
        }
        if words.isEmpty { return fail("it is empty") }
        let byOrganisation = !set.isDisjoint(with: ["organisation", "organisations", "organization", "organizations", "org", "orgs", "body", "bodies"])
        let byMember = !set.isDisjoint(with: ["member", "members", "person", "head", "majority"])
        var casting = !set.isDisjoint(with: ["casting", "deciding"])
        if let i = words.firstIndex(where: { $0 == "casting" || $0 == "deciding" }),
           words[..<i].suffix(3).contains(where: { $0 == "no" || $0 == "without" || $0 == "not" }) {
            casting = false
        }
        if byOrganisation { return .success(.onePerCoreOrganisation(chairCastingVote: casting)) }
        if byMember { return .success(.onePerMember(chairCastingVote: casting)) }
        if set.contains("consensus") || set.contains("agreement") { return .success(.consensus) }
        return fail("it says neither consensus nor who votes")
    }

    /// "consensus", "one vote per member", "one vote per core organisation, chair's casting vote".
    public var text: String {
        switch self {
        case .consensus: "consensus"
        case .onePerMember(let c): "one vote per member" + (c ? ", chair's casting vote" : "")
        case .onePerCoreOrganisation(let c): "one vote per core organisation" + (c ? ", chair's casting vote" : "")
        }
    }

    public var description: String { text }

    public var chairHasCastingVote: Bool {
        switch self {
        case .consensus: false
        case .onePerMember(let c), .onePerCoreOrganisation(let c): c
        }
    }
}

public enum VoteChoice: String, Hashable, Sendable, Codable, CaseIterable {
    case `for`, against, abstain

    /// Reads "for", "yes", "aye", "against", "no", "nay", "abstain", "abstention".
    public init?(text: String) {
        switch text.trimmingSpaces.lowercased() {
        case "for", "yes", "aye", "y", "+": self = .for
        case "against", "no", "nay", "n", "-": self = .against
        case "abstain", "abstained", "abstention", "abstains", "a", "0": self = .abstain
        default: return nil
        }
    }
}

public struct Ballot: Hashable, Sendable, Codable {
    /// A person id, or an organisation id under `onePerCoreOrganisation`.
    public var voterID: String
    public var choice: VoteChoice

    public init(voterID: String, choice: VoteChoice) {
        self.voterID = voterID
        self.choice = choice
    }
}

public enum VoteOutcome: String, Hashable, Sendable, Codable {
    case carried, lost, tiedNoCastingVote
}

public struct VoteTally: Hashable, Sendable, Codable {
    public var forCount: Int
    public var againstCount: Int
    public var abstainCount: Int
    /// The chair's casting vote, given only on a tie.
    public var castingVote: VoteChoice?
    public var outcome: VoteOutcome
    /// "carried 4–2, 1 abstention", "carried 2–2 on the chair's casting vote", "lost 1–3".
    public var summary: String

    public init(forCount: Int, againstCount: Int, abstainCount: Int, castingVote: VoteChoice?, outcome: VoteOutcome, summary: String) {
        self.forCount = forCount
        self.againstCount = againstCount
        self.abstainCount = abstainCount
        self.castingVote = castingVote
        self.outcome = outcome
        self.summary = summary
    }

    /// Counts the ballots under `rule`. `eligibleVoters` are those entitled to vote on this item:
    /// voting members (or, under `onePerCoreOrganisation`, core organisation ids), less any
    /// excluded by a declaration of interest.
    public static func tally(ballots: [Ballot], eligibleVoters: Set<String>, rule: VotingRule,
                             castingVote: VoteChoice?) -> Result<VoteTally, RuleError> {
        let unit: String
        switch rule {
        case .consensus:
            return .failure(RuleError("this committee decides by consensus, not by vote; record the decision as agreed, or change its voting rule"))
        case .onePerMember: unit = "member"
        case .onePerCoreOrganisation: unit = "core organisation"
        }
        if castingVote == .abstain {
            return .failure(RuleError("a casting vote can't be an abstention; the chair must give it for or against"))
        }
        var seen = Set<String>()
        var counts: [VoteChoice: Int] = [.for: 0, .against: 0, .abstain: 0]
        for ballot in ballots {
            guard eligibleVoters.contains(ballot.voterID) else {
                let who = unit == "member"
                    ? "not a voting member (in attendance, adviser or secretariat) or is excluded by a declaration of interest"
                    : "not a core organisation, or is excluded by a declaration of interest"
                return .failure(RuleError("'\(ballot.voterID)' has no vote on this item: \(who); remove that ballot"))
            }
            guard seen.insert(ballot.voterID).inserted else {
                return .failure(RuleError("'\(ballot.voterID)' has voted twice, but it is one vote per \(unit); keep one ballot"))
            }
            counts[ballot.choice, default: 0] += 1
        }
        let yes = counts[.for] ?? 0, no = counts[.against] ?? 0, abstained = counts[.abstain] ?? 0
        let score = "\(yes)–\(no)"
        let abstentions = abstained == 0 ? "" : ", " + TextScan.plural(abstained, "abstention", "abstentions")
        if yes != no {
            if castingVote != nil {
                return .failure(RuleError("a casting vote is only given on a tie, and this vote is \(score); remove the casting vote"))
            }
            let outcome: VoteOutcome = yes > no ? .carried : .lost
            return .success(VoteTally(forCount: yes, againstCount: no, abstainCount: abstained, castingVote: nil,
                                      outcome: outcome, summary: "\(outcome.rawValue) \(score)\(abstentions)"))
        }
        guard rule.chairHasCastingVote else {
            if castingVote != nil {
                return .failure(RuleError("the voting rule gives the chair no casting vote; remove it, and the tie \(score) is not carried"))
            }
            return .success(VoteTally(forCount: yes, againstCount: no, abstainCount: abstained, castingVote: nil,
                                      outcome: .tiedNoCastingVote, summary: "tied \(score), not carried\(abstentions)"))
        }
        guard let castingVote else {
            return .failure(RuleError("the vote is tied \(score); the chair must give a casting vote, for or against"))
        }
        let outcome: VoteOutcome = castingVote == .for ? .carried : .lost
        return .success(VoteTally(forCount: yes, againstCount: no, abstainCount: abstained, castingVote: castingVote,
                                  outcome: outcome, summary: "\(outcome.rawValue) \(score) on the chair's casting vote\(abstentions)"))
    }
}
