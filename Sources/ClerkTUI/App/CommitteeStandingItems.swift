import ClerkCore
import Terminal

/// The standing items section of the terms screen: each item's title, its kind and whether
/// it goes on a new meeting's agenda by default. Rows are keyed `s:INDEX`.
enum StandingItemsPane {
    static func add(_ c: Committee, to out: inout Content, width: Int) {
        out.blank()
        out.heading("Standing items  (N adds · Enter retitles · d default · K/J move · X removes)", width: width)
        if c.terms.standingItems.isEmpty { out.wrapped("none: new agendas start empty", lead: "  ", width: width, slot: .muted) }
        for (index, item) in c.terms.standingItems.enumerated() {
            let entry = out.beginEntry(key: "s:\(index)")
            let kind = item.kind.map { $0.rawValue } ?? "plain"
            out.wrapped(item.title, lead: "  ", width: width, slot: item.onByDefault ? .base : .muted, entry: entry,
                        trailing: Span(kind + (item.onByDefault ? " · on by default" : " · off by default"), .muted))
        }
    }

    /// "previous-minutes: Minutes of the last meeting" → that kind and title; a title alone is plain.
    static func parse(_ typed: String) -> (kind: StandingItem?, title: String) {
        if let colon = typed.firstIndex(of: ":") {
            let word = typed[..<colon].trimmingSpaces().lowercased()
            if let kind = StandingItem(rawValue: word) { return (kind, typed[typed.index(after: colon)...].trimmingSpaces()) }
            if word == "plain" { return (nil, typed[typed.index(after: colon)...].trimmingSpaces()) }
        }
        return (nil, typed)
    }

    static let kinds = "apologies, declarations, previous-minutes, action-log, any-other-business, next-meeting"
}

/// The item reference scheme as one line: "GB/{yy}{yy+1}/{n:03} from April".
enum ReferenceField {
    static func value(_ scheme: ItemReferenceScheme?) -> String {
        guard let scheme else { return "numbers 1, 2, 3" }
        return scheme.pattern + " from " + CalendarDate.monthName(scheme.restartMonth)
    }

    /// Reads "PATTERN" or "PATTERN from MONTH" (a name or 1–12; January when left out).
    static func parse(_ line: String) throws -> ItemReferenceScheme {
        var pattern = line
        var month = 1
        if let range = line.range(of: " from ", options: .backwards) {
            pattern = String(line[..<range.lowerBound]).trimmingSpaces()
            let word = String(line[range.upperBound...]).trimmingSpaces()
            if let n = Int(word) {
                month = n
            } else if let m = CalendarDate.month(named: word) {
                month = m
            } else {
                throw CommandError(.invalid, "'\(word)' is not a month; give the restart month as a name (April) or 1 to 12")
            }
        }
        let scheme = ItemReferenceScheme(pattern: pattern, restartMonth: month)
        if let problem = scheme.problem { throw CommandError(.invalid, problem) }
        return scheme
    }
}

extension Updater {
    func openStandingForm(_ state: inout AppState, _ c: Committee, index: Int?, isNew: Bool) -> [Effect] {
        let items = c.terms.standingItems
        if !isNew {
            guard let index, index < items.count else { return [] }
            let item = items[index]
            state.overlay = .form(Form(purpose: .committee(.standing(c.id, index: index, isNew: false)),
                                       title: "Standing item of \(c.name) (\(item.kindName))", choices: [],
                                       text: CommandInput(text: item.title), textLabel: "Title: "))
            return []
        }
        state.overlay = .form(Form(purpose: .committee(.standing(c.id, index: index, isNew: true)),
                                   title: "New standing item of \(c.name)", choices: [], text: CommandInput(),
                                   textLabel: "Title, or kind: title (kinds: \(StandingItemsPane.kinds)): "))
        return []
    }

    func submitStanding(_ state: inout AppState, _ form: Form, _ committeeID: CommitteeID, index: Int?, isNew: Bool, typed: String,
                        _ data: ViewData) -> [Effect] {
        guard let c = data.archive.committees[committeeID] else { state.overlay = nil; return [] }
        let expected = c.terms.standingItems
        let change: @Sendable ([StandingItemSpec]) throws -> [StandingItemSpec] = { items in
            // Based on the list the form opened on: a change made meanwhile in another session is not overwritten.
            guard items == expected else {
                throw CommandError(.conflict, "the standing items were changed in another session meanwhile; look again and retry")
            }
            var items = items
            if isNew {
                let (kind, title) = StandingItemsPane.parse(typed)
                let at = index.map { min($0 + 1, items.count) } ?? items.count
                items.insert(StandingItemSpec(kind: kind, title: title), at: at)
            } else if let index, index < items.count {
                items[index].title = typed
            }
            return items
        }
        return commitTerms(&state, form, c, data, label: isNew ? "add a standing item" : "retitle the standing item") { _, name, terms in
            var terms = terms
            terms.standingItems = try change(terms.standingItems)
            return (name, terms)
        }
    }

    func performStandingAction(_ id: UIActionID, key: String, _ state: inout AppState, _ c: Committee, _ data: ViewData) -> [Effect] {
        let index = key.hasPrefix("s:") ? Int(key.dropFirst(2)) : nil
        if id == .termsAddStanding { return openStandingForm(&state, c, index: index, isNew: true) }
        let items = c.terms.standingItems
        guard let index, index < items.count else {
            state.message = Message(text: "select a standing item in the Standing items list first; N adds one", isError: true)
            return []
        }
        var target = index
        switch id {
        case .termsStandingUp:
            guard index > 0 else { state.message = Message(text: "\(items[index].title) is already first", isError: true); return [] }
            target = index - 1
        case .termsStandingDown:
            guard index + 1 < items.count else { state.message = Message(text: "\(items[index].title) is already last", isError: true); return [] }
            target = index + 1
        case .termsRemoveStanding:
            guard confirmed(id, "Remove the standing item \"\(items[index].title)\"? Meetings already planned keep it.", refused: "not removed", &state) else { return [] }
        default: break
        }
        let expected = items
        let swapWith = target
        let effects = commitTerms(&state, nil, c, data, label: "change the standing items") { _, name, terms in
            guard terms.standingItems == expected else {
                throw CommandError(.conflict, "the standing items were changed in another session meanwhile; look again and retry")
            }
            var terms = terms
            switch id {
            case .termsStandingDefault: terms.standingItems[index].onByDefault.toggle()
            case .termsRemoveStanding: terms.standingItems.remove(at: index)
            default: terms.standingItems.swapAt(index, swapWith)
            }
            return (name, terms)
        }
        if !effects.isEmpty, target != index { state.committeeEditor?.position.selected += target - index }
        return effects
    }
}
