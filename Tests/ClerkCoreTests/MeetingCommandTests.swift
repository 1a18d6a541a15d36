import Testing
@testable import ClerkCore

@Suite struct DeputyTests {
    let m = PCPG.meetingID

    @Test func aNamedAlternateIsAccepted() throws {
        var w = try PCPG.world()
        try w.run(in: m) { m, _ in try m.mark("tom-bevan", .deputy(for: "owen-davies", confirmedException: false)) }
        #expect(w.record(m).attendance(of: "tom-bevan")?.presence == .deputy(for: "owen-davies", confirmedException: false))
    }

    @Test func someoneFromTheMembersOrganisationNeedsAConfirmedException() throws {
        var w = try PCPG.world()
        // Helen Rees is in attendance for the Local Authority, not Siân Evans's named alternate.
        expectRefused(.notAllowed, mentioning: "Helen Rees", "not a named alternate for Siân Evans", "confirm an exception") {
            try w.meeting(m).mark("helen-rees", .deputy(for: "sian-evans", confirmedException: false))
        }
        try w.run(in: m) { m, _ in try m.mark("helen-rees", .deputy(for: "sian-evans", confirmedException: true)) }
        #expect(w.record(m).attendance(of: "helen-rees")?.presence == .deputy(for: "sian-evans", confirmedException: true))
    }

    /// An alternate named for one member was accepted for another of the same organisation.
    @Test func theAlternateOfOneMemberIsNotTheAlternateOfAnother() throws {
        let w = try PCPG.world()
        let seats = try w.archive.committee(PCPG.id).memberships
        let named = try #require(seats.first { $0.role == .alternate && $0.alternateFor == "owen-davies" })
        let otherMember = try #require(seats.first { $0.role.isVotingMember && $0.personID != "owen-davies" })
        let otherName = try #require(w.archive.people[otherMember.personID]?.name)
        expectRefused(.notAllowed, mentioning: "is the named alternate for Owen Davies, not for \(otherName)", "confirm an exception") {
            try w.meeting(m).mark(named.personID, .deputy(for: otherMember.personID, confirmedException: false))
        }
    }

    /// A member already on the committee was accepted as deputy for another.
    @Test func aSeatedMemberNeverDeputises() throws {
        let w = try PCPG.world()
        let seats = try w.archive.committee(PCPG.id).memberships.filter { $0.role.isVotingMember }
        let (a, b) = (seats[0].personID, seats[1].personID)
        for confirmed in [false, true] {
            expectRefused(.notAllowed, mentioning: "in their own right", "mark them present") {
                try w.meeting(m).mark(a, .deputy(for: b, confirmedException: confirmed))
            }
        }
    }

    @Test func anyoneElseNeedsAConfirmedException() throws {
        var w = try PCPG.world()
        expectRefused(.notAllowed, mentioning: "Dylan Roberts", "not a named alternate for Siân Evans", "confirm an exception") {
            try w.meeting(m).mark("dylan-roberts", .deputy(for: "sian-evans", confirmedException: false))
        }
        try w.run(in: m) { m, _ in try m.mark("dylan-roberts", .deputy(for: "sian-evans", confirmedException: true)) }
        #expect(w.record(m).attendance(of: "dylan-roberts")?.presence == .deputy(for: "sian-evans", confirmedException: true))
    }

    @Test func onlyAVotingMemberCanBeDeputisedFor() throws {
        let w = try PCPG.world()
        expectRefused(.invalid, mentioning: "Helen Rees", "not a voting member", "Pan Cluster Planning Group") {
            try w.meeting(m).mark("dylan-roberts", .deputy(for: "helen-rees", confirmedException: true))
        }
        expectRefused(.invalid, mentioning: "not a voting member") {
            try w.meeting(m).mark("dylan-roberts", .deputy(for: "nobody", confirmedException: true))
        }
    }

    @Test func nobodyDeputisesForThemself() throws {
        let w = try PCPG.world()
        expectRefused(.invalid, mentioning: "Siân Evans", "themself") {
            try w.meeting(m).mark("sian-evans", .deputy(for: "sian-evans", confirmedException: true))
        }
    }

