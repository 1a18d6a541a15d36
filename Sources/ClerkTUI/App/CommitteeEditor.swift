import ClerkCore
import Terminal

/// A committee's terms of reference, opened from the home screen with `T`: its fields
/// (purpose, cadence, quorum, voting…), then its organisations and members with their dated
/// seats. Every change is a ClerkCore command committed at once.
public struct CommitteeScreen: Sendable, Hashable {
    public var committeeID: CommitteeID
    public var position = ListPosition()

    public init(committeeID: CommitteeID) {
        self.committeeID = committeeID
    }
}

/// The fields of the terms of reference, in the order shown.
public enum TermsField: String, Sendable, Hashable, CaseIterable {
    case name, purpose, accountability, membershipRule, secretariat, chair, cadence, quorum, declaredExcluded, voting
    case coreOrganisations, deadlines, reviewDate, objectives, houseStyle

    public var label: String {
        switch self {
        case .name: "Name"
        case .purpose: "Purpose"
        case .accountability: "Accountable to"
        case .membershipRule: "Membership (as written)"
        case .secretariat: "Secretariat"
        case .chair: "Chair"
        case .cadence: "Meets"
        case .quorum: "Quorum"
        case .declaredExcluded: "Declared interest"
        case .voting: "Voting"
        case .coreOrganisations: "Core organisations"
        case .deadlines: "Agenda deadlines"
        case .reviewDate: "Review date"
        case .objectives: "Objectives"
        case .houseStyle: "House style"
        }
    }

    /// What the one-line form asks for.
    var prompt: String {
        switch self {
        case .cadence: "Meets (e.g. monthly on the 3rd Thursday; empty: as arranged): "
        case .quorum: "Quorum (e.g. 3 members, members from 4 core organisations, none): "
        case .voting: "Voting (consensus, one vote per member/core organisation, chair's casting vote): "
        case .deadlines: "Deadlines (e.g. items 14 days before; papers the Friday before; empty: none): "
        case .reviewDate: "Review date (YYYY-MM-DD; empty: none): "
        case .chair: "Chair's initials and the date they take office (e.g. AM 2027-01-01): "
        case .houseStyle: HouseStyleField.prompt
        case .purpose, .accountability, .membershipRule, .objectives: "\(label) (¶ between paragraphs): "
        default: "\(label): "
        }
    }
}

/// The steps of seating a member: one prompt each, carried in the form.
public enum MemberStep: Sendable, Hashable {
    case name, initials, title, letters, organisation, role, from, alternateFor
}

/// A member being added, filled in one prompt at a time.
public struct MemberDraft: Sendable, Hashable {
    public var committeeID: CommitteeID
    /// Set when the name typed is someone already in the archive.
    public var existing: PersonID?
    public var name = ""
    public var initials = ""
    public var title = ""
    public var letters = ""
    public var position = ""
    public var organisationID: OrganisationID?
    public var role: Role = .member
    public var from: CalendarDate?

    public init(committeeID: CommitteeID) {
        self.committeeID = committeeID
    }
}

/// What a committee form is for.
public enum CommitteeForm: Sendable, Hashable {
    case newName
    case newCode(name: String)
    case field(CommitteeID, TermsField)
    case organisation(CommitteeID)
    case member(MemberDraft, MemberStep)
    case end(CommitteeID, PersonID)
}

public enum CommitteeText {
    /// A slug from a name: "Pan Cluster Planning Group 2" → "pan-cluster-planning-group-2".
    public static func slug(_ name: String, fallback: String) -> String {
        var out = ""
        for u in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) {
                out.unicodeScalars.append(u)
            } else if u.properties.isAlphabetic {
                continue
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : String(out.prefix(60))
    }

    /// The first slug not in `taken`: "pcpg", else "pcpg-2", "pcpg-3"…
    public static func unique(_ base: String, taken: (String) -> Bool) -> String {
        var id = base, n = 2
        while taken(id) { id = "\(base)-\(n)"; n += 1 }
        return id
    }

