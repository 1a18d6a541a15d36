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

    func write(to path: String, segment: Segment, sync: any SyncPolicy) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let header = Header(format: "clerk-checkpoint", version: 1, offset: offset, seq: seq,
                            lastLine: segment.lastLineChecksum(endingAt: offset) ?? "")
        var bytes = Array(try encoder.encode(header))
        bytes.append(UInt8(ascii: "\n"))
        bytes += Array(try encoder.encode(state))
        bytes.append(UInt8(ascii: "\n"))
        try Durable.writeAtomically(bytes, to: path, sync: sync)
    }
}

extension Segment {
    /// The checksum of the record that ends exactly at `offset` ("" at the start of the
    /// file), or nil when no record ends there.
    func lastLineChecksum(endingAt offset: UInt64) -> String? {
        if offset == 0 { return "" }
        guard offset >= 20 else { return nil }
        let fd = FileIO.open(path, O_RDONLY)
        guard fd >= 0 else { return nil }
        defer { Glibc.close(fd) }
        guard let tail = try? FileIO.read(fd, at: offset - 20, count: 20), tail.count == 20 else { return nil }
        // A record line ends: ,"crc":"xxxxxxxx"}\n
        let text = String(decoding: tail, as: UTF8.self)
        guard text.hasSuffix("\"}\n"), let range = text.range(of: "\"crc\":\"") else { return nil }
        let hex = text[range.upperBound...].dropLast(3)
        return hex.count == 8 ? String(hex) : nil
    }
}
