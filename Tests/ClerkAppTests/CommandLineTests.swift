import ClerkTestSupport
import Foundation
import Testing

/// The command line as a script would use it: the real binary, a real archive on disk.
@Suite struct CommandLineTests {
    let clerk: String
    let dir: TempDir

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-cli")
        let made = try Run(clerk, ["demo", "--init", dir.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    var archive: String { dir.path + "/archive" }

    func clerk(_ args: String..., env: [String: String]? = nil) throws -> Run {
        try Run(clerk, args, environment: env)
    }

    @Test func overdueActionsOfTheDemoAsJSON() throws {
        let run = try clerk("--data", archive, "actions", "--overdue", "--format", "json", "--today", "2026-11-23")
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        let arising = rows.filter { ($0["meeting"] as? String) == "hpbc-2008-04-22" }
        #expect(arising.count == 3)
        let owners = arising.sorted { ($0["number"] as! Int) < ($1["number"] as! Int) }.map { $0["owner"] as! String }
        #expect(owners == ["LMC", "Dr Peter Graves", "LMC"])
        #expect(arising.allSatisfy { ($0["overdue"] as? Bool) == true })
        #expect((arising.first?["text"] as? String)?.contains("children") == true)
    }

    @Test func actionsAsCSVAndTable() throws {
        let csv = try clerk("--data", archive, "actions", "--format", "csv", "--committee", "hpbc", "--today", "2026-11-23")
        #expect(csv.status == 0)
        #expect(csv.stdout.hasPrefix("id,committee,meeting,number,text,owner,due,deadline,status,overdue\r\n"))
        #expect(csv.stdout.contains("Dr Peter Graves"))
        let table = try clerk("--data", archive, "actions", "--owner", "Graves", "--today", "2026-11-23")
        #expect(table.status == 0)
        #expect(table.stdout.contains("Anne Walker"))
        #expect(!table.stdout.contains("children"))
    }

    @Test func actionFiltersForTheChair() throws {
        // Monday 28 July 2008: the three actions "by July 2008" fall due this week.
        let week = try clerk("--data", archive, "actions", "--due-this-week", "--today", "2008-07-28", "--format", "csv")
        #expect(week.status == 0, "\(week.stderr)")
        #expect(week.stdout.split(separator: "\r\n").count == 4)
        let later = try clerk("--data", archive, "actions", "--due-this-week", "--today", "2008-08-04", "--format", "csv")
        #expect(later.stdout.split(separator: "\r\n").count == 1)
        let atMeeting = try clerk("--data", archive, "actions", "--meeting", "hpbc-2008-04-22", "--status", "open", "--format", "json")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(atMeeting.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 3)
        let done = try clerk("--data", archive, "actions", "--status", "done", "--format", "json")
        #expect((try JSONSerialization.jsonObject(with: Data(done.stdout.utf8)) as? [Any])?.isEmpty == true)
        // Owners resolve as in the action review: the LMC's own actions, not its people's.
        let lmc = try clerk("--data", archive, "actions", "--owner", "lmc", "--format", "json")
        let lmcRows = try #require(try JSONSerialization.jsonObject(with: Data(lmc.stdout.utf8)) as? [[String: Any]])
        #expect(lmcRows.map { $0["owner"] as? String } == ["LMC", "LMC"])
        let graves = try clerk("--data", archive, "actions", "--owner", "Dr Graves", "--format", "json")
        let gravesRows = try #require(try JSONSerialization.jsonObject(with: Data(graves.stdout.utf8)) as? [[String: Any]])
        #expect(gravesRows.map { $0["owner"] as? String } == ["Dr Peter Graves"])
        for bad in [["--status", "finished"], ["--meeting", "no-such-meeting"], ["--owner", "Nobody"], ["--owner", "MB"]] {
            let run = try Run(clerk, ["--data", archive, "actions"] + bad)
            #expect(run.status != 0)
            #expect(run.stderr.split(separator: "\n").count == 1, "\(run.stderr)")
        }
    }

    @Test func meetingsListWithIDsOtherCommandsAccept() throws {
        let run = try clerk("--data", archive, "meetings", "--committee", "West Herts PBC Leads", "--format", "json")
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count >= 12)
        let dates = rows.compactMap { $0["date"] as? String }
        #expect(dates.allSatisfy { $0.count == 10 && $0.dropFirst(4).first == "-" })
        #expect(dates == dates.sorted())
        let table = try clerk("--data", archive, "meetings")
        #expect(table.stdout.contains("hpbc-2008-04-22"))
        #expect(table.stdout.contains("2008-04-22"))
    }

    @Test func committeesList() throws {
        let run = try clerk("--data", archive, "committees")
        #expect(run.status == 0)
        for name in ["West Herts PBC Leads", "Pan Cluster Planning Group", "Hertfordshire PBC Leads", "Brent PEC"] {
            #expect(run.stdout.contains(name), "\(name) missing from:\n\(run.stdout)")
        }
        #expect(run.stdout.contains("monthly on the 3rd Thursday"))
    }

    @Test func dataFolderFromTheEnvironment() throws {
        var env = ProcessInfo.processInfo.environment
        env["CLERK_DATA"] = archive
        let run = try Run(clerk, ["committees"], environment: env)
        #expect(run.status == 0)
        env["CLERK_DATA"] = nil
        env["XDG_DATA_HOME"] = dir.path + "/xdg"
        let missing = try Run(clerk, ["committees"], environment: env)
        #expect(missing.status != 0)
        #expect(missing.stderr.contains(dir.path + "/xdg/clerk"))
    }

    @Test func checkPassesOnAHealthyArchive() throws {
        let run = try clerk("--data", archive, "check")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("ok: "))
    }

