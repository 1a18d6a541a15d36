import ClerkCore
import ClerkStore

/// A deterministic generator of a large, realistic archive for benchmarks: committees
/// meeting monthly for years, each meeting with an agenda, a roll call, minutes typed
/// live (as the editor journals them: the paragraph opened, then its text in pieces as
/// the typist goes), declarations, votes and actions, some of them updated later.
public struct LargeArchive {
    public var committees = 20
    public var years = 10
    public var meetingsPerYear = 12
    public var actionsPerMeeting = 10
    /// The first year of meetings.
    public var firstYear = 2016
    /// Whether meetings get minutes typed into them (without: agenda and roll call only,
    /// for a many-meeting archive made quickly).
    public var minutes = true

    public init(committees: Int = 20, years: Int = 10, meetingsPerYear: Int = 12, actionsPerMeeting: Int = 10,
                minutes: Bool = true) {
        self.committees = committees
        self.years = years
        self.meetingsPerYear = meetingsPerYear
        self.actionsPerMeeting = actionsPerMeeting
        self.minutes = minutes
    }

    public struct Figures: Sendable {
        public var meetings = 0
        public var actions = 0
        public var events = 0
        /// Bytes of minutes text as it finally reads.
        public var minutesTextBytes = 0
    }

    /// Writes the archive into `directory` (new or empty), one durable commit per meeting.
    public func write(to directory: String, progress: (Int) -> Void = { _ in }) throws -> Figures {
        try ArchiveStore.create(at: directory)
        let store = try ArchiveStore(directory: directory, mode: .readWrite)
        store.marksCommitsAcrossFiles = false  // a generated archive: made again, not completed, if this fails
        var rng = SplitMix64(seed: 2008_04_22)
        let counter = Counter()
        let context = { (now: Instant) in
            CommandContext(now: now) { prefix in prefix + String(counter.next(), radix: 36) }
        }
        var figures = Figures()
        let organisations = ["DacCom", "WatCom", "Red House", "Hertsmere", "StahCom", "LMC", "Local Authority",
                             "Health Board", "Third Sector", "Public Health"]
        let start = Instant(date: CalendarDate(year: firstYear, month: 1, day: 4)!, time: TimeOfDay(hour: 9, minute: 0)!)

        // People, organisations and committees.
        try store.commit(at: start) { store in
            var s = store.state
            var events: [Event] = []
            func run(_ e: [Event]) { e.forEach { s.apply($0) }; events += e }
            for name in organisations {
                run(try s.addOrganisation(Organisation(id: slug(name), name: name)))
            }
            for c in 0..<committees {
                let id = "committee-\(c + 1)"
                let cadence = Cadence(everyMonths: 1, day: .nthWeekday(ordinal: 1 + c % 4, weekday: Weekday(rawValue: 1 + c % 5)!))
                let terms = TermsOfReference(purpose: "Generated committee \(c + 1)", cadence: cadence, quorum: .members(4),
                                             voting: .onePerCoreOrganisation(chairCastingVote: true))
                run(try s.createCommittee(Committee(id: id, name: "Committee \(c + 1)", code: "c\(c + 1)", terms: terms,
                                                    coreOrganisations: organisations.prefix(6).map(slug))))
                for p in 0..<12 {
                    let first = Self.firstNames[(c * 12 + p) % Self.firstNames.count]
                    let last = Self.lastNames[(c * 7 + p * 3) % Self.lastNames.count]
                    let personID = "p\(c + 1)-\(p + 1)"
                    run(try s.addPerson(Person(id: personID, name: "\(first) \(last)", title: p % 3 == 0 ? "Dr" : nil,
                                               letters: p % 2 == 0 ? "GP" : "PM", organisationID: slug(organisations[p % 6]),
                                               initials: "\(first.prefix(1))\(last.prefix(1))" + Self.letters(p))))
                    run(try s.startMembership(id, Membership(personID: personID, organisationID: slug(organisations[p % 6]),
                                                             role: p == 0 ? .chair : (p < 10 ? .member : .inAttendance))))
                }
            }
            return events
        }

        // Meetings, in date order across committees.
        for year in firstYear..<(firstYear + years) {
            for month in 1...meetingsPerYear {
                for c in 0..<committees {
                    let committeeID = "committee-\(c + 1)"
                    guard let committee = store.state.committees[committeeID],
                          let date = committee.terms.cadence?.occurrence(inYear: year, month: month) else { continue }
                    let startAt = Instant(date: date, time: TimeOfDay(hour: 13, minute: 0)!)
                    let written = try store.commit(at: startAt) { store in
                        try meeting(store.state, committee: committee, date: date, at: startAt, rng: &rng,
                                    context: context(startAt), figures: &figures)
                    }
                    // The meeting just written is not read again (closing it planned the next one,
                    // which is not written to yet): its record and files are let go at once.
                    for case .meeting(let id) in Set(written.map(\.scope)) { store.unload(id) }
                    figures.meetings += 1
                    progress(figures.meetings)
                }
            }
        }
        figures.actions = store.state.actions.count
        try store.writeCheckpoint()
        return figures
    }

