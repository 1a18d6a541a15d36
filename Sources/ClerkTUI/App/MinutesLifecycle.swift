import ClerkCore
import ClerkStore
import Terminal

/// The minutes after the meeting: the draft is circulated, approved at the next meeting
/// (with any "It was noted that…" amendments minuted there), and then locked; later
/// corrections are recorded with their date, never written over the text.
extension Updater {
    func performMinutesLifecycle(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        switch id {
        case .minutesCirculate: return circulate(&state, data)
        case .minutesApprovePrevious: return openApprovalForm(&state, data)
        case .minutesCorrect: return openCorrectionForm(&state, data)
        default: return nil
        }
    }

    private func circulate(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let meetingID = state.meeting?.meetingID else { return [] }
        if let meeting = data.archive.meetings[meetingID], meeting.status != .minutesDraft {
            state.message = Message(text: "the minutes of \(meetingID) are \(meeting.status.label); only draft minutes can be circulated",
                                    isError: true)
            return []
        }
        state.message = Message(text: "the draft minutes are recorded as circulated", isError: false)
        return [.commit(Change("circulate the minutes") { store, ctx in
            try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).circulate(context: ctx)
        })]
    }

    /// The previous-minutes item of the open meeting: the selected item, or the item a
    /// selected sub-item belongs to.
    private func previousMinutesItem(_ state: AppState, _ data: ViewData) -> AgendaItem? {
        guard let record = data.record, let selected = selectedKey(.agenda, state, data).flatMap(record.item) else { return nil }
        if Self.isPreviousMinutes(selected) { return selected }
        if let parent = selected.parentID.flatMap(record.item), Self.isPreviousMinutes(parent) { return parent }
        return nil
    }

    /// The standing item, or a top-level item added by hand under that name ("Minutes of the
    /// last meeting and matters arising", "Minutes of the previous meeting").
    static func isPreviousMinutes(_ item: AgendaItem) -> Bool {
        if item.standing == .previousMinutes { return true }
        let title = item.title.trimmingSpaces().lowercased()
        return item.parentID == nil && ["minutes of the last meeting", "minutes of the previous meeting"].contains { title.hasPrefix($0) }
    }

    func openApprovalForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let record = data.record, let meeting = state.meeting.flatMap({ data.archive.meetings[$0.meetingID] }) else { return [] }
        func refuse(_ text: String) -> [Effect] {
            state.message = Message(text: text, isError: true)
            return []
        }
        if state.readOnly { return refuse("read-only: the previous minutes cannot be approved in this session") }
        guard [.planned, .agendaPublished, .inProgress].contains(meeting.status) else {
            return refuse("meeting \(meeting.id) is \(meeting.status.label); the previous minutes are approved at a meeting planned or in progress")
        }
        guard let item = previousMinutesItem(state, data) else {
            if let standing = record.items.first(where: Self.isPreviousMinutes) {
                return refuse("select item \(record.number(of: standing.id)) (\(standing.title)) to approve the previous minutes")
            }
            let add = keymap.keys(for: .agendaAdd).first ?? "A"
            return refuse("this agenda has no item \"\(StandingItem.previousMinutes.defaultTitle)\"; add it with \(add) first")
        }
        guard let previous = data.archive.previousMeeting(of: meeting.committeeID, before: meeting.date) else {
            return refuse("the committee has no earlier meeting whose minutes could be approved")
        }
        // The approval's own rules, tried now, so that the form does not open for nothing.
        do {
            _ = try Self.approval(of: previous.id, at: meeting.id, archive: data.archive, context: data.probe)
        } catch {
            return refuse((error as? CommandError)?.message ?? "\(error)")
        }
        state.overlay = .form(Form(purpose: .approvePrevious(item: item.id, previous: previous.id),
                                   title: "Approve the minutes of \(previous.date.medium)", choices: [],
                                   text: CommandInput(), textLabel: "It was noted that "))
        return []
    }

    /// Approving `previous`'s minutes at `meeting`: the rules are ClerkCore's (draft or
    /// circulated minutes, at a later meeting of the same committee); the approval needs
    /// nothing of the record beyond the meeting.
    static func approval(of previous: MeetingID, at meeting: MeetingID, archive: ArchiveState,
                         context: CommandContext) throws -> [Event] {
        try MeetingContext(archive: archive, record: MeetingRecord(meetingID: previous)).approve(atMeeting: meeting, context: context)
    }

    /// Enter with text minutes the amendment and keeps the form open; on an empty line the
    /// previous minutes are approved at this meeting and locked.
    func submitApproval(_ state: inout AppState, _ form: Form, meetingID: MeetingID, item: ItemID, previous: MeetingID,
                        context: MeetingContext, probe: CommandContext) -> [Effect] {
        var form = form
        let typed = Self.amendment(form.text?.text ?? "")
        if typed.isEmpty {
            guard let meeting = context.archive.meetings[previous] else { return [] }
            do {
                _ = try Self.approval(of: previous, at: meetingID, archive: context.archive, context: probe)
            } catch {
                form.problem = (error as? CommandError)?.message ?? "\(error)"
                state.overlay = .form(form)
                return []
            }
            // Locking cannot be undone: asked once more (see `approve`).
            state.overlay = nil
            ask(Confirmation(id: .minutesApprovePrevious,
                             question: "Approve the minutes of \(meeting.date.medium)? They cannot be edited afterwards.",
                             refused: "not approved", then: .approve(meeting: meetingID, previous: previous, amendments: form.choices.count)), &state)
            return []
        }
        do {
            _ = try context.addEntry(to: item, kind: .noted, text: typed, context: probe)
        } catch {
            form.problem = (error as? CommandError)?.message ?? "\(error)"
            state.overlay = .form(form)
            return []
        }
        form.choices.append(Form.Choice(key: "amendment-\(form.choices.count + 1)", label: EntryKind.noted.lead + typed))
        form.selected = form.choices.count - 1
        form.text = CommandInput()
        state.overlay = .form(form)
        return [.commit(Change("record the amendment") { store, ctx in
            try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                .addEntry(to: item, kind: .noted, text: typed, context: ctx)
        })]
    }

    /// Approves `previous`'s minutes at `meetingID`, once confirmed with `y`.
    func approve(_ previous: MeetingID, at meetingID: MeetingID, amendments: Int, _ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let meeting = data.archive.meetings[previous] else { return [] }
        let amended = amendments == 0 ? "" : " with \(amendments) amendment\(amendments == 1 ? "" : "s")"
        state.message = Message(text: "the minutes of \(meeting.date.medium) are approved\(amended) and locked", isError: false)
        return [.commit(Change("approve the previous minutes") { store, ctx in
            try Self.approval(of: previous, at: meetingID, archive: store.state, context: ctx)
        })]
    }

    /// The amendment as minuted after "It was noted that ": a lead typed again is dropped.
    static func amendment(_ text: String) -> String {
        var t = text.trimmingSpaces()
        let lead = "it was noted that"
        if t.lowercased().hasPrefix(lead) { t = String(t.dropFirst(lead.count)).trimmingSpaces() }
        return t
    }

    func openCorrectionForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let screen = state.meeting, let record = data.record, let meeting = data.archive.meetings[screen.meetingID] else { return [] }
        if state.readOnly {
            state.message = Message(text: "read-only: no correction can be recorded in this session", isError: true)
            return []
        }
        guard meeting.status.isLocked else {
            state.message = Message(text: "the minutes of \(meeting.id) are \(meeting.status.label), not locked; edit them directly (e, a)",
                                    isError: true)
            return []
        }
        let selected = screen.position(.minutes).selected
        guard selected < record.items.count else {
            state.message = Message(text: "select the item to correct", isError: true)
            return []
        }
        let item = record.items[selected]
        state.overlay = .form(Form(purpose: .correction(item: item.id),
                                   title: "Correction to item \(record.number(of: item.id)): \(item.title)", choices: [],
                                   text: CommandInput(), textLabel: "Correction: "))
        return []
    }

    func submitCorrection(_ state: inout AppState, _ form: Form, meetingID: MeetingID, item: ItemID,
                          context: MeetingContext, probe: CommandContext) -> [Effect] {
        var form = form
        let text = form.text?.text ?? ""
        do {
            _ = try context.correct(item: item, text: text, context: probe)
        } catch {
            form.problem = (error as? CommandError)?.message ?? "\(error)"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        state.message = Message(text: "correction recorded with today's date", isError: false)
        return [.commit(Change("record the correction") { store, ctx in
            try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).correct(item: item, text: text, context: ctx)
        })]
    }
}
