import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation

extension BenchCommand {
    /// The listings that read part of the checkpoint: opening in the part each needs against
    /// opening whole (in this process, same runs), then the commands as a person runs them.
    struct Listings: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "clerk committees and clerk actions --overdue: part of the checkpoint against the whole.")
        @Argument(help: "The archive folder (made by 'generate').") var directory: String
        @Option(help: "Path of the clerk binary (default: beside clerk-bench).") var clerk: String?
        @Option(help: "Runs per figure.") var runs = 11

        func run() throws {
            let clerkPath = clerk ?? Bench.sibling("clerk")
            var opens: [ArchiveScope: [Double]] = [:]
            for _ in 0..<runs {
                for scope in [ArchiveScope.everything, .withoutActions, .liveActions] {
                    let t = Bench.seconds()
                    let store = try ArchiveStore(directory: directory, mode: .readOnly, scope: scope)
                    opens[scope, default: []].append(Bench.seconds() - t)
                    if scope == .liveActions && store.isWhole { print("note: the checkpoint was read whole (stale or old)") }
                }
            }
            for (label, scope) in [("whole", ArchiveScope.everything), ("without actions", .withoutActions),
                                   ("live actions", .liveActions)] {
                print("open read-only, \(label): p50 \(Bench.ms(Bench.percentile(opens[scope]!, 50)))")
            }
            for (label, args) in [("clerk committees", ["committees"]), ("clerk actions --overdue", ["actions", "--overdue"])] {
                var walls: [Double] = [], peaks: [Int] = []
                var lines = 0
                for _ in 0..<runs {
                    let (wall, peak, output) = try Bench.spawn(clerkPath, ["--data", directory, "--today", "2026-11-23"] + args)
                    walls.append(wall)
                    peaks.append(peak)
                    lines = output
                }
                print("\(label): \(lines) lines; wall p50 \(Bench.ms(Bench.percentile(walls, 50))) "
                      + "p99 \(Bench.ms(Bench.percentile(walls, 99))); peak memory \(peaks.max()! / 1024) MiB")
            }
        }
    }
}
