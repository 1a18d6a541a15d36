import ClerkCore
import TextCells

/// iCalendar (RFC 5545) of committees' meetings and of action due dates. Meetings keep
/// the wall-clock times the secretary wrote (floating local times, as clerk stores them);
/// a meeting without times, and an action's due date, are all-day events. The output is
/// the same bytes for the same archive: the stamp of each event is derived from its date.
public enum ICalendar {
    public struct Options: Sendable {
        public var committees: [CommitteeID]?
        public var meetings = true
        public var actions = false
        public var confidentiality: Confidentiality = .redacted
        public var today: CalendarDate

        public init(committees: [CommitteeID]? = nil, meetings: Bool = true, actions: Bool = false,
                    confidentiality: Confidentiality = .redacted, today: CalendarDate) {
            self.committees = committees
            self.meetings = meetings
            self.actions = actions
            self.confidentiality = confidentiality
            self.today = today
        }
    }

    /// `confidentialItem` says which agenda items are confidential: in the public version an
    /// action raised under one is left out with them.
    public static func build(archive: ArchiveState, options: Options,
                             confidentialItem: (MeetingID, ItemID) -> Bool = { _, _ in false }) -> String {
        let committees = archive.committeeList.filter { options.committees?.contains($0.id) ?? true }
        var lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//clerk//committee meetings//EN", "CALSCALE:GREGORIAN",
                     "METHOD:PUBLISH"]
        if committees.count == 1 { lines.append("X-WR-CALNAME:" + escape(committees[0].name)) }
        for c in committees {
            if options.meetings {
                for m in archive.meetings(of: c.id) {
                    lines += meetingEvent(m, committee: c)
                }
            }
            if options.actions {
                let actions = archive.actions(matching: ActionFilter(committee: c.id, statuses: [.open, .inProgress]))
                let numbering = archive.publicNumbering()
                for a in actions where !(options.confidentiality == .redacted
                                         && (a.confidential || a.itemID.map { confidentialItem(a.meetingID, $0) } == true)) {
                    guard let deadline = a.due.deadline else { continue }
                    lines += [
                        "BEGIN:VEVENT",
                        "UID:action-\(a.id)-\(c.id)@clerk",
                        "DTSTAMP:\(stamp(deadline))",
                        "DTSTART;VALUE=DATE:\(basic(deadline))",
                        "DTEND;VALUE=DATE:\(basic(deadline.adding(days: 1)))",
                        "SUMMARY:" + escape("Action due: \(archive.ownerName(a.owner)) \(a.text)".visible),
                        "DESCRIPTION:" + escape("\(c.name), meeting of \(archive.meetings[a.meetingID]?.date.long ?? a.meetingID), action (\(Action.numeral(numbering.number(of: a)))), due \(a.due.text), \(a.status.rawValue)".visible),
                        "CATEGORIES:" + escape(c.code),
                        "TRANSP:TRANSPARENT",
                        "END:VEVENT",
                    ]
                }
            }
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func meetingEvent(_ m: Meeting, committee c: Committee) -> [String] {
        var lines = ["BEGIN:VEVENT", "UID:meeting-\(m.id)@clerk", "DTSTAMP:\(stamp(m.date))"]
        if let start = m.start {
            lines.append("DTSTART:\(basic(m.date))T\(clock(start))")
            let end = m.end ?? start
            lines.append("DTEND:\(basic(m.date))T\(clock(end))")
        } else {
            lines.append("DTSTART;VALUE=DATE:\(basic(m.date))")
            lines.append("DTEND;VALUE=DATE:\(basic(m.date.adding(days: 1)))")
        }
        lines.append("SUMMARY:" + escape((m.title.isEmpty ? c.name : m.title).visible + (m.isExtra ? " (extra meeting)" : "")))
        if !m.venue.isEmpty { lines.append("LOCATION:" + escape(m.venue.visible)) }
        var description = [String]()
        if let deadlines = c.terms.deadlines, !m.status.hasTakenPlace, m.status != .cancelled {
            description.append("Items for the agenda by \(deadlines.submissionDeadline(for: m.date).long).")
            if let papers = deadlines.papersDate(for: m.date) { description.append("Papers by \(papers.long).") }
        }
        description.append("Status: \(m.status.label). Meeting id \(m.id).")
        lines.append("DESCRIPTION:" + escape(description.joined(separator: "\n")))
        lines.append("CATEGORIES:" + escape(c.code))
        lines.append("STATUS:" + (m.status == .cancelled ? "CANCELLED" : "CONFIRMED"))
        lines.append("END:VEVENT")
        return lines
    }

    static func basic(_ d: CalendarDate) -> String { d.iso.replacingAll("-", with: "") }
    static func clock(_ t: TimeOfDay) -> String {
        (t.hour < 10 ? "0" : "") + String(t.hour) + (t.minute < 10 ? "0" : "") + String(t.minute) + "00"
    }
    static func stamp(_ d: CalendarDate) -> String { basic(d) + "T000000Z" }

    /// TEXT values: backslash, semicolon and comma escaped, line breaks as \n.
    static func escape(_ text: String) -> String {
        var out = ""
        for c in text {
            switch c {
            case "\\": out += "\\\\"
            case ";": out += "\\;"
            case ",": out += "\\,"
            case "\n", "\r\n", "\r": out += "\\n"
            // Other control characters and bidi overrides from the record: shown, as on the screen.
            default: out += Sanitize.visible(String(c))
            }
        }
        return out
    }

    /// Lines longer than 75 octets are folded (CRLF and a space), never inside a character.
    static func fold(_ line: String) -> String {
        guard line.utf8.count > 75 else { return line }
        var out = "", count = 0
        for c in line {
            let n = String(c).utf8.count
            if count + n > 75 {
                out += "\r\n "
                count = 1
            }
            out.append(c)
            count += n
        }
        return out
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
