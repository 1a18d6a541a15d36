import ClerkCore

/// The minutes of one meeting as one combined record of minutes and actions (seed 004),
/// laid out as seed 001 is: title, date, time, venue; attendance by organisation;
/// apologies; declarations; numbered items with lettered sub-items; decisions and votes;
/// actions arising with owners and due dates; the date of the next meeting; and whether
/// the minutes are a draft or were approved, and when.
public enum MinutesDocument {
    public static func build(archive: ArchiveState, record: MeetingRecord,
                             confidentiality: Confidentiality = .redacted) throws -> Document {
        let (meeting, committee, hidden) = try MeetingLines.source(archive, record, confidentiality)
        var blocks: [Document.Block] = []

        // Attendance, grouped as minuted.
        let here = record.attendance.filter { $0.presence.isInRoom }
        if !here.isEmpty {
            blocks.append(.section("In attendance"))
            var groups: [(String?, [String])] = []
            for a in here {
                let org = archive.people[a.personID]?.organisationID.flatMap { archive.organisations[$0] }
                let name = org?.group ?? org?.name
                // Under the organisation's own heading its name is not repeated on each line.
                let line = attendanceLine(a, archive: archive, naming: org?.group != nil || org == nil)
                if let i = groups.firstIndex(where: { $0.0 == name }) { groups[i].1.append(line) } else { groups.append((name, [line])) }
            }
            for (name, lines) in groups { blocks.append(.group(name, lines)) }
        }
        for (title, presence) in [("Apologies", Presence.apologies), ("Absent", Presence.absent)] {
            let lines = record.attendance.filter { $0.presence == presence }.map { attendanceLine($0, archive: archive) }
            if !lines.isEmpty {
                blocks.append(.section(title))
                blocks.append(.group(nil, lines))
            }
        }

        // The items, with what was minuted under each.
        let excluded = committee.terms.declaredExcludedFromQuorum
        let shown = hidden.shown(record)
        for item in shown.items {
            let number = shown.number(of: item.id)
            let isSub = item.parentID != nil
            var title = item.title
            if let ref = item.refersTo, ref.carried == true, let from = archive.meetings[ref.meetingID] {
                title += " (carried forward from \(from.date.long))"
            }
            if item.confidential { title += " [confidential]" }
            blocks.append(.item(label: isSub ? String(number.last ?? "a") : number, title: title, isSub: isSub))
            for d in record.declarations(on: item.id) {
                let who = archive.people[d.personID]?.formalName ?? d.personID
                let effect = excluded ? "did not vote on this item or count to its quorum" : "did not vote on this item"
                blocks.append(.paragraph("\(who) declared an interest: \(d.interest.visible) (\(effect)).", .noted))
            }
            for e in record.entries(for: item.id) {
                let emphasis: Document.Emphasis = switch e.kind {
                case .note: .plain
                case .noted: .noted
                case .decision: .decision
                case .correction: .correction
                }
                for (i, text) in e.text.paragraphs.enumerated() {
                    var lead = i == 0 ? e.kind.lead : ""
                    if e.kind == .correction, i == 0 { lead = "Correction recorded on \(e.correctedOn?.long ?? "a later date"): " }
                    blocks.append(.paragraph(lead + text, emphasis))
                }
            }
            for vote in record.votes where vote.itemID == item.id {
                blocks.append(.paragraph("Vote on “\(vote.motion.visible)”: \(vote.tally.summary).", .decision))
            }
        }
        for change in record.quorumChanges {
            blocks.append(.paragraph("At \(change.at.text) the meeting \(change.isQuorate ? "became quorate again" : "ceased to be quorate") (\(change.summary)).", .muted))
        }

        // Actions arising, numbered as minuted.
        let actions = archive.actions.values
            .filter { $0.meetingID == meeting.id && !hidden.hides($0) }
            .sorted { ($0.number, $0.id) < ($1.number, $1.id) }
        if !actions.isEmpty {
            blocks.append(.section("Actions arising from the meeting"))
            for (i, a) in actions.enumerated() {
                let due = a.due.text.isEmpty ? nil : a.due.text.visible
                blocks.append(.action(label: hidden.label(a, at: i), text: "\(archive.ownerName(a.owner)) \(a.text)".visible, due: due))
            }
        }
        if let next = archive.nextMeeting(of: committee.id, after: meeting.date) {
            blocks.append(.section("Date of next meeting"))
            blocks.append(.paragraph(MeetingLines.when(next), .plain))
        }

        return Document(title: ["Notes from the meeting of", committee.name.visible],
                        details: MeetingLines.details(meeting),
                        status: status(meeting, archive: archive), blocks: blocks)
    }

