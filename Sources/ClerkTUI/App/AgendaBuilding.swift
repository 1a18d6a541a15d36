import ClerkCore
import ClerkStore
import Terminal

/// Forms of planning: an item's details, a meeting's new date, the reason a meeting is stood down.
public enum PlanningForm: Sendable, Hashable {
    /// Title, description, presenter, papers and time of an item; `form.selected` is the field being typed.
    case editItem(item: ItemID, values: [String], base: AgendaItem)
    /// The date (and times) a meeting moves to.
    case moveMeeting(MeetingID)
    /// Why a meeting is stood down.
    case standDown(MeetingID)
    /// Where one meeting is held (MeetingVenue.swift).
    case venue(MeetingID)
}

/// Building the next meeting's agenda (reorder, nest, edit, remove, publish) and planning
/// meetings from the home screen (move, stand down). The rules are ClerkCore's; each
/// action is tried against what the screen shows first, so a refusal changes nothing and
/// says why on the status line or in the form.
extension Updater {
    static let itemFields = ["Title", "Description", "Presenter", "Papers (separate with ;)", "Minutes allocated"]

    func performAgendaBuilding(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        switch id {
        case .meetingMove: return openMoveMeetingForm(&state, data)
        case .meetingStandDown: return openStandDownForm(&state, data)
        default: break
        }
        guard id.rawValue.hasPrefix("agenda."), state.meeting != nil else { return nil }
        switch id {
        case .agendaMoveUp: return itemChange("move the item", &state, data) { ctx, item in try ctx.moveItem(item, .up) }
        case .agendaMoveDown: return itemChange("move the item", &state, data) { ctx, item in try ctx.moveItem(item, .down) }
        case .agendaIndent: return itemChange("nest the item", &state, data) { ctx, item in try ctx.indentItem(item) }
        case .agendaOutdent: return itemChange("lift the item out", &state, data) { ctx, item in try ctx.outdentItem(item) }
        case .agendaConfidential:
            let base = selectedKey(.agenda, state, data).flatMap { data.record?.item($0) }
            return itemChange("mark the item", &state, data) { ctx, id in
                guard let item = ctx.record.item(id) else { return [] }
                if let base { try ctx.requireItem(id, unchangedFrom: base) }
                return try ctx.editItem(id, title: item.title, presenter: item.presenter, papers: item.papers, minutes: item.minutes,
                                        confidential: !item.confidential)
            }
        case .agendaRemove:
            if let record = data.record, let item = selectedKey(.agenda, state, data).flatMap(record.item) {
                if refused(&state, data, { ctx, _ in try ctx.removeItem(item.id) }) { return [] }
                let subs = record.subItems(of: item.id).isEmpty ? "" : " and its sub-items"
                guard confirmed(id, "Remove item \(record.number(of: item.id)) (\(item.title))\(subs)?", refused: "not removed", &state) else {
                    return []
                }
            }
            return itemChange("remove the item", &state, data) { ctx, item in try ctx.removeItem(item) }
        case .agendaPublish:
            if refused(&state, data, { ctx, probe in try ctx.publishAgenda(context: probe) }) { return [] }
            let date = state.meeting.flatMap { data.archive.meetings[$0.meetingID] }.map { " of \($0.date.medium)" } ?? ""
            guard confirmed(id, "Publish the agenda\(date)? Its numbering is then locked.", refused: "not published", &state) else { return [] }
            return meetingChange("publish the agenda", &state, data) { ctx, context in try ctx.publishAgenda(context: context) }
        case .agendaEdit: return openEditItemForm(&state, data)
        case .agendaVenue: return openVenueForm(&state, data)
        default: return nil
        }
    }

    /// Whether the command is refused as things stand (saying why): tried before a
    /// confirmation is asked for, so that `y` is never asked for nothing.
    private func refused(_ state: inout AppState, _ data: ViewData,
                         _ command: (MeetingContext, CommandContext) throws -> [Event]) -> Bool {
        guard !state.readOnly, let record = data.record, let context = try? MeetingContext(archive: data.archive, record: record) else {
            return false
        }
        do {
            _ = try command(context, data.probe)
            return false
        } catch {
            state.message = Message(text: (error as? CommandError)?.message ?? "\(error)", isError: true)
            return true
        }
    }

