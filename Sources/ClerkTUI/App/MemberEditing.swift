import ClerkCore
import Terminal

/// Correcting a member from the terms screen (`m` on a seat): name, initials, title, letters
/// or post, the seat's organisation and dates, one prefilled prompt each. ClerkCore checks
/// them (`ArchiveState.editMember`); the screen only asks.
enum MemberPicker {
    /// Every organisation by name, then "(no organisation)": one stable order, so picking by
    /// position never changes between members. Two that share a name are told apart by the
    /// committee they were added for (their group), else their id.
    static func organisations(_ archive: ArchiveState) -> [Form.Choice] {
        let all = archive.organisations.values.sorted { ($0.name.lowercased(), $0.group ?? "", $0.id) < ($1.name.lowercased(), $1.group ?? "", $1.id) }
        let names = all.map(\.name)
        let choices = all.map { o in
            Form.Choice(key: o.id, label: names.filter { $0 == o.name }.count > 1 ? "\(o.name) (\(o.group ?? o.id))" : o.name)
        }
        return choices + [Form.Choice(key: "", label: "(no organisation)")]
    }
}

extension Updater {
    func openMemberEdit(_ state: inout AppState, _ c: Committee, key: String, _ data: ViewData) -> [Effect] {
        guard key.hasPrefix("m:"), let index = Int(key.dropFirst(2)), index < c.memberships.count else {
            state.message = Message(text: "select a member's seat in the Members list to correct it", isError: true)
            return []
        }
        let seat = c.memberships[index]
        guard let p = data.archive.people[seat.personID] else { return [] }
        var draft = MemberDraft(committeeID: c.id)
        draft.existing = p.id
        draft.editing = seat
        draft.name = p.name
        draft.initials = p.initials
        draft.title = p.title ?? ""
        draft.letters = p.letters ?? ""
        draft.position = p.position ?? ""
        draft.organisationID = seat.organisationID
        draft.role = seat.role
        draft.from = seat.from
        draft.until = seat.until
        state.overlay = .form(memberForm(draft, .name, data))
        return []
    }

    /// The last step of a correction: the person and the seat, probed, then committed.
    func correctMember(_ state: inout AppState, _ form: Form, _ draft: MemberDraft, _ data: ViewData) -> [Effect] {
        guard let seat = draft.editing, let before = data.archive.people[seat.personID] else { state.overlay = nil; return [] }
        var person = before
        person.name = draft.name
        person.initials = draft.initials
        person.title = draft.title.isEmpty ? nil : draft.title
        person.letters = draft.letters.isEmpty ? nil : draft.letters
        person.position = draft.position.isEmpty ? nil : draft.position
        let edited = person
        let committeeID = draft.committeeID, org = draft.organisationID, from = draft.from, until = draft.until
        @Sendable func events(_ archive: ArchiveState) throws -> [Event] {
            try archive.editMember(committeeID, person: edited, seatFrom: seat.from, organisationID: org, from: from, until: until)
        }
        let probe: [Event]
        do { probe = try events(data.archive) } catch { return refuse(&state, form, error) }
        state.overlay = nil
        guard !probe.isEmpty else {
            state.message = Message(text: "nothing changed for \(draft.name)", isError: false)
            return []
        }
        state.message = Message(text: "corrected \(draft.name)", isError: false)
        return [.commit(Change("correct the member") { store, _ in try events(store.state) })]
    }

    /// Typing in a picker narrows it to the choices whose names begin with (else contain)
    /// what is typed; Backspace widens it again. Nil when the form is not a picker.
    func narrowPicker(_ state: inout AppState, _ form: Form, _ key: Key) -> [Effect]? {
        guard form.text == nil, form.isNarrowable else { return nil }
        var form = form
        var typed = form.narrowing
        switch key {
        case .char(let c) where !c.isWhitespace || !typed.isEmpty: typed.append(c)
        case .backspace: guard !typed.isEmpty else { return nil }; typed.removeLast()
        default: return nil
        }
        let all = form.allChoices ?? form.choices
        let needle = typed.lowercased()
        let starts = all.filter { $0.label.lowercased().hasPrefix(needle) }
        let contains = all.filter { !$0.label.lowercased().hasPrefix(needle) && $0.label.lowercased().contains(needle) }
        let matches = needle.isEmpty ? all : starts + contains
        guard !matches.isEmpty else {
            form.problem = "nothing here matches '\(typed)'; Backspace to widen the list"
            state.overlay = .form(form)
            return []
        }
        form.problem = nil
        form.allChoices = all
        form.narrowing = typed
        form.choices = matches
        form.selected = 0
        state.overlay = .form(form)
        return []
    }
}

extension Form {
    /// The pickers of the committee and guest forms narrow as the person types.
    var isNarrowable: Bool {
        switch purpose {
        case .committee, .guest: true
        default: false
        }
    }
}
