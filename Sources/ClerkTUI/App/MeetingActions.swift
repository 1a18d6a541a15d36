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
            return [.commit(Change("record attendance") { store, _ in
                let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                let current = ctx.record.attendance(of: person)
                let events: [Event]
                switch id {
                case "attendance.present": events = try ctx.mark(person, .present, arrived: current?.arrived)
                case "attendance.apologies": events = try ctx.mark(person, .apologies)
                case "attendance.absent": events = try ctx.mark(person, .absent)
                case "attendance.inAttendance": events = try ctx.mark(person, .inAttendance, arrived: current?.arrived)
                case "attendance.arrived":
                    let presence = current.map { $0.presence.isInRoom ? $0.presence : .present } ?? .present
                    events = try ctx.mark(person, presence, arrived: now)
                default:
                    guard let current, current.presence.isInRoom else {
                        throw CommandError(.wrongState, "\(store.state.people[person]?.name ?? person) is not marked as here, so cannot leave")
                    }
                    events = try ctx.mark(person, current.presence, arrived: current.arrived, departed: now)
                }
                return events + Self.quorumChange(ctx, after: events, at: now)
            })]
        case "actions.done", "actions.inProgress", "actions.ongoing", "actions.dropped", "actions.reopen":
            guard let action = selectedKey(.actions, state, data) else { return [] }
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
                try store.state.updateAction(action, status: status, note: "", meetingID: during, context: ctx)
            })]
        default:
            return nil
        }
    }

    /// When a change of attendance during the meeting makes it inquorate or quorate again,
    /// the minutes record when.
    static func quorumChange(_ ctx: MeetingContext, after events: [Event], at time: TimeOfDay) -> [Event] {
        guard ctx.meeting.status == .inProgress else { return [] }
        if case .none = ctx.committee.terms.quorum { return [] }
        let before = ctx.quorum(for: ctx.record.currentItem)
        var next = ctx
        for event in events { next.record.apply(event) }
        let after = next.quorum(for: next.record.currentItem)
        guard before.isQuorate != after.isQuorate else { return [] }
        let change = QuorumChange(at: time, isQuorate: after.isQuorate, summary: after.summary,
                                  itemID: ctx.record.currentItem)
        return [.quorumChanged(QuorumChanged(meetingID: ctx.meeting.id, change: change))]
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
