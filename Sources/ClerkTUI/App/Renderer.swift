import ClerkCore
import Terminal

/// Draws a whole frame from the state. The terminal keeps the previous frame and sends only
/// the cells that changed, so drawing everything each time costs little on the wire.
public struct Renderer {
    public var theme: Theme
    public var keymap: Keymap
    /// Every header says "read-only" in a session that cannot change the archive.
    public var readOnly = false

    public init(theme: Theme, keymap: Keymap) {
        self.theme = theme
        self.keymap = keymap
    }

    public func draw(_ state: AppState, _ data: ViewData, on term: any Terminal) {
        let size = term.size
        term.setCursor(nil)
        // A meeting frame that differs from the last only in some panes' selection or
        // scroll draws just those panes; anything else draws the whole frame.
        if let screen = state.meeting, !Layout.isTooSmall(size) {
            let global = FrameMemo.Global(size: size, meeting: screen.meetingID, focus: screen.focus, zoomed: screen.zoomed,
                                          following: screen.following, overlay: state.overlay, message: state.message, save: state.save,
                                          readOnly: state.readOnly, prompt: state.editing?.prompt, editingItem: state.editing?.itemID,
                                          revision: data.revision, clock: data.clock,
                                          minute: (data.now?.secondsSinceEpoch ?? 0) / 60, today: data.today)
            let partial = data.cache.frame.global == global
            if !partial {
                term.fill(Rect(size), style: theme[.base])
                data.cache.frame = FrameMemo()
            }
            drawMeeting(state, screen, data, onlyChanged: partial, on: term)
            data.cache.frame.global = global
            if !partial {
                drawStatus(state, data, on: term)
                if let prompt = state.editing?.prompt { drawActionPrompt(prompt, on: term) }
                if let overlay = state.overlay { drawOverlay(overlay, state, data, on: term) }
            }
            return
        }
        data.cache.frame = FrameMemo()
        term.fill(Rect(size), style: theme[.base])
        if Layout.isTooSmall(size) {
            drawTooSmall(size, on: term)
            return
        }
        if let screen = state.meeting {
            drawMeeting(state, screen, data, onlyChanged: false, on: term)
        } else if let search = state.search {
            drawSearch(state, search, data, on: term)
        } else if let review = state.actionReview {
            drawActionReview(state, review, data, on: term)
        } else if let plan = state.workPlan {
            drawWorkPlan(state, plan, data, on: term)
        } else if let screen = state.committeeEditor {
            drawCommitteeTerms(state, screen, data, on: term)
        } else {
            drawHome(state, data, on: term)
        }
        drawStatus(state, data, on: term)
        if let prompt = state.editing?.prompt { drawActionPrompt(prompt, on: term) }
        if let overlay = state.overlay { drawOverlay(overlay, state, data, on: term) }
    }

    private func drawTooSmall(_ size: Size, on term: any Terminal) {
        let lines = ["Terminal too small", "\(size.cols)×\(size.rows): clerk needs at least",
                     "\(Layout.minimum.cols)×\(Layout.minimum.rows). Enlarge the window.", "q quits"]
        for (i, line) in lines.enumerated() {
            let y = max(0, size.rows / 2 - 2 + i)
            let x = max(0, (size.cols - DisplayWidth.width(of: line)) / 2)
            term.put(line, at: Point(x: x, y: y), style: i == 0 ? theme[.statusError] : theme[.base])
        }
    }

    // MARK: Header and status

    func drawBar(_ left: String, _ right: [Span], in rect: Rect, slot: ThemeSlot, on term: any Terminal) {
        let right = slot == .header && readOnly ? [Span(" read-only ", .readOnly)] + right : right
        term.fill(rect, style: theme[slot])
        var width = right.reduce(0) { $0 + DisplayWidth.width(of: $1.text) }
        width = min(width, rect.size.cols)
        let leftRoom = max(0, rect.size.cols - width - 1)
        term.put(DisplayWidth.truncate(left, toWidth: leftRoom, ellipsis: true), at: rect.origin, style: theme[.headerTitle])
        var x = rect.maxX - width
        for span in right {
            x = put(span.text, at: Point(x: x, y: rect.minY), slot: span.slot, on: term)
        }
    }

