import ClerkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

// MARK: Reading and writing the file

extension SearchIndex {
    /// Reads the index file; nil when it is missing or does not hold together.
    public static func read(from path: String) -> SearchIndex? {
        guard let bytes = IndexBytes(mapping: path) else { return nil }
        return decode(bytes)
    }

    static func decode(_ bytes: [UInt8]) -> SearchIndex? {
        decode(IndexBytes(copying: bytes))
    }

    static func decode(_ storage: IndexBytes) -> SearchIndex? {
        let bytes = storage.buffer
        var lines = LineCursor(bytes: bytes, position: 0)
        guard let headerLine = lines.next() else { return nil }
        let header = fields(bytes, headerLine)
        guard header.count == 7, header[0] == magic, header[1] == "3",
              let aSize = UInt64(header[2]), let aTime = Int64(header[3]), let count = Int(header[4]),
              let aLength = Int(header[5]), let aFolded = Int(header[6]), count >= 0, aLength >= 0,
              (0...aLength).contains(aFolded) else { return nil }
        var parts: [Part] = []
        parts.reserveCapacity(count)
        var lengths: [Int] = []
        for _ in 0..<count {
            guard let line = lines.next() else { return nil }
            let f = fields(bytes, line)
            guard f.count == 7, validMeetingID(f[0]), let size = UInt64(f[1]), let time = Int64(f[2]), let length = Int(f[3]),
                  let folded = Int(f[4]), length >= 0, (0...length).contains(folded)
            else { return nil }
            parts.append(Part(meetingID: f[0], key: Key(size: size, mtime: time), range: 0..<0, folded: folded,
                              committeeID: f[5], date: f[6]))
            lengths.append(length)
        }
        let start = lines.position
        guard start + aLength <= bytes.count else { return nil }
        var offset = start + aLength
        for i in parts.indices {
            guard offset + lengths[i] <= bytes.count else { return nil }
            parts[i].range = offset..<(offset + lengths[i])
            offset += lengths[i]
        }
        // A truncated or lengthened file is not this index.
        guard offset == bytes.count else { return nil }
        // Every part's lines and folded lines end a line: one cut in the middle is damage.
        let archive = start..<(start + aLength)
        let blocks = [split(archive, aFolded)] + parts.map { split($0.range, $0.folded) }
        for range in blocks.flatMap({ [$0.lines, $0.folded] }) where !range.isEmpty {
            guard bytes[range.upperBound - 1] == 0x0A else { return nil }
        }
        return SearchIndex(archiveKey: Key(size: aSize, mtime: aTime), archiveRange: archive, archiveFolded: aFolded,
                           parts: parts, storage: storage)
    }

    /// A part's lines, then its folded lines.
    static func split(_ range: Range<Int>, _ folded: Int) -> (lines: Range<Int>, folded: Range<Int>) {
        (range.lowerBound..<(range.upperBound - folded), (range.upperBound - folded)..<range.upperBound)
    }

    func encoded() -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(body.count + parts.count * 48 + 100)
        let header = [Self.magic, "3", String(archiveKey.size), String(archiveKey.mtime), String(parts.count),
                      String(archiveRange.count), String(archiveFolded)].joined(separator: "\t") + "\n"
        out += header.utf8
        for part in parts {
            var line = LineWriter()
            line.line([part.meetingID, String(part.key.size), String(part.key.mtime), String(part.range.count), String(part.folded),
                       part.committeeID, part.date])
            out += line.bytes
        }
        out += body[archiveRange]
        for part in parts { out += body[part.range] }
        return out
    }
}

/// The index's bytes: the file mapped into memory (nothing is copied, and only the pages a
/// search touches are read), or bytes just built.
final class IndexBytes: @unchecked Sendable {
    let buffer: UnsafeBufferPointer<UInt8>
    private let mapped: Bool

    init?(mapping path: String) {
        let fd = FileIO.open(path, O_RDONLY | O_NOFOLLOW)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        guard let size = try? FileIO.size(fd), size > 0,
              let address = mmap(nil, Int(size), PROT_READ, MAP_PRIVATE, fd, 0), address != MAP_FAILED else { return nil }
        buffer = UnsafeBufferPointer(start: address.assumingMemoryBound(to: UInt8.self), count: Int(size))
        mapped = true
    }

