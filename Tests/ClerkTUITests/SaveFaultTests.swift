import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The disk fails while the minutes are typed: the screen says so, keeps the text, saves
/// it when the disk works again, and what is still unsaved when the screen closes goes to
/// a rescue file that the next session offers back.
@Suite struct SaveFaultTests {
    /// A clock the test moves by hand: the screen's monotonic seconds, and the sync
    /// policy's idea of when the fault lasts.
    final class Clock: @unchecked Sendable {
        var seconds = 1000.0
    }

    /// The real `fdatasync`, except while `clock` is inside `failing`: then EIO, as a
    /// failing disk gives.
    final class FlakySync: SyncPolicy, @unchecked Sendable {
        let clock: Clock
        var failing: Range<Double> = 0..<0
        /// Fail one data sync after letting this many through.
        var failAfter: Int?
        private(set) var failures = 0
        init(clock: Clock) { self.clock = clock }

        func dataSync(fd: Int32) throws {
            var once = false
            if let n = failAfter {
                failAfter = n == 0 ? nil : n - 1
                once = n == 0
            }
            if once || failing.contains(clock.seconds) {
                failures += 1
                throw SystemCallError(call: "fdatasync", errno: EIO)
            }
            try SystemSync().dataSync(fd: fd)
        }

        func directorySync(fd: Int32) throws { try SystemSync().directorySync(fd: fd) }
    }

    struct Session {
        let app: ScreenApp
        let term: VirtualTerminal
        let store: ArchiveStore

        func screen() -> String {
            app.render()
            return term.snapshot()
        }

        func type(_ text: String, clock: Clock, perKey: Double) {
            for c in text {
                clock.seconds += perKey
                app.handle(.key(c == "\n" ? .enter : .char(c)))
            }
        }
    }

    static let meeting = ScreenTests.meeting

