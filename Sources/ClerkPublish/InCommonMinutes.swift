import ClerkCore

/// The minutes of a meeting in common, in the usual layout of such meetings: the committees
/// named in the title, the convening chair, attendance grouped by committee (a person
/// present listed under each committee they sit on, a deputy under the committee they stood
/// in on), "The meeting was quorate for A and B", shared items minuted once, and a decision
/// taken by some of the committees only labelled with them. With `only`, one committee's
/// extract: its attendance, its quorum, the shared items and its own decisions.
struct InCommonMinutes {
    let archive: ArchiveState
    let record: MeetingRecord
    let meeting: Meeting
    let convening: Committee
    let hidden: HiddenItems
    let only: CommitteeID?

    var style: HouseStyle { convening.terms.houseStyle }
    var all: [Committee] { meeting.committees.compactMap { archive.committees[$0] } }

    func build() throws -> Document {
        var shown = all
        if let only {
            guard let c = all.first(where: { $0.id == only }) else {
                let name = archive.committees[only]?.name ?? only
                throw CommandError(.invalid, "\(name) is not one of the committees of meeting \(meeting.id); name one of \(names(all.map(\.name), "or"))")
            }
            shown = [c]
        }
        let scopedRecord = only.map { scoped(to: $0) } ?? record
        let facts = MeetingFacts(archive: archive, record: scopedRecord, meeting: meeting, committee: convening, hidden: hidden)
        let proper = MinuteWording.properNouns(archive)
        var blocks: [Document.Block] = []
        if let chair = meeting.convenor.flatMap({ archive.people[$0] }) {
            blocks.append(.group("Chair", [(style.titles ? chair.formalName : chair.name).visible]))
        }
        for c in shown { blocks += attendance(of: c) }
        blocks += inAttendance()

        let opening = record.items.first { !hidden.contains($0.id) }?.id
        for item in record.items where !hidden.contains(item.id) {
            blocks.append(MinutesDocument.itemHeading(item, record: record, archive: archive))
            if style.printsDescriptions, let d = item.description, !d.isEmpty { blocks.append(.itemDetails([d.visible])) }
            if item.id == opening { blocks += openingLines(shown) }
            blocks += facts.declarations(under: item.id)
            for e in record.entries(for: item.id) where only.map(e.isFor) ?? true {
                var minuted = MinutesDocument.entryBlocks(e, style: style, properNouns: proper)
                // In the combined minutes, a decision of some of the committees names them.
                if only == nil, let labels = e.committees, case .paragraph(let text, let emphasis)? = minuted.first {
                    let who = names(labels.map { archive.committees[$0]?.name ?? $0 }, "and")
                    minuted[0] = .paragraph("\(who.visible): \(text)", emphasis)
                }
                blocks += minuted
            }
            for vote in record.votes where vote.itemID == item.id {
                blocks.append(.paragraph("Vote on “\(vote.motion.visible)”: \(vote.tally.summary).", .decision))
            }
            blocks += changes(scopedRecord.quorumChanges.filter { $0.itemID == item.id })
        }
        blocks += facts.partTwo()
        blocks += facts.closing()
        blocks += MinutesDocument.actionsArising(meeting, archive: archive, hidden: hidden)
        if let only, let next = archive.nextMeeting(of: only, after: meeting.date) {
            blocks += [.section("Date of next meeting"), .paragraph(MeetingLines.when(next), .plain)]
        }
        var details = MeetingLines.details(meeting)
        let title: [String]
        if let c = shown.first, only != nil {
            title = [style.title.visible, c.name.visible]
            let others = all.filter { $0.id != c.id }.map(\.name)
            details.insert("Held in common with \(names(others, "and"))".visible, at: 0)
        } else {
            // "Minutes of the meeting of" becomes "Minutes of the meeting in common of".
            let opening = style.title.hasSuffix(" of") ? String(style.title.dropLast(3)) + " in common of" : style.title + " (in common)"
            title = [opening.visible, names(all.map(\.name), "and").visible]
        }
        return Document(title: title, details: details, status: MinutesDocument.status(meeting, archive: archive), blocks: blocks)
    }

    /// The record as one committee sees it: its own deputies, its declarations (by its
    /// members and their deputies), its quorum changes.
    func scoped(to id: CommitteeID) -> MeetingRecord {
        var r = record
        r.attendance = record.attendance.filter { $0.committeeID == nil || $0.committeeID == id }
        let seats = Set(archive.committees[id]?.memberships(on: meeting.date).map(\.personID) ?? [])
        let deputies = Set(r.attendance.compactMap { a -> PersonID? in
            if case .deputy(let m, _) = a.presence, seats.contains(m) { return a.personID }
            return nil
        })
        r.declarations = record.declarations.filter { seats.contains($0.personID) || deputies.contains($0.personID) }
        r.quorumChanges = record.quorumChanges.filter { $0.committeeID == nil || $0.committeeID == id }
        return r
    }

