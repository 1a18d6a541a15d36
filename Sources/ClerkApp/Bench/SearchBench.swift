import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation

extension BenchCommand {
    /// `clerk search` on a generated archive against ripgrep over the same text, one file
    /// per meeting, timed in the same run.
    struct SearchFigures: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "search", abstract: "Time clerk search against rg over the same text exported to files.")
        @Argument(help: "The archive folder.") var directory: String
        @Option(help: "Path of the clerk binary (default: beside clerk-bench).") var clerk: String?
        @Option(help: "Runs per figure.") var runs = 21
        @Option(parsing: .upToNextOption, help: "Words to search for (one search each).")
        var queries: [String] = ["commissioning", "darzi", "zebrafish"]

        func run() throws {
            let clerkPath = clerk ?? Bench.sibling("clerk")
            let indexPath = directory + "/" + SearchIndex.relativePath
            unlink(indexPath)
            let (coldWall, coldPeak, _) = try Bench.spawn(clerkPath, ["--data", directory, "search", queries[0]])
            print("cold: clerk search with no index (builds and saves it): wall \(Bench.ms(coldWall)); peak memory \(coldPeak / 1024) MiB")
            let (index, _) = try SearchIndex.open(directory: directory, save: false)
            print("index: \(index.meetingCount) meetings, \(index.byteCount / 1_048_576) MiB")

            // In-process: reading and checking the index, then the search alone.
            var reads: [Double] = [], searches: [Double] = []
            for _ in 0..<runs {
                let t = Bench.seconds()
                let (fresh, _) = try SearchIndex.open(directory: directory, save: false)
                let t1 = Bench.seconds()
                _ = fresh.search(try SearchText.terms(of: queries.last ?? "zebrafish"))
                reads.append(t1 - t)
                searches.append(Bench.seconds() - t1)
            }
            var decodes: [Double] = [], stats: [Double] = []
            for _ in 0..<runs {
                let t = Bench.seconds()
                let loaded = SearchIndex.read(from: indexPath)
                let t1 = Bench.seconds()
                _ = loaded?.isFresh(directory: directory)
                decodes.append(t1 - t)
                stats.append(Bench.seconds() - t1)
            }
            print("in process: map and decode p50 \(Bench.ms(Bench.percentile(decodes, 50))); stat the journal p50 \(Bench.ms(Bench.percentile(stats, 50)))")
            print("in process: read and check the index p50 \(Bench.ms(Bench.percentile(reads, 50))); search '\(queries.last ?? "")' p50 \(Bench.ms(Bench.percentile(searches, 50)))")

            // The same text, one plain file per meeting, for rg.
            let exportDir = NSTemporaryDirectory() + "/clerk-bench-search-\(getpid())"
            try FileManager.default.createDirectory(atPath: exportDir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(atPath: exportDir) }
            var exported = 0
            for (meeting, text) in index.plainText() {
                try Data(text.utf8).write(to: URL(fileURLWithPath: exportDir + "/\(meeting).txt"))
                exported += text.utf8.count
            }
            print("exported: \(index.meetingCount) files, \(exported / 1_048_576) MiB of text in \(exportDir)")

            let rg = ["/usr/bin/rg", "/usr/local/bin/rg", "/bin/rg"].first { FileManager.default.isExecutableFile(atPath: $0) }
            let grep = rg == nil ? ["/usr/bin/grep", "/bin/grep"].first { FileManager.default.isExecutableFile(atPath: $0) } : nil
            if rg == nil { print("rg not found: comparing with grep -r -i -n instead") }
            for query in queries {
                var clerkTimes: [Double] = [], otherTimes: [Double] = []
                var otherLines = 0
                // Interleaved, so that both see the same machine load.
                for _ in 0..<runs {
                    let (wall, _, _) = try Bench.spawn(clerkPath, ["--data", directory, "search", query])
                    clerkTimes.append(wall)
                    if let rg {
                        let (w, _, l) = try Bench.spawn(rg, ["-i", "-n", "--no-heading", query, exportDir], allowingStatus: [0, 1])
                        otherTimes.append(w)
                        otherLines = l
                    } else if let grep {
                        let (w, _, l) = try Bench.spawn(grep, ["-r", "-i", "-n", query, exportDir], allowingStatus: [0, 1])
                        otherTimes.append(w)
                        otherLines = l
                    }
                }
                let hits = index.search(try SearchText.terms(of: query)).total
                let c50 = Bench.percentile(clerkTimes, 50), o50 = Bench.percentile(otherTimes, 50)
                print("'\(query)': clerk search \(hits) hits, p50 \(Bench.ms(c50)) p99 \(Bench.ms(Bench.percentile(clerkTimes, 99))); "
                      + "\(rg == nil ? "grep" : "rg") \(otherLines) lines, p50 \(Bench.ms(o50)) p99 \(Bench.ms(Bench.percentile(otherTimes, 99))); "
                      + String(format: "%@/clerk = %.2f", rg == nil ? "grep" : "rg", o50 / max(c50, 1e-9)))
            }

            // Incremental: one meeting file touched (as an append would), the next search re-reads that meeting only.
            if let meeting = index.meetingIDs.last {
                var times: [Double] = []
                for _ in 0..<runs {
                    let path = directory + "/journal/meetings/\(meeting).jsonl"
                    utimes(path, nil)
                    let (wall, _, _) = try Bench.spawn(clerkPath, ["--data", directory, "search", queries[0]])
                    times.append(wall)
                }
                print("after one meeting file changed (\(meeting)): clerk search p50 \(Bench.ms(Bench.percentile(times, 50))) p99 \(Bench.ms(Bench.percentile(times, 99)))")
            }
        }
    }
}
