import ClerkCore
import ClerkStore
import Terminal

/// A small form over the panes: pick one of a list (the member a deputy stands in for, the
/// person declaring), type a line (the interest), or set each voter's choice. Before it
/// closes it runs its ClerkCore command against what the screen shows, so a refusal keeps
/// the form open with the reason, and only a command that would succeed is committed.
public struct Form: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        /// The selected person stands in for the chosen member.
        case deputy(person: PersonID)
        /// The chosen person declares an interest on the item.
        case declaration(item: ItemID)
        /// Each voter's choice on the item.
        case vote(item: ItemID)
        /// A new meeting of the committee on the date typed.
        case newMeeting(committee: CommitteeID)
        /// A new agenda item titled as typed, after an item or under a parent.
        case addItem(parent: ItemID?, after: ItemID?)
        /// The item refers to the chosen item of the previous meeting (matters arising).
        case reference(item: ItemID)
        /// "It was noted that…" amendments typed one by one on the previous-minutes item,
        /// then the previous meeting's minutes approved (an empty line).
        case approvePrevious(item: ItemID, previous: MeetingID)
        /// A dated correction to the item's locked minutes.
        case correction(item: ItemID)
        /// An export to the file typed, public or with confidential items (chosen).
        case export(ExportTarget)
        /// A work-plan objective's status (chosen) or timescale (typed).
        case objective(ObjectiveID, field: ObjectiveField)
        /// A new objective under the theme (its number and text typed), or, with no theme
        /// yet, the new theme's title first.
        case newObjective(CommitteeID, theme: String?)
        /// An action's status and note, or a filter of the action review.
        case actions(ActionForm)
        /// A step of setting up a committee: its name, a field of its terms, an organisation, a member.
        case committee(CommitteeForm)
        /// An item's details, a meeting's new date, or why it is stood down (AgendaBuilding.swift).
        case planning(PlanningForm)
        /// Words to search every meeting for.
        case search
        /// Someone who is not a member listed in attendance, one prompt at a time (Guests.swift).
        case guest(GuestDraft, GuestStep)
        /// Which paragraph of the item to edit, picked or typed by number (ParagraphChoice.swift).
        case paragraph(item: ItemID)
        /// When the person came or left, typed (AttendanceCorrections.swift).
        case attendanceTime(person: PersonID, AttendanceTime, base: Attendance?)
    }

    public enum ObjectiveField: Sendable, Hashable {
        case status, timescale, text, leads
    }

    public struct Choice: Sendable, Hashable {
        public var key: String
        public var label: String
    }

    public var purpose: Purpose
    public var title: String
    public var choices: [Choice]
    public var selected = 0
    /// A line of text to type (the interest), if the form has one.
    public var text: CommandInput?
    public var textLabel = ""
    public var ballots: [String: VoteChoice] = [:]
    public var casting: VoteChoice?
    /// Set once the secretary has been told the deputy is not a named alternate.
    public var confirmException = false
    public var problem: String?
    /// What was typed to narrow a picker, and its choices before narrowing.
    public var narrowing = ""
    public var allChoices: [Choice]?
}

extension Updater {
    // MARK: Opening

