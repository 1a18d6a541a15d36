import ClerkCore
import Terminal

extension Updater {
    /// The terms screen's list and window height, when it is the screen shown.
    func committeeList(_ state: AppState, _ data: ViewData) -> (Content, height: Int)? {
        guard state.meeting == nil, let screen = state.committeeEditor,
              let committee = data.archive.committees[screen.committeeID] else { return nil }
        let inner = Layout.inner(Layout.workPlan(state.size))
        return (data.committeeContent(committee, width: inner.size.cols), inner.size.rows)
    }

    /// Leaving the terms screen shows the committee on the home screen.
    func closeCommitteeEditor(_ state: inout AppState, _ data: ViewData) {
        if let id = state.committeeEditor?.committeeID, let index = data.archive.committeeList.firstIndex(where: { $0.id == id }) {
            if index != state.home.committee { state.home.meetings = ListPosition() }
            state.home.committee = index
        }
        state.committeeEditor = nil
    }

    private func refuseReadOnly(_ state: inout AppState) -> Bool {
        guard state.readOnly else { return false }
        state.message = Message(text: "read-only: committees and their terms cannot be changed in this session", isError: true)
        return true
    }

    private func problem(_ error: any Error) -> String {
        (error as? CommandError)?.message ?? (error as? RuleError)?.message ?? "\(error)"
    }

    func performCommitteeAction(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        switch id {
        case .homeTerms:
            guard state.meeting == nil, let committee = currentCommittee(state, data) else { return [] }
            state.workPlan = nil
            state.committeeEditor = CommitteeScreen(committeeID: committee.id)
            return []
        case .homeNewCommittee:
            guard state.meeting == nil, !refuseReadOnly(&state) else { return [] }
            state.overlay = .form(Form(purpose: .committee(.newName), title: "New committee", choices: [],
                                       text: CommandInput(), textLabel: "Name: "))
            return []
        case .homePlanFromCadence:
            guard state.meeting == nil, let committee = currentCommittee(state, data), !refuseReadOnly(&state) else { return [] }
            return planFromCadence(&state, committee, data)
        default:
            break
        }
        guard id.rawValue.hasPrefix("terms.") else { return nil }
        guard state.meeting == nil, let screen = state.committeeEditor,
              let c = data.archive.committees[screen.committeeID] else {
            state.message = Message(text: "open a committee's terms of reference first: T on the home screen", isError: true)
            return []
        }
        if refuseReadOnly(&state) { return [] }
        let key = committeeList(state, data).flatMap { $0.0.key(of: screen.position.selected) } ?? ""
        switch id {
        case .termsEditMember:
            return openMemberEdit(&state, c, key: key, data)
        case .termsEdit where key.hasPrefix("s:"):
            return openStandingForm(&state, c, index: Int(key.dropFirst(2)), isNew: false)
        case .termsAddStanding, .termsStandingDefault, .termsStandingUp, .termsStandingDown, .termsRemoveStanding:
            return performStandingAction(id, key: key, &state, c, data)
        case .termsEdit:
            if key.hasPrefix("m:") { return openMemberEdit(&state, c, key: key, data) }
            guard key.hasPrefix("f:"), let field = TermsField(rawValue: String(key.dropFirst(2))) else {
                state.message = Message(text: "select a field of the terms or a member to edit; c marks an organisation core, x ends a seat", isError: true)
                return []
            }
            return editField(&state, field, c, data)
        case .termsAddOrganisation:
            state.overlay = .form(Form(purpose: .committee(.organisation(c.id)), title: "New organisation on \(c.name)",
                                       choices: [], text: CommandInput(), textLabel: "Name: "))
        case .termsAddMember:
            state.overlay = .form(memberForm(MemberDraft(committeeID: c.id), .name, data))
        case .termsToggleCore:
            guard key.hasPrefix("o:") else {
                state.message = Message(text: "select an organisation in the Organisations list to mark it core", isError: true)
                return []
            }
            let org = String(key.dropFirst(2))
            let committeeID = c.id
            @Sendable func toggled(_ c: Committee) -> [OrganisationID] {
                c.coreOrganisations.contains(org) ? c.coreOrganisations.filter { $0 != org } : c.coreOrganisations + [org]
            }
            do {
                _ = try data.archive.changeTerms(c.id, name: c.name, terms: c.terms, coreOrganisations: toggled(c))
            } catch {
                state.message = Message(text: problem(error), isError: true)
                return []
            }
            return [.commit(Change("mark the organisation core") { store, _ in
                let fresh = try store.state.committee(committeeID)
                return try store.state.changeTerms(committeeID, name: fresh.name, terms: fresh.terms, coreOrganisations: toggled(fresh))
            })]
        case .termsEndMembership:
            guard key.hasPrefix("m:"), let index = Int(key.dropFirst(2)), index < c.memberships.count else {
                state.message = Message(text: "select a member's seat in the Members list to end it", isError: true)
                return []
            }
            let seat = c.memberships[index]
            guard seat.until == nil else {
                state.message = Message(text: "that seat already ended on \(seat.until!.iso)", isError: true)
                return []
            }
            let name = data.archive.people[seat.personID]?.name ?? seat.personID
            state.overlay = .form(Form(purpose: .committee(.end(c.id, seat.personID)), title: "End \(name)'s seat on \(c.name)",
                                       choices: [], text: CommandInput(text: data.today.iso), textLabel: "Last day (YYYY-MM-DD): "))
        default:
            return nil
        }
        return []
    }

