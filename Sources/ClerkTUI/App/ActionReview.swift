import ClerkCore
import ClerkPublish
import ClerkStore
import Terminal

/// The chair's action review: every action of the archive (or of one committee) sorted by
/// due date, with the chair's filters, each action's history, and status updates with a
/// dated note. Opened with `a` from the home screen.
public struct ActionReviewScreen: Sendable, Hashable {
    /// Which statuses are listed: those still carrying forward (open, in progress,
    /// ongoing), one status, or every action.
    public enum StatusFilter: Sendable, Hashable {
        case current, only(ActionStatus), all
    }

    /// One committee's actions, or nil for every committee.
    public var committeeID: CommitteeID?
    /// The committee selected on the home screen, which `a` narrows to.
    public var homeCommittee: CommitteeID?
    public var owner: Owner?
    public var status = StatusFilter.current
    public var overdueOnly = false
    public var dueThisWeek = false
    /// Grouped by owner (ChaseList's order, a heading per owner) instead of by due date.
    public var byOwner = false
    /// Raised at this meeting.
    public var meetingID: MeetingID?
    public var position = ListPosition()

    public init(committeeID: CommitteeID? = nil, homeCommittee: CommitteeID? = nil) {
        self.committeeID = committeeID
        self.homeCommittee = homeCommittee
    }

    /// The core's filter for what the screen shows on `today`, the same as `clerk actions`.
    public func filter(today: CalendarDate) -> ActionFilter {
        let statuses: Set<ActionStatus>? = switch status {
        case .current: [.open, .inProgress, .ongoing]
        case .only(let s): [s]
        case .all: nil
        }
        return ActionFilter(committee: committeeID, overdueOn: overdueOnly ? today : nil, statuses: statuses,
                            dueBetween: dueThisWeek ? today.restOfWeek : nil, meeting: meetingID, ownerIs: owner)
    }

    /// The next status filter: the current ones, each status alone, then all.
    mutating func cycleStatus() {
        let order: [StatusFilter] = [.current] + ActionStatus.allCases.map { .only($0) } + [.all]
        let index = order.firstIndex(of: status) ?? 0
        status = order[(index + 1) % order.count]
    }

    /// Everything that changes what is listed, for caching the list.
    var filterKey: String {
        "\(committeeID ?? "*")|\(String(describing: owner))|\(status)|\(overdueOnly)|\(dueThisWeek)|\(meetingID ?? "*")|\(byOwner)"
    }
}

/// The forms of the action review and of the action log: an update (a status and a
/// dated note), and the owner and meeting filters.
public enum ActionForm: Sendable, Hashable {
    /// A new status and a note, recorded today; `meeting` when recorded at a meeting.
    case update(ActionID, meeting: MeetingID?, base: ActionStatus)
    /// Withdrawn as raised by mistake, with the reason (see ActionCorrections.swift).
    case withdraw(ActionID, meeting: MeetingID?, base: ActionStatus)
    case owner
    case meeting
}

extension ActionStatus {
    /// "in progress", as the screen says it.
    var label: String { self == .inProgress ? "in progress" : rawValue }
}

extension Layout {
    /// The review's filter line(s) under the header, then its list, then the status line.
    static func actionReview(_ size: Size, filterRows: Int) -> (filters: Rect, list: Rect) {
        let filters = Rect(x: 0, y: 1, cols: size.cols, rows: filterRows)
        return (filters, Rect(x: 0, y: 1 + filterRows, cols: size.cols, rows: max(0, size.rows - 2 - filterRows)))
    }
}

public enum ActionReviewPane {
    /// From this inner width on, the action's facts get columns of their own.
    static let columnsFrom = 120

    /// The filters in force, in words, wrapped to the width (at most three lines).
    static func filterLines(_ screen: ActionReviewScreen, data: ViewData, width: Int) -> [String] {
        let lines = DisplayWidth.wrap("Showing: " + filterParts(screen, data: data).joined(separator: " · "), width: max(10, width - 1))
        return Array(lines.prefix(3))
    }

