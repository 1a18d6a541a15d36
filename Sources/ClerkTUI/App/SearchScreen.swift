import ClerkCore
import ClerkStore
import Terminal

/// The results of a search across every meeting, newest first, full screen. Opened with
/// `/` from anywhere; Enter opens the meeting at the hit, with the words highlighted.
public struct SearchScreen: Sendable, Hashable {
    public var query: String
    public var terms: [String]
    public var hits: [SearchHit]
    /// How many lines matched in all (more than `hits` when the list was cut).
    public var total: Int
    public var position = ListPosition()

    public init(query: String, terms: [String], hits: [SearchHit], total: Int) {
        self.query = query
        self.terms = terms
        self.hits = hits
        self.total = total
    }
}

/// Who may see closed items in search: the committees whose confidential items the
/// person may see (all of them while the archive links no accounts); nobody else's.
enum SearchAccess {
    static func confidentialIn(_ access: Access) -> @Sendable (CommitteeID) -> Bool {
        { access.canSeeConfidential(committee: $0) }
    }
    /// The screen lists at most this many results.
    static let limit = 200
}

public enum SearchPane {
    public static func content(_ screen: SearchScreen, width: Int) -> Content {
        var c = Content()
        c.emptyText = "nothing found: / searches again, Esc goes back"
        for hit in screen.hits {
            let entry = c.beginEntry(key: hit.meetingID)
            let item = hit.itemNumber.map { n in "\(n) " + Sanitize.visible(hit.itemTitle ?? "") } ?? ""
            let lead = "\(hit.date.medium)  \(Sanitize.visible(hit.committeeCode))  "
            let kind = Span(hit.kind.label, .muted)
            let room = max(4, width - DisplayWidth.width(of: lead) - DisplayWidth.width(of: kind.text) - 1)
            let title = DisplayWidth.truncate(item, toWidth: room, ellipsis: true)
            // An agenda title is the hit itself: highlighted where it stands, no second line.
            let titleSpans = hit.kind == .item ? highlighted(title, terms: screen.terms, slot: .heading) : [Span(title, .heading)]
            c.rows.append(Row([Span(lead, .muted)] + titleSpans, entry: entry, trailing: kind))
            if hit.kind == .item { continue }
            let snippet = SearchText.snippet(Sanitize.visible(hit.text), terms: screen.terms, width: max(10, width - 6))
            let line = DisplayWidth.truncate(snippet, toWidth: max(4, width - 4), ellipsis: true)
            c.rows.append(Row([Span("    ")] + highlighted(line, terms: screen.terms, slot: .base), entry: entry))
        }
        if screen.total > screen.hits.count {
            c.blank()
            c.wrapped("… and \(screen.total - screen.hits.count) more: add words to narrow the search", width: width, slot: .muted)
        }
        return c
    }

    /// `text` as spans, the words searched for in the highlight slot.
    static func highlighted(_ text: String, terms: [String], slot: ThemeSlot) -> [Span] {
        let ranges = SearchText.ranges(of: terms, in: text)
        guard !ranges.isEmpty else { return [Span(text, slot)] }
        var spans: [Span] = []
        var at = text.startIndex
        for range in ranges where range.lowerBound >= at {
            if at < range.lowerBound { spans.append(Span(String(text[at..<range.lowerBound]), slot)) }
            spans.append(Span(String(text[range]), .match))
            at = range.upperBound
        }
        if at < text.endIndex { spans.append(Span(String(text[at...]), slot)) }
        return spans
    }
}

extension Content {
    /// The same rows with the words searched for highlighted (a hit is found within a row).
    func highlighting(_ terms: [String]) -> Content {
        guard !terms.isEmpty else { return self }
        var c = self
        for i in c.rows.indices {
            c.rows[i].spans = c.rows[i].spans.flatMap { span in
                span.slot == .muted ? [span] : SearchPane.highlighted(span.text, terms: terms, slot: span.slot)
            }
        }
        return c
    }
}

extension ViewData {
    func searchContent(_ screen: SearchScreen, width: Int) -> Content {
        cachedContent(kind: .search, width: width, key: "\(screen.query)|\(screen.total)|\(screen.hits.count)") {
            SearchPane.content(screen, width: width)
        }
    }
}

