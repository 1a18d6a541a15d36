import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
@testable import ClerkTUI
import Terminal
import Testing

/// Follow mode with two sessions on one archive: a writer store takes items and records
/// paragraphs; the reader's screen, woken by the archive watch, moves with each change of the
/// item under discussion and keeps each new paragraph in view, with no key pressed.
@Suite struct FollowModeTests {
    static let meeting = "pcpg-2027-01-12"

    struct Session {
        let dir: TempDir
        let term: PipeTerminal
        let reader: ScreenApp
        let writer: ArchiveStore
        let context: CommandContext

        init(size: Size) throws {
            dir = try TempDir("clerk-follow-mode")
            let archive = dir.path + "/a"
            try DemoInstaller.install(at: archive, today: ScreenTests.today)
            term = PipeTerminal(size: size)
            let (keymap, _) = Keymap.load(configText: nil)
            reader = ScreenApp(store: try ArchiveStore(directory: archive, mode: .readOnly), terminal: term,
                               theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                               clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 0)!))
            reader.watch = ArchiveWatch(directory: archive)
            writer = try ArchiveStore(directory: archive, mode: .readWrite)
            context = CommandContext(now: Instant(date: CalendarDate(year: 2027, month: 1, day: 12)!, time: TimeOfDay(hour: 10, minute: 0)!)) {
                "\($0)\(UUID().uuidString.lowercased().prefix(8))"
            }
        }

        func write(_ command: (MeetingContext) throws -> [Event]) throws {
            try writer.commit(at: context.now) { store in
                try command(MeetingContext(archive: store.state, record: try store.record(of: FollowModeTests.meeting)))
            }
        }

        /// Waits for the watch to report the write, reads it, draws: what the loop does.
        func readerCatchesUp() -> String {
            let woke = reader.nextInput(timeoutMs: 10_000)
            #expect(woke.0 == nil && woke.changed)
            reader.follow()
            reader.render()
            return term.screen.snapshot()
        }

        var items: [AgendaItem] { (try? writer.record(of: FollowModeTests.meeting).items) ?? [] }
        var header: String { String(term.screen.snapshot().split(separator: "\n").first ?? "") }
        var status: String { String(term.screen.snapshot().split(separator: "\n").last ?? "") }
    }

    @Test func theReaderFollowsThreeItemChangesAndEachNewParagraph() throws {
        let s = try Session(size: Size(cols: 60, rows: 20))
        defer { s.dir.remove() }
        try s.write { try $0.start(context: s.context) }
        s.reader.open(Self.meeting)
        s.reader.handle(.key(.char("3")))
        s.reader.handle(.key(.char("f")))
        s.reader.render()
        #expect(s.header.contains("following"))
        #expect(s.reader.state.meeting?.following == true)

        for index in 1...3 {
            let item = s.items[index]
            try s.write { try $0.setCurrentItem(item.id, context: s.context) }
            let screen = s.readerCatchesUp()
            #expect(s.reader.state.meeting?.positions[.minutes]?.selected == index, "item \(index + 1) selected")
            #expect(screen.contains(String(item.title.prefix(20))), "item \(index + 1)'s heading on screen:\n\(screen)")
            #expect(s.header.contains("following"))
            // Paragraphs arrive until the item is longer than the pane; the newest stays in view.
            for p in 1...6 {
                let text = "Paragraph \(p) of item \(index + 1), recorded while the reader watched without a key."
                try s.write { try $0.addEntry(to: item.id, kind: .note, text: text, context: s.context) }
                let now = s.readerCatchesUp()
                #expect(now.contains("Paragraph \(p) of item \(index + 1)"), "paragraph \(p) of item \(index + 1) in view:\n\(now)")
            }
        }

        // Moving away stops following, and says so; the next item change leaves the view alone.
        s.reader.handle(.key(.char("k")))
        s.reader.render()
        #expect(s.status.contains("stopped following; f to follow again"))
        #expect(!s.header.contains("following"))
        let before = s.reader.state.meeting?.positions[.minutes]
        let next = s.items[5]
        try s.write { try $0.setCurrentItem(next.id, context: s.context) }
        _ = s.readerCatchesUp()
        #expect(s.reader.state.meeting?.positions[.minutes] == before)

        // f again follows once more, straight to the item now under discussion.
        s.reader.handle(.key(.char("f")))
        s.reader.render()
        #expect(s.reader.state.meeting?.positions[.minutes]?.selected == 5)
        #expect(s.header.contains("following"))
        // And f while following stops it.
        s.reader.handle(.key(.char("f")))
        s.reader.render()
        #expect(!s.header.contains("following"))
        #expect(s.status.contains("stopped following"))
    }

    /// Scrolling by a page stops following too.
    @Test func pagingStopsFollowing() throws {
        let s = try Session(size: Size(cols: 40, rows: 12))
        defer { s.dir.remove() }
        try s.write { try $0.start(context: s.context) }
        s.reader.open(Self.meeting)
        s.reader.handle(.key(.char("3")))
        s.reader.handle(.key(.char("f")))
        s.reader.handle(.key(.pageDown))
        s.reader.render()
        #expect(s.reader.state.meeting?.following == false)
        #expect(s.status.contains("stopped following"))
    }

    /// With no item under discussion there is nothing to follow, and the screen says so.
    @Test func nothingToFollowBeforeTheMeetingStarts() throws {
        let s = try Session(size: Size(cols: 60, rows: 20))
        defer { s.dir.remove() }
        s.reader.open(Self.meeting)
        s.reader.handle(.key(.char("3")))
        s.reader.handle(.key(.char("f")))
        s.reader.render()
        #expect(s.reader.state.meeting?.following == false)
        #expect(s.status.contains("no item is under discussion"))
    }
}
