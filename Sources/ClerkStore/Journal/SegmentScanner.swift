#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Validates record lines in a buffer of segment bytes, without touching any file.
enum SegmentScanner {
    struct Damage {
        /// Offset in the buffer where the first invalid line starts.
        var position: Int
        /// Number of complete lines (valid records) before it in the buffer.
        var linesBefore: Int
        var reason: String
        /// True when no valid record exists anywhere after `position`.
        var isTornTail: Bool
    }

    struct Outcome {
        var records: [LocatedRecord]
        /// Position just past the last valid record, relative to the buffer.
        var validEnd: Int
        var lastSeq: UInt64
        var damage: Damage?
    }

    /// Scans `buf`, whose first byte is at file offset `base`. When `afterSeq` is given,
    /// the first record must be numbered `afterSeq + 1`; otherwise any first number is
    /// accepted. Every following record must be numbered one more than the previous.
    static func scan(_ buf: UnsafeRawBufferPointer, base: UInt64, afterSeq: UInt64?) -> Outcome {
        var records: [LocatedRecord] = []
        var pos = 0
        let n = buf.count
        var expected = afterSeq.map { $0 + 1 }
        var lastSeq = afterSeq ?? 0
        guard let start = buf.baseAddress, n > 0 else {
            return Outcome(records: [], validEnd: 0, lastSeq: lastSeq, damage: nil)
        }

        func damage(_ reason: String) -> Damage {
            Damage(position: pos, linesBefore: records.count, reason: reason,
                   isTornTail: !containsValidRecord(buf, after: pos))
        }

        while pos < n {
            guard let nl = memchr(start + pos, 0x0A, n - pos) else {
                let d = damage("incomplete last line (no terminating newline)")
                return Outcome(records: records, validEnd: pos, lastSeq: lastSeq, damage: d)
            }
            let lineEnd = UnsafeRawPointer(nl) - start
            let line = UnsafeRawBufferPointer(rebasing: buf[pos..<lineEnd])
            switch RecordCodec.parse(line) {
            case .bad(let reason):
                return Outcome(records: records, validEnd: pos, lastSeq: lastSeq, damage: damage(reason))
            case .ok(let env):
                if let e = expected, env.seq != e {
                    let d = damage("sequence number \(env.seq) where \(e) was expected")
                    return Outcome(records: records, validEnd: pos, lastSeq: lastSeq, damage: d)
                }
                let record = JournalRecord(
                    seq: env.seq,
                    type: String(decoding: UnsafeRawBufferPointer(rebasing: line[env.type]), as: UTF8.self),
                    version: env.version,
                    at: String(decoding: UnsafeRawBufferPointer(rebasing: line[env.at]), as: UTF8.self),
                    data: Array(UnsafeRawBufferPointer(rebasing: line[env.data]))
                )
                records.append(LocatedRecord(offset: base + UInt64(pos), end: base + UInt64(lineEnd + 1), record: record))
                expected = env.seq + 1
                lastSeq = env.seq
                pos = lineEnd + 1
            }
        }
        return Outcome(records: records, validEnd: pos, lastSeq: lastSeq, damage: nil)
    }

    /// True if a complete, checksum-valid record line starts anywhere after `position`
    /// (not only at line starts: a damaged newline can glue a valid record onto the end
    /// of a damaged line). Sequence numbers are not checked here.
    static func containsValidRecord(_ buf: UnsafeRawBufferPointer, after position: Int) -> Bool {
        guard let start = buf.baseAddress else { return false }
        let key = RecordCodec.seqKey
        let n = buf.count
        var i = position + 1
        while i < n {
            guard let brace = memchr(start + i, Int32(key[0]), n - i) else { return false }
            let h = UnsafeRawPointer(brace) - start
            i = h + 1
            guard n - h >= key.count, memcmp(start + h, key, key.count) == 0 else { continue }
            guard let nl = memchr(start + h, 0x0A, n - h) else { return false }
            let lineEnd = UnsafeRawPointer(nl) - start
            if case .ok = RecordCodec.parse(UnsafeRawBufferPointer(rebasing: buf[h..<lineEnd])) {
                return true
            }
        }
        return false
    }

    static func countNewlines(_ buf: UnsafeRawBufferPointer) -> Int {
        guard let start = buf.baseAddress else { return 0 }
        var count = 0
        var i = 0
        while i < buf.count, let nl = memchr(start + i, 0x0A, buf.count - i) {
            count += 1
            i = UnsafeRawPointer(nl) - start + 1
        }
        return count
    }
}
