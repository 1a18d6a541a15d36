import ClerkApp
import ClerkTestSupport
import Foundation
import Testing

/// docs/clerk.1 is made from the argument parser's definitions; it must match them, and
/// man must be able to show it.
@Suite struct ManualPageTests {
    @Test func docsClerk1IsUpToDate() throws {
        #expect(try Golden.matches("docs/clerk.1", try ManualPage.roff()),
                "docs/clerk.1 is out of date: run CLERK_RECORD=1 swift test --filter ManualPage")
    }

    /// Every command and every option clerk shows in its help is in the manual.
    @Test func everyCommandAndOptionIsInThePage() throws {
        let page = try ManualPage.roff()
        let help = try #require(try JSONSerialization.jsonObject(with: Data(try Run(try Products.executable("clerk"),
                                                                                        ["--experimental-dump-help"]).stdout.utf8))
                                as? [String: Any])
        var commands = 0, options = 0
        func walk(_ command: [String: Any], path: [String]) {
            let full = path + [command["commandName"] as! String]
            if full.count > 1 {
                #expect(page.contains(".SS \"\(full.joined(separator: " "))\""), "\(full)")
                commands += 1
            }
            for argument in command["arguments"] as? [[String: Any]] ?? [] where argument["shouldDisplay"] as? Bool == true {
                for name in argument["names"] as? [[String: Any]] ?? [] {
                    let flag = ((name["kind"] as? String) == "short" ? "-" : "--") + (name["name"] as! String)
                    #expect(page.contains("\\fB" + flag.replacingOccurrences(of: "-", with: "\\-") + "\\fR"), "\(full) \(flag)")
                    options += 1
                }
            }
            for sub in command["subcommands"] as? [[String: Any]] ?? [] { walk(sub, path: full) }
        }
        walk(try #require(help["command"] as? [String: Any]), path: [])
        #expect(commands >= 9)
        #expect(options >= 40)
        // Hidden from the help, and the page says why.
        #expect(!page.contains("\\fB\\-\\-today\\fR \\fItoday"))
        #expect(page.contains("meant for tests and demonstrations"))
    }

    /// groff reads the page without a warning; man shows it when man is installed.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/groff"), "needs groff: apt-get install -y groff-base"))
    func groffAndManShowThePage() throws {
        let path = Golden.root.appendingPathComponent("docs/clerk.1").path
        let groff = try Run("/usr/bin/groff", ["-man", "-Tutf8", "-ww", "-z", path])
        #expect(groff.status == 0)
        #expect(groff.stderr.isEmpty, "\(groff.stderr)")
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/man") {
            let man = try Run("/usr/bin/man", ["-l", path], environment: ["MANPAGER": "cat", "PAGER": "cat", "MANWIDTH": "80",
                                                                        "LANG": "C.UTF-8", "PATH": "/usr/bin:/bin"])
            #expect(man.status == 0, "\(man.stderr)")
            #expect(man.stdout.contains("clerk - Run committee meetings") || man.stdout.contains("clerk — Run committee meetings")
                    || man.stdout.contains("clerk ‐ Run committee meetings"), "\(man.stdout.prefix(400))")
            #expect(man.stdout.contains("clerk meetings"))
            #expect(man.stdout.contains("--read-only") || man.stdout.contains("−−read−only"))
        }
    }
}
