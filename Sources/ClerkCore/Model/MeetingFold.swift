extension MeetingRecord {
    /// Folds one event of this meeting's segment. One that is malformed, belongs to another
    /// meeting or does not fit the record is not applied: it is recorded as an anomaly, named
    /// by `source` (the file and line it came from) when given. Never guessed at, never a crash.
    public mutating func apply(_ event: Event, from source: String? = nil) {
        guard let why = event.malformation ?? belongsHere(event) ?? fold(event) else { return }
        _anomalies.append(ArchiveState.anomaly(event.kind.rawValue, why, from: source))
    }

    /// Records a record that could not be read at all (set aside), so that it is counted
    /// and reported with the events that did not fit.
    public mutating func setAside(_ description: String) {
        _anomalies.append(description)
    }

    public private(set) var anomalies: [String] {
        get { _anomalies }
        set { _anomalies = newValue }
    }

    /// One meeting per file: an event naming another meeting is not this record's.
    private func belongsHere(_ event: Event) -> String? {
        guard case .meeting(let id) = event.scope else { return "an archive event in a meeting segment" }
        return id == meetingID ? nil : "names meeting \(IDGrammar.shown(id)), not \(IDGrammar.shown(meetingID)) whose file this is"
    }

    /// Items form a tree one level deep: a sub-item's parent is another, top-level, item.
    private func parentProblem(_ parent: ItemID?, of id: ItemID, hasSubItems: Bool) -> String? {
        guard let parent else { return nil }
        if parent == id { return "item \(IDGrammar.shown(id)) is its own parent" }
        guard let p = item(parent) else { return "unknown parent item \(IDGrammar.shown(parent))" }
        if p.parentID != nil { return "parent item \(IDGrammar.shown(parent)) is itself a sub-item; sub-items go one level deep" }
        if hasSubItems { return "item \(IDGrammar.shown(id)) has sub-items, so it cannot become a sub-item" }
        return nil
    }

    private func unknownItem(_ id: ItemID) -> String? {
        item(id) == nil ? "unknown item \(IDGrammar.shown(id))" : nil
    }

    private mutating func fold(_ event: Event) -> String? {
        switch event {
        case .itemAdded(let e):
            guard item(e.item.id) == nil else { return "item exists" }
            if let why = parentProblem(e.item.parentID, of: e.item.id, hasSubItems: false) { return why }
            insert(e.item, after: e.after)
        case .itemEdited(let e):
            guard let index = items.firstIndex(where: { $0.id == e.item.id }) else { return unknownItem(e.item.id) }
            let parent = items[index].parentID
            items[index] = e.item
            items[index].parentID = parent
        case .itemMoved(let e):
            guard var moved = item(e.itemID) else { return unknownItem(e.itemID) }
            let children = subItems(of: moved.id)
            if let why = parentProblem(e.parentID, of: moved.id, hasSubItems: !children.isEmpty) { return why }
            let family = Set([moved.id] + children.map(\.id))
            items.removeAll { family.contains($0.id) }
            moved.parentID = e.parentID
            insert(moved, after: e.after)
            guard var position = items.firstIndex(where: { $0.id == moved.id }) else { return "item lost in the move" }
            position += 1
            for child in children {
                items.insert(child, at: position)
                position += 1
            }
        case .itemRemoved(let e):
            guard item(e.itemID) != nil else { return unknownItem(e.itemID) }
            items.removeAll { $0.id == e.itemID || $0.parentID == e.itemID }
        case .currentItemSet(let e):
            if let why = unknownItem(e.itemID) { return why }
            currentItem = e.itemID
            currentItemSince = e.at
        case .attendanceMarked(let e):
            if let index = attendance.firstIndex(where: { $0.personID == e.attendance.personID }) {
                attendance[index] = e.attendance
            } else {
                attendance.append(e.attendance)
            }
        case .attendanceCleared(let e):
            guard attendance.contains(where: { $0.personID == e.personID }) else { return "no attendance to clear" }
            attendance.removeAll { $0.personID == e.personID }
            if e.retractsQuorumChange == true {
                guard !quorumChanges.isEmpty else { return "no quorum change to take back" }
                quorumChanges.removeLast()
            }
        case .declarationRecorded(let e):
            if let why = unknownItem(e.declaration.itemID) { return why }
            guard !declarations.contains(where: { $0.id == e.declaration.id }) else { return "declaration exists" }
            declarations.append(e.declaration)
        case .declarationWithdrawn(let e):
            declarations.removeAll { $0.id == e.declarationID }
        case .entryAdded(let e):
            if let why = unknownItem(e.entry.itemID) { return why }
            guard !entries.contains(where: { $0.id == e.entry.id }) else { return "entry exists" }
            entries.append(e.entry)
        case .entryEdited(let e):
            guard let index = entries.firstIndex(where: { $0.id == e.entryID }) else { return "unknown entry" }
            // All of the edit or none of it.
            var text = entries[index].text
            for splice in e.splices {
                guard let spliced = splice.apply(to: text) else { return "splice out of range" }
                text = spliced
            }
            entries[index].text = text
            if let kind = e.kind { entries[index].kind = kind }
            if let committees = e.committees { entries[index].committees = committees.isEmpty ? nil : committees }
        case .entryRemoved(let e):
            entries.removeAll { $0.id == e.entryID }
        case .entryConflicted(let e):
            return applyConflict(e)
        case .conflictResolved(let e):
            return applyResolution(e)
        case .voteRecorded(let e):
            if let why = unknownItem(e.vote.itemID) { return why }
            guard !votes.contains(where: { $0.id == e.vote.id }) else { return "vote exists" }
            votes.append(e.vote)
        case .quorumChanged(let e):
            quorumChanges.append(e.change)
        case .guestAdded(let e):
            if let item = e.guest.itemID, let why = unknownItem(item) { return why }
            if let index = guests.firstIndex(where: { $0.id == e.guest.id }) { guests[index] = e.guest } else { guests.append(e.guest) }
        case .guestRemoved(let e):
            guard let index = guests.firstIndex(where: { $0.id == e.guestID }) else { return "unknown guest \(IDGrammar.shown(e.guestID))" }
            guests[index].removed = true
        case .referencesAssigned(let e):
            if let r = e.references.first(where: { item($0.itemID) == nil && references[$0.itemID] == nil }) { return unknownItem(r.itemID) }
            // A reference once given stays: a second one for the same item is not applied.
            for r in e.references where references[r.itemID] == nil { references[r.itemID] = r.reference }
        default:
            return "an archive event in a meeting segment"
        }
        return nil
    }

    /// Places a top-level item after `after` (or last); a sub-item after `after` among its
    /// siblings (or after its parent's last sub-item).
    private mutating func insert(_ item: AgendaItem, after: ItemID?) {
        // A sub-item follows its parent or a sibling, never an item elsewhere on the agenda.
        let follows = after.flatMap { a in items.firstIndex { $0.id == a && (item.parentID == nil || $0.id == item.parentID || $0.parentID == item.parentID) } }
        if let index = follows {
            var position = index + 1
            // Keep a top-level item clear of the sub-items of the item it follows.
            if item.parentID == nil { while position < items.count, items[position].parentID != nil { position += 1 } }
            items.insert(item, at: position)
        } else if let parent = item.parentID, let parentIndex = items.firstIndex(where: { $0.id == parent }) {
            var position = parentIndex + 1
            while position < items.count, items[position].parentID == parent { position += 1 }
            items.insert(item, at: position)
        } else {
            items.append(item)
        }
    }
}
