import ClerkCore
import ClerkStore
import Terminal

/// Running a meeting from the agenda and attendance panes: start, take an item, roll call,
/// arrivals and departures, close. Each is a ClerkCore command committed through the shell;
/// the rules (deputies, quorum, lifecycle) are ClerkCore's.
extension Updater {
    func performMeetingAction(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        if id == .meetingNew { return openNewMeetingForm(&state, data) }
        guard let screen = state.meeting else {
            guard id.rawValue.hasPrefix("meeting.") || id.rawValue.hasPrefix("attendance.") || id.rawValue.hasPrefix("agenda.") || id.rawValue.hasPrefix("minutes.") else {
                return nil
            }
            state.message = Message(text: "open a meeting first", isError: true)
            return []
        }
        let meetingID = screen.meetingID
        if let effects = performMinutesLifecycle(id, &state, data) { return effects }
        switch id {
        case .meetingStart:
            return [.commit(Change("start the meeting") { store, ctx in
                try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).start(context: ctx)
            })]
        case .meetingClose:
            // A read-only session is refused at once (by the commit) rather than asked to confirm.
            let date = data.archive.meetings[meetingID].map { " of \($0.date.medium)" } ?? ""
            guard state.readOnly || confirmed(id, "Close the meeting\(date)? The end is recorded and the minutes become a draft.",
                                              refused: "not closed", &state) else { return [] }
            return [.commit(Change("close the meeting") { store, ctx in
                try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).close(context: ctx)
            })]
        case .agendaDeclare: return openDeclarationForm(&state, data)
        case .agendaAdd: return openAddItemForm(&state, data, sub: false)
        case .agendaRefer: return openReferenceForm(&state, data)
        case .agendaAddSub: return openAddItemForm(&state, data, sub: true)
        case .agendaVote: return openVoteForm(&state, data)
        case .attendanceDeputy: return openDeputyForm(&state, data)
        case .attendanceArrivedAt, .attendanceLeftAt, .attendanceClear: return performAttendanceCorrection(id, &state, data)
        case .agendaDiscuss:
            guard let item = selectedKey(.agenda, state, data) else { return [] }
            return [.commit(Change("take the item") { store, ctx in
                try MeetingContext(archive: store.state, record: try store.record(of: meetingID)).setCurrentItem(item, context: ctx)
            })]
        case .attendancePresent, .attendanceApologies, .attendanceAbsent, .attendanceInAttendance,
             .attendanceArrived, .attendanceLeft:
            guard let person = selectedKey(.attendance, state, data) else { return [] }
            let now = data.clock
            // What the screen showed: a mark changed meanwhile in another session is not overwritten.
            let base = data.record?.attendance(of: person)
            return [.commit(Change("record attendance") { store, _ in
                let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                try ctx.requireAttendance(of: person, unchangedFrom: base)
                let current = ctx.record.attendance(of: person)
                switch id {
                case .attendancePresent: return try ctx.markAttendance(person, .present, arrived: current?.arrived, at: now)
                case .attendanceApologies: return try ctx.markAttendance(person, .apologies, at: now)
                case .attendanceAbsent: return try ctx.markAttendance(person, .absent, at: now)
                case .attendanceInAttendance: return try ctx.markAttendance(person, .inAttendance, arrived: current?.arrived, at: now)
                case .attendanceArrived:
                    let presence = current.map { $0.presence.isInRoom ? $0.presence : .present } ?? .present
                    return try ctx.markAttendance(person, presence, arrived: now, at: now)
                default:
                    guard let current, current.presence.isInRoom else {
                        throw CommandError(.wrongState, "\(store.state.people[person]?.name ?? person) is not marked as here, so cannot leave")
                    }
                    return try ctx.markAttendance(person, current.presence, arrived: current.arrived, departed: now, at: now)
                }
            })]
        case .actionsDone, .actionsInProgress, .actionsOngoing, .actionsDropped, .actionsReopen, .actionsWithdraw, .actionsUndo:
            return performActionCorrection(id, &state, data)
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
