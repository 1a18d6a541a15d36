import Foundation
import Testing
@testable import ClerkCore

// Small committees built from the seeds through the commands, each returned event folded
// into the state as the app would: archive events into `ArchiveState`, meeting events into
// that meeting's `MeetingRecord`.

func time(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> TimeOfDay {
    guard let t = TimeOfDay(text: text) else {
        Issue.record("bad test time \(text)", sourceLocation: sourceLocation)
        return TimeOfDay(hour: 0, minute: 0)!
    }
    return t
}

/// Fresh ids in order: "i-1", "e-2", "a-3"…
final class IDSource: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next(_ prefix: String) -> String {
        lock.lock()
        defer { lock.unlock() }
        n += 1
        return "\(prefix)\(n)"
    }
}

struct World {
    var archive = ArchiveState()
    var records: [MeetingID: MeetingRecord] = [:]
    let ids = IDSource()
    var today: CalendarDate
    var clock = TimeOfDay(hour: 14, minute: 0)!

    init(today: CalendarDate) { self.today = today }

    var context: CommandContext {
        let ids = self.ids
        return CommandContext(now: Instant(date: today, time: clock), today: today, makeID: { ids.next($0) })
    }

    mutating func fold(_ events: [Event]) {
        for event in events {
            switch event.scope {
            case .archive: archive.apply(event)
            case .meeting(let id): records[id, default: MeetingRecord(meetingID: id)].apply(event)
            }
        }
    }

    /// Runs an archive command and folds what it returns.
    @discardableResult
    mutating func run(_ command: (ArchiveState, CommandContext) throws -> [Event]) throws -> [Event] {
        let events = try command(archive, context)
        fold(events)
        return events
    }

    func record(_ id: MeetingID) -> MeetingRecord { records[id] ?? MeetingRecord(meetingID: id) }

    func meeting(_ id: MeetingID) throws -> MeetingContext { try MeetingContext(archive: archive, record: record(id)) }

    /// Runs a command on one meeting and folds what it returns.
    @discardableResult
    mutating func run(in id: MeetingID, _ command: (MeetingContext, CommandContext) throws -> [Event]) throws -> [Event] {
        let events = try command(meeting(id), context)
        fold(events)
        return events
    }

    mutating func organisation(_ id: OrganisationID, _ name: String) throws {
        try run { a, _ in try a.addOrganisation(Organisation(id: id, name: name)) }
    }

    mutating func person(_ id: PersonID, _ name: String, title: String? = nil, letters: String? = nil, position: String? = nil,
                         org: OrganisationID?, initials: String? = nil) throws {
        try run { a, _ in
            try a.addPerson(Person(id: id, name: name, title: title, letters: letters, position: position,
                                   organisationID: org, initials: initials ?? Person.initials(of: name)))
        }
    }

    mutating func seat(_ person: PersonID, on committee: CommitteeID, _ role: Role, org: OrganisationID?,
                       alternateFor: PersonID? = nil) throws {
        try run { a, _ in
            try a.startMembership(committee, Membership(personID: person, organisationID: org, role: role, alternateFor: alternateFor))
        }
    }

    /// Schedules a meeting and returns its id.
    mutating func schedule(_ committee: CommitteeID, _ iso: String, start: String = "14:00", end: String = "16:00") throws -> MeetingID {
        let events = try run { a, _ in try a.scheduleMeeting(committee, on: day(iso), start: time(start), end: time(end)) }
        guard case .meetingScheduled(let m) = events.first else { throw CommandError(.invalid, "no meeting scheduled") }
        return m.id
    }

    mutating func addItem(_ meeting: MeetingID, _ title: String, under parent: ItemID? = nil) throws -> ItemID {
        let id = ids.next("i-")
        try run(in: meeting) { m, _ in try m.addItem(AgendaItem(id: id, parentID: parent, title: title)) }
        return id
    }

    mutating func raise(_ meeting: MeetingID, _ text: String, owner: String, due: String, item: ItemID? = nil) throws -> Action {
        let events = try run { a, c in try a.raiseAction(in: meeting, item: item, text: text, owner: owner, due: due, context: c) }
        guard case .actionRaised(let action) = events.first else { throw CommandError(.invalid, "no action raised") }
        return action
    }
}

/// Expects the command to be refused with `code`, in one line containing every word given
/// (case-insensitively). Returns the error for further checks.
@discardableResult
func expectRefused(_ code: CommandError.Code, mentioning words: String..., sourceLocation: SourceLocation = #_sourceLocation,
                   _ command: () throws -> [Event]) -> CommandError? {
    do {
        let events = try command()
        Issue.record("expected a refusal (\(code)), got \(events.count) event(s)", sourceLocation: sourceLocation)
        return nil
    } catch let error as CommandError {
        #expect(error.code == code, "\(error.message)", sourceLocation: sourceLocation)
        #expect(!error.message.contains("\n"), "not one line: \(error.message)", sourceLocation: sourceLocation)
        for word in words {
            #expect(error.message.lowercased().contains(word.lowercased()),
                    "'\(word)' missing from: \(error.message)", sourceLocation: sourceLocation)
        }
        return error
    } catch {
        Issue.record("expected a CommandError, got \(error)", sourceLocation: sourceLocation)
        return nil
    }
}

