import ClerkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// One line of the archive that holds every word searched for.
public struct SearchHit: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable {
        case item, note, noted, decision, correction, vote, declaration, action, attendance

        /// A word for the results list: "minute", "decision", "action"...
        public var label: String {
            switch self {
            case .item: "agenda"
            case .note, .noted, .correction: "minute"
            case .decision: "decision"
            case .vote: "vote"
            case .declaration: "interest"
            case .action: "action"
            case .attendance: "attendance"
            }
        }
    }

    public var meetingID: MeetingID
    public var date: CalendarDate
    public var committeeID: CommitteeID
    public var committeeCode: String
    public var itemID: ItemID?
    /// "4", "1b"; nil when the hit is not under an item (attendance).
    public var itemNumber: String?
    public var itemTitle: String?
    /// The minute entry, vote, declaration or action the hit is in.
    public var entryID: String?
    public var kind: Kind
    /// The whole line's text (unsanitised: callers show it through their sanitising helpers).
    public var text: String
    public var confidential: Bool
}

public struct SearchResults: Sendable {
    /// Newest meeting first, in agenda order within a meeting; at most the limit asked for.
    public var hits: [SearchHit]
    /// How many lines matched in all.
    public var total: Int
    public var terms: [String]
}

extension SearchIndex {
    /// Every line holding all of `terms` (folded, from `SearchText.terms`). Lines under a
    /// confidential item, and confidential actions, are left out unless `includeConfidential`:
    /// this parameter is the one place search decides who may see a closed item.
    ///
    /// Only what holds the longest word is looked at: the bytes are searched for it
    /// (memmem), and each line it occurs in is then checked whole.
    public func search(_ terms: [String], committee: CommitteeID? = nil, includeConfidential: Bool = false,
                       limit: Int = 200, lanes: Int = 2) -> SearchResults {
        search(terms, committee: committee, confidentialIn: { _ in includeConfidential }, limit: limit, lanes: lanes)
    }