    @Test func attendanceTimesAndPeopleAreChecked() throws {
        var w = try PCPG.world()
        expectRefused(.invalid, mentioning: "Megan Hughes", "11:00", "10:30", "check the times") {
            try w.meeting(m).mark("megan-hughes", .present, arrived: time("11:00"), departed: time("10:30"))
        }
        expectRefused(.notFound, mentioning: "person", "add the person first") { try w.meeting(m).mark("nobody", .present) }
        // Marking again replaces the earlier mark.
        try w.run(in: m) { m, _ in try m.mark("megan-hughes", .present, arrived: time("10:00")) }
        try w.run(in: m) { m, _ in try m.mark("megan-hughes", .present, arrived: time("10:00"), departed: time("11:15")) }
        #expect(w.record(m).attendance.count == 1)
        #expect(w.record(m).attendance(of: "megan-hughes")?.isHere == false)
    }
}

@Suite struct LiveQuorumTests {
    let m = PCPG.meetingID

    @Test func membersOfFourCoreOrganisationsAreQuorate() throws {
        var w = try PCPG.world()
        try PCPG.fourOrganisationsPresent(&w)
        let q = try w.meeting(m).quorum()
        #expect(q.isQuorate)
        #expect(q.summary == "quorate: 4 of 4 organisations")
    }

    @Test func aDepartureMakesItInquorate() throws {
        var w = try PCPG.world()
        try PCPG.fourOrganisationsPresent(&w)
        try w.run(in: m) { m, _ in try m.mark("megan-hughes", .present, arrived: time("10:00"), departed: time("11:10")) }
        let q = try w.meeting(m).quorum()
        #expect(!q.isQuorate)
        #expect(q.summary == "INQUORATE: 3 of 4 organisations")
    }

    @Test func thoseInAttendanceAndAdvisersDoNotCount() throws {
        var w = try PCPG.world()
        try PCPG.fourOrganisationsPresent(&w)
        try w.run(in: m) { m, _ in try m.mark("rhodri-jenkins", .apologies) }
        // Public Health Wales's adviser is in the room; the RPB and a Local Authority head of service attend.
        try w.run(in: m) { m, _ in try m.mark("nia-parry", .present) }
        try w.run(in: m) { m, _ in try m.mark("ieuan-thomas", .inAttendance) }
        try w.run(in: m) { m, _ in try m.mark("helen-rees", .inAttendance) }
        let q = try w.meeting(m).quorum()
        #expect(!q.isQuorate)
        #expect(q.have == 3)
    }

    @Test func aDeputyCountsForTheMembersOrganisation() throws {
        var w = try PCPG.world()
        try PCPG.fourOrganisationsPresent(&w)
        try w.run(in: m) { m, _ in try m.mark("megan-hughes", .apologies) }
        #expect(try !w.meeting(m).quorum().isQuorate)
        try w.run(in: m) { m, _ in try m.mark("tom-bevan", .deputy(for: "owen-davies", confirmedException: false)) }
        let q = try w.meeting(m).quorum()
        #expect(q.isQuorate)
        #expect(q.summary == "quorate: 4 of 4 organisations")
    }

    @Test func aDeclaredMemberLeavesThatItemsQuorumWhenTheTermsSaySo() throws {
        var w = try PCPG.world()
        try PCPG.fourOrganisationsPresent(&w)
        let plan = PCPG.planItem(w)
        try w.run(in: m) { m, c in try m.declare("sian-evans", on: plan, interest: "Social Services is bidding to provide the service", context: c) }
        #expect(try !w.meeting(m).quorum(for: plan).isQuorate)
        #expect(try w.meeting(m).quorum().isQuorate)
        let other = w.record(m).items.first { $0.standing == .actionLog }!.id
        #expect(try w.meeting(m).quorum(for: other).isQuorate)

        try w.run { a, _ in
            try a.changeTerms(PCPG.id, name: "Pan Cluster Planning Group", terms: PCPG.terms(declaredExcluded: false),
                              coreOrganisations: PCPG.core)
        }
        #expect(try w.meeting(m).quorum(for: plan).isQuorate)
    }

