import ClerkCore
import Terminal

/// What a key, paste, click or resize does to the state: `(AppState, Input) -> (AppState, [Effect])`.
/// Views never change anything; the shell carries out the effects.
public struct Updater {
    public var keymap: Keymap

    public init(keymap: Keymap) {
        self.keymap = keymap
    }

    public func update(_ state: inout AppState, _ event: InputEvent, _ data: ViewData) -> [Effect] {
        if case .key(let key) = event, let effects = terminalControl(key, state) { return effects }
        switch event {
        case .resize(let size):
            state.size = size
            return [.redrawAll]
        case .paste where state.editing != nil, .key where state.editing != nil:
            return editingUpdate(&state, event, data)
        case .paste(let text):
            if case .form(let form) = state.overlay {
                formPaste(&state, form, text)
                return []
            }
            // The command line takes one line of what is pasted.
            if case .command(var input) = state.overlay {
                input.paste(text)
                state.overlay = .command(input)
            }
            return []
        case .mouse(let mouse):
            // A click elsewhere ends the paragraph (flushed first); the wheel only scrolls.
            if state.editing != nil, mouse.kind == .click || mouse.kind == .press {
                return [.minutes(.finish)] + click(&state, mouse, data)
            }
            if state.editing != nil { return [] }
            return click(&state, mouse, data)
        case .key(let key):
            if Layout.isTooSmall(state.size) {
                if let action = keymap.action(for: key, in: .global), action.id == .appQuit || action.id == .appExit {
                    return quit(&state)
                }
                return []
            }
            if let asked = state.confirmation { return confirmationKey(&state, asked, key, data) }
            if case .command(let input) = state.overlay { return commandKey(&state, input, key, data) }
            if case .form(let form) = state.overlay { return formKey(&state, form, key, data) }
            if case .conflict(let id) = state.overlay, key != .ctrl("c") { return conflictKey(&state, id, key, data) }
            state.message = nil
            let scope = state.scope
            guard let action = keymap.action(for: key, in: scope) else { return [] }
            return perform(action.id, &state, data)
        }
    }

