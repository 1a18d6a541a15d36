/// Building a meeting's agenda: reordering, nesting, editing and removing items.
///
/// Numbering is what papers and minutes cite ("item 4b"), so once the agenda is published
/// (or the meeting has begun) nothing may change an item's number: items cannot be moved,
/// nested, lifted out or removed, and a late item can only be added where it changes no
/// number — at the end, or as the last sub-item of an item (usually "Any other business").
/// Details (title, presenter, papers, time, confidential) can still be edited.
extension MeetingContext {
    public enum Direction: Sendable, Hashable {
        case up, down
    }

    /// Why the agenda's numbering can no longer change, or nil while it can.
    public var numberingLock: String? {
        if let on = meeting.agendaPublishedOn {
            return "agenda published \(on.iso): numbering locked"
        }
        if meeting.status != .planned && meeting.status != .agendaPublished {
            return "meeting \(meeting.id) is \(meeting.status.label): numbering locked"
        }
        return nil
    }

    private func requireRenumberable(_ what: String) throws {
        try requireWritable(what)
        if let lock = numberingLock {
            throw CommandError(.notAllowed, "\(lock), items cannot be \(what)")
        }
    }

    private func existing(_ id: ItemID) throws -> AgendaItem {
        guard let item = record.item(id) else { throw CommandError.notFound("agenda item", id, hint: "pick an item of this meeting") }
        return item
    }

    /// Items at the same level as `item`: the top-level items, or its parent's sub-items.
    private func siblings(of item: AgendaItem) -> [AgendaItem] {
        item.parentID.map(record.subItems(of:)) ?? record.topLevelItems
    }

    /// Swaps the item with its neighbour above or below at the same level; a top-level item
    /// takes its sub-items with it, a sub-item stays within its parent.
    public func moveItem(_ id: ItemID, _ direction: Direction) throws -> [Event] {
        let item = try existing(id)
        try requireRenumberable("moved")
        let level = siblings(of: item)
        let index = level.firstIndex { $0.id == id } ?? 0
        let number = record.number(of: id)
        switch direction {
        case .up:
            guard index > 0 else {
                throw CommandError(.invalid, "item \(number) is already first\(item.parentID == nil ? "" : " under its item"); move another item instead")
            }
            // The one above goes after this one: the same swap, expressible with `after`.
            let above = level[index - 1]
            return [.itemMoved(ItemMoved(meetingID: meeting.id, itemID: above.id, parentID: above.parentID, after: id))]
        case .down:
            guard index + 1 < level.count else {
                throw CommandError(.invalid, "item \(number) is already last\(item.parentID == nil ? "" : " under its item"); move another item instead")
            }
            return [.itemMoved(ItemMoved(meetingID: meeting.id, itemID: id, parentID: item.parentID, after: level[index + 1].id))]
        }
    }

    /// Makes a top-level item the last sub-item of the top-level item above it.
    public func indentItem(_ id: ItemID) throws -> [Event] {
        let item = try existing(id)
        try requireRenumberable("nested")
        let number = record.number(of: id)
        guard item.parentID == nil else {
            throw CommandError(.invalid, "item \(number) is already a sub-item; sub-items go one level deep")
        }
        guard record.subItems(of: id).isEmpty else {
            throw CommandError(.invalid, "item \(number) has sub-items of its own; sub-items go one level deep, so lift those out first")
        }
        let tops = record.topLevelItems
        guard let index = tops.firstIndex(where: { $0.id == id }), index > 0 else {
            throw CommandError(.invalid, "item \(number) is the first item, so there is no item above to nest it under")
        }
        let parent = tops[index - 1]
        return [.itemMoved(ItemMoved(meetingID: meeting.id, itemID: id, parentID: parent.id, after: record.subItems(of: parent.id).last?.id))]
    }

    /// Lifts a sub-item out: it becomes the top-level item after its parent (and the
    /// parent's other sub-items).
    public func outdentItem(_ id: ItemID) throws -> [Event] {
        let item = try existing(id)
        try requireRenumberable("lifted out")
        guard let parent = item.parentID else {
            throw CommandError(.invalid, "item \(record.number(of: id)) is not a sub-item, so there is nothing to lift it out of")
        }
        return [.itemMoved(ItemMoved(meetingID: meeting.id, itemID: id, parentID: nil, after: parent))]
    }

