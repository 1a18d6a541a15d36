import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation

/// `clerk-bench`: figures for docs/performance.md. Not a test: it prints measurements.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clerk-bench",
        abstract: "Generate a large archive and measure opening, listing and journal latency.",
        subcommands: [Generate.self, Measure.self])

    public init() {}

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the large generated archive into a new folder.")
        @Argument(help: "A new or empty folder.") var directory: String
        @Option(help: "Committees.") var committees = 20
        @Option(help: "Years of monthly meetings.") var years = 10

        func run() throws {
            let start = Bench.seconds()
            let figures = try LargeArchive(committees: committees, years: years).write(to: directory) { n in
                if n % 240 == 0 { FileHandle.standardError.write(Data("  \(n) meetings\n".utf8)) }
            }
            print("generated \(figures.meetings) meetings, \(figures.actions) actions, \(figures.events) events in \(String(format: "%.1f", Bench.seconds() - start)) s")
        }
    }

    struct Measure: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Measure an archive made by 'generate'.")
        @Argument(help: "The archive folder.") var directory: String
        @Option(help: "Path of the clerk binary (default: beside clerk-bench).") var clerk: String?
        @Option(help: "Runs per figure.") var runs = 15

        func run() throws {
            let clerkPath = clerk ?? Bench.sibling("clerk")
            // Opening: the read-only open a reader or the screen does.
            var opens: [Double] = []
            var state = ArchiveState()
            for _ in 0..<runs {
                let t = Bench.seconds()
                let store = try ArchiveStore(directory: directory, mode: .readOnly)
                opens.append(Bench.seconds() - t)
                state = store.state
            }
            print("archive: \(state.meetings.count) meetings, \(state.actions.count) actions, \(state.committees.count) committees")
            print("open (read-only, with checkpoint): p50 \(Bench.ms(Bench.percentile(opens, 50))) p99 \(Bench.ms(Bench.percentile(opens, 99)))")

            // `clerk actions --overdue` as a person runs it: wall time and peak memory.
            var walls: [Double] = [], peaks: [Int] = []
            var lines = 0
            for _ in 0..<runs {
                let (wall, peak, output) = try Bench.spawn(clerkPath, ["--data", directory, "actions", "--overdue", "--today", "2026-11-23"])
                walls.append(wall)
                peaks.append(peak)
                lines = output
            }
            print("clerk actions --overdue: \(lines - 1) actions listed; wall p50 \(Bench.ms(Bench.percentile(walls, 50))) p99 \(Bench.ms(Bench.percentile(walls, 99))); peak memory \(peaks.max()! / 1024) MiB")

            // Journal bytes against the minutes as they finally read.
            let store = try ArchiveStore(directory: directory, mode: .readOnly)
            var text = 0
            for id in store.state.meetings.keys {
                let record = try store.record(of: id)
                text += record.entries.reduce(0) { $0 + ($1.kind.lead + $1.text).utf8.count }
                store.unload(id)
            }
            let meetingBytes = Bench.bytes(under: directory + "/journal/meetings")
            let allBytes = Bench.bytes(under: directory + "/journal")
            print("journal: \(allBytes / 1_048_576) MiB in all, \(meetingBytes / 1_048_576) MiB in meeting files; minutes text \(text / 1_048_576) MiB")
            print(String(format: "journal bytes per minutes byte: %.2f (meeting files), %.2f (whole journal)",
                         Double(meetingBytes) / Double(max(1, text)), Double(allBytes) / Double(max(1, text))))

            // Append + fdatasync latency: one small edit acknowledged, as the screen does.
            let writer = try ArchiveStore(directory: directory, mode: .readWrite)
            guard let action = writer.state.actions.values.first(where: { $0.status == .open }) else { return }
            var appends: [Double] = []
            for i in 0..<200 {
                let t = Bench.seconds()
                try writer.commit(at: Instant(secondsSinceEpoch: 1_795_000_000 + Int64(i))) { store in
                    try store.state.updateAction(action.id, status: .inProgress, note: "progress \(i)",
                                                 context: CommandContext(now: Instant(secondsSinceEpoch: 1_795_000_000)) { $0 + "bench" })
                }
                appends.append(Bench.seconds() - t)
            }
            print("append + fdatasync: p50 \(Bench.ms(Bench.percentile(appends, 50))) p99 \(Bench.ms(Bench.percentile(appends, 99)))")
        }
    }
}

enum Bench {
    static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count - 1)).rounded()))
        return sorted[index]
    }

    static func sibling(_ name: String) -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent(name).path
    }

    static func bytes(under dir: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return 0 }
        var total = 0
        while let file = walker.nextObject() as? String {
            if let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + file))?[.size] as? Int,
               file.hasSuffix(".jsonl") { total += size }
        }
        return total
    }

    /// Runs a command to completion; its wall time, peak resident memory (KiB) and output line count.
    static func spawn(_ path: String, _ args: [String]) throws -> (Double, Int, Int) {
        let out = Pipe()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = args
        process.standardOutput = out
        let t = seconds()
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        let wall = seconds() - t
        var usage = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &usage)
        guard process.terminationStatus == 0 else { throw ValidationError("\(path) exited \(process.terminationStatus)") }
        return (wall, Int(usage.ru_maxrss), data.split(separator: UInt8(ascii: "\n")).count)
    }
}
