import Testing
@testable import ClerkCore

@Suite struct MembershipTests {
    /// Seed 002 lists Ms Jane Lindo (JL) and Ms Judith Lockhart (JL): papers naming "JL"
    /// couldn't say which, so one committee can't seat both.
    @Test func duplicateInitialsOnOneCommitteeAreRefusedNamingBoth() throws {
        var w = try Herts.world()
        let error = expectRefused(.duplicate, mentioning: "JL", "Jane Lindo", "Judith Lockhart", "Brent PEC", "distinct initials") {
            try w.archive.startMembership(Herts.brent, Membership(personID: "judith-lockhart", organisationID: "brent-pct", role: .member))
        }
        #expect(error != nil)
        // The same initials on another committee are fine.
        try w.seat("judith-lockhart", on: Herts.id, .member, org: "brent-pct")
        #expect(w.archive.committees[Herts.id]!.membership(of: "judith-lockhart", on: day("2008-04-22")) != nil)
    }

    @Test func initialsAreComparedCaseInsensitively() throws {
        var w = try Herts.world()
        try w.person("jo-lane", "Jo Lane", org: "brent-pct", initials: "jl")
        expectRefused(.duplicate, mentioning: "Jane Lindo") {
            try w.archive.startMembership(Herts.brent, Membership(personID: "jo-lane", organisationID: nil, role: .member))
        }
    }

    @Test func initialsOfAnEndedMembershipAreFree() throws {
        var w = try Herts.world()
        try w.run { a, _ in try a.endMembership(Herts.brent, person: "jane-lindo", until: day("2005-12-31")) }
        try w.seat("judith-lockhart", on: Herts.brent, .member, org: "brent-pct")
        #expect(w.archive.committees[Herts.brent]!.memberships.count == 2)
    }

    @Test func aPersonIsSeatedOnlyOnce() throws {
        let w = try Herts.world()
        expectRefused(.duplicate, mentioning: "Mark Jones", "already", "end that membership first") {
            try w.archive.startMembership(Herts.id, Membership(personID: "mark-jones", organisationID: "daccom", role: .member))
        }
    }

    @Test func alternatesMustNameAVotingMember() throws {
        let w = try PCPG.world()
        expectRefused(.invalid, mentioning: "name the member") {
            try w.archive.startMembership(PCPG.id, Membership(personID: "dylan-roberts", organisationID: "third-sector", role: .alternate))
        }
        expectRefused(.invalid, mentioning: "helen-rees", "not a member") {
            try w.archive.startMembership(PCPG.id, Membership(personID: "dylan-roberts", organisationID: "third-sector",
                                                               role: .alternate, alternateFor: "helen-rees"))
        }
    }

    @Test func endingAMembershipThatIsNotOpenIsRefused() throws {
        let w = try Herts.world()
        expectRefused(.wrongState, mentioning: "Judith Lockhart", "no current membership") {
            try w.archive.endMembership(Herts.id, person: "judith-lockhart", until: day("2008-05-01"))
        }
    }

    @Test func createCommitteeSeatsItsMembersThroughTheSameChecks() throws {
        var w = try Herts.world()
        let committee = Committee(id: "brent-pec-2", name: "Brent PEC Cluster Leads", code: "bpcl", terms: TermsOfReference(),
                                  memberships: [Membership(personID: "jane-lindo", organisationID: nil, role: .member),
                                                Membership(personID: "judith-lockhart", organisationID: nil, role: .member)])
        expectRefused(.duplicate, mentioning: "JL", "Jane Lindo", "Judith Lockhart") { try w.archive.createCommittee(committee) }
        var ok = committee
        ok.memberships.removeLast()
        let events = try w.run { a, _ in try a.createCommittee(ok) }
        #expect(events.count == 2)
        #expect(w.archive.committees["brent-pec-2"]?.memberships.map(\.personID) == ["jane-lindo"])
    }
}

@Suite struct BadArchiveInputTests {
    @Test func idsMustBeSlugs() throws {
        let w = try Herts.world()
        for bad in ["", "West Herts", "daccom!", "Lmc", "rɛd-house", String(repeating: "a", count: 65)] {
            expectRefused(.invalid, mentioning: "lower-case letters, digits and hyphens") {
                try w.archive.addOrganisation(Organisation(id: bad, name: "Somewhere"))
            }
        }
        expectRefused(.invalid, mentioning: "person id", "e.g.") {
            try w.archive.addPerson(Person(id: "Peter Graves", name: "Peter Graves", initials: "PG"))
        }
        expectRefused(.invalid, mentioning: "committee id") {
            try w.archive.createCommittee(Committee(id: "West_Herts", name: "West Herts PBC Leads", code: "whpl", terms: TermsOfReference()))
        }
        expectRefused(.invalid, mentioning: "committee code") {
            try w.archive.createCommittee(Committee(id: "west-herts", name: "West Herts PBC Leads", code: "WHPL", terms: TermsOfReference()))
        }
    }

