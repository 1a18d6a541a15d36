import ClerkCore
import Foundation

extension ArchiveStore {
    /// The confidential items of a meeting (with their sub-items), folding only the agenda's
    /// records of its segment: deciding which actions to hide from a person needs the flags of
    /// every meeting that raised one, not their minutes. A meeting already open is not read again.
    public func confidentialItems(of id: MeetingID) throws -> Set<ItemID> {
        try catchUpIfUnchecked(id)  // one `follow` passed over
        if let loaded = loadedRecord(id) {
            // An agenda record that could not be read may have been a confidential item: in doubt, the caller hides.
            guard unreadableRecords(id) == 0 else { throw StoreError("meeting '\(id)' has records set aside; run 'clerk check'") }
            return Access.confidentialItems(of: loaded)
        }
        guard state.meetings[id] != nil else { throw StoreError("no meeting '\(id)'; run 'clerk meetings' to list meeting ids") }
        let path = try meetingPath(id)
        guard FileManager.default.fileExists(atPath: path) else { return [] }
        let segment = try Segment(path: path, mode: .readOnly, sync: SystemSync())
        defer { segment.close() }  // read once: the file is not kept open
        let result = try segment.read()
        var agenda = MeetingRecord(meetingID: id)
        for located in result.records where located.record.type.hasPrefix("agenda.item-") {
            // Read as the meeting's record is: a record that cannot be read means in doubt (the caller hides).
            switch Self.decode(located.record) {
            case .success(let event):
                if ArchiveCheck.referenceProblem(event, in: state) == nil { agenda.apply(event) }
            case .failure(let error):
                throw StoreError("\(Self.source(path, located.record)): \(error)")
            }
        }
        try Self.refuseCorruption(result, path: path)
        return Access.confidentialItems(of: agenda)
    }

    /// Whether an agenda item is confidential (or under one), reading each meeting's agenda
    /// once, when first asked. A meeting that cannot be read counts every item as
    /// confidential: in doubt, what hangs off it stays out of what others are shown.
    public func confidentialItemLookup() -> (MeetingID, ItemID) -> Bool {
        var known: [MeetingID: Set<ItemID>?] = [:]
        return { [self] meeting, item in
            if known[meeting] == nil { known[meeting] = .some(try? confidentialItems(of: meeting)) }
            guard let items = known[meeting] ?? nil else { return true }
            return items.contains(item)
        }
    }

    /// The size of a meeting's journal file (nil when it has none): whether what was read
    /// from it may have changed since.
    public func segmentSize(of id: MeetingID) -> UInt64? {
        guard let path = try? meetingPath(id) else { return nil }
        var info = stat()
        return stat(path, &info) == 0 ? UInt64(info.st_size) : nil
    }
}
