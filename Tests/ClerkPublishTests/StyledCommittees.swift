import ClerkCore
import ClerkPublish
import Foundation

/// Two committees of different kinds, set up and minuted through the Core commands as the
/// screen would: an NHS board (titles and initials, running text by initials, deputies, a
/// quorum lost and regained) and a local-government committee ("RESOLVED – That…",
/// members and officers, a part 2 item).
struct StyledCommittees {
    static let board: CommitteeID = "harbour-valley-board"
    static let boardMeeting: MeetingID = "hvb-2027-01-14"
    static let council: CommitteeID = "northbrook-planning"
    static let councilMeeting: MeetingID = "nbp-2027-01-20"
    static let today = CalendarDate(year: 2027, month: 1, day: 20)!

    var state = ArchiveState()
    var records: [MeetingID: MeetingRecord] = [:]

    init(boardStyle: HouseStyle? = HouseStyle.Preset.nhsBoard.style,
         councilStyle: HouseStyle? = HouseStyle.Preset.localGovernment.style) throws {
        try setUpBoard(style: boardStyle)
        try setUpCouncil(style: councilStyle)
    }

    func context(_ date: CalendarDate, _ hour: Int, _ minute: Int) -> CommandContext {
        let time = TimeOfDay(hour: hour, minute: minute)!
        return CommandContext(now: Instant(date: date, time: time), today: date) { "\($0)\(UUIDless.next())" }.with(time: time)
    }

    mutating func run(_ events: [Event]) {
        for event in events {
            switch event.scope {
            case .archive: state.apply(event)
            case .meeting(let id): records[id, default: MeetingRecord(meetingID: id)].apply(event)
            }
        }
    }

    func meeting(_ id: MeetingID) throws -> MeetingContext {
        try MeetingContext(archive: state, record: records[id] ?? MeetingRecord(meetingID: id))
    }

    /// Attendance as the screen records it: a change that makes the meeting inquorate or
    /// quorate again is minuted with the time and the item under discussion.
    mutating func mark(_ meetingID: MeetingID, _ person: PersonID, _ presence: Presence,
                       arrived: TimeOfDay? = nil, departed: TimeOfDay? = nil, at time: TimeOfDay? = nil) throws {
        let ctx = try meeting(meetingID)
        let events = try ctx.mark(person, presence, arrived: arrived, departed: departed)
        var after = ctx
        for e in events { after.record.apply(e) }
        run(events)
        if ctx.meeting.status == .inProgress, let time, ctx.quorum().isQuorate != after.quorum().isQuorate {
            let q = after.quorum()
            run([.quorumChanged(QuorumChanged(meetingID: meetingID, change: QuorumChange(
                at: time, isQuorate: q.isQuorate, summary: q.summary, itemID: ctx.record.currentItem)))])
        }
    }

    mutating func item(_ meetingID: MeetingID, _ id: ItemID, _ title: String, standing: StandingItem? = nil,
                       confidential: Bool = false, description: String? = nil) throws {
        let ctx = try meeting(meetingID)
        run(try ctx.addItem(AgendaItem(id: id, title: title, confidential: confidential, standing: standing),
                            after: ctx.record.topLevelItems.last?.id))
        if let description {
            let added = try meeting(meetingID)
            run(try added.editItem(id, title: title, presenter: nil, papers: [], minutes: nil, confidential: confidential,
                                   description: description))
        }
    }

    mutating func minute(_ meetingID: MeetingID, _ item: ItemID, _ kind: EntryKind, _ text: String) throws {
        let ctx = try meeting(meetingID)
        run(try ctx.addEntry(to: item, kind: kind, text: text, context: context(Self.today, 10, 0)))
    }

    mutating func current(_ meetingID: MeetingID, _ item: ItemID) throws {
        let ctx = try meeting(meetingID)
        run(try ctx.setCurrentItem(item, context: context(Self.today, 10, 0)))
    }