    /// The filters in force, each in a few words.
    static func filterParts(_ screen: ActionReviewScreen, data: ViewData) -> [String] {
        let archive = data.archive
        var parts: [String] = []
        parts.append(screen.committeeID.map { "committee " + (archive.committees[$0]?.code ?? $0) } ?? "all committees")
        switch screen.status {
        case .current: parts.append("open, in progress, ongoing")
        case .only(let s): parts.append(s.label + " only")
        case .all: parts.append("every status")
        }
        if let owner = screen.owner { parts.append("owner " + archive.ownerName(owner)) }
        if screen.overdueOnly { parts.append("overdue") }
        if screen.dueThisWeek { parts.append("due by \(data.today.restOfWeek.upperBound.short)") }
        if let m = screen.meetingID, let meeting = archive.meetings[m] {
            parts.append("raised at \(archive.committees[meeting.committeeID]?.code ?? meeting.committeeID) \(meeting.date.medium)")
        }
        if screen.byOwner { parts.append("by owner") }
        return parts
    }

    /// The listed actions, in due-date order, or owner by owner (each owner's by due date).
    static func actions(_ screen: ActionReviewScreen, data: ViewData) -> [Action] {
        let listed = data.archive.actions(matching: screen.filter(today: data.today))
        return screen.byOwner ? ChaseList.groups(listed, archive: data.archive).flatMap(\.actions) : listed
    }

    public static func content(_ screen: ActionReviewScreen, data: ViewData, width: Int) -> Content {
        var c = Content()
        c.emptyText = "no actions match: c clears the filters"
        let listed = data.archive.actions(matching: screen.filter(today: data.today))
        let wide = width >= columnsFrom
        if wide, !listed.isEmpty {
            WorkPlanPane.columns(&c, entry: nil, width: width, cells: [
                ("Due", 18, .muted), ("Status", 12, .muted), ("Owner", 24, .muted), ("Cttee", 6, .muted),
                ("Raised", 12, .muted), ("Action", 0, .muted),
            ])
        }
        guard screen.byOwner else {
            for a in listed { add(a, to: &c, data: data, width: width, wide: wide) }
            return c
        }
        for (n, group) in ChaseList.groups(listed, archive: data.archive).enumerated() {
            if n > 0 { c.blank() }
            c.heading(ownerHeading(group, today: data.today), width: width)
            for a in group.actions { add(a, to: &c, data: data, width: width, wide: wide) }
        }
        return c
    }

    /// "Dr Peter Graves (PG) — 3 actions, 2 overdue": the overdue count in words, not colour alone.
    static func ownerHeading(_ group: ChaseList.Group, today: CalendarDate) -> String {
        let n = group.actions.count
        let late = group.actions.filter { $0.isOverdue(on: today) }.count
        return "\(group.label) — \(n) action\(n == 1 ? "" : "s")" + (late > 0 ? ", \(late) overdue" : "")
    }

