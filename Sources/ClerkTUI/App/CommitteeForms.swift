import ClerkCore
import Terminal

extension Updater {
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
        case .standing(let committeeID, let index, let isNew):
            return submitStanding(&state, form, committeeID, index: index, isNew: isNew, typed: typed, data)
        }
    }

    /// The form for one step of seating a member.
    func memberForm(_ draft: MemberDraft, _ step: MemberStep, _ data: ViewData) -> Form {
        let title = draft.editing != nil ? "Member: \(draft.name)" : draft.name.isEmpty ? "New member" : "New member: \(draft.name)"
        func ask(_ label: String, _ text: String = "") -> Form {
            Form(purpose: .committee(.member(draft, step)), title: title, choices: [], text: CommandInput(text: text), textLabel: label)
        }
        switch step {
        case .name: return ask("Name (e.g. Alys Morgan): ", draft.name)
        case .initials: return ask("Initials as papers write them: ", draft.initials)
        case .title: return ask("Title (Dr, Professor, Cllr, Sir, Ms…; optional): ", draft.title)
        case .letters: return ask("Letters or post (GP, PM, or Director of Planning; optional): ", draft.letters.isEmpty ? draft.position : draft.letters)
        case .organisation:
            // One order, whatever the members seated so far: by name, then "(no organisation)";
            // typing narrows the list.
            var form = Form(purpose: .committee(.member(draft, step)), title: "\(title) · organisation",
                            choices: MemberPicker.organisations(data.archive))
            // A new member starts at the top; a member being corrected at their seat's organisation.
            if draft.organisationID != nil || draft.editing != nil {
                form.selected = form.choices.firstIndex { $0.key == (draft.organisationID ?? "") } ?? 0
            }
            return form
        case .role:
            var form = Form(purpose: .committee(.member(draft, step)), title: "\(title) · role",
                            choices: Role.allCases.map { Form.Choice(key: $0.rawValue, label: $0.label) })
            form.selected = Role.allCases.firstIndex(of: draft.role) ?? 0
            return form
        case .from:
            // Never today by default: a seat from today leaves the member off every earlier meeting.
            let proposed = draft.editing != nil ? draft.from : data.archive.firstMeetingDate(of: draft.committeeID)
            return ask("Seated from (YYYY-MM-DD; empty: from the start, every meeting): ", proposed?.iso ?? "")
        case .until: return ask("Seat ended on (YYYY-MM-DD; empty: still seated): ", draft.until?.iso ?? "")
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
            if draft.editing != nil {
                next = .initials
            } else if let p = data.archive.people.values.first(where: { $0.name.lowercased() == typed.lowercased() }) {
                draft.existing = p.id
                draft.name = p.name
                draft.organisationID = p.organisationID
                next = .organisation
            } else {
                draft.initials = data.archive.proposedInitials(for: typed, on: draft.committeeID)
                next = .initials
            }
        case .initials:
            // Kept as typed ("RCp"); unique on the committee ignoring case (ClerkCore's rule).
            do { try data.archive.checkInitials(typed, of: draft.name, person: draft.existing, on: draft.committeeID) } catch {
                return refuse(&state, form, error)
            }
            draft.initials = typed
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
            next = draft.editing != nil ? .from : .role
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
            if draft.editing != nil {
                next = .until
            } else if draft.role == .alternate {
                next = .alternateFor
            } else {
                return seat(&state, form, draft, alternateFor: nil, data)
            }
        case .until:
            if typed.isEmpty {
                draft.until = nil
            } else {
                switch CalendarDate.parseTyped(typed) {
                case .success(let d): draft.until = d
                case .failure(let e): return refuse(&state, form, e)
                }
            }
            return correctMember(&state, form, draft, data)
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
        let since = draft.from.map { "from \($0.iso)" } ?? "from the start (every meeting)"
        state.message = Message(text: "seated \(draft.name) as \(draft.role.label.lowercased()) \(since)", isError: false)
        return [.commit(Change("seat the member") { store, _ in try events(store.state) })]
    }
}