    // MARK: The NHS board

    mutating func setUpBoard(style: HouseStyle?) throws {
        let date = CalendarDate(year: 2027, month: 1, day: 14)!
        run(try state.addOrganisation(Organisation(id: "hvicb", name: "Harbour Valley ICB")))
        let people = [
            Person(id: "alan-reed", name: "Alan Reed", title: "Professor Sir", organisationID: "hvicb", initials: "AR"),
            Person(id: "jane-roe", name: "Jane Roe", title: "Dr", position: "Medical Director", organisationID: "hvicb", initials: "JR"),
            Person(id: "tom-hale", name: "Tom Hale", title: "Mr", position: "Director of Finance", organisationID: "hvicb", initials: "TH"),
            Person(id: "priya-shah", name: "Priya Shah", title: "Ms", position: "Chief Nurse", organisationID: "hvicb", initials: "PS"),
            Person(id: "sam-wu", name: "Sam Wu", title: "Mr", position: "Deputy Chief Nurse", organisationID: "hvicb", initials: "SW"),
            Person(id: "ann-cole", name: "Ann Cole", title: "Mrs", position: "Non-executive Director", organisationID: "hvicb", initials: "AC"),
            Person(id: "omar-said", name: "Omar Said", title: "Dr", position: "Non-executive Director", organisationID: "hvicb", initials: "OS"),
            Person(id: "kate-lowe", name: "Kate Lowe", title: "Ms", position: "Board Secretary", organisationID: "hvicb", initials: "KL"),
            Person(id: "ben-ford", name: "Ben Ford", title: "Mr", position: "Head of Estates", initials: "BF"),
        ]
        for p in people { run(try state.addPerson(p)) }
        let seats: [(PersonID, Role, PersonID?)] = [
            ("alan-reed", .chair, nil), ("jane-roe", .member, nil), ("tom-hale", .member, nil), ("priya-shah", .member, nil),
            ("ann-cole", .member, nil), ("omar-said", .member, nil), ("sam-wu", .alternate, "priya-shah"),
            ("kate-lowe", .secretariat, nil),
        ]
        let terms = TermsOfReference(quorum: .members(4), style: style)
        run(try state.createCommittee(Committee(id: Self.board, name: "Harbour Valley Integrated Care Board", code: "hvb", terms: terms,
            memberships: seats.map { Membership(personID: $0.0, organisationID: "hvicb", role: $0.1, alternateFor: $0.2) })))
        run(try state.scheduleMeeting(Self.board, on: date, start: TimeOfDay(hour: 10, minute: 0), end: TimeOfDay(hour: 12, minute: 0),
                                      venue: "Board Room, Harbour House, Portside"))
        let m = Self.boardMeeting
        try item(m, "b-apologies", "Welcome, apologies and quorum", standing: .apologies)
        try item(m, "b-declarations", "Declarations of interest", standing: .declarations)
        try item(m, "b-finance", "Finance report, month 8")
        try item(m, "b-safety", "Patient safety report")
        try item(m, "b-aob", "Any other business", standing: .anyOtherBusiness)
        try item(m, "b-estates", "Estates contract renewal", confidential: true)
        try mark(m, "alan-reed", .present)
        try mark(m, "jane-roe", .present)
        try mark(m, "tom-hale", .present)
        try mark(m, "ann-cole", .present)
        try mark(m, "priya-shah", .apologies)
        try mark(m, "sam-wu", .deputy(for: "priya-shah", confirmedException: false))
        try mark(m, "omar-said", .absent)
        try mark(m, "kate-lowe", .present)
        try mark(m, "ben-ford", .inAttendance)
        run(try meeting(m).start(context: context(date, 10, 2)))
        let ctx = try meeting(m)
        run(try ctx.declare("ann-cole", on: "b-finance", interest: "trustee of Portside Hospice, which receives a grant",
                            excludes: false, context: context(date, 10, 5)))
        run(try meeting(m).declare("tom-hale", on: "b-estates", interest: "his brother is a director of a bidding firm",
                                   context: context(date, 10, 5)))
        try current(m, "b-finance")
        try minute(m, "b-finance", .note, """
            TH presented the report. At month 8 the Board is:
            - £1.2m behind plan, driven by
              - agency nursing
              - drugs costs
            - forecasting break-even at year end
            Harbour Valley ICB remains on its recovery trajectory.
            """)
        try minute(m, "b-finance", .noted, "The Board RESOLVED to NOTE the month 8 position.")
        try minute(m, "b-finance", .decision, "the revised capital plan be approved.")
        try current(m, "b-safety")
        try minute(m, "b-safety", .noted, "JR reported two serious incidents, both under investigation.")
        try minute(m, "b-safety", .noted, "Falls on the elderly care wards had fallen by a third since October.")
        try mark(m, "tom-hale", .present, departed: TimeOfDay(hour: 11, minute: 5), at: TimeOfDay(hour: 11, minute: 5))
        try mark(m, "jane-roe", .present, departed: TimeOfDay(hour: 11, minute: 6), at: TimeOfDay(hour: 11, minute: 6))
        try mark(m, "omar-said", .present, arrived: TimeOfDay(hour: 11, minute: 15), at: TimeOfDay(hour: 11, minute: 15))
        try minute(m, "b-safety", .decision, "RESOLVED: that the Board receives the report and the two investigations.")
        try current(m, "b-aob")
        try minute(m, "b-aob", .note, "There was no other business.")
        try current(m, "b-estates")
        try minute(m, "b-estates", .decision, "the contract be extended for twelve months.")
        let ask = context(date, 11, 40)
        run(try state.raiseAction(in: m, item: "b-safety", text: "JR to circulate the serious incident reports to members",
                                  owner: "JR", due: "2027-02-03", context: ask))
        run(try state.raiseAction(in: m, item: "b-estates", text: "to negotiate the extension", owner: "TH", due: "2027-02-28",
                                  context: context(date, 11, 41)))
        run(try state.raiseAction(in: m, item: "b-finance", text: "Tom Hale to bring the recovery plan back", owner: "TH",
                                  due: "by March 2027", context: context(date, 11, 42)))
        run(try state.raiseAction(in: m, item: "b-finance", text: "to brief the local MP", owner: "AR", due: "ongoing",
                                  context: context(date, 11, 43)))
        run(try state.raiseAction(in: m, item: "b-aob", text: "to book the room for March", owner: "KL", due: "3/2/2027",
                                  context: context(date, 11, 44)))
        let dropped = state.actions.values.first { $0.text.contains("local MP") }!.id
        run(try state.updateAction(dropped, status: .dropped, note: "withdrawn", meetingID: m, context: context(date, 11, 50)))
        run(try meeting(m).close(context: context(date, 12, 5)))
    }

