import ClerkTestSupport
import Foundation
import Testing

/// The chair's evening from the command line: actions grouped by owner, and the plain-text
/// chase list to send to an owner.
@Suite struct ChaseListCommandTests {
    let clerk: String
    let dir: TempDir

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-chase")
        let made = try Run(clerk, ["demo", "--init", dir.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    func clerk(_ args: String...) throws -> Run {
        try Run(clerk, ["--data", dir.path + "/archive"] + args)
    }

    @Test func groupedByOwnerInAlphabeticalOrderIgnoringTitles() throws {
        let run = try clerk("actions", "--group-by", "owner", "--today", "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        let lines = run.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.first?.hasPrefix("ID ") == true)
        let headings = lines.filter { $0.contains(" action") && !$0.hasPrefix("a-") && !$0.hasPrefix("ID") }
        // "LMC" files before "Peter Graves": the title "Dr" does not count.
        #expect(headings == ["LMC: 2 actions, 2 overdue", "Dr Peter Graves (PG): 1 action, 1 overdue"])
        let lmc = try #require(lines.firstIndex(of: "LMC: 2 actions, 2 overdue"))
        #expect(lines[lmc + 1].hasPrefix("a-1 ") && lines[lmc + 2].hasPrefix("a-3 "))
        // The columns line up across groups: every row's ACTION column starts at the header's.
        let column = try #require(lines[0].range(of: "ACTION")).lowerBound.utf16Offset(in: lines[0])
        for row in lines where row.hasPrefix("a-") {
            #expect(row.utf16.count > column && row.utf16[row.utf16.index(row.utf16.startIndex, offsetBy: column - 1)] == 32)
        }
    }

    @Test func groupedCSVKeepsOwnersTogether() throws {
        let run = try clerk("actions", "--group-by", "owner", "--format", "csv", "--today", "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        let owners = run.stdout.split(separator: "\r\n").dropFirst().map { $0.split(separator: ",")[5] }
        #expect(owners == ["LMC", "LMC", "Dr Peter Graves"])
    }

    @Test func chaseListAsPlainTextForEmail() throws {
        let run = try clerk("actions", "--overdue", "--format", "txt", "--today", "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        let text = run.stdout
        #expect(text.hasPrefix("Overdue actions\nAs at Monday 23 November 2026: 3 actions, 3 overdue, 2 owners.\n"))
        #expect(text.contains("\nLMC — 2 actions, 2 overdue\n  1. to look at how it can support PBC groups"))
        #expect(text.contains("Due: by July 2008 (overdue); raised at hpbc on 22 Apr 2008,"))
        #expect(text.contains("\nDr Peter Graves (PG) — 1 action, 1 overdue\n"))
        for line in text.split(separator: "\n") { #expect(line.count <= 72, "\(line)") }
        #expect(!text.contains("\u{1B}"))
    }

    @Test func chaseListForOneOwner() throws {
        let run = try clerk("actions", "--owner", "Graves", "--format", "txt", "--today", "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("Dr Peter Graves (PG)"))
        #expect(!run.stdout.contains("LMC —"))
        let none = try clerk("actions", "--status", "done", "--format", "txt", "--today", "2026-11-23")
        #expect(none.stdout.contains("0 actions, 0 overdue, 0 owners.\n\nNo actions match.\n"))
    }

    @Test func badGroupingOrFormatIsRefusedInOneLine() throws {
        for args in [["actions", "--group-by", "colour"], ["actions", "--format", "email"]] {
            let run = try Run(clerk, ["--data", dir.path + "/archive"] + args)
            #expect(run.status != 0)
            #expect(run.stdout.isEmpty)
            let message = run.stderr.trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(!message.contains("\n"), "\(message)")
            #expect(message.contains("owner") || message.contains("txt"), "\(message)")
        }
    }
}
