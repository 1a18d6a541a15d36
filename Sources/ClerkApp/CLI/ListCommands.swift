import ArgumentParser
import ClerkCore
import ClerkPublish
import ClerkStore
import Foundation

/// `clerk committees`: each committee with its cadence, rules and next meeting.
struct Committees: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List the committees in the archive.")

    @OptionGroup var global: GlobalOptions
    @Option(help: "table, csv or json.") var format: ListFormat = .table

    struct Row: Encodable {
        var id: String, name: String, code: String, cadence: String?, quorum: String, voting: String
        var members: Int, nextMeeting: String?
    }

    func run() throws {
        // Committees and their meetings: the checkpoint's actions are not read.
        let store = try global.openStore(mode: .readOnly, scope: .withoutActions)
        let today = try global.todayDate()
        let state = store.state
        let rows = state.committeeList.map { c in
            Row(id: c.id, name: c.name, code: c.code, cadence: c.terms.cadence?.text, quorum: c.terms.quorum.text,
                voting: c.terms.voting.text, members: c.memberships(on: today).filter { $0.role.isVotingMember }.count,
                nextMeeting: state.meetings(of: c.id).first { $0.date >= today && $0.status != .cancelled }?.date.iso)
        }
        switch format {
        case .json: print(try Listing.json(rows), terminator: "")
        case .csv:
            print(Listing.csv(["id", "name", "code", "cadence", "quorum", "voting", "members", "next_meeting"], rows.map {
                [$0.id, $0.name, $0.code, $0.cadence ?? "", $0.quorum, $0.voting, String($0.members), $0.nextMeeting ?? ""]
            }), terminator: "")
        case .table:
            print(Listing.table(["ID", "NAME", "MEETS", "NEXT", "MEMBERS"], rows.map {
                [$0.id, $0.name, $0.cadence ?? "as arranged", $0.nextMeeting ?? "-", String($0.members)]
            }), terminator: "")
        }
    }
}

/// `clerk meetings`: past and planned meetings with ISO dates and their ids.
struct Meetings: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List meetings, past and planned, with the ids other commands take.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this committee (id, code or name).", valueName: "C")) var committee: String?
    @Option(help: "table, csv or json.") var format: ListFormat = .table

    struct Row: Encodable {
        var id: String, committee: String, title: String, date: String, start: String?, end: String?
        var venue: String, status: String
    }

    func run() throws {
        let store = try global.openStore(mode: .readOnly)
        let state = store.state
        let committees = try committee.map { [try state.committee($0)] } ?? state.committeeList
        let rows = committees.flatMap { c in
            state.meetings(of: c.id).map {
                Row(id: $0.id, committee: c.id, title: $0.title, date: $0.date.iso, start: $0.start?.text, end: $0.end?.text,
                    venue: $0.venue, status: $0.status.rawValue)
            }
        }.sorted { ($0.date, $0.id) < ($1.date, $1.id) }
        switch format {
        case .json: print(try Listing.json(rows), terminator: "")
        case .csv:
            print(Listing.csv(["id", "committee", "title", "date", "start", "end", "venue", "status"], rows.map {
                [$0.id, $0.committee, $0.title, $0.date, $0.start ?? "", $0.end ?? "", $0.venue, $0.status]
            }), terminator: "")
        case .table:
            print(Listing.table(["ID", "DATE", "TIME", "STATUS", "COMMITTEE"], rows.map {
                [$0.id, $0.date, [$0.start, $0.end].compactMap { $0 }.joined(separator: "–"), $0.status, $0.title]
            }), terminator: "")
        }
    }
}

