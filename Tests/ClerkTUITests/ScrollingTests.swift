import ClerkApp
import ClerkCore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Paging by lines: in every pane and screen, PgDn from the top shows every line of the
/// wrapped text in order, none skipped, and PgUp comes back the same way; the selection stays
/// on an entry that is on screen.
@Suite struct ScrollingTests {
    /// A pane or screen to page through, opened from the home screen.
    enum Place: String, CaseIterable, CustomTestStringConvertible {
        case agenda, attendance, minutes, actions, zoomedMinutes, workPlan, actionReview, terms, search, help
        var testDescription: String { rawValue }
    }

    static let sizes = [Size(cols: 40, rows: 12), Size(cols: 60, rows: 20)]

    func open(_ place: Place, _ f: ScreenTests.Fixture) {
        let brent = f.store.state.committeeList.firstIndex { $0.id == DemoArchive.brentPEC } ?? 0
        switch place {
        case .agenda, .attendance, .minutes, .actions, .zoomedMinutes:
            f.app.open(ScreenTests.meeting)
            let key: Character = switch place {
            case .agenda: "1"
            case .attendance: "2"
            case .actions: "4"
            default: "3"
            }
            f.press(.char(key))
            if place == .zoomedMinutes { f.press(.char("z")) }
        case .workPlan:
            for _ in 0..<brent { f.press(.char("]")) }
            f.press(.char("W"))
        case .actionReview:
            f.press(.char("a"))
        case .terms:
            for _ in 0..<brent { f.press(.char("]")) }
            f.press(.char("T"))
        case .search:
            f.press(.char("/"))
            for c in "meeting" { f.press(.char(c)) }
            f.press(.enter)
        case .help:
            f.app.open(ScreenTests.meeting)
            f.press(.char("3"), .char("?"))
        }
    }

    /// The content of what is in focus, drawn whole: the lines a reader must be able to see.
    func allLines(_ f: ScreenTests.Fixture) -> (lines: [String], inner: Rect) {
        let state = f.app.state
        let data = f.app.data()
        let content: Content, height: Int, width: Int
        if case .help(let scope, _) = state.overlay {
            width = HelpOverlay.width(state.size)
            content = HelpOverlay.content(scope, keymap: f.app.updater.keymap, width: width)
            height = HelpOverlay.height(state.size, rows: content.rows.count)
        } else {
            let list = f.app.updater.focusedList(state, data)!
            (content, height) = (list.0, list.height)
            width = list.0.rows.map { $0.spans.reduce(0) { $0 + DisplayWidth.width(of: $1.text) } }.max() ?? 0
        }
        // Where the window is: the pane whose inside is `height` lines tall, found on screen.
        let inner = innerRect(f, height: height)
        let whole = VirtualTerminal(size: Size(cols: inner.size.cols + 2, rows: content.rows.count + 2))
        f.app.renderer.drawPane(title: "", content: content, position: ListPosition(selected: -1), in: Rect(whole.size),
                                focused: true, on: whole)
        whole.flush()
        _ = width
        let lines = whole.snapshot().split(separator: "\n", omittingEmptySubsequences: false).dropFirst().prefix(content.rows.count)
            .map { trimmed(String($0).dropFirst().dropLast()) }
        return (Array(lines), inner)
    }

    /// The inside of the bordered box, `height` lines tall, drawn in the focused style.
    func innerRect(_ f: ScreenTests.Fixture, height: Int) -> Rect {
        let rows = f.screen().split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        for (y, row) in rows.enumerated() where y + height + 1 < rows.count {
            guard let x = row.firstIndex(of: "┌"), let end = row.lastIndex(of: "┐"),
                  rows[y + height + 1].indices.contains(x), rows[y + height + 1][x] == "└" else { continue }
            return Rect(x: x + 1, y: y + 1, cols: end - x - 1, rows: height)
        }
        Issue.record("no pane \(height) lines tall on screen:\n\(f.screen())")
        return Rect(x: 1, y: 1, cols: 1, rows: height)
    }

    func trimmed(_ s: Substring) -> String {
        var s = String(s)
        while s.last == " " { s.removeLast() }
        return s
    }

    /// The lines inside the window and the last line number the border shows ("35/135").
    func window(_ f: ScreenTests.Fixture, _ inner: Rect, total: Int) -> (lines: [String], bottom: Int) {
        let rows = f.screen().split(separator: "\n", omittingEmptySubsequences: false).map(Array.init)
        let lines = (inner.minY..<inner.maxY).map { y in trimmed(Substring(String(rows[y][inner.minX..<inner.maxX]))) }
        let border = String(rows[inner.maxY])
        if let match = border.firstMatch(of: /(\d+)\/(\d+)/), Int(match.2) == total { return (lines, Int(match.1)!) }
        return (lines, min(total, inner.size.rows))
    }

