import ClerkCore
import ClerkStore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Taking the minutes on the screen: typing, flushing to the journal without being asked,
/// markers, actions, and the refusals.
@Suite struct MinutesEditingTests {
    typealias Fixture = ScreenTests.Fixture

    /// A clock the test moves by hand.
    final class Clock: @unchecked Sendable {
        var seconds = 1000.0
    }

    /// The 2008 meeting (minutes draft) open on the minutes pane, on item 1, with a
    /// hand-moved clock.
    static func open(cols: Int = 80, rows: Int = 24) throws -> (Fixture, Clock) {
        let f = try Fixture(cols: cols, rows: rows)
        let clock = Clock()
        f.app.monotonic = { clock.seconds }
        f.app.open(ScreenTests.meeting)
        f.press(.char("3"))
        return (f, clock)
    }

    static func type(_ f: Fixture, _ text: String) {
        for c in text { f.app.handle(.key(c == "\n" ? .enter : .char(c))) }
    }

    /// The meeting as a new session reading the same folder sees it.
    static func reopened(_ f: Fixture) throws -> (ArchiveStore, MeetingRecord) {
        let store = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        return (store, try store.record(of: ScreenTests.meeting))
    }

    static func firstItem(_ f: Fixture) throws -> ItemID {
        try reopened(f).1.items[0].id
    }

    @Test func typedTextReachesTheJournalOnTheTimerWithAccentsCJKAndEmoji() throws {
        let (f, clock) = try Self.open()
        let before = try Self.reopened(f).1.entries.count
        f.press(.char("a"))
        #expect(f.app.state.editing != nil)
        let text = "Café naïve: 会議は終了 — 👩🏽‍⚕️ agreed 🇬🇧"
        // The first key flushes (nothing flushed yet); the rest wait for the clock.
        Self.type(f, text)
        #expect(f.app.state.save == .saving)
        #expect(f.screen().contains("saving…"))
        clock.seconds += 0.6
        f.app.tick()
        #expect(f.app.state.save == .saved)
        #expect(f.screen().contains("saved"))
        let (_, record) = try Self.reopened(f)
        #expect(record.entries.count == before + 1)
        #expect(record.entries.last?.text == text)
        #expect(record.entries.last?.itemID == record.items[0].id)
        // Typing on without a pause still flushes once a second has passed: the next key
        // sends what came before it, and itself waits, so the status stays "saving…".
        Self.type(f, " More")
        clock.seconds += 1.1
        Self.type(f, ".")
        #expect(try Self.reopened(f).1.entries.last?.text == text + " More")
        #expect(f.app.state.save == .saving)
        clock.seconds += 0.6
        f.app.tick()
        #expect(try Self.reopened(f).1.entries.last?.text == text + " More.")
        #expect(f.app.state.save == .saved)
        // The paragraph is drawn in place, in the minutes pane, with the cursor shown.
        let screen = f.screen()
        #expect(screen.contains("Café naïve"))
        #expect(f.term.cursor != nil)
    }

    @Test func theParagraphIsEditedInPlaceUnderItsItem() throws {
        let (f, _) = try Self.open()
        f.press(.char("a"))
        Self.type(f, "A long paragraph typed live, wrapping by display width: 会議の議事録 and café.")
        f.press(.f(2))
        try f.expect("minutes-editing-80x24")
    }

    @Test func escapeFlushesAndEditingTheLastParagraphSplicesIt() throws {
        let (f, _) = try Self.open()
        f.press(.char("a"))
        Self.type(f, "First words")
        f.press(.escape)
        #expect(f.app.state.editing == nil)
        #expect(try Self.reopened(f).1.entries.last?.text == "First words")
        let count = try Self.reopened(f).1.entries.count
        f.press(.char("e"))
        #expect(f.app.state.editing?.editor.text == "First words")
        Self.type(f, ", and more")
        f.press(.ctrl("x"))
        let record = try Self.reopened(f).1
        #expect(record.entries.count == count)
        #expect(record.entries.last?.text == "First words, and more")
    }

