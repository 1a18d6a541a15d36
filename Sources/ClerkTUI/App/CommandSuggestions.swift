import Terminal

/// The rows above the `:` command line: the matching actions, each with its id and its
/// whole help (wrapped under the help column, never cut off), across the whole width so
/// that nothing of the pane below shows between them. When not every match fits, the
/// rows scroll with the choice (which is always shown) and the top row says how many
/// there are.
enum CommandSuggestions {
    struct Line: Equatable {
        var text: String
        var selected: Bool
    }

    /// Width of the id column, the space after it included.
    static let idColumn = 25

    /// The lines to draw, top to bottom, in at most `height` rows of `width` columns.
    static func lines(_ matches: [UIAction], choice: Int, width: Int, height: Int) -> [Line] {
        guard !matches.isEmpty, width > 0, height > 0 else { return [] }
        let chosen = choice % matches.count
        let helpWidth = width > idColumn + 10 ? width - idColumn : 0
        func block(_ i: Int) -> [Line] {
            let action = matches[i]
            let selected = i == chosen
            guard helpWidth > 0 else { return [Line(text: action.id.rawValue, selected: selected)] }
            let help = DisplayWidth.wrap(action.help, width: helpWidth)
            let first = DisplayWidth.pad(action.id.rawValue, toWidth: idColumn - 1) + " " + (help.first ?? "")
            let rest = help.dropFirst().map { String(repeating: " ", count: idColumn) + $0 }
            return ([first] + rest).map { Line(text: $0, selected: selected) }
        }
        // Start from the choice, then add neighbours below and above while they fit whole.
        var shown = block(chosen)
        var low = chosen, high = chosen
        let budget = matches.count > 1 ? height - 1 : height  // a row for "n of m" when needed
        while shown.count < budget {
            var grew = false
            if high + 1 < matches.count, shown.count + block(high + 1).count <= budget {
                high += 1
                shown += block(high)
                grew = true
            }
            if low > 0, shown.count + block(low - 1).count <= budget {
                low -= 1
                shown = block(low) + shown
                grew = true
            }
            if !grew { break }
        }
        // Only a choice whose help is taller than the room is cut, and only then.
        let hidden = low > 0 || high < matches.count - 1
        let room = hidden && height > 1 ? height - 1 : height
        if shown.count > room { shown = Array(shown.prefix(room)) }
        if hidden, height > 1 {
            let above = low > 0 ? "↑ \(low) more" : ""
            let below = high < matches.count - 1 ? "↓ \(matches.count - 1 - high) more" : ""
            let note = "\(matches.count) commands match: " + [above, below].filter { !$0.isEmpty }.joined(separator: ", ")
                + " (Tab, ↑↓ choose)"
            shown.insert(Line(text: DisplayWidth.truncate(note, toWidth: width), selected: false), at: 0)
        }
        return shown
    }
}

extension Renderer {
    /// Draws the suggestions whole, ending on the row above `bottom`.
    func drawCommandSuggestions(_ input: CommandInput, above bottom: Int, on term: any Terminal) {
        let size = term.size
        let lines = CommandSuggestions.lines(CommandCompletion.complete(input.text), choice: input.choice,
                                             width: size.cols, height: min(12, size.rows - 3))
        let top = bottom - lines.count
        for (i, line) in lines.enumerated() {
            let slot: ThemeSlot = line.selected ? .selection : .overlay
            term.fill(Rect(x: 0, y: top + i, cols: size.cols, rows: 1), style: theme[slot])
            term.put(DisplayWidth.truncate(line.text, toWidth: size.cols), at: Point(x: 0, y: top + i), style: theme[slot])
        }
    }
}

extension Updater {
    /// Runs an action by the name keys.toml and the `:` command line use; a name that is
    /// no action's is said on the status line.
    public func perform(_ name: String, _ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let id = UIActionID(rawValue: name) else {
            state.message = unknownAction(name)
            return []
        }
        return perform(id, &state, data)
    }

    /// The status line for an action id that nothing runs.
    func unknownAction(_ name: String) -> Message {
        Message(text: "unknown action '\(name)': type : and Tab to see them", isError: true)
    }
}
