import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// `clerk search` as a person or a script runs it: the real binary on the demo archive.
@Suite struct SearchCommandTests {
    let clerk: String
    let dir: TempDir

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-search")
        let made = try Run(clerk, ["demo", "--init", dir.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    var archive: String { dir.path + "/archive" }

    func clerk(_ args: String...) throws -> Run {
        try Run(clerk, ["--data", archive] + args)
    }

    @Test func findsThePhraseOfThe22April2008Minutes() throws {
        let run = try clerk("search", "darzi", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let out = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        let rows = try #require(out["results"] as? [[String: Any]])
        #expect(rows.count == out["total"] as? Int)
        #expect(rows.contains { ($0["meeting"] as? String) == "hpbc-2008-04-22" && ($0["kind"] as? String) == "item" })
        #expect(FileManager.default.fileExists(atPath: archive + "/cache/search-index"))

        let table = try clerk("search", "DARZI", "welwyn garden", "--committee", "hpbc")
        #expect(table.status == 0)
        #expect(table.stdout.hasPrefix("DATE"))
        #expect(table.stdout.contains("2008-04-22  hpbc"))
        #expect(table.stdout.split(separator: "\n").count == 3)
        // An argument with a space is a phrase: the words together and in that order.
        #expect(try clerk("search", "garden welwyn").stdout == "nothing found for 'garden welwyn'\n")
    }

    @Test func aLimitSaysHowManyMore() throws {
        let run = try clerk("search", "the", "--limit", "2")
        #expect(run.status == 0)
        #expect(run.stdout.split(separator: "\n").count == 4)
        #expect(run.stdout.contains("more; add words, --committee or a larger --limit"))
        let none = try clerk("search", "zebrafish")
        #expect(none.status == 0)
        #expect(none.stdout == "nothing found for 'zebrafish'\n")
    }

    @Test(arguments: [
        (["search"], "the search is empty"),
        (["search", "\"\""], "the search is empty"),
        (["search", "darzi", "--committee", "nope"], "no committee 'nope'"),
        (["search", "darzi", "--limit", "0"], "--limit 0 shows nothing"),
        (["search", "darzi", "--format", "xml"], "The value 'xml' is invalid for '--format <format>'"),
    ])
    func badInputIsOneLineAndChangesNothing(_ args: [String], _ message: String) throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: archive + "/journal/meetings").sorted()
        let run = try Run(clerk, ["--data", archive] + args)
        #expect(run.status != 0)
        #expect(run.stdout.isEmpty)
        #expect(run.stderr.split(separator: "\n").count == 1)
        #expect(run.stderr.contains(message), "\(run.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: archive + "/journal/meetings").sorted() == before)
    }

    @Test func minutesWithEscapeSequencesAreShownAsText() throws {
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        let now = Instant(date: CalendarDate(year: 2026, month: 11, day: 23)!, time: TimeOfDay(hour: 10, minute: 0)!)
        try store.commit(at: now) { store in
            let record = try store.record(of: "hpbc-2008-04-22")
            let item = try #require(record.items.first).id
            return try MeetingContext(archive: store.state, record: record)
                .addEntry(to: item, kind: .note, text: "zebrafish \u{1B}]0;owned\u{07}\u{1B}[2J\u{1B}[H here",
                          context: CommandContext(now: now) { $0 + "esc" })
        }
        let run = try clerk("search", "zebrafish")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(!run.stdout.contains("\u{1B}"))
        #expect(!run.stdout.contains("\u{07}"))
        #expect(run.stdout.contains("zebrafish"))
    }

    @Test func readOnlyLeavesTheArchiveAsItWas() throws {
        let index = archive + "/cache/search-index"
        #expect(try clerk("search", "darzi", "--read-only").status == 0)
        #expect(!FileManager.default.fileExists(atPath: index))
        #expect(try clerk("search", "darzi").status == 0)
        #expect(FileManager.default.fileExists(atPath: index))
    }
}
