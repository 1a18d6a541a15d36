import ClerkCore
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// The searchable text of the whole archive, one line per agenda title, minute entry,
/// vote motion, declaration, action and attendance, kept in `cache/search-index`. It is
/// derived data: each part records the size and modification time of the journal file it
/// was built from, and a part whose file has changed (or an index that is missing, damaged
/// or truncated) is rebuilt from the journal, which is always the truth.
///
/// File layout (see docs/journal-format.md):
///
///     clerk-search-index <TAB> 3 <TAB> archive-size <TAB> archive-mtime <TAB> meeting-count <TAB> part-length <TAB> folded-length
///     meeting-id <TAB> segment-size <TAB> segment-mtime <TAB> part-length <TAB> folded-length <TAB> committee-id <TAB> date
///     the archive part, then each meeting's part, in the order listed (newest meeting first)
///
/// Every part is lines of tab-separated fields, text escaped (`\\`, `\t`, `\n`, `\r`),
/// followed by its folded lines (the last folded-length bytes of the part); a meeting's
/// lines come in this order, attendance last:
///
///     C  committee-id  code  name                                       committees
///     N  person-id  name                                                people
///     A  confidential  meeting-id  item-id  action-id  owner  text      actions
///     I  confidential  item-id  number  title                           agenda items
///     E  confidential  item-id  entry-id  kind  text                    minutes (kind: note, noted, decision, correction)
///     V  confidential  item-id  entry-id  motion                        votes
///     D  confidential  item-id  entry-id  person-id  interest           declarations
///     P  person-id  presence                                            attendance
///
/// Each line but C and P has a folded line (its text in lower case, accents dropped), the
/// k-th folded line going with the k-th such line: a search scans the folded lines only.
/// A folded line begins with its line's confidential flag ("0" or "1"; "0" for N), so that
/// lines can be counted without reading the lines they go with.
public struct SearchIndex: Sendable {
    struct Key: Equatable, Sendable {
        var size: UInt64
        var mtime: Int64
        static let missing = Key(size: 0, mtime: 0)
    }

    struct Part: Sendable {
        var meetingID: MeetingID
        var key: Key
        var range: Range<Int>
        /// How many bytes at the end of `range` are the folded lines.
        var folded: Int
        /// From the archive part: kept beside the key so results need no other lookup.
        var committeeID: CommitteeID
        var date: String
    }

    var archiveKey: Key
    var archiveRange: Range<Int>
    var archiveFolded: Int
    var parts: [Part]
    let storage: IndexBytes
    var body: UnsafeBufferPointer<UInt8> { storage.buffer }

    public static let relativePath = "cache/search-index"
    static let magic = "clerk-search-index"

    /// How a refresh went: for the benchmark and for `clerk check`-style reporting.
    public struct Refresh: Sendable {
        public var meetingsIndexed = 0
        public var archiveIndexed = false
        public var saved = false
    }

    // MARK: Opening

    /// The index of the archive in `directory`, brought up to date with the journal.
    /// Parts that are stale are rebuilt from the journal (opening the archive read-only);
    /// when `save` is set and anything changed, the index file is replaced, and a failure to
    /// write it (a reader without write permission) only means it stays in memory.
    public static func open(directory: String, save: Bool) throws -> (SearchIndex, Refresh) {
        let path = directory + "/" + relativePath
        let old = read(from: path)
        var refresh = Refresh()
        let (index, changed) = try rebuild(from: old, directory: directory, refresh: &refresh)
        // Never written through a link someone put inside the archive (cache/ or the file).
        if save, changed, ArchiveLayout.linkAmongFixedEntries(directory) == nil, !FileIO.isSymbolicLink(path) {
            refresh.saved = (try? Durable.writeAtomically(index.encoded(), to: path, sync: SystemSync(),
                                                          mode: ArchiveModes.of(archive: directory).file)) != nil
        }
        return (index, refresh)
    }