// MARK: - Pan Cluster Planning Group (seed 004)

/// Seed 004's membership table with invented names: one member per core organisation (two
/// for the Health Board, whose County Director chairs), named alternates, a Local Authority
/// head of service and an RPB partnerships lead in attendance, a public health adviser.
/// Quorum: members from 4 core organisations; one vote per core organisation, chair's
/// casting vote; declared members leave the item's quorum.
enum PCPG {
    static let id = "pan-cluster-planning-group"
    static let code = "pcpg"
    static let meetingDay = "2026-11-10"  // the 2nd Tuesday of November 2026
    static let meetingID = "pcpg-2026-11-10"

    static let core = ["health-board", "local-authority", "public-health-wales", "third-sector", "chc"]

    static func terms(quorum: QuorumRule = .organisations(4), declaredExcluded: Bool = true,
                      voting: VotingRule = .onePerCoreOrganisation(chairCastingVote: true)) -> TermsOfReference {
        TermsOfReference(
            purpose: "Lead the development of an integrated plan for the health, care and wellbeing needs of the county",
            accountability: "A sub-group of the Health Board",
            membershipRule: "Senior leaders from the NHS, Local Authority and Third Sector; each member nominates an alternate",
            secretariat: "Health Board planning team",
            cadence: Cadence(text: "every two months on the 2nd Tuesday"),
            quorum: quorum, declaredExcludedFromQuorum: declaredExcluded, voting: voting)
    }

    /// The group with one planned meeting (standing agenda plus "Integrated County Plan").
    static func world() throws -> World {
        var w = World(today: day("2026-11-10"))
        try w.organisation("health-board", "Health Board")
        try w.organisation("local-authority", "Local Authority")
        try w.organisation("public-health-wales", "Public Health Wales")
        try w.organisation("third-sector", "Third Sector")
        try w.organisation("chc", "Community Health Council")
        try w.organisation("rpb", "RPB Partnership Organisation")

        try w.person("alys-morgan", "Alys Morgan", title: "Dr", position: "County Director", org: "health-board")
        try w.person("gareth-price", "Gareth Price", position: "Director of Planning", org: "health-board")
        try w.person("sian-evans", "Siân Evans", title: "Ms", position: "Director of Social Services", org: "local-authority")
        try w.person("rhodri-jenkins", "Rhodri Jenkins", title: "Dr", position: "Director of Public Health", org: "public-health-wales")
        try w.person("megan-hughes", "Megan Hughes", position: "Chief Officer CVC", org: "third-sector")
        try w.person("owen-davies", "Owen Davies", position: "CHC Representative", org: "chc")
        try w.person("carys-lloyd", "Carys Lloyd", position: "Head of Adult Care", org: "local-authority")
        try w.person("tom-bevan", "Tom Bevan", position: "CHC Deputy", org: "chc")
        try w.person("helen-rees", "Helen Rees", position: "Head of Children's Services", org: "local-authority")
        try w.person("ieuan-thomas", "Ieuan Thomas", position: "Head of Partnerships", org: "rpb")
        try w.person("nia-parry", "Nia Parry", position: "Public Health Consultant", org: "public-health-wales")
        try w.person("dylan-roberts", "Dylan Roberts", position: "Volunteering Manager", org: "third-sector")

        try w.run { a, _ in
            try a.createCommittee(Committee(id: id, name: "Pan Cluster Planning Group", code: code, terms: terms(),
                                            coreOrganisations: core))
        }
        try w.seat("alys-morgan", on: id, .chair, org: "health-board")
        try w.seat("gareth-price", on: id, .member, org: "health-board")
        try w.seat("sian-evans", on: id, .member, org: "local-authority")
        try w.seat("rhodri-jenkins", on: id, .member, org: "public-health-wales")
        try w.seat("megan-hughes", on: id, .member, org: "third-sector")
        try w.seat("owen-davies", on: id, .member, org: "chc")
        try w.seat("carys-lloyd", on: id, .alternate, org: "local-authority", alternateFor: "sian-evans")
        try w.seat("tom-bevan", on: id, .alternate, org: "chc", alternateFor: "owen-davies")
        try w.seat("helen-rees", on: id, .inAttendance, org: "local-authority")
        try w.seat("ieuan-thomas", on: id, .inAttendance, org: "rpb")
        try w.seat("nia-parry", on: id, .adviser, org: "public-health-wales")

        let m = try w.schedule(id, meetingDay, start: "10:00", end: "12:30")
        #expect(m == meetingID)
        try w.run(in: m) { m, c in try m.standingAgenda(context: c) }
        _ = try w.addItem(m, "Integrated County Plan")
        return w
    }

    static func planItem(_ w: World) -> ItemID {
        w.record(meetingID).items.first { $0.title == "Integrated County Plan" }!.id
    }

