import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
@testable import ClerkTUI
import Terminal
import Testing

/// A read-only session is a mode of its own: it offers only what a reader can do, refuses a
/// write key at once (no form, no question) saying who may write, and never says "saved".
@Suite struct ReadOnlyFirstClassTests {
    static let who = "only accounts in the archive folder's group committee may write"

    static func app(_ store: ArchiveStore, cols: Int = 120, rows: Int = 40) -> ScreenApp {
        let (keymap, _) = Keymap.load(configText: nil)
        let app = ScreenApp(store: store, terminal: VirtualTerminal(size: Size(cols: cols, rows: rows)),
                            theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                            clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 0)!))
        app.setWhoMayWrite(who)
        return app
    }

    @Test func everyWriteKeyOpensNothingAndSaysWhoMayWrite() throws {
        let dir = try TempDir("clerk-ro-write-keys")
        defer { dir.remove() }
        try DemoInstaller.install(at: dir.path + "/a", today: ScreenTests.today)
        let store = try ArchiveStore(directory: dir.path + "/a", mode: .readOnly)
        let (keymap, _) = Keymap.load(configText: nil)
        var tried = Set<UIActionID>()
        for place in ReadOnlyEveryKeyTests.places {
            for action in ActionTable.all where action.writes && action.scope == place.scope {
                for name in action.keys {
                    let key = try #require(KeySpec.key(named: name))
                    // A key some other action of the pane takes first is that action's.
                    guard keymap.action(for: key, in: place.scope)?.id == action.id else { continue }
                    let app = Self.app(store)
                    place.reach(app)
                    try #require(app.state.scope == place.scope, "\(place.name) not reached")
                    let overlayBefore = app.state.overlay == nil
                    app.handle(.key(key))
                    let what = "\(place.name): \(name) (\(action.id))"
                    #expect(app.state.overlay == nil || !overlayBefore, "\(what) opened \(String(describing: app.state.overlay))")
                    #expect(app.state.confirmation == nil, "\(what) asked a question")
                    #expect(app.state.editing == nil, "\(what) started typing")
                    let message = app.state.message?.text ?? ""
                    #expect(action.keys.contains { message.hasPrefix("read-only: \($0) (") }, "\(what): \(message)")
                    #expect(message.hasSuffix(Self.who), "\(what): \(message)")
                    tried.insert(action.id)
                }
            }
        }
        // Every write action of a scope reached here was tried (the editor's keys need typing, which never starts).
        let reachable = ActionTable.all.filter { $0.writes && $0.scope != .editing }.map(\.id)
        #expect(Set(reachable).subtracting(tried).isEmpty, "never tried: \(Set(reachable).subtracting(tried))")
    }

    @Test func theCommandLineRefusesAWriteActionTheSameWay() throws {
        let (dir, app) = try ScreenTests.readOnlyApp("clerk-ro-command", cols: 120, rows: 40)
        defer { dir.remove() }
        app.setWhoMayWrite(Self.who)
        app.open("pcpg-2027-01-12")
        app.perform("agenda.addSub")
        #expect(app.state.overlay == nil)
        #expect(app.state.message?.text == "read-only: + (sub-item) changes the record; \(Self.who)")
    }

    @Test func hintsAndHelpOfferOnlyWhatAReaderCanDo() throws {
        let dir = try TempDir("clerk-ro-hints")
        defer { dir.remove() }
        try DemoInstaller.install(at: dir.path + "/a", today: ScreenTests.today)
        let store = try ArchiveStore(directory: dir.path + "/a", mode: .readOnly)
        let (keymap, _) = Keymap.load(configText: nil)
        for place in ReadOnlyEveryKeyTests.places {
            let app = Self.app(store, cols: 200, rows: 60)
            place.reach(app)
            app.render()
            let term = try #require(app.term as? VirtualTerminal)
            let status = term.snapshot().split(separator: "\n").last.map(String.init) ?? ""
            for action in ActionTable.all where action.scope == place.scope && action.writes {
                if let hint = action.hint, let key = keymap.keys(for: action.id).first {
                    #expect(!status.contains("\(key) \(hint) "), "\(place.name): the status line offers \(key) \(hint): \(status)")
                }
            }
            #expect(!status.contains("saved") && !status.contains("saving"), "\(place.name): \(status)")
            let help = HelpOverlay.content(place.scope, keymap: keymap, width: 76, readOnly: true).rows.map { (row: Row) in row.spans.map(\.text).joined() }.joined(separator: " ")
            let squeezed = help.split(whereSeparator: \.isWhitespace).joined(separator: " ")
            for action in ActionTable.all where action.scope == place.scope || action.scope == .editing {
                let head = action.help.split(separator: " ").prefix(4).joined(separator: " ")
                if action.writes {
                    #expect(!squeezed.contains(action.help.split(whereSeparator: \.isWhitespace).joined(separator: " ")),
                            "\(place.name): help lists \(action.id)")
                } else if action.scope == place.scope {
                    #expect(squeezed.contains(head), "\(place.name): help lacks \(action.id)")
                }
            }
        }
    }

    @Test func aWriterStillSeesTheWriteKeysAndSaved() throws {
        let dir = try TempDir("clerk-rw-hints")
        defer { dir.remove() }
        try DemoInstaller.install(at: dir.path + "/a", today: ScreenTests.today)
        let store = try ArchiveStore(directory: dir.path + "/a", mode: .readWrite)
        let (keymap, _) = Keymap.load(configText: nil)
        let term = VirtualTerminal(size: Size(cols: 200, rows: 40))
        let app = ScreenApp(store: store, terminal: term, theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: false,
                            clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 0)!))
        app.open("pcpg-2027-01-12")
        app.handle(.key(.char("2")))
        app.render()
        let status = term.snapshot().split(separator: "\n").last.map(String.init) ?? ""
        #expect(status.contains("p present"), "\(status)")
        #expect(status.contains("saved"), "\(status)")
        app.handle(.key(.char("+")))
        #expect(app.state.overlay != nil, "a writer's + opens the guest form")
    }

    /// A member who may not change the committee: the meeting is read-only for them, and
    /// the refusal names the officers' linked accounts, on the screen and in the archive's check.
    @Test func aMemberWhoMayNotWriteIsToldWhoMay() throws {
        let f = try ConfidentialAccessTests.fixture(as: "mjones", cols: 200, rows: 40)
        f.app.open(ConfidentialAccessTests.meeting)
        f.press(.char("2"))
        f.press(.char("p"))
        let state = f.app.store.state
        let committee = try #require(state.committees[ConfidentialAccessTests.committee])
        let who = Access.whoMayWrite(committee, in: state, on: ScreenTests.today)
        #expect(who.hasPrefix("ask a chair, vice-chair or the secretariat — linked accounts: "), "\(who)")
        #expect(who.contains("mandrews"), "the chair's account: \(who)")
        #expect(!who.contains("mjones"))
        #expect(f.app.state.message?.text == "read-only: p (present) changes the record; \(who)")
        #expect(f.app.state.overlay == nil)
        let status = f.screen().split(separator: "\n").last.map(String.init) ?? ""
        #expect(status.contains("mandrews"), "\(status)")

        let record = try f.app.store.record(of: ConfidentialAccessTests.meeting)
        let item = try #require(record.items.first)
        let access = Access(archive: state, account: "mjones", administrator: "root", today: ScreenTests.today)
        #expect(throws: CommandError.self) { try access.check([.itemEdited(ItemEdited(meetingID: record.meetingID, item: item))], in: state) }
        do {
            try access.check([.itemEdited(ItemEdited(meetingID: record.meetingID, item: item))], in: state)
        } catch let refused as CommandError {
            #expect(refused.message.hasSuffix(": \(who)"), "\(refused.message)")
        }
        do {
            try access.check([.accountsSet(AccountsSet(personID: "mark-jones", accounts: ["mjones"]))], in: state)
        } catch let refused as CommandError {
            #expect(refused.message == "only the archive's owner account may link accounts to people; ask the archive's owner (account root) to run 'clerk access link'")
        }
    }
}