    init(copying bytes: [UInt8]) {
        let copy = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: max(1, bytes.count))
        _ = copy.initialize(from: bytes)
        buffer = UnsafeBufferPointer(start: copy.baseAddress, count: bytes.count)
        mapped = false
    }

    deinit {
        if mapped {
            munmap(UnsafeMutableRawPointer(mutating: buffer.baseAddress), buffer.count)
        } else {
            UnsafeMutableBufferPointer(mutating: buffer).deallocate()
        }
    }
}

// MARK: Lines and fields

/// A part being built: its lines, and one folded line for each searchable line, kept
/// apart so that a search scans the folded text alone.
struct PartWriter {
    var lines = LineWriter()
    var folded = LineWriter()

    /// A line and its folded line, which begins with the line's confidential flag (the
    /// second field of every searchable line but N).
    mutating func searchable(_ fields: [String], folded text: String) {
        lines.line(fields)
        let closed = fields.count > 1 && fields[0] != "N" && fields[1] == "1"
        folded.line([(closed ? "1" : "0") + SearchText.fold(text)])
    }

    mutating func plain(_ fields: [String]) { lines.line(fields) }

    var result: (bytes: [UInt8], folded: Int) { (lines.bytes + folded.bytes, folded.bytes.count) }
}

struct LineWriter {
    var bytes: [UInt8] = []

    mutating func line(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { bytes.append(0x09) }
            for byte in field.utf8 {
                switch byte {
                case 0x5C: bytes += [0x5C, 0x5C]
                case 0x09: bytes += [0x5C, UInt8(ascii: "t")]
                case 0x0A: bytes += [0x5C, UInt8(ascii: "n")]
                case 0x0D: bytes += [0x5C, UInt8(ascii: "r")]
                default: bytes.append(byte)
                }
            }
        }
        bytes.append(0x0A)
    }

    /// A folded query term in the form it has inside the index.
    static func escaped(_ text: String) -> [UInt8] {
        var writer = LineWriter()
        writer.line([text])
        return Array(writer.bytes.dropLast())
    }
}

struct LineCursor {
    let bytes: UnsafeBufferPointer<UInt8>
    var position: Int
    var end: Int

    init(bytes: UnsafeBufferPointer<UInt8>, position: Int, end: Int? = nil) {
        self.bytes = bytes
        self.position = position
        self.end = end ?? bytes.count
    }

    /// The next line (without its "\n"), or nil at the end or at a last line without "\n".
    mutating func next() -> Range<Int>? {
        guard position < end else { return nil }
        guard let found = memchr(bytes.baseAddress! + position, 0x0A, end - position) else { return nil }
        let newline = bytes.baseAddress!.distance(to: found.assumingMemoryBound(to: UInt8.self))
        defer { position = newline + 1 }
        return position..<newline
    }
}

/// The tab-separated fields of a line, unescaped.
func fields(_ bytes: UnsafeBufferPointer<UInt8>, _ line: Range<Int>) -> [String] {
    var result: [String] = []
    // Most lines hold no escape: their fields are taken as they are.
    if memchr(bytes.baseAddress! + line.lowerBound, 0x5C, line.count) == nil {
        var start = line.lowerBound
        for i in line where bytes[i] == 0x09 {
            result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
            start = i + 1
        }
        result.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<line.upperBound]), as: UTF8.self))
        return result
    }
    var field: [UInt8] = []
    var i = line.lowerBound
    while i < line.upperBound {
        let b = bytes[i]
        if b == 0x09 {
            result.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        } else if b == 0x5C, i + 1 < line.upperBound {
            i += 1
            switch bytes[i] {
            case UInt8(ascii: "t"): field.append(0x09)
            case UInt8(ascii: "n"): field.append(0x0A)
            case UInt8(ascii: "r"): field.append(0x0D)
            default: field.append(bytes[i])
            }
        } else {
            field.append(b)
        }
        i += 1
    }
    result.append(String(decoding: field, as: UTF8.self))
    return result
}
