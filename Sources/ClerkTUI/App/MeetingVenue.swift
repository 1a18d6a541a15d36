import ClerkCore
import Terminal

/// Where one meeting is held, set from the meeting screen with `@`: a room, "via Microsoft
/// Teams", or "remote LINK" (kept as "Remote: LINK"); empty goes back to the committee's
/// usual venue. ClerkCore's `setVenue` checks what was typed.
extension Updater {
    func openVenueForm(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let id = state.meeting?.meetingID, let meeting = data.archive.meetings[id] else { return [] }
        if state.readOnly {
            state.message = Message(text: "read-only: the venue cannot be changed in this session", isError: true)
            return []
        }
        let usual = data.archive.committees[meeting.committeeID]?.terms.defaultVenue
        state.overlay = .form(Form(purpose: .planning(.venue(id)), title: "Venue of the meeting of \(meeting.date.long)", choices: [],
                                   text: CommandInput(text: meeting.venue),
                                   textLabel: "Venue (Committee Room 2, remote LINK; empty: \(usual.map { "usual, \($0)" } ?? "none")): "))
        return []
    }

    func submitVenue(_ state: inout AppState, _ form: Form, _ id: MeetingID, _ data: ViewData) -> [Effect] {
        let typed = form.text?.text ?? ""
        let events: [Event]
        do { events = try data.archive.setVenue(of: id, to: typed) } catch { return refuse(&state, form, error) }
        state.overlay = nil
        guard !events.isEmpty else { return [] }
        return [.commit(Change("set the venue") { store, _ in try store.state.setVenue(of: id, to: typed) })]
    }
}
