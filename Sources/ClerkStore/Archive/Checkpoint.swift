import ClerkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The archive state folded up to a byte offset of the archive segment. It is derived
/// data: when it is missing, stale or damaged the archive is replayed from the journal,
/// which is always the truth.
///
/// File: a header line `{"bytes":…,"format":"clerk-checkpoint","lastLine":"…","offset":…,"seq":…,"version":3}`,
/// then the state in the form `CheckpointCodec` describes. `lastLine` is the checksum of the record that ends
/// at `offset`, so a checkpoint taken of another journal is never applied to this one;
/// `bytes` is the body's length, checked against the file's size.
struct Checkpoint {
    var offset: UInt64
    var seq: UInt64
    var state: ArchiveState
    /// False when only the part of the state a scope needs was read.
    var isWhole = true

    private struct Header: Codable {
        var format: String
        var version: Int
        var offset: UInt64
        var seq: UInt64
        var lastLine: String
        /// The body's length (version 3): a scope reads only the start of the body, so a
        /// file cut short is caught by its size, not by reading to its end.
        var bytes: UInt64?
    }

    static func read(from path: String, segment: Segment, scope: ArchiveScope = .everything) -> Checkpoint? {
        var header: Header?
        var decoder = CheckpointCodec.Decoder(scope: scope)
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        do {
            try LineReader.forEachLine(ofFile: path) { line in
                if header != nil {
                    if try decoder.line(line) == .enough { throw LineReader.Stop() }
                    return
                }
                let h = try JSONDecoder().decode(Header.self, from: Data(line))
                guard h.format == "clerk-checkpoint", h.version == 2 || h.version == 3,
                      h.version == 2 || UInt64(line.count + 1) + (h.bytes ?? 0) == UInt64(info.st_size),
                      segment.lastLineChecksum(endingAt: h.offset) == h.lastLine else { throw CheckpointCodec.Malformed() }
                header = h
            }
            guard let header else { return nil }
            return Checkpoint(offset: header.offset, seq: header.seq, state: try decoder.finish(), isWhole: decoder.isWhole)
        } catch is LineReader.Stop {
            guard let header, let state = try? decoder.finish() else { return nil }
            return Checkpoint(offset: header.offset, seq: header.seq, state: state, isWhole: decoder.isWhole)
        } catch {
            return nil
        }
    }

    func write(to path: String, segment: Segment, sync: any SyncPolicy, mode: mode_t) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let body = try CheckpointCodec.encode(state)
        let header = Header(format: "clerk-checkpoint", version: 3, offset: offset, seq: seq,
                            lastLine: segment.lastLineChecksum(endingAt: offset) ?? "", bytes: UInt64(body.count))
        var bytes = Array(try encoder.encode(header))
        bytes.append(UInt8(ascii: "\n"))
        bytes += body
        try Durable.writeAtomically(bytes, to: path, sync: sync, mode: mode)
    }
}

extension Segment {
    /// The checksum of the record that ends exactly at `offset` ("" at the start of the
    /// file), or nil when no record ends there.
    func lastLineChecksum(endingAt offset: UInt64) -> String? {
        if offset == 0 { return "" }
        guard offset >= 20 else { return nil }
        let fd = FileIO.open(path, O_RDONLY | O_NOFOLLOW)
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

/// Reads a file a line at a time in large blocks, handing each complete line (without its
/// "\n") to `body`. A last line without "\n" means the file is incomplete: an error.
enum LineReader {
    struct Incomplete: Error {}
    /// Thrown by `body` to stop reading early: the lines after it are not read.
    struct Stop: Error {}

    static func forEachLine(ofFile path: String, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        let fd = FileIO.open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { throw SystemCallError(call: "open(\(path))", errno: errno) }
        defer { Glibc.close(fd) }
        var buffer = [UInt8](repeating: 0, count: 1 << 18)
        var filled = 0
        while true {
            if filled == buffer.count { buffer += [UInt8](repeating: 0, count: buffer.count) }
            let n = buffer.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress! + filled, raw.count - filled)
            }
            if n < 0 {
                if errno == EINTR { continue }
                throw SystemCallError(call: "read(\(path))", errno: errno)
            }
            if n == 0 { break }
            filled += n
            var consumed = 0
            try buffer.withUnsafeBufferPointer { all in
                while let newline = all[consumed..<filled].firstIndex(of: 0x0A) {
                    try body(UnsafeBufferPointer(rebasing: all[consumed..<newline]))
                    consumed = newline + 1
                }
            }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    let base = raw.baseAddress!
                    memmove(base, base + consumed, filled - consumed)
                }
                filled -= consumed
            }
        }
        if filled > 0 { throw Incomplete() }
    }
}
