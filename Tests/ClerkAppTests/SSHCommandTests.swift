import ClerkTestSupport
import Foundation
import Testing

/// `ForceCommand clerk --ssh …`: a reader fetches an export or an action list through clerk
/// itself (`ssh host clerk export …`), written to their terminal; clerk reads the asked
/// command from SSH_ORIGINAL_COMMAND and refuses anything else in one line, running nothing.
@Suite struct SSHCommandTests {
    static let meeting = "hpbc-2008-04-22"
    let clerk: String
    let dir: TempDir
    var archive: String { dir.path + "/archive" }

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-ssh-command")
        let made = try Run(clerk, ["demo", "--init", dir.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    /// clerk as the ForceCommand runs it, with OpenSSH's variable set to what was asked.
    func forced(_ asked: String, ssh: Bool = true) throws -> Run {
        var environment = ProcessInfo.processInfo.environment
        environment["SSH_ORIGINAL_COMMAND"] = asked
        return try Run(clerk, ["--read-only", "--data", archive, "--today", "2026-11-23"] + (ssh ? ["--ssh"] : []),
                       environment: environment)
    }

    func direct(_ args: [String]) throws -> Run {
        try Run(clerk, args + ["--data", archive, "--today", "2026-11-23"])
    }

    @Test func anExportOrActionListAskedOverSSHIsWrittenToTheTerminal() throws {
        let cases: [(String, [String])] = [
            ("clerk export minutes \(Self.meeting) --format md", ["export", "minutes", Self.meeting, "--format", "md"]),
            ("export agenda \(Self.meeting)", ["export", "agenda", Self.meeting]),
            ("clerk actions --format csv --owner 'Dr Peter Graves'", ["actions", "--format", "csv", "--owner", "Dr Peter Graves"]),
            ("clerk export actions --format json", ["export", "actions", "--format", "json"]),
        ]
        for (asked, args) in cases {
            let got = try forced(asked)
            let want = try direct(args)
            #expect(want.status == 0, "\(args): \(want.stderr)")
            #expect(got.status == 0, "\(asked): \(got.stderr)")
            #expect(!got.stdout.isEmpty)
            #expect(got.stdout == want.stdout, "\(asked)")
        }
    }

    @Test func anythingElseIsRefusedInOneLineAndNothingRuns() throws {
        let before = try folderContents(archive)
        let hostile = [
            "sh", "bash -i", "touch pwned", "clerk", "access link dr-peter-graves root", "check", "demo --init x",
            "export minutes \(Self.meeting) --format md -o /etc/passwd",
            "export minutes \(Self.meeting) -o pwned.md", "export minutes \(Self.meeting) --output pwned.md",
            "export minutes \(Self.meeting) --output=pwned.md", "export minutes \(Self.meeting) -fo pwned.md",
            "actions --data elsewhere", "actions --data=elsewhere", "export minutes \(Self.meeting) --force",
            "export minutes \(Self.meeting) --format pdf", "export minutes \(Self.meeting) --format=pdf",
            "actions; touch pwned", "actions && touch pwned", "actions | sh", "actions > pwned", "actions `touch pwned`",
            "actions $(touch pwned)", "actions\ntouch pwned", "actions 'unclosed", "actions \\; sh", "export minutes ../../etc/passwd",
            "actions --today 2030-01-01", "actions --theme x", "actions --ssh",
        ]
        for asked in hostile {
            let got = try forced(asked)
            #expect(got.status != 0, "\(asked) ran: \(got.stdout)")
            #expect(got.stdout.isEmpty, "\(asked): \(got.stdout)")
            let lines = got.stderr.split(separator: "\n")
            #expect(lines.count == 1, "\(asked): \(got.stderr)")
            #expect(got.stderr.hasPrefix("clerk: over SSH only 'clerk export …' and 'clerk actions …'"), "\(asked): \(got.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/pwned"))
        #expect(!FileManager.default.fileExists(atPath: FileManager.default.currentDirectoryPath + "/pwned.md"))
        let after = try folderContents(archive)
        #expect(after == before, "the archive changed")
    }

    @Test func withoutSSHTheAskedCommandIsIgnored() throws {
        // Without --ssh the ForceCommand starts the screen whatever was asked, as before.
        let got = try forced("export minutes \(Self.meeting)", ssh: false)
        #expect(got.status != 0)
        #expect(got.stdout.isEmpty)
        #expect(got.stderr.contains("the screen needs a terminal"), "\(got.stderr)")
    }

    @Test(.enabled(if: TestSSHServer.isAvailable, "needs OpenSSH: apt-get install -y openssh-server"))
    func throughARealSSHServer() throws {
        let server = try TestSSHServer(forceCommand: "\(clerk) --read-only --data \(archive) --today 2026-11-23 --ssh")
        defer { server.stop() }
        let got = try Run("/usr/bin/ssh", server.client() + ["clerk", "export", "minutes", Self.meeting, "--format", "md"])
        let want = try direct(["export", "minutes", Self.meeting, "--format", "md"])
        #expect(got.status == 0, "\(got.stderr)\(server.log)")
        #expect(got.stdout == want.stdout)
        let refused = try Run("/usr/bin/ssh", server.client() + ["clerk", "export", "minutes", Self.meeting, "-o", "/etc/passwd"])
        #expect(refused.status != 0)
        #expect(refused.stderr.hasPrefix("clerk: over SSH only"), "\(refused.stderr)")
        let shell = try Run("/usr/bin/ssh", server.client() + ["touch \(dir.path)/marker; sh"])
        #expect(shell.status != 0)
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/marker"))
    }
}
