import ClerkApp
import ClerkCore
import Testing

/// The demo archive folded as the store would fold it: archive events into the archive state,
/// meeting events into each meeting's record.
private struct Folded {
    var state = ArchiveState()
    var records: [MeetingID: MeetingRecord] = [:]

    init(_ events: [Event]) {
        for event in events {
            switch event.scope {
            case .archive: state.apply(event)
            case .meeting(let id): records[id, default: MeetingRecord(meetingID: id)].apply(event)
            }
        }
    }
}

private let today = CalendarDate(year: 2026, month: 11, day: 23)!

private func demo() throws -> Folded {
    Folded(try DemoArchive.events(today: today))
}

private func april2008(_ folded: Folded) throws -> (Meeting, MeetingRecord) {
    let day = CalendarDate(year: 2008, month: 4, day: 22)!
    let meeting = try #require(folded.state.meetings(of: DemoArchive.hertsPBCLeads).first { $0.date == day })
    let record = try #require(folded.records[meeting.id])
    return (meeting, record)
}

@Suite struct DemoArchiveTests {
    @Test func foldsWithoutAnomalies() throws {
        let folded = try demo()
        #expect(folded.state.anomalies.isEmpty)
        for record in folded.records.values {
            #expect(record.anomalies.isEmpty, "meeting \(record.meetingID)")
        }
    }

    @Test func isDeterministic() throws {
        #expect(try DemoArchive.events(today: today) == DemoArchive.events(today: today))
    }

    @Test func hasTheFourCommittees() throws {
        let folded = try demo()
        #expect(folded.state.committeeList.map(\.id) == [
            DemoArchive.hertsPBCLeads, DemoArchive.westHertsPBCLeads, DemoArchive.panClusterPlanningGroup,
            DemoArchive.brentPEC,
        ])
        #expect(folded.state.committeeList.contains { $0.name == "West Herts PBC Leads" })
    }

    @Test func initialsAreUniqueOnEveryCommittee() throws {
        let folded = try demo()
        for committee in folded.state.committeeList {
            let initials = committee.memberships.compactMap { folded.state.people[$0.personID]?.initials.uppercased() }
            #expect(Set(initials).count == initials.count, "\(committee.name)")
        }
    }

    @Test func april2008AgendaIsNumberedAsInTheNotes() throws {
        let (meeting, record) = try april2008(try demo())
        #expect(meeting.title == "Hertfordshire Practice-based Commissioning Leads")
        #expect(meeting.venue == "LMC Office, Aston, Stevenage")
        #expect(meeting.status == .minutesDraft)
        #expect(record.items.map { record.number(of: $0.id) } == [
            "1", "1a", "1b", "1c", "2", "3", "4", "5", "6", "7", "8", "8a", "8b", "9",
        ])
        #expect(record.topLevelItems.first?.title == "Minutes of the last meeting and matters arising")
        #expect(record.topLevelItems.map(\.standing) == [
            .previousMinutes, nil, nil, nil, nil, nil, nil, .anyOtherBusiness, .nextMeeting,
        ])
    }

    @Test func april2008AttendanceIsGroupedByOrganisation() throws {
        let folded = try demo()
        let (_, record) = try april2008(folded)
        let apologies = record.attendance.filter { $0.presence == .apologies }
        #expect(apologies.count == 6)
        var byGroup: [String: Int] = [:]
        for a in record.attendance where a.presence.isInRoom {
            let person = try #require(folded.state.people[a.personID])
            let organisation = try #require(person.organisationID.flatMap { folded.state.organisations[$0] })
            byGroup[organisation.group ?? organisation.name, default: 0] += 1
        }
        #expect(byGroup == ["West Herts PBC Leads": 5, "East & North Herts PBC Leads": 3, "LMC": 3])
    }

    @Test func april2008MinutesAndDeclaration() throws {
        let (_, record) = try april2008(try demo())
        #expect(record.entries.count == 18)
        #expect(record.entries.filter { $0.kind == .decision }.count == 1)
        #expect(record.entries.contains { $0.kind == .noted && $0.text.hasPrefix("the PCT has organised a meeting") })
        let item5 = record.topLevelItems[4]
        #expect(record.declarations(on: item5.id).map(\.personID) == ["peter-shilliday"])
    }

    @Test func april2008ActionsAreOpenAndOverdue() throws {
        let folded = try demo()
        let (meeting, _) = try april2008(folded)
        let actions = folded.state.actions.values.filter { $0.meetingID == meeting.id }.sorted { $0.number < $1.number }
        #expect(actions.map(\.number) == [1, 2, 3])
        #expect(actions.map { folded.state.ownerName($0.owner) } == ["LMC", "Dr Peter Graves", "LMC"])
        #expect(actions.map(\.owner) == [.organisation("lmc"), .person("peter-graves"), .organisation("lmc")])
        #expect(actions.allSatisfy { $0.status == .open && $0.isOverdue(on: today) })
    }

    @Test func plansTwelveMeetingsForEachCommitteeWithACadence() throws {
        let folded = try demo()
        for id in [DemoArchive.westHertsPBCLeads, DemoArchive.panClusterPlanningGroup, DemoArchive.brentPEC] {
            let planned = folded.state.meetings(of: id).filter { $0.status == .planned }
            #expect(planned.count == 12, "\(id)")
            #expect(planned.allSatisfy { $0.date > today }, "\(id)")
        }
        for m in folded.state.meetings(of: DemoArchive.westHertsPBCLeads) {
            #expect(m.date.weekday == .thursday && (15...21).contains(m.date.day), "\(m.id) is not a 3rd Thursday")
        }
        #expect(folded.state.meetings(of: DemoArchive.hertsPBCLeads).count == 1)
    }

    @Test func nextMeetingsHaveStandingAgendas() throws {
        let folded = try demo()
        let west = try #require(folded.state.nextMeeting(of: DemoArchive.westHertsPBCLeads, after: today))
        let westItems = try #require(folded.records[west.id]).items
        #expect(westItems.count == StandingItem.allCases.count + 2)
        #expect(westItems.last?.standing == .nextMeeting)
        let pcpg = try #require(folded.state.nextMeeting(of: DemoArchive.panClusterPlanningGroup, after: today))
        #expect(try #require(folded.records[pcpg.id]).items.count == StandingItem.allCases.count)
    }

    @Test func brentWorkPlanHasItsObjectivesWithLeads() throws {
        let folded = try demo()
        let objectives = folded.state.objectives(of: DemoArchive.brentPEC)
        #expect(objectives.count >= 40)
        #expect(objectives.allSatisfy { !$0.leads.isEmpty })
        let restructure = try #require(objectives.first { $0.number == "1.3" })
        #expect(restructure.leads == ["EK", "CA", "JL", "JS", "APa"])
        #expect(restructure.theme == "1. PEC Representation and Activities on PBC Project")
        #expect(Set(objectives.map(\.status)) == ["Complete", "Ongoing", "Planned"])
    }

    @Test func pcpgTermsFollowSeed004() throws {
        let pcpg = try #require(try demo().state.committees[DemoArchive.panClusterPlanningGroup])
        #expect(pcpg.terms.quorum == .organisations(4))
        #expect(pcpg.terms.voting == .onePerCoreOrganisation(chairCastingVote: true))
        #expect(pcpg.coreOrganisations.count == 6)
        let alternates = pcpg.memberships.filter { $0.role == .alternate }
        #expect(alternates.count == 8)
        #expect(alternates.allSatisfy { a in pcpg.memberships.contains { $0.personID == a.alternateFor } })
    }
}
