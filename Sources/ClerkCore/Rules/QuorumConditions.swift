/// A condition on who must be among those counted present, beyond how many: "including one
/// GP", "at least one from each core organisation". Conditions are part of the quorum rule
/// as the terms of reference write it, so they are evaluated live with the count.
public enum QuorumCondition: Hashable, Sendable, Codable {
    /// At least `count` of those counted whose letters, post or role name the category
    /// ("GP", "lay member", "councillor"); lower-cased, singular.
    case atLeast(count: Int, category: String)
    /// At least one counted member from every core organisation of the committee.
    case oneFromEachCoreOrganisation

    /// "one GP", "two lay members", "at least one from each core organisation".
    public var text: String {
        switch self {
        case .atLeast(let n, let category):
            "\(n <= 12 ? TextScan.countWord(n) : String(n)) \(n == 1 ? category : category + "s")"
        case .oneFromEachCoreOrganisation:
            "at least one from each core organisation"
        }
    }

    static func text(_ base: QuorumRule, _ conditions: [QuorumCondition]) -> String {
        let categories = conditions.filter { if case .atLeast = $0 { true } else { false } }.map(\.text)
        var parts: [String] = []
        if base != .none { parts.append(base.text) }
        if !categories.isEmpty {
            let list = categories.count == 1 ? categories[0]
                : categories.dropLast().joined(separator: ", ") + " and " + categories.last!
            parts.append(parts.isEmpty ? list : "including " + list)
        }
        if conditions.contains(.oneFromEachCoreOrganisation) { parts.append("at least one from each core organisation") }
        return parts.joined(separator: ", ")
    }

    /// Words that only introduce a condition.
    private static let introductions: Set<String> = [
        "including", "include", "includes", "incl", "with", "whom", "of", "and", "at", "least", "there",
        "must", "be", "being", "present", "who", "is", "are", "among", "them", "those",
    ]

    /// Reads one condition from its words, or nil when they are not one.
    static func parse(_ words: [String]) -> QuorumCondition? {
        var w = words.filter { !introductions.contains($0) }
        if w.contains("each") || w.contains("every") {
            let allowed: Set<String> = ["one", "1", "a", "an", "member", "person", "representative", "from", "each",
                                        "every", "core", "constituent", "organisation", "organisations",
                                        "organization", "organizations", "represented"]
            guard w.allSatisfy(allowed.contains), w.contains(where: { $0.hasPrefix("organi") }),
                  w.contains("core") || w.contains("constituent") else { return nil }
            return .oneFromEachCoreOrganisation
        }
        guard let first = w.first, let n = TextScan.count(first), n >= 1, w.count >= 2, w.count <= 5 else { return nil }
        w.removeFirst()
        // A category is a kind of person, never a count or a fraction.
        let fractions: Set<String> = ["half", "halves", "third", "thirds", "quarter", "quarters", "fourth", "fourths", "fifth", "fifths", "majority"]
        if w.contains(where: { TextScan.count($0) != nil || fractions.contains($0) || $0 == "/" }) { return nil }
        if w.count == 1, QuorumRule.memberWords.contains(w[0]) { return nil }
        if n > 1, var last = w.last, last.count > 2, last.hasSuffix("s") {
            last.removeLast()
            w[w.count - 1] = last
        }
        return .atLeast(count: n, category: w.joined(separator: " "))
    }

    /// Whether one of those present belongs to the category: its words appear, in order,
    /// in one of the person's labels (letters such as "GP", a post such as "Lay Member for
    /// Audit", the role).
    static func matches(_ category: String, _ labels: [String]) -> Bool {
        let wanted = TextScan.words(category)
        guard !wanted.isEmpty else { return false }
        return labels.contains { label in
            let words = TextScan.words(label)
            guard words.count >= wanted.count else { return false }
            return (0...(words.count - wanted.count)).contains { start in
                zip(words[start...], wanted).allSatisfy { have, want in have == want || have == want + "s" }
            }
        }
    }

