extension AgendaDeadlines {
    /// What the home screen says under an upcoming meeting, as of `today`, looking `days`
    /// ahead: "items due in 3 days (Thu 3 Dec)", "agenda not published: due Fri 11 Dec (in 2
    /// days)", "papers late: due Fri 11 Dec, agenda not published". Empty for a meeting that
    /// has taken place, is cancelled or is more than `days` from every deadline.
    public func warnings(for meeting: Meeting, today: CalendarDate, within days: Int = 7) -> [String] {
        guard !meeting.status.hasTakenPlace, meeting.status != .cancelled, meeting.date >= today else { return [] }
        var out: [String] = []
        let items = submissionDeadline(for: meeting.date)
        let untilItems = today.daysUntil(items)
        if untilItems >= 0, untilItems <= days {
            out.append(untilItems == 0 ? "items due today" : "items due in \(untilItems) day\(untilItems == 1 ? "" : "s") (\(items.short))")
        }
        let unpublished = meeting.agendaPublishedOn == nil && meeting.status == .planned
        guard unpublished else { return out }
        // With no papers rule the agenda is due by the meeting itself.
        let due = papersDate(for: meeting.date) ?? meeting.date
        let untilDue = today.daysUntil(due)
        if untilDue < 0 {
            out.append("papers late: due \(due.short), agenda not published")
        } else if untilDue <= days {
            out.append("agenda not published: due \(due.short) (\(TextScan.relativeDays(untilDue)))")
        }
        return out
    }
}
