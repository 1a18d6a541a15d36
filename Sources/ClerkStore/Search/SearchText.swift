import Foundation

/// How search compares text: case- and diacritic-insensitively ("Sénior" finds "senior"),
/// by substring, every word of the query in the same line (AND); a phrase in double
/// quotes is one word, spaces included.
public enum SearchText {
    /// The form text is compared in: lower case, accents dropped, whitespace runs made one
    /// space. ASCII text (almost all minutes) takes a byte-wise path.
    public static func fold(_ text: String) -> String {
        var ascii = true
        for byte in text.utf8 where byte >= 0x80 { ascii = false; break }
        if ascii {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            var lastSpace = false
            for byte in text.utf8 {
                let isSpace = byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
                if isSpace {
                    if !lastSpace { bytes.append(0x20) }
                    lastSpace = true
                    continue
                }
                lastSpace = false
                bytes.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        var lastSpace = false
        for scalar in text.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.properties.isWhitespace {
                if !lastSpace { out.append(" ") }
                lastSpace = true
                continue
            }
            lastSpace = false
            out.append(scalar)
        }
        return String(out)
    }

    /// The words of a query, folded. Throws a one-line message when there is nothing to look for.
    public static func terms(of query: String) throws -> [String] {
        var terms: [String] = []
        var current = ""
        var quoted = false
        func flush() {
            let folded = fold(current).trimmingCharacters(in: .whitespaces)
            if !folded.isEmpty { terms.append(folded) }
            current = ""
        }
        for ch in query {
            if ch == "\"" {
                flush()
                quoted.toggle()
            } else if !quoted, ch.isWhitespace {
                flush()
            } else {
                current.append(ch)
            }
        }
        flush()
        guard !terms.isEmpty else {
            throw StoreError("the search is empty; give a word or a \"quoted phrase\" to look for")
        }
        return terms
    }

    /// Where each term occurs in `text` (compared folded), in order of position: used to
    /// highlight hits and to cut snippets around them.
    public static func ranges(of terms: [String], in text: String) -> [Range<String.Index>] {
        guard !terms.isEmpty else { return [] }
        // Fold character by character, remembering where each folded character came from.
        var folded: [Character] = []
        var origin: [String.Index] = []
        var index = text.startIndex
        while index < text.endIndex {
            let next = text.index(after: index)
            for ch in fold(String(text[index..<next])) {
                folded.append(ch)
                origin.append(index)
            }
            index = next
        }
        var found: [Range<String.Index>] = []
        for term in terms {
            let needle = Array(term)
            guard !needle.isEmpty, needle.count <= folded.count else { continue }
            var start = 0
            while start + needle.count <= folded.count {
                if folded[start] == needle[0], Array(folded[start..<start + needle.count]) == needle {
                    let lower = origin[start]
                    let lastOrigin = origin[start + needle.count - 1]
                    found.append(lower..<text.index(after: lastOrigin))
                    start += needle.count
                } else {
                    start += 1
                }
            }
        }
        return found.sorted { $0.lowerBound < $1.lowerBound }
    }

    /// Where the first hit is in ASCII text, in characters (0 when there is none), found
    /// byte by byte: ASCII folds one character to one character, as `ranges` compares.
    /// Nil when the text is not ASCII (or holds "\r\n", one character of two bytes).
    static func firstHitInASCII(_ terms: [String], _ text: String) -> Int? {
        var bytes = Array(text.utf8)
        for i in bytes.indices {
            let byte = bytes[i]
            if byte >= 0x80 || byte == 0x0D { return nil }
            if byte >= 0x41 && byte <= 0x5A { bytes[i] = byte + 0x20 } else if byte == 0x09 || byte == 0x0A { bytes[i] = 0x20 }
        }
        var first: Int?
        for term in terms {
            let needle = Array(term.utf8)
            guard !needle.isEmpty, needle.count <= bytes.count else { continue }
            for start in 0...(bytes.count - needle.count)
            where bytes[start] == needle[0] && bytes[start..<(start + needle.count)].elementsEqual(needle) {
                first = min(first ?? start, start)
                break
            }
        }
        return first ?? 0
    }

    /// About `width` characters of `text` around the first hit, with "…" where it was cut.
    public static func snippet(_ text: String, terms: [String], width: Int = 90) -> String {
        let flat = text.split(whereSeparator: { $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        guard flat.count > width else { return flat }
        let hitOffset = firstHitInASCII(terms, flat)
            ?? ranges(of: terms, in: flat).first.map { flat.distance(from: flat.startIndex, to: $0.lowerBound) } ?? 0
        let start = max(0, min(hitOffset - width / 3, flat.count - width))
        let lower = flat.index(flat.startIndex, offsetBy: start)
        let upper = flat.index(lower, offsetBy: width, limitedBy: flat.endIndex) ?? flat.endIndex
        return (start > 0 ? "…" : "") + flat[lower..<upper] + (upper < flat.endIndex ? "…" : "")
    }
}