    /// One committee's members present (with deputies standing in on it) and apologies.
    func attendance(of c: Committee) -> [Document.Block] {
        let seats = c.memberships(on: meeting.date)
        let lister = MinutesAttendance(archive: archive, record: record, meeting: meeting, committee: c, style: style)
        var present: [String] = [], apologies: [String] = []
        for a in record.attendance where a.committeeID == nil || a.committeeID == c.id {
            switch a.presence {
            case .deputy(let member, _):
                if seats.contains(where: { $0.personID == member }) { present.append(lister.line(a, naming: false)) }
            case .present:
                if seats.contains(where: { $0.personID == a.personID && $0.role.isVotingMember }) {
                    present.append(lister.line(a, naming: false))
                }
            case .apologies, .absent:
                if seats.contains(where: { $0.personID == a.personID }) { apologies.append(lister.line(a, naming: false)) }
            case .inAttendance:
                continue
            }
        }
        var blocks: [Document.Block] = [.section(c.name.visible)]
        blocks.append(.group("Present", present.isEmpty ? ["none recorded"] : present))
        if !apologies.isEmpty { blocks.append(.group("Apologies", apologies)) }
        return blocks
    }

    /// Everyone in the room who sits on none of the committees, and the guests.
    func inAttendance() -> [Document.Block] {
        let lister = MinutesAttendance(archive: archive, record: record, meeting: meeting, committee: convening, style: style)
        let lines = record.attendance.filter { a in
            guard a.presence.isInRoom else { return false }
            if case .deputy = a.presence { return false }
            let seated = all.contains { c in c.membership(of: a.personID, on: meeting.date)?.role.isVotingMember == true }
            return !seated
        }.map { lister.line($0, naming: false) } + lister.guestLines
        return lines.isEmpty ? [] : [.section("In attendance"), .group(nil, lines)]
    }

    /// "The meeting opened at 14:02. The meeting was quorate for the Audit Committee and the
    /// Finance Committee. It was not quorate for the People Committee."
    func openingLines(_ committees: [Committee]) -> [Document.Block] {
        guard meeting.status.hasTakenPlace else { return [] }
        var lines: [String] = []
        if let opened = meeting.openedAt { lines.append("The meeting opened at \(opened.text).") }
        var quorate: [String] = [], not: [String] = []
        for c in committees {
            if case .none = c.terms.quorum { continue }
            guard let q = quorateAtOpening(c) else { continue }
            if q { quorate.append(c.name) } else { not.append(c.name) }
        }
        if style.quorum == .openingItem {
            if !quorate.isEmpty { lines.append("The meeting was quorate for \(names(quorate, "and")).") }
            if !not.isEmpty { lines.append("It was not quorate for \(names(not, "and")) when it opened.") }
        }
        return lines.isEmpty ? [] : [.paragraph(lines.joined(separator: " ").visible, .muted)]
    }

    func quorateAtOpening(_ c: Committee) -> Bool? {
        if let first = record.quorumChanges.first(where: { $0.committeeID == c.id }) { return !first.isQuorate }
        var atStart = record
        atStart.attendance = record.attendance.compactMap { a in
            if let opened = meeting.openedAt, let arrived = a.arrived, arrived > opened { return nil }
            var a = a
            a.departed = nil
            return a
        }
        return (try? MeetingContext(archive: archive, record: atStart).inCommittee(c.id))?.quorum().isQuorate
    }

    /// "At 15:00 the meeting ceased to be quorate for the People Committee (2 of 3 members)."
    func changes(_ list: [QuorumChange]) -> [Document.Block] {
        list.map { change in
            let index = record.quorumChanges.firstIndex(of: change) ?? 0
            let lostBefore = record.quorumChanges.prefix(index).contains { !$0.isQuorate && $0.committeeID == change.committeeID }
            let what = change.isQuorate ? (lostBefore ? "became quorate again" : "became quorate") : "ceased to be quorate"
            let whose = change.committeeID.flatMap { archive.committees[$0]?.name }.map { " for \($0)" } ?? ""
            let detail = change.summary.split(separator: ":", maxSplits: 1).last.map { String($0).trimmedSpaces } ?? ""
            return .paragraph(("At \(change.at.text) the meeting \(what)\(whose)" + (detail.isEmpty ? "" : " (\(detail))") + ".").visible,
                              .muted)
        }
    }

    /// "A, B and C".
    func names(_ list: [String], _ last: String) -> String {
        guard list.count > 1 else { return list.first ?? "" }
        return list.dropLast().joined(separator: ", ") + " \(last) " + list.last!
    }
}
