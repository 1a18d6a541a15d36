import ClerkCore
import ClerkStore

/// The archive and the open records cut to what the person running the screen may see:
/// made once per revision, before anything is drawn, so that no pane, form or export can
/// show what is hidden — hidden items never reach the terminal.
struct SeenData {
    var revision: Int
    var today: CalendarDate
    /// How far the archive segment was read: a change committed straight to the store
    /// (not through the screen) moves it without a new revision.
    var archiveOffset: UInt64
    var access: Access
    var archive: ArchiveState
    var record: MeetingRecord?
    var earlier: MeetingRecord?
}

extension ScreenApp {
    /// The archive and records as this person may see them, for the current revision. A
    /// person who may see everything is given them as they are.
    func visible(today: CalendarDate) -> SeenData {
        if let seen, seen.revision == revision, seen.today == today, seen.archiveOffset == store.archiveOffset {
            guard seen.access.seesEverything else { return seen }
            return SeenData(revision: revision, today: today, archiveOffset: seen.archiveOffset, access: seen.access,
                            archive: store.state, record: record, earlier: earlier)
        }
        let access = accessRule?(store.state, today) ?? .everything()
        var made = SeenData(revision: revision, today: today, archiveOffset: store.archiveOffset, access: access,
                            archive: store.state, record: record, earlier: earlier)
        if !access.seesEverything {
            made.record = record.flatMap { redact($0, access) }
            made.earlier = earlier.flatMap { redact($0, access) }
            let open = [record, earlier].compactMap { $0 }
            for r in open {
                confidentialItems[r.meetingID] = Access.confidentialItems(of: r)
                confidentialItemsRead[r.meetingID] = store.segmentSize(of: r.meetingID)
            }
            for id in access.meetingsToCheck(in: store.state, actions: store.state.actions.values) where confidentialItems[id] == nil {
                // Its agenda only; a meeting that cannot be read hides its actions raised under an item.
                confidentialItemsRead[id] = store.segmentSize(of: id)
                confidentialItems[id] = try? store.confidentialItems(of: id)
            }
            let flags = confidentialItems
            made.archive = access.redacted(store.state) { meeting, item in (flags[meeting] ?? nil)?.contains(item) ?? true }
        }
        seen = made
        return made
    }

    /// Whether a meeting whose agenda flags were read has been written to since (another
    /// session may have marked an item confidential): those flags are read again. Only for
    /// a person who may not see everything; one stat per meeting read.
    func confidentialFlagsChanged() -> Bool {
        guard let seen, !seen.access.seesEverything else { return false }
        var changed = false
        for (id, size) in confidentialItemsRead where store.segmentSize(of: id) != size {
            confidentialItems[id] = nil
            confidentialItemsRead[id] = nil
            changed = true
        }
        return changed
    }

    /// A meeting's record as this person may see it.
    func visibleRecord(_ id: MeetingID, _ access: Access) -> MeetingRecord? {
        guard let r = try? store.record(of: id) else { return nil }
        return redact(r, access)
    }

    private func redact(_ record: MeetingRecord, _ access: Access) -> MeetingRecord? {
        guard let committee = store.state.meetings[record.meetingID]?.committeeID else { return nil }
        return access.redacted(record, committee: committee)
    }

    /// A meeting of a committee the person may not change is read-only, as is the whole
    /// screen for a person who may change nothing.
    func limitWrites(_ s: inout AppState, _ data: ViewData) {
        guard !sessionReadOnly, !data.access.seesEverything || limitedByAccess else { return }
        let limited: Bool
        if let id = s.meeting?.meetingID, let committee = data.archive.meetings[id]?.committeeID {
            limited = !data.access.canWrite(committee: committee)
        } else {
            limited = !data.access.canWriteShared
        }
        if limited, !s.readOnly {
            s.readOnly = true
            limitedByAccess = true
        } else if !limited, limitedByAccess {
            s.readOnly = false
            limitedByAccess = false
        }
    }

    /// Refuses the full record of a committee whose confidential items are closed to the person.
    func refuseConfidential(_ job: ExportJob, _ seen: SeenData) throws {
        guard job.confidentiality == .included,
              let closed = job.committees(archive: seen.archive).first(where: { !seen.access.canSeeConfidential(committee: $0) })
        else { return }
        let name = seen.archive.committees[closed]?.name ?? closed
        throw CommandError(.notAllowed, "the confidential items of \(name) are not open to you; export the public version")
    }
}

extension Updater {
    /// `M` on the home screen: the action review, showing the actions of the person the
    /// account running clerk is linked to, across every committee.
    func performAccessAction(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        guard id == .homeMine else { return nil }
        guard state.meeting == nil else { return [] }
        do {
            let me = try data.access.me(in: data.archive)
            var review = ActionReviewScreen(homeCommittee: currentCommittee(state, data)?.id)
            review.owner = .person(me.id)
            state.actionReview = review
        } catch let refused as CommandError {
            state.message = Message(text: refused.message, isError: true)
        } catch {
            state.message = Message(text: "\(error)", isError: true)
        }
        return []
    }
}
