import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation

/// `clerk log`: who changed what and when, newest first, from the journal's records.
struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "List changes to the archive, newest first: when, who, what and where.",
        discussion: """
        Who is the person the writing account is linked to, else the account, else 'unknown' \
        (records written before clerk recorded authors). Times are local.
        """)

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only changes to this meeting (an id from 'clerk meetings').", valueName: "ID")) var meeting: String?
    @Option(help: ArgumentHelp("Only changes made by this person (id, name or initials) or their accounts.", valueName: "P"))
    var person: String?
    @Option(help: ArgumentHelp("At most this many changes (the newest).", valueName: "N")) var limit: Int?
    @Option(help: "table, csv or json.") var format: ListFormat = .table

    func validate() throws {
        if let limit, limit < 1 { throw ValidationError("--limit \(limit) must be a whole number of 1 or more") }
    }

    struct Row: Encodable {
        var at: String, when: String, who: String, account: String?, person: String?, meeting: String?, type: String, what: String
    }

    func run() throws {
        let store = try global.openStore(mode: .readOnly)
        print(try output(store, account: SystemAccount.current(), clock: SystemClock.clock), terminator: "")
        Listing.finish(keeping: store)
    }

    /// The log as `account` may see it, times shown by `clock`; tests give both.
    func output(_ store: ArchiveStore, account: String, clock: Clock) throws -> String {
        let access = store.access(account: account, today: SystemAccount.today())
        var rows = try Self.rows(store, meeting: meeting, person: person, access: access, clock: clock)
        // Newest first; records of the same instant in the reverse of the order read.
        rows.reverse()
        if let limit { rows = Array(rows.prefix(limit)) }
        switch format {
        case .json: return try Listing.json(rows)
        case .csv:
            return Listing.csv(["at", "when", "who", "account", "person", "meeting", "type", "what"], rows.map {
                [$0.at, $0.when, $0.who, $0.account ?? "", $0.person ?? "", $0.meeting ?? "", $0.type, $0.what]
            })
        case .table:
            return Listing.table(["WHEN", "WHO", "MEETING", "WHAT"], rows.map { [$0.when, $0.who, $0.meeting ?? "-", $0.what] })
        }
    }

    /// The changes `access` may see, oldest first (records of one instant in the order read).
    static func rows(_ store: ArchiveStore, meeting: MeetingID?, person: String?, access: Access, clock: Clock) throws -> [Row] {
        let state = store.state
        if let meeting { _ = try store.record(of: meeting) }  // names an unknown meeting, with what to do
        let who = try person.map { try state.person(matching: $0) }
        let accounts = Set(who.map { state.access.accounts[$0.id, default: []] } ?? [])
        let hidden = store.confidentialItemLookup()
        var records: [MeetingID: MeetingRecord?] = [:]
        func record(_ id: MeetingID) -> MeetingRecord? {
            if let known = records[id] { return known }
            let read = try? store.record(of: id)
            records[id] = read
            return read
        }
        var rows: [Row] = []
        for entry in try store.history(meeting: meeting) {
            if let who, entry.author?.person != who.id, !(entry.author.map { accounts.contains($0.account) } ?? false) { continue }
            guard let event = entry.event else { continue }  // set aside at open: `clerk check` names it
            let description = LogDescription(event, archive: state, record: entry.segment.flatMap(record))
            let place = description.meeting ?? entry.segment
            if let meeting, place != meeting { continue }
            if let place, !visible(description, in: place, access: access, state: state, hidden: hidden) { continue }
            rows.append(Row(at: entry.at, when: Self.when(entry.at, clock: clock), who: Self.who(entry.author, state: state),
                            account: entry.author?.account, person: entry.author?.person, meeting: place,
                            type: event.kind.rawValue, what: description.what))
        }
        return rows.enumerated().sorted { ($0.element.at, $0.offset) < ($1.element.at, $1.offset) }.map(\.element)
    }

    /// Whether a person may see a record about this meeting: as `clerk actions` hides the
    /// actions of confidential items, records of confidential items (or of items that can
    /// no longer be found) are left out for someone barred from the committee's.
    private static func visible(_ d: LogDescription, in meeting: MeetingID, access: Access, state: ArchiveState,
                         hidden: (MeetingID, ItemID) -> Bool) -> Bool {
        if let action = d.action { return !access.hides(action, isConfidentialItem: hidden) }
        guard let committee = state.meetings[meeting]?.committeeID else { return access.seesEverything }
        if access.canSeeConfidential(committee: committee) { return true }
        if d.itemUnknown { return false }
        return d.item.map { !hidden(meeting, $0) } ?? true
    }

    /// The record's instant as local date and time by the one clock; as written if it is not whole seconds.
    static func when(_ at: String, clock: Clock) -> String {
        guard let instant = Instant(iso: at) else { return at }
        let local = clock.local(instant)
        return "\(local.today.iso) \(local.time.text)"
    }

    static func who(_ author: Author?, state: ArchiveState) -> String {
        guard let author else { return "unknown" }
        if let person = author.person, let p = state.people[person] { return p.formalName }
        return author.account
    }
}