    /// A change to the selected item, tried first; the selection follows the item.
    private func itemChange(_ label: String, _ state: inout AppState, _ data: ViewData,
                            _ command: @escaping @Sendable (MeetingContext, ItemID) throws -> [Event]) -> [Effect] {
        guard let item = selectedKey(.agenda, state, data) else {
            state.message = Message(text: "select an agenda item first", isError: true)
            return []
        }
        return meetingChange(label, &state, data, following: item) { ctx, _ in try command(ctx, item) }
    }

    /// A change to the open meeting: tried against the screen's record, then committed
    /// against the freshest. The agenda selection stays on `following` wherever it goes.
    private func meetingChange(_ label: String, _ state: inout AppState, _ data: ViewData, following item: ItemID? = nil,
                               _ command: @escaping @Sendable (MeetingContext, CommandContext) throws -> [Event]) -> [Effect] {
        guard let meetingID = state.meeting?.meetingID, let record = data.record,
              let context = try? MeetingContext(archive: data.archive, record: record) else { return [] }
        let probe = data.probe
        do {
            let events = try command(context, probe)
            if events.isEmpty { return [] }
            var changed = record
            events.forEach { changed.apply($0) }
            if let item {
                // The item where it went; after a removal, the row that took its place.
                let current = state.meeting?.positions[.agenda]?.selected ?? 0
                let index = changed.items.firstIndex { $0.id == item } ?? min(current, max(0, changed.items.count - 1))
                state.meeting?.positions[.agenda, default: ListPosition()].selected = index
            }
        } catch {
            state.message = Message(text: (error as? CommandError)?.message ?? "\(error)", isError: true)
            return []
        }
        return [.commit(Change(label) { store, ctx in
            try command(try MeetingContext(archive: store.state, record: try store.record(of: meetingID)), ctx)
        })]
    }

    // MARK: Item details