    /// The count's status, with each condition checked among those who count.
    static func evaluate(_ status: QuorumStatus, _ conditions: [QuorumCondition], _ input: QuorumInput) -> QuorumStatus {
        var status = status
        var seen = Set<String>()
        let counted = input.present.filter { $0.counts && seen.insert($0.personID).inserted }
        var parts: [String] = []
        var met = true
        for condition in conditions {
            switch condition {
            case .atLeast(let n, let category):
                let have = counted.filter { matches(category, $0.labels) }.count
                if have < n { met = false }
                let noun = n == 1 ? category : category + "s"
                parts.append(have == 0 ? "no \(category) present" : "\(have) of \(n) \(noun)")
            case .oneFromEachCoreOrganisation:
                let present = Set(counted.compactMap(\.organisationID))
                let missing = input.coreOrganisations.filter { !present.contains($0.id) }
                if !missing.isEmpty { met = false }
                parts.append(missing.isEmpty ? "every core organisation"
                             : "no one from " + missing.map(\.name).joined(separator: ", "))
            }
        }
        let wasQuorate = status.isQuorate
        status.isQuorate = wasQuorate && met
        var summary = status.summary
        if wasQuorate && !met, summary.hasPrefix("quorate: ") {
            summary = "INQUORATE: " + summary.dropFirst("quorate: ".count)
        }
        status.summary = ([summary] + parts).joined(separator: ", ")
        return status
    }
}

extension QuorumRule {
    /// Reads a quorum rule: a count, then any conditions on who must be present, in
    /// clauses separated by commas or "and" ("half of the voting members, including one GP
    /// and one lay member"). A clause that is neither is refused, with what was understood.
    public static func parse(_ text: String) -> Result<QuorumRule, RuleError> {
        let all = TextScan.words(text.replacingAll(",", with: " , ").replacingAll(";", with: " , "), keeping: ["/", ","])
        // Clauses: split at commas, "and", and the words that introduce a condition.
        var clauses: [[String]] = [[]]
        for w in all {
            if w == "," || w == "and" || ["including", "include", "includes", "incl", "with", "whom"].contains(w) {
                if !(clauses.last?.isEmpty ?? true) { clauses.append([]) }
                if w != "," && w != "and" { clauses[clauses.count - 1].append(w) }
            } else {
                clauses[clauses.count - 1].append(w)
            }
        }
        clauses.removeAll { $0.isEmpty }
        guard let first = clauses.first else { return parseBase([], text: text) }
        var conditions: [QuorumCondition] = []
        var base: QuorumRule
        var rest = clauses.dropFirst()
        let introduced = ["including", "include", "includes", "incl", "with", "whom"].contains(first[0])
        if let condition = QuorumCondition.parse(first), !isCount(first),
           introduced || condition == .oneFromEachCoreOrganisation {
            base = .none
            conditions.append(condition)
        } else {
            switch parseBase(first, text: text) {
            case .success(let rule): base = rule
            case .failure(let error): return .failure(error)
            }
            // "3 members and 2 organisations": a count in two clauses.
            while let next = rest.first, isCount(next), case .success(let more) = parseBase(next, text: text),
                  let merged = merge(base, more) {
                base = merged
                rest = rest.dropFirst()
            }
        }
        for clause in rest {
            guard let condition = QuorumCondition.parse(clause) else {
                let understood = QuorumCondition.text(base, conditions)
                return .failure(RuleError("can't read '\(clause.joined(separator: " "))' in the quorum rule '\(text.trimmingSpaces)' (understood so far: \(understood.isEmpty ? "nothing" : understood)); write conditions like 'including one GP and one lay member' or 'at least one from each core organisation'"))
            }
            conditions.append(condition)
        }
        return .success(conditions.isEmpty ? base : .including(base, conditions))
    }

    /// Whether a clause is a count of members or organisations rather than a condition.
    private static func isCount(_ words: [String]) -> Bool {
        !words.contains("each") && !words.contains("every") && words.allSatisfy { baseWords.contains($0) || TextScan.count($0) != nil || ["half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "fourth", "fourths", "halves"].contains($0) }
    }

    private static func merge(_ a: QuorumRule, _ b: QuorumRule) -> QuorumRule? {
        switch (a, b) {
        case (.members(let m), .organisations(let o)), (.organisations(let o), .members(let m)):
            .membersAndOrganisations(members: m, organisations: o)
        default: nil
        }
    }
}
