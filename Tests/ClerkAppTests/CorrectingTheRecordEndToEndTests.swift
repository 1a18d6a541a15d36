import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Putting the live record right in the real binary: a wrong "arrived" taken back, someone
/// leaving part way at a typed time, an action raised and withdrawn, an earlier paragraph
/// edited, the meeting closed and the previous minutes approved, each after a y/n.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct CorrectingTheRecordEndToEndTests {
    static let pcpg = "pcpg-2027-01-12"
    static let april = "hpbc-2008-04-22"
    static let july = "hpbc-2008-07-15"

    func open(_ id: MeetingID, _ t: Tmux) throws {
        try t.keys(":")
        try t.type("open \(id)")
        try t.keys("Enter")
    }

    /// The time the form offers ("Left at: 10:42"), as the person would read it.
    func offered(_ label: String, _ screen: String) throws -> String {
        let line = try #require(screen.split(separator: "\n").first { $0.contains(label) })
        let after = line[line.range(of: label)!.upperBound...]
        return String(after.prefix(5))
    }

    @Test func correctingTheLiveRecord() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 120, rows: 40)
        let t = session.tmux
        try t.waitFor("committees and meetings")
        let seed = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let committee = try #require(seed.state.committees["pan-cluster-planning-group"])
        let organisation = try #require(committee.memberships.compactMap(\.organisationID).first.flatMap { seed.state.organisations[$0] })

        // Start the meeting; the roll call lists everyone not yet marked.
        try open(Self.pcpg, t)
        try t.waitFor("12 Jan 2027")
        try t.keys("1", "S")
        try t.waitFor("in progress")
        try t.keys("2", "g")
        try t.waitFor("Not yet marked")

        // "Arrived" pressed on the wrong person, taken back: they return to the roll call.
        try t.keys("r")
        try t.wait(what: "the arrival") { $0.contains("saved") }
        try t.keys("G", "u")
        try t.waitFor("mark is taken back: not yet marked")

        // The same person present, then leaving part way at the time typed.
        try t.keys("g", "p")
        try t.wait(what: "the mark") { $0.contains("saved") }
        try t.keys("G", "E")
        let form = try t.waitFor("Left at: ")
        let now = try offered("Left at: ", form)
        try t.keys("C-a", "C-k")
        try t.type("25:99")
        try t.keys("Enter")
        try t.waitFor("can't read '25:99' as a time")
        try t.keys("C-a", "C-k")
        try t.type(now)
        try t.keys("Enter")
        try t.waitFor("left at \(now), part")

        // An action raised on item 1, then withdrawn as raised by mistake.
        try t.keys("3", "g", "a")
        try t.waitFor("typing (Esc ends)")
        try t.type("to write to every practice by mistake")
        try t.keys("F4")
        try t.waitFor("Action owner")
        try t.type(organisation.name)
        try t.keys("Enter")
        try t.type("31 March 2027")
        try t.keys("Enter")
        try t.wait(what: "the action to be raised") { !$0.contains("typing (Esc ends)") && $0.contains("saved") }
        try t.keys("4", "g", "W")
        try t.waitFor("Reason: ")
        try t.keys("Enter")
        try t.waitFor("say why the action is withdrawn")
        try t.type("raised by mistake")
        try t.keys("Enter")
        try t.waitFor("(withdrawn) ")

        // Two paragraphs on item 1; the first one edited afterwards.
        try t.keys("3", "g", "a")
        try t.waitFor("typing (Esc ends)")
        try t.type("The first point was made.")
        try t.keys("F10")
        try t.wait(what: "the first paragraph ended") { !$0.contains("typing (Esc ends)") }
        try t.keys("a")
        try t.waitFor("typing (Esc ends)")
        try t.type("The second point was made.")
        try t.keys("F10")
        try t.wait(what: "the paragraph saved") { !$0.contains("typing (Esc ends)") && $0.contains("saved") }
        try t.keys("E")
        try t.waitFor("Edit which paragraph of item 1?")
        try t.type("1")
        try t.keys("Enter")
        try t.waitFor("editing paragraph 1 of 2")
        try t.keys("End")
        try t.type(" Amended.")
        try t.keys("F10")
        try t.waitFor("The first point was made. Amended.")

        // Closing asks once more: anything but y leaves it running.
        try t.keys("1", "C")
        try t.waitFor("the minutes become a draft. y/n")
        try t.keys("n")
        try t.waitFor("not closed")
        try t.keys("C")
        try t.waitFor("y/n")
        try t.keys("y")
        try t.waitFor("minutes draft")

        // Approving the previous minutes at a new meeting of another committee asks too.
        try open(Self.april, t)
        try t.waitFor("22 Apr 2008")
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.keys("N")
        try t.waitFor("New meeting of Hertfordshire PBC Leads")
        try t.type("2008-07-15 13:00-14:30")
        try t.keys("Enter")
        try t.waitFor("2008-07-15 Tue 13:00–14:30")
        try open(Self.july, t)
        try t.waitFor("3. Minutes of the last meeting")
        try t.keys("1", "g", "j", "j", "P")
        try t.waitFor("Approve the minutes of 22 Apr 2008")
        try t.keys("Enter")
        try t.waitFor("Approve the minutes of 22 Apr 2008? They cannot be edited afterwards. y/n")
        try t.keys("Enter")
        try t.waitFor("not approved")
        try t.keys("P")
        try t.waitFor("It was noted that")
        try t.keys("Enter")
        try t.waitFor("y/n")
        try t.keys("y")
        try t.waitFor("are approved and locked")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        // The journal as a script reads it.
        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let record = try store.record(of: Self.pcpg)
        let left = try #require(record.attendance.first { $0.departed != nil })
        #expect(left.departed?.text == now)
        #expect(record.attendance.count == 1)
        let history = try store.history(meeting: Self.pcpg).compactMap { $0.event?.kind }
        #expect(history.contains(.attendanceCleared))
        let withdrawn = try #require(store.state.actions.values.first { $0.meetingID == Self.pcpg })
        #expect(withdrawn.status == .withdrawn)
        #expect(withdrawn.history.last?.note == "raised by mistake")
        let paragraphs = record.entries(for: record.items[0].id).map(\.text)
        #expect(paragraphs == ["The first point was made. Amended.", "The second point was made."])
        #expect(store.state.meetings[Self.pcpg]?.status == .minutesDraft)
        #expect(store.state.meetings[Self.april]?.status == .minutesApproved)
    }
}