    /// The same, with closed items listed only for the committees `confidentialIn` allows:
    /// a person sees the confidential items of the committees they may see them in.
    public func search(_ terms: [String], committee: CommitteeID? = nil, confidentialIn: (CommitteeID) -> Bool,
                       limit: Int = 200, lanes: Int = 2) -> SearchResults {
        let needles = terms.map(LineWriter.escaped)
        let codes = committeeCodes()
        var people: [PersonID: String] = [:]
        var actionLines: [MeetingID: [Range<Int>]] = [:]
        for line in matchingLines(archiveRange, archiveFolded, needles) {
            let f = fields(body, line)
            switch f[0] {
            case "N" where f.count == 3: people[f[1]] = f[2]
            case "A" where f.count == 7: actionLines[f[2], default: []].append(line)
            default: break
            }
        }

        // The folded lines of each meeting that match, looked for on `lanes` threads; they
        // are paired with their lines only where the lines are needed.
        nonisolated(unsafe) var perPart = [[Range<Int>]](repeating: [], count: parts.count)
        perPart.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for i in stride(from: lane, to: parts.count, by: lanes) {
                    if let committee, parts[i].committeeID != committee { continue }
                    out[i] = matchingFoldedLines(parts[i].range, parts[i].folded, needles)
                }
            }
        }
        let personIDs = people.keys.map { Array($0.utf8) }

        var found: [(date: String, order: Int, hit: SearchHit)] = []
        var total = 0
        for (partIndex, part) in parts.enumerated() {
            if let committee, part.committeeID != committee { continue }
            let matchedFolded = perPart[partIndex]
            let actions = actionLines[part.meetingID] ?? []
            let attending = personIDs.isEmpty ? [] : attendanceLines(part, of: personIDs)
            if matchedFolded.isEmpty && actions.isEmpty && attending.isEmpty { continue }
            let includeConfidential = confidentialIn(part.committeeID)
            // Parts are newest first: once the list is full, lines under items and attendance
            // are only counted, by their folded lines (whose first byte is the confidential flag).
            if found.count >= limit {
                total += includeConfidential ? matchedFolded.count
                    : matchedFolded.filter { body[$0.lowerBound] == UInt8(ascii: "0") }.count
                total += attending.count
                if actions.isEmpty { continue }
            }
            let matched = found.count < limit ? lines(of: matchedFolded, part.range, part.folded) : []
            guard let date = CalendarDate(iso: part.date) else { continue }
            let code = codes[part.committeeID] ?? part.committeeID
            // The agenda of a meeting with hits: numbers, titles and which items are closed.
            var items: [ItemID: (number: String, title: String, closed: Bool)] = [:]
            let block = Self.split(part.range, part.folded).lines
            var lines = LineCursor(bytes: body, position: block.lowerBound, end: block.upperBound)
            while let line = lines.next(), body[line.lowerBound] == UInt8(ascii: "I") {
                let f = fields(body, line)
                if f.count == 5 { items[f[2]] = (f[3], f[4], f[1] == "1") }
            }
            var hits: [SearchHit] = []
            let listing = found.count < limit
            func hit(_ kind: SearchHit.Kind, item: ItemID?, entry: String?, text: String, closed: Bool) {
                let info = item.flatMap { items[$0] }
                let confidential = closed || info?.closed == true
                if confidential && !includeConfidential { return }
                if !listing {
                    total += 1
                    return
                }
                hits.append(SearchHit(meetingID: part.meetingID, date: date, committeeID: part.committeeID,
                                      committeeCode: code, itemID: item, itemNumber: info?.number, itemTitle: info?.title,
                                      entryID: entry, kind: kind, text: text, confidential: confidential))
            }
            for line in matched where listing {
                let f = fields(body, line)
                switch f[0] {
                case "I" where f.count == 5: hit(.item, item: f[2], entry: nil, text: f[4], closed: f[1] == "1")
                case "E" where f.count == 6:
                    hit(SearchHit.Kind(rawValue: f[4]) ?? .note, item: f[2], entry: f[3], text: f[5], closed: f[1] == "1")
                case "V" where f.count == 5: hit(.vote, item: f[2], entry: f[3], text: f[4], closed: f[1] == "1")
                case "D" where f.count == 6: hit(.declaration, item: f[2], entry: f[3], text: f[5], closed: f[1] == "1")
                default: continue
                }
            }
            for line in actions {
                let f = fields(body, line)
                hit(.action, item: f[3] == "-" ? nil : f[3], entry: f[4], text: "\(f[6]) — \(f[5])", closed: f[1] == "1")
            }
            for line in attending where listing {
                let f = fields(body, line)
                guard f.count == 3, let name = people[f[1]] else { continue }
                hit(.attendance, item: nil, entry: f[1], text: "\(name) (\(f[2]))", closed: false)
            }
            total += hits.count
            for h in hits { found.append((part.date, found.count, h)) }
        }
        // Newest first (ISO dates sort as text); within a meeting, as found.
        found.sort { a, b in
            if a.date != b.date { return a.date > b.date }
            if a.hit.meetingID != b.hit.meetingID { return a.hit.meetingID < b.hit.meetingID }
            return a.order < b.order
        }
        return SearchResults(hits: found.prefix(limit).map(\.hit), total: total, terms: terms)
    }

    /// The committee a search is narrowed to, by id, code or name; throws a one-line message
    /// naming what was not found.
    public func committee(matching text: String) throws -> CommitteeID {
        let key = text.lowercased()
        var cursor = LineCursor(bytes: body, position: archiveRange.lowerBound, end: archiveRange.upperBound)
        while let line = cursor.next(), body[line.lowerBound] == UInt8(ascii: "C") {
            let f = fields(body, line)
            if f.count == 4, f[1] == key || f[2].lowercased() == key || f[3].lowercased() == key { return f[1] }
        }
        throw StoreError("no committee '\(text)'; run 'clerk committees' to list them")
    }

    /// How many meetings and bytes the index holds (for the benchmark).
    public var meetingCount: Int { parts.count }
    public var byteCount: Int { body.count }
    public var meetingIDs: [MeetingID] { parts.map(\.meetingID) }

    /// Each meeting's searchable text as plain lines (the benchmark gives it to rg): its
    /// agenda titles, minutes, motions, declarations, attendance names and actions.
    public func plainText() -> [(MeetingID, String)] {
        var names: [PersonID: String] = [:]
        var actions: [MeetingID: [String]] = [:]
        let archiveLines = Self.split(archiveRange, archiveFolded).lines
        var cursor = LineCursor(bytes: body, position: archiveLines.lowerBound, end: archiveLines.upperBound)
        while let line = cursor.next() {
            let f = fields(body, line)
            if f[0] == "N", f.count == 3 { names[f[1]] = f[2] }
            if f[0] == "A", f.count == 7 { actions[f[2], default: []].append("\(f[6]) — \(f[5])") }
        }
        return parts.map { part in
            var text = ""
            let block = Self.split(part.range, part.folded).lines
            var lines = LineCursor(bytes: body, position: block.lowerBound, end: block.upperBound)
            while let line = lines.next() {
                let f = fields(body, line)
                let shown = f[0] == "P" ? (f.count == 3 ? "\(names[f[1]] ?? f[1]) (\(f[2]))" : "") : (f.count >= 2 ? f[f.count - 1] : "")
                text += shown.replacingOccurrences(of: "\n", with: " ") + "\n"
            }
            for action in actions[part.meetingID] ?? [] { text += action + "\n" }
            return (part.meetingID, text)
        }
    }

    private func committeeCodes() -> [CommitteeID: String] {
        var codes: [CommitteeID: String] = [:]
        var cursor = LineCursor(bytes: body, position: archiveRange.lowerBound, end: archiveRange.upperBound)
        while let line = cursor.next(), body[line.lowerBound] == UInt8(ascii: "C") {
            let f = fields(body, line)
            if f.count == 4 { codes[f[1]] = f[2] }
        }
        return codes
    }

    /// The lines of a part whose folded text holds every needle, in order.
    func matchingLines(_ range: Range<Int>, _ folded: Int, _ needles: [[UInt8]]) -> [Range<Int>] {
        lines(of: matchingFoldedLines(range, folded, needles), range, folded)
    }

    /// The folded lines of a part that hold every needle, in order.
    func matchingFoldedLines(_ range: Range<Int>, _ folded: Int, _ needles: [[UInt8]]) -> [Range<Int>] {
        var hits: [Range<Int>] = []
        forEachMatch(in: Self.split(range, folded).folded, needles) { hits.append($0) }
        return hits
    }

    /// A meeting's attendance lines of the people given (their ids' bytes). Attendance lines
    /// come last in a part, so they are read from the end.
    func attendanceLines(_ part: Part, of people: [[UInt8]]) -> [Range<Int>] {
        let block = Self.split(part.range, part.folded).lines
        let base = body.baseAddress!
        var result: [Range<Int>] = []
        var end = block.upperBound - 1  // the "\n" ending the last line
        while end > block.lowerBound {
            var start = end
            while start > block.lowerBound, base[start - 1] != 0x0A { start -= 1 }
            guard base[start] == UInt8(ascii: "P"), start + 2 <= end, base[start + 1] == 0x09 else { break }
            var idEnd = start + 2
            while idEnd < end, base[idEnd] != 0x09 { idEnd += 1 }
            let length = idEnd - start - 2
            // Three fields: no tab after the one ending the id.
            let threeFields = idEnd < end && memchr(base + idEnd + 1, 0x09, end - idEnd - 1) == nil
            if threeFields, people.contains(where: { $0.count == length && memcmp(base + start + 2, $0, length) == 0 }) {
                result.append(start..<end)
            }
            end = start - 1
        }
        return result.reversed()
    }

    /// The lines that go with folded lines of a part: the k-th folded line goes with the
    /// k-th line that is neither a committee nor an attendance line.
    func lines(of hits: [Range<Int>], _ range: Range<Int>, _ folded: Int) -> [Range<Int>] {
        guard !hits.isEmpty else { return [] }
        let (linesBlock, foldedBlock) = Self.split(range, folded)
        let base = body.baseAddress!
        var cursor = LineCursor(bytes: body, position: linesBlock.lowerBound, end: linesBlock.upperBound)
        func nextSearchable() -> Range<Int>? {
            while let line = cursor.next() {
                let tag = body[line.lowerBound]
                if tag != UInt8(ascii: "C") && tag != UInt8(ascii: "P") { return line }
            }
            return nil
        }
        var result: [Range<Int>] = []
        var position = foldedBlock.lowerBound
        var current = nextSearchable()
        for hit in hits {
            while position < hit.lowerBound {
                guard let newline = memchr(base + position, 0x0A, foldedBlock.upperBound - position) else { break }
                position = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
                current = nextSearchable()
            }
            if let current { result.append(current) }
        }
        return result
    }

    /// Each folded line in `range` (flag included) whose text holds every needle, in order.
    ///
    /// Candidates for the longest needle are found by its rarest bytes (by how often letters
    /// occur in English prose), which runs far faster than a general substring search, then
    /// checked with memcmp: with memchr when that byte is rare (z, q, j, x, k, a digit), else
    /// 16 positions at a time, where both of its two rarest bytes are in place.
    private func forEachMatch(in range: Range<Int>, _ needles: [[UInt8]], _ body: (Range<Int>) -> Void) {
        guard let longest = needles.max(by: { $0.count < $1.count }), !longest.isEmpty, range.count >= longest.count
        else { return }
        let base = self.body.baseAddress!
        let count = longest.count
        let lastStart = range.upperBound - count
        let ranked = longest.indices.sorted { (Self.rank(longest[$0]), $0) < (Self.rank(longest[$1]), $1) }
        let rare = ranked[0]
        longest.withUnsafeBytes { n in
            let needle = n.baseAddress!
            // The longest needle is at `at`: the line it is in is checked whole. Returns
            // where the next line begins.
            func lineFound(at: Int) -> Int {
                var start = at
                while start > range.lowerBound, base[start - 1] != 0x0A { start -= 1 }
                let end = memchr(base + at, 0x0A, range.upperBound - at)
                    .map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? range.upperBound
                // The line's text follows its confidential flag.
                if matches((start + 1)..<end, needles) { body(start..<end) }
                return end + 1
            }
            if count >= 2, Self.rank(longest[rare]) >= Self.rank(UInt8(ascii: "v")) {
                let (i, j) = (min(rare, ranked[1]), max(rare, ranked[1]))
                let first = SIMD16<UInt8>(repeating: longest[i]), second = SIMD16<UInt8>(repeating: longest[j])
                let raw = UnsafeRawPointer(base)
                var at = range.lowerBound
                while at <= lastStart {
                    guard at + j + 16 <= range.upperBound else {
                        // The last few positions, one at a time.
                        at = base[at + i] == longest[i] && memcmp(base + at, needle, count) == 0 ? lineFound(at: at) : at + 1
                        continue
                    }
                    let both = (raw.loadUnaligned(fromByteOffset: at + i, as: SIMD16<UInt8>.self) .== first)
                        .& (raw.loadUnaligned(fromByteOffset: at + j, as: SIMD16<UInt8>.self) .== second)
                    var next = at + 16
                    if any(both) {
                        for k in 0..<16 where both[k] && at + k <= lastStart && memcmp(base + at + k, needle, count) == 0 {
                            next = lineFound(at: at + k)
                            break
                        }
                    }
                    at = next
                }
                return
            }
            let rareByte = Int32(longest[rare])
            var from = range.lowerBound + rare
            let last = range.upperBound - (count - rare)
            while from <= last {
                guard let found = memchr(base + from, rareByte, last - from + 1) else { return }
                let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self)) - rare
                guard memcmp(base + at, needle, count) == 0 else {
                    from = at + rare + 1
                    continue
                }
                from = lineFound(at: at) + rare
            }
        }
    }

    /// How common a byte is in folded minutes: lower is rarer. Letters by their frequency
    /// in English; digits and punctuation rarer than letters; space and e the commonest.
    private static func rank(_ byte: UInt8) -> Int { ranks[Int(byte)] }

    private static let ranks: [Int] = (0...255).map { byte in
        let common = Array("etaoinsrhldcumfpgwybvkxjqz".utf8).reversed()
        if byte == 0x20 { return 100 }
        if let i = common.firstIndex(of: UInt8(byte)) { return 10 + common.distance(from: common.startIndex, to: i) }
        return 5
    }

    /// Whether every needle occurs in a folded line.
    private func matches(_ line: Range<Int>, _ needles: [[UInt8]]) -> Bool {
        let base = body.baseAddress!
        return needles.allSatisfy { needle in
            needle.withUnsafeBytes { n in clerk_memmem(base + line.lowerBound, line.count, n.baseAddress!, n.count) != nil }
        }
    }
}

/// glibc's memmem (a two-way search, vectorised), which the Glibc module does not export
/// without _GNU_SOURCE.
@_silgen_name("memmem")
func clerk_memmem(_ haystack: UnsafeRawPointer, _ haystackLength: Int, _ needle: UnsafeRawPointer,
                  _ needleLength: Int) -> UnsafeMutableRawPointer?
