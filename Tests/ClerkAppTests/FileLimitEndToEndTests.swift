import ClerkTestSupport
import Foundation
import Testing

/// Long sessions under a low limit of open files (`ulimit -n 256`), in a child process so
/// the limit touches nothing else: open files must not grow with the meetings visited.
@Suite struct FileLimitEndToEndTests {
    /// A folder for an archive written thousands of times: in memory when the host has one.
    static func scratch() throws -> String {
        if access("/dev/shm", W_OK) == 0 {
            var template = Array("/dev/shm/clerk-limit-XXXXXX".utf8CString)
            if let made = mkdtemp(&template) { return String(cString: made) }
        }
        return try TempDir("clerk-limit").path
    }

    static func underLimit(_ arguments: [String]) throws -> Run {
        try Run("/bin/sh", ["-c", "ulimit -n 256 && exec \"$@\"", "sh", try Products.executable("clerk-bench")] + arguments)
    }

    @Test func aSessionVisitsAndWritesThreeThousandMeetingsUnderALowFileLimit() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Self.underLimit(["visit", dir + "/archive", "--schedule", "3000", "--screen-every", "100"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("visited 3000 meetings (30 on the screen), writing to each"), "\(run.stdout)")
        let peak = run.stdout.split(separator: ";").first { $0.contains("peak open descriptors") }
            .flatMap { Int($0.split(separator: " ").last ?? "") }
        #expect(peak != nil && peak! <= 64, "\(run.stdout)")
    }

    @Test func generatingAnArchiveStaysUnderALowFileLimit() throws {
        let dir = try Self.scratch()
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let run = try Self.underLimit(["generate", dir + "/archive", "--committees", "20", "--years", "1",
                                       "--actions-per-meeting", "0", "--no-minutes"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("generated 240 meetings"), "\(run.stdout)")
    }
}
