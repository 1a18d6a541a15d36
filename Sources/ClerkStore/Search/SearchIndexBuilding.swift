import ClerkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension SearchIndex {
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