    @Test func undoIsWhatGetsSaved() throws {
        let (f, clock) = try Self.open()
        f.press(.char("a"))
        Self.type(f, "hello world")
        f.press(.ctrl("z"))
        #expect(f.app.state.editing?.editor.text == "hello ")
        clock.seconds += 0.6
        f.app.tick()
        #expect(try Self.reopened(f).1.entries.last?.text == "hello ")
        f.press(.ctrl("r"))
        f.app.tick()
        #expect(try Self.reopened(f).1.entries.last?.text == "hello world")
    }

    @Test func markersMakeDecisionsAndNotedPoints() throws {
        let (f, _) = try Self.open()
        f.press(.char("a"))
        Self.type(f, "the minutes be approved")
        f.press(.f(2))
        #expect(f.screen().contains("It was agreed that"))
        f.app.tick()
        var last = try Self.reopened(f).1.entries.last
        #expect(last?.kind == .decision)
        #expect(last?.text == "the minutes be approved")
        f.press(.f(3))
        f.press(.f(10))
        last = try Self.reopened(f).1.entries.last
        #expect(last?.kind == .noted)
        #expect(f.app.state.editing == nil)
    }

    @Test func anActionIsRaisedWithOwnerCompletedAndDueAsTyped() throws {
        let (f, _) = try Self.open()
        // "next meeting" needs one scheduled after 22 April 2008.
        let committee = try #require(f.store.state.meetings[ScreenTests.meeting]?.committeeID)
        try f.store.commit(at: ScreenTests.context().now) { store in
            try store.state.scheduleMeeting(committee, on: CalendarDate(year: 2008, month: 5, day: 15)!)
        }
        f.app.tick()
        f.press(.char("a"))
        Self.type(f, "Write to the PCT about extended hours")
        f.app.tick()
        let entries = try Self.reopened(f).1.entries.count
        f.press(.f(4))
        #expect(f.screen().contains("Action owner"))
        Self.type(f, "lm")
        f.press(.tab)
        #expect(f.app.state.editing?.prompt?.input.text == "LMC")
        f.press(.enter)
        Self.type(f, "next meeting")
        f.press(.enter)
        #expect(f.app.state.message?.text == "action raised for LMC, due next meeting")
        #expect(f.app.state.editing == nil)
        let (store, record) = try Self.reopened(f)
        let action = store.state.actions.values.first { $0.text == "Write to the PCT about extended hours" }
        #expect(action != nil)
        #expect(action.map { store.state.ownerName($0.owner) } == "LMC")
        #expect(action?.meetingID == ScreenTests.meeting)
        #expect(action?.itemID == record.items[0].id)
        #expect(action?.due.text.isEmpty == false)
        // The paragraph became the action: it is not also in the minutes.
        #expect(record.entries.count == entries - 1)
    }

    /// The owner is checked when it is typed, and a refused answer keeps the prompt open
    /// with its text: what is typed next (the due date) no longer lands in the paragraph.
    @Test func aBadOwnerShowsOneLineAndKeepsThePromptAndTheParagraph() throws {
        let (f, _) = try Self.open()
        f.press(.char("a"))
        Self.type(f, "Chase the figures")
        f.press(.f(4))
        Self.type(f, "Nobody Atall")
        f.press(.enter)
        let message = try #require(f.app.state.message)
        #expect(message.isError)
        #expect(!message.text.contains("\n"))
        #expect(f.screen().contains("no one on Hertfordshire PBC Leads is called 'Nobody Atall'"))
        #expect(f.app.state.editing?.prompt?.stage == .owner)
        #expect(f.app.state.editing?.prompt?.input.text == "Nobody Atall")
        Self.type(f, "x")
        #expect(f.app.state.editing?.editor.text == "Chase the figures")
        f.press(.escape)
        #expect(f.app.state.editing?.prompt == nil)
        f.press(.escape)
        #expect(try Self.reopened(f).1.entries.last?.text == "Chase the figures")
    }

