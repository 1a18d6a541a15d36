import ClerkTestSupport
import Foundation
import Testing

/// `clerk init`, the real causes of failing to open an archive, exports that could
/// overwrite the journal or a dotfile, and the files' permissions — in the real binary.
@Suite struct ArchiveFilesCommandLineTests {
    let clerk: String
    let dir: TempDir

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-files-cli")
    }

    func run(_ args: [String]) throws -> Run { try Run(clerk, args) }

    func runAsNobody(_ args: [String]) throws -> Run {
        let command = NobodyAccount.command([clerk] + args)
        return try Run(command[0], Array(command.dropFirst()))
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? mode_t(info.st_mode) & 0o7777 : 0
    }

    @Test func initMakesAnEmptyArchiveThatChecksAndListsNothing() throws {
        defer { dir.remove() }
        let archive = dir.path + "/committee"
        let made = try run(["init", archive])
        #expect(made.status == 0, "\(made.stderr)")
        #expect(made.stdout == "empty archive created in \(archive); open it with 'clerk --data \(archive)' and press C to create a committee\n")
        let check = try run(["--data", archive, "check"])
        #expect(check.status == 0)
        #expect(check.stdout == "ok: 1 journal file(s), 0 record(s) in \(archive)\n")
        let committees = try run(["--data", archive, "committees"])
        #expect(committees.status == 0)
        #expect(committees.stdout.split(separator: "\n").count == 1)  // the header alone
        #expect(try run(["--data", archive, "meetings"]).status == 0)
        for folder in ["", "/journal", "/journal/meetings", "/cache"] { #expect(Self.mode(archive + folder) == 0o700, "\(folder)") }
        for file in ["/clerk-archive.json", "/journal/archive.jsonl"] { #expect(Self.mode(archive + file) == 0o600, "\(file)") }
        // --data names the folder as well.
        let other = dir.path + "/other"
        #expect(try run(["--data", other, "init"]).status == 0)
        #expect(try run(["--data", other, "check"]).status == 0)
    }

    @Test func initRefusesBadFoldersInOneLineAndMakesNothing() throws {
        defer { dir.remove() }
        let archive = dir.path + "/archive"
        #expect(try run(["init", archive]).status == 0)
        try FileManager.default.createDirectory(atPath: dir.path + "/papers", withIntermediateDirectories: false)
        try Data("agenda".utf8).write(to: URL(fileURLWithPath: dir.path + "/papers/agenda.txt"))
        try Data("x".utf8).write(to: URL(fileURLWithPath: dir.path + "/a-file"))
        let cases: [([String], String)] = [
            (["init", archive], "clerk: \(archive) is already an archive; open it with 'clerk --data \(archive)', or choose a new folder\n"),
            (["init", dir.path + "/papers"], "clerk: \(dir.path)/papers is not empty and not an archive; choose a new or empty folder for the archive\n"),
            (["init", dir.path + "/a-file"], "clerk: \(dir.path)/a-file is a file, not a folder; choose a new or empty folder for the archive\n"),
            (["init", dir.path + "/no/such/parent"], "clerk: no folder \((dir.path + "/no/such/parent" as NSString).deletingLastPathComponent) to make \(dir.path)/no/such/parent in; create it first or choose another path\n"),
            (["init", dir.path + "/x", "--read-only"], "clerk: 'clerk init' makes an archive; it cannot be --read-only\n"),
        ]
        for (args, expected) in cases {
            let before = try folderContents(dir.path)
            let result = try run(args)
            #expect(result.status != 0, "\(args)")
            #expect(result.stdout.isEmpty)
            #expect(result.stderr == expected, "\(args)")
            #expect(try folderContents(dir.path) == before, "\(args)")
        }
    }

    @Test(.enabled(if: NobodyAccount.canRun, "needs root and setpriv to run clerk as an account without permission"))
    func permissionsAreNamedAsSuch() throws {
        defer { dir.remove() }
        chmod(dir.path, 0o755)
        let archive = dir.path + "/archive"
        #expect(try run(["init", archive]).status == 0)
        // A private archive, and a parent folder the account cannot write.
        let listed = try runAsNobody(["--data", archive, "committees"])
        #expect(listed.status != 0)
        #expect(listed.stderr == "clerk: permission denied: your account cannot read the folder \(archive); ask the archive's owner for access (e.g. to be added to its group)\n")
        let screen = try runAsNobody(["--data", archive])
        #expect(screen.stderr.hasPrefix("clerk: permission denied: your account cannot read the folder \(archive)"))
        let before = try folderContents(dir.path)
        let made = try runAsNobody(["init", dir.path + "/mine"])
        #expect(made.status != 0)
        #expect(made.stderr == "clerk: permission denied: your account cannot create \(dir.path)/mine in \((dir.path + "/mine" as NSString).deletingLastPathComponent); choose a folder your account may write\n")
        #expect(try folderContents(dir.path) == before)
    }

    @Test func anArchiveBuiltByHandWithoutItsMeetingsFolderSaysWhatIsMissing() throws {
        defer { dir.remove() }
        let archive = dir.path + "/by-hand"
        try FileManager.default.createDirectory(atPath: archive + "/journal", withIntermediateDirectories: true)
        try Data(#"{"format":"clerk-archive","version":1}"#.utf8 + [0x0A]).write(to: URL(fileURLWithPath: archive + "/clerk-archive.json"))
        try Data().write(to: URL(fileURLWithPath: archive + "/journal/archive.jsonl"))
        let read = try run(["--data", archive, "--read-only", "committees"])
        #expect(read.stderr == "clerk: \(archive)/journal/meetings is missing; open the archive once in a session that may write (clerk creates it), or create it with 'mkdir \(archive)/journal/meetings'\n")
        #expect(!FileManager.default.fileExists(atPath: archive + "/journal/meetings"))
        // A session that writes creates the empty folder and goes on.
        let me = try Run("/usr/bin/id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let unlinked = try run(["--data", archive, "access", "unlink", me])
        #expect(!unlinked.stderr.contains("missing"), "\(unlinked.stderr)")
        #expect(FileManager.default.fileExists(atPath: archive + "/journal/meetings"))
        #expect(try run(["--data", archive, "access", "show"]).status == 0)
        #expect(try run(["--data", archive, "check"]).status == 0)
    }

    @Test func anExportNeverLandsInTheArchiveOrOnAnUnexpectedName() throws {
        defer { dir.remove() }
        let archive = dir.path + "/archive"
        #expect(try run(["demo", "--init", archive, "--today", "2026-11-23"]).status == 0)
        let journal = archive + "/journal/archive.jsonl"
        #expect(symlink(archive + "/journal", dir.path + "/into-journal") == 0)
        try Data("kept".utf8).write(to: URL(fileURLWithPath: dir.path + "/target.txt"))
        #expect(symlink(dir.path + "/target.txt", dir.path + "/link.txt") == 0)
        let export = ["--data", archive, "export", "minutes", "hpbc-2008-04-22", "--read-only"]
        let inside = "is inside the archive folder \(archive); exports are never written there (one could replace the journal): choose a file outside it"
        let cases: [([String], String)] = [
            (["-o", journal, "--force"], "clerk: \(journal) \(inside)\n"),
            (["-o", journal], "clerk: \(journal) \(inside)\n"),
            (["-o", archive + "/minutes.txt"], "clerk: \(archive)/minutes.txt \(inside)\n"),
            (["-o", dir.path + "/into-journal/minutes.txt"], "clerk: \(dir.path)/into-journal/minutes.txt \(inside)\n"),
            (["-o", dir.path + "/.bashrc"], "clerk: '\(dir.path)/.bashrc' does not end in .txt, the format's extension; name it e.g. bashrc.txt, or add --force to write it as given\n"),
            (["--format", "md", "-o", dir.path + "/minutes.html"], "clerk: --format md and the file name's ending .html disagree; give one, or make them match\n"),
            (["--format", "md", "-o", dir.path + "/minutes.doc"], "clerk: '\(dir.path)/minutes.doc' does not end in .md or .markdown, the format's extension; name it e.g. minutes.md, or add --force to write it as given\n"),
            (["-o", dir.path + "/link.txt"], "clerk: \(dir.path)/link.txt is a symbolic link; clerk does not write through links: remove it or choose another name\n"),
            (["--force"], "clerk: --force is taken with --output FILE only\n"),
        ]
        for (args, expected) in cases {
            let before = try folderContents(dir.path)
            let result = try run(export + args)
            #expect(result.status != 0, "\(args)")
            #expect(result.stderr == expected, "\(args)")
            #expect(try folderContents(dir.path) == before, "\(args)")
        }
        #expect(try run(["--data", archive, "check"]).status == 0)
        // The format follows the name when --format is not given; --force takes any name.
        let html = try run(["--data", archive, "export", "minutes", "hpbc-2008-04-22", "-o", dir.path + "/minutes.html"])
        #expect(html.status == 0, "\(html.stderr)")
        #expect(try String(contentsOfFile: dir.path + "/minutes.html", encoding: .utf8).hasPrefix("<!DOCTYPE html>"))
        let forced = try run(export + ["-o", dir.path + "/minutes", "--force"])
        #expect(forced.status == 0, "\(forced.stderr)")
        #expect(FileManager.default.fileExists(atPath: dir.path + "/minutes"))
    }

    @Test func checkWarnsAboutReadableFilesAndBarringWarnsThatTheFilesStayReadable() throws {
        defer { dir.remove() }
        let archive = dir.path + "/archive"
        #expect(try run(["demo", "--init", archive, "--today", "2026-11-23"]).status == 0)
        let data = ["--data", archive, "--today", "2026-11-23"]
        #expect(try run(data + ["check"]).stdout.split(separator: "\n").count == 1)
        #expect(try run(data + ["access", "link", "Dr Peter Graves", "nobody", "--yes"]).status == 0)
        let privately = try run(data + ["access", "bar", "Dr Peter Graves", "--committee", "hpbc"])
        #expect(privately.stdout == "recorded\n")
        #expect(try run(data + ["access", "unbar", "Dr Peter Graves", "--committee", "hpbc"]).status == 0)

        #expect(try Run("/bin/chmod", ["-R", "o+rX", archive]).status == 0)
        let check = try run(data + ["check"])
        #expect(check.status == 0)
        let warnings = check.stdout.split(separator: "\n").filter { $0.hasPrefix("warning: ") }
        #expect(warnings.count >= 4)
        #expect(warnings.allSatisfy { $0.hasSuffix("run 'chmod -R o-rwx \(archive)' unless that is intended") })
        let barred = try run(data + ["access", "bar", "Dr Peter Graves", "--committee", "hpbc"])
        #expect(barred.status == 0)
        #expect(barred.stdout.hasPrefix("recorded\nwarning: the account nobody can still read the journal files in \(archive) by their permissions: "))
    }

    static var canLimitFileSize: Bool {
        FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit")
            && (try? Run("/usr/bin/env", ["--ignore-signal=XFSZ", "true"]))?.status == 0
    }

    /// A write the kernel refuses (here: past the file-size limit, EFBIG) is reported once,
    /// with its cause, not as "write failed: write failed".
    @Test(.enabled(if: canLimitFileSize, "needs prlimit (util-linux) and env --ignore-signal (coreutils 8.31)"))
    func aFailedWriteSaysSoOnceWithTheCause() throws {
        defer { dir.remove() }
        let archive = dir.path + "/archive"
        #expect(try run(["demo", "--init", archive, "--today", "2026-11-23"]).status == 0)
        let journal = archive + "/journal/archive.jsonl"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: journal)[.size] as? Int)
        let before = try folderContents(archive)
        let failed = try Run("/usr/bin/prlimit", ["--fsize=\(size)", "/usr/bin/env", "--ignore-signal=XFSZ",
                                                  clerk, "--data", archive, "access", "link", "PG", "nobody", "--yes"])
        #expect(failed.status == 1)
        #expect(failed.stderr == "clerk: journal segment \(journal): write failed: \(String(cString: strerror(EFBIG))) (errno \(EFBIG)); check the disk and permissions, then reopen\n")
        #expect(try folderContents(archive) == before)
    }

    @Test func theDemoArchiveIsPrivateToo() throws {
        defer { dir.remove() }
        let archive = dir.path + "/demo"
        #expect(try run(["demo", "--init", archive, "--today", "2026-11-23"]).status == 0)
        let meetings = try FileManager.default.contentsOfDirectory(atPath: archive + "/journal/meetings")
        #expect(!meetings.isEmpty)
        for file in meetings { #expect(Self.mode(archive + "/journal/meetings/" + file) == 0o600, "\(file)") }
        #expect(Self.mode(archive + "/cache/archive-checkpoint.json") == 0o600)
    }
}
