import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
@testable import ClerkTUI
import Terminal
import Testing

/// A terminal whose keys come through a pipe, so the screen's wait covers a real
/// descriptor, as on a tty.
final class PipeTerminal: Terminal {
    let screen: VirtualTerminal
    let read: Int32, write: Int32

    init(size: Size) {
        screen = VirtualTerminal(size: size)
        var fds: [Int32] = [-1, -1]
        pipe(&fds)
        (read, write) = (fds[0], fds[1])
        _ = fcntl(read, F_SETFL, fcntl(read, F_GETFL) | O_NONBLOCK)
    }

    deinit { close(read); close(write) }

    var size: Size { screen.size }
    var colorCount: Int { screen.colorCount }
    var inputDescriptor: Int32? { read }
    func put(_ text: String, at p: Point, style: Style) { screen.put(text, at: p, style: style) }
    func fill(_ rect: Rect, style: Style) { screen.fill(rect, style: style) }
    func setCursor(_ p: Point?) { screen.setCursor(p) }
    func flush() { screen.flush() }

    /// One typed ASCII character per call; nil when none is waiting.
    func readInput(timeoutMs: Int) -> InputEvent? {
        var byte: UInt8 = 0
        guard Glibc.read(read, &byte, 1) == 1 else { return nil }
        return .key(.char(Character(Unicode.Scalar(byte))))
    }

    func type(_ text: String) { _ = text.utf8.withContiguousStorageIfAvailable { Glibc.write(write, $0.baseAddress, $0.count) } }
}

/// Live follow in the screen: a reader's wait ends as soon as another session appends, or
/// as soon as a key is typed, and the reader's pane then has the new paragraph.
@Suite struct LiveFollowTests {
    static let meeting = "pcpg-2027-01-12"

    @Test func anAppendWakesTheReaderAndAKeyStillComesThrough() throws {
        let dir = try TempDir("clerk-follow")
        defer { dir.remove() }
        let archive = dir.path + "/a"
        try DemoInstaller.install(at: archive, today: ScreenTests.today)
        let term = PipeTerminal(size: Size(cols: 120, rows: 40))
        let (keymap, _) = Keymap.load(configText: nil)
        let reader = ScreenApp(store: try ArchiveStore(directory: archive, mode: .readOnly), terminal: term,
                               theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                               clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 0)!))
        reader.watch = ArchiveWatch(directory: archive)
        reader.open(Self.meeting)
        reader.handle(.key(.char("3")))
        #expect(reader.nextInput(timeoutMs: 0).changed == false)

        let writer = try ArchiveStore(directory: archive, mode: .readWrite)
        let context = CommandContext(now: Instant(date: CalendarDate(year: 2027, month: 1, day: 12)!, time: TimeOfDay(hour: 10, minute: 0)!)) { "\($0)f" }
        try writer.commit(at: context.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: Self.meeting)).start(context: context)
        }
        let item = try writer.record(of: Self.meeting).items[0].id
        try writer.commit(at: context.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: Self.meeting))
                .addEntry(to: item, kind: .note, text: "Seen as it was typed", context: context)
        }
        let woke = reader.nextInput(timeoutMs: 10_000)
        #expect(woke.0 == nil && woke.changed)
        reader.follow()
        reader.render()
        #expect(term.screen.snapshot().contains("Seen as it was typed"))
        #expect(term.screen.snapshot().contains("in progress"))

        // Keys still end the wait, and are read, not lost.
        term.type("j")
        let typed = reader.nextInput(timeoutMs: 10_000)
        #expect(typed.0 == .key(.char("j")) && !typed.changed)
    }

    /// A crafted record arriving while a reader follows the meeting (a splice whose
    /// at + delete overflows) is skipped: the screen carries on and says so.
    @Test func aCraftedRecordArrivingIsSkippedAndTheStatusLineSaysSo() throws {
        let dir = try TempDir("clerk-follow-crafted")
        defer { dir.remove() }
        let archive = dir.path + "/a"
        try DemoInstaller.install(at: archive, today: ScreenTests.today)
        let meeting = "hpbc-2008-04-22"
        let term = VirtualTerminal(size: Size(cols: 120, rows: 40))
        let (keymap, _) = Keymap.load(configText: nil)
        let reader = ScreenApp(store: try ArchiveStore(directory: archive, mode: .readOnly), terminal: term,
                               theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                               clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 0)!))
        reader.open(meeting)
        reader.render()
        #expect(!term.snapshot().contains("skipped"))

        let segment = try Segment(path: archive + "/journal/meetings/\(meeting).jsonl", mode: .append)
        _ = try segment.append([NewRecord(type: "minutes.entry-edited", version: 1, at: "2026-11-23T10:00:00Z",
                                          json: #"{"entryID":"e-1","meetingID":"\#(meeting)","splices":[{"at":9223372036854775807,"delete":1,"insert":"x"}]}"#)])
        segment.close()
        reader.follow()
        reader.render()
        #expect(term.snapshot().contains("1 damaged record(s) skipped; 'clerk check' says where"))
        #expect(reader.record?.entries.first?.text.hasPrefix("at the time of the meeting") == true)
    }
}