    /// Pages with `key` until the window stops moving; every line drawn, by its number.
    func page(_ f: ScreenTests.Fixture, _ key: Key, _ all: [String], _ inner: Rect, start: Int) -> [Int: String] {
        var seen: [Int: String] = [:]
        var bottom = start
        for _ in 0...(all.count + 2) {
            let (lines, now) = window(f, inner, total: all.count)
            let top = now - min(all.count, inner.size.rows)
            // None skipped: each window overlaps or touches the one before.
            #expect(abs(now - bottom) <= inner.size.rows, "\(key): from line \(bottom) to \(now) skips lines")
            for (i, line) in lines.enumerated() where top + i < all.count { seen[top + i] = line }
            if f.app.state.overlay == nil { #expect(selectionOnScreen(f, inner), "\(key): the selection is off screen") }
            bottom = now
            f.press(key)
            if window(f, inner, total: all.count).bottom == now { break }
        }
        return seen
    }

    func selectionOnScreen(_ f: ScreenTests.Fixture, _ inner: Rect) -> Bool {
        let state = f.app.state
        guard let (content, height) = f.app.updater.focusedList(state, f.app.data()), content.entryCount > 0 else { return true }
        let p = f.app.updater.currentPosition(state)
        let top = p.top(in: content, height: height)
        guard let range = content.rowRange(of: p.selected) else { return false }
        return range.overlaps(top..<(top + height))
    }

    @Test(arguments: Place.allCases, sizes)
    func everyLineIsReachable(_ place: Place, _ size: Size) throws {
        let f = try ScreenTests.Fixture(cols: size.cols, rows: size.rows)
        open(place, f)
        let (all, inner) = allLines(f)
        if size.rows == 12 { #expect(all.count > inner.size.rows, "\(place) fits on one screen: nothing to page") }
        let down = page(f, .pageDown, all, inner, start: min(all.count, inner.size.rows))
        #expect(down.count == all.count, "\(place) \(size.cols)x\(size.rows): lines never shown going down: \(Set(all.indices).subtracting(down.keys).sorted())")
        for (i, line) in all.enumerated() { #expect(down[i] == line, "line \(i + 1) of \(place)") }
        let up = page(f, .pageUp, all, inner, start: all.count)
        #expect(up.count == all.count, "\(place): lines never shown going up")
        for (i, line) in all.enumerated() { #expect(up[i] == line, "line \(i + 1) of \(place), going up") }
        #expect(window(f, inner, total: all.count).lines.first == all.first)
    }

    /// C-d and C-u move half a window; g and G go to the first and last line.
    @Test func halfPagesAndEnds() throws {
        let f = try ScreenTests.Fixture(cols: 60, rows: 20)
        open(.minutes, f)
        let (all, inner) = allLines(f)
        f.press(.ctrl("d"))
        #expect(window(f, inner, total: all.count).bottom == inner.size.rows + inner.size.rows / 2)
        f.press(.ctrl("u"))
        #expect(window(f, inner, total: all.count).bottom == inner.size.rows)
        f.press(.char("G"))
        #expect(window(f, inner, total: all.count).lines.last == all.last)
        #expect(selectionOnScreen(f, inner))
        f.press(.char("g"))
        #expect(window(f, inner, total: all.count).lines.first == all.first)
    }

    /// Was: one PgDn in the minutes at 80×24 went from 19/135 to 135/135, and in the work plan
    /// from 20/177 to 82/177.
    @Test func oneMorePageIsOnePageOfLines() throws {
        for place in [Place.minutes, .workPlan] {
            let f = try ScreenTests.Fixture(cols: 80, rows: 24)
            open(place, f)
            let (all, inner) = allLines(f)
            #expect(window(f, inner, total: all.count).bottom == inner.size.rows)
            f.press(.pageDown)
            #expect(window(f, inner, total: all.count).bottom == 2 * inner.size.rows - 1, "\(place)")
        }
    }

    /// The wheel scrolls the text three lines at a time.
    @Test func theWheelScrollsLines() throws {
        let f = try ScreenTests.Fixture(cols: 60, rows: 20)
        open(.workPlan, f)
        let (all, inner) = allLines(f)
        f.app.handle(.mouse(MouseEvent(.wheelDown, button: .none, at: Point(x: 5, y: 5))))
        #expect(window(f, inner, total: all.count).bottom == inner.size.rows + 3)
        #expect(window(f, inner, total: all.count).lines.first == all[3])
    }
}