    func openEditItemForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let record = data.record, let id = selectedKey(.agenda, state, data), let item = record.item(id) else {
            state.message = Message(text: "select an agenda item first", isError: true)
            return []
        }
        let values = [item.title, item.description ?? "", item.presenter ?? "", item.papers.joined(separator: "; "), item.minutes.map(String.init) ?? ""]
        var form = Form(purpose: .planning(.editItem(item: id, values: values, base: item)),
                        title: "Item \(record.number(of: id))" + (item.confidential ? " (confidential)" : ""), choices: [])
        Self.showField(0, of: values, in: &form)
        state.overlay = .form(form)
        return []
    }

    /// Shows every field's value and puts `field` on the line being typed.
    private static func showField(_ field: Int, of values: [String], in form: inout Form) {
        form.choices = zip(itemFields, values).map { Form.Choice(key: $0.0, label: "\($0.0): \($0.1)") }
        form.selected = field
        form.text = CommandInput(text: values[field])
        form.textLabel = itemFields[field] + ": "
    }

    /// Keys of the planning forms that differ from a one-line form's: moving between an
    /// item's fields, and Enter. Nil for the keys the form's line takes as usual.
    func planningFormKey(_ state: inout AppState, _ form: Form, _ key: Key, _ data: ViewData) -> [Effect]? {
        guard case .planning(let planning) = form.purpose else { return nil }
        if key == .enter { return submitPlanning(&state, form, planning, data) }
        guard case .editItem(let item, var values, let base) = planning else { return nil }
        let step: Int
        switch key {
        case .up, .ctrl("p"), .backTab: step = -1
        case .down, .ctrl("n"), .tab: step = 1
        default: return nil
        }
        var form = form
        values[form.selected] = form.text?.text ?? ""
        form.purpose = .planning(.editItem(item: item, values: values, base: base))
        Self.showField((form.selected + step + values.count) % values.count, of: values, in: &form)
        state.overlay = .form(form)
        return []
    }

    private func submitPlanning(_ state: inout AppState, _ form: Form, _ planning: PlanningForm, _ data: ViewData) -> [Effect] {
        var form = form
        form.problem = nil
        func refuse(_ problem: String) -> [Effect] {
            form.problem = problem
            state.overlay = .form(form)
            return []
        }
        switch planning {
        case .editItem(let item, var values, let base):
            values[form.selected] = form.text?.text ?? ""
            form.purpose = .planning(.editItem(item: item, values: values, base: base))
            Self.showField(form.selected, of: values, in: &form)
            let typed = values[4].trimmingSpaces()
            var minutes: Int?
            if !typed.isEmpty {
                guard let n = Int(typed) else {
                    return refuse("the time allocation '\(typed)' is not a number of minutes; type one such as 20, or leave it empty")
                }
                minutes = n
            }
            let (title, description, presenter, allocated) = (values[0], values[1], values[2], minutes)
            let papers = values[3].split(separator: ";").map(String.init)
            guard let record = data.record, let context = try? MeetingContext(archive: data.archive, record: record),
                  let current = record.item(item) else { return refuse("the item is no longer on the agenda") }
            let confidential = current.confidential
            let edit: @Sendable (MeetingContext) throws -> [Event] = {
                // Based on the item as the form opened on it: a change made meanwhile elsewhere is not overwritten.
                try $0.requireItem(item, unchangedFrom: base)
                return try $0.editItem(item, title: title, presenter: presenter, papers: papers, minutes: allocated, confidential: confidential,
                                       description: description)
            }
            do { _ = try edit(context) } catch { return refuse((error as? CommandError)?.message ?? "\(error)") }
            state.overlay = nil
            guard let meetingID = state.meeting?.meetingID else { return [] }
            return [.commit(Change("edit the item") { store, _ in
                try edit(try MeetingContext(archive: store.state, record: try store.record(of: meetingID)))
            })]
        case .moveMeeting(let id):
            guard let meeting = data.archive.meetings[id] else { return refuse("the meeting is no longer in the archive") }
            let when: MeetingWhen
            switch MeetingWhen.parse(form.text?.text ?? "") {
            case .success(let w): when = w
            case .failure(let error): return refuse(error.message)
            }
            // Times left out stay as they were.
            let (start, end) = when.start == nil ? (meeting.start, meeting.end) : (when.start, when.end)
            let venue = meeting.venue
            do { _ = try data.archive.moveMeeting(id, to: when.date, start: start, end: end, venue: venue) } catch {
                return refuse((error as? CommandError)?.message ?? "\(error)")
            }
            state.overlay = nil
            state.message = Message(text: "the meeting of \(meeting.date.medium) moves to \(when.date.long)", isError: false)
            return [.commit(Change("move the meeting") { store, _ in
                try store.state.moveMeeting(id, to: when.date, start: start, end: end, venue: venue)
            })]
        case .venue(let id):
            return submitVenue(&state, form, id, data)
        case .standDown(let id):
            let reason = (form.text?.text ?? "").trimmingSpaces()
            do { _ = try data.archive.cancelMeeting(id, reason: reason) } catch {
                return refuse((error as? CommandError)?.message ?? "\(error)")
            }
            state.overlay = nil
            return [.commit(Change("stand down the meeting") { store, _ in try store.state.cancelMeeting(id, reason: reason) })]
        }
    }

    // MARK: Home screen

    /// The meeting selected on the home screen.
    func selectedHomeMeeting(_ state: AppState, _ data: ViewData) -> Meeting? {
        guard state.meeting == nil, state.search == nil, state.workPlan == nil, state.actionReview == nil, state.committeeEditor == nil,
              let committee = currentCommittee(state, data) else { return nil }
        let ordered = HomePanes.meetingOrder(data: data, committee: committee)
        return state.home.meetings.selected < ordered.count ? ordered[state.home.meetings.selected] : nil
    }

    /// The open meeting (from the `:` line), else the one selected on the home screen.
    private func meetingToPlan(_ state: inout AppState, _ data: ViewData) -> Meeting? {
        guard let meeting = state.meeting.flatMap({ data.archive.meetings[$0.meetingID] }) ?? selectedHomeMeeting(state, data) else {
            state.message = Message(text: "select a meeting on the home screen first", isError: true)
            return nil
        }
        guard meeting.status == .planned || meeting.status == .agendaPublished else {
            state.message = Message(text: "the meeting of \(meeting.date.medium) is \(meeting.status.label); only a meeting yet to happen can be moved or stood down",
                                    isError: true)
            return nil
        }
        return meeting
    }

    func openMoveMeetingForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let meeting = meetingToPlan(&state, data) else { return [] }
        let times = [meeting.start?.text, meeting.end?.text].compactMap { $0 }.joined(separator: "-")
        let current = meeting.date.iso + (meeting.start != nil && meeting.end != nil ? " \(times)" : "")
        state.overlay = .form(Form(purpose: .planning(.moveMeeting(meeting.id)), title: "Move the meeting of \(meeting.date.long)",
                                   choices: [], text: CommandInput(text: current), textLabel: "New date (YYYY-MM-DD) and times: "))
        return []
    }

    func openStandDownForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let meeting = meetingToPlan(&state, data) else { return [] }
        state.overlay = .form(Form(purpose: .planning(.standDown(meeting.id)), title: "Stand down the meeting of \(meeting.date.long)",
                                   choices: [], text: CommandInput(), textLabel: "Reason: "))
        return []
    }
}