    /// Runs an action by id: from a key, a click or the `:` command line.
    public func perform(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect] {
        if let effects = scrollHelp(id, &state) ?? scrollHistory(id, &state, data) { return effects }
        if state.overlay != nil, id != .appBack, id != .appQuit, id != .appExit, id != .appRedraw {
            // Overlays take only their own keys; anything else closes them first.
            state.overlay = nil
            if id == .appHelp { return [] }
        }
        if refuseWrite(id, &state, data) { return [] }
        switch id {
        case .appExit: return quit(&state)
        case .appQuit:
            // Back one level; only the home screen, with nothing over it, quits.
            let home = state.overlay == nil && state.meeting == nil && state.search == nil && state.actionReview == nil
                && state.committeeEditor == nil && state.workPlan == nil
            if home { return quit(&state) }
            goBack(&state, data)
        case .appHelp:
            state.overlay = .help(state.scope)
        case .appCommand:
            state.overlay = .command(CommandInput())
        case .appBack: goBack(&state, data)
        case .appRedraw: return [.repaint]
        case .appSuspend: return [.suspend]
        case .moveUp: step(&state, data, by: -1)
        case .moveDown: step(&state, data, by: 1)
        case .movePageUp: scrollLines(&state, data, pages: -1, of: 1)
        case .movePageDown: scrollLines(&state, data, pages: 1, of: 1)
        case .moveHalfPageUp: scrollLines(&state, data, pages: -1, of: 2)
        case .moveHalfPageDown: scrollLines(&state, data, pages: 1, of: 2)
        case .moveTop: scrollLines(&state, data, to: 0)
        case .moveBottom: scrollLines(&state, data, to: Int.max)
        case .paneNext: cycleFocus(&state, by: 1)
        case .panePrevious: cycleFocus(&state, by: -1)
        case .paneAgenda: focus(&state, .agenda)
        case .paneAttendance: focus(&state, .attendance)
        case .paneMinutes: focus(&state, .minutes)
        case .paneActions: focus(&state, .actions)
        case .paneZoom: state.meeting?.zoomed.toggle()
        case .homeOpen: return openSelected(&state, data)
        case .homeNextCommittee: switchCommittee(&state, data, by: 1)
        case .homePreviousCommittee: switchCommittee(&state, data, by: -1)
        case .agendaSelect: showMinutesOfSelectedItem(&state, data)
        case .attendanceByOrganisation:
            state.meeting?.attendanceByOrganisation.toggle()
            state.meeting?.positions[.attendance] = ListPosition()
        case .minutesFollow: toggleFollowing(&state, data)
        case .minutesEdit: startEditing(&state, data, newParagraph: false, now: 0)
        case .minutesNew: startEditing(&state, data, newParagraph: true, now: 0)
        case .minutesEditParagraph: openParagraphChoice(&state, data)
        case .actionsOverdue:
            state.meeting?.overdueOnly.toggle()
            state.meeting?.positions[.actions] = ListPosition()
        case .actionsHistory:
            if let id = selectedKey(.actions, state, data) { state.overlay = .history(id) }
        case .exportMinutes: return openExportForm(.minutes, &state, data)
        case .exportAgenda: return openExportForm(.agenda, &state, data)
        case .exportActions: return openExportForm(.actions, &state, data)
        case .exportCalendar: return openExportForm(.calendar, &state, data)
        default:
            if let effects = performSearchAction(id, &state, data) { return effects }
            if let effects = performWorkPlanAction(id, &state, data) { return effects }
            if let effects = performActionReviewAction(id, &state, data) { return effects }
            if let effects = performAccessAction(id, &state, data) { return effects }
            if let effects = performCommitteeAction(id, &state, data) { return effects }
            if let effects = performAgendaBuilding(id, &state, data) { return effects }
            if let effects = performGuestAction(id, &state, data) { return effects }
            if let effects = performMeetingAction(id, &state, data) { return effects }
            if let effects = performConflictAction(id, &state, data) { return effects }
            state.message = unknownAction(id.rawValue)
        }
        return []
    }

    /// Closes the overlay, or the screen on top, back towards the home screen.
    private func goBack(_ state: inout AppState, _ data: ViewData) {
        if state.overlay != nil {
            state.overlay = nil
        } else if state.meeting != nil {
            state.meeting = nil
        } else if state.search != nil {
            state.search = nil
        } else if state.actionReview != nil {
            state.actionReview = nil
        } else if state.committeeEditor != nil {
            closeCommitteeEditor(&state, data)
        } else {
            state.workPlan = nil
        }
    }

    private func quit(_ state: inout AppState) -> [Effect] {
        state.running = false
        return [.quit]
    }

    // MARK: Lists

    /// The content of the list in focus and the height of its window.
    func focusedList(_ state: AppState, _ data: ViewData) -> (Content, height: Int)? {
        if let screen = state.meeting {
            let layout = Layout.meeting(state.size, focus: screen.focus, zoomed: screen.zoomed)
            guard let rect = layout.panes[screen.focus] else { return nil }
            let inner = Layout.inner(rect)
            return (data.content(screen.focus, width: inner.size.cols, screen: screen), inner.size.rows)
        }
        if let list = searchList(state, data) { return list }
        if let list = actionReviewList(state, data) { return list }
        if let list = workPlanList(state, data) { return list }
        if let list = committeeList(state, data) { return list }
        guard let committee = currentCommittee(state, data) else { return nil }
        let rect = homeMeetingsRect(state.size)
        let inner = Layout.inner(rect)
        return (data.meetingList(committee, width: inner.size.cols), inner.size.rows)
    }

    func homeMeetingsRect(_ size: Size) -> Rect {
        let body = Rect(x: 0, y: 1, cols: size.cols, rows: size.rows - 2)
        guard size.cols >= 100 else { return body }
        let leftWidth = min(44, size.cols / 3)
        return Rect(x: leftWidth, y: body.minY, cols: size.cols - leftWidth, rows: body.size.rows)
    }

