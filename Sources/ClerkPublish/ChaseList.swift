import ClerkCore
import TextCells

/// Actions grouped by the person, organisation or post that owns them — how a chair goes
/// through the log the evening before a meeting, and the plain-text list sent to each owner.
public enum ChaseList {
    public struct Group: Sendable, Hashable {
        public var owner: Owner
        /// "Dr Peter Graves (PG)", "LMC", "Director of Finance".
        public var label: String
        public var actions: [Action]
    }

    /// The owners in alphabetical order of their names (ignoring case and titles, so "Dr
    /// Peter Graves" files under P); each owner's actions in the order given.
    public static func groups(_ actions: [Action], archive: ArchiveState) -> [Group] {
        var order: [Owner] = []
        var byOwner: [Owner: [Action]] = [:]
        for a in actions {
            if byOwner[a.owner] == nil { order.append(a.owner) }
            byOwner[a.owner, default: []].append(a)
        }
        func sortKey(_ owner: Owner) -> String {
            let name: String
            switch owner {
            case .person(let id): name = archive.people[id]?.name ?? id
            case .organisation(let id): name = archive.organisations[id]?.name ?? id
            case .post(let post): name = post
            }
            return name.lowercased()
        }
        let sorted = order.enumerated().sorted { l, r in
            let (a, b) = (sortKey(l.element), sortKey(r.element))
            return a != b ? a < b : l.offset < r.offset
        }.map(\.element)
        return sorted.map { Group(owner: $0, label: label($0, archive: archive), actions: byOwner[$0] ?? []) }
    }

    public static func label(_ owner: Owner, archive: ArchiveState) -> String {
        if case .person(let id) = owner, let person = archive.people[id], !person.initials.isEmpty {
            return "\(person.formalName) (\(person.initials))"
        }
        return archive.ownerName(owner)
    }

    /// The list as plain text for an email, at most `width` columns: a heading, then each
    /// owner with their actions, each with its due date (and "overdue"), where it was raised
    /// and its latest update. Text from the archive is made visible, never sent as control
    /// characters.
    public static func text(_ actions: [Action], archive: ArchiveState, today: CalendarDate,
                            heading: String = "Actions", width: Int = 72) -> String {
        let groups = groups(actions, archive: archive)
        var out: [String] = []
        func add(_ text: String, indent: Int = 0, hanging: Int? = nil) {
            let lines = DisplayWidth.wrap(Sanitize.visible(text), width: max(20, width - indent))
            for (i, line) in lines.enumerated() {
                let pad = i == 0 ? indent : (hanging ?? indent)
                out.append(String(repeating: " ", count: pad) + line)
            }
        }
        let overdue = actions.filter { $0.isOverdue(on: today) }.count
        add(heading)
        add("As at \(today.long): \(count(actions.count, "action")), \(overdue) overdue, "
            + "\(count(groups.count, "owner")).")
        if actions.isEmpty {
            out.append("")
            add("No actions match.")
        }
        for group in groups {
            out.append("")
            let late = group.actions.filter { $0.isOverdue(on: today) }.count
            add("\(group.label) — \(count(group.actions.count, "action"))" + (late > 0 ? ", \(late) overdue" : ""))
            for (n, a) in group.actions.enumerated() {
                let marker = "\(n + 1). "
                add(marker + a.text, indent: 2, hanging: 2 + marker.count)
                var facts: [String] = []
                if a.due.text.isEmpty { facts.append("No due date") } else {
                    // A date typed as a date reads as one; "by July 2008" or "next meeting"
                    // stays as minuted.
                    let due = a.due.deadline.flatMap { $0.iso == a.due.text ? $0.medium : nil } ?? a.due.text
                    facts.append("Due: " + due + (a.isOverdue(on: today) ? " (overdue)" : ""))
                }
                if let meeting = archive.meetings[a.meetingID] {
                    let committee = archive.committees[a.committeeID]?.code ?? a.committeeID
                    facts.append("raised at \(committee) on \(meeting.date.medium), action \(Action.numeral(a.number))")
                }
                facts.append("status \(a.status.rawValue)")
                add(facts.joined(separator: "; ") + ".", indent: 2 + marker.count)
                if let last = a.history.last, !last.note.isEmpty {
                    add("Last update \(last.on.medium): \(last.note)", indent: 2 + marker.count)
                }
            }
        }
        return out.joined(separator: "\n") + "\n"
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