extension Renderer {
    /// Whether the header has room for the agenda's dates beside the committee, the date and
    /// time, the venue, the status, the quorum and the clock; if not they show in the agenda pane's
    /// title, and only the latest warning stays in the header. The meeting's date comes first.
    func agendaDatesInHeader(_ meeting: Meeting, _ data: ViewData, width: Int) -> Bool {
        guard let headline = Self.agendaHeadline(meeting, data) else { return false }
        let dates = " \(headline.text) " + headline.warnings.map { " \($0) " }.joined()
        let others = " \(meeting.status.label) " + " quorum: no roll yet " + " 00:00 " + (readOnly ? " read-only " : "")
        // The venue (up to 40 columns of it) comes before the dates.
        let venue = meeting.venue.isEmpty ? "" : " · " + DisplayWidth.truncate(meeting.venue, toWidth: 40, ellipsis: true)
        return DisplayWidth.width(of: headerTitle(meeting, data) + venue + dates + others) + 1 <= width
    }

    /// The meeting's status for the header, with the agenda's dates: when items and papers
    /// are due for a planned meeting (passed ones in the error colour), or when the agenda
    /// was published.
    func agendaHeaderSpans(_ meeting: Meeting, _ data: ViewData, width: Int) -> [Span] {
        if meeting.status == .agendaPublished, let on = meeting.agendaPublishedOn {
            return [Span(" agenda published \(on.day) \(CalendarDate.monthShortName(on.month)) ", .header)]
        }
        var spans = [Span(" \(meeting.status.label) ", .header)]
        guard let headline = Self.agendaHeadline(meeting, data) else { return spans }
        if agendaDatesInHeader(meeting, data, width: width) {
            spans.append(Span(" \(headline.text) ", .header))
            spans += headline.warnings.map { Span(" \($0) ", .statusError) }
        } else if let latest = headline.warnings.last {
            spans.append(Span(" \(latest) ", .statusError))
        }
        return spans
    }

    /// "Agenda · items due by Thu 3 Dec · papers Fri 11 Dec" when the header has no room for the dates.
    func agendaPaneTitle(_ meeting: Meeting?, _ data: ViewData, width: Int) -> String {
        guard let meeting, !agendaDatesInHeader(meeting, data, width: width), let headline = Self.agendaHeadline(meeting, data) else {
            return Pane.agenda.title
        }
        return "\(Pane.agenda.title) · \(headline.text)"
    }

    /// The agenda deadlines of a planned meeting whose committee sets them.
    static func agendaHeadline(_ meeting: Meeting, _ data: ViewData) -> (text: String, warnings: [String])? {
        guard meeting.status == .planned, let rule = data.archive.committees[meeting.committeeID]?.terms.deadlines else { return nil }
        return rule.headline(for: meeting.date, today: data.today)
    }
}
