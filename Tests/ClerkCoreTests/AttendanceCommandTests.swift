import Testing
@testable import ClerkCore

/// Marking attendance minutes the moment quorum is lost or regained — the rule is ClerkCore's,
/// so the roll call, arrivals, departures and deputies on any front end follow it.
@Suite struct AttendanceCommandTests {
    let m = PCPG.meetingID

    /// Four core organisations present, the meeting started.
    func running() throws -> World {
        var w = try PCPG.world()
        try PCPG.fourOrganisationsPresent(&w)
        try w.run(in: m) { m, ctx in try m.start(context: ctx) }
        return w
    }

    @Test func aDepartureThatLosesQuorumIsMinutedWithIt() throws {
        var w = try running()
        let events = try w.run(in: m) { m, _ in
            try m.markAttendance("megan-hughes", .present, arrived: time("10:00"), departed: time("11:10"), at: time("11:10"))
        }
        #expect(events.map(\.kind) == [.attendanceMarked, .quorumChanged])
        #expect(w.record(m).quorumChanges.last == QuorumChange(at: time("11:10"), isQuorate: false,
                                                                summary: "INQUORATE: 3 of 4 organisations",
                                                                itemID: w.record(m).currentItem))
    }

    @Test func aDeputyWhoRestoresQuorumIsMinutedWithIt() throws {
        var w = try running()
        try w.run(in: m) { m, _ in
            try m.markAttendance("megan-hughes", .present, arrived: time("10:00"), departed: time("11:10"), at: time("11:10"))
        }
        let events = try w.run(in: m) { m, _ in
            try m.markAttendance("tom-bevan", .deputy(for: "owen-davies", confirmedException: false), at: time("11:20"))
        }
        #expect(events.map(\.kind) == [.attendanceMarked, .quorumChanged])
        #expect(w.record(m).quorumChanges.last?.isQuorate == true)
        #expect(w.record(m).quorumChanges.last?.at == time("11:20"))
    }

    @Test func aMarkThatLeavesQuorumAsItWasAddsNothing() throws {
        var w = try running()
        let events = try w.run(in: m) { m, _ in try m.markAttendance("tom-bevan", .inAttendance, at: time("10:30")) }
        #expect(events.map(\.kind) == [.attendanceMarked])
    }

    @Test func beforeTheMeetingStartsNothingIsMinuted() throws {
        var w = try PCPG.world()
        try PCPG.fourOrganisationsPresent(&w)
        let events = try w.run(in: m) { m, _ in
            try m.markAttendance("megan-hughes", .present, arrived: time("10:00"), departed: time("11:10"), at: time("11:10"))
        }
        #expect(events.map(\.kind) == [.attendanceMarked])
    }
}