    @Test func checkNamesTheDamagedFileAndRecord() throws {
        let path = archive + "/journal/archive.jsonl"
        var bytes = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        // Damage the middle of the third record: valid records follow it.
        let newlines = bytes.indices.filter { bytes[$0] == UInt8(ascii: "\n") }
        let target = newlines[1] + 30
        bytes[target] ^= 0x01
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        let run = try clerk("--data", archive, "check")
        #expect(run.status != 0)
        #expect(run.stderr.contains("archive.jsonl"))
        #expect(run.stderr.contains("line 3"))
        // Nothing was repaired or truncated by looking.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        // The checkpoint covers the damaged record, so listing still works from it...
        #expect(try clerk("--data", archive, "actions").status == 0)
        // ...and without the checkpoint, reading stops at the damage with one line naming it.
        try FileManager.default.removeItem(atPath: archive + "/cache/archive-checkpoint.json")
        let listing = try clerk("--data", archive, "actions")
        #expect(listing.status != 0)
        #expect(listing.stderr.split(separator: "\n").count == 1)
        #expect(listing.stderr.contains("archive.jsonl") && listing.stderr.contains("line 3"))
    }

    @Test(arguments: [
        ["actions", "--format", "xml"],
        ["actions", "--bogus"],
        ["meetings", "--committee", "no-such-committee"],
        ["frobnicate"],
        ["actions", "--today", "2026-13-45"],
        ["meetings", "--format", "xml"],
    ])
    func badArgumentsGiveOneLineAndNonZeroExit(_ args: [String]) throws {
        let run = try Run(clerk, ["--data", archive] + args)
        #expect(run.status != 0)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1, "stderr was:\n\(run.stderr)")
        #expect(lines.first?.hasPrefix("clerk: ") == true)
        #expect(run.stdout.isEmpty)
    }

    @Test func missingArchiveSaysWhatToDo() throws {
        let run = try clerk("--data", dir.path + "/nothing-here", "actions")
        #expect(run.status != 0)
        #expect(run.stderr.contains("clerk init"))
        #expect(run.stderr.split(separator: "\n").count == 1)
    }

    @Test func demoInitRefusesAFolderInUse() throws {
        let run = try clerk("demo", "--init", archive)
        #expect(run.status != 0)
        #expect(run.stderr.contains("is already an archive"))
    }

    @Test func screenWithoutATerminalSaysSo() throws {
        let run = try clerk("--data", archive)
        #expect(run.status != 0)
        #expect(run.stderr.contains("needs a terminal"))
    }
}
