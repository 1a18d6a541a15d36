import Foundation

/// Byte-level encoding and parsing of one record line (see docs/journal-format.md).
///
/// Line layout, with `…` filled in and nothing else varying:
///
///     {"seq":N,"type":"T","v":V,"at":"A","data":D,"crc":"xxxxxxxx"}\n
///
/// The CRC-32C covers every byte from the opening `{` up to and including the last byte
/// of `D` (the payload's closing `}`), i.e. everything before `,"crc":"`.
enum RecordCodec {
    static let seqKey = Array(#"{"seq":"#.utf8)
    static let typeKey = Array(#","type":""#.utf8)
    static let versionKey = Array(#"","v":"#.utf8)
    static let atKey = Array(#","at":""#.utf8)
    static let dataKey = Array(#"","data":"#.utf8)
    static let crcKey = Array(#","crc":""#.utf8)
    static let closing = Array(#""}"#.utf8)
    /// `,"crc":"` + 8 hex digits + `"}`
    static let suffixLength = 8 + 8 + 2
    static let hexDigits = Array("0123456789abcdef".utf8)

    // MARK: Validation of what a writer is given

    static func isTypeByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "_"),
             UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: "/"):
            true
        default:
            false
        }
    }

    static let maxTypeLength = 128

    static func isValidType(_ bytes: some Collection<UInt8>) -> Bool {
        !bytes.isEmpty && bytes.count <= maxTypeLength && bytes.allSatisfy(isTypeByte)
    }

    /// `YYYY-MM-DDTHH:MM:SS` + optional `.` and 1–9 digits + `Z`.
    static func isValidTimestamp(_ bytes: some Collection<UInt8>) -> Bool {
        let b = Array(bytes)
        guard b.count >= 20, b.count <= 30, b.last == UInt8(ascii: "Z") else { return false }
        let shape = Array("dddd-dd-ddTdd:dd:dd".utf8)
        for (i, s) in shape.enumerated() {
            if s == UInt8(ascii: "d") {
                guard isDigit(b[i]) else { return false }
            } else if b[i] != s {
                return false
            }
        }
        if b.count == 20 { return true }
        guard b[19] == UInt8(ascii: "."), b.count >= 22 else { return false }
        return b[20..<(b.count - 1)].allSatisfy(isDigit)
    }

    static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }

    /// Returns why `record` cannot be written, or nil if it can.
    static func problem(with record: NewRecord) -> String? {
        if !isValidType(record.type.utf8) {
            return "type \(quoted(record.type)) must be 1–\(maxTypeLength) characters from A–Z a–z 0–9 . _ - : /"
        }
        if record.version < 0 { return "version \(record.version) must not be negative" }
        if !isValidTimestamp(record.at.utf8) {
            return "timestamp \(quoted(record.at)) must be ISO-8601 UTC like 2026-11-23T18:55:00Z"
        }
        let d = record.data
        guard d.first == UInt8(ascii: "{"), d.last == UInt8(ascii: "}") else {
            return "payload must be a JSON object starting with { and ending with } (no surrounding whitespace)"
        }
        if d.contains(0x0A) || d.contains(0x0D) {
            return "payload contains a raw line break; encode it on one line (JSON escapes newlines in strings as \\n)"
        }
        guard let object = try? JSONSerialization.jsonObject(with: Data(d)), object is [String: Any] else {
            return "payload is not a valid UTF-8 JSON object"
        }
        return nil
    }

    static func quoted(_ s: String) -> String {
        let shown = s.count > 40 ? String(s.prefix(40)) + "…" : s
        return "\"\(shown.unicodeScalars.map { $0.isASCII && $0.value >= 0x20 ? String($0) : $0.escaped(asASCII: true) }.joined())\""
    }

    // MARK: Encoding

    /// Appends the full line (with `\n`) for `record` numbered `seq` to `out`.
    static func encode(_ record: NewRecord, seq: UInt64, into out: inout [UInt8]) {
        let start = out.count
        out.append(contentsOf: seqKey)
        out.append(contentsOf: String(seq).utf8)
        out.append(contentsOf: typeKey)
        out.append(contentsOf: record.type.utf8)
        out.append(contentsOf: versionKey)
        out.append(contentsOf: String(record.version).utf8)
        out.append(contentsOf: atKey)
        out.append(contentsOf: record.at.utf8)
        out.append(contentsOf: dataKey)
        out.append(contentsOf: record.data)
        let crc = out.withUnsafeBytes { CRC32C.checksum(UnsafeRawBufferPointer(rebasing: $0[start...])) }
        out.append(contentsOf: crcKey)
        for shift in stride(from: 28, through: 0, by: -4) {
            out.append(hexDigits[Int((crc >> UInt32(shift)) & 0xF)])
        }
        out.append(contentsOf: closing)
        out.append(0x0A)
    }

    // MARK: Parsing

    struct Envelope {
        var seq: UInt64
        var version: Int
        var type: Range<Int>
        var at: Range<Int>
        var data: Range<Int>
    }

    enum Parse {
        case ok(Envelope)
        case bad(String)
    }

    /// Parses one line (without its `\n`). Ranges are relative to `line`.
    static func parse(_ line: UnsafeRawBufferPointer) -> Parse {
        let n = line.count
        var i = 0

        func expect(_ lit: [UInt8]) -> Bool {
            guard n - i >= lit.count else { return false }
            for (k, b) in lit.enumerated() where line[i + k] != b { return false }
            i += lit.count
            return true
        }
        func number(max: UInt64) -> UInt64? {
            let start = i
            var v: UInt64 = 0
            while i < n, isDigit(line[i]) {
                let (m, o1) = v.multipliedReportingOverflow(by: 10)
                let (s, o2) = m.addingReportingOverflow(UInt64(line[i] - 0x30))
                if o1 || o2 || s > max { return nil }
                v = s
                i += 1
            }
            if i == start { return nil }
            if line[start] == 0x30 && i - start > 1 { return nil }  // no leading zeros
            return v
        }

        guard n >= seqKey.count + suffixLength else { return .bad("line too short to be a record") }
        guard expect(seqKey) else { return .bad("line does not start with {\"seq\":") }
        guard let seq = number(max: UInt64.max), seq >= 1 else { return .bad("bad \"seq\" number") }
        guard expect(typeKey) else { return .bad("expected ,\"type\":\" after seq") }
        let typeStart = i
        while i < n, line[i] != UInt8(ascii: "\"") { i += 1 }
        let type = typeStart..<i
        guard isValidType(UnsafeRawBufferPointer(rebasing: line[type])) else { return .bad("bad \"type\" string") }
        guard expect(versionKey) else { return .bad("expected \",\"v\": after type") }
        guard let version = number(max: UInt64(Int.max)) else { return .bad("bad \"v\" number") }
        guard expect(atKey) else { return .bad("expected ,\"at\":\" after v") }
        let atStart = i
        while i < n, line[i] != UInt8(ascii: "\"") { i += 1 }
        let at = atStart..<i
        guard isValidTimestamp(UnsafeRawBufferPointer(rebasing: line[at])) else { return .bad("bad \"at\" timestamp") }
        guard expect(dataKey) else { return .bad("expected \",\"data\": after at") }
        let dataStart = i
        let dataEnd = n - suffixLength
        guard dataEnd - dataStart >= 2, line[dataStart] == UInt8(ascii: "{"), line[dataEnd - 1] == UInt8(ascii: "}") else {
            return .bad("\"data\" is not an object")
        }
        i = dataEnd
        guard expect(crcKey) else { return .bad("line does not end with ,\"crc\":\"…\"}") }
        var stored: UInt32 = 0
        for _ in 0..<8 {
            let b = line[i]
            let nibble: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): nibble = b - 0x30
            case UInt8(ascii: "a")...UInt8(ascii: "f"): nibble = b - 0x61 + 10
            default: return .bad("\"crc\" is not 8 lowercase hex digits")
            }
            stored = stored << 4 | UInt32(nibble)
            i += 1
        }
        guard expect(closing), i == n else { return .bad("line does not end with \"}") }
        let actual = CRC32C.checksum(UnsafeRawBufferPointer(rebasing: line[0..<dataEnd]))
        guard actual == stored else {
            return .bad("checksum mismatch: stored \(CRC32C.hex(stored)), computed \(CRC32C.hex(actual))")
        }
        return .ok(Envelope(seq: seq, version: Int(version), type: type, at: at, data: dataStart..<dataEnd))
    }
}
