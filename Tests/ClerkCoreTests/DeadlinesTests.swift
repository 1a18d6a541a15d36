import Testing
@testable import ClerkCore

@Suite struct DeadlinesTests {
    let pcpg = AgendaDeadlines(submissionLeadDays: 14, papers: .fridayBefore)
    let meeting = day("2026-12-08")  // a Tuesday

    @Test func seed004TwoWeeksAndTheFridayBefore() {
        #expect(meeting.weekday == .tuesday)
        #expect(pcpg.submissionDeadline(for: meeting) == day("2026-11-24"))
        #expect(pcpg.papersDate(for: meeting) == day("2026-12-04"))
        #expect(AgendaDeadlines.standard == pcpg)
    }

    /// The home screen's warnings for a meeting on Tuesday 8 December: items due 24
    /// November, agenda and papers by Friday 4 December.
    @Test func homeScreenWarningsCountDownToEachDeadline() {
        var m = Meeting(id: "m", committeeID: "c", title: "Meeting", date: meeting)
        #expect(pcpg.warnings(for: m, today: day("2026-11-10")).isEmpty)
        #expect(pcpg.warnings(for: m, today: day("2026-11-21")) == ["items due in 3 days (Tue 24 Nov)"])
        #expect(pcpg.warnings(for: m, today: day("2026-11-24")) == ["items due today"])
        #expect(pcpg.warnings(for: m, today: day("2026-11-25")).isEmpty)
        #expect(pcpg.warnings(for: m, today: day("2026-11-30")) == ["agenda not published: due Fri 4 Dec (in 4 days)"])
        #expect(pcpg.warnings(for: m, today: day("2026-12-04")) == ["agenda not published: due Fri 4 Dec (today)"])
        #expect(pcpg.warnings(for: m, today: day("2026-12-05")) == ["papers late: due Fri 4 Dec, agenda not published"])
        // Published, taken place or cancelled: nothing to warn of.
        m.status = .agendaPublished
        m.agendaPublishedOn = day("2026-12-03")
        #expect(pcpg.warnings(for: m, today: day("2026-12-05")).isEmpty)
        m.status = .cancelled
        m.agendaPublishedOn = nil
        #expect(pcpg.warnings(for: m, today: day("2026-12-05")).isEmpty)
        m.status = .planned
        #expect(pcpg.warnings(for: m, today: day("2026-12-09")).isEmpty)
        // No papers rule: the agenda is due by the meeting itself.
        let itemsOnly = AgendaDeadlines(submissionLeadDays: 14, papers: .none)
        #expect(itemsOnly.warnings(for: m, today: day("2026-12-07")) == ["agenda not published: due Tue 8 Dec (tomorrow)"])
        #expect(pcpg.warnings(for: m, today: day("2026-11-21"), within: 2).isEmpty)
    }

    @Test func fridayBeforeIsStrictlyBefore() {
        #expect(pcpg.papersDate(for: day("2026-12-11")) == day("2026-12-04"))  // Friday meeting
        #expect(pcpg.papersDate(for: day("2026-12-12")) == day("2026-12-11"))  // Saturday meeting
        #expect(pcpg.papersDate(for: day("2026-12-10")) == day("2026-12-04"))  // Thursday meeting
        for offset in 0..<14 {
            let m = meeting.adding(days: offset)
            let p = pcpg.papersDate(for: m)!
            #expect(p.weekday == .friday)
            #expect((1...7).contains(p.daysUntil(m)))
        }
        // across the year end
        #expect(pcpg.papersDate(for: day("2027-01-05")) == day("2027-01-01"))
        #expect(pcpg.submissionDeadline(for: day("2027-01-05")) == day("2026-12-22"))
    }

    @Test func otherPapersRules() {
        #expect(AgendaDeadlines(submissionLeadDays: 10, papers: .daysBefore(5)).papersDate(for: meeting) == day("2026-12-03"))
        #expect(AgendaDeadlines(submissionLeadDays: 10, papers: .none).papersDate(for: meeting) == nil)
        #expect(AgendaDeadlines(submissionLeadDays: 10, papers: .none).submissionDeadline(for: meeting) == day("2026-11-28"))
    }

    @Test func statusThroughTheRunUp() {
        func status(_ today: String) -> DeadlineStatus { pcpg.status(for: meeting, today: day(today)) }
        #expect(status("2026-11-21").phase == .submissionsOpen)
        #expect(status("2026-11-21").summary == "items due by Tue 24 Nov (in 3 days)")
        #expect(status("2026-11-24").summary == "items due by Tue 24 Nov (today)")
        #expect(status("2026-11-24").isOpen)
        #expect(status("2026-11-25").phase == .papersDue)
        #expect(status("2026-11-25").summary == "items closed Tue 24 Nov; papers out by Fri 4 Dec (in 9 days)")
        #expect(status("2026-12-04").phase == .papersDue)
        #expect(status("2026-12-05").phase == .papersPassed)
        #expect(status("2026-12-05").summary == "papers went out Fri 4 Dec; meeting Tue 8 Dec (in 3 days)")
        #expect(status("2026-12-08").phase == .meetingToday)
        #expect(status("2026-12-09").phase == .meetingPast)
        #expect(status("2026-12-09").summary == "meeting was Tue 8 Dec (yesterday)")
        let noPapers = AgendaDeadlines(submissionLeadDays: 14, papers: .none)
        #expect(noPapers.status(for: meeting, today: day("2026-12-01")).phase == .submissionsClosed)
        #expect(noPapers.status(for: meeting, today: day("2026-12-01")).summary == "items closed Tue 24 Nov; meeting Tue 8 Dec (in 7 days)")
    }

    @Test func codable() throws {
        #expect(try roundTrip(pcpg))
        #expect(try roundTrip(AgendaDeadlines(submissionLeadDays: 7, papers: .daysBefore(3))))
    }
}
