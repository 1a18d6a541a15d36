/// One scrolling model for every list on screen (meeting panes, the action review, the work
/// plan, the terms, search results, the home screen's meetings): a window of `height` lines
/// over a pane's wrapped lines (`Content.rows`), with the selected entry's line range.
///
/// - Moving the selection (Up/Down, a click) brings the selected entry into view, whole if it
///   fits, else from its first line.
/// - Scrolling by lines (PgUp/PgDn, C-u/C-d, the wheel, g/G) moves the window itself, so every
///   line is reachable however long an entry is; the selection then follows to an entry that
///   is on screen.
extension ListPosition {
    /// The first line drawn in a window of `height` lines over `content`.
    public func top(in content: Content, height: Int) -> Int {
        let last = max(0, content.rows.count - max(0, height))
        if free || content.rowRange(of: selected) == nil { return max(0, min(scroll, last)) }
        return content.scroll(keeping: selected, from: scroll, height: height)
    }

    /// Moves the window by `lines` (down when positive); the selection follows to an entry on
    /// screen. At either end, a further page selects the first or last entry shown.
    mutating func scroll(by lines: Int, in content: Content, height: Int) {
        let from = top(in: content, height: height)
        let atEnd = lines != 0 && clamped(from + lines, content, height) == from
        scroll(to: from + lines, in: content, height: height, downward: lines > 0, atEnd: atEnd)
    }

    /// Puts line `line` at the top of the window (clamped); the selection follows.
    mutating func scroll(to line: Int, in content: Content, height: Int, downward: Bool, atEnd: Bool = false) {
        scroll = clamped(line, content, height)
        free = true
        guard height > 0, !content.rows.isEmpty else { return }
        let window = scroll..<min(content.rows.count, scroll + height)
        let shown = window.compactMap { content.rows[$0].entry }
        if atEnd, let end = downward ? shown.last : shown.first {
            selected = end
            return
        }
        if let range = content.rowRange(of: selected), range.overlaps(window) { return }
        if let next = downward ? shown.first : shown.last { selected = next }
    }

    /// True when the selected entry runs on past the window's bottom (`downward`) or above its top.
    func selectionContinues(downward: Bool, in content: Content, height: Int) -> Bool {
        guard let range = content.rowRange(of: selected) else { return false }
        let top = top(in: content, height: height)
        return downward ? range.upperBound > top + height : range.lowerBound < top
    }

    private func clamped(_ line: Int, _ content: Content, _ height: Int) -> Int {
        max(0, min(line, content.rows.count - max(0, height)))
    }
}

/// The keys and the wheel, on whichever list is in focus.
extension Updater {
    /// Up/Down: through a selected entry taller than the window line by line, else to the
    /// next entry.
    func step(_ state: inout AppState, _ data: ViewData, by delta: Int) {
        if let (content, height) = focusedList(state, data),
           currentPosition(state).selectionContinues(downward: delta > 0, in: content, height: height) {
            changePosition(&state, data) { $0.scroll(by: delta, in: content, height: height) }
            return
        }
        move(&state, data, by: delta)
    }

    /// PgUp/PgDn (a page less one line of overlap), C-u/C-d (half a page), the wheel.
    func scrollLines(_ state: inout AppState, _ data: ViewData, pages: Int, of fraction: Int, lines: Int? = nil) {
        guard let (content, height) = focusedList(state, data) else { return }
        let page = fraction == 1 ? max(1, height - 1) : max(1, height / fraction)
        changePosition(&state, data) { $0.scroll(by: lines ?? pages * page, in: content, height: height) }
    }

    /// g/G: the first or last line, selecting the first or last entry shown.
    func scrollLines(_ state: inout AppState, _ data: ViewData, to line: Int) {
        guard let (content, height) = focusedList(state, data) else { return }
        changePosition(&state, data) { $0.scroll(to: line, in: content, height: height, downward: line > 0, atEnd: true) }
    }

    func currentPosition(_ state: AppState) -> ListPosition {
        state.meeting.map { $0.position($0.focus) } ?? state.listPosition
    }

    /// Changes the position of the list in focus; a reader who scrolls stops following.
    func changePosition(_ state: inout AppState, _ data: ViewData, _ change: (inout ListPosition) -> Void) {
        if var screen = state.meeting {
            var p = screen.position(screen.focus)
            let before = p.selected
            change(&p)
            screen.positions[screen.focus] = p
            state.meeting = screen
            stopFollowing(&state)
            if screen.focus == .agenda, p.selected != before { showMinutesOfSelectedItem(&state, data, quiet: true) }
        } else {
            change(&state.listPosition)
        }
    }

}
