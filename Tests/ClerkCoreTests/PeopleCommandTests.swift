import Testing
@testable import ClerkCore

/// Correcting people and seats, and guests in attendance: ClerkCore's rules, so every front
/// end follows them. Each refusal is one line saying what was wrong and what to do.
@Suite struct PeopleCommandTests {
    let c = PCPG.id
    let m = PCPG.meetingID

    func refusal(_ body: () throws -> [Event]) -> String {
        do { _ = try body(); return "" } catch let e as CommandError { return e.message } catch { return "\(error)" }
    }

    @Test func aPersonIsCorrectedWithTheirInitialsKeptAsTyped() throws {
        var w = try PCPG.world()
        var p = try #require(w.archive.people["gareth-price"])
        p.name = "Gareth Price-Jones"
        p.title = "Professor"
        p.initials = "GPj"
        try w.run { a, _ in try a.updatePerson(p) }
        #expect(w.archive.people["gareth-price"]?.initials == "GPj")
        #expect(w.archive.people["gareth-price"]?.formalName == "Professor Gareth Price-Jones")
        // Nothing changed: nothing recorded.
        #expect(try w.archive.updatePerson(p).isEmpty)
    }

    @Test func proposedInitialsNeverClashWithTheCommittees() throws {
        let w = try PCPG.world()
        // Alys Morgan is AM: Alun Morris is offered "AMo", which nobody has.
        #expect(w.archive.proposedInitials(for: "Alun Morris", on: c) == "AMo")
        #expect(w.archive.proposedInitials(for: "Zed Quinn", on: c) == "ZQ")
        #expect((try? w.archive.checkInitials("AMo", of: "Alun Morris", person: nil, on: c)) != nil)
    }

    @Test func badCorrectionsOfAPersonAreRefused() throws {
        let w = try PCPG.world()
        var p = try #require(w.archive.people["gareth-price"])
        p.name = "  "
        #expect(refusal { try w.archive.updatePerson(p) }.contains("a person needs a name"))
        p = try #require(w.archive.people["gareth-price"])
        p.initials = "am"   // Alys Morgan's, in another case
        let clash = refusal { try w.archive.updatePerson(p) }
        #expect(clash.contains("initials am are already used on Pan Cluster Planning Group by Alys Morgan (AM)"), "\(clash)")
        p.initials = "G P"
        #expect(refusal { try w.archive.updatePerson(p) }.contains("must be 1 to 6 letters"))
        p = try #require(w.archive.people["gareth-price"])
        p.organisationID = "nowhere"
        #expect(refusal { try w.archive.updatePerson(p) }.contains("no organisation 'nowhere'"))
        #expect(refusal { try w.archive.checkInitials("aM", of: "Ann Mole", person: nil, on: PCPG.id); return [] }.contains("Alys Morgan"))
    }

    @Test func aSeatsOrganisationAndDatesAreCorrected() throws {
        var w = try PCPG.world()
        try w.run { a, _ in
            try a.correctSeat(PCPG.id, person: "gareth-price", seatFrom: nil, organisationID: "rpb",
                              from: day("2026-01-01"), until: day("2027-03-31"))
        }
        let seat = try #require(w.archive.committees[c]?.membership(of: "gareth-price", on: day("2026-11-10")))
        #expect(seat.organisationID == "rpb")
        #expect(seat.from == day("2026-01-01") && seat.until == day("2027-03-31"))
        // Shown under the seat's organisation on this committee, whatever the person's own.
        #expect(w.archive.organisationID(of: "gareth-price", on: c, date: day("2026-11-10")) == "rpb")
        #expect(w.archive.people["gareth-price"]?.organisationID == "health-board")
    }

