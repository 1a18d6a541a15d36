import Testing
@testable import ClerkCore

/// The minutes lifecycle's refusals: draft → circulated → approved at a later meeting →
/// locked, and nothing out of turn.
@Suite struct MinutesLifecycleCommandTests {
    /// 22 April 2008 held and closed (minutes draft), with a paragraph on provider services,
    /// and the meeting of 15 July 2008 planned.
    func held() throws -> (World, april: MeetingID, july: MeetingID, provider: ItemID, entry: EntryID) {
        var (w, m, _, provider) = try Herts.april2008()
        try w.run(in: m) { m, c in try m.start(context: c) }
        let added = try w.run(in: m) { m, c in
            try m.addEntry(to: provider, kind: .noted, text: "adult services were more responsive", context: c)
        }
        guard case .entryAdded(let e)? = added.first else { throw CommandError(.invalid, "no entry") }
        try w.run(in: m) { m, c in try m.close(context: c) }
        let july = try w.schedule(Herts.id, "2008-07-15", start: "13:00", end: "14:30")
        w.today = day("2008-07-15")
        return (w, m, july, provider, e.entry.id)
    }

    @Test func approvedAtTheFollowingMeetingAndRecordedSo() throws {
        var (w, april, july, _, _) = try held()
        try w.run(in: april) { m, c in try m.circulate(context: c) }
        try w.run(in: april) { m, c in try m.approve(atMeeting: july, context: c) }
        let meeting = try #require(w.archive.meetings[april])
        #expect(meeting.status == .minutesApproved)
        #expect(meeting.approvedOn == day("2008-07-15"))
    }

    @Test func draftMinutesMayBeApprovedWithoutBeingCirculated() throws {
        var (w, april, july, _, _) = try held()
        try w.run(in: april) { m, c in try m.approve(atMeeting: july, context: c) }
        #expect(w.archive.meetings[april]?.status == .minutesApproved)
    }

    @Test func approvingTwiceOrCirculatingApprovedMinutesIsRefused() throws {
        var (w, april, july, _, _) = try held()
        try w.run(in: april) { m, c in try m.circulate(context: c) }
        expectRefused(.wrongState, mentioning: "minutes circulated", "only draft minutes") { try w.meeting(april).circulate(context: w.context) }
        try w.run(in: april) { m, c in try m.approve(atMeeting: july, context: c) }
        expectRefused(.wrongState, mentioning: "approved", "only draft or circulated") {
            try w.meeting(april).approve(atMeeting: july, context: w.context)
        }
        expectRefused(.wrongState, mentioning: "approved", "only draft minutes") { try w.meeting(april).circulate(context: w.context) }
    }

    @Test func aPlannedMeetingHasNoMinutesToApprove() throws {
        let (w, april, july, _, _) = try held()
        expectRefused(.wrongState, mentioning: "planned", "only draft or circulated") {
            try w.meeting(july).approve(atMeeting: nil, context: w.context)
        }
        #expect(w.archive.meetings[april]?.status == .minutesDraft)
    }

    @Test func approvalIsAtALaterMeetingOfTheSameCommittee() throws {
        var (w, april, _, _, _) = try held()
        // Itself, an earlier meeting, another committee's, one stood down, one that does not exist.
        expectRefused(.invalid, mentioning: "at a later meeting") { try w.meeting(april).approve(atMeeting: april, context: w.context) }
        let march = try w.schedule(Herts.id, "2008-03-20")
        expectRefused(.invalid, mentioning: "at a later meeting") { try w.meeting(april).approve(atMeeting: march, context: w.context) }
        let brent = try w.schedule(Herts.brent, "2008-08-06")
        expectRefused(.invalid, mentioning: "another committee") { try w.meeting(april).approve(atMeeting: brent, context: w.context) }
        let september = try w.schedule(Herts.id, "2008-09-18")
        try w.run { a, _ in try a.cancelMeeting(september, reason: "no business") }
        expectRefused(.wrongState, mentioning: "stood down") { try w.meeting(april).approve(atMeeting: september, context: w.context) }
        expectRefused(.notFound, mentioning: "hpbc-2099-01-01") {
            try w.meeting(april).approve(atMeeting: "hpbc-2099-01-01", context: w.context)
        }
        #expect(w.archive.meetings[april]?.status == .minutesDraft)
    }

    @Test func lockedMinutesAreNeverRewrittenAndCorrectionsStandApart() throws {
        var (w, april, july, provider, entry) = try held()
        expectRefused(.wrongState, mentioning: "not locked", "edit them directly") {
            try w.meeting(april).correct(item: provider, text: "For 'adult' read 'adult community'", context: w.context)
        }
        try w.run(in: april) { m, c in try m.approve(atMeeting: july, context: c) }
        let before = w.record(april).entries
        expectRefused(.notAllowed, mentioning: "locked", "dated correction") {
            try w.meeting(april).editEntry(entry, newText: "adult services were less responsive")
        }
        expectRefused(.notAllowed, mentioning: "locked") {
            try w.meeting(april).addEntry(to: provider, kind: .note, text: "more", context: w.context)
        }
        expectRefused(.invalid, mentioning: "needs text") { try w.meeting(april).correct(item: provider, text: "  ", context: w.context) }
        expectRefused(.notFound, mentioning: "agenda item") { try w.meeting(april).correct(item: "i-999", text: "x", context: w.context) }
        #expect(w.record(april).entries == before)
        w.today = day("2008-09-18")
        try w.run(in: april) { m, c in try m.correct(item: provider, text: "For 'adult' read 'adult community'", context: c) }
        let after = w.record(april).entries
        #expect(Array(after.dropLast()) == before)
        #expect(after.last?.kind == .correction && after.last?.correctedOn == day("2008-09-18"))
    }
}
