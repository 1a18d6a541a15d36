import ClerkCore
import Terminal

/// What each pane of a meeting shows, as rows for a width. Pure functions of the archive:
/// the panes own no rules, they ask ClerkCore.
public enum MeetingPanes {
    public static func content(_ pane: Pane, width: Int, data: ViewData, screen: MeetingScreen) -> Content {
        guard let record = data.record, let meeting = data.archive.meetings[record.meetingID] else {
            var c = Content()
            c.emptyText = "meeting not loaded"
            return c
        }
        switch pane {
        case .agenda: return agenda(record, meeting: meeting, width: width, data: data)
        case .attendance: return attendance(record, meeting: meeting, width: width, data: data, byOrganisation: screen.attendanceByOrganisation)
        case .minutes: return minutes(record, width: width, data: data)
        case .actions:
            return actions(record, meeting: meeting, width: width, data: data, overdueOnly: screen.overdueOnly,
                           logFirst: reviewingActionLog(record, meeting: meeting, screen: screen))
        }
    }

    /// Items numbered as on the printed agenda, with time allocations, the item under
    /// discussion and confidential items marked.
    static func agenda(_ record: MeetingRecord, meeting: Meeting, width: Int, data: ViewData) -> Content {
        var c = Content()
        c.emptyText = "no agenda items yet"
        for item in record.items {
            let entry = c.beginEntry(key: item.id)
            let number = record.number(of: item.id)
            let isSub = item.parentID != nil
            let label = isSub ? "   \(number.last.map(String.init) ?? "")." : record.hasReference(item.id) ? number : "\(number)."
            var slot: ThemeSlot = .base
            var marker = "  "
            var trailing = item.minutes.map { Span("\($0)m", .muted) }
            if record.currentItem == item.id, meeting.status == .inProgress {
                marker = "▶ "
                slot = .itemCurrent
                // The running clock of the item under discussion, against its allocation.
                var elapsed = 0
                if let since = record.currentItemSince, let now = data.now {
                    elapsed = max(0, Int(now.secondsSinceEpoch - since.secondsSinceEpoch) / 60)
                }
                trailing = Span(item.minutes.map { "\(elapsed)/\($0)m" } ?? "\(elapsed)m", .itemCurrent)
                if let minutes = item.minutes, elapsed > minutes {
                    slot = .itemOverrun
                    trailing = Span("\(elapsed)/\(minutes)m over", .itemOverrun)
                }
            }
            var title = item.title
            if item.confidential { title += " [confidential]" }
            c.wrapped(title, lead: marker + label + " ", width: width, slot: item.confidential ? .itemConfidential : slot,
                      leadSlot: slot, entry: entry, trailing: trailing)
            if let ref = item.refersTo {
                let earlier = data.archive.meetings[ref.meetingID]
                let what = ref.carried == true ? "carried forward from" : "refers to"
                let number = ref.number.map { "item \($0) of " } ?? ""
                c.wrapped("\(what) \(number)\(earlier?.date.medium ?? ref.meetingID)", lead: String(repeating: " ", count: DisplayWidth.width(of: marker + label) + 1),
                          width: width, slot: .muted, entry: entry)
            }
            if let description = item.description, !description.isEmpty {
                c.wrapped(description, lead: String(repeating: " ", count: DisplayWidth.width(of: marker + label) + 1),
                          width: width, slot: .muted, entry: entry)
            }
            // Who presents it and its papers: "Dr Graves · papers: Budget table; Paper A".
            let papers = item.papers.isEmpty ? nil : "papers: " + item.papers.joined(separator: "; ")
            let details = [item.presenter, papers].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " · ")
            if !details.isEmpty {
                c.wrapped(details, lead: String(repeating: " ", count: DisplayWidth.width(of: marker + label) + 1),
                          width: width, slot: .muted, entry: entry)
            }
        }
        return c
    }

    /// Attendance as minuted (seed 001): present members grouped under their organisation's
    /// group, then those in attendance, then apologies. During a roll call, members of the
    /// committee not yet marked come first, so the secretary can work down the list.
    static func attendance(_ record: MeetingRecord, meeting: Meeting, width: Int, data: ViewData,
                           byOrganisation: Bool) -> Content {
        var c = Content()
        c.emptyText = "no attendance recorded yet"
        let archive = data.archive
        let committee = archive.committees[meeting.committeeID]
        // A person on several committees is shown under this committee's seat's organisation.
        func seatOrganisation(_ id: PersonID) -> Organisation? {
            archive.organisationID(of: id, on: meeting.committeeID, date: meeting.date).flatMap { archive.organisations[$0] }
        }
        func line(_ a: Attendance) -> String {
            guard let p = archive.people[a.personID] else { return a.personID }
            var text = p.attendanceLine(organisation: seatOrganisation(p.id))
            if case .deputy(let member, let exception) = a.presence {
                text += " — deputy for \(archive.people[member]?.name ?? member)" + (exception ? " (exception)" : "")
            }
            if let part = a.partMeeting(openedAt: meeting.openedAt, closedAt: meeting.closedAt) { text += " — \(part)" }
            return text
        }
        func slot(_ a: Attendance) -> ThemeSlot {
            switch a.presence {
            case .present, .deputy, .inAttendance: a.departed == nil ? .presencePresent : .muted
            case .apologies: .presenceApologies
            case .absent: .presenceAbsent
            }
        }
        func add(_ list: [Attendance]) {
            for a in list {
                let entry = c.beginEntry(key: a.personID)
                let mark: String
                switch a.presence {
                case .present, .deputy, .inAttendance: mark = a.departed == nil ? "● " : "○ "
                case .apologies: mark = "– "
                case .absent: mark = "✕ "
                }
                c.wrapped(line(a), lead: mark, width: width, slot: slot(a), entry: entry)
            }
        }
        let unmarked = rollCallPending(record, meeting: meeting, archive: archive)
        if !unmarked.isEmpty, meeting.status == .inProgress || meeting.status == .planned || meeting.status == .agendaPublished {
            c.heading("Not yet marked", width: width)
            for personID in unmarked {
                let entry = c.beginEntry(key: personID)
                let p = archive.people[personID]
                let text = p.map { $0.attendanceLine(organisation: seatOrganisation($0.id)) } ?? personID
                c.wrapped(text, lead: "? ", width: width, slot: .muted, entry: entry)
            }
            c.blank()
        }
        let here = record.attendance.filter { $0.presence.isInRoom }
        let away = record.attendance.filter { !$0.presence.isInRoom }
        if byOrganisation {
            // Group by the organisation's group ("West Herts PBC Leads"), else the organisation.
            var groups: [(String, [Attendance])] = []
            for a in here {
                let org = seatOrganisation(a.personID)
                let name = org?.group ?? org?.name ?? "Others"
                if let i = groups.firstIndex(where: { $0.0 == name }) { groups[i].1.append(a) } else { groups.append((name, [a])) }
            }
            for (name, list) in groups {
                c.heading(name, width: width)
                add(list)
                c.blank()
            }
            if !record.guests.isEmpty { c.heading("In attendance", width: width); addGuests(record, to: &c, width: width); c.blank() }
        } else {
            let present = here.filter { if case .inAttendance = $0.presence { return false }; return true }
            let inAttendance = here.filter { if case .inAttendance = $0.presence { return true }; return false }
            if !present.isEmpty { c.heading("Present", width: width); add(present); c.blank() }
            if !inAttendance.isEmpty || !record.guests.isEmpty {
                c.heading("In attendance", width: width); add(inAttendance); addGuests(record, to: &c, width: width); c.blank()
            }
        }
        let apologies = away.filter { $0.presence == .apologies }
        let absent = away.filter { $0.presence == .absent }
        if !apologies.isEmpty { c.heading("Apologies", width: width); add(apologies); c.blank() }
        if !absent.isEmpty { c.heading("Absent", width: width); add(absent); c.blank() }
        if record.attendance.isEmpty, unmarked.isEmpty, let committee {
            let expected = committee.memberships(on: meeting.date).count
            c.emptyText = "no attendance recorded yet (\(expected) on the membership)"
        }
        while c.rows.last?.spans.isEmpty == true { c.rows.removeLast() }
        return c
    }

    /// Members of the committee on the meeting's date with nothing recorded yet, and the
    /// named alternates of members who sent apologies or are absent (they may come instead).
    static func rollCallPending(_ record: MeetingRecord, meeting: Meeting, archive: ArchiveState) -> [PersonID] {
        guard let committee = archive.committees[meeting.committeeID] else { return [] }
        let marked = Set(record.attendance.map(\.personID))
        let away = Set(record.attendance.filter { !$0.presence.isInRoom }.map(\.personID))
        var seen = Set<PersonID>()
        return committee.memberships(on: meeting.date)
            .filter { m in
                guard !marked.contains(m.personID) else { return false }
                if m.role == .alternate { return m.alternateFor.map(away.contains) ?? false }
                return true
            }
            .map(\.personID)
            .filter { seen.insert($0).inserted }
    }

    /// The minutes, item by item: headings as numbered on the agenda, declarations, then
    /// each paragraph — "It was agreed that…" decisions and "It was noted that…" points
    /// stand out, dated corrections show beside the text.
    static func minutes(_ record: MeetingRecord, width: Int, data: ViewData) -> Content {
        // Paragraphs wrapped for the last build are kept: a record that changed one
        // paragraph re-wraps that one (the others are looked up by their text).
        data.cache.wraps.nextBuild()
        var c = Content()
        c.emptyText = "no minutes yet"
        let style = data.archive.meetings[record.meetingID]
            .flatMap { data.archive.committees[$0.committeeID]?.terms.houseStyle } ?? .informal
        let properNouns = record.entries.contains { $0.kind == .noted || $0.kind == .decision }
            ? MinuteWording.properNouns(data.archive) : []
        for item in record.items {
            let entries = record.entries(for: item.id)
            let declarations = record.declarations(on: item.id)
            let number = record.number(of: item.id)
            let isSub = item.parentID != nil
            let label = isSub ? "\(number.last.map(String.init) ?? "")." : record.hasReference(item.id) ? number : "\(number)."
            let entry = c.beginEntry(key: item.id)
            c.wrapped(item.title + (item.confidential ? " [confidential]" : ""), lead: label + " ", width: width,
                      slot: item.confidential ? .itemConfidential : .heading, entry: entry)
            let excludedFromQuorum = data.archive.meetings[record.meetingID]
                .flatMap { data.archive.committees[$0.committeeID]?.terms.declaredExcludedFromQuorum } ?? false
            for d in declarations {
                let who = data.archive.people[d.personID]?.formalName ?? d.personID
                let exclusion = excludedFromQuorum ? "does not vote on this item or count to its quorum" : "does not vote on this item"
                c.wrapped("\(who) declared an interest: \(d.interest)" + (d.isExcluding ? " (\(exclusion))" : ""), lead: "  ",
                          width: width, slot: .noted, entry: entry)
            }
            for e in entries {
                let lead = e.kind == .correction ? "Correction (\(e.correctedOn?.iso ?? "")): " : ""
                let slot: ThemeSlot = switch e.kind {
                case .decision: .decision
                case .noted: .noted
                case .correction: .correction
                case .note: .base
                }
                // Worded as the exports word it: the committee's house style, the lead only where the text lacks one.
                let worded = MinuteWording.opening(e.kind, e.text, style: style, properNouns: properNouns)
                for (i, paragraph) in worded.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    c.wrapped((i == 0 ? lead : "") + String(paragraph), lead: "  ", width: width, slot: slot, entry: entry,
                              memo: data.cache.wraps)
                }
            }
            for conflict in record.openConflicts(for: item.id) {
                let what = entries.contains { $0.id == conflict.entryID } ? "a conflicting version of a paragraph above"
                                                                          : "a paragraph removed in another session"
                c.wrapped("⚠ \(what) waits for a choice (C compares): \(conflict.kind.lead)\(conflict.text)", lead: "  ",
                          width: width, slot: .quorumLost, entry: entry)
            }
            for vote in record.votes where vote.itemID == item.id {
                c.wrapped("Vote on \(vote.motion): \(vote.tally.summary)", lead: "  ", width: width, slot: .decision, entry: entry)
            }
            c.blank()
        }
        if !record.quorumChanges.isEmpty {
            c.heading("Quorum", width: width)
            for change in record.quorumChanges {
                let index = record.quorumChanges.firstIndex(of: change) ?? 0
                let lostBefore = record.quorumChanges.prefix(index).contains { !$0.isQuorate }
                let what = change.isQuorate ? (lostBefore ? "The meeting became quorate again" : "The meeting became quorate")
                    : "The meeting became inquorate"
                c.wrapped("\(what) at \(change.at.text) (\(change.summary)).", lead: "  ", width: width,
                          slot: change.isQuorate ? .quorumOK : .quorumLost)
            }
        }
        while c.rows.last?.spans.isEmpty == true { c.rows.removeLast() }
        return c
    }

    /// The actions arising from this meeting and the action log: actions of earlier meetings
    /// of the committee still open when the meeting began, with the progress recorded at
    /// it, overdue ones marked. The log comes first while its agenda item is reviewed.
    static func actions(_ record: MeetingRecord, meeting: Meeting, width: Int, data: ViewData, overdueOnly: Bool,
                        logFirst: Bool = false) -> Content {
        var c = Content()
        c.emptyText = overdueOnly ? "no overdue actions" : "no actions"
        let archive = data.archive
        let all = archive.actions(of: meeting.committeeID)
        let arising = all.filter { $0.meetingID == meeting.id }.sorted { $0.number < $1.number }
            .filter { !overdueOnly || $0.isOverdue(on: data.today) }
        let log = archive.actionLog(for: meeting.id).filter { !overdueOnly || $0.isOverdue(on: data.today) }
        func add(_ a: Action) {
            let entry = c.beginEntry(key: a.id)
            let overdue = a.isOverdue(on: data.today)
            let slot: ThemeSlot = overdue ? .actionOverdue : ([.done, .dropped, .withdrawn].contains(a.status) ? .actionDone : .base)
            let owner = archive.ownerName(a.owner)
            let due = a.due.text.isEmpty ? "" : a.due.text
            var aliases: [String] = []
            if case .person(let id) = a.owner, let p = archive.people[id] { aliases = [p.name, p.initials] }
            c.wrapped(MinuteWording.action(a.text, owner: owner, alsoKnownAs: aliases), lead: Self.actionLead(a, archive), width: width, slot: slot, entry: entry,
                      trailing: Span(overdue ? "overdue \(due)" : due, overdue ? .actionOverdue : .muted))
            if a.meetingID == meeting.id, let item = a.itemID, record.hasReference(item) {
                c.wrapped("item \(record.number(of: item))", lead: "      ", width: width, slot: .muted, entry: entry)
            }
            let here = a.progress(at: meeting.id)
            let before = a.history.last { $0.meetingID != meeting.id }
            if let before {
                c.wrapped(before.status.rawValue + (before.note.isEmpty ? "" : ": \(before.note)"), lead: "      ",
                          width: width, slot: .muted, entry: entry)
            }
            for update in here {
                c.wrapped("at this meeting: " + update.status.label + (update.note.isEmpty ? "" : ": \(update.note)"), lead: "      ",
                          width: width, slot: .decision, entry: entry)
            }
        }
        func arisingSection() {
            guard !arising.isEmpty else { return }
            if !c.rows.isEmpty { c.blank() }
            c.heading("Actions arising from the meeting", width: width)
            arising.forEach(add)
        }
        if !logFirst { arisingSection() }
        if !log.isEmpty {
            if !c.rows.isEmpty { c.blank() }
            let item = record.items.first { $0.standing == .actionLog }
            let title = item.map { "\(record.number(of: $0.id))\(record.hasReference($0.id) ? "" : ".") \($0.title)" } ?? "Action log"
            c.heading("\(title): open from earlier meetings", width: width)
            log.forEach(add)
        }
        if logFirst { arisingSection() }
        return c
    }

    /// "(iii) " as minuted; a withdrawn action, which has no public number, "(withdrawn) ".
    static func actionLead(_ a: Action, _ archive: ArchiveState) -> String {
        a.status == .withdrawn ? "(withdrawn) " : "(\(Action.numeral(archive.publicNumber(of: a)))) "
    }

    /// Whether the agenda's selected item, or the item under discussion, is the action log
    /// review: then the Actions pane puts the log first.
    static func reviewingActionLog(_ record: MeetingRecord, meeting: Meeting, screen: MeetingScreen) -> Bool {
        let selected = screen.position(.agenda).selected
        if selected >= 0, selected < record.items.count, record.items[selected].standing == .actionLog { return true }
        guard meeting.status == .inProgress, let current = record.currentItem else { return false }
        return record.item(current)?.standing == .actionLog
    }
}