    @Test func declarationsNeedAPersonAnItemAndAnInterest() throws {
        let w = try PCPG.world()
        let plan = PCPG.planItem(w)
        expectRefused(.invalid, mentioning: "say what the interest is") {
            try w.meeting(m).declare("sian-evans", on: plan, interest: "  ", context: w.context)
        }
        expectRefused(.notFound, mentioning: "agenda item", "i-999") {
            try w.meeting(m).declare("sian-evans", on: "i-999", interest: "bidding", context: w.context)
        }
        expectRefused(.notFound, mentioning: "person") {
            try w.meeting(m).declare("nobody", on: plan, interest: "bidding", context: w.context)
        }
    }
}

@Suite struct VoteTests {
    let m = PCPG.meetingID

    /// All five core organisations in the room: the Health Board through its chair and a
    /// director, the CHC through its member's named alternate.
    func allPresent() throws -> World {
        var w = try PCPG.world()
        for p in ["alys-morgan", "gareth-price", "sian-evans", "rhodri-jenkins", "megan-hughes"] {
            try w.run(in: m) { m, _ in try m.mark(p, .present) }
        }
        try w.run(in: m) { m, _ in try m.mark("tom-bevan", .deputy(for: "owen-davies", confirmedException: false)) }
        try w.run(in: m) { m, _ in try m.mark("ieuan-thomas", .inAttendance) }
        return w
    }

    let split = [Ballot(voterID: "health-board", choice: .for), Ballot(voterID: "local-authority", choice: .for),
                 Ballot(voterID: "public-health-wales", choice: .against), Ballot(voterID: "third-sector", choice: .against),
                 Ballot(voterID: "chc", choice: .abstain)]

    @Test func oneVotePerCoreOrganisationWithTheChairsCastingVoteOnATie() throws {
        var w = try allPresent()
        let plan = PCPG.planItem(w)
        #expect(try w.meeting(m).eligibleVoters(on: plan) == Set(PCPG.core))
        expectRefused(.invalid, mentioning: "tied 2–2", "casting vote") {
            try w.meeting(m).recordVote(on: plan, motion: "Adopt the Integrated County Plan", ballots: split, castingVote: nil, context: w.context)
        }
        try w.run(in: m) { m, c in
            try m.recordVote(on: plan, motion: "Adopt the Integrated County Plan", ballots: split, castingVote: .for, context: c)
        }
        let votes = w.record(m).votes
        #expect(votes.count == 1)
        #expect(votes.first?.itemID == plan)
        #expect(votes.first?.tally.outcome == .carried)
        #expect(votes.first?.tally.summary == "carried 2–2 on the chair's casting vote, 1 abstention")
    }

    @Test func aNonVotingAttendeesOrganisationHasNoBallot() throws {
        let w = try allPresent()
        let plan = PCPG.planItem(w)
        expectRefused(.invalid, mentioning: "rpb", "no vote") {
            try w.meeting(m).recordVote(on: plan, motion: "Adopt the plan", ballots: split + [Ballot(voterID: "rpb", choice: .for)],
                                        castingVote: nil, context: w.context)
        }
        expectRefused(.invalid, mentioning: "voted twice") {
            try w.meeting(m).recordVote(on: plan, motion: "Adopt the plan", ballots: split + [Ballot(voterID: "chc", choice: .for)],
                                        castingVote: nil, context: w.context)
        }
    }

    @Test func aDeclaredSoleRepresentativesOrganisationLosesItsVote() throws {
        var w = try allPresent()
        let plan = PCPG.planItem(w)
        try w.run(in: m) { m, c in try m.declare("sian-evans", on: plan, interest: "Social Services is bidding", context: c) }
        // The Health Board has two members: one declaring leaves it its vote.
        try w.run(in: m) { m, c in try m.declare("gareth-price", on: plan, interest: "Chairs the provider board", context: c) }
        #expect(try w.meeting(m).eligibleVoters(on: plan) == ["health-board", "public-health-wales", "third-sector", "chc"])
        expectRefused(.invalid, mentioning: "local-authority", "declaration of interest") {
            try w.meeting(m).recordVote(on: plan, motion: "Adopt the plan", ballots: split, castingVote: nil, context: w.context)
        }
    }