    @Test func badCorrectionsOfASeatAreRefused() throws {
        let w = try PCPG.world()
        let reversed = refusal {
            try w.archive.correctSeat(c, person: "gareth-price", seatFrom: nil, organisationID: "health-board",
                                      from: day("2026-06-01"), until: day("2026-05-31"))
        }
        #expect(reversed == "the seat cannot end on 2026-05-31, before it starts on 2026-06-01; give an end on or after 2026-06-01")
        #expect(refusal {
            try w.archive.correctSeat(c, person: "gareth-price", seatFrom: nil, organisationID: "nowhere", from: nil, until: nil)
        }.contains("no organisation 'nowhere'"))
        #expect(refusal {
            try w.archive.correctSeat(c, person: "gareth-price", seatFrom: day("2020-01-01"), organisationID: nil, from: nil, until: nil)
        }.contains("has no seat on Pan Cluster Planning Group from 2020-01-01"))
    }

    @Test func aSeatMayNotOverlapThePersonsOtherSeat() throws {
        var w = try PCPG.world()
        try w.run { a, _ in try a.changeRole(PCPG.id, person: "gareth-price", to: .viceChair, from: day("2027-01-01")) }
        let overlap = refusal {
            try w.archive.correctSeat(c, person: "gareth-price", seatFrom: nil, organisationID: "health-board",
                                      from: nil, until: day("2027-02-01"))
        }
        #expect(overlap.contains("would overlap Gareth Price's other seat (2027-01-01 to now)"), "\(overlap)")
    }

    @Test func aSeatCorrectionNamingNoSeatIsAnAnomaly() throws {
        var a = try PCPG.world().archive
        a.apply(.seatCorrected(SeatCorrected(committeeID: c, personID: "gareth-price", seatFrom: day("1999-01-01"),
                                             organisationID: nil, from: nil, until: nil)))
        #expect(a.anomalies.last?.contains("membership.corrected: no seat") == true)
    }

    @Test func theFirstMeetingIsProposedAsASeatsStart() throws {
        let w = try PCPG.world()
        #expect(w.archive.firstMeetingDate(of: c) == day(PCPG.meetingDay))
    }

    // MARK: Guests

    @Test func guestsNeverCountToQuorumOrVotes() throws {
        var w = try PCPG.world()
        try w.run(in: m) { m, ctx in try m.start(context: ctx) }
        let item = PCPG.planItem(w)
        let before = try w.meeting(m)
        let quorum = before.quorum(for: item), voters = before.eligibleVoters(on: item)
        for (n, name) in ["Jo Bloggs", "Sam Ray", "Kit Lane", "Ali Moss", "Bo Finch"].enumerated() {
            try w.run(in: m) { m, _ in
                try m.addGuest(Guest(id: "g-\(n)", name: name, post: "Officer", organisation: "Health Board",
                                     role: n == 0 ? .presenter : .officer, itemID: n == 0 ? item : nil))
            }
        }
        let after = try w.meeting(m)
        #expect(after.record.listedGuests.count == 5)
        #expect(after.quorum(for: item) == quorum)
        #expect(after.eligibleVoters(on: item) == voters)
        #expect(after.quorum(for: item).isQuorate == false)
        #expect(after.record.attendance.isEmpty)
    }

    @Test func aGuestRemovedByMistakeIsListedAgain() throws {
        var w = try PCPG.world()
        try w.run(in: m) { m, _ in try m.addGuest(Guest(id: "g-1", name: "Jo Bloggs", role: .observer)) }
        try w.run(in: m) { m, _ in try m.removeGuest("g-1") }
        #expect(w.record(m).listedGuests.isEmpty)
        #expect(w.record(m).guest("g-1")?.isRemoved == true)
        try w.run(in: m) { m, _ in try m.restoreGuest("g-1") }
        #expect(w.record(m).listedGuests.map(\.name) == ["Jo Bloggs"])
    }

    @Test func badGuestsAreRefused() throws {
        var w = try PCPG.world()
        try w.run(in: m) { m, _ in try m.addGuest(Guest(id: "g-1", name: "Jo Bloggs", role: .observer)) }
        let ctx = try w.meeting(m)
        #expect(refusal { try ctx.addGuest(Guest(id: "g-2", name: "  ", role: .observer)) } == "a guest needs a name; type it, e.g. Jo Bloggs")
        #expect(refusal { try ctx.addGuest(Guest(id: "g-2", name: "alys morgan", role: .observer)) }
            .contains("Alys Morgan is on Pan Cluster Planning Group; mark them in the attendance list"))
        #expect(refusal { try ctx.addGuest(Guest(id: "g-2", name: "Jo Bloggs", role: .presenter)) }.contains("already listed"))
        #expect(refusal { [try ctx.item(numbered: "99")].map { _ in Event.guestRemoved(GuestRemoved(meetingID: m, guestID: "x")) } }
            .contains("there is no item 99 on the agenda (items 1 to"))
        #expect(refusal { try ctx.removeGuest("g-9") }.contains("no guest listed"))
        #expect(refusal { try ctx.restoreGuest("g-1") }.contains("no removed guest"))
    }

    @Test func aGuestForAnItemNotOnTheAgendaIsAnAnomaly() throws {
        var r = PCPG.world_record()
        r.apply(.guestAdded(GuestAdded(meetingID: m, guest: Guest(id: "g-1", name: "Jo", role: .presenter, itemID: "i-none"))))
        #expect(r.listedGuests.isEmpty)
        #expect(r.anomalies.last?.contains("attendance.guest-added: unknown item") == true)
    }
}

extension PCPG {
    static func world_record() -> MeetingRecord { MeetingRecord(meetingID: meetingID) }
}
