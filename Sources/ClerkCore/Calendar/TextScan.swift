// Small text helpers shared by the rule parsers. Foundation-free.

extension String {
    /// Every occurrence of `target` replaced by `replacement`.
    func replacingAll(_ target: String, with replacement: String) -> String {
        guard !target.isEmpty else { return self }
        return splitting(on: target).joined(separator: replacement)
    }

    /// Split on every occurrence of `separator` (which may be several characters).
    func splitting(on separator: String) -> [String] {
        guard !separator.isEmpty else { return [self] }
        var parts: [String] = []
        var current = ""
        var rest = Substring(self)
        while !rest.isEmpty {
            if rest.hasPrefix(separator) {
                parts.append(current)
                current = ""
                rest = rest.dropFirst(separator.count)
            } else {
                current.append(rest.removeFirst())
            }
        }
        parts.append(current)
        return parts
    }
}

enum TextScan {
    /// Lower-cased words: letters and digits kept, hyphens and apostrophes joined
    /// ("bi-monthly" → "bimonthly"), anything else separates words.
    static func words(_ text: String, keeping kept: Set<Character> = []) -> [String] {
        var words: [String] = []
        var current = ""
        for c in text.lowercased() {
            if c.isLetter || (c.isASCII && c.isNumber) {
                current.append(c)
            } else if c == "-" || c == "'" || c == "’" {
                continue
            } else {
                if !current.isEmpty { words.append(current); current = "" }
                if kept.contains(c) { words.append(String(c)) }
            }
        }
        if !current.isEmpty { words.append(current) }
        return words
    }

    /// "3", "three", "a"/"an" (one) → a count.
    static func count(_ word: String) -> Int? {
        if word.allSatisfy({ $0.isASCII && $0.isNumber }) { return word.count <= 6 ? Int(word) : nil }
        let names = ["zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
                     "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
                     "a": 1, "an": 1]
        return names[word]
    }

    /// "3rd", "third", "15th", "last" (-1) → an ordinal; nil if not ordinal-shaped.
    /// The value is not range-checked ("0th" → 0).
    static func ordinal(_ word: String) -> Int? {
        let names = ["first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1]
        if let n = names[word] { return n }
        for suffix in ["st", "nd", "rd", "th"] where word.hasSuffix(suffix) {
            let digits = word.dropLast(2)
            guard !digits.isEmpty, digits.count <= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
            return Int(digits)
        }
        return nil
    }

    /// 1 → "1st", 2 → "2nd", 3 → "3rd", 11 → "11th", 22 → "22nd", -1 → "last".
    static func ordinalText(_ n: Int) -> String {
        if n == -1 { return "last" }
        let tens = (n / 10) % 10
        let suffix: String
        switch n % 10 {
        case 1 where tens != 1: suffix = "st"
        case 2 where tens != 1: suffix = "nd"
        case 3 where tens != 1: suffix = "rd"
        default: suffix = "th"
        }
        return "\(n)\(suffix)"
    }

    /// "in 3 days", "tomorrow", "today", "yesterday", "2 days ago".
    static func relativeDays(_ n: Int) -> String {
        switch n {
        case 0: "today"
        case 1: "tomorrow"
        case -1: "yesterday"
        case let n where n > 1: "in \(n) days"
        default: "\(-n) days ago"
        }
    }

    /// 1 → "one", 12 → "twelve"; larger numbers as digits.
    static func countWord(_ n: Int) -> String {
        let names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
        return names.indices.contains(n) ? names[n] : String(n)
    }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String {
        "\(n) \(n == 1 ? one : many)"
    }
}
