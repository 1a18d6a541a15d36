import ClerkCore
import ClerkStore
import Terminal

/// Running a meeting from the agenda and attendance panes: start, take an item, roll call,
/// arrivals and departures, close. Each is a ClerkCore command committed through the shell;
/// the rules (deputies, quorum, lifecycle) are ClerkCore's.
extension Updater {
    func performMeetingAction(_ id: String, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        if id == "meeting.new" { return openNewMeetingForm(&state, data) }
        guard let screen = state.meeting else {
            guard id.hasPrefix("meeting.") || id.hasPrefix("attendance.") || id.hasPrefix("agenda.") || id.hasPrefix("minutes.") else {
                return nil
            }
            state.message = Message(text: "open a meeting first", isError: true)
            return []
        }
        let meetingID = screen.meetingID
        if let effects = performMinutesLifecycle(id, &state, data) { return effects }
        switch id {
        case "meeting.start":
            return [.commit(Change("start the meeting") { store, ctx in
                try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).start(context: ctx)
            })]
        case "meeting.close":
            // A read-only session is refused at once (by the commit) rather than asked to confirm.
            guard state.readOnly || confirmed(id, "close the meeting", &state) else { return [] }
            return [.commit(Change("close the meeting") { store, ctx in
                try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).close(context: ctx)
            })]
        case "agenda.declare": return openDeclarationForm(&state, data)
        case "agenda.add": return openAddItemForm(&state, data, sub: false)
        case "agenda.refer": return openReferenceForm(&state, data)
        case "agenda.addSub": return openAddItemForm(&state, data, sub: true)
        case "agenda.vote": return openVoteForm(&state, data)
        case "attendance.deputy": return openDeputyForm(&state, data)
        case "agenda.discuss":
            guard let item = selectedKey(.agenda, state, data) else { return [] }
            return [.commit(Change("take the item") { store, ctx in
                try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).setCurrentItem(item, context: ctx)
            })]
        case "attendance.present", "attendance.apologies", "attendance.absent", "attendance.inAttendance",
             "attendance.arrived", "attendance.left":
            guard let person = selectedKey(.attendance, state, data) else { return [] }
            let now = data.clock
            // What the screen showed: a mark changed meanwhile in another session is not overwritten.
            let base = data.record?.attendance(of: person)
            return [.commit(Change("record attendance") { store, _ in
                let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                try ctx.requireAttendance(of: person, unchangedFrom: base)
                let current = ctx.record.attendance(of: person)
                switch id {
                case "attendance.present": return try ctx.markAttendance(person, .present, arrived: current?.arrived, at: now)
                case "attendance.apologies": return try ctx.markAttendance(person, .apologies, at: now)
                case "attendance.absent": return try ctx.markAttendance(person, .absent, at: now)
                case "attendance.inAttendance": return try ctx.markAttendance(person, .inAttendance, arrived: current?.arrived, at: now)
                case "attendance.arrived":
                    let presence = current.map { $0.presence.isInRoom ? $0.presence : .present } ?? .present
                    return try ctx.markAttendance(person, presence, arrived: now, at: now)
                default:
                    guard let current, current.presence.isInRoom else {
                        throw CommandError(.wrongState, "\(store.state.people[person]?.name ?? person) is not marked as here, so cannot leave")
                    }
                    return try ctx.markAttendance(person, current.presence, arrived: current.arrived, departed: now, at: now)
                }
            })]
        case "actions.done", "actions.inProgress", "actions.ongoing", "actions.dropped", "actions.reopen":
            guard let action = selectedKey(.actions, state, data), let base = data.archive.actions[action]?.status else { return [] }
            let status: ActionStatus = switch id {
            case "actions.done": .done
            case "actions.inProgress": .inProgress
            case "actions.ongoing": .ongoing
            case "actions.dropped": .dropped
            default: .open
            }
            // Recorded against this meeting when it is the one under way.
            let during = data.archive.meetings[meetingID]?.status == .inProgress ? meetingID : nil
            return [.commit(Change("update the action") { store, ctx in
                try store.state.requireActionStatus(action, unchangedFrom: base)
                return try store.state.updateAction(action, status: status, note: "", meetingID: during, context: ctx)
            })]
        default:
            return nil
        }
    }

    /// The key (person, item, action id) of the selected entry of a pane.
    func selectedKey(_ pane: Pane, _ state: AppState, _ data: ViewData) -> String? {
        guard let screen = state.meeting else { return nil }
        let layout = Layout.meeting(state.size, focus: pane, zoomed: screen.zoomed)
        guard let rect = layout.panes[pane] else { return nil }
        let content = data.content(pane, width: Layout.inner(rect).size.cols, screen: screen)
        return content.key(of: screen.position(pane).selected)
    }
}
