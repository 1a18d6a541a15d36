#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import ClerkStore

/// A fresh directory under the system temp dir, removed by `cleanUp()`.
struct TempDir {
    let path: String

    init(_ label: String = #function) throws {
        let base = FileManager.default.temporaryDirectory.path
        let name = "clerk-store-\(label.filter { $0.isLetter || $0.isNumber })-\(UUID().uuidString.prefix(8))"
        path = base + "/" + name
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { path + "/" + name }

    func cleanUp() { try? FileManager.default.removeItem(atPath: path) }
}

func readBytes(_ path: String) -> [UInt8] {
    (FileManager.default.contents(atPath: path)).map { Array($0) } ?? []
}

func writeBytes(_ bytes: [UInt8], to path: String) {
    _ = FileManager.default.createFile(atPath: path, contents: Data(bytes))
}

func fileExists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: path) }

/// A small record whose payload identifies it.
func sample(_ i: Int, pad: Int = 0) -> NewRecord {
    let padding = pad > 0 ? #","pad":""# + String(repeating: "p", count: pad) + "\"" : ""
    return NewRecord(type: "test.rec", version: 1, at: "2026-11-23T18:55:00Z", json: #"{"i":\#(i)\#(padding)}"#)
}

/// Builds a segment of `count` records at `path`, one append per record.
@discardableResult
func buildSegment(_ path: String, count: Int, pad: Int = 0) throws -> [UInt8] {
    let seg = try Segment(path: path, mode: .append)
    for i in 1...count { try seg.append([sample(i, pad: pad)]) }
    seg.close()
    return readBytes(path)
}

/// Start offsets of each line in `bytes`, plus the total size as the last element.
func lineStarts(_ bytes: [UInt8]) -> [Int] {
    var starts = [0]
    for (i, b) in bytes.enumerated() where b == 0x0A { starts.append(i + 1) }
    if starts.last != bytes.count { starts.append(bytes.count) }
    return starts
}

/// The three figures every fault-injection test reports; all must be zero.
struct Figures: CustomStringConvertible {
    var acknowledgedLost = 0
    var damagedAccepted = 0
    var validTruncated = 0
    var cases = 0

    var description: String {
        "cases=\(cases) acknowledged-records-lost=\(acknowledgedLost) damaged-records-accepted=\(damagedAccepted) valid-records-truncated=\(validTruncated)"
    }

    func expectAllZero(_ label: String) {
        print("[fault-injection] \(label): \(self)")
        #expect(acknowledgedLost == 0)
        #expect(damagedAccepted == 0)
        #expect(validTruncated == 0)
    }
}

/// A sync policy that succeeds `allowedDataSyncs` times, then fails every data sync.
final class FailingSync: SyncPolicy, @unchecked Sendable {
    private let lock = NSLock()
    private var remaining: Int
    private(set) var failures = 0

    init(allowedDataSyncs: Int) { remaining = allowedDataSyncs }

    func dataSync(fd: Int32) throws {
        lock.lock()
        defer { lock.unlock() }
        if remaining > 0 {
            remaining -= 1
            try SystemSync().dataSync(fd: fd)
            return
        }
        failures += 1
        throw SystemCallError(call: "fdatasync", errno: EIO)
    }

    func directorySync(fd: Int32) throws { try SystemSync().directorySync(fd: fd) }
}

/// Path of the `clerk-journal-torture` executable built alongside the tests, whatever the
/// scratch path: next to the running test binary, or under any `.build*` directory of the
/// package.
func tortureExecutable(filePath: String = #filePath) throws -> String {
    let name = "clerk-journal-torture"
    var dirs: [String] = []
    if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
        dirs.append((exe as NSString).deletingLastPathComponent)
    }
    var dir = (CommandLine.arguments[0] as NSString).deletingLastPathComponent
    for _ in 0..<4 where !dir.isEmpty && dir != "/" {
        dirs.append(dir)
        dir = (dir as NSString).deletingLastPathComponent
    }
    let root = ((((filePath as NSString).deletingLastPathComponent) as NSString).deletingLastPathComponent as NSString)
        .deletingLastPathComponent
    if let entries = try? FileManager.default.contentsOfDirectory(atPath: root) {
        for entry in entries.sorted() where entry.hasPrefix(".build") {
            dirs.append(root + "/" + entry + "/debug")
            dirs.append(root + "/" + entry + "/release")
        }
    }
    for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/" + name) {
        return d + "/" + name
    }
    throw TortureNotFound(searched: dirs)
}

struct TortureNotFound: Error, CustomStringConvertible {
    var searched: [String]
    var description: String { "clerk-journal-torture not found in: \(searched.joined(separator: ", "))" }
}

/// Parses the acknowledged sequence numbers a torture process wrote: complete lines only.
func acknowledgedSeqs(_ output: [UInt8]) -> [UInt64] {
    var seqs: [UInt64] = []
    var current: UInt64 = 0
    var digits = 0
    for b in output {
        if b == 0x0A {
            if digits > 0 { seqs.append(current) }
            current = 0
            digits = 0
        } else if b >= 0x30 && b <= 0x39 {
            current = current * 10 + UInt64(b - 0x30)
            digits += 1
        }
    }
    return seqs
}
