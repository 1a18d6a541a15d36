import ClerkCore

/// Follow mode: `f` in a meeting keeps the item under discussion in view as other sessions
/// record it. The minutes pane moves to each new item the secretary takes (its heading at the
/// top) and keeps each new paragraph of that item on screen as it arrives. Scrolling or
/// moving the selection stops following, and the status line says so.
extension Updater {
    func toggleFollowing(_ state: inout AppState, _ data: ViewData) {
        guard let screen = state.meeting else { return }
        if screen.following {
            state.meeting?.following = false
            state.meeting?.followedItem = nil
            state.message = Message(text: Updater.stoppedFollowing, isError: false)
            return
        }
        guard let record = data.record, let current = record.currentItem,
              record.items.contains(where: { $0.id == current }) else {
            state.message = Message(text: "no item is under discussion", isError: false)
            return
        }
        state.meeting?.following = true
        state.meeting?.followedItem = nil
        state.followAlong(data)
        state.message = Message(text: "following the item under discussion; f stops", isError: false)
    }

    static let stoppedFollowing = "stopped following; f to follow again"

    /// A reader who scrolls or moves the selection stops following.
    func stopFollowing(_ state: inout AppState) {
        guard state.meeting?.following == true else { return }
        state.meeting?.following = false
        state.meeting?.followedItem = nil
        state.message = Message(text: Updater.stoppedFollowing, isError: false)
    }
}

extension AppState {
    /// While following, brings the item under discussion into view: to its heading when the
    /// item has changed, else as far down as its newest paragraph. Called after every change
    /// read from the journal.
    public mutating func followAlong(_ data: ViewData) {
        guard var screen = meeting, screen.following, let record = data.record, let current = record.currentItem,
              let index = record.items.firstIndex(where: { $0.id == current }) else { return }
        let layout = Layout.meeting(size, focus: .minutes, zoomed: screen.zoomed && screen.focus == .minutes)
        guard let rect = layout.panes[.minutes] else { return }
        let inner = Layout.inner(rect)
        let content = data.content(.minutes, width: inner.size.cols, screen: screen)
        let height = inner.size.rows
        var minutes = screen.position(.minutes)
        minutes.selected = index
        minutes.free = true
        let range = content.rowRange(of: index) ?? 0..<0
        if screen.followedItem != current {
            minutes.scroll = range.lowerBound
        } else if range.upperBound > minutes.scroll + height {
            // The newest paragraph at the bottom of the window, the heading kept if it fits.
            minutes.scroll = max(range.upperBound - height, min(range.lowerBound, minutes.scroll))
            if range.upperBound - range.lowerBound <= height { minutes.scroll = min(minutes.scroll, range.lowerBound) }
        }
        minutes.scroll = max(0, min(minutes.scroll, content.rows.count - height))
        screen.positions[.minutes] = minutes
        var agenda = screen.position(.agenda)
        agenda.selected = index
        agenda.free = false
        screen.positions[.agenda] = agenda
        screen.followedItem = current
        meeting = screen
    }
}