    /// Whether every part was built from the journal files as they are now.
    public func isFresh(directory: String, lanes: Int = 2) -> Bool {
        guard archiveKey == Self.key(of: directory + "/journal/archive.jsonl") else { return false }
        let dir = FileIO.open(directory + "/journal/meetings", O_RDONLY | O_DIRECTORY)
        guard dir >= 0 else { return parts.isEmpty }
        defer { close(dir) }
        // Thousands of stat calls, relative to the folder, split between threads.
        nonisolated(unsafe) var stale = [Bool](repeating: false, count: lanes)
        stale.withUnsafeMutableBufferPointer { out in
            nonisolated(unsafe) let out = out
            DispatchQueue.concurrentPerform(iterations: lanes) { lane in
                for i in stride(from: lane, to: parts.count, by: lanes)
                where parts[i].key != Self.key(of: parts[i].meetingID + ".jsonl", in: dir) {
                    out[lane] = true
                    return
                }
            }
        }
        return !stale.contains(true)
    }

    /// Looks at the journal files of the parts `work` has not yet handed out, a few at a
    /// time, until there are none left or one has changed; several threads may share it.
    func check(_ work: JournalCheck, in dir: Int32) {
        let chunk = 64
        while !work.stale.load(ordering: .relaxed) {
            let start = work.next.wrappingAdd(chunk, ordering: .relaxed).oldValue
            guard start < parts.count else { return }
            for i in start..<min(start + chunk, parts.count) where parts[i].key != Self.key(of: parts[i].meetingID + ".jsonl", in: dir) {
                work.stale.store(true, ordering: .relaxed)
                return
            }
        }
    }

    /// Searches the archive in `directory`: the index file is searched while, on another
    /// thread, the journal files are looked at; only when a part turns out stale is the
    /// index brought up to date (see `open`) and searched again.
    public static func search(directory: String, save: Bool, terms: [String], committee: String? = nil,
                              includeConfidential: Bool = false, limit: Int = 200) throws -> (SearchIndex, SearchResults) {
        try search(directory: directory, save: save, terms: terms, committee: committee,
                   confidentialIn: { _ in includeConfidential }, limit: limit)
    }

    /// The same, with closed items listed only for the committees `confidentialIn` allows.
    public static func search(directory: String, save: Bool, terms: [String], committee: String? = nil,
                              confidentialIn: @escaping @Sendable (CommitteeID) -> Bool,
                              limit: Int = 200) throws -> (SearchIndex, SearchResults) {
        if let old = read(from: directory + "/" + relativePath) {
            let dir = FileIO.open(directory + "/journal/meetings", O_RDONLY | O_DIRECTORY)
            defer { if dir >= 0 { close(dir) } }
            let work = JournalCheck()
            nonisolated(unsafe) var results: SearchResults?
            nonisolated(unsafe) var committeeID: CommitteeID?
            nonisolated(unsafe) var failure: (any Error)?
            // One thread looks at the journal files while the other searches, then helps it.
            DispatchQueue.concurrentPerform(iterations: 2) { lane in
                if lane == 1 {
                    do {
                        committeeID = try committee.map { try old.committee(matching: $0) }
                        results = old.search(terms, committee: committeeID, confidentialIn: confidentialIn,
                                             limit: limit, lanes: 1)
                    } catch {
                        failure = error
                    }
                }
                if dir >= 0 { old.check(work, in: dir) }
            }
            let partsFresh = dir >= 0 ? !work.stale.load(ordering: .relaxed) : old.parts.isEmpty
            if partsFresh, old.archiveKey == Self.key(of: directory + "/journal/archive.jsonl") {
                if let failure { throw failure }
                if let results { return (old, results) }
            }
        }
        let (index, _) = try open(directory: directory, save: save)
        let id = try committee.map { try index.committee(matching: $0) }
        return (index, index.search(terms, committee: id, confidentialIn: confidentialIn, limit: limit))
    }