    @Test func namesMustNotBeEmpty() throws {
        let w = try Herts.world()
        expectRefused(.invalid, mentioning: "organisation needs a name") {
            try w.archive.addOrganisation(Organisation(id: "dacorum", name: "  "))
        }
        expectRefused(.invalid, mentioning: "person needs a name") {
            try w.archive.addPerson(Person(id: "nicola-jones", name: "", initials: "NJ"))
        }
        expectRefused(.invalid, mentioning: "committee needs a name") {
            try w.archive.createCommittee(Committee(id: "west-herts", name: "\t", code: "whpl", terms: TermsOfReference()))
        }
        expectRefused(.invalid, mentioning: "committee needs a name") {
            try w.archive.changeTerms(Herts.id, name: " ", terms: TermsOfReference(), coreOrganisations: [])
        }
    }

    @Test func duplicatesAreRefused() throws {
        let w = try Herts.world()
        expectRefused(.duplicate, mentioning: "lmc", "exists") { try w.archive.addOrganisation(Organisation(id: "lmc", name: "LMC")) }
        expectRefused(.duplicate, mentioning: "peter-graves", "exists") {
            try w.archive.addPerson(Person(id: "peter-graves", name: "Peter Graves", initials: "PG"))
        }
        expectRefused(.duplicate, mentioning: "hpbc", "Hertfordshire PBC Leads", "choose another") {
            try w.archive.createCommittee(Committee(id: "west-herts", name: "West Herts PBC Leads", code: "hpbc", terms: TermsOfReference()))
        }
    }

    @Test func initialsMustBeLetters() throws {
        let w = try Herts.world()
        for bad in ["", "N.D.K.S.", "ABCDEFG", "P G"] {
            expectRefused(.invalid, mentioning: "initials", "letters") {
                try w.archive.addPerson(Person(id: "nicola-jones", name: "Nicola Jones", initials: bad))
            }
        }
    }

    @Test func unknownIdsSayWhereToLook() throws {
        let w = try Herts.world()
        expectRefused(.notFound, mentioning: "organisation", "nhs-trust", "add the organisation first") {
            try w.archive.addPerson(Person(id: "nicola-jones", name: "Nicola Jones", organisationID: "nhs-trust", initials: "NJ"))
        }
        expectRefused(.notFound, mentioning: "committee", "west-herts", "clerk committees") {
            try w.archive.scheduleMeeting("west-herts", on: day("2008-05-15"))
        }
        expectRefused(.notFound, mentioning: "meeting", "hpbc-2008-05-15", "clerk meetings") {
            try w.archive.cancelMeeting("hpbc-2008-05-15", reason: "")
        }
        expectRefused(.notFound, mentioning: "action", "a-99", "clerk actions") {
            try w.archive.updateAction("a-99", status: .done, note: "", context: w.context)
        }
        expectRefused(.notFound, mentioning: "person", "nicola-jones", "add the person first") {
            try w.archive.startMembership(Herts.id, Membership(personID: "nicola-jones", organisationID: nil, role: .member))
        }
        expectRefused(.notFound, mentioning: "organisation", "nhs-trust") {
            try w.archive.changeTerms(Herts.id, name: "Hertfordshire PBC Leads", terms: TermsOfReference(), coreOrganisations: ["nhs-trust"])
        }
        #expect(throws: CommandError.self) { try MeetingContext(archive: w.archive, record: MeetingRecord(meetingID: "hpbc-1999-01-01")) }
    }

    @Test func meetingTimesMustRunForwards() throws {
        let w = try Herts.world()
        expectRefused(.invalid, mentioning: "14:30", "13:00", "check the times") {
            try w.archive.scheduleMeeting(Herts.id, on: day("2008-05-15"), start: time("14:30"), end: time("13:00"))
        }
        expectRefused(.invalid, mentioning: "check the times") {
            try w.archive.scheduleMeeting(Herts.id, on: day("2008-05-15"), start: time("13:00"), end: time("13:00"))
        }
    }

    @Test func committeesAreFoundByIdCodeOrName() throws {
        let w = try Herts.world()
        #expect(try w.archive.committee("hpbc").id == Herts.id)
        #expect(try w.archive.committee("HERTFORDSHIRE PBC LEADS").id == Herts.id)
        #expect(w.archive.committeeList.map(\.id) == [Herts.id, Herts.brent])
    }
}

@Suite struct SchedulingTests {
    @Test func meetingIdsAreCodeAndDateWithASuffixForASecondMeeting() throws {
        var w = try Herts.world()
        let first = try w.schedule(Herts.id, "2008-04-22", start: "13:00", end: "14:30")
        #expect(first == "hpbc-2008-04-22")
        expectRefused(.duplicate, mentioning: "already meets", "2008-04-22", "extra meeting") {
            try w.archive.scheduleMeeting(Herts.id, on: day("2008-04-22"))
        }
        let extra = try w.run { a, _ in try a.scheduleMeeting(Herts.id, on: day("2008-04-22"), start: time("15:00"), isExtra: true) }
        guard case .meetingScheduled(let m) = extra.first else { Issue.record("no meeting"); return }
        #expect(m.id == "hpbc-2008-04-22-2")
        #expect(m.isExtra)
    }

