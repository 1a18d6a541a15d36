import Testing
@testable import ClerkCore

/// Three committees meeting in common: the same people present for two or three of them,
/// one absent member with a different deputy on each committee, each committee's quorum
/// under its own rule, decisions labelled with the committees that took them.
@Suite struct InCommonTests {
    static let audit: CommitteeID = "audit", finance: CommitteeID = "finance", people: CommitteeID = "people"

    /// Audit (quorum 2), Finance (3) and People (3). Raj Patel sits on Finance and People and
    /// sends apologies; Sam Cole is his alternate on Finance, Kim Ford on People.
    static func world() throws -> (World, MeetingID) {
        var w = World(today: day("2027-03-01"))
        for (id, name) in [("jane-roe", "Jane Roe"), ("tom-hill", "Tom Hill"), ("ann-lee", "Ann Lee"), ("raj-patel", "Raj Patel"),
                           ("sam-cole", "Sam Cole"), ("kim-ford", "Kim Ford"), ("bea-moss", "Bea Moss")] {
            try w.person(id, name, org: nil)
        }
        for (id, name, code, quorum) in [(audit, "Audit Committee", "aud", 2), (finance, "Finance Committee", "fin", 3),
                                         (people, "People Committee", "ppl", 3)] {
            try w.run { a, _ in
                try a.createCommittee(Committee(id: id, name: name, code: code, terms: TermsOfReference(quorum: .members(quorum))))
            }
        }
        try w.seat("jane-roe", on: audit, .chair, org: nil)
        try w.seat("tom-hill", on: audit, .member, org: nil)
        try w.seat("ann-lee", on: audit, .member, org: nil)
        try w.seat("raj-patel", on: finance, .chair, org: nil)
        try w.seat("jane-roe", on: finance, .member, org: nil)
        try w.seat("tom-hill", on: finance, .member, org: nil)
        try w.seat("sam-cole", on: finance, .alternate, org: nil, alternateFor: "raj-patel")
        try w.seat("ann-lee", on: people, .chair, org: nil)
        try w.seat("tom-hill", on: people, .member, org: nil)
        try w.seat("raj-patel", on: people, .member, org: nil)
        try w.seat("bea-moss", on: people, .member, org: nil)
        try w.seat("kim-ford", on: people, .alternate, org: nil, alternateFor: "raj-patel")
        let m = try w.schedule(audit, "2027-03-10")
        try w.run { a, _ in try a.holdInCommon(m, with: [finance, people], chair: "jane-roe") }
        return (w, m)
    }

    @Test func theMeetingServesEveryCommitteeUnderTheConveningChair() throws {
        let (w, m) = try Self.world()
        let meeting = try w.archive.meeting(m)
        #expect(meeting.committees == [Self.audit, Self.finance, Self.people])
        #expect(meeting.convenor == "jane-roe" && meeting.isInCommon)
        #expect(w.archive.anomalies.isEmpty)
    }

    @Test func aPersonPresentCountsForEachCommitteeTheySitOnAndEachDeputyForOne() throws {
        var (w, m) = try Self.world()
        for p in ["jane-roe", "tom-hill", "ann-lee"] { try w.run(in: m) { c, _ in try c.mark(p, .present) } }
        try w.run(in: m) { c, _ in try c.mark("raj-patel", .apologies) }
        try w.run(in: m) { c, _ in try c.mark("bea-moss", .apologies) }
        // Before the deputies: Audit has its three, Finance and People two of three each.
        var quorums = try w.meeting(m).quorums().map { "\($0.committee.code) \($0.status.summary)" }
        #expect(quorums == ["aud quorate: 3 of 2 members", "fin INQUORATE: 2 of 3 members", "ppl INQUORATE: 2 of 3 members"])
        // The same absent member, a different deputy on each committee.
        try w.run(in: m) { c, _ in try c.mark("sam-cole", .deputy(for: "raj-patel", confirmedException: false), for: Self.finance) }
        try w.run(in: m) { c, _ in try c.mark("kim-ford", .deputy(for: "raj-patel", confirmedException: false), for: Self.people) }
        quorums = try w.meeting(m).quorums().map { "\($0.committee.code) \($0.status.summary)" }
        #expect(quorums == ["aud quorate: 3 of 2 members", "fin quorate: 3 of 3 members", "ppl quorate: 3 of 3 members"])
        #expect(w.record(m).attendance(of: "kim-ford")?.committeeID == Self.people)
        // A second deputy for him on Finance is refused.
        expectRefused(.duplicate, mentioning: "Sam Cole", "already deputises") {
            try w.meeting(m).mark("kim-ford", .deputy(for: "raj-patel", confirmedException: false), for: Self.finance)
        }
        expectRefused(.invalid, mentioning: "only a deputy") { try w.meeting(m).mark("tom-hill", .present, for: Self.people) }
        #expect(w.record(m).anomalies.isEmpty)
    }

