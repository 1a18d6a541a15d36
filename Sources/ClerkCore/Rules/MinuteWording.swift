/// How what was typed reads in the minutes: one set of rules for every export and the
/// screen's minutes pane. Text is kept as typed; a lead ("It was agreed that",
/// "RESOLVED – That", "It was noted that") goes in front only where the text lacks one, an
/// action's owner is named once, and due dates read one way.
public enum MinuteWording {
    /// The first paragraph of an entry as minuted. `properNouns` are words that keep their
    /// capital after a lead (people's and organisations' names).
    public static func opening(_ kind: EntryKind, _ text: String, style: HouseStyle,
                               properNouns: Set<String> = []) -> String {
        switch kind {
        case .note, .correction:
            return text
        case .noted:
            if beginsWithLead(text, ["it was noted", "noted"]) || beginsWithResolution(text) { return text }
            return "It was noted that " + afterLead(text, properNouns: properNouns)
        case .decision:
            if beginsWithResolution(text) { return text }
            var body = Substring(text)
            // "RESOLVED – That" + "that the report be received": one "that".
            if style.decisionPrefix.lowercased().hasSuffix("that"), body.lowercased().hasPrefix("that ") {
                body = body.dropFirst(5)
            }
            let rest = afterLead(String(body), properNouns: properNouns)
            return style.decisionPrefix + (rest.isEmpty ? "" : " " + rest)
        }
    }

    /// Whether a decision already says it is one: "RESOLVED – That…", "AGREED:",
    /// "It was agreed…", "The Board RESOLVED to NOTE…".
    public static func beginsWithResolution(_ text: String) -> Bool {
        if beginsWithLead(text, ["resolved", "agreed", "it was agreed", "it was resolved", "it was unanimously"]) { return true }
        let words = text.split(separator: " ").prefix(5).map { $0.filter { $0.isLetter } }
        return words.contains { $0 == "RESOLVED" || $0 == "AGREED" }
    }

    static func beginsWithLead(_ text: String, _ leads: [String]) -> Bool {
        let lower = text.lowercased()
        return leads.contains { lead in
            guard lower.hasPrefix(lead) else { return false }
            let next = lower.dropFirst(lead.count).first
            return next == nil || !(next!.isLetter)
        }
    }

    /// The text after a lead: its first letter lowercased only when the word is an ordinary
    /// capitalised word ("The" → "the"), not an acronym ("NHS", "JR"), a single letter, or a
    /// name (`properNouns`).
    public static func afterLead(_ text: String, properNouns: Set<String>) -> String {
        let chars = Array(text)
        guard chars.count >= 2, chars[0].isUppercase, chars[1].isLowercase else { return text }
        let word = String(chars.prefix { $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" })
        if properNouns.contains(word) || alwaysCapital.contains(word) { return text }
        return chars[0].lowercased() + String(chars.dropFirst())
    }

    static let alwaysCapital: Set<String> = [
        "January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
        "December", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "I", "I'm", "I’m",
    ]

    /// An action as minuted, its owner named once: "Jane Roe to circulate…", or the text as
    /// typed when it already begins with the owner's name or initials.
    public static func action(_ text: String, owner: String, alsoKnownAs: [String] = []) -> String {
        let names = ([owner] + alsoKnownAs).filter { !$0.isEmpty }
        for name in names where text.hasPrefix(name) {
            let next = text.dropFirst(name.count).first
            if next == nil || !(next!.isLetter || next!.isNumber) { return text }
        }
        return owner.isEmpty ? text : owner + " " + text
    }

    /// A due date one way throughout: an exact day as "3 February 2022" however it was
    /// typed; a fuzzy one ("by October 2005", "ongoing", "November/early December 2005") in
    /// the words typed. Nil when no date was given.
    public static func due(_ due: DueDate) -> String? {
        if case .on(let d) = due.kind, !due.isOngoing { return d.dayMonthYear }
        if case .unspecified = due.kind, due.text.isEmpty { return nil }
        return due.text.isEmpty ? due.label : due.text
    }

    /// The words that keep their capital after a lead: people's names, organisations and
    /// committees of the archive.
    public static func properNouns(_ archive: ArchiveState) -> Set<String> {
        var words = Set<String>()
        func add(_ s: String) { for w in s.split(separator: " ") { words.insert(String(w.filter { $0.isLetter || $0 == "-" || $0 == "'" })) } }
        archive.people.values.forEach { add($0.name); $0.title.map(add) }
        archive.organisations.values.forEach { add($0.name); $0.group.map(add) }
        archive.committees.values.forEach { add($0.name) }
        return words.subtracting(["The", "A", "An", "Of", "And", "For", "In", "To", "On", "At", "By", "With"])
    }
}

extension CalendarDate {
    /// "3 February 2022".
    public var dayMonthYear: String { "\(day) \(CalendarDate.monthName(month)) \(year)" }
}
