import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// `clerk actions` and `clerk export actions` leave a withdrawn action out; `--status
/// withdrawn` asks for it by name.
@Suite struct WithdrawnActionCommandLineTests {
    @Test func aWithdrawnActionIsListedOnlyWhenAskedFor() throws {
        let clerk = try Products.executable("clerk")
        let dir = try TempDir("clerk-withdrawn-cli")
        let archive = dir.path + "/archive"
        #expect(try Run(clerk, ["demo", "--init", archive, "--today", "2026-11-23"]).status == 0)
        let id: ActionID
        do {
            let store = try ArchiveStore(directory: archive, mode: .readWrite)
            let action = try #require(store.state.actions.values.filter { $0.status == .open }.min { $0.id < $1.id })
            id = action.id
            let ctx = CommandContext(Clock.fixed(CalendarDate(iso: "2026-11-23")!, TimeOfDay(hour: 10, minute: 0)!).read(),
                                     makeID: { "\($0)t" })
            try store.commit(at: ctx.now) { store in try store.state.withdrawAction(id, reason: "raised by mistake", context: ctx) }
        }
        func run(_ args: String...) throws -> Run { try Run(clerk, ["--data", archive, "--today", "2026-11-23"] + args) }
        let listed = try run("actions", "--all", "--format", "csv")
        #expect(listed.status == 0, "\(listed.stderr)")
        #expect(!listed.stdout.contains(id))
        let asked = try run("actions", "--status", "withdrawn", "--format", "csv")
        #expect(asked.stdout.contains(id))
        let exported = try run("export", "actions", "--all", "-o", dir.path + "/log.csv")
        #expect(exported.status == 0, "\(exported.stderr)")
        let csv = try String(contentsOfFile: dir.path + "/log.csv", encoding: .utf8)
        #expect(!csv.contains(id))
        let wrong = try run("actions", "--status", "withdrew")
        #expect(wrong.status != 0)
        #expect(wrong.stderr.contains("use open, in-progress, done, dropped, ongoing or withdrawn"))
    }
}
