import Terminal

// C-l and Ctrl-Z: keys about the terminal itself, not about what is on it. They work in
// every screen, overlay and form, and while typing the minutes too — except where the
// minutes editor has a key of its own (C-z there undoes).

extension Updater {
    /// The effect of a key bound to `app.redraw` or `app.suspend`, or nil for any other key.
    func terminalControl(_ key: Key, _ state: AppState) -> [Effect]? {
        guard let action = keymap.action(for: key, in: .global), action.scope == .global,
              action.id == .appRedraw || action.id == .appSuspend
        else { return nil }
        if var edit = state.editing, edit.prompt == nil,
           edit.editor.handle(key, width: Updater.editorWidth(state)).isHandled {
            return nil
        }
        return action.id == .appRedraw ? [.repaint] : [.suspend]
    }
}

extension ScreenApp {
    /// Clears the terminal and draws every cell again on the next frame.
    func repaintScreen() {
        cache.forgetFrame()
        term.repaint()
        dirty = true
    }

    /// Saves what was typed, hands the terminal to the shell until `fg`, then draws
    /// everything again. Without a job-control shell (started by `sh -c`, or as an SSH
    /// ForceCommand) there is nothing to return to, and the status line says so.
    func suspendToShell() {
        if state.editing?.isPending == true { flushMinutes() }
        if term.suspend() {
            repaintScreen()
        } else {
            show("Ctrl-Z: there is no shell here to return to (clerk was not started from one)",
                 isError: false)
        }
    }
}