    @Test func aConsensusCommitteeTakesNoVotes() throws {
        var (w, meeting, minutes, _) = try Herts.april2008()
        try w.run(in: meeting) { m, _ in try m.mark("mark-jones", .present) }
        expectRefused(.notAllowed, mentioning: "consensus") {
            try w.meeting(meeting).recordVote(on: minutes, motion: "Accept the minutes", ballots: [Ballot(voterID: "mark-jones", choice: .for)],
                                              castingVote: nil, context: w.context)
        }
    }

    @Test func aVoteNeedsAMotionAndAnItem() throws {
        let w = try allPresent()
        expectRefused(.invalid, mentioning: "say what was voted on") {
            try w.meeting(m).recordVote(on: PCPG.planItem(w), motion: " ", ballots: split, castingVote: .for, context: w.context)
        }
        expectRefused(.notFound, mentioning: "agenda item") {
            try w.meeting(m).recordVote(on: "i-999", motion: "Adopt", ballots: split, castingVote: .for, context: w.context)
        }
    }
}

@Suite struct LifecycleTests {
    @Test func plannedToApprovedAndLocked() throws {
        var (w, m, minutes, provider) = try Herts.april2008()
        #expect(w.archive.meetings[m]?.status == .planned)
        try w.run(in: m) { m, c in try m.publishAgenda(context: c) }
        #expect(w.archive.meetings[m]?.status == .agendaPublished)
        #expect(w.archive.meetings[m]?.agendaPublishedOn == day("2008-04-22"))
        let started = try w.run(in: m) { m, c in try m.start(context: c) }
        #expect(started.count == 2)
        #expect(w.archive.meetings[m]?.status == .inProgress)
        #expect(w.record(m).currentItem == minutes)
        try w.run(in: m) { m, c in try m.setCurrentItem(provider, context: c) }
        #expect(w.record(m).currentItem == provider)
        let noted = try w.run(in: m) { m, c in
            try m.addEntry(to: provider, kind: .noted, text: "adult services were more responsive in this way than children’s services", context: c)
        }
        guard case .entryAdded(let entry) = noted.first else { Issue.record("no entry"); return }
        try w.run(in: m) { m, c in try m.close(context: c) }
        #expect(w.archive.meetings[m]?.status == .minutesDraft)
        try w.run(in: m) { m, c in try m.circulate(context: c) }
        #expect(w.archive.meetings[m]?.status == .minutesCirculated)
        w.today = day("2008-05-15")
        try w.run(in: m) { m, c in try m.approve(atMeeting: nil, context: c) }
        #expect(w.archive.meetings[m]?.status == .minutesApproved)
        #expect(w.archive.meetings[m]?.approvedOn == day("2008-05-15"))

        // Locked: nothing is rewritten; corrections are dated entries of their own.
        expectRefused(.notAllowed, mentioning: "locked", "correction") {
            try w.meeting(m).editEntry(entry.entry.id, newText: "adult services were less responsive")
        }
        expectRefused(.notAllowed, mentioning: "locked", "correction") {
            try w.meeting(m).addItem(AgendaItem(id: "i-late", title: "Darzi clinic"))
        }
        expectRefused(.notAllowed, mentioning: "locked", "correction") { try w.meeting(m).mark("mark-jones", .present) }
        expectRefused(.notAllowed, mentioning: "locked") {
            try w.meeting(m).addEntry(to: provider, kind: .note, text: "more", context: w.context)
        }
        expectRefused(.wrongState, mentioning: "approved", "only draft or circulated") {
            try w.meeting(m).approve(atMeeting: nil, context: w.context)
        }
        try w.run(in: m) { m, c in try m.correct(item: provider, text: "For 'adult services' read 'adult community services'.", context: c) }
        let correction = w.record(m).entries.last!
        #expect(correction.kind == .correction)
        #expect(correction.correctedOn == day("2008-05-15"))
        #expect(w.record(m).entries(for: provider).first == entry.entry)
    }

