import ClerkTestSupport
import Foundation
import Testing

/// docs/ssh.md, followed literally: the commands of its code blocks run as root, as
/// written but for the names marked in `substitutions` (this test's folder, groups and
/// accounts, so that it touches nothing of the host's), then readers log in through a
/// real sshd configured with the page's own block.
@Suite(.serialized,
       .enabled(if: getuid() == 0, "runs docs/ssh.md's commands (groupadd, useradd, chown, setfacl): needs root"),
       .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"),
       .enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/setfacl"),
                "needs setfacl, as docs/ssh.md says: apt-get install -y acl; scripts/test installs it when run as root"),
       .enabled(if: TestSSHServer.isAvailable, "needs OpenSSH: apt-get install -y openssh-server"))
struct SSHDocEndToEndTests {
    static let meeting = "hpbc-2008-04-22"

    /// docs/ssh.md's code blocks, each a list of lines.
    static func codeBlocks() throws -> [[String]] {
        let text = try String(contentsOf: Golden.root.appendingPathComponent("docs/ssh.md"), encoding: .utf8)
        var blocks: [[String]] = [], current: [String]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("```") {
                if let c = current { blocks.append(c); current = nil } else { current = [] }
            } else {
                current?.append(line)
            }
        }
        return blocks
    }

    static func block(containing marker: String) throws -> [String] {
        try #require(try codeBlocks().first { $0.contains { $0.contains(marker) } }, "docs/ssh.md has no block with '\(marker)'")
    }

    @Test func theSetUpOfDocsSSHMdWorksForReadersWithAndWithoutALocale() throws {
        let work = try TempDir("clerk-sshdoc")
        defer { work.remove() }
        chmod(work.path, 0o755)  // the readers pass through it to the archive and the binary
        let tag = String(getpid() % 100_000)
        let writers = "cw\(tag)", readers = "cr\(tag)", sarah = "cs\(tag)", tom = "ct\(tag)", anna = "ca\(tag)"
        let archive = work.path + "/srv-clerk", bin = work.path + "/bin/clerk"
        try FileManager.default.createDirectory(atPath: work.path + "/bin", withIntermediateDirectories: true)
        let built = try Products.executable("clerk")
        // SUBSTITUTIONS: only names and paths change; every command runs as the page writes it.
        let substitutions: [(String, String)] = [
            ("/srv/clerk", archive), ("/usr/local/bin/clerk", bin), (".build/release/clerk", built),
            ("clerk-readers", readers), ("committee", writers), ("sarah", sarah), ("tom", tom),
        ]
        func substituted(_ line: String) -> String {
            substitutions.reduce(line) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        defer {
            for user in [sarah, tom, anna] { _ = try? Run("/usr/sbin/userdel", ["-r", user]) }
            for group in [writers, readers] { _ = try? Run("/usr/sbin/groupdel", [group]) }
        }

        // The archive folder and the binary, in the page's order.
        var ran: [String] = []
        for block in [try Self.block(containing: "groupadd"), try Self.block(containing: "install -m 755")] {
            for raw in block {
                // A comment after the command is the page's explanation, not the command.
                let command = raw.components(separatedBy: "  #").first!.trimmingCharacters(in: .whitespaces)
                guard !command.isEmpty, !command.hasPrefix("#") else { continue }
                // SUBSTITUTION: scripts/test installs the packages; this test's own build is the binary.
                if command.hasPrefix("apt-get install") || command.hasPrefix("swift build") { continue }
                var line = substituted(command)
                // SUBSTITUTION: the demo archive, the alternative the line itself names, so there are minutes to read.
                if line.hasPrefix("clerk init ") { line = "\(built) demo --init " + line.dropFirst("clerk init ".count) + " --today 2026-11-23" }
                let r = try Run("/bin/sh", ["-c", line])
                #expect(r.status == 0, "docs/ssh.md: \(raw)\n→ \(line)\n\(r.stdout)\(r.stderr)")
                ran.append(line)
                // A second reader, made as the page makes tom.
                if raw.contains("useradd"), raw.contains(" tom") {
                    let again = try Run("/bin/sh", ["-c", line.replacingOccurrences(of: tom, with: anna)])
                    #expect(again.status == 0, "\(again.stderr)")
                }
            }
        }
        #expect(ran.contains { $0.hasPrefix("setfacl") }, "docs/ssh.md shares the archive with setfacl")
        #expect(ran.contains { $0.contains("useradd") && $0.contains(" -s /bin/sh") || $0.contains(" -s /bin/bash") })
        // The page's own check that a reader cannot write.
        let check = try Run("/usr/sbin/runuser", ["-u", tom, "--", "test", "-w", archive + "/journal/archive.jsonl"])
        #expect(check.status != 0, "a reader may write the journal")
        let before = try folderContents(archive)

        // sshd with the page's configuration block.
        let config = try Self.block(containing: "Match Group clerk-readers").map(substituted).joined(separator: "\n")
        #expect(config.contains("SetEnv LANG=C.UTF-8"))
        let server = try TestSSHServer(forceCommand: nil, extra: config, usePAM: true)
        defer { server.stop() }

        // A reader fetches minutes through clerk, to their own terminal.
        let fetched = try Run("/usr/bin/ssh", server.client(user: tom) + ["clerk", "export", "minutes", Self.meeting, "--format", "md"])
        let direct = try Run(built, ["export", "minutes", Self.meeting, "--format", "md", "--data", archive])
        #expect(fetched.status == 0, "\(fetched.stderr)\(server.log)")
        #expect(!fetched.stdout.isEmpty && fetched.stdout == direct.stdout)
        let shell = try Run("/usr/bin/ssh", server.client(user: anna) + ["sh -c id"])
        #expect(shell.status != 0 && shell.stdout.isEmpty, "\(shell.stdout)")
        #expect(shell.stderr.hasPrefix("clerk: over SSH only"), "\(shell.stderr)")

        // A reader whose client sends LANG, and one whose client sends none: both get the screen in UTF-8.
        for (user, prefix) in [(tom, "LANG=C.UTF-8"), (anna, "env -u LANG -u LC_ALL -u LC_CTYPE")] {
            let command = ([prefix, "ssh", "-tt"] + server.client(user: user)).joined(separator: " ")
            let t = try Tmux(cols: 100, rows: 30, command: prefix.hasPrefix("env") ? command : "env " + command,
                             environment: ["TERM": "screen-256color", "LANG": "C.UTF-8"])
            defer { t.kill() }
            let screen = try t.waitFor("committees and meetings", seconds: 20)
            #expect(screen.contains("─") && screen.contains("│"), "\(user): no UTF-8 borders\n\(screen)\n\(server.log)")
            #expect(!screen.contains("currently not available"))
            #expect(screen.split(separator: "\n").first?.contains("read-only") == true)
            #expect(!(screen.split(separator: "\n").last ?? "").contains("saved"))
            try t.keys("Q")
            try t.wait(what: "the session to end") { _ in (try? t.paneDead()) == true }
        }

        #expect(try folderContents(archive) == before, "the archive changed")
    }
}
