import Testing
@testable import ClerkCore

/// Putting attendance right: times typed or corrected within the meeting, a mistaken mark
/// taken back, and the quorum's minuted changes kept true through it.
@Suite struct AttendanceCorrectionTests {
    let m = PCPG.meetingID

    /// Three of the four core organisations present (inquorate), started at 10:00; the
    /// clock at 11:00.
    func threeOfFour() throws -> World {
        var w = try PCPG.world()
        for p in ["alys-morgan", "sian-evans", "rhodri-jenkins"] {
            try w.run(in: m) { m, _ in try m.mark(p, .present, arrived: time("10:00")) }
        }
        w.clock = time("10:00")
        try w.run(in: m) { m, ctx in try m.start(context: ctx) }
        w.clock = time("11:00")
        return w
    }

    @Test func aLeavingTimeTypedIsRecordedAndMinutedAsPartMeeting() throws {
        var w = try threeOfFour()
        let events = try w.run(in: m) { m, _ in try m.recordTime("alys-morgan", .departed, typed: "10:50", now: time("11:00")) }
        #expect(events.map(\.kind) == [.attendanceMarked])
        let a = try #require(w.record(m).attendance(of: "alys-morgan"))
        #expect(a.departed == time("10:50"))
        #expect(a.arrived == time("10:00"))
        #expect(a.partMeeting(openedAt: time("10:00"), closedAt: nil) == "left at 10:50, part meeting")
        // Corrected: the same key with another time.
        try w.run(in: m) { m, _ in try m.recordTime("alys-morgan", .departed, typed: "10:45", now: time("11:00")) }
        #expect(w.record(m).attendance(of: "alys-morgan")?.departed == time("10:45"))
    }

    @Test func anArrivalTypedLateIsMinutedFromThatTime() throws {
        var w = try threeOfFour()
        try w.run(in: m) { m, _ in try m.recordTime("megan-hughes", .arrived, typed: "10.20", now: time("11:00")) }
        let a = try #require(w.record(m).attendance(of: "megan-hughes"))
        #expect(a.presence == .present)
        #expect(a.partMeeting(openedAt: time("10:00"), closedAt: nil) == "from 10:20")
        // Her arrival made the meeting quorate, minuted at the time typed.
        #expect(w.record(m).quorumChanges.last?.at == time("10:20"))
        #expect(w.record(m).quorumChanges.last?.isQuorate == true)
        // On time is not part meeting.
        #expect(Attendance(personID: "x", presence: .present, arrived: time("10:00")).partMeeting(openedAt: time("10:00"), closedAt: nil) == nil)
    }

    @Test(arguments: [
        ("9:50", "09:50 is before the meeting opened at 10:00; type a time from 10:00"),
        ("11:30", "11:30 is after the time now (11:00); type a time up to 11:00"),
        ("half ten", "can't read 'half ten' as a time; write it like 13:00, 1.00, 1pm or 2.30 pm"),
        ("", "can't read '' as a time; write it like 13:00, 1.00, 1pm or 2.30 pm"),
        ("25:00", "can't read '25:00' as a time; write it like 13:00, 1.00, 1pm or 2.30 pm"),
    ])
    func aTimeOutsideTheMeetingOrUnreadableIsRefused(_ typed: String, _ message: String) throws {
        var w = try threeOfFour()
        let before = w.record(m)
        #expect {
            try w.run(in: m) { m, _ in try m.recordTime("megan-hughes", .arrived, typed: typed, now: time("11:00")) }
        } throws: { ($0 as? CommandError)?.message == message }
        #expect(w.record(m) == before)
    }

    @Test func leavingBeforeArrivingOrWithoutBeingHereIsRefused() throws {
        var w = try threeOfFour()
        try w.run(in: m) { m, _ in try m.recordTime("megan-hughes", .arrived, typed: "10:30", now: time("11:00")) }
        #expect {
            try w.run(in: m) { m, _ in try m.recordTime("megan-hughes", .departed, typed: "10:20", now: time("11:00")) }
        } throws: { ($0 as? CommandError)?.message.contains("leaves (10:20) before arriving (10:30)") == true }
        #expect {
            try w.run(in: m) { m, _ in try m.recordTime("owen-davies", .departed, typed: "10:20", now: time("11:00")) }
        } throws: { ($0 as? CommandError)?.message.contains("is not marked as here, so cannot leave") == true }
    }

    @Test func aWrongArrivalTakenBackTakesItsQuorumLineWithIt() throws {
        var w = try threeOfFour()
        // Megan marked arrived by mistake at 10:40: the meeting "became quorate".
        try w.run(in: m) { m, _ in try m.markAttendance("megan-hughes", .present, arrived: time("10:40"), at: time("10:40")) }
        #expect(w.record(m).quorumChanges.map(\.isQuorate) == [true])
        let events = try w.run(in: m) { m, _ in try m.clearAttendance("megan-hughes", at: time("10:41")) }
        #expect(events.map(\.kind) == [.attendanceCleared])
        #expect(w.record(m).attendance(of: "megan-hughes") == nil)
        // No "became quorate" left behind, and no second line answering it.
        #expect(w.record(m).quorumChanges.isEmpty)
        #expect(try !w.meeting(m).quorum().isQuorate)
        // Marked properly later, it is minuted once, then.
        try w.run(in: m) { m, _ in try m.markAttendance("megan-hughes", .present, arrived: time("10:55"), at: time("10:55")) }
        #expect(w.record(m).quorumChanges.map(\.at) == [time("10:55")])
    }

    @Test func clearingAMarkThatChangedNothingAddsNoQuorumLine() throws {
        var w = try threeOfFour()
        try w.run(in: m) { m, _ in try m.mark("owen-davies", .apologies) }
        let events = try w.run(in: m) { m, _ in try m.clearAttendance("owen-davies", at: time("10:45")) }
        #expect(events.map(\.kind) == [.attendanceCleared])
        #expect(w.record(m).quorumChanges.isEmpty)
        // Nothing to clear: refused, nothing recorded.
        let before = w.record(m)
        #expect {
            try w.run(in: m) { m, _ in try m.clearAttendance("owen-davies", at: time("10:45")) }
        } throws: { ($0 as? CommandError)?.message == "Owen Davies is not marked yet, so there is nothing to clear" }
        #expect(w.record(m) == before)
    }

    @Test func clearingAnEarlierMarkThatLosesQuorumIsMinutedAsALoss() throws {
        var w = try threeOfFour()
        try w.run(in: m) { m, _ in try m.markAttendance("megan-hughes", .present, arrived: time("10:00"), at: time("10:05")) }
        #expect(w.record(m).quorumChanges.map(\.isQuorate) == [true])
        // The mark was not what minuted the change (times differ): clearing minutes a loss.
        let events = try w.run(in: m) { m, _ in try m.clearAttendance("megan-hughes", at: time("10:50")) }
        #expect(events.map(\.kind) == [.attendanceCleared, .quorumChanged])
        #expect(w.record(m).quorumChanges.map(\.isQuorate) == [true, false])
    }
}
