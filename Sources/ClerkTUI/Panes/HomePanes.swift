import ClerkCore
import Terminal

/// The home screen: committees, and the meetings of the one selected, grouped as a
/// secretary thinks of them — in progress, upcoming, past.
public enum HomePanes {
    public static func committeeList(data: ViewData, width: Int) -> Content {
        var c = Content()
        c.emptyText = "no committees yet"
        for committee in data.archive.committeeList {
            let entry = c.beginEntry()
            let next = data.archive.meetings(of: committee.id).first { $0.date >= data.today && $0.status != .cancelled }
            c.wrapped(committee.name, width: width, entry: entry)
            let meets = committee.terms.cadence?.text ?? "meets as arranged"
            c.wrapped(next.map { "next \($0.date.short) · \(meets)" } ?? meets, lead: "  ", width: width, slot: .muted, entry: entry)
        }
        return c
    }

    /// The meeting ids in the order their entries appear.
    public static func meetingOrder(data: ViewData, committee: Committee) -> [Meeting] {
        let all = data.archive.meetings(of: committee.id)
        let live = all.filter { $0.status == .inProgress }
        let upcoming = all.filter { !$0.status.hasTakenPlace && $0.date >= data.today }
        let past = all.filter { $0.status.hasTakenPlace && $0.status != .inProgress || (!$0.status.hasTakenPlace && $0.date < data.today) }
            .sorted { ($0.date, $0.id) > ($1.date, $1.id) }
        return live + upcoming + past
    }

    public static func meetingList(data: ViewData, committee: Committee, width: Int) -> Content {
        var c = Content()
        c.emptyText = "no meetings yet"
        let ordered = meetingOrder(data: data, committee: committee)
        var lastGroup = ""
        for m in ordered {
            let group = m.status == .inProgress ? "In progress" : (!m.status.hasTakenPlace && m.date >= data.today ? "Upcoming" : "Past")
            if group != lastGroup {
                if !lastGroup.isEmpty { c.blank() }
                c.heading(group, width: width)
                lastGroup = group
            }
            let entry = c.beginEntry()
            let time = [m.start?.text, m.end?.text].compactMap { $0 }.joined(separator: "–")
            let when = "\(m.date.iso) \(m.date.weekday.shortName)" + (time.isEmpty ? "" : " \(time)")
            let slot: ThemeSlot = m.status == .cancelled ? .muted : (m.status == .inProgress ? .itemCurrent : .base)
            let moved = m.movedFrom.map { " (moved from \($0.short))" } ?? ""
            c.wrapped(m.title + (m.isExtra ? " (extra)" : "") + moved, lead: when + "  ", width: width, slot: slot, entry: entry,
                      trailing: Span(m.status.label, .muted))
            // The deadlines of the committee's terms, in words (not colour alone), under the meeting.
            for warning in committee.terms.deadlines?.warnings(for: m, today: data.today) ?? [] {
                c.wrapped(warning, lead: "  ! ", width: width, slot: .actionOverdue, entry: entry)
            }
        }
        return c
    }
}
