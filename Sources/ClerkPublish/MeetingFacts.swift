import ClerkCore

/// The statements of fact minutes make about a meeting, each under the item it belongs to:
/// when it opened and that it was quorate (the opening item), interests declared, when
/// quorum was lost or regained (the item then under discussion), the items not open to the
/// public, and when it closed.
struct MeetingFacts {
    let archive: ArchiveState
    let record: MeetingRecord
    let meeting: Meeting
    let committee: Committee
    let hidden: HiddenItems

    var style: HouseStyle { committee.terms.houseStyle }

    /// The first item the document shows: where the opening is minuted.
    var openingItem: ItemID? { record.items.first { !hidden.contains($0.id) }?.id }

    /// The standing declarations item, when the style minutes them all there and it is shown.
    var declarationsItem: ItemID? {
        guard style.declarations == .declarationsItem else { return nil }
        return record.items.first { $0.standing == .declarations && !hidden.contains($0.id) }?.id
    }

    // MARK: Opening

    func opening(under item: ItemID) -> [Document.Block] {
        guard item == openingItem, meeting.status.hasTakenPlace else { return [] }
        var lines: [String] = []
        if let opened = meeting.openedAt { lines.append("The meeting opened at \(opened.text).") }
        if style.quorum == .openingItem, let quorate = quorateAtOpening {
            lines.append(quorate ? "The meeting was quorate." : "The meeting was not quorate when it opened.")
        }
        // Changes recorded before the item they happened under was kept.
        var blocks = lines.isEmpty ? [] : [Document.Block.paragraph(lines.joined(separator: " "), .muted)]
        blocks += changeLines(record.quorumChanges.filter { $0.itemID == nil || record.item($0.itemID!) == nil })
        return blocks
    }

    /// Whether the meeting was quorate when it opened: the opposite of its first recorded
    /// change, or, with none, what the attendance gives with everyone who came at the start
    /// counted (deputies for the members they stand in for). Nil without a quorum rule.
    var quorateAtOpening: Bool? {
        if case .none = committee.terms.quorum { return nil }
        if let first = record.quorumChanges.first { return !first.isQuorate }
        var atStart = record
        atStart.attendance = record.attendance.compactMap { a in
            if let opened = meeting.openedAt, let arrived = a.arrived, arrived > opened { return nil }
            var a = a
            a.departed = nil
            return a
        }
        guard let context = try? MeetingContext(archive: archive, record: atStart) else { return nil }
        return context.quorum().isQuorate
    }

    // MARK: Quorum changes

    func quorumChanges(under item: ItemID) -> [Document.Block] {
        changeLines(record.quorumChanges.filter { $0.itemID == item })
    }

    /// "At 10:42 the meeting ceased to be quorate (2 of 3 members)." — "again" only once it
    /// had been lost.
    func changeLines(_ changes: [QuorumChange]) -> [Document.Block] {
        changes.map { change in
            let index = record.quorumChanges.firstIndex(of: change) ?? 0
            let lostBefore = record.quorumChanges.prefix(index).contains { !$0.isQuorate }
            let what = change.isQuorate ? (lostBefore ? "became quorate again" : "became quorate") : "ceased to be quorate"
            let detail = change.summary.split(separator: ":", maxSplits: 1).last.map { String($0).trimmedSpaces } ?? ""
            return .paragraph("At \(change.at.text) the meeting \(what)" + (detail.isEmpty ? "" : " (\(detail.visible))") + ".", .muted)
        }
    }

    // MARK: Declarations

    func declarations(under item: ItemID) -> [Document.Block] {
        let excludedFromQuorum = committee.terms.declaredExcludedFromQuorum
        func effect(_ d: Declaration) -> String {
            guard d.isExcluding else { return "" }
            return excludedFromQuorum ? " (did not vote on this item or count to its quorum)" : " (did not vote on this item)"
        }
        func who(_ d: Declaration) -> String {
            guard let p = archive.people[d.personID] else { return d.personID }
            return style.initials && !p.initials.isEmpty ? "\(p.formalName) (\(p.initials))" : p.formalName
        }
        if let place = declarationsItem {
            guard item == place else { return [] }
            let all = record.items.filter { !hidden.contains($0.id) }.flatMap { record.declarations(on: $0.id) }
            if all.isEmpty, meeting.status.hasTakenPlace { return [.paragraph("No declarations of interest were made.", .noted)] }
            return all.map { d in
                let on = record.item(d.itemID).map { "item \(record.number(of: $0.id)) (\($0.title))" } ?? "an item"
                return .paragraph("\(who(d)) declared an interest in \(on): \(d.interest)\(effect(d)).".visible, .noted)
            }
        }
        return record.declarations(on: item).map { d in
            .paragraph("\(who(d)) declared an interest: \(d.interest)\(effect(d)).".visible, .noted)
        }
    }

    // MARK: Part 2 and the close

    /// The public version lists the items not open to the public by number and title under
    /// their own heading, with the reason the public was excluded when the style gives one.
    func partTwo() -> [Document.Block] {
        let closed = record.items.filter { hidden.contains($0.id) }
        guard !closed.isEmpty else { return [] }
        var blocks: [Document.Block] = [.section(style.partTwoHeading.visible)]
        if let reason = style.exclusionReason, !reason.trimmedSpaces.isEmpty {
            blocks.append(.paragraph("The public were excluded from the following items because \(reason.trimmedSpaces).".visible, .muted))
        }
        for item in closed {
            let number = record.number(of: item.id)
            let isSub = item.parentID != nil
            blocks.append(.item(label: isSub ? String(number.last ?? "a") : number.visible, title: item.title.visible, isSub: isSub,
                            referenced: !isSub && record.hasReference(item.id)))
            blocks += changeLines(record.quorumChanges.filter { $0.itemID == item.id })
        }
        return blocks
    }

    func closing() -> [Document.Block] {
        guard let closed = meeting.closedAt else { return [] }
        return [.paragraph("The meeting closed at \(closed.text).", .muted)]
    }
}
