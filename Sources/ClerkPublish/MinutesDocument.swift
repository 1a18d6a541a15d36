import ClerkCore

/// The minutes of one meeting as one combined record of minutes and actions (seed 004),
/// set out in the committee's house style: title, date, time, venue; attendance; apologies;
/// declarations; numbered items with lettered sub-items, the meeting's opening, quorum and
/// closing stated where they happened; decisions and votes; items not open to the public
/// listed by title; actions arising with owners and due dates; the date of the next
/// meeting; and whether the minutes are a draft or were approved, and when.
public enum MinutesDocument {
    /// A meeting in common gives one combined set of minutes, or with `committee` that
    /// committee's own extract (InCommonMinutes.swift).
    public static func build(archive: ArchiveState, record: MeetingRecord,
                             confidentiality: Confidentiality = .redacted, committee only: CommitteeID? = nil) throws -> Document {
        let (meeting, committee, hidden) = try MeetingLines.source(archive, record, confidentiality)
        if meeting.isInCommon || only != nil {
            return try InCommonMinutes(archive: archive, record: record, meeting: meeting, convening: committee, hidden: hidden,
                                       only: only).build()
        }
        let style = committee.terms.houseStyle
        let facts = MeetingFacts(archive: archive, record: record, meeting: meeting, committee: committee, hidden: hidden)
        let proper = MinuteWording.properNouns(archive)
        var blocks = MinutesAttendance(archive: archive, record: record, meeting: meeting, committee: committee,
                                       style: style).blocks()

        // The items, with what was minuted under each; part 2 items of the public version
        // are listed by title after them.
        let shown = record.items.filter { !hidden.contains($0.id) }
        for item in shown {
            blocks.append(itemHeading(item, record: record, archive: archive))
            if style.printsDescriptions, let description = item.description, !description.isEmpty {
                blocks.append(.itemDetails([description.visible]))
            }
            blocks += facts.opening(under: item.id)
            blocks += facts.declarations(under: item.id)
            for e in record.entries(for: item.id) {
                blocks += entryBlocks(e, style: style, properNouns: proper)
            }
            for vote in record.votes where vote.itemID == item.id {
                blocks.append(.paragraph("Vote on “\(vote.motion.visible)”: \(vote.tally.summary).", .decision))
            }
            blocks += facts.quorumChanges(under: item.id)
        }
        blocks += facts.partTwo()
        blocks += facts.closing()

        blocks += actionsArising(meeting, archive: archive, hidden: hidden)
        if let next = archive.nextMeeting(of: committee.id, after: meeting.date) {
            blocks.append(.section("Date of next meeting"))
            blocks.append(.paragraph(MeetingLines.when(next), .plain))
        }

        var details = MeetingLines.details(meeting)
        if let subtitle = style.subtitle, !subtitle.isEmpty { details.insert(subtitle.visible, at: 0) }
        return Document(title: [style.title.visible, committee.name.visible], details: details,
                        status: status(meeting, archive: archive), blocks: blocks)
    }

    /// Actions arising, numbered as minuted: the same numbers as the action log, so the
    /// two can be cross-referenced; a dropped or withdrawn action is not minuted as arising.
    static func actionsArising(_ meeting: Meeting, archive: ArchiveState, hidden: HiddenItems) -> [Document.Block] {
        let actions = archive.actions.values
            .filter { $0.meetingID == meeting.id && !hidden.hides($0) && $0.status != .dropped && $0.status != .withdrawn }
            .sorted { ($0.number, $0.id) < ($1.number, $1.id) }
        guard !actions.isEmpty else { return [] }
        let numbering = archive.publicNumbering()
        return [.section("Actions arising from the meeting")] + actions.map { a in
            .action(label: "(\(Action.numeral(numbering.number(of: a))))", text: actionText(a, archive: archive).visible,
                    due: MinuteWording.due(a.due)?.visible)
        }
    }

    static func itemHeading(_ item: AgendaItem, record: MeetingRecord, archive: ArchiveState) -> Document.Block {
        let number = record.number(of: item.id)
        let isSub = item.parentID != nil
        var title = item.title
        if let ref = item.refersTo, ref.carried == true, let from = archive.meetings[ref.meetingID] {
            title += " (carried forward from \(from.date.long))"
        }
        if item.confidential { title += " [confidential]" }
        return .item(label: isSub ? String(number.last ?? "a") : number.visible, title: title.visible, isSub: isSub,
                            referenced: !isSub && record.hasReference(item.id))
    }

    /// An entry as minuted: its typed paragraphs and lists, the first worded in the house style.
    static func entryBlocks(_ e: MinuteEntry, style: HouseStyle, properNouns: Set<String>) -> [Document.Block] {
        let emphasis: Document.Emphasis = switch e.kind {
        case .note: .plain
        case .noted: .noted
        case .decision: .decision
        case .correction: .correction
        }
        var blocks = TypedText.blocks(e.text, emphasis: emphasis)
        var lead = ""
        if e.kind == .correction { lead = "Correction recorded on \(e.correctedOn?.long ?? "a later date"): " }
        switch blocks.first {
        case .paragraph(let text, let emphasis)?:
            blocks[0] = .paragraph(lead + MinuteWording.opening(e.kind, text, style: style, properNouns: properNouns), emphasis)
        case .list?:
            let opening = MinuteWording.opening(e.kind, "", style: style).trimmedSpaces
            let words = lead + (opening.hasSuffix(" that") ? opening + ":" : opening)
            if !words.trimmedSpaces.isEmpty { blocks.insert(.paragraph(words.trimmedSpaces, emphasis), at: 0) }
        default: break
        }
        return blocks
    }

    /// "Jane Roe to circulate…", the owner named once even when the text begins with them.
    static func actionText(_ a: Action, archive: ArchiveState) -> String {
        var aliases: [String] = []
        switch a.owner {
        case .person(let id):
            if let p = archive.people[id] { aliases = [p.name, p.initials] }
        case .organisation(let id):
            if let o = archive.organisations[id] { aliases = [o.id.uppercased(), o.group].compactMap { $0 } }
        case .post:
            break
        }
        return MinuteWording.action(a.text, owner: archive.ownerName(a.owner), alsoKnownAs: aliases)
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

/// The confidential items of a meeting (and sub-items of confidential items), whose
/// content the public version leaves out: they are listed by title only.
struct HiddenItems {
    private var ids: Set<ItemID> = []
    private let redacted: Bool
    /// The items the record holds: an action raised under one it does not hold (taken out
    /// of the record for a person barred from it) is hidden too.
    private let known: Set<ItemID>

    init(record: MeetingRecord, confidentiality: Confidentiality) {
        redacted = confidentiality == .redacted
        known = Set(record.items.map(\.id))
        guard redacted else { return }
        for item in record.items where item.confidential { ids.insert(item.id) }
        for item in record.items where item.parentID.map(ids.contains) == true { ids.insert(item.id) }
    }

    func contains(_ id: ItemID) -> Bool { ids.contains(id) }

    /// An action is hidden when it is itself confidential or raised under a hidden item (or
    /// one the record does not hold).
    func hides(_ action: Action) -> Bool {
        redacted && (action.confidential || action.itemID.map { ids.contains($0) || !known.contains($0) } == true)
    }
}
