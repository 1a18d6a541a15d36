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
}

/// The journal files still to be looked at, shared between threads.
final class JournalCheck: Sendable {
    let next = Atomic<Int>(0)
    let stale = Atomic<Bool>(false)
}