    @Test func wrongStateTransitionsSayWhy() throws {
        var (w, m, _, _) = try Herts.april2008()
        expectRefused(.wrongState, mentioning: "planned", "only a meeting in progress") { try w.meeting(m).close(context: w.context) }
        expectRefused(.wrongState, mentioning: "planned", "only draft minutes") { try w.meeting(m).circulate(context: w.context) }
        expectRefused(.wrongState, mentioning: "only draft or circulated") { try w.meeting(m).approve(atMeeting: nil, context: w.context) }
        expectRefused(.wrongState, mentioning: "not locked", "edit them directly") {
            try w.meeting(m).correct(item: w.record(m).items[0].id, text: "x", context: w.context)
        }
        expectRefused(.wrongState, mentioning: "not in progress") {
            try w.meeting(m).setCurrentItem(w.record(m).items[0].id, context: w.context)
        }
        try w.run(in: m) { m, c in try m.start(context: c) }
        expectRefused(.wrongState, mentioning: "in progress", "only a planned meeting's agenda") { try w.meeting(m).publishAgenda(context: w.context) }
        expectRefused(.wrongState, mentioning: "in progress", "only a planned meeting can be started") { try w.meeting(m).start(context: w.context) }
        try w.run(in: m) { m, c in try m.close(context: c) }
        expectRefused(.wrongState, mentioning: "minutes draft") { try w.meeting(m).start(context: w.context) }
        expectRefused(.wrongState, mentioning: "minutes draft") { try w.meeting(m).close(context: w.context) }
    }

    @Test func anEmptyAgendaIsNotPublished() throws {
        var w = try Herts.world()
        let m = try w.schedule(Herts.id, "2008-05-15")
        expectRefused(.invalid, mentioning: "agenda is empty", "add items") { try w.meeting(m).publishAgenda(context: w.context) }
    }
}

@Suite struct CloseTests {
    @Test func closingPlansTheNextMeetingFromTheCadence() throws {
        var w = try Herts.world(today: "2026-11-19")
        let m = try w.schedule(Herts.id, "2026-11-19")
        try w.run(in: m) { m, c in try m.start(context: c) }
        let events = try w.run(in: m) { m, c in try m.close(context: c) }
        // Closed, the next meeting planned, and its standing agenda.
        #expect(events.count == 2 + StandingItem.allCases.count)
        guard case .meetingClosed(let closed) = events.first else { Issue.record("not closed first"); return }
        #expect(w.record("hpbc-2026-12-17").items.map(\.standing) == StandingItem.allCases)
        #expect(closed.nextMeetingID == "hpbc-2026-12-17")
        let next = try w.archive.meeting("hpbc-2026-12-17")
        #expect(next.start == time("14:00") && next.end == time("16:00"))
        #expect(next.status == .planned)
    }

    @Test func closingLeavesAPlannedNextMeetingAlone() throws {
        var w = try Herts.world(today: "2026-11-19")
        let m = try w.schedule(Herts.id, "2026-11-19")
        _ = try w.schedule(Herts.id, "2027-01-21")
        try w.run(in: m) { m, c in try m.start(context: c) }
        let events = try w.run(in: m) { m, c in try m.close(context: c) }
        #expect(events.count == 1)
        guard case .meetingClosed(let closed) = events.first else { Issue.record("not closed"); return }
        #expect(closed.nextMeetingID == "hpbc-2027-01-21")
        #expect(w.archive.meetings["hpbc-2026-12-17"] == nil)
    }