/// `clerk actions`: the action log across meetings, for the chair.
struct Actions: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "List actions, sorted by due date, with filters.")

    @OptionGroup var global: GlobalOptions
    @Option(help: ArgumentHelp("Only this committee (id, code or name).", valueName: "C")) var committee: String?
    @Option(help: ArgumentHelp("Only actions owned by this person or organisation (initials, a name or an organisation; "
                               + "an organisation's own actions, not its people's).", valueName: "P"))
    var owner: String?
    @Flag(help: "Only open actions past their due date.") var overdue = false
    @Flag(help: "Only actions due from today to the end of this week (Sunday).") var dueThisWeek = false
    @Option(help: ArgumentHelp("Only actions raised at this meeting (an id from 'clerk meetings').", valueName: "ID"))
    var meeting: String?
    @Option(help: ArgumentHelp("Only actions with this status: open, in-progress, done, dropped, ongoing, withdrawn (repeat for several; withdrawn actions are listed only when asked for).",
                               valueName: "S"))
    var status: [String] = []
    @Flag(help: "Include done and dropped actions.") var all = false
    @Flag(help: "Only my actions: those owned by the person the account running clerk is linked to.") var mine = false
    @Option(help: ArgumentHelp("owner: each owner's actions together, owners in alphabetical order (ignoring titles).",
                               valueName: "G"))
    var groupBy: ActionGrouping?
    @Option(help: "table, csv, json, or txt (a chase list to send by email, grouped by owner).")
    var format: ActionListFormat = .table

    enum ActionGrouping: String, ExpressibleByArgument, CaseIterable { case owner }
    enum ActionListFormat: String, ExpressibleByArgument, CaseIterable { case table, csv, json, txt }

    func validate() throws {
        if mine, owner != nil { throw ValidationError("--mine and --owner both say whose actions; give one") }
    }

    struct Row: Encodable {
        var id: String, committee: String, meeting: String, number: Int, text: String
        var owner: String, ownerKind: String, due: String, deadline: String?, status: String, overdue: Bool
    }

    /// Done and dropped actions are read only when they may be listed.
    var scope: ArchiveScope {
        all || status.contains { [.done, .dropped].contains(ActionStatus(rawValue: $0.lowercased())) } ? .everything : .liveActions
    }

    func run() throws {
        let store = try global.openStore(mode: .readOnly, scope: scope)
        print(try output(store, account: SystemAccount.current()), terminator: "")
        Listing.finish(keeping: store)
    }

    /// The listing as `account` may see it; tests give the account.
    func output(_ store: ArchiveStore, account: String) throws -> String {
        let today = try global.todayDate()
        let state = store.state
        let access = store.access(account: account, today: SystemAccount.today())
        var filter = try ActionFilters(committee: committee, owner: owner, overdue: overdue, dueThisWeek: dueThisWeek,
                                       meeting: meeting, status: status, all: all).filter(state, today: today)
        if mine { filter.ownerIs = .person(try access.me(in: state).id) }
        let listed = state.actions(matching: filter)
        let hidden = store.confidentialItemLookup()
        var actions = listed.filter { !access.hides($0, isConfidentialItem: hidden) }
        if format == .txt {
            return ChaseList.text(actions, archive: state, today: today, heading: chaseHeading(state))
        }
        let groups = groupBy == .owner ? ChaseList.groups(actions, archive: state) : []
        if groupBy == .owner { actions = groups.flatMap(\.actions) }
        let numbering = state.publicNumbering()
        let rows = actions.map { a -> Row in
            let kind: String
            switch a.owner { case .person: kind = "person"; case .organisation: kind = "organisation"; case .post: kind = "post" }
            return Row(id: a.id, committee: a.committeeID, meeting: a.meetingID, number: numbering.number(of: a), text: a.text,
                       owner: state.ownerName(a.owner), ownerKind: kind, due: a.due.text, deadline: a.due.deadline?.iso,
                       status: a.status.rawValue, overdue: a.isOverdue(on: today))
        }
        switch format {
        case .json: return try Listing.json(rows)
        case .csv:
            return Listing.csv(["id", "committee", "meeting", "number", "text", "owner", "due", "deadline", "status", "overdue"],
                               rows.map { [$0.id, $0.committee, $0.meeting, String($0.number), $0.text, $0.owner, $0.due,
                                           $0.deadline ?? "", $0.status, $0.overdue ? "yes" : "no"] })
        case .txt: return ""  // answered above
        case .table:
            let header = ["ID", "DUE", "STATUS", "OWNER", "MEETING", "ACTION"]
            func cells(_ r: Row) -> [String] {
                [r.id, (r.overdue ? "!" : "") + (r.due.isEmpty ? "-" : r.due), r.status, r.owner, r.meeting, r.text]
            }
            guard groupBy == .owner else { return Listing.table(header, rows.map(cells)) }
            // One table, so the columns line up across owners; each owner's rows under a
            // heading line with the owner's name and count.
            var lines = Listing.table(header, rows.map(cells)).split(separator: "\n", omittingEmptySubsequences: false)
            var out = [String(lines.removeFirst())]
            for group in groups {
                let late = group.actions.filter { $0.isOverdue(on: today) }.count
                out.append("")
                out.append(Listing.text("\(group.label): \(group.actions.count) action\(group.actions.count == 1 ? "" : "s")"
                                        + (late > 0 ? ", \(late) overdue" : "")))
                out.append(contentsOf: lines.prefix(group.actions.count).map(String.init))
                lines.removeFirst(group.actions.count)
            }
            return out.joined(separator: "\n") + "\n"
        }
    }

    /// "Overdue actions — Hillingdon PBC", from the filters given.
    private func chaseHeading(_ state: ArchiveState) -> String {
        var words: [String] = []
        if overdue { words.append("Overdue actions") } else if dueThisWeek { words.append("Actions due this week") }
        else if mine { words.append("My actions") } else { words.append(all ? "All actions" : "Outstanding actions") }
        if let committee, let c = try? state.committee(committee) { words.append(c.name) }
        return words.joined(separator: " — ")
    }
}