    /// Marks the chair and the members of four core organisations present (not CHC).
    static func fourOrganisationsPresent(_ w: inout World) throws {
        for p in ["alys-morgan", "sian-evans", "rhodri-jenkins", "megan-hughes"] {
            try w.run(in: meetingID) { m, _ in try m.mark(p, .present, arrived: time("10:00")) }
        }
        try w.run(in: meetingID) { m, _ in try m.mark("owen-davies", .apologies) }
    }
}

// MARK: - Hertfordshire PBC Leads (seeds 000, 001, 002)

/// The leads of seed 001 (22 April 2008) on one committee meeting, as West Herts does (seed
/// 000), monthly on the 3rd Thursday; the LMC officers in attendance. Seed 002's Jane Lindo
/// sits on the Brent PEC; Judith Lockhart (also "JL") is on the archive but on no committee.
enum Herts {
    static let id = "herts-pbc-leads"
    static let code = "hpbc"
    static let brent = "brent-pec"

    static let groups: [(OrganisationID, String)] = [
        ("daccom", "DacCom"), ("watcom", "WatCom"), ("red-house", "Red House"), ("hertsmere", "Hertsmere"),
        ("stahcom", "StahCom"), ("stevenage", "Stevenage"), ("south-locality", "South Locality"), ("welhat", "WelHat"),
        ("north-herts", "North Herts"), ("east", "East"), ("lmc", "LMC"), ("brent-pct", "Brent PCT"),
    ]

    /// (id, name, title, letters/position, organisation, role)
    static let people: [(PersonID, String, String?, String, OrganisationID, Role)] = [
        ("mark-jones", "Mark Jones", "Mr", "PM", "daccom", .member),
        ("mary-mcminn", "Mary McMinn", "Ms", "PM", "daccom", .member),
        ("peter-bodden", "Peter Bodden", "Mr", "PM", "watcom", .member),
        ("ken-spooner", "Ken Spooner", "Mr", "PM", "red-house", .member),
        ("nicolas-small", "Nicolas Small", "Dr", "GP", "hertsmere", .chair),
        ("margaret-stockham", "Margaret Stockham", "Ms", "adviser", "hertsmere", .adviser),
        ("roger-sage", "Roger Sage", "Dr", "GP", "stahcom", .member),
        ("mo-girach", "Mo Girach", "Mr", "Chief Executive", "stahcom", .member),
        ("mary-bishop", "Mary Bishop", "Ms", "PM", "stevenage", .member),
        ("kamal-nagpal", "Kamal Nagpal", "Dr", "GP", "south-locality", .member),
        ("peter-shilliday", "Peter Shilliday", "Dr", "GP", "welhat", .member),
        ("john-phipps", "John Phipps", "Mr", "PM", "welhat", .member),
        ("martin-hoffman", "Martin Hoffman", "Dr", "GP", "north-herts", .member),
        ("peter-keller", "Peter Keller", "Dr", "GP", "east", .member),
        ("peter-graves", "Peter Graves", "Dr", "Chief Executive", "lmc", .inAttendance),
        ("mark-andrews", "Mark Andrews", "Dr", "Chair of Herts Sub-committee", "lmc", .inAttendance),
        ("rachel-lea", "Rachel Lea", "Ms", "LMC/PCT Liaison Manager (Herts)", "lmc", .inAttendance),
    ]

    static func world(today: String = "2008-04-22") throws -> World {
        var w = World(today: day(today))
        for (id, name) in groups { try w.organisation(id, name) }
        for (id, name, title, detail, org, _) in people {
            let isLetters = detail.count <= 3 && detail == detail.uppercased()
            try w.person(id, name, title: title, letters: isLetters ? detail : nil, position: isLetters ? nil : detail, org: org)
        }
        try w.person("jane-lindo", "Jane Lindo", title: "Ms", org: "brent-pct")
        try w.person("judith-lockhart", "Judith Lockhart", title: "Ms", org: "brent-pct")

        try w.run { a, _ in
            try a.createCommittee(Committee(
                id: id, name: "Hertfordshire PBC Leads", code: code,
                terms: TermsOfReference(purpose: "Share good practice and influence PCT commissioning",
                                        membershipRule: "2 members from each PBC group/Red House practice",
                                        secretariat: "LMC", cadence: Cadence(text: "monthly on the 3rd Thursday"),
                                        quorum: .none, voting: .consensus)))
        }
        for (person, _, _, _, org, role) in people { try w.seat(person, on: id, role, org: org) }
        try w.run { a, _ in
            try a.createCommittee(Committee(id: brent, name: "Brent PEC", code: "bpec", terms: TermsOfReference()))
        }
        try w.seat("jane-lindo", on: brent, .member, org: "brent-pct")
        return w
    }

    /// The meeting of 22 April 2008 with seed 001's first items.
    static func april2008() throws -> (World, MeetingID, minutes: ItemID, provider: ItemID) {
        var w = try world()
        let m = try w.schedule(id, "2008-04-22", start: "13:00", end: "14:30")
        let minutes = try w.addItem(m, "Minutes of the last meeting and matters arising")
        let provider = try w.addItem(m, "Provider services")
        return (w, m, minutes, provider)
    }
}