    /// Reads the index file; nil when it is missing or does not hold together.
    public static func read(from path: String) -> SearchIndex? {
        guard let bytes = IndexBytes(mapping: path) else { return nil }
        return decode(bytes)
    }

    static func decode(_ bytes: [UInt8]) -> SearchIndex? {
        decode(IndexBytes(copying: bytes))
    }

    static func decode(_ storage: IndexBytes) -> SearchIndex? {
        let bytes = storage.buffer
        var lines = LineCursor(bytes: bytes, position: 0)
        guard let headerLine = lines.next() else { return nil }
        let header = fields(bytes, headerLine)
        guard header.count == 7, header[0] == magic, header[1] == "3",
              let aSize = UInt64(header[2]), let aTime = Int64(header[3]), let count = Int(header[4]),
              let aLength = Int(header[5]), let aFolded = Int(header[6]), count >= 0, aLength >= 0,
              (0...aLength).contains(aFolded) else { return nil }
        var parts: [Part] = []
        parts.reserveCapacity(count)
        var lengths: [Int] = []
        for _ in 0..<count {
            guard let line = lines.next() else { return nil }
            let f = fields(bytes, line)
            guard f.count == 7, validMeetingID(f[0]), let size = UInt64(f[1]), let time = Int64(f[2]), let length = Int(f[3]),
                  let folded = Int(f[4]), length >= 0, (0...length).contains(folded)
            else { return nil }
            parts.append(Part(meetingID: f[0], key: Key(size: size, mtime: time), range: 0..<0, folded: folded,
                              committeeID: f[5], date: f[6]))
            lengths.append(length)
        }
        let start = lines.position
        guard start + aLength <= bytes.count else { return nil }
        var offset = start + aLength
        for i in parts.indices {
            guard offset + lengths[i] <= bytes.count else { return nil }
            parts[i].range = offset..<(offset + lengths[i])
            offset += lengths[i]
        }
        // A truncated or lengthened file is not this index.
        guard offset == bytes.count else { return nil }
        // Every part's lines and folded lines end a line: one cut in the middle is damage.
        let archive = start..<(start + aLength)
        let blocks = [split(archive, aFolded)] + parts.map { split($0.range, $0.folded) }
        for range in blocks.flatMap({ [$0.lines, $0.folded] }) where !range.isEmpty {
            guard bytes[range.upperBound - 1] == 0x0A else { return nil }
        }
        return SearchIndex(archiveKey: Key(size: aSize, mtime: aTime), archiveRange: archive, archiveFolded: aFolded,
                           parts: parts, storage: storage)
    }

