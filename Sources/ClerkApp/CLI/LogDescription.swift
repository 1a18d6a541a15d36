import ClerkCore
import Foundation

/// What one journal record did, in words, for `clerk log`: the meeting it concerns, the
/// agenda item it touches (for deciding what a person barred from confidential items
/// may see), and whether it concerns an action.
struct LogDescription {
    var what: String
    var meeting: MeetingID?
    /// The item the record touches, or nil; `itemUnknown` when it touches one that can no
    /// longer be found (removed since), which counts as confidential for a barred person.
    var item: ItemID?
    var itemUnknown = false
    var action: Action?

    /// `record` is the meeting's record as it now stands (items, paragraphs), nil for
    /// records of the archive segment.
    init(_ event: Event, archive: ArchiveState, record: MeetingRecord?) {
        func name(_ id: PersonID) -> String { archive.people[id]?.formalName ?? id }
        func itemText(_ id: ItemID) -> String { record?.item(id) == nil ? "an item since removed" : "item \(record!.number(of: id))" }
        func action(_ id: ActionID) -> (Action?, String) {
            guard let a = archive.actions[id] else { return (nil, "an action") }
            return (a, "action (\(Action.numeral(a.number)))")
        }
        what = event.kind.rawValue
        switch event {
        case .organisationAdded(let o): what = "added the organisation \(o.name)"
        case .personAdded(let p): what = "added \(p.formalName)"
        case .personUpdated(let p): what = "updated \(p.formalName)"
        case .committeeCreated(let c): what = "created the committee \(c.name)"
        case .termsChanged(let t): what = "changed the terms of reference of \(t.name)"
        case .membershipStarted(let m): what = "made \(name(m.membership.personID)) a member of \(archive.committees[m.committeeID]?.name ?? m.committeeID)"
        case .membershipEnded(let m): what = "ended \(name(m.personID))'s membership of \(archive.committees[m.committeeID]?.name ?? m.committeeID)"
        case .seatCorrected(let m): what = "corrected \(name(m.personID))'s seat on \(archive.committees[m.committeeID]?.name ?? m.committeeID)"
        case .meetingScheduled(let m): meeting = m.id; what = "planned the meeting of \(m.date.iso)"
        case .meetingMoved(let m): meeting = m.meetingID; what = "moved the meeting to \(m.date.iso)"
        case .meetingCancelled(let m): meeting = m.meetingID; what = "stood down the meeting"
        case .meetingInCommon(let m):
            meeting = m.meetingID
            what = m.committees.isEmpty ? "made the meeting one committee's again" : "held the meeting in common with \(m.committees.joined(separator: ", "))"
        case .agendaPublished(let m): meeting = m.meetingID; what = "published the agenda"
        case .meetingStarted(let m): meeting = m.meetingID; what = "started the meeting"
        case .meetingClosed(let m): meeting = m.meetingID; what = "closed the meeting"
        case .minutesCirculated(let m): meeting = m.meetingID; what = "circulated the minutes"
        case .minutesApproved(let m): meeting = m.meetingID; what = "recorded the minutes as approved"
        case .actionRaised(let a):
            meeting = a.meetingID
            self.action = archive.actions[a.id] ?? a
            what = "raised action (\(Action.numeral(a.number)))"
        case .actionUpdated(let u):
            let (a, text) = action(u.actionID)
            self.action = a; meeting = a?.meetingID
            what = "updated \(text) to \(u.update.status.rawValue.replacingOccurrences(of: "-", with: " "))"
        case .actionEdited(let e):
            let (a, text) = action(e.actionID)
            self.action = a; meeting = a?.meetingID
            what = "edited \(text)"
        case .objectiveSet(let o): what = "set objective \(o.number) of the work plan"
        case .objectiveRemoved: what = "removed an objective from the work plan"
        case .accountsSet(let a): what = "linked \(name(a.personID)) to \(a.accounts.isEmpty ? "no account" : a.accounts.joined(separator: ", "))"
        case .confidentialBarred(let b):
            what = "\(b.barred ? "barred" : "unbarred") \(name(b.personID)) \(b.barred ? "from" : "for") the confidential items of "
                + (archive.committees[b.committeeID]?.name ?? b.committeeID)
        case .itemAdded(let e): item = e.item.id; what = "added \(itemText(e.item.id)) to the agenda"
        case .itemEdited(let e): item = e.item.id; what = "edited \(itemText(e.item.id)) of the agenda"
        case .itemMoved(let e): item = e.itemID; what = "moved \(itemText(e.itemID)) on the agenda"
        case .itemRemoved(let e): item = e.itemID; itemUnknown = true; what = "removed an item from the agenda"
        case .currentItemSet(let e): item = e.itemID; what = "took \(itemText(e.itemID))"
        case .attendanceMarked(let e): what = "marked \(name(e.attendance.personID)) \(e.attendance.presence.label)"
        case .declarationRecorded(let e): item = e.declaration.itemID; what = "recorded a declaration of interest on \(itemText(e.declaration.itemID))"
        case .attendanceCleared(let e): what = "cleared the attendance mark of \(name(e.personID))"
        case .declarationWithdrawn: itemUnknown = true; what = "withdrew a declaration of interest"
        case .entryAdded(let e): item = e.entry.itemID; what = "added a paragraph to \(itemText(e.entry.itemID))"
        case .entryEdited(let e): what = paragraph("edited", e.entryID, record, itemText)
        case .entryRemoved(let e): what = paragraph("removed", e.entryID, record, itemText)
        case .entryConflicted(let e): item = e.conflict.itemID; what = "kept a conflicting version of a paragraph of \(itemText(e.conflict.itemID))"
        case .conflictResolved(let e):
            let conflict = record?.conflicts.first { $0.id == e.conflictID }
            item = conflict?.itemID; itemUnknown = conflict == nil
            what = "resolved a conflict" + (conflict.map { " on \(itemText($0.itemID))" } ?? "")
        case .voteRecorded(let e): item = e.vote.itemID; what = "recorded a vote on \(itemText(e.vote.itemID))"
        case .quorumChanged(let e): what = e.change.isQuorate ? "minuted that the meeting is quorate" : "minuted that the meeting is not quorate"
        case .guestAdded(let e): what = "listed \(e.guest.name) in attendance (\(e.guest.role.label.lowercased()))"
        case .guestRemoved(let e): what = "removed \(record?.guest(e.guestID)?.name ?? "a guest") from attendance"
        case .referencesAssigned(let e):
            what = "gave " + (e.references.count == 1 ? "an item its reference" : "\(e.references.count) items their references")
                + " (" + e.references.map(\.reference).joined(separator: ", ") + ")"
        case .referencesCounted(let e):
            what = "took item references up to number \(e.last) of \(e.year) for \(archive.committees[e.committeeID]?.name ?? e.committeeID)"
        }
        if case .meeting(let id) = event.scope { meeting = id }
    }

    /// A paragraph edited or removed: its item, when the paragraph can still be found.
    private mutating func paragraph(_ verb: String, _ id: EntryID, _ record: MeetingRecord?, _ itemText: (ItemID) -> String) -> String {
        guard let entry = record?.entries.first(where: { $0.id == id }) else {
            itemUnknown = true
            return "\(verb) a paragraph"
        }
        item = entry.itemID
        return "\(verb) a paragraph of \(itemText(entry.itemID))"
    }
}
