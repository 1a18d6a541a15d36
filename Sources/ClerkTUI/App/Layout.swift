import Terminal

/// Where things go on a screen of a given size. Pure: tested at fixed sizes.
public struct Layout: Sendable, Hashable {
    public static let minimum = Size(cols: 40, rows: 12)
    /// From this size on, all four panes show at once.
    public static let gridFrom = Size(cols: 120, rows: 32)

    public var header: Rect
    public var tabs: Rect?
    public var body: Rect
    public var status: Rect
    /// The rectangle of each pane on screen (only the one in focus when tabbed or zoomed).
    public var panes: [Pane: Rect]

    public static func isTooSmall(_ size: Size) -> Bool {
        size.cols < minimum.cols || size.rows < minimum.rows
    }

    /// The meeting screen: all four panes in a grid on a large terminal, one at a time
    /// under a tab bar on a small one, or the focused pane alone when zoomed.
    public static func meeting(_ size: Size, focus: Pane, zoomed: Bool) -> Layout {
        let header = Rect(x: 0, y: 0, cols: size.cols, rows: 1)
        let status = Rect(x: 0, y: size.rows - 1, cols: size.cols, rows: 1)
        let grid = size.cols >= gridFrom.cols && size.rows >= gridFrom.rows && !zoomed
        if !grid {
            let tabs = Rect(x: 0, y: 1, cols: size.cols, rows: 1)
            let body = Rect(x: 0, y: 2, cols: size.cols, rows: size.rows - 3)
            return Layout(header: header, tabs: tabs, body: body, status: status, panes: [focus: body])
        }
        let body = Rect(x: 0, y: 1, cols: size.cols, rows: size.rows - 2)
        // Left column: agenda over attendance; right: minutes over actions. Minutes get the
        // most room because that is where the typing happens.
        let leftWidth = max(36, body.size.cols * 2 / 5)
        let rightWidth = body.size.cols - leftWidth
        let agendaHeight = body.size.rows / 2
        let minutesHeight = body.size.rows * 3 / 5
        return Layout(header: header, tabs: nil, body: body, status: status, panes: [
            .agenda: Rect(x: 0, y: body.minY, cols: leftWidth, rows: agendaHeight),
            .attendance: Rect(x: 0, y: body.minY + agendaHeight, cols: leftWidth, rows: body.size.rows - agendaHeight),
            .minutes: Rect(x: leftWidth, y: body.minY, cols: rightWidth, rows: minutesHeight),
            .actions: Rect(x: leftWidth, y: body.minY + minutesHeight, cols: rightWidth, rows: body.size.rows - minutesHeight),
        ])
    }

    /// The inside of a pane's border.
    public static func inner(_ rect: Rect) -> Rect {
        Rect(x: rect.minX + 1, y: rect.minY + 1, cols: max(0, rect.size.cols - 2), rows: max(0, rect.size.rows - 2))
    }
}
