/// When agenda items and papers are due before a meeting (seed 004: "agenda items need to be
/// submitted two weeks before the meeting"; "agenda and papers will be circulated by the
/// Friday preceding the meeting").
public struct AgendaDeadlines: Hashable, Sendable, Codable {
    /// Items are due this many days before the meeting (14 for two weeks).
    public var submissionLeadDays: Int
    public var papers: PapersRule

    public enum PapersRule: Hashable, Sendable, Codable {
        /// The Friday strictly before the meeting: a Friday meeting's papers go out a week earlier.
        case fridayBefore
        /// This many days before the meeting.
        case daysBefore(Int)
        /// No papers deadline.
        case none
    }

    public init(submissionLeadDays: Int = 14, papers: PapersRule = .fridayBefore) {
        self.submissionLeadDays = submissionLeadDays
        self.papers = papers
    }

    /// Two weeks for items, papers by the Friday before (seed 004).
    public static let standard = AgendaDeadlines()

    /// The last day to submit agenda items.
    public func submissionDeadline(for meeting: CalendarDate) -> CalendarDate {
        meeting.adding(days: -max(0, submissionLeadDays))
    }

    /// The day agenda and papers go out, or nil when there is no papers rule.
    public func papersDate(for meeting: CalendarDate) -> CalendarDate? {
        switch papers {
        case .fridayBefore:
            let back = (meeting.weekday.rawValue - Weekday.friday.rawValue + 7) % 7
            return meeting.adding(days: back == 0 ? -7 : -back)
        case .daysBefore(let n):
            return meeting.adding(days: -max(0, n))
        case .none:
            return nil
        }
    }

    /// Where things stand for `meeting` as of `today`.
    public func status(for meeting: CalendarDate, today: CalendarDate) -> DeadlineStatus {
        let items = submissionDeadline(for: meeting)
        let papers = papersDate(for: meeting)
        let phase: DeadlineStatus.Phase
        let summary: String
        func when(_ d: CalendarDate) -> String { "\(d.short) (\(TextScan.relativeDays(today.daysUntil(d))))" }
        if today > meeting {
            phase = .meetingPast
            summary = "meeting was \(when(meeting))"
        } else if today == meeting {
            phase = .meetingToday
            summary = "meeting today"
        } else if today <= items {
            phase = .submissionsOpen
            summary = "items due by \(when(items))"
        } else if let papers, today <= papers {
            phase = .papersDue
            summary = "items closed \(items.short); papers out by \(when(papers))"
        } else if let papers {
            phase = .papersPassed
            summary = "papers went out \(papers.short); meeting \(when(meeting))"
        } else {
            phase = .submissionsClosed
            summary = "items closed \(items.short); meeting \(when(meeting))"
        }
        return DeadlineStatus(phase: phase, meeting: meeting, submissionDeadline: items, papersDate: papers, summary: summary)
    }
}

public typealias PapersRule = AgendaDeadlines.PapersRule

/// Where a meeting's agenda stands, with one line of text for the screen.
public struct DeadlineStatus: Hashable, Sendable, Codable {
    public enum Phase: String, Hashable, Sendable, Codable {
        /// Items can still be submitted (up to and including the deadline day).
        case submissionsOpen
        /// Items are closed and there is no papers deadline.
        case submissionsClosed
        /// Items are closed; papers still to go out (up to and including the papers day).
        case papersDue
        /// Papers should have gone out; the meeting is still ahead.
        case papersPassed
        case meetingToday
        case meetingPast
    }

    public var phase: Phase
    public var meeting: CalendarDate
    public var submissionDeadline: CalendarDate
    public var papersDate: CalendarDate?
    /// "items due by Tue 24 Nov (in 3 days)".
    public var summary: String

    public init(phase: Phase, meeting: CalendarDate, submissionDeadline: CalendarDate, papersDate: CalendarDate?, summary: String) {
        self.phase = phase
        self.meeting = meeting
        self.submissionDeadline = submissionDeadline
        self.papersDate = papersDate
        self.summary = summary
    }

    /// True while agenda items may still be submitted.
    public var isOpen: Bool { phase == .submissionsOpen }
}

extension AgendaDeadlines {
    /// What a planned meeting's header says: "items due by Thu 3 Dec · papers Fri 11 Dec",
    /// with a warning for each date that has gone by while the meeting is still ahead.
    public func headline(for meeting: CalendarDate, today: CalendarDate) -> (text: String, warnings: [String]) {
        let items = submissionDeadline(for: meeting)
        let papers = papersDate(for: meeting)
        let text = (["items due by \(items.short)"] + (papers.map { ["papers \($0.short)"] } ?? [])).joined(separator: " · ")
        guard today < meeting else { return (text, []) }
        var warnings: [String] = []
        if today > items { warnings.append("items deadline passed") }
        if let papers, today > papers { warnings.append("papers date passed") }
        return (text, warnings)
    }
}
