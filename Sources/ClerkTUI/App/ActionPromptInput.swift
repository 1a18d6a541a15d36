import ClerkCore
import Terminal

/// The status-line prompt that asks the owner and then the due date of an action.
public struct ActionPrompt: Sendable, Hashable {
    public enum Stage: Sendable, Hashable { case owner, due }
    public var stage: Stage = .owner
    public var input = CommandInput()
    public var owner = ""
    /// The completions Tab cycles through, and which one is shown.
    public var completions: [String] = []
    public var completion = -1
    /// The text the completions were made for.
    public var typed = ""
    /// Why the last answer was refused, shown in place of the question until the next key.
    public var problem: String?

    public var label: String { stage == .owner ? "Action owner (initials, name, organisation or post; Tab completes): "
                                               : "Due (a date, \"next meeting\", \"ongoing\"…): " }
}

extension Updater {
    /// Why an owner or due date typed at the action prompt cannot be taken, by the rules
    /// raising the action follows (ClerkCore), or nil.
    static func promptProblem(_ stage: ActionPrompt.Stage, _ typed: String, _ meetingID: MeetingID, _ data: ViewData) -> String? {
        guard let meeting = data.archive.meetings[meetingID] else { return nil }
        switch stage {
        case .owner:
            do {
                _ = try data.archive.resolveOwner(typed, committee: meeting.committeeID, on: meeting.date)
                return nil
            } catch let refused as CommandError {
                return refused.message
            } catch {
                return "\(error)"
            }
        case .due:
            let next = data.archive.nextMeeting(of: meeting.committeeID, after: meeting.date)?.date
            if case .failure(let error) = DueDate.parse(typed, today: data.today, nextMeeting: next) { return error.message }
            return nil
        }
    }

    func promptUpdate(_ state: inout AppState, _ edit: inout MinutesEdit, _ prompt: ActionPrompt,
                              _ event: InputEvent, _ data: ViewData) -> [Effect] {
        var prompt = prompt
        defer { state.editing = edit }
        switch event {
        case .paste(let text):
            prompt.input.paste(text)
            edit.prompt = prompt
            return []
        case .key(let key):
            switch key {
            case .escape, .ctrl("g"), .ctrl("c"):
                edit.prompt = nil
                state.message = Message(text: "no action raised; the paragraph is kept", isError: false)
            case .tab where prompt.stage == .owner:
                if prompt.completion < 0 || prompt.input.text != prompt.completions[safe: prompt.completion] {
                    prompt.typed = prompt.input.text
                    prompt.completions = Updater.ownerCompletions(prompt.typed, state, data)
                    prompt.completion = -1
                }
                if !prompt.completions.isEmpty {
                    prompt.completion = (prompt.completion + 1) % prompt.completions.count
                    prompt.input = CommandInput(text: prompt.completions[prompt.completion])
                } else {
                    state.message = Message(text: "no one called '\(prompt.input.text)' on the committee", isError: true)
                }
                edit.prompt = prompt
            case .enter:
                let typed = prompt.input.text.trimmingSpaces()
                // Each answer is checked as it is given; a refused one keeps the prompt open
                // with what was typed, so nothing typed next lands in the paragraph.
                if let problem = Self.promptProblem(prompt.stage, typed, edit.meetingID, data) {
                    state.message = Message(text: problem, isError: true)
                    prompt.problem = problem
                    edit.prompt = prompt
                    return []
                }
                prompt.problem = nil
                if prompt.stage == .owner {
                    prompt.owner = typed
                    prompt.stage = .due
                    prompt.input = CommandInput()
                    edit.prompt = prompt
                    return []
                }
                edit.prompt = nil
                return [.minutes(.raiseAction(owner: prompt.owner, due: typed))]
            default:
                if prompt.input.edit(key) {
                    prompt.problem = nil
                    edit.prompt = prompt
                }
            }
            return []
        case .mouse, .resize:
            return []
        }
    }
}
