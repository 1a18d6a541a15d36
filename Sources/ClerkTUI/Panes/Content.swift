import Terminal

/// A run of text in one theme slot.
public struct Span: Sendable, Hashable {
    public var text: String
    public var slot: ThemeSlot

    public init(_ text: String, _ slot: ThemeSlot = .base) {
        self.text = text
        self.slot = slot
    }
}

/// One screen row of a pane, and which selectable entry (if any) it belongs to.
public struct Row: Sendable, Hashable {
    public var spans: [Span]
    public var entry: Int?
    /// Right-aligned text (a time allocation, a due date).
    public var trailing: Span?

    public init(_ spans: [Span], entry: Int? = nil, trailing: Span? = nil) {
        self.spans = spans
        self.entry = entry
        self.trailing = trailing
    }
}

/// What a pane shows at a given width: rows, with entries that can be selected.
public struct Content: Sendable, Hashable {
    public var rows: [Row] = []
    public private(set) var entryCount = 0
    /// What each entry stands for (a person, an action, an item), by entry index.
    public private(set) var entryKeys: [String?] = []
    public var emptyText = "nothing here yet"

    public init() {}

    /// Starts a new selectable entry and returns its index.
    public mutating func beginEntry(key: String? = nil) -> Int {
        entryCount += 1
        entryKeys.append(key)
        return entryCount - 1
    }

    /// The key of an entry, if it has one.
    public func key(of entry: Int) -> String? {
        entry >= 0 && entry < entryKeys.count ? entryKeys[entry] : nil
    }

    public mutating func heading(_ text: String, width: Int, slot: ThemeSlot = .heading) {
        for line in DisplayWidth.wrap(text, width: max(1, width)) { rows.append(Row([Span(line, slot)])) }
    }

    public mutating func blank() {
        rows.append(Row([]))
    }

    /// Adds `text` word-wrapped to `width`, the first row after `lead` and the rest indented
    /// to line up under the text.
    public mutating func wrapped(_ text: String, lead: String = "", width: Int, slot: ThemeSlot = .base,
                                 leadSlot: ThemeSlot? = nil, entry: Int? = nil, trailing: Span? = nil, memo: WrapMemo? = nil) {
        let leadWidth = DisplayWidth.width(of: lead)
        let trailingWidth = trailing.map { DisplayWidth.width(of: $0.text) + 1 } ?? 0
        let available = max(4, width - leadWidth - trailingWidth)
        let lines = text.isEmpty ? [""] : memo?.lines(text, width: available) ?? DisplayWidth.wrap(text, width: available)
        let indent = String(repeating: " ", count: leadWidth)
        for (i, line) in lines.enumerated() {
            let first = i == 0
            var spans = [Span(first ? lead : indent, leadSlot ?? slot)]
            spans.append(Span(line, slot))
            rows.append(Row(spans, entry: entry, trailing: first ? trailing : nil))
        }
    }

    /// The rows an entry occupies.
    public func rowRange(of entry: Int) -> Range<Int>? {
        guard let first = rows.firstIndex(where: { $0.entry == entry }) else { return nil }
        var last = first
        while last + 1 < rows.count, rows[last + 1].entry == entry { last += 1 }
        return first..<(last + 1)
    }

    /// The entry shown at a row, if any.
    public func entry(atRow row: Int) -> Int? {
        guard row >= 0, row < rows.count else { return nil }
        return rows[row].entry
    }

    /// The scroll offset that keeps `entry` in view in a window of `height` rows.
    public func scroll(keeping entry: Int, from scroll: Int, height: Int) -> Int {
        guard height > 0, let range = rowRange(of: entry) else { return max(0, min(scroll, rows.count - height)) }
        var s = scroll
        if range.lowerBound < s { s = range.lowerBound }
        if range.upperBound > s + height {
            // An entry taller than the window shows from its first line; one already started
            // on screen stays where it is (PgDn reaches the rest).
            if range.count <= height { s = range.upperBound - height } else if range.lowerBound >= s + height { s = range.lowerBound }
        }
        return max(0, min(s, max(0, rows.count - height)))
    }
}
