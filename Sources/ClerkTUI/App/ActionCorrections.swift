import ClerkCore
import ClerkStore
import Terminal

/// One status change made in this session: what `U` on the actions pane undoes.
public struct StatusChange: Sendable, Hashable {
    public var actionID: ActionID
    public var before: ActionStatus
    public var after: ActionStatus
    public var meetingID: MeetingID?
}

/// Putting actions right from a meeting's actions pane: a status change takes a note (the
/// same form as the chair's review), an action raised by mistake is withdrawn with a
/// reason, and the last change made in this session can be undone — each a new record.
extension Updater {
    func performActionCorrection(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let screen = state.meeting else { return [] }
        // Recorded against this meeting when it is the one under way.
        let during = data.archive.meetings[screen.meetingID]?.status == .inProgress ? screen.meetingID : nil
        if id == .actionsUndo { return undoStatusChange(&state, data) }
        guard let action = selectedKey(.actions, state, data).flatMap({ data.archive.actions[$0] }) else {
            state.message = Message(text: "no action selected", isError: true)
            return []
        }
        if id == .actionsWithdraw {
            guard !state.readOnly else {
                state.message = Message(text: "read-only: actions cannot be withdrawn", isError: true)
                return []
            }
            guard action.status != .withdrawn else {
                let undo = keymap.keys(for: .actionsUndo).first ?? "U"
                state.message = Message(text: "action \(action.number) is already withdrawn; \(undo) undoes the withdrawal", isError: true)
                return []
            }
            state.overlay = .form(Form(purpose: .actions(.withdraw(action.id, meeting: during, base: action.status)),
                                       title: "Withdraw: \(data.archive.ownerName(action.owner)): \(action.text)", choices: [],
                                       text: CommandInput(), textLabel: "Reason: "))
            return []
        }
        let status: ActionStatus = switch id {
        case .actionsDone: .done
        case .actionsInProgress: .inProgress
        case .actionsOngoing: .ongoing
        case .actionsDropped: .dropped
        default: .open
        }
        return openUpdateForm(&state, data, action: action.id, status: status, meeting: during)
    }

    /// Withdraws the action with the reason typed; a refusal keeps the form open with it.
    func submitWithdrawal(_ state: inout AppState, _ form: Form, _ id: ActionID, meeting: MeetingID?, base: ActionStatus,
                          _ data: ViewData) -> [Effect] {
        var form = form
        let reason = (form.text?.text ?? "").trimmingSpaces()
        do {
            _ = try data.archive.withdrawAction(id, reason: reason, meetingID: meeting, context: data.probe)
        } catch {
            form.problem = (error as? CommandError)?.message ?? "\(error)"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        state.statusChanges.append(StatusChange(actionID: id, before: base, after: .withdrawn, meetingID: meeting))
        let undo = keymap.keys(for: .actionsUndo).first ?? "U"
        state.message = Message(text: "action withdrawn: it appears nowhere public; \(undo) undoes", isError: false)
        return [.commit(Change("withdraw the action") { store, ctx in
            try store.state.requireActionStatus(id, unchangedFrom: base)
            return try store.state.withdrawAction(id, reason: reason, meetingID: meeting, context: ctx)
        })]
    }

    /// Undoes the last status change made in this session: a new update back to the status
    /// it had, noted as such. Refused when the action has changed since (elsewhere, say).
    private func undoStatusChange(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let last = state.statusChanges.last else {
            state.message = Message(text: "no action status has been changed in this session, so there is nothing to undo", isError: true)
            return []
        }
        guard let action = data.archive.actions[last.actionID] else { return [] }
        guard action.status == last.after else {
            state.statusChanges.removeLast()
            state.message = Message(text: "action \(action.number) is now \(action.status.label), not \(last.after.label) as set here; nothing undone",
                                    isError: true)
            return []
        }
        state.statusChanges.removeLast()
        let note = last.after == .withdrawn ? "withdrawal undone" : "\(last.after.label) undone"
        state.message = Message(text: "\(note): the action is \(last.before.label) again", isError: false)
        let id = last.actionID, before = last.before, after = last.after, meeting = last.meetingID
        return [.commit(Change("undo the status change") { store, ctx in
            try store.state.requireActionStatus(id, unchangedFrom: after)
            return try store.state.updateAction(id, status: before, note: note, meetingID: meeting, context: ctx)
        })]
    }
}
