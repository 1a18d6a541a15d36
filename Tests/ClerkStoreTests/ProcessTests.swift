#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import Testing
@testable import ClerkStore

/// Real writer processes (`clerk-journal-torture`): killed with SIGKILL, and racing.
@Suite(.serialized) struct ProcessTests {
    /// Starts the torture writer with stdout going to `outputPath`.
    private func launch(_ segment: String, _ extra: [String], outputPath: String) throws -> Process {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try tortureExecutable())
        p.arguments = [segment] + extra
        _ = FileManager.default.createFile(atPath: outputPath, contents: nil)
        p.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: outputPath))
        p.standardError = FileHandle.standardError
        try p.run()
        return p
    }

    @Test func killNineWriterInALoop() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let segment = dir.file("data/seg.jsonl")
        var figures = Figures()
        var acknowledged: [UInt64] = []
        var tornTails = 0
        let kills = 20
        var rng = SystemRandomNumberGenerator()
        for round in 0..<kills {
            let out = dir.file("out-\(round).txt")
            let p = try launch(segment, ["--writer", "k\(round)"], outputPath: out)
            usleep(UInt32.random(in: 40_000...250_000, using: &rng))
            kill(p.processIdentifier, SIGKILL)
            p.waitUntilExit()
            #expect(p.terminationReason == .uncaughtSignal)
            figures.cases += 1
            acknowledged += acknowledgedSeqs(readBytes(out))

            // What a reader sees before any writer recovers.
            let seen = try Segment(path: segment, mode: .readOnly).read()
            if case .tornTail = seen.damage { tornTails += 1 }
            if case .corrupt = seen.damage { figures.damagedAccepted += 1 }

            // A writer reopening recovers; every acknowledged record must still be there.
            let writer = try Segment(path: segment, mode: .append)
            let read = try writer.read()
            #expect(read.damage == nil)
            let present = Set(read.records.map(\.record.seq))
            figures.acknowledgedLost += acknowledged.filter { !present.contains($0) }.count
            if read.records.count < seen.records.count { figures.validTruncated += 1 }
            #expect(read.records.enumerated().allSatisfy { $0.element.record.seq == UInt64($0.offset + 1) })
            writer.close()
        }
        #expect(acknowledged.count > kills)  // the writers did get work done
        #expect(zip(acknowledged, acknowledged.dropFirst()).allSatisfy { $0 < $1 })
        print("[fault-injection] kill -9: \(kills) kills, \(acknowledged.count) acknowledged records, \(tornTails) torn tails seen by readers")
        figures.expectAllZero("kill -9 writer (\(kills) kills)")
    }

    @Test func twoWriterProcessesAppendConcurrently() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let segment = dir.file("seg.jsonl")
        let count = 300
        let a = try launch(segment, ["--writer", "A", "--count", "\(count)"], outputPath: dir.file("a.txt"))
        let b = try launch(segment, ["--writer", "B", "--count", "\(count)"], outputPath: dir.file("b.txt"))
        a.waitUntilExit()
        b.waitUntilExit()
        #expect(a.terminationStatus == 0 && b.terminationStatus == 0)
        let ackA = acknowledgedSeqs(readBytes(dir.file("a.txt")))
        let ackB = acknowledgedSeqs(readBytes(dir.file("b.txt")))
        #expect(ackA.count == count && ackB.count == count)
        #expect(Set(ackA).isDisjoint(with: ackB))
        #expect((ackA + ackB).sorted() == Array(1...UInt64(2 * count)))

        let read = try Segment(path: segment, mode: .readOnly).read()
        #expect(read.damage == nil)
        #expect(read.records.map(\.record.seq) == Array(1...UInt64(2 * count)))
        // Every line is whole and belongs to the writer that acknowledged its seq, and
        // each writer's records appear in its own order.
        var next = ["A": 1, "B": 1]
        let ownerA = Set(ackA)
        for r in read.records {
            let object = try JSONSerialization.jsonObject(with: Data(r.record.data)) as? [String: Any]
            let writer = object?["writer"] as? String ?? "?"
            let n = object?["n"] as? Int ?? -1
            #expect(writer == (ownerA.contains(r.record.seq) ? "A" : "B"))
            #expect(n == next[writer])
            next[writer, default: 0] += 1
        }
        #expect(next == ["A": count + 1, "B": count + 1])
        let handOvers = zip(read.records, read.records.dropFirst())
            .filter { ownerA.contains($0.0.record.seq) != ownerA.contains($0.1.record.seq) }.count
        print("[concurrency] two writer processes: \(2 * count) records, \(handOvers) hand-overs between writers, no interleaved lines")
    }
}