    func openDeputyForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let meeting = state.meeting.flatMap({ data.archive.meetings[$0.meetingID] }),
              let committee = data.archive.committees[meeting.committeeID],
              let person = selectedKey(.attendance, state, data) else { return [] }
        let members = committee.memberships(on: meeting.date).filter { $0.role.isVotingMember && $0.personID != person }
        let choices = members.map { m -> Form.Choice in
            let p = data.archive.people[m.personID]
            let org = m.organisationID.flatMap { data.archive.organisations[$0]?.name }
            return Form.Choice(key: m.personID, label: (p?.name ?? m.personID) + (org.map { " (\($0))" } ?? ""))
        }
        let name = data.archive.people[person]?.name ?? person
        state.overlay = .form(Form(purpose: .deputy(person: person), title: "\(name) deputises for…", choices: choices))
        return []
    }

    func openDeclarationForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let record = data.record, let item = selectedKey(.agenda, state, data) else { return [] }
        let here = record.attendance.filter(\.presence.isInRoom).map(\.personID)
        let choices = here.map { Form.Choice(key: $0, label: data.archive.people[$0]?.name ?? $0) }
        guard !choices.isEmpty else {
            state.message = Message(text: "nobody is marked present yet: take the roll first (attendance pane)", isError: true)
            return []
        }
        let title = "Declaration of interest on item \(record.number(of: item))"
        state.overlay = .form(Form(purpose: .declaration(item: item), title: title, choices: choices,
                                   text: CommandInput(), textLabel: "Interest: "))
        return []
    }

    func openVoteForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let record = data.record, let item = selectedKey(.agenda, state, data),
              let context = try? MeetingContext(archive: data.archive, record: record) else { return [] }
        if case .consensus = context.committee.terms.voting {
            state.message = Message(text: "\(context.committee.name) decides by consensus; its terms of reference set no vote", isError: true)
            return []
        }
        let voters = context.eligibleVoters(on: item).sorted()
        guard !voters.isEmpty else {
            state.message = Message(text: "no one present may vote on this item: take the roll first", isError: true)
            return []
        }
        let choices = voters.map { id in
            Form.Choice(key: id, label: data.archive.organisations[id]?.name ?? data.archive.people[id]?.name ?? id)
        }
        let title = "Vote on item \(record.number(of: item)): \(record.item(item)?.title ?? "")"
        state.overlay = .form(Form(purpose: .vote(item: item), title: title, choices: choices))
        return []
    }

    func openReferenceForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let record = data.record, let item = selectedKey(.agenda, state, data) else { return [] }
        guard let earlier = data.earlier, let meeting = data.archive.meetings[earlier.meetingID], !earlier.items.isEmpty else {
            state.message = Message(text: "the committee has no earlier meeting with an agenda to refer to", isError: true)
            return []
        }
        let choices = earlier.items.map { Form.Choice(key: $0.id, label: "\(earlier.number(of: $0.id)). \($0.title)") }
        let title = "Item \(record.number(of: item)) refers to an item of \(meeting.date.medium)"
        state.overlay = .form(Form(purpose: .reference(item: item), title: title, choices: choices))
        return []
    }

    func openNewMeetingForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let committee = currentCommittee(state, data) else { return [] }
        state.overlay = .form(Form(purpose: .newMeeting(committee: committee.id), title: "New meeting of \(committee.name)",
                                   choices: [], text: CommandInput(), textLabel: "Date (YYYY-MM-DD) and times: "))
        return []
    }

    /// Adds an item after the selected one, or a sub-item under it (or under its parent).
    func openAddItemForm(_ state: inout AppState, _ data: ViewData, sub: Bool) -> [Effect] {
        guard let record = data.record else { return [] }
        let selected = selectedKey(.agenda, state, data).flatMap(record.item)
        var parent: ItemID?
        var after: ItemID? = selected?.id
        if sub {
            guard let selected else {
                state.message = Message(text: "select the item to add a sub-item under", isError: true)
                return []
            }
            parent = selected.parentID ?? selected.id
            if selected.parentID == nil { after = record.subItems(of: selected.id).last?.id }
        } else if let s = selected, let p = s.parentID {
            after = p
        }
        let title = sub ? "New sub-item" : "New item"
        state.overlay = .form(Form(purpose: .addItem(parent: parent, after: after), title: title, choices: [],
                                   text: CommandInput(), textLabel: "Title: "))
        return []
    }

    /// "2008-04-22 13:00-14:30": a date, and optionally the times. The meeting starts with
    /// the standing items and whatever the committee's last meeting left unfinished.
    private func newMeeting(_ state: inout AppState, _ form: Form, _ data: ViewData) -> [Effect] {
        var form = form
        guard case .newMeeting(let committee) = form.purpose else { return [] }
        let when: MeetingWhen
        switch MeetingWhen.parse(form.text?.text ?? "") {
        case .success(let typed): when = typed
        case .failure(let error):
            form.problem = error.message
            state.overlay = .form(form)
            return []
        }
        let (date, start, end) = (when.date, when.start, when.end)
        let extra = data.archive.meetings(of: committee).contains { $0.date == date && $0.status != .cancelled }
        do {
            _ = try data.archive.scheduleMeeting(committee, on: date, start: start, end: end, isExtra: extra)
        } catch {
            form.problem = (error as? CommandError)?.message ?? "\(error)"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        return [.commit(Change("plan the meeting") { store, ctx in
            let previous = try store.state.previousMeeting(of: committee, before: date).map { try store.record(of: $0.id) }
            return try store.state.planMeeting(committee, on: date, start: start, end: end, isExtra: extra, previous: previous, context: ctx)
        })]
    }

    // MARK: Keys

    func formKey(_ state: inout AppState, _ form: Form, _ key: Key, _ data: ViewData) -> [Effect] {
        if let effects = planningFormKey(&state, form, key, data) { return effects }
        if let effects = narrowPicker(&state, form, key) { return effects }
        var form = form
        form.problem = nil
        switch key {
        case .escape, .ctrl("g"):
            state.overlay = nil
            return []
        case .up, .ctrl("p"):
            form.selected = max(0, form.selected - 1)
        case .down, .ctrl("n"), .tab:
            form.selected = min(max(0, form.choices.count - 1), form.selected + 1)
        case .enter:
            return submit(&state, form, data)
        default:
            if case .vote = form.purpose, case .char(let c) = key, form.selected < form.choices.count {
                let voter = form.choices[form.selected].key
                switch c {
                case "f": form.ballots[voter] = .for
                case "a": form.ballots[voter] = .against
                case "b": form.ballots[voter] = .abstain
                case "-": form.ballots[voter] = nil
                case "c": form.casting = form.casting == nil ? .for : (form.casting == .for ? .against : nil)
                default: break
                }
                if "fab-".contains(c) { form.selected = min(form.choices.count - 1, form.selected + 1) }
            } else if var text = form.text, text.edit(key) {
                form.text = text
            }
        }
        state.overlay = .form(form)
        return []
    }

    /// Pasted text goes into the form's line, if it has one.
    func formPaste(_ state: inout AppState, _ form: Form, _ text: String) {
        guard var line = form.text else { return }
        var form = form
        line.paste(text)
        form.text = line
        state.overlay = .form(form)
    }

    private func submit(_ state: inout AppState, _ form: Form, _ data: ViewData) -> [Effect] {
        // Forms that need no open meeting.
        switch form.purpose {
        case .export(let target): return submitExport(&state, form, target, data)
        case .objective, .newObjective: return submitObjective(&state, form, data)
        case .actions(let which): return submitActionForm(&state, form, which, data)
        case .committee: return submitCommitteeForm(&state, form, data)
        case .search: return submitSearch(&state, form)
        case .newMeeting: return newMeeting(&state, form, data)
        case .guest(let draft, let step): return submitGuestForm(&state, form, draft, step, data)
        case .attendanceTime(let person, let which, let base): return submitAttendanceTime(&state, form, person, which, base: base, data)
        case .paragraph(let item): return submitParagraphChoice(&state, form, item, data)
        default: break
        }
        var form = form
        guard let screen = state.meeting, let record = data.record,
              let context = try? MeetingContext(archive: data.archive, record: record),
              form.selected < form.choices.count || form.choices.isEmpty
        else { return [] }
        let meetingID = screen.meetingID
        let probe = data.probe
        do {
            switch form.purpose {
            case .deputy(let person):
                let member = form.choices[form.selected].key
                let exception = form.confirmException
                do {
                    _ = try context.mark(person, .deputy(for: member, confirmedException: exception))
                } catch let error as CommandError where error.code == .notAllowed && !exception {
                    form.confirmException = true
                    form.problem = error.message.replacingOccurrences(of: "confirm an exception to record it",
                                                                      with: "press Enter again to record it as an exception")
                    state.overlay = .form(form)
                    return []
                }
                state.overlay = nil
                let now = data.clock
                return [.commit(Change("record the deputy") { store, _ in
                    // A deputy arriving may make the meeting quorate again: minuted with the mark.
                    try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                        .markAttendance(person, .deputy(for: member, confirmedException: exception), at: now)
                })]
            case .declaration(let item):
                let person = form.choices[form.selected].key
                let interest = form.text?.text ?? ""
                _ = try context.declare(person, on: item, interest: interest, context: probe)
                state.overlay = nil
                return [.commit(Change("record the declaration") { store, ctx in
                    try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                        .declare(person, on: item, interest: interest, context: ctx)
                })]
            case .newMeeting, .objective, .newObjective, .actions, .committee, .search, .export, .guest, .attendanceTime, .paragraph:
                return []  // answered above
            case .planning:
                return planningFormKey(&state, form, .enter, data) ?? []
            case .addItem(let parent, let after):
                let item = AgendaItem(id: "probe", parentID: parent, title: form.text?.text ?? "")
                _ = try context.addItem(item, after: after)
                state.overlay = nil
                let title = item.title
                return [.commit(Change("add the item") { store, ctx in
                    let fresh = AgendaItem(id: ctx.newID("i-"), parentID: parent, title: title)
                    return try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).addItem(fresh, after: after)
                })]
            case .reference(let item):
                guard let earlier = data.earlier else { return [] }
                let target = form.choices[form.selected].key
                _ = try context.refer(item, to: target, of: earlier)
                state.overlay = nil
                let earlierID = earlier.meetingID
                return [.commit(Change("refer to the earlier item") { store, _ in
                    try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                        .refer(item, to: target, of: try store.record(of: earlierID))
                })]
            case .approvePrevious(let item, let previous):
                return submitApproval(&state, form, meetingID: meetingID, item: item, previous: previous, context: context, probe: probe)
            case .correction(let item):
                return submitCorrection(&state, form, meetingID: meetingID, item: item, context: context, probe: probe)
            case .vote(let item):
                let ballots = form.choices.compactMap { c in form.ballots[c.key].map { Ballot(voterID: c.key, choice: $0) } }
                let motion = record.item(item)?.title ?? "the item"
                let casting = form.casting
                _ = try context.recordVote(on: item, motion: motion, ballots: ballots, castingVote: casting, context: probe)
                state.overlay = nil
                return [.commit(Change("record the vote") { store, ctx in
                    try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                        .recordVote(on: item, motion: motion, ballots: ballots, castingVote: casting, context: ctx)
                })]
            }
        } catch {
            form.problem = (error as? CommandError)?.message ?? "\(error)"
            state.overlay = .form(form)
            return []
        }
    }
}

