import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Seed 004's Pan Cluster Planning Group set up from nothing in the real binary: its terms,
/// organisations, chair, members and an alternate, then its meetings planned from the cadence.
/// The demo already holds a "Pan Cluster Planning Group", so this one is "… 2".
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct CommitteeSetupEndToEndTests {
    @Test func seed004IsSetUpFromScratch() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 100, rows: 30)
        let t = session.tmux
        try t.waitFor("Hertfordshire PBC Leads")

        try t.keys("C")
        try t.waitFor("New committee")
        try t.type("Pan Cluster Planning Group 2")
        try t.keys("Enter")
        try t.waitFor("pcpg2")
        try t.keys("Enter")
        try t.waitFor("Pan Cluster Planning Group 2 · terms of reference")

        /// Sets the field at `entry` (0 is the name) to `text`, and waits for `shown`.
        func field(_ entry: Int, _ text: String, shows shown: String) throws {
            try t.keys("g")
            for _ in 0..<entry { try t.keys("j") }
            try t.keys("Enter", "C-u")
            try t.type(text)
            try t.keys("Enter")
            try t.waitFor(shown)
        }
        try field(1, "The PCPG is established as a sub-group of the Health Board. ¶ It aligns the Regional Partnership Board and Cluster arrangements.",
                  shows: "The PCPG is established as a sub-group")
        try field(2, "The sub group of the Health Board; minutes shared with the Regional Partnership Board", shows: "minutes shared with")
        try field(3, "One member per core organisation; each member nominates an alternate", shows: "nominates an alternate")
        try field(4, "Health Board planning office", shows: "planning office")
        try field(6, "every two months on the 2nd Tuesday", shows: "every 2 months on the 2nd Tuesday")
        // A bad quorum keeps the form open with the reason; then a good one.
        try t.keys("g", "j", "j", "j", "j", "j", "j", "j", "Enter")
        try t.waitFor("Quorum (e.g.")
        try t.keys("C-u")
        try t.type("a majority")
        try t.keys("Enter")
        try t.waitFor("a majority isn't a supported")
        try t.keys("C-u")
        try t.type("members from 4 core organisations")
        try t.keys("Enter")
        try t.waitFor("members from 4 organisations")
        try t.keys("g", "j", "j", "j", "j", "j", "j", "j", "j", "Enter")
        try t.waitFor("excludes the member from quorum")
        try field(9, "each core organisation holds one equal vote; if tied the chair has the deciding vote",
                  shows: "one vote per core organisation, chair's casting vote")
        try field(11, "items two weeks before; papers the Friday before", shows: "items 2 weeks before; papers the Friday before")
        try field(12, "2027-11-01", shows: "2027-11-01")
        // The house style: an unknown one is refused in the form, then a preset with the
        // reason the public is excluded from part 2 items.
        try t.keys("g")
        for _ in 0..<14 { try t.keys("j") }
        try t.keys("Enter")
        try t.waitFor("House style (nhs-board")
        try t.keys("C-u")
        try t.type("parish")
        try t.keys("Enter")
        try t.waitFor("no house style 'parish'")
        try t.keys("C-u")
        try t.type("local-government: the business involves exempt information")
        try t.keys("Enter")
        try t.waitFor("local-government committee — part 2")

        let organisations = ["Community Health Council", "Health Board", "Local Authority", "Public Health Wales", "Third Sector"]
        for name in organisations {
            try t.keys("O")
            try t.waitFor("New organisation")
            try t.type(name)
            try t.keys("Enter")
            try t.waitFor("added \(name)")
        }
        // The organisations follow the 17 fields and the 6 standing items; each marked core
        // moves to the front, in turn.
        try t.keys("g")
        for _ in 0..<23 { try t.keys("j") }
        for n in 1...organisations.count {
            try t.keys("c")
            try t.waitFor("\(n) core")
            try t.keys("j")
        }

        /// Seats a new person: the organisation is typed until it is the only one left (the
        /// demo has its own Health Board…, so this committee's are told apart by its name),
        /// `role` moves from Member.
        func member(_ name: String, post: String, organisation: String, role: [String], from: String = "2026-12-01",
                    alternateFor: String? = nil) throws {
            try t.keys("A")
            try t.waitFor("Name (e.g.")
            try t.type(name)
            try t.keys("Enter")
            try t.waitFor("Initials as papers")
            try t.keys("Enter")
            try t.waitFor("Title (Dr")
            try t.keys("Enter")
            try t.waitFor("Letters or post")
            try t.type(post)
            try t.keys("Enter")
            try t.waitFor("· organisation")
            try t.type(organisation + " (Pan Cluster Planning Group 2)")
            try t.waitFor("narrowed to")
            try t.keys("Enter")
            try t.waitFor("· role")
            for key in role { try t.keys(key) }
            try t.keys("Enter")
            try t.waitFor("Seated from")
            try t.keys("C-u")
            try t.type(from)
            try t.keys("Enter")
            if let alternateFor {
                try t.waitFor("Alternate for (the member")
                try t.type(alternateFor)
                try t.keys("Enter")
            }
            try t.waitFor("seated \(name)")
        }
        try member("Rhian Bowen", post: "County Director", organisation: "Health Board", role: ["Up", "Up"])
        try member("Gethin Lloyd", post: "Director of Social Services", organisation: "Local Authority", role: ["Up"])
        try member("Mair Pugh", post: "Director of Public Health", organisation: "Public Health Wales", role: [])
        try member("Idris Vaughan", post: "Chief Officer CVC", organisation: "Third Sector", role: [])
        try member("Non Griffiths", post: "CHC Representative", organisation: "Community Health Council", role: [])
        try member("Sioned Watkins", post: "Head of Adult Care", organisation: "Local Authority", role: ["Down"], alternateFor: "gl")
        try member("Huw Jenkins", post: "Head of Primary Care", organisation: "Health Board", role: ["Down", "Down"])
        try t.waitFor("5 voting · 5 core")

        // Back on the home screen, the committee is selected: plan its next twelve meetings.
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.keys("P")
        try t.waitFor("planned 12 meetings of Pan Cluster Planning Group 2")
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        let archive = store.state
        let c = try #require(archive.committees["pan-cluster-planning-group-2"])
        #expect(c.name == "Pan Cluster Planning Group 2")
        #expect(c.code == "pcpg2")
        #expect(c.terms.purpose == "The PCPG is established as a sub-group of the Health Board.\nIt aligns the Regional Partnership Board and Cluster arrangements.")
        #expect(c.terms.secretariat == "Health Board planning office")
        #expect(c.terms.cadence == Cadence(everyMonths: 2, day: .nthWeekday(ordinal: 2, weekday: .tuesday)))
        #expect(c.terms.quorum == .organisations(4))
        #expect(c.terms.declaredExcludedFromQuorum)
        #expect(c.terms.voting == .onePerCoreOrganisation(chairCastingVote: true))
        #expect(c.terms.deadlines == AgendaDeadlines(submissionLeadDays: 14, papers: .fridayBefore))
        #expect(c.terms.reviewDate == CalendarDate(iso: "2027-11-01"))
        var localGovernment = HouseStyle.Preset.localGovernment.style
        localGovernment.exclusionReason = "the business involves exempt information"
        #expect(c.terms.style == localGovernment)
        #expect(c.coreOrganisations.compactMap { archive.organisations[$0]?.name } == organisations)

        let on = try #require(CalendarDate(iso: "2026-12-08"))
        func seat(_ name: String) -> Membership? {
            guard let id = archive.people.values.first(where: { $0.name == name })?.id else { return nil }
            return c.membership(of: id, on: on)
        }
        func orgName(_ m: Membership?) -> String? {
            // This committee's organisation, not the demo's of the same name.
            m?.organisationID.flatMap { archive.organisations[$0] }.flatMap { $0.group == c.name ? $0.name : nil }
        }
        #expect(seat("Rhian Bowen")?.role == .chair)
        #expect(orgName(seat("Rhian Bowen")) == "Health Board")
        #expect(seat("Gethin Lloyd")?.role == .viceChair)
        #expect(orgName(seat("Gethin Lloyd")) == "Local Authority")
        #expect(seat("Mair Pugh")?.role == .member)
        #expect(orgName(seat("Non Griffiths")) == "Community Health Council")
        #expect(seat("Huw Jenkins")?.role == .inAttendance)
        let alternate = try #require(seat("Sioned Watkins"))
        #expect(alternate.role == .alternate)
        #expect(archive.people[alternate.alternateFor ?? ""]?.name == "Gethin Lloyd")
        #expect(c.memberships.allSatisfy { $0.from == CalendarDate(iso: "2026-12-01") })
        #expect(c.membership(of: alternate.personID, on: CalendarDate(iso: "2026-11-30")!) == nil)

        let dates = archive.meetings(of: c.id).map(\.date.iso)
        #expect(dates.count == 12)
        // The grid starts in this month (November); its 2nd Tuesday has passed, so January.
        #expect(dates.prefix(4) == ["2027-01-12", "2027-03-09", "2027-05-11", "2027-07-13"])
        #expect(archive.meetings(of: c.id).allSatisfy { $0.date.weekday == .tuesday && (8...14).contains($0.date.day) })
    }
}
