import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Follow mode with two real clerk processes on one archive, each in its own tmux terminal:
/// the secretary takes three items in turn; the reader, having pressed `f` once, sees each
/// item's minutes come into view without pressing another key.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct FollowEndToEndTests {
    static let meeting = "pcpg-2027-01-12"

    @Test func aReaderFollowsThreeItemChangesWithoutAKey() throws {
        let clerk = try Products.executable("clerk")
        let dir = try TempDir("clerk-follow-e2e")
        defer { dir.remove() }
        let archive = dir.path + "/archive"
        try DemoInstaller.install(at: archive, today: CalendarDate(year: 2026, month: 11, day: 23)!)
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        let context = CommandContext(now: Instant(date: CalendarDate(year: 2027, month: 1, day: 12)!, time: TimeOfDay(hour: 10, minute: 0)!)) {
            "\($0)\(UUID().uuidString.lowercased().prefix(8))"
        }
        try store.commit(at: context.now) { s in
            try MeetingContext(archive: s.state, record: try s.record(of: Self.meeting)).start(context: context)
        }
        let items = try store.record(of: Self.meeting).items
        // Minutes longer than the reader's pane, so that following has somewhere to go.
        for item in items {
            for n in 1...3 {
                try store.commit(at: context.now) { s in
                    try MeetingContext(archive: s.state, record: try s.record(of: Self.meeting))
                        .addEntry(to: item.id, kind: .note, text: "Paragraph \(n) of \(item.title), recorded earlier.", context: context)
                }
            }
        }

        let env = ["XDG_CONFIG_HOME": dir.path + "/config", "TERM": "screen-256color"]
        let command = "\(clerk) --data \(archive) --today 2027-01-12"
        let writer = try Tmux(cols: 100, rows: 30, command: command, environment: env)
        defer { writer.kill() }
        let reader = try Tmux(cols: 60, rows: 20, command: command + " --read-only", environment: env)
        defer { reader.kill() }
        for t in [writer, reader] {
            // A read-only session never says "saved": wait for the home screen's hints.
            try t.waitFor("Enter open")
            try t.keys(":")
            try t.type("open \(Self.meeting)")
            try t.keys("Enter")
            try t.waitFor("in progress")
        }
        try reader.keys("3")
        try reader.keys("f")
        try reader.waitFor("following")

        // The writer takes items 2, 3 and 4; the reader's minutes show each heading in turn.
        for index in 1...3 {
            try writer.keys("j")
            try writer.keys(".")
            let title = "│\(index + 1). " + String(items[index].title.prefix(20))
            let screen = try reader.wait(what: "item \(index + 1) in the reader's minutes") { screen in
                // The heading of the item under discussion is the first line of the pane, or
                // on screen once the pane shows the end of the minutes.
                let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
                guard lines.count > 18 else { return false }
                let atEnd = lines[18].firstMatch(of: /(\d+)\/(\d+)/).map { $0.1 == $0.2 } ?? false
                return lines[3].contains(title) || (atEnd && lines[3..<18].contains { $0.contains(title) })
            }
            #expect(screen.split(separator: "\n").first?.contains("following") == true)
        }

        // A key in the reader stops following, and says so.
        try reader.keys("k")
        try reader.waitFor("stopped following; f to follow again")
    }
}