    /// A meeting-id code from the initials of the name's words: "Pan Cluster Planning Group 2" → "pcpg2".
    public static func code(_ name: String) -> String {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let code = words.map { w in w.allSatisfy(\.isNumber) ? String(w) : String(w.prefix(1)) }.joined()
        return slug(code, fallback: "c")
    }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// Paragraphs on one line for a form: "first ¶ second".
    static func oneLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingSpaces() }.joined(separator: " ¶ ")
    }

    /// And back: each ¶ starts a new paragraph.
    static func paragraphs(_ line: String) -> String {
        line.split(separator: "¶").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

extension Committee {
    /// The organisations the terms screen lists: core ones, those of its members, and those
    /// added from the screen (grouped under the committee's name).
    func organisationIDs(in archive: ArchiveState) -> [OrganisationID] {
        var ids = coreOrganisations
        for m in memberships { if let o = m.organisationID, !ids.contains(o) { ids.append(o) } }
        for o in archive.organisations.values.sorted(by: { $0.name < $1.name }) where o.group == name && !ids.contains(o.id) {
            ids.append(o.id)
        }
        return ids
    }

    var chair: Membership? { seated.last { $0.role == .chair } }
}

public enum CommitteePane {
    static let labelWidth = 26
    static let indent = String(repeating: " ", count: labelWidth)
    /// The most rows a long text (purpose, accountability…) takes in the list.
    static let maxLines = 3

    /// The field's value as shown, "—" when empty.
    static func value(_ field: TermsField, _ c: Committee, _ archive: ArchiveState) -> String {
        let t = c.terms
        switch field {
        case .name: return "\(c.name) (code \(c.code))"
        case .purpose: return t.purpose
        case .accountability: return t.accountability
        case .membershipRule: return t.membershipRule
        case .secretariat: return t.secretariat
        case .chair:
            guard let chair = c.chair, let p = archive.people[chair.personID] else { return "" }
            return "\(p.formalName) (\(p.initials))" + (chair.from.map { " from \($0.iso)" } ?? "")
        case .cadence: return t.cadence?.text ?? "as arranged"
        case .quorum: return t.quorum.text
        case .declaredExcluded: return t.declaredExcludedFromQuorum ? "excludes the member from quorum on that item" : "does not affect quorum"
        case .voting: return t.voting.text
        case .coreOrganisations:
            return c.coreOrganisations.map { archive.organisations[$0]?.name ?? $0 }.joined(separator: ", ")
        case .deadlines: return t.deadlines?.text ?? ""
        case .reviewDate: return t.reviewDate?.iso ?? ""
        case .objectives: return t.objectives.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        case .houseStyle: return HouseStyleField.value(t)
        }
    }

    /// The form's starting text for a field.
    static func prefill(_ field: TermsField, _ c: Committee, _ archive: ArchiveState, today: CalendarDate) -> String {
        let t = c.terms
        switch field {
        case .name: return c.name
        case .purpose: return CommitteeText.oneLine(t.purpose)
        case .accountability: return CommitteeText.oneLine(t.accountability)
        case .membershipRule: return CommitteeText.oneLine(t.membershipRule)
        case .objectives: return t.objectives.map(CommitteeText.oneLine).joined(separator: " ¶ ")
        case .chair: return (c.chair.flatMap { archive.people[$0.personID]?.initials } ?? "") + " \(today.iso)"
        case .cadence: return t.cadence?.text ?? ""
        case .houseStyle: return HouseStyleField.prefill(t)
        default: return value(field, c, archive)
        }
    }

    public static func content(data: ViewData, committee c: Committee, width: Int) -> Content {
        var out = Content()
        let archive = data.archive
        out.heading("Terms of reference", width: width)
        for field in TermsField.allCases {
            let entry = out.beginEntry(key: "f:\(field.rawValue)")
            let text = value(field, c, archive)
            let lead = DisplayWidth.pad(field.label, toWidth: labelWidth)
            if text.isEmpty {
                out.wrapped("—", lead: lead, width: width, slot: .muted, leadSlot: .muted, entry: entry)
                continue
            }
            // Long texts show their first lines; the form shows and edits all of it.
            let room = max(4, width - labelWidth)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).flatMap { DisplayWidth.wrap(String($0), width: room) }
            let shown = lines.count > maxLines + 1 ? maxLines : lines.count
            for (n, line) in lines.prefix(shown).enumerated() {
                out.rows.append(Row([Span(n == 0 ? lead : indent, .muted), Span(line)], entry: entry))
            }
            if shown < lines.count {
                out.rows.append(Row([Span(indent), Span("… \(lines.count - shown) more lines (Enter shows all)", .muted)], entry: entry))
            }
            if field == .quorum, let problem = archive.quorumProblem(c.terms.quorum, seats: c.memberships,
                                                                     coreOrganisations: c.coreOrganisations) {
                out.wrapped(problem, lead: String(repeating: " ", count: labelWidth), width: width, slot: .statusError, entry: entry)
            }
        }
        out.blank()
        out.heading("Organisations  (O adds · c marks core)", width: width)
        let orgs = c.organisationIDs(in: archive)
        if orgs.isEmpty { out.wrapped("none yet", lead: "  ", width: width, slot: .muted) }
        for id in orgs {
            let entry = out.beginEntry(key: "o:\(id)")
            let core = c.coreOrganisations.contains(id)
            let seats = c.seated.filter { $0.organisationID == id }.count
            out.wrapped(archive.organisations[id]?.name ?? id, lead: "  ", width: width, entry: entry,
                        trailing: Span((core ? "core" : "not core") + " · \(CommitteeText.plural(seats, "seat", "seats"))", core ? .base : .muted))
        }
        out.blank()
        out.heading("Members  (A adds · x ends a seat)", width: width)
        if c.memberships.isEmpty { out.wrapped("none yet", lead: "  ", width: width, slot: .muted) }
        for (index, m) in c.memberships.enumerated() {
            let entry = out.beginEntry(key: "m:\(index)")
            let p = archive.people[m.personID]
            let ended = m.until.map { $0 < data.today } ?? false
            let who = (p?.formalName ?? m.personID) + (p.map { " (\($0.initials))" } ?? "")
            out.wrapped(who, lead: "  ", width: width, slot: ended ? .muted : .base, entry: entry,
                        trailing: Span(m.role.label, ended ? .muted : .base))
            var detail: [String] = []
            if let o = m.organisationID { detail.append(archive.organisations[o]?.name ?? o) }
            if let d = p?.letters ?? p?.position { detail.append(d) }
            if let target = m.alternateFor {
                detail.append("alternate for " + (archive.people[target].map { "\($0.name) (\($0.initials))" } ?? target))
            }
            switch (m.from, m.until) {
            case (let f?, let u?): detail.append("\(f.iso) to \(u.iso)")
            case (let f?, nil): detail.append("from \(f.iso)")
            case (nil, let u?): detail.append("until \(u.iso)")
            case (nil, nil): break
            }
            if !detail.isEmpty { out.wrapped(detail.joined(separator: " · "), lead: "    ", width: width, slot: .muted, entry: entry) }
        }
        return out
    }
}