    @discardableResult
    private func put(_ text: String, at p: Point, slot: ThemeSlot, on term: any Terminal) -> Int {
        term.put(text, at: p, style: theme[slot])
        return p.x + DisplayWidth.width(of: Sanitize.visible(text))
    }

    private func drawStatus(_ state: AppState, _ data: ViewData, on term: any Terminal) {
        let rect = Rect(x: 0, y: term.size.rows - 1, cols: term.size.cols, rows: 1)
        term.fill(rect, style: theme[.status])
        var right: [Span] = []
        // A read-only session saves nothing, so it never says "saved".
        switch state.save {
        case .saved where !state.readOnly: right.append(Span(" saved ", .statusSaved))
        case .saving where !state.readOnly: right.append(Span(" saving… ", .statusUnsaved))
        case .failed: right.append(Span(" NOT SAVED ", .statusError))
        default: break
        }
        let rightWidth = right.reduce(0) { $0 + DisplayWidth.width(of: $1.text) }
        let room = max(0, rect.size.cols - rightWidth - 1)
        if let message = state.message ?? state.editing?.conflictNotice {
            term.put(DisplayWidth.truncate(message.text, toWidth: room, ellipsis: true), at: rect.origin,
                     style: theme[message.isError ? .statusError : .status])
        } else {
            // "? help" always stays: the way to every key that did not fit.
            let all = hints(state)
            let help = keymap.keys(for: .appHelp).first.flatMap { key in all.first { $0.key == key } }
            let helpWidth = help.map { DisplayWidth.width(of: $0.key + " \($0.label)  ") } ?? 0
            var x = 0
            for hint in all where hint.key != help?.key {
                let keyText = hint.key, label = " \(hint.label)  "
                guard x + DisplayWidth.width(of: keyText + label) + helpWidth <= room else { break }
                x = put(keyText, at: Point(x: x, y: rect.minY), slot: .statusKey, on: term)
                x = put(label, at: Point(x: x, y: rect.minY), slot: .status, on: term)
            }
            if let help, x + helpWidth <= room {
                x = put(help.key, at: Point(x: x, y: rect.minY), slot: .statusKey, on: term)
                x = put(" \(help.label)  ", at: Point(x: x, y: rect.minY), slot: .status, on: term)
            }
        }
        var x = rect.maxX - rightWidth
        for span in right { x = put(span.text, at: Point(x: x, y: rect.minY), slot: span.slot, on: term) }
    }

    /// The key hints of the pane in focus, then the global ones.
    func hints(_ state: AppState) -> [(key: String, label: String)] {
        if state.editing != nil { return editingHints() }
        let scope = state.scope
        // Pane keys mean nothing on the home screen.
        // Read-only, only what a reader can do.
        let ids = ActionTable.all.filter { $0.scope == scope && $0.hint != nil && !(state.readOnly && $0.writes) }
            + ActionTable.all.filter { $0.scope == .global && $0.hint != nil && (state.meeting != nil || !$0.id.rawValue.hasPrefix("pane.")) }
        return ids.compactMap { action in
            guard let key = keymap.keys(for: action.id).first else { return nil }
            return (key, action.hint!)
        }
    }

    // MARK: Home

