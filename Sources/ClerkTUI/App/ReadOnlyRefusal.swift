import ClerkCore

extension Updater {
    /// A key that would change the archive, pressed in a read-only session (or on a
    /// committee the person may not change): refused at once, before any form or question
    /// opens, in one line that says who may.
    func refuseWrite(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> Bool {
        guard state.readOnly, let action = ActionTable.action(id), action.writes else { return false }
        let key = keymap.keys(for: id).first ?? ":\(id.rawValue)"
        let what = action.hint ?? id.rawValue
        state.message = Message(text: "read-only: \(key) (\(what)) changes the record; \(whoMayWrite(state, data))", isError: true)
        return true
    }

    /// Who may write what is on screen: the session's reason when the whole session is
    /// read-only, else the officers of the committee shown, with their linked accounts.
    func whoMayWrite(_ state: AppState, _ data: ViewData) -> String {
        if let note = state.whoMayWrite { return note }
        let shown = state.meeting.flatMap { data.archive.meetings[$0.meetingID]?.committeeID }
            ?? state.workPlan?.committeeID ?? state.committeeEditor?.committeeID
        if let committee = shown.flatMap({ data.archive.committees[$0] }) ?? currentCommittee(state, data) {
            return Access.whoMayWrite(committee, in: data.archive, on: data.today)
        }
        return Access.whoMayWriteShared(in: data.archive, on: data.today)
    }
}
