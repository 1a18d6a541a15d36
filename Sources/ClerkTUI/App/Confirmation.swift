import ClerkCore
import Terminal

/// An irreversible step asked about once more: the question on the status line, what is
/// said when it is not confirmed, and what `y` does.
public struct Confirmation: Sendable, Hashable {
    public enum Then: Sendable, Hashable {
        /// Run the action again, now confirmed.
        case perform
        /// Approve `previous`'s minutes at `meeting`.
        case approve(meeting: MeetingID, previous: MeetingID, amendments: Int)
    }
    public var id: UIActionID
    public var question: String
    public var refused: String
    public var then: Then = .perform
}

/// The one confirmation every irreversible step shares: the question on the status line,
/// `y` to go ahead, anything else to cancel with nothing recorded.
extension Updater {
    /// An irreversible step asks once more: true when the person has just answered `y` to
    /// `question`; otherwise the question goes on the status line and false is returned.
    /// Any key but `y` then cancels, saying `refused` (see `confirmationKey`).
    func confirmed(_ id: UIActionID, _ question: String, refused: String, _ state: inout AppState) -> Bool {
        if state.confirmedAction == id {
            state.confirmedAction = nil
            return true
        }
        ask(Confirmation(id: id, question: question, refused: refused), &state)
        return false
    }

    func ask(_ confirmation: Confirmation, _ state: inout AppState) {
        state.confirmation = confirmation
        state.message = Message(text: "\(confirmation.question) y/n", isError: false)
    }

    /// The answer to a confirmation: `y` carries the step out; anything else cancels it.
    func confirmationKey(_ state: inout AppState, _ asked: Confirmation, _ key: Key, _ data: ViewData) -> [Effect] {
        state.confirmation = nil
        guard key == .char("y") else {
            state.message = Message(text: asked.refused, isError: false)
            return []
        }
        state.message = nil
        switch asked.then {
        case .perform:
            state.confirmedAction = asked.id
            defer { state.confirmedAction = nil }
            return perform(asked.id, &state, data)
        case .approve(let meetingID, let previous, let amendments):
            return approve(previous, at: meetingID, amendments: amendments, &state, data)
        }
    }
}