    // MARK: The local-government committee

    mutating func setUpCouncil(style: HouseStyle?) throws {
        let date = Self.today
        run(try state.addOrganisation(Organisation(id: "northbrook", name: "Northbrook Borough Council")))
        let people = [
            Person(id: "mary-hart", name: "Mary Hart", title: "Cllr", initials: "MH"),
            Person(id: "john-pike", name: "John Pike", title: "Cllr", initials: "JP"),
            Person(id: "ahmed-khan", name: "Ahmed Khan", title: "Cllr", initials: "AK"),
            Person(id: "roy-best", name: "Roy Best", title: "Alderman", initials: "RB"),
            Person(id: "sue-ward", name: "Sue Ward", title: "Cllr", initials: "SWa"),
            Person(id: "david-lane", name: "David Lane", position: "Head of Planning", organisationID: "northbrook", initials: "DL"),
            Person(id: "ruth-green", name: "Ruth Green", position: "Democratic Services Officer", organisationID: "northbrook",
                   initials: "RG"),
        ]
        for p in people { run(try state.addPerson(p)) }
        let seats: [(PersonID, Role)] = [("mary-hart", .chair), ("john-pike", .member), ("ahmed-khan", .member),
                                         ("roy-best", .member), ("sue-ward", .member), ("ruth-green", .secretariat)]
        var terms = TermsOfReference(quorum: .members(3), declaredExcludedFromQuorum: true, style: style)
        terms.standingItems = [.apologies, .declarations, .previousMinutes]
        run(try state.createCommittee(Committee(id: Self.council, name: "Planning and Licensing Committee", code: "nbp", terms: terms,
            memberships: seats.map { Membership(personID: $0.0, organisationID: nil, role: $0.1) })))
        run(try state.scheduleMeeting(Self.council, on: date, start: TimeOfDay(hour: 18, minute: 30),
                                      venue: "Council Chamber, Northbrook Town Hall"))
        let m = Self.councilMeeting
        try item(m, "c-apologies", "Apologies for absence", standing: .apologies)
        try item(m, "c-declarations", "Declarations of interest", standing: .declarations)
        try item(m, "c-minutes", "Minutes", standing: .previousMinutes)
        try item(m, "c-mill-lane", "Planning application 26/0412: Land at Mill Lane", description: "Report of the Head of Planning")
        try item(m, "c-licensing", "Review of the statement of licensing policy", description: "To recommend to Council")
        try item(m, "c-station-road", "Acquisition of land at Station Road", confidential: true)
        try mark(m, "mary-hart", .present)
        try mark(m, "john-pike", .present)
        try mark(m, "ahmed-khan", .present)
        try mark(m, "roy-best", .present)
        try mark(m, "sue-ward", .apologies)
        try mark(m, "david-lane", .inAttendance)
        try mark(m, "ruth-green", .present)
        run(try meeting(m).start(context: context(date, 18, 31)))
        run(try meeting(m).declare("john-pike", on: "c-mill-lane", interest: "a personal interest: he lives in Mill Lane",
                                   context: context(date, 18, 32)))
        try current(m, "c-minutes")
        try minute(m, "c-minutes", .decision, "That the minutes of the meeting held on 16 December 2026 be confirmed as a correct record and signed by the Chair.")
        try current(m, "c-mill-lane")
        try minute(m, "c-mill-lane", .note, """
            The Head of Planning presented the report. Objections had been received on:
            1. traffic on Mill Lane
            2. loss of trees
            The applicant's agent addressed the Committee.
            """)
        try minute(m, "c-mill-lane", .decision, "RESOLVED – That the application be approved subject to the conditions in the report.")
        try current(m, "c-licensing")
        try minute(m, "c-licensing", .decision, "the revised statement of licensing policy be recommended to Council for adoption.")
        try current(m, "c-station-road")
        try minute(m, "c-station-road", .decision, "the purchase be approved at the price in the report.")
        run(try state.raiseAction(in: m, item: "c-licensing", text: "to publish the revised policy for consultation",
                                  owner: "David Lane", due: "2027-02-17", context: context(date, 19, 40)))
        run(try state.raiseAction(in: m, item: "c-station-road", text: "to complete the purchase", owner: "David Lane",
                                  due: "2027-03-31", context: context(date, 19, 41)))
        run(try state.raiseAction(in: m, item: "c-mill-lane", text: "David Lane to issue the decision notice",
                                  owner: "David Lane", due: "2027-01-27", context: context(date, 19, 42)))
        run(try meeting(m).close(context: context(date, 19, 45)))
    }
}

/// Ids unique within a run, without a clock or randomness.
private enum UUIDless {
    nonisolated(unsafe) static var n = 0
    static func next() -> Int { n += 1; return n }
}

extension CommandContext {
    func with(time: TimeOfDay) -> CommandContext {
        var copy = self
        copy.time = time
        return copy
    }
}
