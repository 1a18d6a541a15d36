/// Identifiers are short, stable strings: slugs for committees, people and
/// organisations ("west-herts-pbc-leads", "peter-graves", "lmc"), and
/// committee-prefixed dates for meetings ("whpl-2008-04-22"), so that a person
/// can type them on the command line and read them in the journal.
public typealias CommitteeID = String
public typealias PersonID = String
public typealias OrganisationID = String
public typealias MeetingID = String
public typealias ItemID = String
public typealias EntryID = String
public typealias ActionID = String
public typealias ObjectiveID = String

/// A constituent body that members come from: DacCom, WatCom, LMC, Health Board…
public struct Organisation: Sendable, Hashable, Codable {
    public var id: OrganisationID
    public var name: String
    /// A grouping used on attendance lists, e.g. "West Herts PBC Leads" for DacCom.
    public var group: String?

    public init(id: OrganisationID, name: String, group: String? = nil) {
        self.id = id
        self.name = name
        self.group = group
    }
}

public struct Person: Sendable, Hashable, Codable {
    public var id: PersonID
    /// "Peter Graves"
    public var name: String
    /// "Dr", "Ms", "Mr"…
    public var title: String?
    /// Professional letters as minuted: "GP", "PM".
    public var letters: String?
    /// "Chief Executive", "LMC/PCT Liaison Manager (Herts)".
    public var position: String?
    public var organisationID: OrganisationID?
    /// As written in papers: "EK", "NDKS". Unique within every committee the person sits on.
    public var initials: String

    public init(id: PersonID, name: String, title: String? = nil, letters: String? = nil, position: String? = nil,
                organisationID: OrganisationID? = nil, initials: String) {
        self.id = id
        self.name = name
        self.title = title
        self.letters = letters
        self.position = position
        self.organisationID = organisationID
        self.initials = initials
    }

    /// "Dr Peter Graves" — how minutes name people.
    public var formalName: String { [title, name].compactMap { $0 }.joined(separator: " ") }

    /// "Mark Jones, PM (DacCom)" — how attendance lists name people.
    public func attendanceLine(organisation: Organisation?) -> String {
        var line = name
        if let detail = letters ?? position { line += ", \(detail)" }
        if let organisation { line += " (\(organisation.name))" }
        return line
    }

    public static func initials(of name: String) -> String {
        String(name.split(separator: " ").compactMap { $0.first }.map { Character($0.uppercased()) })
    }
}

public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    case chair, viceChair = "vice-chair", member, alternate, inAttendance = "in-attendance", adviser, secretariat

    /// Whether the role carries a vote and counts to quorum ("additional attendees do not
    /// vote and do not count to quorum", seed 004). An alternate votes only when deputising.
    public var isVotingMember: Bool {
        switch self {
        case .chair, .viceChair, .member: true
        case .alternate, .inAttendance, .adviser, .secretariat: false
        }
    }

    public var label: String {
        switch self {
        case .chair: "Chair"
        case .viceChair: "Vice-chair"
        case .member: "Member"
        case .alternate: "Alternate"
        case .inAttendance: "In attendance"
        case .adviser: "Adviser"
        case .secretariat: "Secretariat"
        }
    }
}

/// A person's seat on a committee for a span of dates, so that past meetings keep the
/// membership they had.
public struct Membership: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var organisationID: OrganisationID?
    public var role: Role
    /// For an alternate: the member they stand in for.
    public var alternateFor: PersonID?
    public var from: CalendarDate?
    public var until: CalendarDate?

    public init(personID: PersonID, organisationID: OrganisationID?, role: Role, alternateFor: PersonID? = nil,
                from: CalendarDate? = nil, until: CalendarDate? = nil) {
        self.personID = personID
        self.organisationID = organisationID
        self.role = role
        self.alternateFor = alternateFor
        self.from = from
        self.until = until
    }

    public func isActive(on date: CalendarDate) -> Bool {
        if let from, date < from { return false }
        if let until, date > until { return false }
        return true
    }
}

/// The kinds of standing item clerk knows what to do with (a committee's own standing
/// items are `StandingItemSpec`s: a kind, or none, with the committee's title).
public enum StandingItem: String, Sendable, Hashable, Codable, CaseIterable {
    case apologies, declarations, previousMinutes = "previous-minutes", actionLog = "action-log"
    case anyOtherBusiness = "any-other-business", nextMeeting = "next-meeting"

    public var defaultTitle: String {
        switch self {
        case .apologies: "Apologies"
        case .declarations: "Declarations of interest"
        case .previousMinutes: "Minutes of the last meeting and matters arising"
        case .actionLog: "Action log review"
        case .anyOtherBusiness: "Any other business"
        case .nextMeeting: "Date of next meeting"
        }
    }
}

