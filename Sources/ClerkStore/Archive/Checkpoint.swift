import ClerkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The archive state folded up to a byte offset of the archive segment. It is derived
/// data: when it is missing, stale or damaged the archive is replayed from the journal,
/// which is always the truth.
///
/// File: a header line `{"format":"clerk-checkpoint","version":1,"offset":…,"seq":…,"lastLine":"…"}`,
/// then one line with the state as JSON. `lastLine` is the checksum of the record that ends
/// at `offset`, so a checkpoint taken of another journal is never applied to this one.
struct Checkpoint {
    var offset: UInt64
    var seq: UInt64
    var state: ArchiveState

    private struct Header: Codable {
        var format: String
        var version: Int
        var offset: UInt64
        var seq: UInt64
        var lastLine: String
    }

    static func read(from path: String, segment: Segment) -> Checkpoint? {
        guard let data = FileManager.default.contents(atPath: path),
              let newline = data.firstIndex(of: UInt8(ascii: "\n")),
              let header = try? JSONDecoder().decode(Header.self, from: data[data.startIndex..<newline]),
              header.format == "clerk-checkpoint", header.version == 1,
              segment.lastLineChecksum(endingAt: header.offset) == header.lastLine,
              let state = try? JSONDecoder().decode(ArchiveState.self, from: data[(newline + 1)...])
        else { return nil }
        return Checkpoint(offset: header.offset, seq: header.seq, state: state)
    }

    func write(to path: String, sync: any SyncPolicy) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let segmentPath = (path as NSString).deletingLastPathComponent + "/../journal/archive.jsonl"
        let segment = try Segment(path: segmentPath, readOnly: true, sync: sync)
        let header = Header(format: "clerk-checkpoint", version: 1, offset: offset, seq: seq,
                            lastLine: segment.lastLineChecksum(endingAt: offset) ?? "")
        var bytes = Array(try encoder.encode(header))
        bytes.append(UInt8(ascii: "\n"))
        bytes += Array(try encoder.encode(state))
        bytes.append(UInt8(ascii: "\n"))
        try Durable.writeAtomically(bytes, to: path, sync: sync)
    }
}