    static func attendanceLine(_ a: Attendance, archive: ArchiveState, naming: Bool = true) -> String {
        guard let p = archive.people[a.personID] else { return a.personID }
        var line = p.attendanceLine(organisation: naming ? p.organisationID.flatMap { archive.organisations[$0] } : nil)
        if case .deputy(let member, _) = a.presence { line += ", deputising for \(archive.people[member]?.name ?? member)" }
        if let arrived = a.arrived { line += ", arrived \(arrived.text)" }
        if let departed = a.departed { line += ", left \(departed.text)" }
        return line.visible
    }

    static func status(_ meeting: Meeting, archive: ArchiveState) -> String {
        switch meeting.status {
        case .minutesApproved:
            "Minutes approved" + (meeting.approvedOn.map { " on \($0.long)" } ?? "")
        case .minutesCirculated: "Draft minutes, circulated — not yet approved"
        case .minutesDraft, .inProgress: "Draft minutes — not yet approved"
        case .planned, .agendaPublished: "The meeting has not yet taken place"
        case .cancelled: "The meeting was stood down"
        }
    }
}

/// The date, time and venue lines every document opens with.
enum MeetingLines {
    /// The meeting and committee a record belongs to, and the items it must leave out.
    static func source(_ archive: ArchiveState, _ record: MeetingRecord,
                       _ confidentiality: Confidentiality) throws -> (Meeting, Committee, HiddenItems) {
        let meeting = try archive.meeting(record.meetingID)
        return (meeting, try archive.committee(meeting.committeeID), HiddenItems(record: record, confidentiality: confidentiality))
    }

    static func details(_ meeting: Meeting) -> [String] {
        var lines = [meeting.date.long]
        if let start = meeting.start {
            lines.append(start.text + (meeting.end.map { " – \($0.text)" } ?? ""))
        }
        if !meeting.venue.isEmpty { lines.append(meeting.venue.visible) }
        if meeting.isExtra { lines.append("Extra meeting") }
        return lines
    }

    static func when(_ meeting: Meeting) -> String {
        var text = meeting.date.long
        if let start = meeting.start { text += ", " + start.text + (meeting.end.map { " – \($0.text)" } ?? "") }
        if !meeting.venue.isEmpty { text += ", " + meeting.venue.visible }
        return text
    }
}

/// The confidential items of a meeting (and sub-items of confidential items), which the
/// public version leaves out with everything recorded under them.
struct HiddenItems {
    private var ids: Set<ItemID> = []
    private let redacted: Bool

    init(record: MeetingRecord, confidentiality: Confidentiality) {
        redacted = confidentiality == .redacted
        guard redacted else { return }
        for item in record.items where item.confidential { ids.insert(item.id) }
        for item in record.items where item.parentID.map(ids.contains) == true { ids.insert(item.id) }
    }

    func contains(_ id: ItemID) -> Bool { ids.contains(id) }

    /// The record without its hidden items: what the public version numbers. Leaving them
    /// out of the numbering too leaves no gap where a part II item was.
    func shown(_ record: MeetingRecord) -> MeetingRecord {
        guard !ids.isEmpty else { return record }
        var shown = record
        shown.items.removeAll { ids.contains($0.id) }
        return shown
    }

    /// Actions are numbered (i), (ii)… in the order shown: the public version has no gap either.
    func label(_ action: Action, at index: Int) -> String {
        "(\(Action.numeral(redacted ? index + 1 : action.number)))"
    }

    /// An action is hidden when it is itself confidential or raised under a hidden item.
    func hides(_ action: Action) -> Bool {
        redacted && (action.confidential || action.itemID.map(ids.contains) == true)
    }
}