extension Updater {
    /// The results list and its window height, when it is the screen shown.
    func searchList(_ state: AppState, _ data: ViewData) -> (Content, height: Int)? {
        guard state.meeting == nil, let screen = state.search else { return nil }
        let inner = Layout.inner(Layout.workPlan(state.size))
        return (data.searchContent(screen, width: inner.size.cols), inner.size.rows)
    }

    func performSearchAction(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect]? {
        switch id {
        case .appSearch:
            guard state.editing == nil else { return [] }
            let typed = state.search?.query ?? ""
            state.overlay = .form(Form(purpose: .search, title: "Search every meeting (words, or a \"quoted phrase\")",
                                       choices: [], text: CommandInput(text: typed), textLabel: "Find: "))
            return []
        case .searchOpen:
            guard state.meeting == nil, let screen = state.search else { return [] }
            guard !screen.hits.isEmpty else {
                state.message = Message(text: "nothing to open: / searches again", isError: true)
                return []
            }
            let hit = screen.hits[min(max(0, screen.position.selected), screen.hits.count - 1)]
            let effects = open(hit.meetingID, &state, data)
            guard state.meeting != nil else { return effects }
            state.meeting?.highlight = screen.terms
            state.meeting?.searchHit = hit.itemID
            state.meeting?.focus = hit.kind == .attendance ? .attendance : .minutes
            return effects
        default:
            return nil
        }
    }

    /// The typed search: refused with the reason while it holds no word, else run by the shell.
    func submitSearch(_ state: inout AppState, _ form: Form) -> [Effect] {
        var form = form
        let typed = form.text?.text ?? ""
        do {
            _ = try SearchText.terms(of: typed)
        } catch {
            form.problem = "\(error)"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        return [.search(typed)]
    }
}

extension ScreenApp {
    /// Brings the index up to date (saving it when this session may write) and lists the hits.
    func runSearch(_ query: String) {
        do {
            let terms = try SearchText.terms(of: query)
            let (_, results) = try SearchIndex.search(
                directory: store.directory, save: !sessionReadOnly, terms: terms,
                confidentialIn: SearchAccess.confidentialIn(data().access), limit: SearchAccess.limit)
            state.search = SearchScreen(query: query, terms: terms, hits: results.hits, total: results.total)
            state.meeting = nil
            record = nil
            show(results.total == 0 ? "nothing found for \(query)" : "\(results.total) found", isError: results.total == 0)
        } catch {
            show("\(error)", isError: true)
        }
    }

    /// After a meeting opened from a search result: the agenda and minutes at the hit's item.
    func placeOnSearchHit() {
        // The record as this person may see it: positions count the rows they are shown.
        guard let screen = state.meeting, let item = screen.searchHit, let record = data().record,
              let index = record.items.firstIndex(where: { $0.id == item }) else { return }
        state.meeting?.positions[.agenda] = ListPosition(selected: index)
        var minutes = ListPosition(selected: index)
        if let rect = Layout.meeting(state.size, focus: .minutes, zoomed: false).panes[.minutes] {
            let inner = Layout.inner(rect)
            let content = data().content(.minutes, width: inner.size.cols, screen: state.meeting ?? screen)
            minutes.scroll = max(0, min(content.rowRange(of: index)?.lowerBound ?? 0, content.rows.count - inner.size.rows))
        }
        state.meeting?.positions[.minutes] = minutes
        state.meeting?.searchHit = nil
    }
}

extension Renderer {
    func drawSearch(_ state: AppState, _ screen: SearchScreen, _ data: ViewData, on term: any Terminal) {
        let size = term.size
        let count = screen.total > screen.hits.count ? "\(screen.hits.count) of \(screen.total)" : "\(screen.total)"
        var right = [Span(" \(count) found ", .header)]
        if size.cols >= 60 { right.append(Span(" \(data.today.medium) \(data.clock.text) ", .header)) }
        drawBar("Search · \(screen.query)", right, in: Rect(x: 0, y: 0, cols: size.cols, rows: 1), slot: .header, on: term)
        let rect = Layout.workPlan(size)
        let content = data.searchContent(screen, width: Layout.inner(rect).size.cols)
        var position = screen.position
        position.selected = min(position.selected, content.entryCount - 1)
        drawPane(title: "Results, newest first", content: content, position: position, in: rect, focused: true, on: term)
    }
}