    /// Changes an item's details; nothing when nothing changes. Allowed after publication.
    /// `description` nil keeps the item's description; empty clears it.
    public func editItem(_ id: ItemID, title: String, presenter: String?, papers: [String], minutes: Int?,
                         confidential: Bool, description: String? = nil) throws -> [Event] {
        var item = try existing(id)
        try requireWritable("editing the agenda")
        let title = title.trimmed
        guard !title.isEmpty else { throw CommandError(.invalid, "an agenda item needs a title") }
        let described = try description.map(AgendaItem.parseDescription) ?? item.description
        if let minutes, minutes < 1 || minutes > 600 {
            throw CommandError(.invalid, "time allocation \(minutes) is not between 1 and 600 minutes")
        }
        let before = item
        item.title = title
        item.presenter = presenter?.trimmed.nilIfEmpty
        item.papers = papers.map(\.trimmed).filter { !$0.isEmpty }
        item.minutes = minutes
        item.confidential = confidential
        item.description = described
        return item == before ? [] : [.itemEdited(ItemEdited(meetingID: meeting.id, item: item))]
    }

    /// Removes an item and its sub-items, unless anything was recorded against them.
    public func removeItem(_ id: ItemID) throws -> [Event] {
        let item = try existing(id)
        try requireRenumberable("removed")
        let number = record.number(of: id)
        let family = Set([item.id] + record.subItems(of: id).map(\.id))
        let recorded = record.recorded(under: item.id) + (archive.actions.values.contains {
            $0.meetingID == meeting.id && $0.itemID.map(family.contains) == true } ? ["actions"] : [])
        guard recorded.isEmpty else {
            throw CommandError(.notAllowed, "item \(number) has \(recorded.joined(separator: ", ")) recorded against it, so it stays on the agenda")
        }
        return [.itemRemoved(ItemRemoved(meetingID: meeting.id, itemID: id))]
    }

    /// After publication an added item must leave every published number as it was.
    func requireNumbersKept(adding item: AgendaItem, after: ItemID?) throws {
        guard let lock = numberingLock else { return }
        var changed = record
        changed.apply(.itemAdded(ItemAdded(meetingID: meeting.id, item: item, after: after)))
        if record.items.contains(where: { changed.number(of: $0.id) != record.number(of: $0.id) }) {
            let aob = record.items.first { $0.standing == .anyOtherBusiness }
            let hint = aob.map { "add a late item under item \(record.number(of: $0.id)) (\($0.title)) as a sub-item" }
                ?? "add a late item at the end"
            throw CommandError(.notAllowed, "\(lock); \(hint)")
        }
    }
}

extension String {
    var nilIfEmpty: String? { isEmpty ? nil : self }
}

extension ArchiveState {
    /// Plans a meeting by hand and starts its agenda: the committee's standing items, with
    /// the unfinished items of `previous` (the record of the committee's last meeting before
    /// the date) carried forward when no other meeting has received them at its close.
    public func planMeeting(_ committeeID: CommitteeID, on date: CalendarDate, start: TimeOfDay? = nil, end: TimeOfDay? = nil,
                            venue: String = "", isExtra: Bool = false, previous: MeetingRecord? = nil,
                            context: CommandContext) throws -> [Event] {
        let scheduled = try scheduleMeeting(committeeID, on: date, start: start, end: end, venue: venue, isExtra: isExtra)
        guard case .meetingScheduled(let meeting)? = scheduled.first else { return scheduled }
        let committee = try self.committee(committeeID)
        var carried: [AgendaItem] = []
        if let previous, let earlier = meetings[previous.meetingID], earlier.committeeID == committee.id,
           earlier.date < date, earlier.status.hasTakenPlace, earlier.status != .inProgress,
           nextMeeting(of: committee.id, after: earlier.date) == nil {
            carried = try MeetingContext(archive: self, record: previous).carriedForward(context: context)
        }
        return scheduled + MeetingContext.openingAgenda(of: meeting.id, committee: committee, context: context) { carried }
    }
}

extension AgendaItem {
    /// The longest description an item takes: a line or two under its title.
    public static let maxDescriptionLength = 300

    /// The description to store for what was typed: trimmed, nil when empty. Throws a
    /// one-line reason for a control character or text too long.
    public static func parseDescription(_ typed: String) throws -> String? {
        if Venue.hasControl(typed) {
            throw CommandError(.invalid, "the description contains a control character; type it again without it")
        }
        let text = typed.trimmed
        guard text.count <= maxDescriptionLength else {
            throw CommandError(.invalid, "the description is \(text.count) characters, longer than \(maxDescriptionLength); shorten it")
        }
        return text.nilIfEmpty
    }
}