public struct TermsOfReference: Sendable, Hashable, Codable {
    public var purpose: String
    public var accountability: String
    /// As written: "2 members from each PBC group/Red House practice".
    public var membershipRule: String
    public var secretariat: String
    public var cadence: Cadence?
    public var quorum: QuorumRule
    /// Whether a member who declares an interest on an item stops counting to quorum for it.
    public var declaredExcludedFromQuorum: Bool
    public var voting: VotingRule
    public var deadlines: AgendaDeadlines?
    public var reviewDate: CalendarDate?
    public var objectives: [String]
    public var standingItems: [StandingItemSpec]
    /// Where the committee usually meets; a new meeting is planned there.
    public var defaultVenue: String?
    /// How items are referred to; nil numbers them 1, 2, 3 on each agenda.
    public var references: ItemReferenceScheme?
    /// How the minutes are set out when they go out; nil keeps the informal look.
    public var style: HouseStyle?

    public init(purpose: String = "", accountability: String = "", membershipRule: String = "", secretariat: String = "",
                cadence: Cadence? = nil, quorum: QuorumRule = .none, declaredExcludedFromQuorum: Bool = false,
                voting: VotingRule = .consensus, deadlines: AgendaDeadlines? = nil, reviewDate: CalendarDate? = nil,
                objectives: [String] = [], standingItems: [StandingItemSpec] = StandingItemSpec.standard, style: HouseStyle? = nil,
                defaultVenue: String? = nil, references: ItemReferenceScheme? = nil) {
        self.purpose = purpose
        self.accountability = accountability
        self.membershipRule = membershipRule
        self.secretariat = secretariat
        self.cadence = cadence
        self.quorum = quorum
        self.declaredExcludedFromQuorum = declaredExcludedFromQuorum
        self.voting = voting
        self.deadlines = deadlines
        self.reviewDate = reviewDate
        self.objectives = objectives
        self.standingItems = standingItems
        self.style = style
        self.defaultVenue = defaultVenue
        self.references = references
    }
}

public struct Committee: Sendable, Hashable, Codable {
    public var id: CommitteeID
    public var name: String
    /// Prefix of this committee's meeting ids: "whpl".
    public var code: String
    public var terms: TermsOfReference
    /// The core organisations: those that hold a vote under one-vote-per-organisation.
    public var coreOrganisations: [OrganisationID]
    public var memberships: [Membership]
    /// The last running item number taken in each reference year ("2024": 17), when the
    /// terms give items references.
    public var referenceCounters: [String: Int]?

    public init(id: CommitteeID, name: String, code: String, terms: TermsOfReference,
                coreOrganisations: [OrganisationID] = [], memberships: [Membership] = []) {
        self.id = id
        self.name = name
        self.code = code
        self.terms = terms
        self.coreOrganisations = coreOrganisations
        self.memberships = memberships
    }

    public func memberships(on date: CalendarDate) -> [Membership] {
        memberships.filter { $0.isActive(on: date) }
    }

    public func membership(of person: PersonID, on date: CalendarDate) -> Membership? {
        memberships.last { $0.personID == person && $0.isActive(on: date) }
    }
}

public enum MeetingStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case planned, agendaPublished = "agenda-published", inProgress = "in-progress"
    case minutesDraft = "minutes-draft", minutesCirculated = "minutes-circulated", minutesApproved = "minutes-approved"
    case cancelled

    public var label: String {
        switch self {
        case .planned: "planned"
        case .agendaPublished: "agenda published"
        case .inProgress: "in progress"
        case .minutesDraft: "minutes draft"
        case .minutesCirculated: "minutes circulated"
        case .minutesApproved: "minutes approved"
        case .cancelled: "stood down"
        }
    }

    /// Once approved the record is locked: corrections are separate, dated entries.
    public var isLocked: Bool { self == .minutesApproved }
    public var hasTakenPlace: Bool {
        switch self {
        case .inProgress, .minutesDraft, .minutesCirculated, .minutesApproved: true
        case .planned, .agendaPublished, .cancelled: false
        }
    }
}

/// What the archive keeps about a meeting without opening its own journal segment.
public struct Meeting: Sendable, Hashable, Codable {
    public var id: MeetingID
    public var committeeID: CommitteeID
    public var title: String
    public var date: CalendarDate
    public var start: TimeOfDay?
    public var end: TimeOfDay?
    public var venue: String
    public var status: MeetingStatus
    public var isExtra: Bool
    public var startedAt: Instant?
    public var endedAt: Instant?
    /// The local times the meeting actually opened and closed, for the minutes.
    public var openedAt: TimeOfDay?
    public var closedAt: TimeOfDay?
    public var agendaPublishedOn: CalendarDate?
    public var approvedOn: CalendarDate?
    /// The date the meeting was first planned for, once it has been moved (its id keeps that date).
    public var movedFrom: CalendarDate?
    /// A meeting in common: the other committees this one sitting serves (`committeeID` is
    /// the convening committee, whose journal holds the meeting). Nil for most meetings.
    public var inCommonWith: [CommitteeID]?
    /// Who chairs a meeting in common (the convening chair), when named.
    public var convenor: PersonID?

