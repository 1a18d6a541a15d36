/// A committee's own conventions, kept in its terms: the standing items a new meeting's
/// agenda starts from, the venue it is usually held at, and how its items are referred to.

/// One standing item of a committee: its kind (what clerk does with it — approving the
/// previous minutes, reviewing the action log, declarations, the next meeting — or nil, a
/// plain item with no behaviour), its title as the committee words it, and whether a new
/// meeting's agenda includes it.
///
/// Written as the kind's name alone ("apologies") when it is a kind's usual title and on by
/// default — as every record written before standing items could be edited was — and
/// otherwise as `{"kind": "previous-minutes", "title": "…", "onByDefault": false}` (kind
/// "plain" for an item with no behaviour). Both read the same way.
public struct StandingItemSpec: Sendable, Hashable {
    public var kind: StandingItem?
    public var title: String
    public var onByDefault: Bool

    public init(kind: StandingItem?, title: String, onByDefault: Bool = true) {
        self.kind = kind
        self.title = title
        self.onByDefault = onByDefault
    }

    public init(_ kind: StandingItem) {
        self.init(kind: kind, title: kind.defaultTitle)
    }

    public static let apologies = StandingItemSpec(.apologies)
    public static let declarations = StandingItemSpec(.declarations)
    public static let previousMinutes = StandingItemSpec(.previousMinutes)
    public static let actionLog = StandingItemSpec(.actionLog)
    public static let anyOtherBusiness = StandingItemSpec(.anyOtherBusiness)
    public static let nextMeeting = StandingItemSpec(.nextMeeting)

    /// The six standing items of a committee whose terms do not say otherwise.
    public static let standard: [StandingItemSpec] = StandingItem.allCases.map(StandingItemSpec.init)

    /// "plain", or the kind's name as written in the journal.
    public var kindName: String { kind?.rawValue ?? "plain" }

    /// "Any other business" and "Date of next meeting" close an agenda: items carried
    /// forward go before them.
    public var closesAgenda: Bool { kind == .anyOtherBusiness || kind == .nextMeeting }
}

extension StandingItemSpec: Codable {
    private enum Keys: String, CodingKey { case kind, title, onByDefault }

    public init(from decoder: any Decoder) throws {
        if let single = try? decoder.singleValueContainer(), let name = try? single.decode(String.self) {
            guard let kind = StandingItem(rawValue: name) else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "unknown standing item '\(name)'"))
            }
            self.init(kind)
            return
        }
        let c = try decoder.container(keyedBy: Keys.self)
        let name = try c.decode(String.self, forKey: .kind)
        let kind: StandingItem?
        if name == "plain" {
            kind = nil
        } else if let k = StandingItem(rawValue: name) {
            kind = k
        } else {
            throw DecodingError.dataCorruptedError(forKey: .kind, in: c, debugDescription: "unknown standing item kind '\(name)'")
        }
        self.init(kind: kind, title: try c.decode(String.self, forKey: .title),
                  onByDefault: try c.decodeIfPresent(Bool.self, forKey: .onByDefault) ?? true)
    }

    public func encode(to encoder: any Encoder) throws {
        if let kind, title == kind.defaultTitle, onByDefault {
            var single = encoder.singleValueContainer()
            try single.encode(kind.rawValue)
            return
        }
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(kindName, forKey: .kind)
        try c.encode(title, forKey: .title)
        try c.encode(onByDefault, forKey: .onByDefault)
    }
}

public enum StandingItemRules {
    public static let maxTitleLength = 200

    /// Nil when the list can be a committee's standing items; else what is wrong, in one line.
    public static func problem(_ items: [StandingItemSpec]) -> String? {
        var seen: Set<String> = []
        var kinds: Set<StandingItem> = []
        for item in items {
            let title = item.title.trimmed
            if title.isEmpty { return "a standing item needs a title" }
            if title != item.title { return "standing item \"\(title)\" has spaces at either end; trim them" }
            if title.count > maxTitleLength { return "standing item title is longer than \(maxTitleLength) characters; shorten it" }
            if Venue.hasControl(title) { return "standing item \"\(title)\" contains a control character; retype it" }
            if !seen.insert(title.lowercased()).inserted { return "there is already a standing item \"\(title)\"; give each a different title" }
            if let kind = item.kind, !kinds.insert(kind).inserted {
                return "only one standing item can be \(kind.kindLabel); make \"\(title)\" a plain item"
            }
        }
        return nil
    }
}

extension StandingItem {
    /// What the kind does, for messages and the terms screen.
    public var kindLabel: String {
        switch self {
        case .apologies: "apologies"
        case .declarations: "declarations of interest"
        case .previousMinutes: "approval of the previous minutes"
        case .actionLog: "the action log review"
        case .anyOtherBusiness: "any other business"
        case .nextMeeting: "the date of the next meeting"
        }
    }
}

/// Where a meeting is held, as the committee writes it: "Committee Room 2", "via Microsoft
/// Teams", or remote with the link people join by ("Remote: https://…", the link kept
/// exactly as given).
public enum Venue {
    public static let maxLength = 500

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control || $0.properties.generalCategory == .format && $0 != "\u{200D}" }
    }

    /// The venue to store for what was typed: trimmed; "remote LINK" becomes "Remote: LINK".
    /// Throws a one-line reason when it cannot be stored.
    public static func parse(_ typed: String) throws -> String {
        if hasControl(typed) {
            throw CommandError(.invalid, "the venue contains a control character; type it again without it")
        }
        let text = typed.trimmed
        guard text.count <= maxLength else { throw CommandError(.invalid, "the venue is longer than \(maxLength) characters; shorten it") }
        let words = text.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
        guard let first = words.first, first.lowercased() == "remote" || first.lowercased() == "remote:" else { return text }
        guard words.count == 2 else { return "Remote" }
        let link = String(words[1]).trimmed
        if link.contains(" ") { throw CommandError(.invalid, "a remote link has no spaces: \"remote https://…\"") }
        return "Remote: " + link
    }
}
