import Testing
@testable import ClerkCore

@Suite struct VotingTests {
    /// The Pan Cluster Planning Group (seed 004): one equal vote per core organisation,
    /// the chair's casting vote on a tie.
    let pcpg = VotingRule.onePerCoreOrganisation(chairCastingVote: true)
    let cores: Set<String> = ["local-authority", "health-board", "third-sector", "chc"]

    func ballots(_ pairs: [(String, VoteChoice)]) -> [Ballot] { pairs.map { Ballot(voterID: $0.0, choice: $0.1) } }

    @Test func tieCarriedOnTheChairsCastingVote() throws {
        let votes = ballots([("local-authority", .for), ("health-board", .for), ("third-sector", .against), ("chc", .against)])
        let tally = try VoteTally.tally(ballots: votes, eligibleVoters: cores, rule: pcpg, castingVote: .for).get()
        #expect(tally.outcome == .carried)
        #expect(tally.forCount == 2 && tally.againstCount == 2 && tally.castingVote == .for)
        #expect(tally.summary == "carried 2–2 on the chair's casting vote")
        let lost = try VoteTally.tally(ballots: votes, eligibleVoters: cores, rule: pcpg, castingVote: .against).get()
        #expect(lost.outcome == .lost)
    }

    @Test func tieWithoutCastingVoteIsRefused() {
        let votes = ballots([("local-authority", .for), ("health-board", .for), ("third-sector", .against), ("chc", .against)])
        guard case .failure(let e) = VoteTally.tally(ballots: votes, eligibleVoters: cores, rule: pcpg, castingVote: nil) else {
            Issue.record("a tie needs the casting vote")
            return
        }
        #expect(e.message == "the vote is tied 2–2; the chair must give a casting vote, for or against")
        let noCasting = VotingRule.onePerCoreOrganisation(chairCastingVote: false)
        let tied = try? VoteTally.tally(ballots: votes, eligibleVoters: cores, rule: noCasting, castingVote: nil).get()
        #expect(tied?.outcome == .tiedNoCastingVote)
        #expect(tied?.summary == "tied 2–2, not carried")
        #expect(VoteTally.tally(ballots: votes, eligibleVoters: cores, rule: noCasting, castingVote: .for).isFailure)
    }

    @Test func carriedAndLostWithAbstentions() throws {
        let members: Set<String> = ["a", "b", "c", "d", "e", "f", "g"]
        let rule = VotingRule.onePerMember(chairCastingVote: true)
        let votes = ballots([("a", .for), ("b", .for), ("c", .for), ("d", .for), ("e", .against), ("f", .against), ("g", .abstain)])
        let t = try VoteTally.tally(ballots: votes, eligibleVoters: members, rule: rule, castingVote: nil).get()
        #expect(t.summary == "carried 4–2, 1 abstention")
        let lost = try VoteTally.tally(ballots: ballots([("a", .for), ("b", .against), ("c", .against), ("d", .abstain), ("e", .abstain)]),
                                       eligibleVoters: members, rule: rule, castingVote: nil).get()
        #expect(lost.outcome == .lost)
        #expect(lost.summary == "lost 1–2, 2 abstentions")
    }

    @Test func nonVotingAttendeeRefused() {
        // "Additional attendees will not be entitled to vote" — the Head of Adult Care is in attendance.
        let votes = ballots([("local-authority", .for), ("head-of-adult-care", .for)])
        guard case .failure(let e) = VoteTally.tally(ballots: votes, eligibleVoters: cores, rule: pcpg, castingVote: nil) else {
            Issue.record("in-attendance vote accepted")
            return
        }
        #expect(e.message.hasPrefix("'head-of-adult-care' has no vote on this item"))
        #expect(e.message.contains("remove that ballot"))
    }

    @Test func declaredMembersOrganisationExcluded() throws {
        // The third-sector member declared an interest and is excluded from this item's vote.
        let eligible = cores.subtracting(["third-sector"])
        let votes = ballots([("local-authority", .for), ("health-board", .against), ("chc", .for)])
        #expect(try VoteTally.tally(ballots: votes, eligibleVoters: eligible, rule: pcpg, castingVote: nil).get().summary == "carried 2–1")
        let withDeclared = votes + ballots([("third-sector", .against)])
        #expect(VoteTally.tally(ballots: withDeclared, eligibleVoters: eligible, rule: pcpg, castingVote: nil).isFailure)
    }

    @Test func oneVotePerOrganisation() {
        let votes = ballots([("local-authority", .for), ("local-authority", .against)])
        guard case .failure(let e) = VoteTally.tally(ballots: votes, eligibleVoters: cores, rule: pcpg, castingVote: nil) else {
            Issue.record("double vote accepted")
            return
        }
        #expect(e.message == "'local-authority' has voted twice, but it is one vote per core organisation; keep one ballot")
    }

    @Test func castingVoteMisuse() {
        let clear = ballots([("local-authority", .for), ("health-board", .for), ("chc", .against)])
        #expect(VoteTally.tally(ballots: clear, eligibleVoters: cores, rule: pcpg, castingVote: .for).isFailure)
        let tie = ballots([("local-authority", .for), ("chc", .against)])
        guard case .failure(let e) = VoteTally.tally(ballots: tie, eligibleVoters: cores, rule: pcpg, castingVote: .abstain) else {
            Issue.record("abstaining casting vote accepted")
            return
        }
        #expect(e.message.contains("for or against"))
        #expect(VoteTally.tally(ballots: tie, eligibleVoters: cores, rule: .consensus, castingVote: nil).isFailure)
    }

    @Test(arguments: [
        ("consensus", VotingRule.consensus),
        ("one vote per member", .onePerMember(chairCastingVote: false)),
        ("one vote per member, chair's casting vote", .onePerMember(chairCastingVote: true)),
        ("Each core organisation will hold one equal vote. If voting is tied, then the chair will have the deciding vote.",
         .onePerCoreOrganisation(chairCastingVote: true)),
        ("one vote per core organisation, no casting vote", .onePerCoreOrganisation(chairCastingVote: false)),
        ("simple majority of members", .onePerMember(chairCastingVote: false)),
    ])
    func parses(text: String, rule: VotingRule) {
        #expect(VotingRule(text: text) == rule, "\(text)")
        #expect(VotingRule(text: rule.text) == rule)
    }

    @Test func rejectsAndChoices() {
        for bad in ["", "banana", "show of hands"] {
            guard case .failure(let e) = VotingRule.parse(bad) else { Issue.record("'\(bad)' parsed"); continue }
            #expect(e.message.contains("'\(bad)'") && e.message.contains("e.g."))
        }
        #expect(VoteChoice(text: "Aye") == .for)
        #expect(VoteChoice(text: "against") == .against)
        #expect(VoteChoice(text: "abstention") == .abstain)
        #expect(VoteChoice(text: "maybe") == nil)
    }

    @Test func codable() throws {
        #expect(try roundTrip(pcpg))
        #expect(try json(Ballot(voterID: "chc", choice: .for)) == #"{"choice":"for","voterID":"chc"}"#)
        let t = try VoteTally.tally(ballots: [Ballot(voterID: "chc", choice: .for)], eligibleVoters: cores, rule: pcpg, castingVote: nil).get()
        #expect(try roundTrip(t))
    }
}