    /// A part's lines, then its folded lines.
    static func split(_ range: Range<Int>, _ folded: Int) -> (lines: Range<Int>, folded: Range<Int>) {
        (range.lowerBound..<(range.upperBound - folded), (range.upperBound - folded)..<range.upperBound)
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + parts.count * 48 + 100)
        let header = [Self.magic, "3", String(archiveKey.size), String(archiveKey.mtime), String(parts.count),
                      String(archiveRange.count), String(archiveFolded)].joined(separator: "\t") + "\n"
        out += header.utf8
        for part in parts {
            var line = LineWriter()
            line.line([part.meetingID, String(part.key.size), String(part.key.mtime), String(part.range.count), String(part.folded),
                       part.committeeID, part.date])
            out += line.bytes
        }
        out += body[archiveRange]
        for part in parts { out += body[part.range] }
        return out
    }

    // MARK: Building

    /// Builds the parts that `old` lacks or holds stale. Returns whether anything was rebuilt.
    static func rebuild(from old: SearchIndex?, directory: String, refresh: inout Refresh) throws -> (SearchIndex, Bool) {
        var store: ArchiveStore?
        func openStore() throws -> ArchiveStore {
            if let store { return store }
            let opened = try ArchiveStore(directory: directory, mode: .readOnly)
            store = opened
            return opened
        }
        var body: [UInt8] = []
        // Look at each file before reading it: if it grows meanwhile, the key is older than
        // what was read, and the part is simply built again next time.
        let archiveKey = key(of: directory + "/journal/archive.jsonl")
        if let old, old.isFresh(directory: directory) { return (old, false) }
        var changed = old == nil
        let meetings: [(id: MeetingID, committeeID: CommitteeID, date: String)]
        let archiveFolded: Int
        if let old, old.archiveKey == archiveKey {
            body += old.body[old.archiveRange]
            archiveFolded = old.archiveFolded
            meetings = old.parts.map { ($0.meetingID, $0.committeeID, $0.date) }
        } else {
            let state = try openStore().state
            let (bytes, folded) = archivePart(state)
            body += bytes
            archiveFolded = folded
            // Newest first, the order results are listed in: a search can stop listing early.
            meetings = state.meetings.values.sorted { ($1.date, $0.id) < ($0.date, $1.id) }.map { ($0.id, $0.committeeID, $0.date.iso) }
            refresh.archiveIndexed = true
            changed = true
        }
        let archiveRange = 0..<body.count
        var oldParts: [MeetingID: Part] = [:]
        for part in old?.parts ?? [] { oldParts[part.meetingID] = part }
        var parts: [Part] = []
        parts.reserveCapacity(meetings.count)
        for (id, committeeID, date) in meetings {
            let path = directory + "/journal/meetings/\(id).jsonl"
            let key = key(of: path)
            let start = body.count
            var folded = 0
            if let old, let part = oldParts[id], part.key == key {
                body += old.body[part.range]
                folded = part.folded
            } else {
                let s = try openStore()
                if key != .missing {
                    let (bytes, foldedBytes) = meetingPart(try s.record(of: id))
                    body += bytes
                    folded = foldedBytes
                    s.unload(id)
                }
                refresh.meetingsIndexed += 1
                changed = true
            }
            parts.append(Part(meetingID: id, key: key, range: start..<body.count, folded: folded, committeeID: committeeID, date: date))
        }
        if let old, old.parts.count != parts.count { changed = true }
        return (SearchIndex(archiveKey: archiveKey, archiveRange: archiveRange, archiveFolded: archiveFolded, parts: parts,
                            storage: IndexBytes(copying: body)), changed)
    }

    static func archivePart(_ state: ArchiveState) -> (bytes: [UInt8], folded: Int) {
        var out = PartWriter()
        for c in state.committeeList { out.plain(["C", c.id, c.code, c.name]) }
        for p in state.people.values.sorted(by: { $0.id < $1.id }) {
            out.searchable(["N", p.id, p.formalName], folded: p.formalName)
        }
        for a in state.actions.values.sorted(by: { $0.id < $1.id }) {
            let owner = state.ownerName(a.owner)
            out.searchable(["A", a.confidential ? "1" : "0", a.meetingID, a.itemID ?? "-", a.id, owner, a.text],
                           folded: a.text + " " + owner)
        }
        return out.result
    }

    static func meetingPart(_ record: MeetingRecord) -> (bytes: [UInt8], folded: Int) {
        var out = PartWriter()
        let closed = Access.confidentialItems(of: record)
        func flag(_ item: ItemID) -> String { closed.contains(item) ? "1" : "0" }
        for item in record.items {
            out.searchable(["I", flag(item.id), item.id, record.number(of: item.id), item.title], folded: item.title)
        }
        for entry in record.entries {
            out.searchable(["E", flag(entry.itemID), entry.itemID, entry.id, entry.kind.rawValue, entry.text], folded: entry.text)
        }
        for vote in record.votes {
            out.searchable(["V", flag(vote.itemID), vote.itemID, vote.id, vote.motion], folded: vote.motion)
        }
        for d in record.declarations {
            out.searchable(["D", flag(d.itemID), d.itemID, d.id, d.personID, d.interest], folded: d.interest)
        }
        for a in record.attendance { out.plain(["P", a.personID, a.presence.label]) }
        return out.result
    }

    static func key(of name: String, in dir: Int32) -> Key {
        var st = stat()
        guard fstatat(dir, name, &st, 0) == 0 else { return .missing }
        return Key(size: UInt64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    static func key(of path: String) -> Key {
        var st = stat()
        guard stat(path, &st) == 0 else { return .missing }
        return Key(size: UInt64(st.st_size), mtime: Int64(st.st_mtim.tv_sec) * 1_000_000_000 + Int64(st.st_mtim.tv_nsec))
    }

    /// Meeting ids name files: one read from a damaged index must not name a path outside the archive.
    static func validMeetingID(_ id: String) -> Bool {
        !id.isEmpty && id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

}

/// The journal files still to be looked at, shared between threads.
final class JournalCheck: Sendable {
    let next = Atomic<Int>(0)
    let stale = Atomic<Bool>(false)
}

/// The index's bytes: the file mapped into memory (nothing is copied, and only the pages a
/// search touches are read), or bytes just built.
final class IndexBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    private let mapped: Bool

    init?(mapping path: String) {
        let fd = FileIO.open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let size = try? FileIO.size(fd), size > 0,
              let address = mmap(nil, Int(size), PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: Int(size))
        mapped = true
    }

    init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count)
        mapped = false
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            UnsafeMutableBufferPointer(mutating: buffer).deallocate()
        }
    }
}