extension ViewData {
    func committeeContent(_ committee: Committee, width: Int) -> Content {
        cachedContent(kind: .committee, width: width, key: committee.id) {
            CommitteePane.content(data: self, committee: committee, width: width)
        }
    }
}

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

    func performCommitteeAction(_ id: String, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        switch id {
        case "home.terms":
            guard state.meeting == nil, let committee = currentCommittee(state, data) else { return [] }
            state.workPlan = nil
            state.committeeEditor = CommitteeScreen(committeeID: committee.id)
            return []
        case "home.newCommittee":
            guard state.meeting == nil, !refuseReadOnly(&state) else { return [] }
            state.overlay = .form(Form(purpose: .committee(.newName), title: "New committee", choices: [],
                                       text: CommandInput(), textLabel: "Name: "))
            return []
        case "home.planFromCadence":
            guard state.meeting == nil, let committee = currentCommittee(state, data), !refuseReadOnly(&state) else { return [] }
            return planFromCadence(&state, committee, data)
        default:
            break
        }
        guard id.hasPrefix("terms.") else { return nil }
        guard state.meeting == nil, let screen = state.committeeEditor,
              let c = data.archive.committees[screen.committeeID] else {
            state.message = Message(text: "open a committee's terms of reference first: T on the home screen", isError: true)
            return []
        }
        if refuseReadOnly(&state) { return [] }
        let key = committeeList(state, data).flatMap { $0.0.key(of: screen.position.selected) } ?? ""
        switch id {
        case "terms.edit":
            guard key.hasPrefix("f:"), let field = TermsField(rawValue: String(key.dropFirst(2))) else {
                state.message = Message(text: "select a field of the terms to edit; c marks an organisation core, x ends a seat", isError: true)
                return []
            }
            return editField(&state, field, c, data)
        case "terms.addOrganisation":
            state.overlay = .form(Form(purpose: .committee(.organisation(c.id)), title: "New organisation on \(c.name)",
                                       choices: [], text: CommandInput(), textLabel: "Name: "))
        case "terms.addMember":
            state.overlay = .form(memberForm(MemberDraft(committeeID: c.id), .name, data))
        case "terms.toggleCore":
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
        case "terms.endMembership":
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
    private func commitTerms(_ state: inout AppState, _ form: Form?, _ c: Committee, _ data: ViewData, label: String,
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

    private func refuse(_ state: inout AppState, _ form: Form?, _ error: any Error) -> [Effect] {
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
        case .chair, .declaredExcluded, .coreOrganisations: break
        }
        return (name, terms)
    }

    // MARK: Forms

    func submitCommitteeForm(_ state: inout AppState, _ form: Form, _ data: ViewData) -> [Effect] {
        guard case .committee(let purpose) = form.purpose else { return [] }
        let typed = (form.text?.text ?? "").trimmingSpaces()
        switch purpose {
        case .newName:
            guard !typed.isEmpty else { return refuse(&state, form, CommandError(.invalid, "type the committee's name, e.g. Pan Cluster Planning Group")) }
            if let same = data.archive.committeeList.first(where: { $0.name.lowercased() == typed.lowercased() }) {
                return refuse(&state, form, CommandError(.duplicate, "\(same.name) exists already; give the new committee another name"))
            }
            let code = CommitteeText.unique(CommitteeText.code(typed)) { c in data.archive.committeeList.contains { $0.code == c } }
            state.overlay = .form(Form(purpose: .committee(.newCode(name: typed)), title: "New committee: \(typed)", choices: [],
                                       text: CommandInput(text: code), textLabel: "Code (meeting ids begin with it): "))
            return []
        case .newCode(let name):
            let id = CommitteeText.unique(CommitteeText.slug(name, fallback: "committee")) { data.archive.committees[$0] != nil }
            let committee = Committee(id: id, name: name, code: typed, terms: TermsOfReference())
            do { _ = try data.archive.createCommittee(committee) } catch { return refuse(&state, form, error) }
            state.overlay = nil
            state.committeeEditor = CommitteeScreen(committeeID: id)
            state.message = Message(text: "created \(name): Enter on a field sets it; O adds organisations, A members", isError: false)
            return [.commit(Change("create the committee") { store, _ in try store.state.createCommittee(committee) })]
        case .field(let id, let field):
            guard let c = data.archive.committees[id] else { state.overlay = nil; return [] }
            if field == .chair {
                let words = typed.split(separator: " ").map(String.init)
                guard let initials = words.first, words.count <= 2 else {
                    return refuse(&state, form, CommandError(.invalid, "type the chair's initials, then the date they take office: AM 2027-01-01"))
                }
                let from: CalendarDate
                if words.count == 2 {
                    switch CalendarDate.parseTyped(words[1]) {
                    case .success(let d): from = d
                    case .failure(let e): return refuse(&state, form, e)
                    }
                } else {
                    from = data.today
                }
                do { _ = try data.archive.appointChair(id, initials: initials, from: from) } catch { return refuse(&state, form, error) }
                state.overlay = nil
                return [.commit(Change("appoint the chair") { store, _ in try store.state.appointChair(id, initials: initials, from: from) })]
            }
            return commitTerms(&state, form, c, data, label: "change the terms of reference") { _, name, terms in
                try Updater.edited(field, typed: typed, name: name, terms: terms)
            }
        case .organisation(let committeeID):
            guard !typed.isEmpty else { return refuse(&state, form, CommandError(.invalid, "type the organisation's name, e.g. Local Authority")) }
            guard let c = data.archive.committees[committeeID] else { state.overlay = nil; return [] }
            if data.archive.organisations.values.contains(where: { $0.name.lowercased() == typed.lowercased() && $0.group == c.name }) {
                return refuse(&state, form, CommandError(.duplicate, "\(typed) is already one of \(c.name)'s organisations"))
            }
            let orgID = CommitteeText.unique(CommitteeText.slug(typed, fallback: "organisation")) { data.archive.organisations[$0] != nil }
            let org = Organisation(id: orgID, name: typed, group: c.name)
            do { _ = try data.archive.addOrganisation(org) } catch { return refuse(&state, form, error) }
            state.overlay = nil
            state.message = Message(text: "added \(typed) (\(orgID)); c marks it core", isError: false)
            return [.commit(Change("add the organisation") { store, _ in try store.state.addOrganisation(org) })]
        case .end(let committeeID, let person):
            let until: CalendarDate
            switch CalendarDate.parseTyped(typed) {
            case .success(let d): until = d
            case .failure(let e): return refuse(&state, form, e)
            }
            do { _ = try data.archive.endMembership(committeeID, person: person, until: until) } catch { return refuse(&state, form, error) }
            state.overlay = nil
            return [.commit(Change("end the membership") { store, _ in
                try store.state.endMembership(committeeID, person: person, until: until)
            })]
        case .member(let draft, let step):
            return memberStep(&state, form, draft, step, typed, data)
        }
    }

    /// The form for one step of seating a member.
    private func memberForm(_ draft: MemberDraft, _ step: MemberStep, _ data: ViewData) -> Form {
        let title = draft.name.isEmpty ? "New member" : "New member: \(draft.name)"
        func ask(_ label: String, _ text: String = "") -> Form {
            Form(purpose: .committee(.member(draft, step)), title: title, choices: [], text: CommandInput(text: text), textLabel: label)
        }
        switch step {
        case .name: return ask("Name (e.g. Alys Morgan): ")
        case .initials: return ask("Initials as papers write them: ", draft.initials)
        case .title: return ask("Title (Dr, Ms, Mr…; optional): ", draft.title)
        case .letters: return ask("Letters or post (GP, PM, or Director of Planning; optional): ", draft.letters.isEmpty ? draft.position : draft.letters)
        case .organisation:
            // The committee's own organisations first, then the rest of the archive's.
            let own = data.archive.committees[draft.committeeID]?.organisationIDs(in: data.archive) ?? []
            let others = data.archive.organisations.values.sorted { ($0.name, $0.id) < ($1.name, $1.id) }.map(\.id).filter { !own.contains($0) }
            let names = data.archive.organisations.values.map(\.name)
            func label(_ id: OrganisationID) -> String {
                let name = data.archive.organisations[id]?.name ?? id
                return names.filter { $0 == name }.count > 1 ? "\(name) (\(id))" : name
            }
            let choices = own.map { Form.Choice(key: $0, label: label($0)) } + [Form.Choice(key: "", label: "(no organisation)")]
                + others.map { Form.Choice(key: $0, label: label($0)) }
            var form = Form(purpose: .committee(.member(draft, step)), title: "\(title) · organisation", choices: choices)
            form.selected = choices.firstIndex { $0.key == (draft.organisationID ?? own.first ?? "") } ?? 0
            return form
        case .role:
            var form = Form(purpose: .committee(.member(draft, step)), title: "\(title) · role",
                            choices: Role.allCases.map { Form.Choice(key: $0.rawValue, label: $0.label) })
            form.selected = Role.allCases.firstIndex(of: draft.role) ?? 0
            return form
        case .from: return ask("Seated from (YYYY-MM-DD; empty: from the start): ", data.today.iso)
        case .alternateFor: return ask("Alternate for (the member's initials): ")
        }
    }

    private func memberStep(_ state: inout AppState, _ form: Form, _ draft: MemberDraft, _ step: MemberStep, _ typed: String,
                            _ data: ViewData) -> [Effect] {
        var draft = draft
        let next: MemberStep
        switch step {
        case .name:
            guard !typed.isEmpty else { return refuse(&state, form, CommandError(.invalid, "type the member's name, e.g. Alys Morgan")) }
            draft.name = typed
            if let p = data.archive.people.values.first(where: { $0.name.lowercased() == typed.lowercased() }) {
                draft.existing = p.id
                draft.name = p.name
                draft.organisationID = p.organisationID
                next = .organisation
            } else {
                draft.initials = Person.initials(of: typed)
                next = .initials
            }
        case .initials:
            let initials = typed.uppercased()
            guard !initials.isEmpty, initials.count <= 6, initials.allSatisfy(\.isLetter) else {
                return refuse(&state, form, CommandError(.invalid, "initials '\(typed)' must be 1 to 6 letters, e.g. 'AM' or 'NDKS'"))
            }
            if let c = data.archive.committees[draft.committeeID],
               let clash = c.seated.compactMap({ data.archive.people[$0.personID] }).first(where: { $0.initials.uppercased() == initials }) {
                return refuse(&state, form, CommandError(.duplicate, "initials \(initials) are already used on \(c.name) by \(clash.name); give \(draft.name) distinct initials"))
            }
            draft.initials = initials
            next = .title
        case .title:
            draft.title = typed
            next = .letters
        case .letters:
            let isLetters = !typed.isEmpty && typed.count <= 6 && !typed.contains(" ") && typed == typed.uppercased()
            draft.letters = isLetters ? typed : ""
            draft.position = isLetters ? "" : typed
            next = .organisation
        case .organisation:
            guard form.selected < form.choices.count else { return [] }
            let key = form.choices[form.selected].key
            draft.organisationID = key.isEmpty ? nil : key
            next = .role
        case .role:
            guard form.selected < form.choices.count, let role = Role(rawValue: form.choices[form.selected].key) else { return [] }
            draft.role = role
            next = .from
        case .from:
            if typed.isEmpty {
                draft.from = nil
            } else {
                switch CalendarDate.parseTyped(typed) {
                case .success(let d): draft.from = d
                case .failure(let e): return refuse(&state, form, e)
                }
            }
            if draft.role == .alternate {
                next = .alternateFor
            } else {
                return seat(&state, form, draft, alternateFor: nil, data)
            }
        case .alternateFor:
            let target: PersonID
            do {
                target = try data.archive.member(withInitials: typed, of: draft.committeeID, on: draft.from ?? data.today)
            } catch {
                return refuse(&state, form, error)
            }
            return seat(&state, form, draft, alternateFor: target, data)
        }
        state.overlay = .form(memberForm(draft, next, data))
        return []
    }

    /// The last step: the person (if new) and the seat, probed and then committed.
    private func seat(_ state: inout AppState, _ form: Form, _ draft: MemberDraft, alternateFor: PersonID?, _ data: ViewData) -> [Effect] {
        let personID = draft.existing
            ?? CommitteeText.unique(CommitteeText.slug(draft.name, fallback: "person")) { data.archive.people[$0] != nil }
        let person: Person? = draft.existing != nil ? nil : Person(
            id: personID, name: draft.name, title: draft.title.isEmpty ? nil : draft.title,
            letters: draft.letters.isEmpty ? nil : draft.letters, position: draft.position.isEmpty ? nil : draft.position,
            organisationID: draft.organisationID, initials: draft.initials)
        let membership = Membership(personID: personID, organisationID: draft.organisationID, role: draft.role,
                                    alternateFor: alternateFor, from: draft.from)
        let committeeID = draft.committeeID
        @Sendable func events(_ archive: ArchiveState) throws -> [Event] {
            var scratch = archive
            var out: [Event] = []
            if let person, archive.people[person.id] == nil {
                out = try archive.addPerson(person)
                out.forEach { scratch.apply($0) }
            }
            return out + (try scratch.startMembership(committeeID, membership))
        }
        do { _ = try events(data.archive) } catch { return refuse(&state, form, error) }
        state.overlay = nil
        state.message = Message(text: "seated \(draft.name) as \(draft.role.label.lowercased())", isError: false)
        return [.commit(Change("seat the member") { store, _ in try events(store.state) })]
    }
}

extension Renderer {
    func drawCommitteeTerms(_ state: AppState, _ screen: CommitteeScreen, _ data: ViewData, on term: any Terminal) {
        let size = term.size
        guard let committee = data.archive.committees[screen.committeeID] else { return }
        // Seats now open, including those that start later (a committee set up ahead).
        let voting = committee.seated.filter(\.role.isVotingMember).count
        let right = [Span(" \(voting) voting · \(committee.coreOrganisations.count) core ", .header),
                     Span(" \(data.clock.text) ", .header)]
        drawBar("\(committee.name) · terms of reference", right, in: Rect(x: 0, y: 0, cols: size.cols, rows: 1), slot: .header, on: term)
        let rect = Layout.workPlan(size)
        let content = data.committeeContent(committee, width: Layout.inner(rect).size.cols)
        drawPane(title: "Terms, organisations and members", content: content, position: screen.position, in: rect, focused: true, on: term)
    }
}