    @Test func eachCommitteesQuorumChangeIsMinutedApart() throws {
        var (w, m) = try Self.world()
        for p in ["jane-roe", "tom-hill", "ann-lee"] { try w.run(in: m) { c, _ in try c.mark(p, .present) } }
        try w.run(in: m) { c, _ in try c.mark("sam-cole", .deputy(for: "raj-patel", confirmedException: false), for: Self.finance) }
        try w.run(in: m) { c, _ in try c.mark("kim-ford", .deputy(for: "raj-patel", confirmedException: false), for: Self.people) }
        try w.run(in: m) { c, ctx in try c.start(context: ctx) }
        // Kim Ford leaves: People loses its quorum, Finance and Audit keep theirs.
        try w.run(in: m) { c, _ in
            try c.markAttendance("kim-ford", .deputy(for: "raj-patel", confirmedException: false), departed: time("15:00"),
                                 at: time("15:00"))
        }
        let changes = w.record(m).quorumChanges
        #expect(changes.map(\.committeeID) == [Self.people])
        #expect(changes.first?.isQuorate == false)
        // Tom Hill leaves: all three committees are affected, each minuted apart.
        try w.run(in: m) { c, _ in try c.markAttendance("tom-hill", .present, departed: time("15:10"), at: time("15:10")) }
        #expect(w.record(m).quorumChanges.dropFirst().map(\.committeeID) == [Self.finance])
        #expect(try w.meeting(m).quorums().map(\.status.isQuorate) == [true, false, false])
    }

    @Test func badCommitteesAreRefusedInOneLineAndNothingIsRecorded() throws {
        var (w, m) = try Self.world()
        let before = w.archive
        expectRefused(.notFound, mentioning: "no committee 'estates'") { try w.archive.holdInCommon(m, with: ["estates"]) }
        expectRefused(.duplicate, mentioning: "Finance Committee", "already") {
            try w.archive.holdInCommon(m, with: [Self.finance, Self.finance])
        }
        expectRefused(.duplicate, mentioning: "Audit Committee", "already") { try w.archive.holdInCommon(m, with: [Self.audit]) }
        expectRefused(.duplicate, mentioning: "Finance Committee", "already") { try w.archive.addCommitteeInCommon(m, Self.finance) }
        expectRefused(.invalid, mentioning: "Sam Cole", "sits on none") {
            try w.archive.holdInCommon(m, with: [Self.people], chair: "sam-cole")
        }
        #expect(w.archive == before)
        // A decision labelled with a committee not in the meeting, or the same one twice.
        let item = try w.addItem(m, "Annual accounts")
        try w.run(in: m) { c, ctx in try c.addEntry(to: item, kind: .decision, text: "the accounts be approved", context: ctx) }
        let entry = try #require(w.record(m).entries.first).id
        let record = w.record(m)
        try w.run { a, _ in
            try a.createCommittee(Committee(id: "estates", name: "Estates Committee", code: "est", terms: TermsOfReference()))
        }
        expectRefused(.invalid, mentioning: "Estates Committee", "not one of the committees") {
            try w.meeting(m).labelEntry(entry, committees: ["estates"])
        }
        expectRefused(.duplicate, mentioning: "named twice") { try w.meeting(m).labelEntry(entry, committees: [Self.audit, Self.audit]) }
        expectRefused(.invalid, mentioning: "not one of the committees") {
            try w.meeting(m).addEntry(to: item, kind: .decision, text: "x", committees: ["estates"], context: w.context)
        }
        #expect(w.record(m) == record)
        // Labelled with two of the three, then shared again; all three is the same as shared.
        try w.run(in: m) { c, _ in try c.labelEntry(entry, committees: [Self.audit, Self.finance]) }
        #expect(w.record(m).entries.first?.committees == [Self.audit, Self.finance])
        #expect(w.record(m).entries.first?.isFor(Self.people) == false)
        try w.run(in: m) { c, _ in try c.labelEntry(entry, committees: [Self.audit, Self.finance, Self.people]) }
        #expect(w.record(m).entries.first?.committees == nil)
    }

    @Test func aMeetingThatTookPlaceTakesNoMoreCommittees() throws {
        var (w, m) = try Self.world()
        try w.run(in: m) { c, ctx in try c.start(context: ctx) }
        try w.run { a, _ in
            try a.createCommittee(Committee(id: "estates", name: "Estates Committee", code: "est", terms: TermsOfReference()))
        }
        expectRefused(.wrongState, mentioning: "in progress", "before it takes place") { try w.archive.addCommitteeInCommon(m, "estates") }
    }
}