    private func drawHome(_ state: AppState, _ data: ViewData, on term: any Terminal) {
        let size = term.size
        drawBar("clerk · committees and meetings", [Span(" \(data.today.medium) \(data.clock.text) ", .header)],
                in: Rect(x: 0, y: 0, cols: size.cols, rows: 1), slot: .header, on: term)
        let committees = data.archive.committeeList
        let body = Rect(x: 0, y: 1, cols: size.cols, rows: size.rows - 2)
        guard !committees.isEmpty else {
            // An empty archive (clerk init): say how to begin, with the key as mapped.
            let key = keymap.keys(for: .homeNewCommittee).first
            let text = state.readOnly || key == nil ? "No committees yet." : "No committees yet: press \(key!) to create one."
            term.put(text, at: Point(x: 2, y: 2), style: theme[.muted])
            return
        }
        let index = min(state.home.committee, committees.count - 1)
        let committee = committees[index]
        if size.cols >= 100 {
            let leftWidth = min(44, size.cols / 3)
            let left = Rect(x: 0, y: body.minY, cols: leftWidth, rows: body.size.rows)
            let right = Rect(x: leftWidth, y: body.minY, cols: size.cols - leftWidth, rows: body.size.rows)
            let list = HomePanes.committeeList(data: data, width: Layout.inner(left).size.cols)
            drawPane(title: "Committees  [ ]", content: list, position: ListPosition(selected: index, scroll: 0),
                     in: left, focused: false, on: term)
            let meetings = data.meetingList(committee, width: Layout.inner(right).size.cols)
            drawPane(title: committee.name, content: meetings, position: state.home.meetings, in: right, focused: true, on: term)
        } else {
            let meetings = data.meetingList(committee, width: Layout.inner(body).size.cols)
            drawPane(title: "◀ \(committee.name) ▶  (\(index + 1)/\(committees.count))", content: meetings,
                     position: state.home.meetings, in: body, focused: true, on: term)
        }
    }

    // MARK: Meeting

