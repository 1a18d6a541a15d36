import ClerkCore
import Terminal

extension Renderer {
    func drawActionReview(_ state: AppState, _ review: ActionReviewScreen, _ data: ViewData, on term: any Terminal) {
        let size = term.size
        let listed = ActionReviewPane.actions(review, data: data)
        let overdue = listed.filter { $0.isOverdue(on: data.today) }.count
        var right = [Span(" \(listed.count) listed ", .header)]
        if overdue > 0 { right.append(Span(" \(overdue) overdue ", .actionOverdue)) }
        if size.cols >= 60 { right.append(Span(" \(data.today.medium) \(data.clock.text) ", .header)) }
        let scope = review.committeeID.flatMap { data.archive.committees[$0]?.name } ?? "all committees"
        drawBar("Action review · \(scope)", right, in: Rect(x: 0, y: 0, cols: size.cols, rows: 1), slot: .header, on: term)
        let lines = ActionReviewPane.filterLines(review, data: data, width: size.cols)
        let (filters, list) = Layout.actionReview(size, filterRows: lines.count)
        for (i, line) in lines.enumerated() {
            term.put(line, at: Point(x: filters.minX + 1, y: filters.minY + i), style: theme[.muted])
        }
        let content = data.actionReviewContent(review, width: Layout.inner(list).size.cols)
        var position = review.position
        position.selected = min(position.selected, content.entryCount - 1)
        drawPane(title: review.byOwner ? "Actions by owner" : "Actions by due date", content: content, position: position, in: list, focused: true, on: term)
    }

    /// The history overlay of an action, over whichever screen it was opened from.
    func drawActionHistory(_ action: Action, _ data: ViewData, scroll: Int, on term: any Terminal) {
        let size = term.size
        let width = ActionReviewPane.historyWidth(size)
        let c = ActionReviewPane.history(action, data: data, width: width - 2)
        let rect = centred(Size(cols: width, rows: min(size.rows - 2, c.rows.count + 2)), in: size)
        term.fill(rect, style: theme[.overlay])
        drawPane(title: "Action history · Esc closes", content: c, position: ListPosition(selected: -1, scroll: scroll), in: rect,
                 focused: true, background: .overlay, on: term)
    }
}
