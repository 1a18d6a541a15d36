import ClerkCore

/// The agenda pack of a meeting: title, date, time and venue, the deadlines for items and
/// papers, then each item with its presenter, papers and time allocation, and the time it
/// is reached at when the meeting's start time and allocations allow.
public enum AgendaDocument {
    public static func build(archive: ArchiveState, record: MeetingRecord,
                             confidentiality: Confidentiality = .redacted) throws -> Document {
        let (meeting, committee, hidden) = try MeetingLines.source(archive, record, confidentiality)
        var blocks: [Document.Block] = []
        if let deadlines = committee.terms.deadlines {
            var lines = ["Items for the agenda by \(deadlines.submissionDeadline(for: meeting.date).long)"]
            if let papers = deadlines.papersDate(for: meeting.date) { lines.append("Papers by \(papers.long)") }
            blocks.append(.group(nil, lines))
        }
        blocks.append(.section("Agenda"))
        // The clock runs through the allocations of top-level items (sub-items share their parent's).
        var clock = meeting.start
        for item in record.items {
            let isSub = item.parentID != nil
            let startsAt = isSub ? nil : clock
            if !isSub, let start = clock {
                clock = item.minutes.flatMap { TimeOfDay(minutesSinceMidnight: start.hour * 60 + start.minute + $0) }
            }
            guard !hidden.contains(item.id) else { continue }
            let number = record.number(of: item.id)
            var title = item.title.visible
            if item.confidential { title += " [confidential]" }
            blocks.append(.item(label: isSub ? String(number.last ?? "a") : number.visible, title: title, isSub: isSub,
                            referenced: !isSub && record.hasReference(item.id)))
            var details: [String] = []
            if let description = item.description, !description.isEmpty { details.append(description.visible) }
            if let ref = item.refersTo, let from = archive.meetings[ref.meetingID] {
                let what = ref.carried == true ? "Carried forward from" : "Arising from"
                details.append("\(what) the meeting of \(from.date.long)" + (ref.number.map { ", item \($0)" } ?? ""))
            }
            if let presenter = item.presenter, !presenter.isEmpty { details.append("Presenter: \(presenter.visible)") }
            if !item.papers.isEmpty { details.append("Papers: " + item.papers.map(\.visible).joined(separator: "; ")) }
            var timing: [String] = []
            if let startsAt { timing.append(startsAt.text) }
            if let minutes = item.minutes { timing.append("\(minutes) min") }
            if !timing.isEmpty { details.append("Time: " + timing.joined(separator: ", ")) }
            if !details.isEmpty { blocks.append(.itemDetails(details)) }
        }
        // Items not open to the public: listed by number and title, nothing more.
        let closed = record.items.filter { hidden.contains($0.id) }
        if !closed.isEmpty {
            blocks.append(.section(committee.terms.houseStyle.partTwoHeading.visible))
            for item in closed {
                let number = record.number(of: item.id)
                let isSub = item.parentID != nil
                blocks.append(.item(label: isSub ? String(number.last ?? "a") : number.visible, title: item.title.visible, isSub: isSub,
                            referenced: !isSub && record.hasReference(item.id)))
            }
        }
        let status: String = if let published = meeting.agendaPublishedOn {
            "Agenda published on \(published.long)"
        } else {
            "Draft agenda — not yet published"
        }
        return Document(title: ["Agenda for the meeting of", committee.name.visible],
                        details: MeetingLines.details(meeting), status: status, blocks: blocks)
    }
}

extension TimeOfDay {
    /// Nil past midnight: an agenda's clock stops rather than wrapping round.
    init?(minutesSinceMidnight m: Int) {
        guard m >= 0, m < 24 * 60 else { return nil }
        self.init(hour: m / 60, minute: m % 60)
    }
}
