import Foundation
import Testing
@testable import ClerkStore

@Suite struct SegmentTests {
    @Test func appendThenReadRoundTrips() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("deep/er/seg.jsonl")
        let seg = try Segment(path: path, mode: .append)
        let first = try seg.append([sample(1), sample(2)])
        let second = try seg.append([NewRecord(type: "minutes.edited", version: 3, at: "2026-11-23T18:55:00.123Z",
                                               json: #"{"text":"line one\nline \"two\" é ✓"}"#)])
        #expect(first == [1, 2])
        #expect(second == [3])
        #expect(seg.lastSeq == 3)

        let reader = try Segment(path: path, mode: .readOnly)
        let result = try reader.read()
        #expect(result.damage == nil)
        #expect(result.records.map(\.record.seq) == [1, 2, 3])
        #expect(result.lastSeq == 3)
        #expect(result.endOffset == UInt64(readBytes(path).count))
        let third = result.records[2].record
        #expect(third.type == "minutes.edited")
        #expect(third.version == 3)
        #expect(third.at == "2026-11-23T18:55:00.123Z")
        #expect(third.data == Array(#"{"text":"line one\nline \"two\" é ✓"}"#.utf8))
        #expect(result.records[0].offset == 0)
        #expect(result.records[1].offset == result.records[0].end)

        // Every line is a JSON object with exactly the documented keys, in order.
        let text = String(decoding: readBytes(path), as: UTF8.self)
        for line in text.split(separator: "\n") {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object != nil)
            #expect(line.hasPrefix(#"{"seq":"#))
            #expect(line.range(of: #"^\{"seq":\d+,"type":"[^"]+","v":\d+,"at":"[^"]+","data":\{.*\},"crc":"[0-9a-f]{8}"\}$"#,
                               options: .regularExpression) != nil)
        }
    }

    @Test func exactBytesOfARecord() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        let seg = try Segment(path: path, mode: .append)
        try seg.append([NewRecord(type: "meeting.opened", version: 1, at: "2026-11-23T18:55:00Z",
                                  json: #"{"meeting":"2026-11"}"#)])
        let prefix = #"{"seq":1,"type":"meeting.opened","v":1,"at":"2026-11-23T18:55:00Z","data":{"meeting":"2026-11"}"#
        let crc = CRC32C.hex(CRC32C.checksum(Array(prefix.utf8)))
        #expect(String(decoding: readBytes(path), as: UTF8.self) == prefix + #","crc":""# + crc + "\"}\n")
        // The worked example in docs/journal-format.md.
        #expect(crc == "74eafc14")
    }

    @Test func readsFromAnOffsetAndFollows() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        let writer = try Segment(path: path, mode: .append)
        try writer.append((1...5).map { sample($0) })
        let reader = try Segment(path: path, mode: .readOnly)
        let all = try reader.read()
        #expect(!reader.hasGrown(since: all.endOffset))
        try writer.append([sample(6), sample(7)])
        #expect(reader.hasGrown(since: all.endOffset))
        let more = try reader.read(from: all.endOffset, afterSeq: all.lastSeq)
        #expect(more.damage == nil)
        #expect(more.records.map(\.record.seq) == [6, 7])
        #expect(more.records[0].offset == all.endOffset)
        // Resuming from the middle without a seq accepts the first record as given.
        let tail = try reader.read(from: all.records[3].offset)
        #expect(tail.records.map(\.record.seq) == [4, 5, 6, 7])
        // A wrong expectation is reported, not skipped over.
        let wrong = try reader.read(from: all.endOffset, afterSeq: 9)
        #expect(wrong.records.isEmpty)
        if case .corrupt(let offset, let line, _) = wrong.damage {
            #expect(offset == all.endOffset)
            #expect(line == 6)
        } else {
            Issue.record("expected corruption, got \(String(describing: wrong.damage))")
        }
    }

    @Test func refusesRecordsThatCannotBeWritten() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        let seg = try Segment(path: path, mode: .append)
        let bad: [NewRecord] = [
            NewRecord(type: "", version: 1, at: "2026-11-23T18:55:00Z", json: "{}"),
            NewRecord(type: "has space", version: 1, at: "2026-11-23T18:55:00Z", json: "{}"),
            NewRecord(type: "quo\"te", version: 1, at: "2026-11-23T18:55:00Z", json: "{}"),
            NewRecord(type: "t", version: -1, at: "2026-11-23T18:55:00Z", json: "{}"),
            NewRecord(type: "t", version: 1, at: "2026-11-23 18:55:00", json: "{}"),
            NewRecord(type: "t", version: 1, at: "2026-11-23T18:55:00+01:00", json: "{}"),
            NewRecord(type: "t", version: 1, at: "2026-11-23T18:55:00Z", json: "{\n\"a\":1}"),
            NewRecord(type: "t", version: 1, at: "2026-11-23T18:55:00Z", json: "{\"a\":\"x\ry\"}"),
            NewRecord(type: "t", version: 1, at: "2026-11-23T18:55:00Z", json: "[1,2]"),
            NewRecord(type: "t", version: 1, at: "2026-11-23T18:55:00Z", json: " {}"),
            NewRecord(type: "t", version: 1, at: "2026-11-23T18:55:00Z", json: "{\"a\":}"),
            NewRecord(type: "t", version: 1, at: "2026-11-23T18:55:00Z", data: [0x7B, 0x22, 0xFF, 0x22, 0x3A, 0x31, 0x7D]),
        ]
        for record in bad {
            #expect(throws: JournalError.self) { try seg.append([sample(1), record]) }
        }
        #expect(readBytes(path).isEmpty)
        #expect(try seg.append([sample(1)]) == [1])
        #expect(try seg.append([]) == [])
    }

    @Test func readOnlySegmentRefusesAppendsAndMissingFiles() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        #expect(throws: JournalError.self) { try Segment(path: path, mode: .readOnly) }
        try buildSegment(path, count: 2)
        let reader = try Segment(path: path, mode: .readOnly)
        #expect(throws: JournalError.readOnly(path: path)) { try reader.append([sample(3)]) }
    }

    @Test func errorDescriptionsAreOneLineAndNameTheFile() {
        let errors: [JournalError] = [
            .cannotOpen(path: "/d/s", cause: "No such file"),
            .io(path: "/d/s", operation: "write", cause: "No space"),
            .syncFailed(path: "/d/s", cause: "EIO"),
            .poisoned(path: "/d/s", cause: "flush failed"),
            .corrupt(path: "/d/s", line: 7, offset: 512, reason: "checksum mismatch"),
            .invalidRecord(path: "/d/s", index: 0, reason: "bad type"),
            .readOnly(path: "/d/s"),
        ]
        for e in errors {
            #expect(!e.description.contains("\n"))
            #expect(e.description.contains("/d/s"))
        }
        #expect(JournalError.corrupt(path: "/d/s", line: 7, offset: 512, reason: "x").description.contains("line 7"))
        #expect(JournalError.corrupt(path: "/d/s", line: 7, offset: 512, reason: "x").description.contains("512"))
    }

    @Test func threadsAndSeparateHandlesNeverInterleave() async throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("seg.jsonl")
        let shared = try Segment(path: path, mode: .append)
        let other = try Segment(path: path, mode: .append)
        let acknowledged = try await withThrowingTaskGroup(of: [UInt64].self) { group in
            for t in 0..<4 {
                group.addTask {
                    var seqs: [UInt64] = []
                    for i in 0..<25 {
                        let seg = t == 3 ? other : shared
                        seqs += try seg.append([sample(t * 1000 + i), sample(t * 1000 + i, pad: 50)])
                    }
                    return seqs
                }
            }
            var all: [UInt64] = []
            for try await s in group { all += s }
            return all
        }
        #expect(acknowledged.sorted() == Array(1...200))
        let result = try Segment(path: path, mode: .readOnly).read()
        #expect(result.damage == nil)
        #expect(result.records.map(\.record.seq) == Array(1...200))
        // Each append's two records are adjacent.
        for pair in stride(from: 0, to: 200, by: 2) {
            let a = String(decoding: result.records[pair].record.data, as: UTF8.self)
            let b = String(decoding: result.records[pair + 1].record.data, as: UTF8.self)
            #expect(b.hasPrefix(String(a.dropLast())))
        }
    }

    @Test func readsALargeSegment() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let path = dir.file("big.jsonl")
        let seg = try Segment(path: path, mode: .append)
        let batch = (1...10_000).map { sample($0, pad: 100) }
        for _ in 0..<10 { try seg.append(batch) }
        let result = try Segment(path: path, mode: .readOnly).read()
        #expect(result.damage == nil)
        #expect(result.records.count == 100_000)
        #expect(result.lastSeq == 100_000)
        #expect(result.endOffset == UInt64(readBytes(path).count))
        // A writer reopening validates the whole file and continues the numbering.
        let again = try Segment(path: path, mode: .append)
        #expect(try again.append([sample(0)]) == [100_001])
    }
}
