import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// A governing body of one's own, from nothing, in the real binary in a real terminal:
/// `clerk init`, a committee, three organisations and 25 members (two of whose initials
/// collide ignoring case, refused until told apart, the case as typed kept), then one
/// member's title and organisation corrected after the fact.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct OwnCommitteeEndToEndTests {
    static let organisations = ["Swansea Bay University Health Board", "City and County of Swansea",
                                "Swansea Council for Voluntary Service"]

    /// Name, initials, title, post, organisation (a prefix that picks it), role keys.
    static let members: [(String, String, String, String, String, [String])] = [
        ("Emma Woollett", "EW", "", "Chair", "Swansea Bay", ["Up", "Up"]),
        ("Mark Hackett", "MH", "", "Chief Executive", "Swansea Bay", ["Up"]),
        ("Rhian Cole-Parry", "RCp", "Dr", "Medical Director", "Swansea Bay", []),
        ("Gareth Howells", "GH", "", "Director of Nursing", "Swansea Bay", []),
        ("Darren Griffiths", "DG", "", "Director of Finance", "Swansea Bay", []),
        ("Keith Reid", "KR", "Professor", "Director of Public Health", "Swansea Bay", []),
        ("Siân Harrop-Griffiths", "SHG", "", "Director of Strategy", "Swansea Bay", []),
        ("Hazel Lloyd", "HL", "", "Director of Corporate Governance", "Swansea Bay", []),
        ("Jackie Davies", "JD", "", "Independent Member", "Swansea Bay", []),
        ("Martyn Waygood", "MW", "", "Independent Member", "Swansea Bay", []),
        ("Tom Crick", "TC", "Professor", "Independent Member", "Swansea Bay", []),
        ("Nuria Zolle", "NZ", "", "Independent Member", "Swansea Bay", []),
        ("Steve Spill", "SS", "", "Vice-chair", "Swansea Bay", []),
        ("Patricia Price", "PP", "", "Independent Member", "Swansea Bay", []),
        ("Reena Owen", "RO", "", "Independent Member", "Swansea Bay", []),
        ("Mark Child", "MC", "Cllr", "Cabinet Member for Care", "City and County", []),
        ("Andrea Lewis", "AL", "Cllr", "Cabinet Member for Homes", "City and County", []),
        ("Martin Nicholls", "MN", "", "Chief Executive", "City and County", []),
        ("David Howes", "DH", "", "Director of Social Services", "City and County", []),
        ("Amanda Carr", "AC", "", "Head of Adult Services", "City and County", []),
        ("Amanda Carr-Jones", "ACJ", "", "Head of Child and Family Services", "City and County", []),
        ("Amanda Taylor", "AT", "", "Chief Officer", "Swansea Council", []),
        ("Ian Phillips", "IP", "", "Deputy Chief Officer", "Swansea Council", []),
        ("Ruth Jones", "RJ", "Dr", "Third Sector Representative", "Swansea Council", []),
        ("Rob Carr-Price", "RCa", "", "Carers' Representative", "Swansea Council", []),
    ]

    @Test func aGoverningBodyOf25SetUpFromAnEmptyArchive() throws {
        let clerk = try Products.executable("clerk")
        let dir = try TempDir("clerk-own-committee")
        defer { dir.remove() }
        let archive = dir.path + "/gb"
        #expect(try Run(clerk, ["init", archive]).status == 0)
        let t = try Tmux(cols: 100, rows: 30, command: "\(clerk) --data \(archive) --today 2026-11-23",
                         environment: ["TERM": "screen-256color", "LANG": "C.UTF-8", "XDG_CONFIG_HOME": dir.path + "/config"])
        defer { t.kill() }
        try t.waitFor("No committees yet: press C to create one.")
        try t.keys("C")
        try t.waitFor("New committee")
        try t.type("Governing Body")
        try t.keys("Enter")
        try t.waitFor("gb")
        try t.keys("Enter")
        try t.waitFor("Governing Body · terms of reference")

        for name in Self.organisations {
            try t.keys("O")
            try t.waitFor("New organisation")
            try t.type(name)
            try t.keys("Enter")
            try t.waitFor("added \(name)")
        }

        func member(_ m: (String, String, String, String, String, [String]), initialsRefusedFirst: String? = nil) throws {
            let (name, initials, title, post, organisation, role) = m
            try t.keys("A")
            try t.waitFor("Name (e.g.")
            try t.type(name)
            try t.keys("Enter")
            try t.waitFor("Initials as papers")
            if let refused = initialsRefusedFirst {
                try t.keys("C-u")
                try t.type(refused)
                try t.keys("Enter")
                try t.waitFor("initials \(refused) are already used on Governing Body by Rhian Cole-Parry")
            }
            try t.keys("C-u")
            try t.type(initials)
            try t.keys("Enter")
            try t.waitFor("Title (Dr")
            if !title.isEmpty { try t.type(title) }
            try t.keys("Enter")
            try t.waitFor("Letters or post")
            try t.type(post)
            try t.keys("Enter")
            try t.waitFor("· organisation")
            try t.type(organisation)
            try t.waitFor("narrowed to")
            try t.keys("Enter")
            try t.waitFor("· role")
            for key in role { try t.keys(key) }
            try t.keys("Enter")
            try t.waitFor("Seated from")
            try t.keys("Enter")
            try t.waitFor("seated \(name)")
        }
        for m in Self.members {
            try member(m, initialsRefusedFirst: m.0 == "Rob Carr-Price" ? "rcp" : nil)
        }

        // Rob Carr-Price, seated last, is the last line of the screen's list: his title and
        // organisation corrected after the fact.
        try t.keys("G", "m")
        try t.waitFor("Member: Rob Carr-Price")
        try t.keys("Enter")                       // name kept
        try t.waitFor("Initials as papers")
        try t.keys("Enter")
        try t.waitFor("Title (Dr")
        try t.keys("C-u")
        try t.type("Sir")
        try t.keys("Enter")
        try t.waitFor("Letters or post")
        try t.keys("Enter")
        try t.waitFor("· organisation")
        try t.type("City and")
        try t.waitFor("narrowed to")
        try t.keys("Enter")
        try t.waitFor("Seated from")
        try t.keys("Enter")
        try t.waitFor("Seat ended on")
        try t.keys("Enter")
        try t.waitFor("corrected Rob Carr-Price")
        try t.waitFor("Sir Rob Carr-Price (RCa)")
        try t.keys("Q")
        try t.wait(what: "the home screen or an exit") { $0.contains("committees and meetings") || ((try? t.paneDead()) == true) }
        if (try? t.paneDead()) != true { try t.keys("Q") }
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let state = try ArchiveStore(directory: archive, mode: .readOnly).state
        let c = try #require(state.committee(matching: "Governing Body"))
        #expect(c.memberships.count == 25)
        let people = c.memberships.compactMap { state.people[$0.personID] }
        #expect(Set(people.map(\.name)) == Set(Self.members.map(\.0)))
        // Initials as typed, case kept; each person's organisation as picked.
        for (name, initials, title, _, organisation, _) in Self.members {
            let person = try #require(people.first { $0.name == name })
            #expect(person.initials == initials, "\(name)")
            let seat = try #require(c.memberships.first { $0.personID == person.id })
            let org = seat.organisationID.flatMap { state.organisations[$0]?.name } ?? ""
            if name == "Rob Carr-Price" {
                #expect(person.title == "Sir")
                #expect(org == "City and County of Swansea")
            } else {
                #expect(person.title ?? "" == title, "\(name)")
                #expect(org.hasPrefix(organisation), "\(name): \(org)")
            }
            #expect(seat.from == nil, "\(name): seated from the start, not from today")
        }
        #expect(c.memberships.first { state.people[$0.personID]?.name == "Emma Woollett" }?.role == .chair)
        #expect(c.memberships.first { state.people[$0.personID]?.name == "Mark Hackett" }?.role == .viceChair)
        // Nothing recorded for the refused initials: one person per name.
        #expect(state.people.values.filter { $0.name == "Rob Carr-Price" }.count == 1)
        #expect(try Run(clerk, ["--data", archive, "check"]).status == 0)
    }
}