    @Test func openActionsCarryForwardIntoTheNextActionLog() throws {
        var w = try Herts.world(today: "2026-11-19")
        let m = try w.schedule(Herts.id, "2026-11-19")
        try w.run(in: m) { m, c in try m.start(context: c) }
        let open = try w.raise(m, "Circulate the fair shares budgets", owner: "PG", due: "1 December 2026")
        let done = try w.raise(m, "Arrange non-clinical training", owner: "LMC", due: "ongoing")
        let dropped = try w.raise(m, "Write to the SHA lead for primary care", owner: "Rachel Lea", due: "tbc")
        let started = try w.raise(m, "Clarify TUPE with Provider Services", owner: "Dr Small", due: "31 January 2027")
        let ongoing = try w.raise(m, "Report on the Darzi clinic", owner: "Peter Shilliday", due: "ongoing")
        try w.run { a, c in try a.updateAction(done.id, status: .done, note: "Training arranged", context: c) }
        try w.run { a, c in try a.updateAction(dropped.id, status: .dropped, note: "Post vacant", context: c) }
        try w.run { a, c in try a.updateAction(started.id, status: .inProgress, note: "", context: c) }
        try w.run { a, c in try a.updateAction(ongoing.id, status: .ongoing, note: "", context: c) }
        try w.run(in: m) { m, c in try m.close(context: c) }

        let log = try w.meeting("hpbc-2026-12-17").actionLog
        #expect(log.map(\.id) == [open.id, started.id, ongoing.id])
        // Not in its own meeting's log.
        #expect(try w.meeting(m).actionLog.isEmpty)
    }
}

@Suite struct DeputyConflictTests {
    @Test func oneDeputyPerMemberAndNoneForAMemberWhoIsHere() throws {
        var w = try PCPG.world()
        let m = PCPG.meetingID
        // Owen Davies is here in person: his alternate cannot deputise for him.
        try w.run(in: m) { m, _ in try m.mark("owen-davies", .present) }
        _ = expectRefused(.wrongState, mentioning: "in person") {
            try w.meeting(m).mark("tom-bevan", .deputy(for: "owen-davies", confirmedException: false))
        }
        // Once he has left, his alternate can; then no one else may as well.
        try w.run(in: m) { m, _ in try m.mark("owen-davies", .present, departed: time("15:00")) }
        try w.run(in: m) { m, _ in try m.mark("tom-bevan", .deputy(for: "owen-davies", confirmedException: false)) }
        _ = expectRefused(.duplicate, mentioning: "already deputises") {
            try w.meeting(m).mark("dylan-roberts", .deputy(for: "owen-davies", confirmedException: true))
        }
    }

    @Test func aStoodDownMeetingIsNotPlannedAgain() throws {
        var w = try PCPG.world()
        let planned = try w.run { a, _ in try a.scheduleFromCadence(PCPG.id, from: day("2026-11-23"), count: 3) }
        guard case .meetingScheduled(let first)? = planned.first else { Issue.record("nothing planned"); return }
        try w.run { a, _ in try a.cancelMeeting(first.id, reason: "stood down by the chair and vice-chair") }
        let again = try w.run { a, _ in try a.scheduleFromCadence(PCPG.id, from: day("2026-11-23"), count: 3) }
        #expect(!again.contains { if case .meetingScheduled(let m) = $0 { return m.date == first.date }; return false })
        #expect(w.archive.meetings(of: PCPG.id).filter { $0.date == first.date }.count == 1)
    }
}

/// Matters arising refer back to an earlier meeting, never to a later one or to itself.
@Suite struct MattersArisingTests {
    @Test func anItemRefersOnlyToAnEarlierMeeting() throws {
        var w = try PCPG.world()
        let earlier = PCPG.meetingID
        let earlierItem = try w.addItem(earlier, "Estates strategy")
        let later = try w.schedule(PCPG.id, "2027-01-12")
        let laterItem = try w.addItem(later, "Matters arising")
        // The later meeting's item may refer to the earlier one.
        let earlierRecord = w.record(earlier)
        try w.run(in: later) { m, _ in try m.refer(laterItem, to: earlierItem, of: earlierRecord) }
        #expect(w.record(later).item(laterItem)?.refersTo?.itemID == earlierItem)
        // Not the other way round, nor to itself; nothing changes.
        let before = w.record(earlier)
        expectRefused(.invalid, mentioning: "earlier meeting", "is not before") {
            try w.meeting(earlier).refer(earlierItem, to: laterItem, of: w.record(later))
        }
        expectRefused(.invalid, mentioning: "earlier meeting") {
            try w.meeting(earlier).refer(earlierItem, to: earlierItem, of: w.record(earlier))
        }
        expectRefused(.notFound, mentioning: "agenda item") {
            try w.meeting(later).refer(laterItem, to: "i-nowhere", of: w.record(earlier))
        }
        #expect(w.record(earlier) == before)
    }
}