    private func meeting(_ archive: ArchiveState, committee: Committee, date: CalendarDate, at now: Instant,
                         rng: inout SplitMix64, context: CommandContext, figures: inout Figures) throws -> [Event] {
        var s = archive
        var events: [Event] = []
        func run(_ e: [Event]) { e.forEach { s.apply($0) }; events += e }
        // Closing a meeting plans the next one from the cadence; schedule only when it did not.
        let id: MeetingID
        if let planned = s.meetings(of: committee.id).first(where: { $0.date == date && $0.status == .planned }) {
            id = planned.id
        } else {
            run(try s.scheduleMeeting(committee.id, on: date, start: TimeOfDay(hour: 13, minute: 0),
                                      end: TimeOfDay(hour: 15, minute: 0), venue: "Room \(1 + rng.next(5))"))
            guard case .meetingScheduled(let scheduled)? = events.last else { return events }
            id = scheduled.id
        }
        var record = MeetingRecord(meetingID: id)
        func runMeeting(_ e: [Event]) {
            for event in e {
                if case .meeting = event.scope { record.apply(event) } else { s.apply(event) }
            }
            events += e
        }
        var ctx = try MeetingContext(archive: s, record: record)
        runMeeting(try ctx.standingAgenda(context: context))
        ctx = try MeetingContext(archive: s, record: record)
        for t in 0..<(2 + rng.next(4)) {
            runMeeting(try ctx.addItem(AgendaItem(id: context.newID("i-"), title: Self.topics[(rng.next(Self.topics.count) + t) % Self.topics.count],
                                                  minutes: 10 + rng.next(4) * 5, confidential: rng.next(20) == 0),
                                       after: record.items[min(3, record.items.count - 1)].id))
            ctx = try MeetingContext(archive: s, record: record)
        }
        runMeeting(try ctx.start(context: context))
        ctx = try MeetingContext(archive: s, record: record)
        for membership in committee.memberships {
            let roll = rng.next(10)
            let presence: Presence = membership.role == .inAttendance ? .inAttendance : (roll < 8 ? .present : .apologies)
            runMeeting(try ctx.mark(membership.personID, presence, arrived: roll == 0 ? TimeOfDay(hour: 13, minute: 20) : nil))
            ctx = try MeetingContext(archive: s, record: record)
        }
        // Minutes, typed live: each paragraph is opened, then journaled in pieces.
        for item in record.items where minutes {
            for _ in 0..<(1 + rng.next(3)) {
                let text = paragraph(&rng)
                let kind: EntryKind = [.note, .note, .noted, .decision][rng.next(4)]
                let add = try ctx.addEntry(to: item.id, kind: kind, text: "", context: context)
                runMeeting(add)
                guard case .entryAdded(let added) = add[0] else { continue }
                var typed = ""
                let pieces = max(1, text.utf8.count / 260)
                let chunk = max(1, text.count / pieces + 1)
                var rest = Substring(text)
                while !rest.isEmpty {
                    typed += rest.prefix(chunk)
                    rest = rest.dropFirst(chunk)
                    ctx = try MeetingContext(archive: s, record: record)
                    runMeeting(try ctx.editEntry(added.entry.id, newText: typed))
                }
                figures.minutesTextBytes += (kind.lead + text).utf8.count
            }
            ctx = try MeetingContext(archive: s, record: record)
        }
        // Actions arising, some later done.
        for a in 0..<actionsPerMeeting {
            let owner = a % 3 == 0 ? "lmc" : "p\(committee.id.dropFirst(10))-\(1 + rng.next(10))"
            let due = date.adding(days: 14 + rng.next(90))
            run(try s.raiseAction(in: id, item: record.items.randomElement(using: &rng)?.id, text: Self.actionTexts[rng.next(Self.actionTexts.count)],
                                  owner: owner, due: due.iso, context: context))
            if rng.next(10) < 7, case .actionRaised(let action) = events.last! {
                run(try s.updateAction(action.id, status: .done, note: "completed", context: context))
            }
        }
        ctx = try MeetingContext(archive: s, record: record)
        runMeeting(try ctx.close(context: CommandContext(now: now.adding(seconds: 7200)) { context.newID($0) }))
        figures.events += events.count
        return events
    }

