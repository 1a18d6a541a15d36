import ClerkCore
import Foundation

/// One record of the journal as history: when, by whom, and what it changed.
public struct HistoryRecord: Sendable {
    /// The segment it is in: nil for the archive segment, else the meeting's.
    public var segment: MeetingID?
    public var seq: UInt64
    /// The record's `at`, as written (ISO-8601 UTC).
    public var at: String
    /// Nil for records written without an author (older archives).
    public var author: Author?
    /// Nil when the record cannot be read as an event (set aside at open).
    public var event: Event?
}

extension ArchiveStore {
    /// Every record of the archive segment and of the meetings' segments (or of one
    /// meeting's segment and the archive segment only, when `meeting` is given), in the
    /// order written within each file. Each meeting's file is opened, read and closed in
    /// turn; nothing is folded or kept.
    public func history(meeting: MeetingID? = nil) throws -> [HistoryRecord] {
        var out: [HistoryRecord] = []
        let archive = try archiveReader.read(from: 0, afterSeq: 0)
        try Self.refuseCorruption(archive, path: archiveReader.path)
        out += archive.records.map { Self.historyRecord($0.record, segment: nil) }
        let ids = meeting.map { [$0] } ?? state.meetings.keys.sorted()
        for id in ids {
            let path = try meetingPath(id)
            guard FileManager.default.fileExists(atPath: path) else { continue }
            let segment = try Segment(path: path, mode: .readOnly, sync: sync)
            defer { segment.close() }
            let result = try segment.read(from: 0, afterSeq: 0)
            try Self.refuseCorruption(result, path: path)
            out += result.records.map { Self.historyRecord($0.record, segment: id) }
        }
        return out
    }

    static func historyRecord(_ record: JournalRecord, segment: MeetingID?) -> HistoryRecord {
        let event = try? decode(record).get()
        return HistoryRecord(segment: segment, seq: record.seq, at: record.at, author: Author.read(record.data), event: event)
    }
}
