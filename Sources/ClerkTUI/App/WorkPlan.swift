import ClerkCore
import Terminal

/// The work plan of a committee (seed 002): its objectives grouped by theme, with leads,
/// timescale and status, opened from the home screen with `W`.
public struct WorkPlanScreen: Sendable, Hashable {
    public var committeeID: CommitteeID
    /// Only objectives whose timescale has passed and that are not complete.
    public var overdueOnly = false
    public var position = ListPosition()

    public init(committeeID: CommitteeID) {
        self.committeeID = committeeID
    }
}

extension AppState {
    /// Whose keys apply: the pane in focus, the work plan, or the home screen.
    var scope: UIAction.Scope {
        if let meeting { return meeting.focus.scope }
        if search != nil { return .search }
        if actionReview != nil { return .actionReview }
        if committeeEditor != nil { return .terms }
        return workPlan == nil ? .home : .workPlan
    }
}

extension Layout {
    /// The work plan's one pane, between the header and the status line.
    static func workPlan(_ size: Size) -> Rect {
        Rect(x: 0, y: 1, cols: size.cols, rows: max(0, size.rows - 2))
    }
}

/// The statuses offered when changing one; anything else already recorded is kept as written.
public enum WorkPlanStatus {
    public static let choices = ["Complete", "Ongoing", "Planned", "Not started", "Dropped"]

    /// Finished with: never overdue, shown muted.
    static func isClosed(_ status: String) -> Bool {
        let s = status.lowercased()
        return s.hasPrefix("complete") || s == "dropped"
    }
}

public enum WorkPlanPane {
    /// From this inner width on, leads, timescale and status get columns of their own.
    static let columnsFrom = 120

    /// Leads as people's names where the initials match someone on the committee ("EK" →
    /// "Dr Etheldreda Kong"); groups and unknown initials stay as written. "EK/CA/JL" gives three.
    public static func leadNames(_ leads: [String], committee: Committee, archive: ArchiveState, on date: CalendarDate) -> [String] {
        leads.flatMap(ArchiveState.splitLeads).map { lead in
            if case .person(let p) = archive.matchLead(lead, committee: committee, on: date) { return p.formalName }
            return lead
        }
    }

    static func isOverdue(_ o: Objective, today: CalendarDate) -> Bool {
        !WorkPlanStatus.isClosed(o.status) && !o.timescale.isOngoing && o.timescale.isOverdue(on: today)
    }

    static func timescaleText(_ o: Objective) -> String {
        o.timescale.text.isEmpty ? o.timescale.description : o.timescale.text.replacingOccurrences(of: "\n", with: " ")
    }

    /// Not finished, with a timescale that was not read as a date ("Complete", "when funded"):
    /// never counted overdue, which the overdue view says.
    static func isUndated(_ o: Objective) -> Bool {
        !WorkPlanStatus.isClosed(o.status) && !o.timescale.isOngoing && o.timescale.deadline == nil
            && o.timescale.kind != .ongoing && !o.timescale.text.trimmingSpaces().isEmpty
    }

