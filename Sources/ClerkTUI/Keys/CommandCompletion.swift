/// Completion for the `:` command line, over action ids.
///
/// ```swift
/// CommandCompletion.complete("pane.n")   // [pane.next]
/// CommandCompletion.complete("quit")     // [app.quit]  (substring of the id)
/// CommandCompletion.complete("overdue")  // [actions.overdue]
/// ```
///
/// Ids that start with what was typed come first, then ids that contain it, then actions
/// whose help has a word starting with it; each group in table order, no action twice.
/// Case is ignored; an empty prefix gives every action.
public enum CommandCompletion {
    public static func complete(_ prefix: String, in actions: [UIAction] = ActionTable.all) -> [UIAction] {
        let typed = prefix.trimmingSpaces().lowercased()
        guard !typed.isEmpty else { return actions }
        var starts: [UIAction] = [], contains: [UIAction] = [], inHelp: [UIAction] = []
        for action in actions {
            let id = action.id.rawValue.lowercased()
            if id.hasPrefix(typed) {
                starts.append(action)
            } else if id.contains(typed) {
                contains.append(action)
            } else if helpWords(action).contains(where: { $0.hasPrefix(typed) }) {
                inHelp.append(action)
            }
        }
        return starts + contains + inHelp
    }

    private static func helpWords(_ action: UIAction) -> [String] {
        action.help.lowercased().split { !$0.isLetter && !$0.isNumber }.map(String.init)
    }
}