// MARK: Lines and fields

/// A part being built: its lines, and one folded line for each searchable line, kept
/// apart so that a search scans the folded text alone.
struct PartWriter {
    var lines = LineWriter()
    var folded = LineWriter()

    /// A line and its folded line, which begins with the line's confidential flag (the
    /// second field of every searchable line but N).
    mutating func searchable(_ fields: [String], folded text: String) {
        lines.line(fields)
        let closed = fields.count > 1 && fields[0] != "N" && fields[1] == "1"
        folded.line([(closed ? "1" : "0") + SearchText.fold(text)])
    }

    mutating func plain(_ fields: [String]) { lines.line(fields) }

    var result: (bytes: [UInt8], folded: Int) { (lines.bytes + folded.bytes, folded.bytes.count) }
}

struct LineWriter {
    var bytes: [UInt8] = []

    mutating func line(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(0x09) }
            for byte in field.utf8 {
                switch byte {
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x0A)
    }

    /// A folded query term in the form it has inside the index.
    static func escaped(_ text: String) -> [UInt8] {
        var writer = LineWriter()
        writer.line([text])
        return Array(writer.bytes.dropLast())
    }
}

struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = end ?? bytes.count
    }

    /// The next line (without its "\n"), or nil at the end or at a last line without "\n".
    mutating func next() -> Range<Int>? {
        guard position < end else { return nil }
        guard let found = memchr(bytes.baseAddress! + position, 0x0A, end - position) else { return nil }
        let newline = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        defer { position = newline + 1 }
        return position..<newline
    }
}

/// The tab-separated fields of a line, unescaped.
func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [String] {
    var result: [String] = []
    // Most lines hold no escape: their fields are taken as they are.
    if memchr(bytes.baseAddress! + line.lowerBound, 0x5C, line.count) == nil {
        var start = line.lowerBound
        for i in line where bytes[i] == 0x09 {
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            start = i + 1
        }
        result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<line.upperBound]), as: UTF8.self))
        return result
    }
    var field: [UInt8] = []
    var i = line.lowerBound
    while i < line.upperBound {
        let b = bytes[i]
        if b == 0x09 {
            result.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        } else if b == 0x5C, i + 1 < line.upperBound {
            i += 1
            switch bytes[i] {
            case UInt8(ascii: "t"): field.append(0x09)
            case UInt8(ascii: "n"): field.append(0x0A)
            case UInt8(ascii: "r"): field.append(0x0D)
            default: field.append(bytes[i])
            }
        } else {
            field.append(b)
        }
        i += 1
    }
    result.append(String(decoding: field, as: UTF8.self))
    return result
}
