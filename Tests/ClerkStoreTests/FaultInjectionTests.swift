#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import ClerkStore

/// Damage done to real files, then read back and reopened by a writer. Every test reports
/// acknowledged-records-lost, damaged-records-accepted and valid-records-truncated, and
/// requires all three to be zero.
@Suite struct FaultInjectionTests {
    /// Cut a 20-record journal at every byte offset.
    @Test func truncateAtEveryByte() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let original = try buildSegment(dir.file("orig.jsonl"), count: 20)
        let starts = lineStarts(original)  // starts[k] = offset of record k+1; last = size
        let path = dir.file("cut.jsonl")
        var figures = Figures()

        for cut in 0...original.count {
            figures.cases += 1
            try? FileManager.default.removeItem(atPath: path + ".broken")
            writeBytes(Array(original[0..<cut]), to: path)
            let whole = starts.dropFirst().filter { $0 <= cut }.count  // records wholly before the cut
            let boundary = starts[whole]

            let read = try Segment(path: path, mode: .readOnly).read()
            let seqs = read.records.map(\.record.seq)
            figures.acknowledgedLost += max(0, whole - seqs.count)
            figures.damagedAccepted += seqs.filter { $0 > UInt64(whole) }.count
            #expect(seqs == (0..<whole).map { UInt64($0 + 1) })
            #expect(read.endOffset == UInt64(boundary))
            #expect(read.damage == (cut == boundary ? nil : .tornTail(offset: UInt64(boundary), byteCount: UInt64(cut - boundary))))

            let writer = try Segment(path: path, mode: .append)
            let after = readBytes(path)
            if after.count < boundary || Array(after.prefix(boundary)) != Array(original[0..<boundary]) {
                figures.validTruncated += 1
            }
            #expect(after == Array(original[0..<boundary]))
            if cut != boundary {
                let broken = readBytes(path + ".broken")
                let tail = Array(original[boundary..<cut])
                #expect(broken.count >= tail.count && String(decoding: broken, as: UTF8.self)
                    .hasPrefix("#clerk-set-aside offset=\(boundary) bytes=\(cut - boundary) "))
                #expect(broken.firstRange(of: tail) != nil)
            } else {
                #expect(!fileExists(path + ".broken"))
            }
            #expect(try writer.append([sample(99)]) == [UInt64(whole + 1)])
            writer.close()
        }
        #expect(figures.cases == original.count + 1)
        figures.expectAllZero("truncate at every byte (\(original.count + 1) offsets)")
    }

    /// Flip every bit of a 10-record journal, one flip at a time.
    @Test func flipEveryBit() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let original = try buildSegment(dir.file("orig.jsonl"), count: 10)
        let starts = lineStarts(original)
        let n = starts.count - 1
        let path = dir.file("flip.jsonl")
        var figures = Figures()
        var torn = 0
        var corrupt = 0

        for byte in 0..<original.count {
            let k = starts.lastIndex { $0 <= byte }!  // 0-based index of the damaged record
            for bit in 0..<8 {
                figures.cases += 1
                var damaged = original
                damaged[byte] ^= UInt8(1 << bit)
                try? FileManager.default.removeItem(atPath: path + ".broken")
                writeBytes(damaged, to: path)

                let read = try Segment(path: path, mode: .readOnly).read()
                let seqs = read.records.map(\.record.seq)
                figures.acknowledgedLost += max(0, k - seqs.count)
                figures.damagedAccepted += seqs.filter { $0 > UInt64(k) }.count
                #expect(seqs == (0..<k).map { UInt64($0 + 1) })
                for (i, r) in read.records.enumerated() {
                    #expect(r.offset == UInt64(starts[i]) && r.end == UInt64(starts[i + 1]))
                }
                let start = UInt64(starts[k])
                if k == n - 1 {
                    torn += 1
                    #expect(read.damage == .tornTail(offset: start, byteCount: UInt64(original.count) - start),
                            "byte \(byte) bit \(bit)")
                } else {
                    corrupt += 1
                    guard case .corrupt(let offset, let line, _) = read.damage else {
                        Issue.record("byte \(byte) bit \(bit): expected corruption, got \(String(describing: read.damage))")
                        continue
                    }
                    #expect(offset == start && line == k + 1)
                }

                // A writer: sets a damaged last record aside, refuses mid-file damage.
                do {
                    let writer = try Segment(path: path, mode: .append)
                    writer.close()
                    #expect(k == n - 1, "writer accepted mid-file damage at byte \(byte) bit \(bit)")
                    let after = readBytes(path)
                    if after != Array(original[0..<starts[k]]) { figures.validTruncated += 1 }
                    #expect(readBytes(path + ".broken").firstRange(of: Array(damaged[starts[k]...])) != nil)
                } catch let error as JournalError {
                    #expect(k < n - 1)
                    #expect(error == .corrupt(path: path, line: k + 1, offset: start, reason: corruptReason(read.damage)))
                    if readBytes(path) != damaged { figures.validTruncated += 1 }
                    #expect(!fileExists(path + ".broken"))
                }
            }
        }
        print("[fault-injection] bit flips: \(torn) in the last record (torn tail), \(corrupt) earlier (corruption)")
        figures.expectAllZero("flip every bit (\(original.count * 8) flips)")
    }

    private func corruptReason(_ damage: SegmentDamage?) -> String {
        if case .corrupt(_, _, let reason) = damage { return reason }
        return ""
    }

    /// Zero bytes, garbage and near-records after the last valid record.
    @Test func garbageTails() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let original = try buildSegment(dir.file("orig.jsonl"), count: 5)
        let lastLine = Array(original[lineStarts(original)[4]...])
        var rng = SystemRandomNumberGenerator()
        let tails: [(String, [UInt8])] = [
            ("1 zero byte", [0]),
            ("4096 zero bytes", [UInt8](repeating: 0, count: 4096)),
            ("zeros with newlines", [0, 0, 0x0A, 0, 0x0A]),
            ("random garbage", (0..<300).map { _ in UInt8.random(in: 0...255, using: &rng) }),
            ("text lines", Array("hello\nworld\n".utf8)),
            ("half a record", Array(lastLine.prefix(lastLine.count / 2))),
            ("record without newline", Array(lastLine.dropLast())),
            ("repeated last record (wrong seq)", lastLine),
            ("newline only", [0x0A]),
        ]
        var figures = Figures()
        for (label, tail) in tails {
            figures.cases += 1
            let path = dir.file("g.jsonl")
            try? FileManager.default.removeItem(atPath: path + ".broken")
            writeBytes(original + tail, to: path)
            let read = try Segment(path: path, mode: .readOnly).read()
            figures.acknowledgedLost += max(0, 5 - read.records.count)
            figures.damagedAccepted += max(0, read.records.count - 5)
            #expect(read.damage == .tornTail(offset: UInt64(original.count), byteCount: UInt64(tail.count)), "\(label)")
            let writer = try Segment(path: path, mode: .append)
            if readBytes(path) != original { figures.validTruncated += 1 }
            #expect(readBytes(path + ".broken").firstRange(of: tail) != nil, "\(label)")
            #expect(try writer.append([sample(6)]) == [6])
        }
        // Garbage followed by a valid record is corruption, not a tail: nothing is cut.
        let path = dir.file("mid.jsonl")
        let damaged = original + Array("garbage\n".utf8) + original
        writeBytes(damaged, to: path)
        let read = try Segment(path: path, mode: .readOnly).read()
        #expect(read.damage == .corrupt(offset: UInt64(original.count), line: 6, reason: corruptReason(read.damage)))
        #expect(throws: JournalError.self) { try Segment(path: path, mode: .append) }
        #expect(readBytes(path) == damaged)
        figures.expectAllZero("garbage tails (\(tails.count) kinds)")
    }

    /// Recovery that was interrupted must not lose or duplicate: the tail already copied to
    /// `.broken` is copied again (appended) rather than lost.
    @Test func brokenFileAccumulates() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        let original = try buildSegment(path, count: 3)
        writeBytes(original + Array("first".utf8), to: path)
        _ = try Segment(path: path, mode: .append)
        writeBytes(original + Array("second".utf8), to: path)
        _ = try Segment(path: path, mode: .append)
        let broken = String(decoding: readBytes(path + ".broken"), as: UTF8.self)
        let lines = broken.split(separator: "\n")
        #expect(lines.count == 4)
        #expect(lines[0].hasPrefix("#clerk-set-aside offset=\(original.count) bytes=5 at="))
        #expect(lines[1] == "first")
        #expect(lines[3] == "second")
        #expect(readBytes(path) == original)
    }

    /// A failing fdatasync: nothing is acknowledged while it fails; every later append
    /// first reopens the segment (and fails while the fault lasts); once the disk works, the
    /// reopen keeps the record whose flush failed — written again and flushed, so it is on
    /// disk and not only in the page cache — and appending carries on after it.
    @Test func failingSyncIsNeverAcknowledgedAndRecovers() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        let policy = ScriptedSync()
        let seg = try Segment(path: path, mode: .append, sync: policy)
        policy.arm(failing: [4, 5, 6])
        var acknowledged: [UInt64] = []
        var refused = 0
        for i in 1...6 {
            do {
                acknowledged += try seg.append([sample(i)])
            } catch let error as JournalError {
                refused += 1
                guard case .syncFailed = error else { Issue.record("got \(error)"); continue }
            }
        }
        #expect(acknowledged == [1, 2, 3])
        #expect(refused == 3)
        #expect(seg.needsRecovery)
        // Appends 5 and 6 never got as far as writing: each reopen failed first.
        #expect(policy.failures == 3)
        #expect(try Segment(path: path, mode: .readOnly).read().records.count == 4)

        // The fault clears: the record whose flush failed is kept once, not written twice.
        acknowledged += try seg.append([sample(7)])
        #expect(acknowledged == [1, 2, 3, 5])
        #expect(!seg.needsRecovery)
        let read = try Segment(path: path, mode: .readOnly).read()
        var figures = Figures(cases: 1)
        let seqs = read.records.map(\.record.seq)
        figures.acknowledgedLost = acknowledged.filter { !seqs.contains($0) }.count
        figures.damagedAccepted = read.damage == nil ? 0 : 1
        #expect(seqs == [1, 2, 3, 4, 5])
        #expect(read.records.map { String(decoding: $0.record.data, as: UTF8.self) } == (1...4).map { #"{"i":\#($0)}"# } + [#"{"i":7}"#])
        figures.expectAllZero("failing fdatasync on append, then recovery")
    }

    /// A failing sync while setting a torn tail aside leaves the segment untouched.
    @Test func failingSyncDuringRecoveryTruncatesNothing() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        let original = try buildSegment(path, count: 4)
        let torn = original + Array(#"{"seq":5,"ty"#.utf8)
        writeBytes(torn, to: path)
        #expect(throws: JournalError.self) {
            try Segment(path: path, mode: .append, sync: FailingSync(allowedDataSyncs: 0))
        }
        var figures = Figures(cases: 1)
        if readBytes(path) != torn { figures.validTruncated += 1 }
        let writer = try Segment(path: path, mode: .append)
        #expect(readBytes(path) == original)
        #expect(try writer.append([sample(5)]) == [5])
        figures.expectAllZero("failing fdatasync during recovery")
    }

    /// A read-only reader changes nothing, even with a torn tail.
    @Test func readOnlyReaderNeverModifies() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        let original = try buildSegment(path, count: 6)
        let torn = original + Array(#"{"seq":7,"type":"te"#.utf8)
        writeBytes(torn, to: path)
        var before = stat()
        stat(path, &before)
        usleep(20_000)
        let reader = try Segment(path: path, mode: .readOnly)
        for _ in 0..<3 {
            let read = try reader.read()
            #expect(read.records.count == 6)
            #expect(read.damage == .tornTail(offset: UInt64(original.count), byteCount: UInt64(torn.count - original.count)))
            #expect(reader.hasGrown(since: read.endOffset))
        }
        reader.close()
        var after = stat()
        stat(path, &after)
        #expect(readBytes(path) == torn)
        #expect(after.st_mtim.tv_sec == before.st_mtim.tv_sec && after.st_mtim.tv_nsec == before.st_mtim.tv_nsec)
        #expect(after.st_size == before.st_size)
        #expect(!fileExists(path + ".broken"))
    }
}