    private static func add(_ a: Action, to c: inout Content, data: ViewData, width: Int, wide: Bool) {
        let archive = data.archive
        let entry = c.beginEntry(key: a.id)
        let overdue = a.isOverdue(on: data.today)
        let closed = a.status == .done || a.status == .dropped
        let slot: ThemeSlot = overdue ? .actionOverdue : (closed ? .actionDone : .base)
        let due = (overdue ? "! " : "") + (a.due.text.isEmpty ? "unspecified" : a.due.text)
        let owner = archive.ownerName(a.owner)
        let code = archive.committees[a.committeeID]?.code ?? a.committeeID
        let raised = archive.meetings[a.meetingID]?.date.medium ?? a.raisedOn.medium
        let last = a.history.last.map { u in
            "\(u.on.medium) \(u.status.label)" + (u.note.isEmpty ? "" : ": \(u.note)")
        }
        if wide {
            WorkPlanPane.columns(&c, entry: entry, width: width, cells: [
                (due, 18, overdue ? .actionOverdue : .base), (a.status.label, 12, slot), (owner, 24, .base),
                (code, 6, .muted), (raised, 12, .muted), (a.text, 0, closed ? .actionDone : .base),
            ])
            // Under the action's own column: the fixed columns and their gaps come first.
            if let last { c.wrapped(last, lead: String(repeating: " ", count: 80), width: width, slot: .muted, entry: entry) }
        } else {
            // Below 64 columns the status and owner go on a row of their own.
            let roomy = width >= 64
            let head = DisplayWidth.pad(DisplayWidth.truncate(due, toWidth: 18), toWidth: 19)
                + (roomy ? DisplayWidth.pad(a.status.label, toWidth: 12) : "")
            c.rows.append(Row([Span(head, overdue ? .actionOverdue : slot)] + (roomy ? [Span(owner, .base)] : []), entry: entry,
                              trailing: Span("\(code) \(raised)", .muted)))
            if !roomy { c.wrapped("\(a.status.label) · \(owner)", lead: "    ", width: width, slot: slot, entry: entry) }
            c.wrapped(a.text, lead: "    ", width: width, slot: closed ? .actionDone : .base, entry: entry)
            if let last { c.wrapped(last, lead: "    ", width: width, slot: .muted, entry: entry) }
        }
    }

    /// An action and each dated update: its status, note, the meeting it was recorded at, by whom.
    /// How wide the history overlay is on a screen of `size`.
    static func historyWidth(_ size: Size) -> Int { min(76, size.cols - 4) }

    public static func history(_ action: Action, data: ViewData, width: Int) -> Content {
        let archive = data.archive
        var c = Content()
        c.wrapped(action.text, width: width, slot: .heading)
        c.wrapped("Owner: \(archive.ownerName(action.owner)) · due \(action.due.text.isEmpty ? "unspecified" : action.due.text)"
                  + " · \(action.status.label)", width: width, slot: .muted)
        let committee = archive.committees[action.committeeID]?.name ?? action.committeeID
        let raised = archive.meetings[action.meetingID]?.date.medium ?? action.raisedOn.medium
        c.wrapped("Raised at the meeting of \(raised) (\(committee)), action (\(Action.numeral(action.number)))",
                  width: width, slot: .muted)
        c.blank()
        if action.history.isEmpty { c.wrapped("No updates yet.", width: width, slot: .muted) }
        for update in action.history {
            let entry = c.beginEntry()
            c.wrapped(update.note.isEmpty ? update.status.label : "\(update.status.label): \(update.note)",
                      lead: update.on.medium + "  ", width: width, entry: entry)
            var facts: [String] = []
            if let m = update.meetingID { facts.append("at the meeting of \(archive.meetings[m]?.date.medium ?? m)") }
            if let by = update.by { facts.append("by \(archive.people[by]?.name ?? by)") }
            if !facts.isEmpty { c.wrapped(facts.joined(separator: " · "), lead: String(repeating: " ", count: 13), width: width, slot: .muted, entry: entry) }
        }
        return c
    }
}

extension ViewData {
    func actionReviewContent(_ screen: ActionReviewScreen, width: Int) -> Content {
        cachedContent(kind: .actionReview, width: width, key: screen.filterKey) {
            ActionReviewPane.content(screen, data: self, width: width)
        }
    }
}

extension Updater {
    /// The review's list and window height, when it is the screen shown.
    func actionReviewList(_ state: AppState, _ data: ViewData) -> (Content, height: Int)? {
        guard state.meeting == nil, let review = state.actionReview else { return nil }
        let inner = Layout.inner(actionReviewRect(state, review, data))
        return (data.actionReviewContent(review, width: inner.size.cols), inner.size.rows)
    }