    /// A screen on the demo archive at `archive`, the 2008 meeting open on its minutes.
    static func session(_ archive: String, sync: any SyncPolicy, clock: Clock) throws -> Session {
        let store = try ArchiveStore(directory: archive, mode: .readWrite, sync: sync)
        let term = VirtualTerminal(size: Size(cols: 120, rows: 30))
        let app = ScreenApp(store: store, terminal: term, theme: ThemeLoader.load(name: nil, environment: [:], colorCount: 256).0,
                            keymap: Keymap.load(configText: nil).0, readOnly: false,
                            clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 30)!),
                            makeID: { $0 + "\(Int(clock.seconds * 10))" })
        app.monotonic = { clock.seconds }
        app.open(meeting)
        app.handle(.key(.char("3")))
        return Session(app: app, term: term, store: store)
    }

    static func lastEntry(_ archive: String) throws -> String {
        try ArchiveStore(directory: archive, mode: .readOnly).record(of: meeting).entries.last?.text ?? ""
    }

    static func install() throws -> (TempDir, String) {
        let dir = try TempDir("clerk-save-fault")
        try DemoInstaller.install(at: dir.path + "/archive", today: ScreenTests.today)
        return (dir, dir.path + "/archive")
    }

    /// fdatasync fails for 3 seconds in the middle of typing 540 characters (a new
    /// paragraph and then edits to it): nothing typed is lost, and the screen said what
    /// was wrong and then that it was saved.
    @Test func fsyncFailingForThreeSecondsLosesNothing() throws {
        let (dir, archive) = try Self.install()
        defer { dir.remove() }
        let clock = Clock()
        let sync = FlakySync(clock: clock)
        let s = try Self.session(archive, sync: sync, clock: clock)
        // 540 characters at 10 a second; the fault starts 1.2 s in, before the paragraph's
        // first flush has been acknowledged, and lasts 3 s.
        let words = (1...90).map { String(format: "w%04d ", $0) }.joined()
        #expect(words.count == 540)
        sync.failing = (clock.seconds + 0.05)..<(clock.seconds + 3.05)
        s.app.handle(.key(.char("a")))
        var sawNotSaved = false
        for (i, c) in words.enumerated() {
            clock.seconds += 0.1
            s.app.handle(.key(.char(c)))
            if i % 7 == 0 { s.app.tick() }
            if s.screen().contains("NOT SAVED: disk error (Input/output error) — your text is kept; clerk retries every second") {
                sawNotSaved = true
            }
        }
        clock.seconds += 1.1
        s.app.tick()
        #expect(sync.failures > 0)
        #expect(sawNotSaved)
        #expect(s.app.state.save == .saved)
        #expect(!s.screen().contains("NOT SAVED"))
        let saved = try Self.lastEntry(archive)
        let lost = words.count - (saved == words ? words.count : saved.commonPrefix(with: words).count)
        print("[save-fault] fsync failing for 3 s while typing \(words.count) characters: characters lost = \(lost), paragraphs = \(try ArchiveStore(directory: archive, mode: .readOnly).record(of: Self.meeting).entries.filter { $0.text.hasPrefix("w0001") }.count)")
        #expect(saved == words)
        #expect(lost == 0)
        // One paragraph, though its first flush failed with an unknown outcome.
        #expect(try ArchiveStore(directory: archive, mode: .readOnly).record(of: Self.meeting).entries.filter { $0.text.hasPrefix("w0001") }.count == 1)
        #expect(ArchiveCheck.run(directory: archive).isHealthy)
    }

    /// Quitting (q after the paragraph is ended, or Ctrl-C) and a hang-up while the disk
    /// fails: the text goes to a rescue file; `clerk check` names it; the next session
    /// offers it, and restoring saves it as an edit of the paragraph.
    @Test(arguments: ["quit", "hang-up"])
    func unsavedTextIsRescuedAndOfferedBack(_ how: String) throws {
        let (dir, archive) = try Self.install()
        defer { dir.remove() }
        let clock = Clock()
        let sync = FlakySync(clock: clock)
        let s = try Self.session(archive, sync: sync, clock: clock)
        s.app.handle(.key(.char("a")))
        s.type("The chair welcomed everyone. ", clock: clock, perKey: 0.1)
        clock.seconds += 1.1
        s.app.tick()
        #expect(s.app.state.save == .saved)
        sync.failing = clock.seconds..<(clock.seconds + 1_000)
        let more = "Dr Graves reported on prescribing — café ✓ 日本."
        s.type(more, clock: clock, perKey: 0.1)
        clock.seconds += 1.1
        s.app.tick()
        #expect(s.screen().contains("NOT SAVED: disk error"))
        if how == "quit" {
            s.app.handle(.key(.ctrl("c")))
            s.app.run { false }
        } else {
            s.app.run { true }  // SIGHUP and SIGTERM stop the loop this way
        }
        let written = s.app.rescueFilesWritten
        #expect(written.count == 1)
        let path = try #require(written.first)
        #expect(path.hasPrefix(archive + "/rescue/\(Self.meeting)-"))
        var info = stat()
        #expect(lstat(path, &info) == 0 && info.st_mode & 0o777 == 0o600)
        #expect(RescueFiles.warnings(archive: archive).first?.hasPrefix(path + ": ") == true)
        // The journal has what was acknowledged; the failed flush's record may or may not be there.
        let journal = try Self.lastEntry(archive)
        // What was acknowledged, and perhaps part of what followed (a flush reported as failed
        // whose record did reach the file): its outcome was unknown.
        #expect(journal.hasPrefix("The chair welcomed everyone. ") && ("The chair welcomed everyone. " + more).hasPrefix(journal), "\(journal)")

        // The next session, the disk working again.
        let next = try Self.session(archive, sync: SystemSync(), clock: clock)
        #expect(next.screen().contains("unsaved minutes (\(("The chair welcomed everyone. " + more).count) chars): r restore into the paragraph · d discard · k keep for later"))
        next.app.handle(.key(.char("r")))
        #expect(try Self.lastEntry(archive) == "The chair welcomed everyone. " + more)
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(RescueFiles.find(archive: archive).isEmpty)
        #expect(ArchiveCheck.run(directory: archive).isHealthy)
    }

    /// Keep for later leaves the file and offers it again; discard removes it.
    @Test func keepForLaterAndDiscard() throws {
        let (dir, archive) = try Self.install()
        defer { dir.remove() }
        let clock = Clock()
        let sync = FlakySync(clock: clock)
        sync.failing = 0..<1e9
        let s = try Self.session(archive, sync: sync, clock: clock)
        s.app.handle(.key(.char("a")))
        s.type("Apologies were received.", clock: clock, perKey: 0.1)
        s.app.run { true }
        let path = try #require(s.app.rescueFilesWritten.first)
        let second = try Self.session(archive, sync: SystemSync(), clock: clock)
        second.app.handle(.key(.char("k")))
        #expect(FileManager.default.fileExists(atPath: path))
        let name = (path as NSString).lastPathComponent
        #expect(second.screen().contains("kept \(name); offered again"))
        let third = try Self.session(archive, sync: SystemSync(), clock: clock)
        #expect(third.screen().contains("unsaved minutes (24 chars)"))
        third.app.handle(.key(.char("d")))
        #expect(!FileManager.default.fileExists(atPath: path))
        #expect(!(try Self.lastEntry(archive)).contains("Apologies were received."))
        let fourth = try Self.session(archive, sync: SystemSync(), clock: clock)
        #expect(!fourth.screen().contains("unsaved minutes"))
    }

    /// Raising an action from a paragraph fails at the archive's write, then at the
    /// meeting's: raised again, it is one action, and the paragraph has left the minutes.
    @Test(arguments: [0, 1])
    func raisingAnActionAgainAfterAFailureRaisesItOnce(_ failAfter: Int) throws {
        let (dir, archive) = try Self.install()
        defer { dir.remove() }
        let clock = Clock()
        let sync = FlakySync(clock: clock)
        let s = try Self.session(archive, sync: sync, clock: clock)
        s.app.handle(.key(.char("a")))
        let text = "Write to the PCT about extended hours"
        s.type(text, clock: clock, perKey: 0.1)
        clock.seconds += 1.1
        s.app.tick()
        #expect(s.app.state.save == .saved)
        func raise() {
            s.app.handle(.key(.f(4)))
            s.type("LMC", clock: clock, perKey: 0.1)
            s.app.handle(.key(.enter))
            s.type("ongoing", clock: clock, perKey: 0.1)
            s.app.handle(.key(.enter))
        }
        sync.failAfter = failAfter
        raise()
        #expect(s.screen().contains("NOT SAVED: disk error (Input/output error) — the action was not raised"))
        #expect(s.app.state.editing != nil)
        raise()
        #expect(s.app.state.message?.text == "action raised for LMC, due ongoing")
        let store = try ArchiveStore(directory: archive, mode: .readOnly)
        #expect(store.state.actions.values.filter { $0.text == text }.count == 1)
        #expect(try store.record(of: Self.meeting).entries.contains { $0.text == text } == false)
        let check = ArchiveCheck.run(directory: archive)
        #expect(check.isHealthy, "\(check.problems)")
    }
}