    private func planFromCadence(_ state: inout AppState, _ c: Committee, _ data: ViewData) -> [Effect] {
        let today = data.today
        let events: [Event]
        do {
            events = try data.archive.scheduleFromCadence(c.id, from: today, count: 12)
        } catch {
            state.message = Message(text: problem(error), isError: true)
            return []
        }
        let dates = events.compactMap { e -> CalendarDate? in if case .meetingScheduled(let m) = e { return m.date } else { return nil } }
        guard let first = dates.first, let last = dates.last else {
            state.message = Message(text: "the next twelve dates of \(c.name) are already planned", isError: false)
            return []
        }
        state.message = Message(text: "planned \(CommitteeText.plural(dates.count, "meeting", "meetings")) of \(c.name), \(first.medium) to \(last.medium)",
                                isError: false)
        let id = c.id
        return [.commit(Change("plan meetings from the cadence") { store, _ in
            try store.state.scheduleFromCadence(id, from: today, count: 12)
        })]
    }

    private func editField(_ state: inout AppState, _ field: TermsField, _ c: Committee, _ data: ViewData) -> [Effect] {
        if field == .coreOrganisations {
            state.message = Message(text: "mark organisations core with c in the Organisations list below", isError: false)
            return []
        }
        if field == .declaredExcluded {
            return commitTerms(&state, nil, c, data, label: "change the declared-interest rule") { _, name, terms in
                var terms = terms
                terms.declaredExcludedFromQuorum.toggle()
                return (name, terms)
            }
        }
        let text = CommandInput(text: CommitteePane.prefill(field, c, data.archive, today: data.today))
        state.overlay = .form(Form(purpose: .committee(.field(c.id, field)), title: "\(field.label) of \(c.name)", choices: [],
                                   text: text, textLabel: field.prompt))
        return []
    }

    /// Probes a change of the terms against what the screen shows, then commits it against
    /// the freshest committee. A refusal keeps the form (if any) open with the reason.
    func commitTerms(_ state: inout AppState, _ form: Form?, _ c: Committee, _ data: ViewData, label: String,
                             _ edit: @escaping @Sendable (ArchiveState, String, TermsOfReference) throws -> (String, TermsOfReference))
        -> [Effect] {
        do {
            let (name, terms) = try edit(data.archive, c.name, c.terms)
            _ = try data.archive.changeTerms(c.id, name: name, terms: terms, coreOrganisations: c.coreOrganisations)
        } catch {
            return refuse(&state, form, error)
        }
        state.overlay = nil
        let id = c.id
        return [.commit(Change(label) { store, _ in
            let fresh = try store.state.committee(id)
            let (name, terms) = try edit(store.state, fresh.name, fresh.terms)
            return try store.state.changeTerms(id, name: name, terms: terms, coreOrganisations: fresh.coreOrganisations)
        })]
    }

    func refuse(_ state: inout AppState, _ form: Form?, _ error: any Error) -> [Effect] {
        if var form {
            form.problem = problem(error)
            state.overlay = .form(form)
        } else {
            state.message = Message(text: problem(error), isError: true)
        }
        return []
    }

    /// Reads a typed field into new terms, or throws what is wrong with it.
    static func edited(_ field: TermsField, typed: String, name: String, terms: TermsOfReference) throws -> (String, TermsOfReference) {
        var terms = terms
        var name = name
        let line = typed.trimmingSpaces()
        let none = line.isEmpty || ["none", "n/a", "-"].contains(line.lowercased())
        func get<T>(_ r: Result<T, RuleError>) throws -> T {
            switch r {
            case .success(let v): return v
            case .failure(let e): throw CommandError(.invalid, e.message)
            }
        }
        switch field {
        case .name: name = line
        case .purpose: terms.purpose = CommitteeText.paragraphs(line)
        case .accountability: terms.accountability = CommitteeText.paragraphs(line)
        case .membershipRule: terms.membershipRule = CommitteeText.paragraphs(line)
        case .secretariat: terms.secretariat = line
        case .objectives: terms.objectives = CommitteeText.paragraphs(line).split(separator: "\n").map(String.init)
        case .cadence:
            terms.cadence = none || ["as arranged", "to be arranged"].contains(line.lowercased()) ? nil : try get(Cadence.parse(line))
        case .quorum: terms.quorum = try get(QuorumRule.parse(line))
        case .voting: terms.voting = try get(VotingRule.parse(line))
        case .deadlines: terms.deadlines = none ? nil : try get(AgendaDeadlines.parse(line))
        case .reviewDate: terms.reviewDate = none ? nil : try get(CalendarDate.parseTyped(line))
        case .houseStyle: terms.style = try HouseStyleField.parse(line)
        case .venue: terms.defaultVenue = line.isEmpty ? nil : try Venue.parse(line)
        case .references: terms.references = line.isEmpty || ["numbers", "plain", "none"].contains(line.lowercased()) ? nil : try ReferenceField.parse(line)
        case .chair, .declaredExcluded, .coreOrganisations: break
        }
        return (name, terms)
    }
}
