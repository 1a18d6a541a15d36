/// Agenda deadlines as a secretary types them: "items 14 days before; papers the Friday
/// before" (seed 004: "submitted two weeks before the meeting … circulated by the Friday
/// preceding the meeting"), "two weeks before", "items 10 days before, papers 5 days before".
extension AgendaDeadlines {
    static let examples = "e.g. 'items 14 days before; papers the Friday before', 'two weeks before' or 'items 10 days before; papers 5 days before'"

    /// Reads the deadlines. The part before the word "papers" is the items lead time (two
    /// weeks = 14 days); the part after it is the papers rule: "the Friday before", "N days
    /// before", or "none". Without a papers part there is no papers date.
    public static func parse(_ text: String) -> Result<AgendaDeadlines, RuleError> {
        let words = TextScan.words(text)
        func fail(_ why: String) -> Result<AgendaDeadlines, RuleError> {
            .failure(RuleError("can't read '\(text.trimmingSpaces)' as agenda deadlines: \(why); \(examples)"))
        }
        if words.isEmpty { return fail("it is empty") }
        let split = words.firstIndex { $0 == "papers" || $0 == "paper" }
        var itemWords = Array(words[..<(split ?? words.count)])
        var paperWords = split.map { Array(words[($0 + 1)...]) } ?? []
        // "…; no papers date"
        if split != nil, itemWords.last == "no" {
            itemWords.removeLast()
            paperWords = ["none"]
        }

        guard let lead = days(in: itemWords) else {
            return fail(itemWords.isEmpty ? "it gives no lead time for agenda items" : "it doesn't say how many days or weeks before items are due")
        }
        if lead > 365 { return fail("items due \(lead) days before is more than a year") }
        var papers = PapersRule.none
        if split != nil {
            let set = Set(paperWords)
            if paperWords.isEmpty || set.contains("none") || paperWords == ["no"] || set.contains("n/a") {
                papers = .none
            } else if set.contains("friday") || set.contains("fri") {
                papers = .fridayBefore
            } else if let weekday = paperWords.compactMap(Weekday.init(text:)).first {
                return fail("papers can go out the Friday before or a number of days before, not the \(weekday.name) before")
            } else if let n = days(in: paperWords) {
                if n > lead {
                    return fail("papers go out \(n) days before but items close only \(lead) days before; papers come after the items")
                }
                papers = .daysBefore(n)
            } else {
                return fail("it doesn't say when papers go out")
            }
        } else if words.first == "no" {
            return fail("say 'none' to have no deadlines")
        }
        return .success(AgendaDeadlines(submissionLeadDays: lead, papers: papers))
    }

    /// The first "N days" or "N weeks" among `words`, in days; nil when there is none.
    private static func days(in words: [String]) -> Int? {
        for (i, w) in words.enumerated() where i > 0 {
            guard let n = TextScan.count(words[i - 1]) else { continue }
            switch w {
            case "day", "days": return n
            case "week", "weeks", "wk", "wks": return n * 7
            case "fortnight", "fortnights": return n * 14
            default: continue
            }
        }
        if words.contains("fortnight") { return 14 }
        return nil
    }

    /// "items 2 weeks before; papers the Friday before", "items 10 days before; no papers date".
    public var text: String {
        let n = submissionLeadDays
        let lead = n > 0 && n % 7 == 0 ? TextScan.plural(n / 7, "week", "weeks") : TextScan.plural(n, "day", "days")
        let papersText: String
        switch papers {
        case .fridayBefore: papersText = "papers the Friday before"
        case .daysBefore(let d): papersText = "papers \(TextScan.plural(d, "day", "days")) before"
        case .none: papersText = "no papers date"
        }
        return "items \(lead) before; \(papersText)"
    }
}