    public static func content(data: ViewData, committee: Committee, width: Int, overdueOnly: Bool = false) -> Content {
        var c = Content()
        c.emptyText = "no work plan yet for \(committee.name)"
        var objectives = data.archive.objectives(of: committee.id)
        if overdueOnly {
            c.emptyText = "no objective is overdue: O shows them all"
            let undated = objectives.filter(isUndated)
            objectives = objectives.filter { isOverdue($0, today: data.today) }
            if !undated.isEmpty {
                let numbers = undated.prefix(6).map(\.number).joined(separator: ", ") + (undated.count > 6 ? "…" : "")
                c.wrapped("Never counted overdue, as their timescale cannot be read as a date: \(numbers)", width: width, slot: .muted)
            }
        }
        var themes: [String] = []
        for o in objectives where !themes.contains(o.theme) { themes.append(o.theme) }
        let wide = width >= columnsFrom
        if wide, !objectives.isEmpty {
            columns(&c, entry: nil, width: width, cells: [("No.", 6, .muted), ("Objective", 0, .muted), ("Leads", 30, .muted),
                                                          ("Timescale", 22, .muted), ("Status", 18, .muted)])
        }
        for (i, theme) in themes.enumerated() {
            if i > 0 || wide { c.blank() }
            c.heading(theme.isEmpty ? "Objectives" : theme, width: width)
            for o in objectives where o.theme == theme {
                let leads = leadNames(o.leads, committee: committee, archive: data.archive, on: data.today)
                let overdue = isOverdue(o, today: data.today)
                let closed = WorkPlanStatus.isClosed(o.status)
                let textSlot: ThemeSlot = closed ? .muted : .base
                let dateSlot: ThemeSlot = overdue ? .actionOverdue : (closed ? .muted : .base)
                let status = o.status + (overdue ? " · overdue" : "")
                let entry = c.beginEntry(key: o.id)
                // Each line of the objective as written (the seed's bullet points) starts a row.
                let text = o.text
                if wide {
                    columns(&c, entry: entry, width: width, cells: [
                        (o.number, 6, textSlot), (text, 0, textSlot), (leads.joined(separator: ", "), 30, closed ? .muted : .base),
                        (timescaleText(o), 22, dateSlot), (status, 18, dateSlot),
                    ])
                } else {
                    for (n, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                        c.wrapped(String(line), lead: n == 0 ? DisplayWidth.pad(o.number, toWidth: 6) : "      ", width: width,
                                  slot: textSlot, entry: entry, trailing: n == 0 ? Span(status, dateSlot) : nil)
                    }
                    // Leads muted, then the timescale in its own style, on the row(s) below.
                    let room = max(4, width - 6)
                    let leadsText = leads.isEmpty ? "no lead" : leads.joined(separator: ", ")
                    var lines = DisplayWidth.wrap(leadsText, width: room).map { [Span("      "), Span($0, .muted)] }
                    let when = timescaleText(o)
                    let lastWidth = lines.last.map { DisplayWidth.width(of: $0[1].text) } ?? 0
                    if !lines.isEmpty, lastWidth + 3 + DisplayWidth.width(of: when) <= room {
                        lines[lines.count - 1] += [Span(" · ", .muted), Span(when, overdue ? dateSlot : .muted)]
                    } else {
                        for l in DisplayWidth.wrap(when, width: room) { lines.append([Span("      "), Span(l, overdue ? dateSlot : .muted)]) }
                    }
                    for spans in lines { c.rows.append(Row(spans, entry: entry)) }
                }
            }
        }
        return c
    }

    /// One objective as a row of columns, each wrapped within its width; a width of 0 takes
    /// what the others leave.
    static func columns(_ c: inout Content, entry: Int?, width: Int, cells: [(String, Int, ThemeSlot)]) {
        let gap = 2
        let fixed = cells.reduce(0) { $0 + $1.1 } + gap * (cells.count - 2)
        let widths = cells.map { $0.1 == 0 ? max(10, width - fixed) : $0.1 }
        let wrapped = zip(cells, widths).map { cell, w in
            cell.0.split(separator: "\n", omittingEmptySubsequences: false).flatMap { line in
                line.isEmpty ? [""] : DisplayWidth.wrap(String(line), width: max(1, w))
            }
        }
        let height = wrapped.map(\.count).max() ?? 1
        for line in 0..<height {
            var spans: [Span] = []
            for (k, cell) in cells.enumerated() {
                let text = line < wrapped[k].count ? wrapped[k][line] : ""
                let padded = k == cells.count - 1 ? text : DisplayWidth.pad(text, toWidth: widths[k] + (k == 0 ? 0 : gap))
                spans.append(Span(padded, cell.2))
            }
            c.rows.append(Row(spans, entry: entry))
        }
    }
}

extension ViewData {
    func workPlanContent(_ committee: Committee, width: Int, overdueOnly: Bool = false) -> Content {
        cachedContent(kind: .workPlan, width: width, key: committee.id + (overdueOnly ? "|overdue" : "")) {
            WorkPlanPane.content(data: self, committee: committee, width: width, overdueOnly: overdueOnly)
        }
    }
}

extension Updater {
    /// The work plan's list and window height, when it is the screen shown.
    func workPlanList(_ state: AppState, _ data: ViewData) -> (Content, height: Int)? {
        guard state.meeting == nil, let plan = state.workPlan, let committee = data.archive.committees[plan.committeeID] else { return nil }
        let inner = Layout.inner(Layout.workPlan(state.size))
        return (data.workPlanContent(committee, width: inner.size.cols, overdueOnly: plan.overdueOnly), inner.size.rows)
    }

