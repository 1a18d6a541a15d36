/// One record of a segment, as read back from disk.
public struct JournalRecord: Sendable, Equatable {
    /// Per-segment sequence number: 1 for the first record, then +1 per record.
    public var seq: UInt64
    /// Event type, e.g. `"minutes.edited"`.
    public var type: String
    /// Event version (the `"v"` key).
    public var version: Int
    /// ISO-8601 UTC timestamp given by the writer, e.g. `"2026-11-23T18:55:00Z"`.
    public var at: String
    /// Raw UTF-8 JSON bytes of the payload object, exactly as stored.
    public var data: [UInt8]

    public init(seq: UInt64, type: String, version: Int, at: String, data: [UInt8]) {
        self.seq = seq
        self.type = type
        self.version = version
        self.at = at
        self.data = data
    }
}

/// A record to append; the segment assigns its sequence number.
public struct NewRecord: Sendable, Equatable {
    public var type: String
    public var version: Int
    public var at: String
    /// Already-encoded JSON object (UTF-8). Must be a single line: no raw `\n` or `\r`.
    public var data: [UInt8]

    public init(type: String, version: Int, at: String, data: [UInt8]) {
        self.type = type
        self.version = version
        self.at = at
        self.data = data
    }

    /// Convenience for payloads held as a string of JSON.
    public init(type: String, version: Int, at: String, json: String) {
        self.init(type: type, version: version, at: at, data: Array(json.utf8))
    }
}

/// A record together with where its line lies in the segment file.
public struct LocatedRecord: Sendable, Equatable {
    /// Byte offset of the first byte (`{`) of the record's line.
    public var offset: UInt64
    /// Byte offset just past the line's terminating `\n`: where the next record starts.
    public var end: UInt64
    public var record: JournalRecord

    public init(offset: UInt64, end: UInt64, record: JournalRecord) {
        self.offset = offset
        self.end = end
        self.record = record
    }
}

/// What is wrong with a segment after its last valid record.
public enum SegmentDamage: Sendable, Equatable, CustomStringConvertible {
    /// Bytes from `offset` to the end of the file hold no valid record: an append that was
    /// cut short (crash, power loss) or trailing garbage. Safe to set aside.
    case tornTail(offset: UInt64, byteCount: UInt64)
    /// The line starting at `offset` (1-based `line` number in the file) is not a valid
    /// record, yet valid records follow it. Needs a human; never truncated automatically.
    case corrupt(offset: UInt64, line: Int, reason: String)

    public var offset: UInt64 {
        switch self {
        case .tornTail(let offset, _), .corrupt(let offset, _, _): offset
        }
    }

    public var description: String {
        switch self {
        case .tornTail(let offset, let count):
            "torn tail: \(count) byte(s) from offset \(offset) to end of file hold no valid record"
        case .corrupt(let offset, let line, let reason):
            "corrupt record at line \(line), byte offset \(offset): \(reason)"
        }
    }
}

/// Result of reading a segment.
public struct ReadResult: Sendable, Equatable {
    /// Valid records, in order, up to the first damage.
    public var records: [LocatedRecord]
    /// Offset just past the last valid record (or the starting offset if there is none):
    /// where a follower resumes reading.
    public var endOffset: UInt64
    /// Sequence number of the last valid record, or the one before the starting point
    /// when no record was read (0 at the start of a segment).
    public var lastSeq: UInt64
    /// Damage found after the valid records, if any.
    public var damage: SegmentDamage?

    public init(records: [LocatedRecord], endOffset: UInt64, lastSeq: UInt64, damage: SegmentDamage?) {
        self.records = records
        self.endOffset = endOffset
        self.lastSeq = lastSeq
        self.damage = damage
    }
}