    @Test func twelveMonthlyMeetingsFromTheThirdThursday() throws {
        var w = try Herts.world(today: "2026-11-23")
        let events = try w.run { a, _ in try a.scheduleFromCadence(Herts.id, from: day("2026-11-23"), count: 12) }
        let dates = w.archive.meetings(of: Herts.id).map(\.date)
        #expect(events.count == 12)
        #expect(dates.first == day("2026-12-17"))
        #expect(dates.last == day("2027-11-18"))
        for d in dates {
            #expect(d.weekday == .thursday)
            #expect((15...21).contains(d.day), "\(d.iso)")
        }
        #expect(Set(dates.map { $0.year * 12 + $0.month }).count == 12)

        // Again: only later meetings, none on a date already planned.
        try w.run { a, _ in try a.scheduleFromCadence(Herts.id, from: day("2026-11-23"), count: 12) }
        let all = w.archive.meetings(of: Herts.id).map(\.date)
        #expect(all.count == 24)
        #expect(Set(all).count == 24)
        #expect(all[12] == day("2027-12-16"))
    }

    @Test func everyTwoMonthsOnTheSecondTuesday() throws {
        var w = try PCPG.world()  // has 2026-11-10
        try w.run { a, _ in try a.scheduleFromCadence(PCPG.id, from: day("2026-11-01"), count: 3) }
        let dates = w.archive.meetings(of: PCPG.id).map(\.date.iso)
        #expect(dates == ["2026-11-10", "2027-01-12", "2027-03-09", "2027-05-11"])
    }

    /// A two-monthly committee that last met in November meets next in January, March…:
    /// planning from February keeps to that grid rather than starting a new one in February.
    @Test func aTwoMonthlyPlanFromAfterTheLastMeetingKeepsItsMonths() throws {
        var w = try PCPG.world()  // last (only) meeting 2026-11-10
        try w.run { a, _ in try a.scheduleFromCadence(PCPG.id, from: day("2027-02-01"), count: 2) }
        let dates = w.archive.meetings(of: PCPG.id).map(\.date.iso)
        #expect(dates == ["2026-11-10", "2027-03-09", "2027-05-11"])
    }

    @Test func cadenceAndCountAreChecked() throws {
        let w = try Herts.world()
        expectRefused(.invalid, mentioning: "Brent PEC", "no cadence", "monthly on the 3rd Thursday") {
            try w.archive.scheduleFromCadence(Herts.brent, from: day("2026-11-23"), count: 12)
        }
        for bad in [0, -1, 500] {
            expectRefused(.invalid, mentioning: "between 1 and 120") {
                try w.archive.scheduleFromCadence(Herts.id, from: day("2026-11-23"), count: bad)
            }
        }
    }

    @Test func onlyAMeetingYetToHappenCanBeMovedOrStoodDown() throws {
        var w = try Herts.world()
        let m = try w.schedule(Herts.id, "2008-05-15")
        try w.run { a, _ in try a.moveMeeting(m, to: day("2008-05-22"), start: time("13:00"), end: time("14:30"), venue: "LMC Office, Aston, Stevenage") }
        #expect(w.archive.meetings[m]?.date == day("2008-05-22"))
        #expect(w.archive.meetings[m]?.venue == "LMC Office, Aston, Stevenage")

        try w.run(in: m) { m, c in try m.start(context: c) }
        expectRefused(.wrongState, mentioning: "in progress", "only a meeting yet to happen") {
            try w.archive.moveMeeting(m, to: day("2008-05-29"), start: nil, end: nil, venue: "")
        }
        expectRefused(.wrongState, mentioning: "in progress", "stood down") { try w.archive.cancelMeeting(m, reason: "no business") }

        let june = try w.schedule(Herts.id, "2008-06-19")
        try w.run { a, _ in try a.cancelMeeting(june, reason: "no business") }
        #expect(w.archive.meetings[june]?.status == .cancelled)
        expectRefused(.wrongState, mentioning: "stood down") { try w.archive.cancelMeeting(june, reason: "again") }
        expectRefused(.wrongState, mentioning: "stood down", "nothing can be recorded") {
            try w.meeting(june).mark("mark-jones", .present)
        }
        // A stood-down date can be used again.
        _ = try w.schedule(Herts.id, "2008-06-19")
    }

    @Test func movingKeepsTheTimesInOrder() throws {
        var w = try Herts.world()
        let m = try w.schedule(Herts.id, "2008-05-15")
        expectRefused(.invalid, mentioning: "check the times") {
            try w.archive.moveMeeting(m, to: day("2008-05-22"), start: time("14:30"), end: time("13:00"), venue: "")
        }
    }
}
