import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// `clerk access` and `clerk actions --mine` in the real binary, as the account running
/// the tests: the demo links nobody, so nothing is restricted until an account is linked.
@Suite struct AccessCommandLineTests {
    let clerk: String
    let dir: TempDir

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-access-cli")
        let made = try Run(clerk, ["demo", "--init", dir.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    func run(_ args: String...) throws -> Run {
        try Run(clerk, ["--data", dir.path + "/archive", "--today", "2026-11-23"] + args)
    }

    @Test func linkingShowsAndMyActions() throws {
        let show = try run("access", "show")
        #expect(show.status == 0, "\(show.stderr)")
        #expect(show.stdout.contains("no accounts are linked"))
        let me = try Run("/usr/bin/id", ["-un"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let unlinked = try run("actions", "--mine")
        #expect(unlinked.status == 1)
        #expect(unlinked.stderr == "clerk: account \(me) is not linked to anyone; the archive's owner (account \(me)) links it: clerk access link PERSON \(me)\n")
        // The first link takes writing from the officers not yet linked: named, and only with --yes.
        let journal = dir.path + "/archive/journal/archive.jsonl"
        let untouched = try Data(contentsOf: URL(fileURLWithPath: journal))
        let warned = try run("access", "link", "Dr Peter Graves", me)
        #expect(warned.status != 0)
        #expect(warned.stdout.isEmpty)
        #expect(warned.stderr.split(separator: "\n").count == 1, "\(warned.stderr)")
        #expect(warned.stderr.hasPrefix("clerk: this is the first account linked: from now on only linked chairs, vice-chairs and secretariat"), "\(warned.stderr)")
        #expect(warned.stderr.contains("or run again with --yes; nothing was recorded"))
        let state = try ArchiveStore(directory: dir.path + "/archive", mode: .readOnly).state
        let graves = try state.person(matching: "Dr Peter Graves")
        for committee in state.committeeList {
            for (person, _) in Access.writers(of: committee, in: state, on: CalendarDate(year: 2026, month: 11, day: 23)!) where person.id != graves.id {
                #expect(warned.stderr.contains("\(committee.code): ") && warned.stderr.contains(person.formalName), "\(person.formalName) not named")
            }
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == untouched)
        #expect(try run("access", "unlink", "ghost", "--yes").stderr == "clerk: --yes is taken by link only\n")
        #expect(try run("access", "link", "Dr Peter Graves", me, "--yes").stdout == "recorded\n")
        // Once one account is linked, the next link needs no --yes.
        #expect(try run("access", "link", "Mark Andrews", "mandrews").stdout == "recorded\n")
        let mine = try run("actions", "--mine", "--format", "csv")
        #expect(mine.status == 0, "\(mine.stderr)")
        #expect(mine.stdout.contains("Dr Peter Graves"))
        #expect(!mine.stdout.contains("LMC"))
        // The archive folder is this account's: its administrator sees and may do everything.
        #expect(try run("access", "show").stdout.contains("the archive's owner"))
    }

    @Test func badRequestsGetOneLineAndChangeNothing() throws {
        let journal = dir.path + "/archive/journal/archive.jsonl"
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        for args in [["access", "link", "Nobody Known", "someone"], ["access", "link", "PG", "not an account"],
                     ["access", "bar", "PG", "--committee", "no-such"], ["access", "unlink", "ghost"],
                     ["access", "link", "PG"], ["access", "grant", "PG"], ["actions", "--mine", "--owner", "PG"],
                     ["access", "--read-only", "link", "PG", "pgraves"]] {
            let r = try Run(clerk, ["--data", dir.path + "/archive"] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
    }
}