    func performWorkPlanAction(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        switch id {
        case .homeWorkPlan:
            guard state.meeting == nil, let committee = currentCommittee(state, data) else { return [] }
            state.workPlan = WorkPlanScreen(committeeID: committee.id)
            return []
        case .planOverdue:
            guard state.meeting == nil, var plan = state.workPlan else { return nil }
            plan.overdueOnly.toggle()
            plan.position = ListPosition()
            state.workPlan = plan
            return []
        case .planStatus, .planTimescale:
            guard workPlanIsEditable(&state), let o = selectedObjective(state, data) else { return [] }
            if id == .planStatus {
                var choices = WorkPlanStatus.choices
                if !choices.contains(o.status) { choices.append(o.status) }
                var form = Form(purpose: .objective(o.id, field: .status), title: "Status of \(o.number)",
                                choices: choices.map { Form.Choice(key: $0, label: $0) })
                form.selected = choices.firstIndex(of: o.status) ?? 0
                state.overlay = .form(form)
            } else {
                state.overlay = .form(Form(purpose: .objective(o.id, field: .timescale), title: "Timescale of \(o.number)",
                                           choices: [], text: CommandInput(text: WorkPlanPane.timescaleText(o)),
                                           textLabel: "Timescale: "))
            }
            return []
        case .planAdd, .planAddTheme, .planText, .planLeads, .planRemove:
            return performObjectiveEdit(id, &state, data)
        default:
            return nil
        }
    }

    /// Checks the change against what the screen shows, then commits it against the
    /// freshest objective.
    func submitObjective(_ state: inout AppState, _ form: Form, _ data: ViewData) -> [Effect] {
        var form = form
        if case .newObjective(let committee, let theme) = form.purpose {
            return submitNewObjective(&state, form, committee: committee, theme: theme, data)
        }
        guard case .objective(let id, let field) = form.purpose, var o = data.archive.objectives[id] else {
            state.overlay = nil
            return []
        }
        switch field {
        case .text, .leads:
            return submitObjectiveText(&state, form, id: id, field: field, data)
        case .status:
            guard form.selected < form.choices.count else { return [] }
            let status = form.choices[form.selected].key
            state.overlay = nil
            return [.commit(Change("set the objective's status") { store, _ in
                guard var fresh = store.state.objectives[id] else { throw CommandError(.notFound, "the objective was removed") }
                fresh.status = status
                return try store.state.setObjective(fresh)
            })]
        case .timescale:
            let typed = (form.text?.text ?? "").trimmingSpaces()
            let next = data.archive.nextMeeting(of: o.committeeID, after: data.today)?.date
            switch DueDate.parse(typed, today: data.today, nextMeeting: next) {
            case .failure(let error):
                form.problem = error.message
                state.overlay = .form(form)
                return []
            case .success(let due):
                o.timescale = due
                do {
                    _ = try data.archive.setObjective(o)
                } catch {
                    form.problem = (error as? CommandError)?.message ?? "\(error)"
                    state.overlay = .form(form)
                    return []
                }
                state.overlay = nil
                return [.commit(Change("set the objective's timescale") { store, _ in
                    guard var fresh = store.state.objectives[id] else { throw CommandError(.notFound, "the objective was removed") }
                    fresh.timescale = due
                    return try store.state.setObjective(fresh)
                })]
            }
        }
    }
}

extension Renderer {
    func drawWorkPlan(_ state: AppState, _ plan: WorkPlanScreen, _ data: ViewData, on term: any Terminal) {
        let size = term.size
        guard let committee = data.archive.committees[plan.committeeID] else { return }
        let objectives = data.archive.objectives(of: committee.id)
        let overdue = objectives.filter { WorkPlanPane.isOverdue($0, today: data.today) }.count
        let complete = objectives.filter { $0.status.lowercased().hasPrefix("complete") }.count
        var right = [Span(" \(objectives.count) objectives · \(complete) complete ", .header)]
        if overdue > 0 { right.append(Span(" \(overdue) overdue ", .actionOverdue)) }
        right.append(Span(" \(data.clock.text) ", .header))
        drawBar("\(committee.name) · work plan", right, in: Rect(x: 0, y: 0, cols: size.cols, rows: 1), slot: .header, on: term)
        let rect = Layout.workPlan(size)
        let content = data.workPlanContent(committee, width: Layout.inner(rect).size.cols, overdueOnly: plan.overdueOnly)
        drawPane(title: plan.overdueOnly ? "Work plan · overdue only (O shows all)" : "Work plan", content: content, position: plan.position, in: rect, focused: true, on: term)
    }
}
