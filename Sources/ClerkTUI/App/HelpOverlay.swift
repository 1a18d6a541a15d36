import Terminal

/// The `?` overlay: the keys of the pane in focus, then those that work everywhere. On a
/// screen too small to show them all, the list scrolls with the movement keys.
enum HelpOverlay {
    /// The overlay's width on a screen of `size`.
    static func width(_ size: Size) -> Int { min(76, size.cols - 4) }

    /// Read-only, the keys that would change the archive are left out, and the overlay says so.
    static func content(_ scope: UIAction.Scope, keymap: Keymap, width: Int, readOnly: Bool = false) -> Content {
        var c = Content()
        if readOnly {
            c.wrapped("Read-only: only the keys for reading are listed.", lead: "", width: width - 2, entry: c.beginEntry())
            c.blank()
        }
        for s in scope == .minutes && !readOnly ? [scope, .editing, .global] : [scope, .global] {
            c.heading(s.title, width: width - 2)
            for action in ActionTable.all where action.scope == s && !(readOnly && action.writes) {
                let keys = keymap.keys(for: action.id).joined(separator: " ")
                c.wrapped(action.help, lead: DisplayWidth.pad(keys, toWidth: 16) + " ", width: width - 2, entry: c.beginEntry())
            }
            c.blank()
        }
        return c
    }

    /// How many rows of the list show at once on a screen of `size`.
    static func height(_ size: Size, rows: Int) -> Int { max(1, min(size.rows - 2, rows + 2) - 2) }
}

extension Updater {
    /// Scrolls the help overlay with the movement keys; nil for any other action.
    func scrollHelp(_ id: UIActionID, _ state: inout AppState) -> [Effect]? {
        guard case .help(let scope, let scroll) = state.overlay else { return nil }
        let rows = HelpOverlay.content(scope, keymap: keymap, width: HelpOverlay.width(state.size), readOnly: state.readOnly).rows.count
        guard let next = Self.overlayScroll(id, from: scroll, rows: rows, height: HelpOverlay.height(state.size, rows: rows)) else {
            return nil
        }
        state.overlay = .help(scope, scroll: next)
        return []
    }

    /// Scrolls an action's history with the movement keys, like the help; nil for any other action.
    func scrollHistory(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        guard case .history(let action, let scroll) = state.overlay, let a = data.archive.actions[action] else { return nil }
        let width = ActionReviewPane.historyWidth(state.size)
        let rows = ActionReviewPane.history(a, data: data, width: width - 2).rows.count
        guard let next = Self.overlayScroll(id, from: scroll, rows: rows, height: HelpOverlay.height(state.size, rows: rows)) else {
            return nil
        }
        state.overlay = .history(action, scroll: next)
        return []
    }

    /// Where a movement key takes an overlay of `rows` lines shown `height` at a time; nil
    /// when `id` is not a movement.
    static func overlayScroll(_ id: UIActionID, from scroll: Int, rows: Int, height: Int) -> Int? {
        let target: Int
        switch id {
        case .moveDown: target = scroll + 1
        case .moveUp: target = scroll - 1
        case .movePageDown: target = scroll + max(1, height - 1)
        case .movePageUp: target = scroll - max(1, height - 1)
        case .moveHalfPageDown: target = scroll + max(1, height / 2)
        case .moveHalfPageUp: target = scroll - max(1, height / 2)
        case .moveTop: target = 0
        case .moveBottom: target = rows
        default: return nil
        }
        return max(0, min(target, rows - height))
    }
}