    private func drawMeeting(_ state: AppState, _ screen: MeetingScreen, _ data: ViewData, onlyChanged: Bool, on term: any Terminal) {
        let layout = Layout.meeting(term.size, focus: screen.focus, zoomed: screen.zoomed)
        if !onlyChanged { drawHeader(screen, data, in: layout.header, on: term) }
        if let tabs = layout.tabs, !onlyChanged {
            term.fill(tabs, style: theme[.tabInactive])
            var x = tabs.minX
            for pane in Pane.allCases {
                let label = " \(pane.rawValue + 1) \(pane.title) "
                x = put(label, at: Point(x: x, y: tabs.minY), slot: pane == screen.focus ? .tabActive : .tabInactive, on: term)
                x += 1
            }
            if screen.zoomed { put(" zoomed ", at: Point(x: max(x, tabs.maxX - 8), y: tabs.minY), slot: .muted, on: term) }
        }
        for (pane, rect) in layout.panes.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let content = data.content(pane, width: Layout.inner(rect).size.cols, screen: screen)
            var title = pane == .agenda ? agendaPaneTitle(data.archive.meetings[screen.meetingID], data, width: term.size.cols) : pane.title
            if layout.tabs == nil { title = "\(pane.rawValue + 1) \(title)" }
            if pane == .actions, screen.overdueOnly { title += " (overdue)" }
            if pane == .attendance, !screen.attendanceByOrganisation { title += " (by status)" }
            if pane == .minutes, let edit = state.editing {
                // The paragraph being typed changes with every key.
                if drawMinutesEditing(edit, screen, data, title: title, in: rect, on: term) { continue }
            }
            let key = FrameMemo.PaneKey(rect: rect, position: screen.position(pane), focused: pane == screen.focus, title: title)
            if onlyChanged, data.cache.frame.panes[pane] == key { continue }
            drawPane(title: title, content: content, position: screen.position(pane), in: rect,
                     focused: pane == screen.focus, on: term)
            data.cache.frame.panes[pane] = key
        }
    }

    private func drawHeader(_ screen: MeetingScreen, _ data: ViewData, in rect: Rect, on term: any Terminal) {
        guard let meeting = data.archive.meetings[screen.meetingID] else { return }
        var title = headerTitle(meeting, data)
        var right: [Span] = agendaHeaderSpans(meeting, data, width: rect.size.cols)
        if let quorum = quorumSpan(meeting, data) { right.append(quorum) }
        if screen.following { right.insert(Span(" following ", .tabActive), at: 0) }
        right.append(Span(" \(data.clock.text) ", .header))
        // On a narrow screen the committee's name gives way (shortened, else its code), so
        // the date and time stay whole.
        let rightWidth = right.reduce(readOnly ? DisplayWidth.width(of: " read-only ") : 0) { $0 + DisplayWidth.width(of: $1.text) }
        let room = rect.size.cols - rightWidth - 1
        if DisplayWidth.width(of: title) > room, let committee = data.archive.committees[meeting.committeeID] {
            let nameRoom = room - DisplayWidth.width(of: headerTitle(meeting, data, name: ""))
            let name = nameRoom >= 12 ? DisplayWidth.truncate(committee.name, toWidth: nameRoom, ellipsis: true) : committee.code
            title = headerTitle(meeting, data, name: name)
        }
        // The venue where there is room for it (a long remote link shortened).
        let venueRoom = room - DisplayWidth.width(of: title) - 3
        if !meeting.venue.isEmpty, venueRoom >= 12 {
            title += " · " + DisplayWidth.truncate(Sanitize.visible(meeting.venue), toWidth: venueRoom, ellipsis: true)
        }
        drawBar(title, right, in: rect, slot: .header, on: term)
    }

    /// "Pan Cluster Planning Group · 12 Jan 2027 10:00–12:00": what the meeting header must keep.
    func headerTitle(_ meeting: Meeting, _ data: ViewData, name: String? = nil) -> String {
        let committee = data.archive.committees[meeting.committeeID]
        let time = [meeting.start?.text, meeting.end?.text].compactMap { $0 }.joined(separator: "–")
        return "\(name ?? committee?.name ?? meeting.committeeID) · \(meeting.date.medium)" + (time.isEmpty ? "" : " \(time)")
    }

    /// The quorum indicator: worked out live from the committee's rule, red when inquorate.
    private func quorumSpan(_ meeting: Meeting, _ data: ViewData) -> Span? {
        guard let record = data.record, let committee = data.archive.committees[meeting.committeeID] else { return nil }
        if case .none = committee.terms.quorum { return Span(" quorum n/a ", .muted) }
        guard !record.attendance.isEmpty, let context = try? MeetingContext(archive: data.archive, record: record) else {
            return Span(" quorum: no roll yet ", .muted)
        }
        let status = context.quorum(for: meeting.status == .inProgress ? record.currentItem : nil)
        return status.isQuorate ? Span(" quorate \(status.have)/\(status.need) ", .quorumOK)
                                : Span(" INQUORATE \(status.have)/\(status.need) ", .quorumLost)
    }

    // MARK: Panes

    /// A bordered pane with a title and a scrolled, selectable list of rows.
    func drawPane(title: String, content: Content, position: ListPosition, in rect: Rect, focused: Bool,
                  background: ThemeSlot = .base, on term: any Terminal) {
        guard rect.size.cols >= 4, rect.size.rows >= 3 else { return }
        let border = theme[focused ? .paneBorderFocused : .paneBorder]
        let w = rect.size.cols, h = rect.size.rows
        let horizontal = String(repeating: "─", count: w - 2)
        term.put("┌" + horizontal + "┐", at: rect.origin, style: border)
        for y in 1..<(h - 1) {
            term.put("│", at: Point(x: rect.minX, y: rect.minY + y), style: border)
            term.put("│", at: Point(x: rect.maxX - 1, y: rect.minY + y), style: border)
        }
        term.put("└" + horizontal + "┘", at: Point(x: rect.minX, y: rect.maxY - 1), style: border)
        let titleText = " " + DisplayWidth.truncate(title, toWidth: max(0, w - 6), ellipsis: true) + " "
        term.put(titleText, at: Point(x: rect.minX + 2, y: rect.minY), style: theme[focused ? .paneTitleFocused : .paneTitle])

        let inner = Layout.inner(rect)
        // The pane is drawn whole, over whatever it showed last frame.
        term.fill(inner, style: theme[background])
        if content.rows.isEmpty {
            term.put(DisplayWidth.truncate(content.emptyText, toWidth: inner.size.cols), at: inner.origin, style: theme[.muted])
            return
        }
        let scroll = position.top(in: content, height: inner.size.rows)
        let selectedRows = content.rowRange(of: position.selected) ?? 0..<0
        for i in 0..<inner.size.rows {
            let rowIndex = scroll + i
            guard rowIndex < content.rows.count else { break }
            let row = content.rows[rowIndex]
            let y = inner.minY + i
            let selected = selectedRows.contains(rowIndex) && row.entry != nil
            let selectionSlot: ThemeSlot = focused ? .selection : .selectionUnfocused
            if selected { term.fill(Rect(x: inner.minX, y: y, cols: inner.size.cols, rows: 1), style: theme[selectionSlot]) }
            var x = inner.minX
            let trailingWidth = row.trailing.map { DisplayWidth.width(of: $0.text) } ?? 0
            let limit = inner.maxX - (trailingWidth > 0 ? trailingWidth + 1 : 0)
            for span in row.spans where x < limit {
                let text = DisplayWidth.truncate(Sanitize.visible(span.text), toWidth: limit - x)
                // Words searched for stay highlighted on the selected row too.
                term.put(text, at: Point(x: x, y: y), style: selected && span.slot != .match ? theme[selectionSlot] : theme[span.slot])
                x += DisplayWidth.width(of: text)
            }
            if let trailing = row.trailing, trailingWidth > 0, trailingWidth < inner.size.cols {
                term.put(trailing.text, at: Point(x: inner.maxX - trailingWidth, y: y),
                         style: selected ? theme[selectionSlot] : theme[trailing.slot])
            }
        }
        if content.rows.count > inner.size.rows {
            let marker = "\(min(content.rows.count, scroll + inner.size.rows))/\(content.rows.count)"
            term.put(" \(marker) ", at: Point(x: rect.maxX - DisplayWidth.width(of: marker) - 4, y: rect.maxY - 1), style: border)
        }
    }

    // MARK: Overlays

    private func drawOverlay(_ overlay: Overlay, _ state: AppState, _ data: ViewData, on term: any Terminal) {
        let size = term.size
        switch overlay {
        case .help(let scope, let scroll):
            let width = HelpOverlay.width(size)
            let c = HelpOverlay.content(scope, keymap: keymap, width: width, readOnly: state.readOnly)
            let rect = centred(Size(cols: width, rows: min(size.rows - 2, c.rows.count + 2)), in: size)
            term.fill(rect, style: theme[.overlay])
            drawPane(title: "Keys · Esc closes", content: c, position: ListPosition(selected: -1, scroll: scroll), in: rect,
                     focused: true, background: .overlay, on: term)
        case .command(let input):
            let y = size.rows - 1
            // Typed text goes in the base style: a styled field makes ncurses set and reset
            // attributes around every character typed, several times the bytes on the wire.
            term.fill(Rect(x: 0, y: y, cols: size.cols, rows: 1), style: theme[.base])
            term.put(":", at: Point(x: 0, y: y), style: theme[.commandLine])
            term.put(input.text, at: Point(x: 1, y: y), style: theme[.base])
            drawCommandSuggestions(input, above: y, on: term)
            term.setCursor(Point(x: min(size.cols - 1, 1 + DisplayWidth.width(of: input.beforeCursor)), y: y))
        case .form(let form):
            drawForm(form, on: term)
        case .history(let id, let scroll):
            if let action = data.archive.actions[id] { drawActionHistory(action, data, scroll: scroll, on: term) }
        case .conflict(let id):
            drawConflict(id, data, on: term)
        }
    }

    func centred(_ box: Size, in size: Size) -> Rect {
        Rect(x: max(0, (size.cols - box.cols) / 2), y: max(0, (size.rows - box.rows) / 2), cols: box.cols, rows: max(3, box.rows))
    }
}