    /// Every committee the meeting serves: the convening one first.
    public var committees: [CommitteeID] { [committeeID] + (inCommonWith ?? []) }
    public var isInCommon: Bool { !(inCommonWith ?? []).isEmpty }

    /// Where the meeting sits on the committee's cadence: the date it was first planned for.
    public var cadenceDate: CalendarDate { movedFrom ?? date }

    public init(id: MeetingID, committeeID: CommitteeID, title: String, date: CalendarDate, start: TimeOfDay? = nil,
                end: TimeOfDay? = nil, venue: String = "", status: MeetingStatus = .planned, isExtra: Bool = false) {
        self.id = id
        self.committeeID = committeeID
        self.title = title
        self.date = date
        self.start = start
        self.end = end
        self.venue = venue
        self.status = status
        self.isExtra = isExtra
    }
}

public enum ActionStatus: String, Sendable, Hashable, Codable, CaseIterable {
    case open, inProgress = "in-progress", done, dropped, ongoing
    /// Raised by mistake and taken back: shown nowhere public (minutes, action log,
    /// calendar, `clerk actions`), and not counted in the public numbering.
    case withdrawn

    /// Open actions carry forward into the next meeting's action log review.
    public var carriesForward: Bool { self == .open || self == .inProgress || self == .ongoing }
}

/// An action's owner is a person ("Dr Graves") or an organisation ("LMC").
public enum Owner: Sendable, Hashable, Codable {
    case person(PersonID)
    case organisation(OrganisationID)
    /// A post as an owner in its own right, whoever holds it: "Town Clerk", "Director of
    /// Finance" (as a person's post is written in the archive).
    case post(String)
}

public struct ActionUpdate: Sendable, Hashable, Codable {
    public var on: CalendarDate
    public var status: ActionStatus
    public var note: String
    public var meetingID: MeetingID?
    public var by: PersonID?

    public init(on: CalendarDate, status: ActionStatus, note: String, meetingID: MeetingID? = nil, by: PersonID? = nil) {
        self.on = on
        self.status = status
        self.note = note
        self.meetingID = meetingID
        self.by = by
    }
}

public struct Action: Sendable, Hashable, Codable {
    public var id: ActionID
    public var committeeID: CommitteeID
    public var meetingID: MeetingID
    public var itemID: ItemID?
    /// Numbering as minuted: "(i)", "(ii)".
    public var number: Int
    public var text: String
    public var owner: Owner
    public var due: DueDate
    public var status: ActionStatus
    public var raisedOn: CalendarDate
    public var confidential: Bool
    public var history: [ActionUpdate]

    public init(id: ActionID, committeeID: CommitteeID, meetingID: MeetingID, itemID: ItemID?, number: Int, text: String,
                owner: Owner, due: DueDate, status: ActionStatus = .open, raisedOn: CalendarDate, confidential: Bool = false,
                history: [ActionUpdate] = []) {
        self.id = id
        self.committeeID = committeeID
        self.meetingID = meetingID
        self.itemID = itemID
        self.number = number
        self.text = text
        self.owner = owner
        self.due = due
        self.status = status
        self.raisedOn = raisedOn
        self.confidential = confidential
        self.history = history
    }

    /// "i", "ii", "iv": how actions are numbered as minuted ("(iii) LMC to arrange…").
    public static func numeral(_ n: Int) -> String {
        guard n > 0, n < 4000 else { return String(n) }
        let table: [(Int, String)] = [(1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                                      (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
        var n = n, out = ""
        for (value, letters) in table { while n >= value { out += letters; n -= value } }
        return out
    }

    public func isOverdue(on today: CalendarDate) -> Bool {
        (status == .open || status == .inProgress) && due.isOverdue(on: today)
    }
}

/// A work-plan objective (seed 002): "1.3 Re-structure of the Primary Care Commissioning Group", led by "EK/CA/JL".
public struct Objective: Sendable, Hashable, Codable {
    public var id: ObjectiveID
    public var committeeID: CommitteeID
    public var theme: String
    public var number: String
    public var text: String
    /// Leads as written: initials ("EK", "CA/JL") or names of groups ("PEC Cluster Leads").
    public var leads: [String]
    public var timescale: DueDate
    public var status: String

    public init(id: ObjectiveID, committeeID: CommitteeID, theme: String, number: String, text: String, leads: [String],
                timescale: DueDate, status: String) {
        self.id = id
        self.committeeID = committeeID
        self.theme = theme
        self.number = number
        self.text = text
        self.leads = leads
        self.timescale = timescale
        self.status = status
    }
}