    func move(_ state: inout AppState, _ data: ViewData, by delta: Int) {
        let current: Int = state.meeting.map { $0.position($0.focus).selected } ?? state.listPosition.selected
        move(&state, data, to: current + delta)
    }

    private func move(_ state: inout AppState, _ data: ViewData, to target: Int) {
        guard let (content, height) = focusedList(state, data) else { return }
        let count = content.entryCount
        let selected = count == 0 ? 0 : min(max(0, target), count - 1)
        if var screen = state.meeting {
            var p = screen.position(screen.focus)
            p.place(selected, in: content, height: height)
            screen.positions[screen.focus] = p
            state.meeting = screen
            stopFollowing(&state)
            if screen.focus == .agenda { showMinutesOfSelectedItem(&state, data, quiet: true) }
        } else {
            state.listPosition.place(selected, in: content, height: height)
        }
    }

    private func cycleFocus(_ state: inout AppState, by delta: Int) {
        guard let screen = state.meeting else { return }
        let count = Pane.allCases.count
        focus(&state, Pane(rawValue: (screen.focus.rawValue + delta + count) % count)!)
    }

    private func focus(_ state: inout AppState, _ pane: Pane) {
        state.meeting?.focus = pane
    }

    // MARK: Home

    func currentCommittee(_ state: AppState, _ data: ViewData) -> Committee? {
        let list = data.archive.committeeList
        guard !list.isEmpty else { return nil }
        return list[min(max(0, state.home.committee), list.count - 1)]
    }

    private func switchCommittee(_ state: inout AppState, _ data: ViewData, by delta: Int) {
        let count = data.archive.committeeList.count
        guard count > 0 else { return }
        state.home.committee = (state.home.committee + delta + count) % count
        // The meeting in progress, else the next one, comes first (HomePanes.meetingOrder).
        state.home.meetings = ListPosition()
    }

    private func openSelected(_ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let meeting = selectedHomeMeeting(state, data) else { return [] }
        state.meeting = MeetingScreen(meetingID: meeting.id)
        return [.loadMeeting(meeting.id)]
    }

    /// Opens a meeting by id (from the command line or a test).
    public func open(_ id: MeetingID, _ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let meeting = data.archive.meetings[id] else {
            state.message = Message(text: "no meeting '\(id)'", isError: true)
            return []
        }
        if let index = data.archive.committeeList.firstIndex(where: { $0.id == meeting.committeeID }) {
            state.home.committee = index
            let ordered = HomePanes.meetingOrder(data: data, committee: data.archive.committeeList[index])
            state.home.meetings.selected = ordered.firstIndex { $0.id == id } ?? 0
        }
        state.meeting = MeetingScreen(meetingID: id)
        return [.loadMeeting(id)]
    }

    // MARK: Meeting

    func showMinutesOfSelectedItem(_ state: inout AppState, _ data: ViewData, quiet: Bool = false) {
        guard let screen = state.meeting, let record = data.record else { return }
        let selected = screen.position(.agenda).selected
        guard selected < record.items.count else { return }
        // Minutes entries are one per agenda item, in agenda order.
        var p = screen.position(.minutes)
        p.selected = selected
        let layout = Layout.meeting(state.size, focus: .minutes, zoomed: false)
        if let rect = layout.panes[.minutes] {
            let inner = Layout.inner(rect)
            let content = data.content(.minutes, width: inner.size.cols, screen: screen)
            // Put the item's heading at the top of the window.
            p.scroll = content.rowRange(of: selected)?.lowerBound ?? 0
            p.scroll = max(0, min(p.scroll, content.rows.count - inner.size.rows))
        }
        state.meeting?.positions[.minutes] = p
        if !quiet, Layout.meeting(state.size, focus: .agenda, zoomed: screen.zoomed).tabs != nil {
            state.meeting?.focus = .minutes
        }
    }

    // MARK: Mouse

