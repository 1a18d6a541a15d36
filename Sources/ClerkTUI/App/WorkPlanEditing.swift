import ClerkCore
import Terminal

/// Adding, editing and removing work-plan objectives: the forms opened by the work plan's
/// keys, each checked against ClerkCore before anything is committed.
extension Updater {
    /// The objective's lines typed on one line, separated by " | ".
    static let lineSeparator = " | "

    /// Whether the work plan is open and may be changed; says why not otherwise.
    func workPlanIsEditable(_ state: inout AppState) -> Bool {
        guard state.meeting == nil, state.workPlan != nil else {
            state.message = Message(text: "open the work plan first: W on the home screen", isError: true)
            return false
        }
        guard !state.readOnly else {
            state.message = Message(text: "read-only: the work plan cannot be changed", isError: true)
            return false
        }
        return true
    }

    /// The objective under the selection, if any.
    func selectedObjective(_ state: AppState, _ data: ViewData) -> Objective? {
        guard let (content, _) = workPlanList(state, data),
              let key = content.key(of: state.workPlan?.position.selected ?? 0) else { return nil }
        return data.archive.objectives[key]
    }

    func performObjectiveEdit(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard workPlanIsEditable(&state), let plan = state.workPlan else { return [] }
        let selected = selectedObjective(state, data)
        switch id {
        case .planAdd:
            guard let theme = selected?.theme else {
                return performObjectiveEdit(.planAddTheme, &state, data)
            }
            openNewObjective(&state, committee: plan.committeeID, theme: theme, data)
        case .planAddTheme:
            state.overlay = .form(Form(purpose: .newObjective(plan.committeeID, theme: nil), title: "New theme of the work plan",
                                       choices: [], text: CommandInput(), textLabel: "Theme: "))
        case .planText, .planLeads, .planRemove:
            guard let o = selected else {
                state.message = Message(text: "the work plan has no objectives yet: a adds one", isError: true)
                return []
            }
            if id == .planText {
                let text = o.text.split(separator: "\n", omittingEmptySubsequences: false).joined(separator: Self.lineSeparator)
                state.overlay = .form(Form(purpose: .objective(o.id, field: .text), title: "Objective \(o.number) (lines separated by |)",
                                           choices: [], text: CommandInput(text: text), textLabel: "Text: "))
            } else if id == .planLeads {
                state.overlay = .form(Form(purpose: .objective(o.id, field: .leads), title: "Leads of \(o.number) (initials or groups, / between)",
                                           choices: [], text: CommandInput(text: o.leads.joined(separator: "/")), textLabel: "Leads: "))
            } else {
                guard confirmed(id, "Remove objective \(o.number) from the work plan?", refused: "not removed", &state) else { return [] }
                let objectiveID = o.id
                return [.commit(Change("remove the objective") { store, _ in try store.state.removeObjective(objectiveID) })]
            }
        default:
            break
        }
        return []
    }

    /// The add form, its line started with the next number in the theme ("1.11 ").
    private func openNewObjective(_ state: inout AppState, committee: CommitteeID, theme: String, _ data: ViewData) {
        let number = data.archive.nextObjectiveNumber(committee: committee, theme: theme)
        state.overlay = .form(Form(purpose: .newObjective(committee, theme: theme), title: "New objective under \(theme)",
                                   choices: [], text: CommandInput(text: number + " "), textLabel: "Number and text: "))
    }

    /// A new theme's title, then a new objective's number and text.
    func submitNewObjective(_ state: inout AppState, _ form: Form, committee: CommitteeID, theme: String?, _ data: ViewData) -> [Effect] {
        var form = form
        let typed = (form.text?.text ?? "").trimmingSpaces()
        guard let theme else {
            if typed.isEmpty {
                form.problem = "type the theme's title, e.g. '7. Finance'; Esc cancels"
            } else if data.archive.objectives(of: committee).contains(where: { $0.theme == typed }) {
                form.problem = "the theme '\(typed)' exists already: select one of its objectives and press a"
            } else {
                openNewObjective(&state, committee: committee, theme: typed, data)
                return []
            }
            state.overlay = .form(form)
            return []
        }
        let number = typed.split(separator: " ", maxSplits: 1).first.map(String.init) ?? ""
        let text = typed.dropFirst(number.count).trimmingSpaces()
        guard !text.isEmpty else {
            form.problem = "type the number, then the objective's text: \(number.isEmpty ? "1.4" : number) Agree the cluster budgets"
            state.overlay = .form(form)
            return []
        }
        let probe = data.probe
        do {
            _ = try data.archive.addObjective(committee: committee, theme: theme, number: number, text: text, context: probe)
        } catch {
            form.problem = (error as? CommandError)?.message ?? "\(error)"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        return [.commit(Change("add the objective") { store, ctx in
            try store.state.addObjective(committee: committee, theme: theme, number: number, text: text, context: ctx)
        })]
    }

    /// New text (lines separated by " | ") or new leads ("EK/CA/JL") for an objective.
    func submitObjectiveText(_ state: inout AppState, _ form: Form, id: ObjectiveID, field: Form.ObjectiveField,
                             _ data: ViewData) -> [Effect] {
        var form = form
        let typed = form.text?.text ?? ""
        let today = data.today
        let change: @Sendable (ArchiveState) throws -> [Event]
        if field == .text {
            let text = typed.split(separator: "|").map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "\n")
            change = { try $0.editObjectiveText(id, text: text) }
        } else {
            change = { try $0.setObjectiveLeads(id, leads: typed, today: today) }
        }
        do {
            _ = try change(data.archive)
        } catch {
            form.problem = (error as? CommandError)?.message ?? "\(error)"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        return [.commit(Change(field == .text ? "edit the objective" : "set the objective's leads") { store, _ in
            try change(store.state)
        })]
    }
}
