import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The actions pane of a meeting: a status change takes a note, an action raised by mistake
/// is withdrawn with a reason, and the last change of the session can be undone.
@Suite struct ActionCorrectionTests {
    typealias Fixture = ScreenTests.Fixture

    func onFirstAction(_ f: Fixture) throws -> Action {
        f.app.open(ScreenTests.meeting)
        f.press(.char("4"))
        let id = try #require(f.app.updater.selectedKey(.actions, f.app.state, f.app.data()))
        return try #require(f.store.state.actions[id])
    }

    func type(_ f: Fixture, _ text: String) { for c in text { f.press(.char(c)) } }

    var form: (Fixture) -> Form? { { f in if case .form(let form)? = f.app.state.overlay { form } else { nil } } }

    @Test func doneAsksForANoteAndRecordsNothingUntilEnter() throws {
        let f = try Fixture(cols: 160, rows: 48)
        let a = try onFirstAction(f)
        f.press(.char("d"))
        let asked = try #require(form(f))
        #expect(asked.choices[asked.selected].key == ActionStatus.done.rawValue)
        #expect(f.store.state.actions[a.id]?.history == a.history)
        // Esc leaves it as it was.
        f.press(.escape)
        #expect(f.store.state.actions[a.id] == a)
        f.press(.char("d"))
        type(f, "letter sent 2 May")
        f.press(.enter)
        let done = try #require(f.store.state.actions[a.id])
        #expect(done.status == .done)
        #expect(done.history.last?.note == "letter sent 2 May")
    }

    @Test func undoPutsTheLastChangeBackAsANewRecord() throws {
        let f = try Fixture(cols: 160, rows: 48)
        let a = try onFirstAction(f)
        f.press(.char("d"), .enter)
        #expect(f.store.state.actions[a.id]?.status == .done)
        f.press(.char("U"))
        let undone = try #require(f.store.state.actions[a.id])
        #expect(undone.status == a.status)
        #expect(undone.history.count == a.history.count + 2)
        #expect(undone.history.last?.note == "done undone")
        // Nothing left to undo: one line, nothing recorded.
        f.press(.char("U"))
        #expect(f.app.state.message?.text == "no action status has been changed in this session, so there is nothing to undo")
        #expect(f.app.state.message?.isError == true)
        #expect(f.store.state.actions[a.id] == undone)
    }

    @Test func undoIsRefusedWhenTheActionChangedElsewhere() throws {
        let f = try Fixture(cols: 160, rows: 48)
        let a = try onFirstAction(f)
        f.press(.char("d"), .enter)
        let other = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readWrite)
        try other.commit(at: ScreenTests.context().now) { store in
            try store.state.updateAction(a.id, status: .ongoing, note: "", context: ScreenTests.context())
        }
        f.app.tick()
        let before = try #require(f.store.state.actions[a.id])
        f.press(.char("U"))
        #expect(f.app.state.message?.text.hasSuffix("is now ongoing, not done as set here; nothing undone") == true)
        #expect(f.store.state.actions[a.id] == before)
    }

    @Test func withdrawingNeedsAReasonKeepsTheFormOpenAndCanBeUndone() throws {
        let f = try Fixture(cols: 160, rows: 48)
        let a = try onFirstAction(f)
        f.press(.char("W"))
        #expect(f.screen().contains("Reason: "))
        f.press(.enter)
        let refused = try #require(form(f))
        #expect(refused.problem == "say why the action is withdrawn (kept with it), e.g. 'raised by mistake'")
        #expect(f.store.state.actions[a.id] == a)
        type(f, "raised by mistake")
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        #expect(f.store.state.actions[a.id]?.status == .withdrawn)
        #expect(f.screen().contains("(withdrawn) "))
        // Withdrawn twice: refused on one line.
        f.press(.char("W"))
        #expect(f.app.state.message?.text.contains("is already withdrawn; U undoes the withdrawal") == true)
        f.press(.char("U"))
        #expect(f.store.state.actions[a.id]?.status == a.status)
        #expect(f.store.state.actions[a.id]?.history.last?.note == "withdrawal undone")
    }

    @Test func aReadOnlySessionCannotWithdraw() throws {
        let f = try Fixture(cols: 160, rows: 48)
        let store = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        let term = VirtualTerminal(size: Size(cols: 160, rows: 48))
        let (keymap, _) = Keymap.load(configText: nil)
        let app = ScreenApp(store: store, terminal: term, theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                            clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 30)!))
        app.open(ScreenTests.meeting)
        for key in ["4", "W"] { app.handle(.key(.char(Character(key)))) }
        #expect(app.state.message?.text.hasPrefix("read-only: W (withdraw) changes the record; ask a chair, vice-chair or the secretariat") == true)
        #expect(app.state.overlay == nil)
    }
}
