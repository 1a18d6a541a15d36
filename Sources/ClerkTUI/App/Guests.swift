import ClerkCore
import Terminal

/// The steps of listing a guest in attendance: one prompt each, carried in the form.
public enum GuestStep: Sendable, Hashable {
    case name, post, organisation, role, item
}

/// A guest being added from the attendance pane (`+`).
public struct GuestDraft: Sendable, Hashable {
    public var name = ""
    public var post = ""
    public var organisation = ""
    public var role: GuestRole = .presenter

    public init() {}
}

/// Guests (`+` adds, `-` removes or lists again) in a meeting's attendance pane. The rules are
/// ClerkCore's (`MeetingContext.addGuest`); a guest never counts to quorum or votes.
extension Updater {
    static let guestKeyPrefix = "guest:"

    func performGuestAction(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        guard id.rawValue.hasPrefix("attendance."), let screen = state.meeting else { return nil }
        let key = selectedKey(.attendance, state, data) ?? ""
        let guestID = key.hasPrefix(Self.guestKeyPrefix) ? String(key.dropFirst(Self.guestKeyPrefix.count)) : nil
        switch id {
        case .attendanceAddGuest:
            // Refused before the prompts rather than after them.
            guard !state.readOnly else {
                state.message = Message(text: "read-only: guests cannot be listed in this session", isError: true)
                return []
            }
            state.overlay = .form(guestForm(GuestDraft(), .name, data))
            return []
        case .attendanceRemoveGuest:
            guard let guestID, let guest = data.record?.guest(guestID) else {
                state.message = Message(text: "select a guest under In attendance to remove them (members are marked, not removed)", isError: true)
                return []
            }
            let meetingID = screen.meetingID
            let restore = guest.isRemoved
            state.message = Message(text: restore ? "listed \(guest.name) again" : "removed \(guest.name); - lists them again", isError: false)
            return [.commit(Change(restore ? "list the guest again" : "remove the guest") { store, _ in
                let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                return restore ? try ctx.restoreGuest(guestID) : try ctx.removeGuest(guestID)
            })]
        default:
            // Guests are listed, never marked: a mark on one would name nobody on the committee.
            guard let guestID else { return nil }
            let name = data.record?.guest(guestID)?.name ?? "that guest"
            state.message = Message(text: "\(name) is a guest, listed in attendance without a mark; - removes them", isError: true)
            return []
        }
    }

    func guestForm(_ draft: GuestDraft, _ step: GuestStep, _ data: ViewData) -> Form {
        let title = draft.name.isEmpty ? "Guest in attendance" : "Guest: \(draft.name)"
        func ask(_ label: String, _ text: String = "") -> Form {
            Form(purpose: .guest(draft, step), title: title, choices: [], text: CommandInput(text: text), textLabel: label)
        }
        switch step {
        case .name: return ask("Name (not a member; e.g. Jo Bloggs): ", draft.name)
        case .post: return ask("Post (e.g. Head of Estates; optional): ", draft.post)
        case .organisation: return ask("Organisation (optional): ", draft.organisation)
        case .role:
            var form = Form(purpose: .guest(draft, step), title: "\(title) · role",
                            choices: GuestRole.allCases.map { Form.Choice(key: $0.rawValue, label: $0.label) })
            form.selected = GuestRole.allCases.firstIndex(of: draft.role) ?? 0
            return form
        case .item: return ask("For item number only (e.g. 5; empty: the whole meeting): ")
        }
    }

    func submitGuestForm(_ state: inout AppState, _ form: Form, _ draft: GuestDraft, _ step: GuestStep, _ data: ViewData) -> [Effect] {
        var draft = draft
        let typed = (form.text?.text ?? "").trimmingSpaces()
        guard let screen = state.meeting, let record = data.record,
              let context = try? MeetingContext(archive: data.archive, record: record) else { state.overlay = nil; return [] }
        let next: GuestStep
        switch step {
        case .name:
            draft.name = typed
            // Checked at once, so a member or an empty name is refused before the rest is asked.
            do { _ = try context.addGuest(Guest(id: "probe", name: typed, role: draft.role)) } catch { return refuse(&state, form, error) }
            next = .post
        case .post: draft.post = typed; next = .organisation
        case .organisation: draft.organisation = typed; next = .role
        case .role:
            guard form.selected < form.choices.count, let role = GuestRole(rawValue: form.choices[form.selected].key) else { return [] }
            draft.role = role
            next = .item
        case .item:
            var itemID: ItemID?
            if !typed.isEmpty {
                do { itemID = try context.item(numbered: typed) } catch { return refuse(&state, form, error) }
            }
            let probe = Guest(id: "probe", name: draft.name, post: draft.post, organisation: draft.organisation, role: draft.role,
                              itemID: itemID)
            do { _ = try context.addGuest(probe) } catch { return refuse(&state, form, error) }
            state.overlay = nil
            state.message = Message(text: "listed \(draft.name) in attendance (\(draft.role.label.lowercased()))", isError: false)
            let meetingID = screen.meetingID
            return [.commit(Change("list the guest") { store, ctx in
                var guest = probe
                guest.id = ctx.newID("g-")
                return try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).addGuest(guest)
            })]
        }
        state.overlay = .form(guestForm(draft, next, data))
        return []
    }
}

extension MeetingPanes {
    /// Guests under "In attendance": each with their role, and "for item N" when they came
    /// for one item; one removed by mistake stays, muted, so it can be listed again.
    static func addGuests(_ record: MeetingRecord, to c: inout Content, width: Int) {
        for g in record.guests {
            let entry = c.beginEntry(key: Updater.guestKeyPrefix + g.id)
            let number = g.itemID.map { record.number(of: $0) }
            let text = g.line(itemNumber: number) + (g.isRemoved ? " — removed (- lists again)" : "")
            c.wrapped(text, lead: g.isRemoved ? "  " : "◆ ", width: width, slot: g.isRemoved ? .muted : .presencePresent, entry: entry)
        }
    }
}