    func actionReviewRect(_ state: AppState, _ review: ActionReviewScreen, _ data: ViewData) -> Rect {
        let rows = ActionReviewPane.filterLines(review, data: data, width: state.size.cols).count
        return Layout.actionReview(state.size, filterRows: rows).list
    }

    func performActionReviewAction(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        if id == .actionsProgress { return openProgressForm(&state, data) }
        guard id == .homeActionReview || id.rawValue.hasPrefix("review.") else { return nil }
        if id == .homeActionReview {
            guard state.meeting == nil else { return [] }
            state.actionReview = ActionReviewScreen(homeCommittee: currentCommittee(state, data)?.id)
            return []
        }
        guard state.meeting == nil, var review = state.actionReview else {
            state.message = Message(text: "open the action review first: a on the home screen", isError: true)
            return []
        }
        switch id {
        case .reviewHistory:
            if let key = selectedReviewAction(state, data) { state.overlay = .history(key) }
            return []
        case .reviewCommittee:
            if review.committeeID != nil {
                review.committeeID = nil
            } else if let home = review.homeCommittee {
                review.committeeID = home
                if let m = review.meetingID, data.archive.meetings[m]?.committeeID != home { review.meetingID = nil }
            }
        case .reviewStatus: review.cycleStatus()
        case .reviewOverdue: review.overdueOnly.toggle()
        case .reviewThisWeek: review.dueThisWeek.toggle()
        case .reviewByOwner: review.byOwner.toggle()
        case .reviewChaseList: return openChaseListForm(&state, review, data)
        case .reviewClear:
            review = ActionReviewScreen(committeeID: review.committeeID, homeCommittee: review.homeCommittee)
        case .reviewOwner:
            let typed = review.owner.map { data.archive.ownerName($0) } ?? ""
            state.overlay = .form(Form(purpose: .actions(.owner), title: "Only actions owned by…", choices: [],
                                       text: CommandInput(text: typed), textLabel: "Owner (empty for anyone): "))
            return []
        case .reviewMeeting:
            let meetings = data.archive.committeeList.filter { review.committeeID == nil || $0.id == review.committeeID }
                .flatMap { c in data.archive.meetings(of: c.id) }
            let raised = Set(data.archive.actions.values.map(\.meetingID))
            let choices = meetings.filter { raised.contains($0.id) }.sorted { ($0.date, $0.id) > ($1.date, $1.id) }.map { m in
                Form.Choice(key: m.id, label: "\(m.date.medium) · \(data.archive.committees[m.committeeID]?.name ?? m.committeeID)")
            }
            var form = Form(purpose: .actions(.meeting), title: "Only actions raised at…",
                            choices: [Form.Choice(key: "", label: "any meeting")] + choices)
            form.selected = form.choices.firstIndex { $0.key == review.meetingID } ?? 0
            state.overlay = .form(form)
            return []
        default:
            let statuses: [UIActionID: ActionStatus] = [.reviewDone: .done, .reviewInProgress: .inProgress,
                                                    .reviewOngoing: .ongoing, .reviewDropped: .dropped, .reviewReopen: .open]
            guard let action = selectedReviewAction(state, data) else {
                state.message = Message(text: "no action selected: c clears the filters", isError: true)
                return []
            }
            return openUpdateForm(&state, data, action: action, status: statuses[id], meeting: nil)
        }
        review.position = ListPosition()
        state.actionReview = review
        return []
    }

    private func selectedReviewAction(_ state: AppState, _ data: ViewData) -> ActionID? {
        guard let (content, _) = actionReviewList(state, data) else { return nil }
        // An update can take the last action off the list: the selection stays on the list.
        return content.key(of: min(state.actionReview?.position.selected ?? 0, content.entryCount - 1))
    }

