import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// The meeting of 22 April 2008 (seed 001) minuted again from nothing, by sending keys to
/// the real binary in a real terminal: a new meeting, its agenda with sub-items, the roll
/// by organisation with apologies, the conflict of interest in item 5, every paragraph of
/// the notes, the three actions arising, and the close. Then the record is read back with
/// `clerk meetings` and `clerk actions` and compared with the seed.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct ReplayEndToEndTests {
    static let original = "hpbc-2008-04-22"
    static let replayed = "hpbc-2008-04-22-2"
    static let committee = DemoArchive.hertsPBCLeads

    /// The seed's meeting as the demo archive holds it: what the keys must reproduce.
    struct Seed {
        var archive = ArchiveState()
        var record = MeetingRecord(meetingID: ReplayEndToEndTests.original)

        init() throws {
            for event in try DemoArchive.events(today: CalendarDate(year: 2026, month: 11, day: 23)!) {
                switch event.scope {
                case .archive: archive.apply(event)
                case .meeting(let id) where id == ReplayEndToEndTests.original: record.apply(event)
                case .meeting: break
                }
            }
        }
    }

    func pause(_ ms: UInt32 = 120) { usleep(ms * 1000) }

    @Test func minuteTheMeetingOf22April2008FromStartToClose() throws {
        let seed = try Seed()
        let clerk = try Products.executable("clerk")
        let session = try DemoSession(clerk: clerk, cols: 160, rows: 48)
        let t = session.tmux
        try t.waitFor("committees and meetings")

        // Plan the meeting and open it.
        try t.keys("N")
        try t.waitFor("New meeting of Hertfordshire PBC Leads")
        try t.type("2008-04-22 13:00-14:30")
        try t.keys("Enter")
        pause()
        try t.keys(":")
        try t.type("open \(Self.replayed)")
        try t.keys("Enter")
        try t.waitFor("planned")

        // A new meeting starts from the standing items; the seed's agenda words its own, so
        // they are removed first (each with a second press).
        try t.keys("1")
        for _ in seed.archive.committees[Self.committee]?.terms.standingItems ?? [] {
            try t.keys("g", "X", "y")
            pause()
        }
        try t.waitFor("no agenda items yet")

        // The agenda: items 1–9, 1a–1c and 8a–8b.
        for item in seed.record.items {
            try t.keys("G", item.parentID == nil ? "A" : "+")
            try t.waitFor(item.parentID == nil ? "New item" : "New sub-item")
            try t.type(item.title)
            try t.keys("Enter")
            try t.wait(what: "the item '\(item.title)'") { !$0.contains("New item") && !$0.contains("New sub-item") }
        }
        try t.keys("S")
        try t.waitFor("in progress")

        // The roll, in the order the committee's membership lists people.
        try t.keys("2")
        let meeting = try #require(seed.archive.meetings[Self.original])
        let committee = try #require(seed.archive.committees[meeting.committeeID])
        var order: [PersonID] = []
        for m in committee.memberships(on: meeting.date) where m.role != .alternate && !order.contains(m.personID) {
            order.append(m.personID)
        }
        var present: [PersonID] = []
        for person in order {
            guard let attendance = seed.record.attendance(of: person) else { continue }
            let key: String
            switch attendance.presence {
            case .present: key = "p"
            case .apologies: key = "a"
            case .absent: key = "x"
            case .inAttendance: key = "i"
            case .deputy: key = "p"
            }
            if attendance.presence.isInRoom { present.append(person) }
            try t.keys("g", key)
        }
        try t.waitFor("Apologies")

        // The conflict of interest in item 5.
        let declaration = try #require(seed.record.declarations.first)
        let itemIndex = try #require(seed.record.items.firstIndex { $0.id == declaration.itemID })
        try t.keys("1", "g")
        for _ in 0..<itemIndex { try t.keys("j") }
        try t.keys("I")
        try t.waitFor("Declaration of interest on item 5")
        let who = try #require(present.firstIndex(of: declaration.personID))
        for _ in 0..<who { try t.keys("Down") }
        try t.type(declaration.interest)
        try t.keys("Enter")
        try t.wait(what: "the declaration form to close") { !$0.contains("Declaration of interest on item") }

        // Every paragraph, item by item, with its kind.
        try t.keys("3")
        for (index, item) in seed.record.items.enumerated() {
            let entries = seed.record.entries(for: item.id)
            guard !entries.isEmpty else { continue }
            for entry in entries {
                try t.keys("g")
                for _ in 0..<index { try t.keys("j") }
                try t.keys("a")
                try t.waitFor("typing (Esc ends)")
                try t.type(entry.text)
                switch entry.kind {
                case .decision: try t.keys("F2")
                case .noted: try t.keys("F3")
                default: break
                }
                pause()
                try t.keys("Escape")
                pause(200)
                try t.wait(what: "the paragraph to be saved") { !$0.contains("typing (Esc ends)") && $0.contains("saved") }
            }
        }

        // The three actions arising.
        let actions = seed.archive.actions.values.filter { $0.meetingID == Self.original }.sorted { $0.number < $1.number }
        #expect(actions.count == 3)
        for action in actions {
            let index = try #require(seed.record.items.firstIndex { $0.id == action.itemID })
            try t.keys("g")
            for _ in 0..<index { try t.keys("j") }
            try t.keys("a")
            try t.waitFor("typing (Esc ends)")
            try t.type(action.text)
            try t.keys("F4")
            try t.waitFor("Action owner")
            switch action.owner {
            case .organisation(let id): try t.type(seed.archive.organisations[id]!.name)
            case .person(let id): try t.type("Dr " + seed.archive.people[id]!.name.split(separator: " ").last!)
            case .post(let post): try t.type(post)
            }
            try t.keys("Enter")
            pause()
            try t.type(action.due.text)
            try t.keys("Enter")
            try t.wait(what: "the action to be raised") { !$0.contains("typing (Esc ends)") && $0.contains("saved") }
        }

        // Close the meeting.
        try t.keys("1", "C", "y")
        try t.waitFor("minutes draft")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        // Read the record back as a script would.
        let archive = try session.archive()
        let meetings = try Run(clerk, ["--data", archive, "meetings", "--committee", "hpbc", "--format", "json"])
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(meetings.stdout.utf8)) as? [[String: Any]])
        let row = try #require(rows.first { ($0["id"] as? String) == Self.replayed })
        #expect(row["status"] as? String == "minutes-draft")
        #expect(row["start"] as? String == "13:00" && row["end"] as? String == "14:30")
        let listed = try Run(clerk, ["--data", archive, "actions", "--committee", "hpbc", "--format", "json", "--today", "2026-11-23"])
        let actionRows = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [[String: Any]])
        let raised = actionRows.filter { ($0["meeting"] as? String) == Self.replayed }.sorted { ($0["number"] as! Int) < ($1["number"] as! Int) }
        #expect(raised.map { $0["text"] as? String } == actions.map(\.text))
        #expect(raised.map { $0["owner"] as? String } == ["LMC", "Dr Peter Graves", "LMC"])

        // And the whole record, item by item.
        let store = try ArchiveStore(directory: archive, mode: .readOnly)
        let record = try store.record(of: Self.replayed)
        #expect(record.items.map { record.number(of: $0.id) } == seed.record.items.map { seed.record.number(of: $0.id) })
        #expect(record.items.map(\.title) == seed.record.items.map(\.title))
        for a in seed.record.attendance {
            #expect(record.attendance(of: a.personID)?.presence == a.presence, "attendance of \(a.personID)")
        }
        #expect(record.declarations.map { [$0.personID, $0.interest] } == seed.record.declarations.map { [$0.personID, $0.interest] })
        for (mine, theirs) in zip(record.items, seed.record.items) {
            #expect(record.entries(for: mine.id).map { "\($0.kind):\($0.text)" } == seed.record.entries(for: theirs.id).map { "\($0.kind):\($0.text)" },
                    "minutes of item \(record.number(of: mine.id))")
        }
        #expect(record.anomalies.isEmpty)
        let check = try Run(clerk, ["--data", archive, "check"])
        #expect(check.status == 0, "\(check.stderr)")
    }
}