    private func paragraph(_ rng: inout SplitMix64) -> String {
        (0..<(2 + rng.next(4))).map { _ in Self.sentences[rng.next(Self.sentences.count)] }.joined(separator: " ")
    }

    private func slug(_ s: String) -> String {
        String(s.lowercased().map { $0.isLetter || $0.isNumber ? $0 : "-" })
    }

    private static func letters(_ n: Int) -> String {
        String(UnicodeScalar(UInt8(65 + n % 26)))
    }

    static let firstNames = ["Mark", "Peter", "Ken", "Nicolas", "Margaret", "Mary", "Kamal", "Rachel", "Roger", "John",
                             "Martin", "Carole", "Jane", "Amanda", "Nigel", "June", "Farhat", "Rakesh", "Jill", "Alison"]
    static let lastNames = ["Jones", "Bodden", "Spooner", "Small", "Stockham", "Bishop", "Nagpal", "Shilliday", "Graves",
                            "Andrews", "Lea", "McMinn", "Sage", "Girach", "Phipps", "Hoffman", "Keller", "Amobi", "Lindo", "Craig"]
    static let topics = ["Provider services", "PBC Framework and Key Performance Indicators", "Free Choice and Choose and Book",
                         "Extended Hours and Darzi Health Centres", "CATS Roadshow", "Maternity Services review",
                         "Retinal Screening", "Commissioning plan", "Budget setting and risk management", "Workforce plan",
                         "Integrated County Plan", "Partnership agreements"]
    static let sentences = [
        "Some of the PBC Leads reported on their recent communications with Provider Services.",
        "As a result of making it clear what service the PBC group wished to commission, Provider Services had started to respond appropriately.",
        "It was noted that adult services were more responsive in this way than children's services.",
        "The Fast Track process of allowing projects costing below £100k to be approved without going through the Governance Committee was welcomed.",
        "It was recognised that the PCT does need to have some governance processes for the use of public money.",
        "A flow chart for decision making would be useful.",
        "There was some confusion at the meeting between what is within the GMS/PMS contract and what are commissioning indicators.",
        "Practices continue to have problems with C&B and the LES will need to take this into account.",
        "The Department of Health has issued some guidance which allows some flexibilities on issues such as concurrent working.",
        "The event was organised for the local GPs, but would welcome anyone from other PBC groups who may be interested.",
        "Concern was expressed that there continues to be a lack of financial information.",
        "The leads agreed that the delays in receiving budgets will not delay the production of a commissioning plan.",
    ]
    static let actionTexts = [
        "to look at how it can support PBC groups to work together on the children's agenda",
        "to write to the Director about the leads' view of the framework",
        "to arrange the next meetings", "to circulate the revised terms of reference",
        "to bring the budget figures to the next meeting", "to confirm training dates with practices",
    ]
}

/// A small, fast, deterministic random number generator (SplitMix64).
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64

    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    public mutating func next(_ upperBound: Int) -> Int {
        Int(next() % UInt64(max(1, upperBound)))
    }
}

/// Deterministic ids for generated archives.
final class Counter: @unchecked Sendable {
    private var value = 0
    func next() -> Int {
        value += 1
        return value
    }
}