    /// On the meeting's Actions pane: progress on the selected action, recorded at this meeting.
    private func openProgressForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let screen = state.meeting, let meeting = data.archive.meetings[screen.meetingID] else {
            state.message = Message(text: "open a meeting first", isError: true)
            return []
        }
        guard meeting.status.hasTakenPlace, !meeting.status.isLocked else {
            let why = meeting.status.isLocked ? "its minutes are approved" : "it has not started (S on the agenda starts it)"
            state.message = Message(text: "progress is recorded at a meeting, and \(why); a on the home screen updates actions", isError: true)
            return []
        }
        guard let action = selectedKey(.actions, state, data) else {
            state.message = Message(text: "no action selected", isError: true)
            return []
        }
        return openUpdateForm(&state, data, action: action, status: nil, meeting: meeting.id)
    }

    /// A status (preselected: the key's, or the action's own) and a note.
    func openUpdateForm(_ state: inout AppState, _ data: ViewData, action id: ActionID, status: ActionStatus?,
                                meeting: MeetingID?) -> [Effect] {
        guard !state.readOnly else {
            state.message = Message(text: "read-only: actions cannot be updated", isError: true)
            return []
        }
        guard let action = data.archive.actions[id] else { return [] }
        // Withdrawing asks for a reason of its own (W on the actions pane).
        let choices = ActionStatus.allCases.filter { $0 != .withdrawn }.map { Form.Choice(key: $0.rawValue, label: $0.label) }
        let owner = data.archive.ownerName(action.owner)
        var form = Form(purpose: .actions(.update(id, meeting: meeting, base: action.status)), title: "\(owner): \(action.text)", choices: choices,
                        text: CommandInput(), textLabel: "Note: ")
        form.selected = ActionStatus.allCases.firstIndex(of: status ?? action.status) ?? 0
        state.overlay = .form(form)
        return []
    }

    /// Checks the form against what the screen shows: a refusal keeps it open with the reason.
    func submitActionForm(_ state: inout AppState, _ form: Form, _ which: ActionForm, _ data: ViewData) -> [Effect] {
        var form = form
        let typed = (form.text?.text ?? "").trimmingSpaces()
        switch which {
        case .update(let id, let meeting, let base):
            guard form.selected < form.choices.count, let status = ActionStatus(rawValue: form.choices[form.selected].key) else { return [] }
            let probe = data.probe
            do {
                _ = try data.archive.updateAction(id, status: status, note: typed, meetingID: meeting, context: probe)
            } catch {
                form.problem = (error as? CommandError)?.message ?? "\(error)"
                state.overlay = .form(form)
                return []
            }
            state.overlay = nil
            state.statusChanges.append(StatusChange(actionID: id, before: base, after: status, meetingID: meeting))
            return [.commit(Change("update the action") { store, ctx in
                // Based on the status shown when the form opened: a change made meanwhile elsewhere is not overwritten.
                try store.state.requireActionStatus(id, unchangedFrom: base)
                return try store.state.updateAction(id, status: status, note: typed, meetingID: meeting, context: ctx)
            })]
        case .withdraw(let id, let meeting, let base):
            return submitWithdrawal(&state, form, id, meeting: meeting, base: base, data)
        case .owner:
            guard var review = state.actionReview else { state.overlay = nil; return [] }
            if typed.isEmpty {
                review.owner = nil
            } else {
                do {
                    review.owner = try data.archive.ownerFilter(typed, committee: review.committeeID, on: data.today)
                } catch {
                    form.problem = (error as? CommandError)?.message ?? "\(error)"
                    state.overlay = .form(form)
                    return []
                }
            }
            review.position = ListPosition()
            state.actionReview = review
            state.overlay = nil
            return []
        case .meeting:
            guard var review = state.actionReview, form.selected < form.choices.count else { state.overlay = nil; return [] }
            let key = form.choices[form.selected].key
            review.meetingID = key.isEmpty ? nil : key
            review.position = ListPosition()
            state.actionReview = review
            state.overlay = nil
            return []
        }
    }
}