    /// A refused due date ("next meeting" when none is planned, or nonsense) keeps the prompt
    /// open with its text; C-u then clears the answer, never the paragraph.
    @Test func aBadDueDateKeepsThePromptOpenWithItsText() throws {
        let (f, _) = try Self.open()
        f.press(.char("a"))
        Self.type(f, "Chase the figures")
        f.press(.f(4))
        Self.type(f, "LMC")
        f.press(.enter)
        Self.type(f, "when pigs fly")
        f.press(.enter)
        #expect(f.app.state.message?.isError == true)
        #expect(f.app.state.editing?.prompt?.stage == .due)
        #expect(f.app.state.editing?.prompt?.input.text == "when pigs fly")
        f.press(.ctrl("u"))
        #expect(f.app.state.editing?.prompt?.input.text == "")
        #expect(f.app.state.editing?.editor.text == "Chase the figures")
        Self.type(f, "ongoing")
        f.press(.enter)
        #expect(f.app.state.message?.text == "action raised for LMC, due ongoing")
        let (store, _) = try Self.reopened(f)
        #expect(store.state.actions.values.contains { $0.text == "Chase the figures" })
    }

    @Test func controlCharactersTypedOrPastedNeverReachTheTerminal() throws {
        let (f, _) = try Self.open()
        f.press(.char("a"))
        f.app.handle(.paste("Red\u{1B}[31m alert\u{07}\u{9B}2J\u{202E}done\r\nnext"))
        f.press(.char("\u{1B}"), .char("\u{07}"))
        let typed = try #require(f.app.state.editing?.editor.text)
        // Escape sequences go whole (7-bit and 8-bit), other controls one by one.
        #expect(typed == "Red alertdone\nnext")
        #expect(!typed.unicodeScalars.contains { $0 != "\n" && Sanitize.isUnsafe($0) })
        let screen = f.screen()
        #expect(!screen.unicodeScalars.contains { $0 != "\n" && Sanitize.isUnsafe($0) })
        f.press(.escape)
        #expect(try Self.reopened(f).1.entries.last?.text == typed)
    }

    @Test func editingIsRefusedOnApprovedMinutesAndReadOnly() throws {
        let (f, _) = try Self.open()
        try f.store.commit(at: ScreenTests.context().now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: ScreenTests.meeting))
                .approve(atMeeting: nil, context: ScreenTests.context())
        }
        f.app.tick()
        f.press(.char("a"))
        #expect(f.app.state.editing == nil)
        #expect(f.screen().contains("approved and locked"))

        let g = try Fixture(cols: 80, rows: 24)
        let (keymap, _) = Keymap.load(configText: nil)
        let (theme, _) = ThemeLoader.load(name: nil, environment: [:], colorCount: 256)
        let readOnly = ScreenApp(store: g.store, terminal: g.term, theme: theme, keymap: keymap, readOnly: true,
                                 clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 30)!))
        readOnly.open(ScreenTests.meeting)
        readOnly.handle(.key(.char("3")))
        readOnly.handle(.key(.char("e")))
        #expect(readOnly.state.editing == nil)
        readOnly.render()
        #expect(g.term.snapshot().contains("read-only: e (edit) changes the record; ask a chair"))
    }

    @Test func stoppingTheLoopCommitsWhatIsPending() throws {
        let (f, _) = try Self.open()
        f.press(.char("a"))
        Self.type(f, "Typed just before the hang-up")
        #expect(try Self.reopened(f).1.entries.last?.text != "Typed just before the hang-up")
        // As on SIGHUP/SIGTERM: the loop is told to stop before it reads another key.
        f.app.run { true }
        #expect(try Self.reopened(f).1.entries.last?.text == "Typed just before the hang-up")
    }

    @Test func reopeningAMeetingInProgressPutsTheSecretaryBackOnTheItem() throws {
        let f = try Fixture(cols: 80, rows: 24)
        // A meeting in progress whose last paragraph is on its third item.
        let next = try #require(f.store.state.meetings.values.first { $0.status == .planned || $0.status == .agendaPublished })
        let ctx = ScreenTests.context()
        if try f.store.record(of: next.id).items.isEmpty {
            try f.store.commit(at: ctx.now) { store in
                try MeetingContext(archive: store.state, record: try store.record(of: next.id)).standingAgenda(context: ctx)
            }
        }
        try f.store.commit(at: ctx.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: next.id)).start(context: ctx)
        }
        let record = try f.store.record(of: next.id)
        let item = record.items[min(2, record.items.count - 1)]
        try f.store.commit(at: ctx.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: next.id))
                .addEntry(to: item.id, kind: .note, text: "Where we were", context: ctx)
        }
        f.app.open(next.id)
        let index = record.items.firstIndex { $0.id == item.id }
        #expect(f.app.state.meeting?.positions[.minutes]?.selected == index)
    }
}
