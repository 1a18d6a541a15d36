import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// What a shell user expects of a command: --version, help that shows the options, every
/// format the help lists working, completion scripts.
@Suite struct ShellConventionsTests {
    let clerk: String
    let dir: TempDir

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-shell")
        let made = try Run(clerk, ["demo", "--init", dir.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    var archive: String { dir.path + "/archive" }

    func clerk(_ args: [String]) throws -> Run {
        try Run(clerk, args)
    }

    @Test func versionComesFromOnePlace() throws {
        let run = try clerk(["--version"])
        #expect(run.status == 0)
        #expect(run.stdout == ClerkVersion.current + "\n")
        #expect(try ManualPage.roff().contains("\"clerk \(ClerkVersion.current)\""))
    }

    @Test func topLevelHelpShowsTheOptionsEveryCommandTakes() throws {
        let run = try clerk(["--help"])
        #expect(run.status == 0)
        for option in ["--data <DIR>", "--read-only", "--theme <NAME>", "--version"] {
            #expect(run.stdout.contains(option), "\(option) missing from:\n\(run.stdout)")
        }
        #expect(run.stdout.contains("USAGE: clerk [--data <DIR>] [--read-only] [--theme <NAME>] <subcommand>"))
        // For tests and demonstrations only (the manual says so).
        #expect(!run.stdout.contains("--today"))
    }

    @Test func optionsWithNoCommandGoToTheScreen() throws {
        // No terminal here: the screen refuses, which shows the options reached it.
        let run = try clerk(["--data", archive, "--read-only", "--theme", "light"])
        #expect(run.status == 1)
        #expect(run.stderr.hasPrefix("clerk: the screen needs a terminal"), "\(run.stderr)")
        let missing = try clerk(["--data", dir.path + "/none", "--theme", "light"])
        #expect(missing.stderr.contains("no archive at \(dir.path)/none: the folder does not exist; create an empty archive with 'clerk init"), "\(missing.stderr)")
        let bad = try clerk(["--data", archive, "--format", "csv"])
        #expect(bad.status == 64)
    }

    /// The formats a command's help lists, from the parser's own description.
    func listedFormats() throws -> [String: [String]] {
        let dump = try clerk(["--experimental-dump-help"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
        let root = try #require(json["command"] as? [String: Any])
        var formats: [String: [String]] = [:]
        for command in root["subcommands"] as? [[String: Any]] ?? [] {
            for argument in command["arguments"] as? [[String: Any]] ?? [] {
                guard (argument["preferredName"] as? [String: Any])?["name"] as? String == "format" else { continue }
                if let values = argument["allValues"] as? [String] {
                    formats[command["commandName"] as! String] = values
                } else {
                    // "minutes and agenda: txt, md or html; actions: csv or json; calendar: ics."
                    let abstract = argument["abstract"] as! String
                    for part in abstract.dropLast().split(separator: ";") {
                        let halves = part.split(separator: ":")
                        let values = halves[1].replacingOccurrences(of: " or ", with: ",").split(separator: ",")
                            .map { $0.trimmingCharacters(in: .whitespaces) }
                        for kind in halves[0].replacingOccurrences(of: " and ", with: ",").split(separator: ",") {
                            formats["export " + kind.trimmingCharacters(in: .whitespaces)] = values
                        }
                    }
                }
            }
        }
        return formats
    }

    @Test func everyFormatTheHelpListsWorks() throws {
        let formats = try listedFormats()
        #expect(Set(formats.keys) == ["committees", "meetings", "actions", "search", "export minutes", "export agenda",
                                      "export actions", "export calendar", "log"])
        let extra: [String: [String]] = ["search": ["darzi"], "export minutes": ["hpbc-2008-04-22"],
                                         "export agenda": ["hpbc-2008-04-22"], "actions": ["--all"]]
        var checked = 0
        for (command, values) in formats.sorted(by: { $0.key < $1.key }) {
            #expect(!values.isEmpty, "\(command)")
            for format in values {
                let args = ["--data", archive] + command.split(separator: " ").map(String.init) + (extra[command] ?? [])
                    + ["--format", format, "--today", "2026-11-23"]
                let run = try clerk(args)
                #expect(run.status == 0, "clerk \(args.joined(separator: " ")): \(run.stderr)")
                #expect(!run.stdout.isEmpty, "clerk \(args.joined(separator: " "))")
                switch format {
                case "json":
                    #expect((try? JSONSerialization.jsonObject(with: Data(run.stdout.utf8))) != nil, "\(command) json")
                case "csv":
                    let lines = run.stdout.components(separatedBy: "\r\n")
                    #expect(lines.count > 2 && lines[0].contains(","), "\(command) csv:\n\(run.stdout)")
                case "ics":
                    #expect(run.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
                case "html":
                    #expect(run.stdout.contains("<html"))
                default: break
                }
                checked += 1
            }
        }
        #expect(checked == 31)
    }

    @Test func meetingsAsCSVAreRFC4180AndFormulaSafe() throws {
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        _ = try store.commit(at: Instant(secondsSinceEpoch: 1_795_000_000)) { s in
            try s.state.createCommittee(Committee(id: "odd", name: "=HYPERLINK(\"http://x\",\"a, b\")", code: "odd",
                                                  terms: TermsOfReference()))
        }
        let committees = try clerk(["--data", archive, "committees", "--format", "csv"])
        #expect(committees.status == 0, "\(committees.stderr)")
        #expect(committees.stdout.contains("\r\nodd,\"'=HYPERLINK(\"\"http://x\"\",\"\"a, b\"\")\",odd,"), "\(committees.stdout)")
        let meetings = try clerk(["--data", archive, "meetings", "--format", "csv", "--committee", "hpbc"])
        #expect(meetings.stdout == "id,committee,title,date,start,end,venue,status\r\n"
                + "hpbc-2008-04-22,herts-pbc-leads,Hertfordshire Practice-based Commissioning Leads,2008-04-22,13:00,14:30,"
                + "\"LMC Office, Aston, Stevenage\",minutes-draft\r\n")
    }

    @Test(arguments: ["bash", "zsh", "fish"])
    func completionScriptsAsTheReadmeSays(_ shell: String) throws {
        let run = try clerk(["--generate-completion-script", shell])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("clerk"))
        #expect(run.stdout.contains("meetings") && run.stdout.contains("read-only"))
        let readme = try String(contentsOf: Golden.root.appendingPathComponent("README.md"), encoding: .utf8)
        #expect(readme.contains("clerk --generate-completion-script \(shell)"))
    }
}
