import ClerkCore
import Foundation
import Synchronization

/// The archive `clerk` opens when there is no data yet: the committees, people and papers of
/// the seed documents, built through the ClerkCore commands so that every event is one the
/// rules would have accepted from a secretary.
///
/// - Seed 000: terms of reference of the West Herts PBC Leads.
/// - Seed 001: the Hertfordshire PBC Leads meeting of 22 April 2008, with its minutes and actions.
/// - Seed 002: the Brent PEC membership and its work plan ("OBJECTIVES of the nPEC").
/// - Seed 004: terms of reference of the Pan Cluster Planning Group.
///
/// Wording is kept as the seeds have it (runs of spaces and tabs from the documents' layout
/// are closed up to one space).
public enum DemoArchive {
    /// The demo archive's events in order, built through the ClerkCore commands (so they are validated),
    /// deterministic for a given `today` (ids from a deterministic counter, not random).
    public static func events(today: CalendarDate) throws -> [Event] {
        var b = Builder()
        try b.addOrganisations()
        try b.addPeople()
        try b.createHertsPBCLeads()
        try b.createWestHertsPBCLeads()
        try b.createPanClusterPlanningGroup(today: today)
        try b.createBrentPEC()
        try b.recordMeetingOf22April2008()
        try b.setWorkPlan()
        try b.planMeetings(today: today)
        return b.events
    }

    // MARK: Ids used elsewhere (tests, first-run hints)

    public static let hertsPBCLeads: CommitteeID = "herts-pbc-leads"
    public static let westHertsPBCLeads: CommitteeID = "west-herts-pbc-leads"
    public static let panClusterPlanningGroup: CommitteeID = "pan-cluster-planning-group"
    public static let brentPEC: CommitteeID = "brent-pec"
}

// MARK: - Building

/// Fresh ids: the prefix and a count per prefix ("i-1", "i-2", "a-1"), the same on every run.
final class IDSource: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func next(_ prefix: String) -> String {
        counts.withLock { counts in
            let n = counts[prefix, default: 0] + 1
            counts[prefix] = n
            return "\(prefix)\(n)"
        }
    }
}

/// Holds the archive as built so far and every meeting's record, and applies each command's
/// events as they are made, so that the next command is validated against them.
struct Builder {
    var state = ArchiveState()
    var records: [MeetingID: MeetingRecord] = [:]
    var events: [Event] = []
    let ids = IDSource()

    mutating func run(_ new: [Event]) {
        for event in new {
            switch event.scope {
            case .archive: state.apply(event)
            case .meeting(let id): records[id, default: MeetingRecord(meetingID: id)].apply(event)
            }
            events.append(event)
        }
    }

    func context(at now: Instant, today: CalendarDate) -> CommandContext {
        let ids = self.ids
        return CommandContext(now: now, today: today, makeID: { ids.next($0) })
    }

    func meeting(_ id: MeetingID) throws -> MeetingContext {
        try MeetingContext(archive: state, record: records[id] ?? MeetingRecord(meetingID: id))
    }
}

func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
}

func time(_ text: String) -> TimeOfDay {
    TimeOfDay(text: text)!
}

/// The instant of a wall-clock time on a date, written as UTC (clerk keeps meeting times as
/// local wall time, so the demo's clock readings match the times on its agendas).
func instant(_ d: CalendarDate, _ hour: Int, _ minute: Int) -> Instant {
    Instant(date: d, time: TimeOfDay(hour: hour, minute: minute)!)
}

// MARK: - Meetings to come

extension Builder {
    mutating func planMeetings(today: CalendarDate) throws {
        let ctx = context(at: instant(today, 9, 0), today: today)
        let from = today.adding(days: 1)
        let venue = "To be confirmed"
        run(try state.scheduleFromCadence(DemoArchive.westHertsPBCLeads, from: from, count: 12,
                                          start: time("13:00"), end: time("15:00"), venue: venue))
        run(try state.scheduleFromCadence(DemoArchive.panClusterPlanningGroup, from: from, count: 12,
                                          start: time("10:00"), end: time("12:00"), venue: venue))
        run(try state.scheduleFromCadence(DemoArchive.brentPEC, from: from, count: 12,
                                          start: time("13:00"), end: time("15:00"), venue: venue))

        // The next West Herts meeting: its standing agenda and two items from its objectives.
        if let next = state.nextMeeting(of: DemoArchive.westHertsPBCLeads, after: today) {
            run(try meeting(next.id).standingAgenda(context: ctx))
            var after = records[next.id]?.items.last(where: { $0.standing == .actionLog })?.id
            for title in ["Joint commissioning priorities", "Locality plans for collaboration across West Herts"] {
                let item = AgendaItem(id: ctx.newID("i-"), title: title, minutes: 20)
                run(try meeting(next.id).addItem(item, after: after))
                after = item.id
            }
        }
        if let next = state.nextMeeting(of: DemoArchive.panClusterPlanningGroup, after: today) {
            run(try meeting(next.id).standingAgenda(context: ctx))
        }
    }
}
