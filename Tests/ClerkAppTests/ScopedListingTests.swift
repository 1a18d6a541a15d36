import ClerkTestSupport
import Foundation
import Testing

/// `clerk committees` and `clerk actions` read only their part of the checkpoint: on a
/// generated archive they print exactly what they print when the whole journal is replayed.
@Suite struct ScopedListingTests {
    @Test func listingsFromPartOfTheCheckpointMatchTheWholeFold() throws {
        let clerk = try Products.executable("clerk")
        let bench = try Products.executable("clerk-bench")
        let dir = try TempDir("clerk-scoped")
        let archive = dir.path + "/archive"
        let made = try Run(bench, ["generate", archive, "--committees", "3", "--years", "1", "--actions-per-meeting", "6",
                                   "--no-minutes"])
        #expect(made.status == 0, "\(made.stderr)")
        let checkpoint = archive + "/cache/archive-checkpoint.json"
        #expect(FileManager.default.fileExists(atPath: checkpoint))
        let listings: [[String]] = [
            ["committees"], ["committees", "--format", "json"],
            ["actions", "--overdue"], ["actions"], ["actions", "--format", "csv"], ["actions", "--group-by", "owner"],
            ["actions", "--status", "in-progress"], ["actions", "--status", "Done"], ["actions", "--all", "--format", "json"],
        ]
        func outputs() throws -> [String] {
            try listings.map { args in
                let run = try Run(clerk, ["--data", archive] + args + ["--today", "2016-09-30"])
                #expect(run.status == 0, "\(args): \(run.stderr)")
                return run.stdout
            }
        }
        let scoped = try outputs()
        #expect(scoped[2].split(separator: "\n").count > 3, "some actions are overdue")
        // Without a checkpoint, every listing replays the whole journal.
        try FileManager.default.removeItem(atPath: checkpoint)
        let whole = try outputs()
        for (n, args) in listings.enumerated() {
            #expect(scoped[n] == whole[n], "\(args)")
        }
    }
}
