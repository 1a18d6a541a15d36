import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// In the real binary: a member of two committees corrected after the fact (title, and the
/// organisation of one seat), then two guests listed in a meeting's attendance; the journal
/// and the screen show both.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct PeopleEndToEndTests {
    @Test func aMemberIsCorrectedAndTwoGuestsAreListed() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 120, rows: 40)
        let t = session.tmux
        try t.waitFor("Hertfordshire PBC Leads")
        let opened = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let before = opened.state
        let marksBefore = try opened.record(of: "hpbc-2008-04-22").attendance
        let herts = try #require(before.committee(matching: "Hertfordshire PBC Leads"))
        let seats = herts.memberships
        let index = try #require(seats.lastIndex { $0.personID == "mark-jones" })

        try t.keys("T")
        try t.waitFor("Hertfordshire PBC Leads · terms of reference")
        // The members come last: from the bottom, up to Mark Jones's seat.
        try t.keys("G")
        for _ in 0..<(seats.count - 1 - index) { try t.keys("k") }
        try t.keys("m")
        try t.waitFor("Member: Mark Jones")
        try t.keys("Enter")                       // name kept
        try t.waitFor("Initials as papers")
        try t.keys("Enter")
        try t.waitFor("Title (Dr")
        try t.keys("C-u")
        try t.type("Professor")
        try t.keys("Enter")
        try t.waitFor("Letters or post")
        try t.keys("Enter")
        try t.waitFor("· organisation")
        try t.type("watc")
        try t.waitFor("narrowed to 'watc'")
        try t.keys("Enter")
        try t.waitFor("Seated from")
        try t.type("2008-01-01")
        try t.keys("Enter")
        try t.waitFor("Seat ended on")
        // An end before the start is refused, the form kept open.
        try t.type("2007-12-31")
        try t.keys("Enter")
        try t.waitFor("the seat cannot end on 2007-12-31, before it starts on 2008-01-01")
        try t.keys("C-u", "Enter")
        try t.waitFor("corrected Mark Jones")
        try t.waitFor("Professor Mark Jones (MJ)")

        // The meeting of 22 April 2008: Mark Jones under this seat's organisation.
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.keys("Enter")
        try t.waitFor("1. Minutes of the last meeting and matters arising")
        try t.keys("2")
        try t.waitFor("Mark Jones, PM (WatCom)")

        func guest(_ name: String, post: String, organisation: String, role: String, item: String) throws {
            try t.keys("+")
            try t.waitFor("Name (not a member")
            try t.type(name)
            try t.keys("Enter")
            try t.waitFor("Post (e.g.")
            if !post.isEmpty { try t.type(post) }
            try t.keys("Enter")
            try t.waitFor("Organisation (optional)")
            if !organisation.isEmpty { try t.type(organisation) }
            try t.keys("Enter")
            try t.waitFor("· role")
            try t.type(role)
            try t.keys("Enter")
            try t.waitFor("For item number only")
            if !item.isEmpty { try t.type(item) }
            try t.keys("Enter")
        }
        // Bad input first: an empty name, and an item not on the agenda; nothing is recorded.
        try t.keys("+")
        try t.waitFor("Name (not a member")
        try t.keys("Enter")
        try t.waitFor("a guest needs a name")
        try t.keys("Escape")
        try guest("Jo Bloggs", post: "Head of Estates", organisation: "Acme Ltd", role: "pres", item: "99")
        try t.waitFor("there is no item 99 on the agenda")
        try t.keys("C-u")
        try t.type("2")
        try t.keys("Enter")
        try t.waitFor("listed Jo Bloggs in attendance (presenter)")
        try guest("Sam Ray", post: "", organisation: "", role: "minute", item: "")
        try t.waitFor("listed Sam Ray in attendance (minute taker)")
        try t.keys("z")
        try t.waitFor("Jo Bloggs, Head of Estates (Acme Ltd) — presenter (for item 2)")
        let screen = try t.waitFor("Sam Ray — minute taker")
        #expect(screen.contains("In attendance"))

        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        // The journal: the person updated, the seat corrected, two guests added.
        let dir = try session.archive()
        let archiveLines = try String(contentsOfFile: dir + "/journal/archive.jsonl", encoding: .utf8).split(separator: "\n")
        let updated = try #require(archiveLines.last { $0.contains("\"type\":\"person.updated\"") })
        #expect(updated.contains("\"title\":\"Professor\"") && updated.contains("\"id\":\"mark-jones\""))
        let corrected = try #require(archiveLines.last { $0.contains("\"type\":\"membership.corrected\"") })
        #expect(corrected.contains("\"organisationID\":\"watcom\"") && corrected.contains("\"personID\":\"mark-jones\""))
        let meetingFile = dir + "/journal/meetings/hpbc-2008-04-22.jsonl"
        let guestLines = try String(contentsOfFile: meetingFile, encoding: .utf8).split(separator: "\n")
            .filter { $0.contains("\"type\":\"attendance.guest-added\"") }
        #expect(guestLines.count == 2)
        #expect(guestLines.first?.contains("\"role\":\"presenter\"") == true)
        #expect(guestLines.last?.contains("\"role\":\"minute-taker\"") == true)

        let store = try ArchiveStore(directory: dir, mode: .readOnly)
        #expect(store.state.people["mark-jones"]?.formalName == "Professor Mark Jones")
        #expect(store.state.committees[herts.id]?.memberships[index].organisationID == "watcom")
        #expect(store.state.committees[herts.id]?.memberships[index].from == CalendarDate(iso: "2008-01-01"))
        #expect(store.state.committees[herts.id]?.memberships[index].until == nil)
        // His seat on West Herts PBC Leads keeps its organisation.
        let westHerts = try #require(store.state.committee(matching: "West Herts PBC Leads"))
        #expect(westHerts.memberships.last { $0.personID == "mark-jones" }?.organisationID == "daccom")
        let record = try store.record(of: "hpbc-2008-04-22")
        #expect(record.listedGuests.map(\.name) == ["Jo Bloggs", "Sam Ray"])
        // Guests are not attendance marks: the members' marks (and so quorum) are as they were.
        #expect(record.attendance == marksBefore)
    }
}