extension Renderer {
    func drawForm(_ form: Form, on term: any Terminal) {
        let size = term.size
        var c = Content()
        let width = min(72, size.cols - 4)
        for choice in form.choices {
            var lead = "  "
            if case .vote = form.purpose {
                lead = switch form.ballots[choice.key] {
                case .for?: "for      "
                case .against?: "against  "
                case .abstain?: "abstain  "
                case nil: "—        "
                }
            }
            c.wrapped(choice.label, lead: lead, width: width - 2, entry: c.beginEntry(key: choice.key))
        }
        c.blank()
        if let text = form.text { c.wrapped(form.textLabel + text.text + "▏", width: width - 2, slot: .commandLine) }
        switch form.purpose {
        case .vote:
            c.wrapped("f for · a against · b abstain · - clear · c chair's casting vote: \(form.casting?.rawValue ?? "none")",
                      width: width - 2, slot: .muted)
        case .planning(.editItem):
            c.wrapped("↑↓ or Tab another field · type · Enter record · Esc cancel", width: width - 2, slot: .muted)
        case .approvePrevious:
            c.wrapped("type an amendment and Enter to record it · Enter on an empty line approves · Esc stops", width: width - 2, slot: .muted)
        case .search:
            c.wrapped("type words · Enter searches · Esc cancel", width: width - 2, slot: .muted)
        default:
            c.wrapped((form.choices.isEmpty ? "type" : "↑↓ choose" + (form.text == nil ? "" : " · type")) + " · Enter record · Esc cancel",
                      width: width - 2, slot: .muted)
        }
        if form.isNarrowable, form.text == nil {
            c.wrapped(form.narrowing.isEmpty ? "type to narrow the list" : "narrowed to '\(form.narrowing)' · Backspace widens",
                      width: width - 2, slot: .muted)
        }
        if let problem = form.problem { c.wrapped(problem, width: width - 2, slot: .statusError) }
        let rect = Rect(x: max(0, (size.cols - width) / 2), y: max(0, (size.rows - (c.rows.count + 2)) / 2),
                        cols: width, rows: max(3, min(size.rows - 2, c.rows.count + 2)))
        term.fill(rect, style: theme[.overlay])
        // A long line shows its end, where the cursor and any problem are.
        drawPane(title: form.title, content: c, position: ListPosition(selected: form.selected, scroll: form.choices.isEmpty ? Int.max : 0), in: rect, focused: true,
                 background: .overlay, on: term)
    }
}