    private func click(_ state: inout AppState, _ mouse: MouseEvent, _ data: ViewData) -> [Effect] {
        switch mouse.kind {
        case .wheelUp: scrollLines(&state, data, pages: 0, of: 1, lines: -3); return []
        case .wheelDown: scrollLines(&state, data, pages: 0, of: 1, lines: 3); return []
        case .click, .press: break
        case .release: return []
        }
        state.overlay = nil
        if let screen = state.meeting {
            let layout = Layout.meeting(state.size, focus: screen.focus, zoomed: screen.zoomed)
            if let tabs = layout.tabs, mouse.at.y == tabs.minY {
                // Tabs are drawn as " N Title " separated by one space.
                var x = tabs.minX
                for pane in Pane.allCases {
                    let width = DisplayWidth.width(of: " \(pane.rawValue + 1) \(pane.title) ")
                    if mouse.at.x >= x, mouse.at.x < x + width { focus(&state, pane); return [] }
                    x += width + 1
                }
                return []
            }
            for (pane, rect) in layout.panes where rect.contains(mouse.at) {
                focus(&state, pane)
                selectRow(&state, data, rect: rect, y: mouse.at.y)
            }
            return []
        }
        let size = state.size
        if state.search != nil {
            selectRow(&state, data, rect: Layout.workPlan(size), y: mouse.at.y)
            return []
        }
        if let review = state.actionReview {
            selectRow(&state, data, rect: actionReviewRect(state, review, data), y: mouse.at.y)
            return []
        }
        if state.workPlan != nil || state.committeeEditor != nil {
            selectRow(&state, data, rect: Layout.workPlan(size), y: mouse.at.y)
            return []
        }
        if size.cols >= 100 {
            let leftWidth = min(44, size.cols / 3)
            if mouse.at.x < leftWidth {
                let inner = Layout.inner(Rect(x: 0, y: 1, cols: leftWidth, rows: size.rows - 2))
                let list = HomePanes.committeeList(data: data, width: inner.size.cols)
                if let entry = list.entry(atRow: mouse.at.y - inner.minY) {
                    state.home.committee = entry
                    state.home.meetings = ListPosition()
                }
                return []
            }
        }
        selectRow(&state, data, rect: homeMeetingsRect(size), y: mouse.at.y)
        return []
    }

    private func selectRow(_ state: inout AppState, _ data: ViewData, rect: Rect, y: Int) {
        guard let (content, height) = focusedList(state, data) else { return }
        let inner = Layout.inner(rect)
        let scroll = currentPosition(state).top(in: content, height: height)
        guard let entry = content.entry(atRow: scroll + y - inner.minY) else { return }
        move(&state, data, to: entry)
    }

    // MARK: Command line

    private func commandKey(_ state: inout AppState, _ input: CommandInput, _ key: Key, _ data: ViewData) -> [Effect] {
        var input = input
        let matches = CommandCompletion.complete(input.text)
        switch key {
        case .escape, .ctrl("c"), .ctrl("g"):
            state.overlay = nil
        case .enter:
            state.overlay = nil
            let typed = input.text.trimmingSpaces()
            if typed.isEmpty { return [] }
            let parts = typed.split(separator: " ", maxSplits: 1).map(String.init)
            if parts[0] == "open", parts.count == 2 { return open(parts[1], &state, data) }
            if let id = UIActionID(rawValue: parts[0]) { return perform(id, &state, data) }
            if !matches.isEmpty {
                return perform(matches[min(input.choice, matches.count - 1)].id, &state, data)
            }
            state.message = Message(text: "no command '\(typed)': press : then Tab to list commands", isError: true)
        case .tab, .down, .ctrl("n"):
            if !matches.isEmpty {
                if matches.count == 1 { input.text = matches[0].id.rawValue } else { input.choice = (input.choice + 1) % matches.count }
            }
            state.overlay = .command(input)
        case .backTab, .up, .ctrl("p"):
            if !matches.isEmpty { input.choice = (input.choice - 1 + matches.count) % matches.count }
            state.overlay = .command(input)
        case .backspace where input.text.isEmpty, .ctrl("h") where input.text.isEmpty:
            state.overlay = nil
        default:
            if input.edit(key) { state.overlay = .command(input) }
        }
        return []
    }
}
