import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// A member barred from a committee's confidential items, running clerk under their own
/// operating-system account (`nobody` here, through setpriv): no trace of the item reaches
/// their terminal — every pane captured with tmux, search, the action review — nor the
/// output of `clerk actions`, `clerk search` and `clerk export`.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"),
       .enabled(if: NobodyAccount.canRun,
                "needs root and setpriv (util-linux), and a build folder the nobody account can reach"))
struct BarredAccountEndToEndTests {
    static let meeting = "hpbc-2008-04-22"
    /// Words of the confidential item ("CATS Roadshow"), its minutes and its action.
    static let traces = ["CATS", "Roadshow", "roadshow", "Harpenden", "StahCom has organised", "Anne Walker"]

    @Test func aBarredMemberSeesNoTraceOfAConfidentialItemAnywhere() throws {
        let dir = try TempDir("clerk-barred")
        defer { dir.remove() }
        chmod(dir.path, 0o755)
        let archive = dir.path + "/archive"
        try DemoInstaller.install(at: archive, today: CalendarDate(year: 2026, month: 11, day: 23)!)
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        try store.commit(at: Instant(secondsSinceEpoch: 1_795_000_000)) { store in
            var item = try #require(try store.record(of: Self.meeting).items.first { $0.title == "CATS Roadshow" })
            item.confidential = true
            return [.itemEdited(ItemEdited(meetingID: Self.meeting, item: item)),
                    .accountsSet(AccountsSet(personID: "peter-graves", accounts: ["nobody"])),
                    .accountsSet(AccountsSet(personID: "mark-andrews", accounts: ["root"])),
                    .confidentialBarred(ConfidentialBarred(committeeID: DemoArchive.hertsPBCLeads, personID: "peter-graves", barred: true))]
        }
        #expect(try Run("/bin/chmod", ["-R", "u+rwX,go+rX,go-w", archive]).status == 0)
        let clerk = try Products.executable("clerk")
        func asNobody(_ args: [String]) -> [String] {
            NobodyAccount.command(["/usr/bin/env", "HOME=\(dir.path)", clerk, "--data", archive, "--today", "2026-11-23"] + args)
        }

        // The screen, in tmux: every pane, zoomed and paged through, the review and a search.
        let t = try Tmux(cols: 100, rows: 30, command: asNobody([]).joined(separator: " "),
                         environment: ["TERM": "screen-256color", "LANG": "C.UTF-8"])
        defer { t.kill() }
        var screens = [try t.waitFor("committees and meetings")]
        try t.keys(":")
        try t.type("open \(Self.meeting)")
        try t.keys("Enter")
        screens.append(try t.waitFor("22 Apr 2008"))
        for pane in ["1", "2", "3", "4"] {
            try t.keys(pane, "z")
            for _ in 0..<10 {
                usleep(60_000)
                screens.append(try t.capture())
                try t.keys("PageDown")
            }
            try t.keys("z")
        }
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.keys("a", "t", "t", "t", "t", "t", "t")
        usleep(200_000)
        screens.append(try t.capture())
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.keys("/")
        try t.waitFor("Search")
        try t.type("harpenden")
        try t.keys("Enter")
        screens.append(try t.waitFor("nothing found"))
        for screen in screens {
            for trace in Self.traces { #expect(!screen.contains(trace), "\(trace) shown:\n\(screen)") }
        }
        #expect(screens.contains { $0.contains("Extended Hours and Darzi Health Centres") })

        // The command line, as the same account.
        for args in [["actions", "--all"], ["search", "harpenden"], ["export", "minutes", Self.meeting],
                     ["export", "agenda", Self.meeting, "--format", "html"], ["export", "actions", "--all"],
                     ["export", "calendar", "--actions"]] {
            let command = asNobody(args)
            let run = try Run(command[0], Array(command.dropFirst()))
            #expect(run.status == 0, "\(args): \(run.stderr)")
            for trace in Self.traces { #expect(!run.stdout.contains(trace), "\(trace) in clerk \(args)") }
        }
        let asked = asNobody(["export", "minutes", Self.meeting, "--include-confidential"])
        let refused = try Run(asked[0], Array(asked.dropFirst()))
        #expect(refused.status != 0)
        #expect(refused.stdout.isEmpty)
        #expect(refused.stderr.split(separator: "\n").count == 1)
    }
}
