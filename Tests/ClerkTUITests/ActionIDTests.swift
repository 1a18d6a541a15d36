import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
@testable import ClerkTUI
import Terminal
import Testing

/// Action ids are a type: the table is made from it, and every id does something.
@Suite struct ActionIDTests {
    @Test func theTableHasEveryIdOnceInTheTypesOrder() {
        #expect(ActionTable.all.map(\.id) == UIActionID.allCases)
        #expect(Set(ActionTable.all.map(\.id)).count == ActionTable.all.count)
    }

    @Test func idsAreSpelledAsKeysTomlAndTheCommandLineSpellThem() {
        #expect(UIActionID.attendancePresent.rawValue == "attendance.present")
        #expect("\(UIActionID.appQuit)" == "app.quit")
        #expect(UIActionID(rawValue: "app.quit") == .appQuit)
        #expect(UIActionID(rawValue: "app.qiut") == nil)
        for id in UIActionID.allCases {
            #expect(id.rawValue.split(separator: ".").count == 2, "\(id): ids are group.name")
        }
    }

    /// How to reach a place where the actions of `scope` apply, from a fresh screen.
    static func reach(_ scope: UIAction.Scope, _ app: ScreenApp) {
        switch scope {
        case .global, .home: break
        case .agenda, .attendance, .minutes, .actions:
            app.open(ScreenTests.meeting)
            let key: Character = ["agenda": "1", "attendance": "2", "minutes": "3", "actions": "4"][scope.rawValue]!
            app.handle(.key(.char(key)))
        case .editing:
            app.open(ScreenTests.meeting)
            app.handle(.key(.char("3")))
            app.perform(.minutesNew)
            for c in "Kept for the test" { app.handle(.key(.char(c))) }
        case .workPlan: app.handle(.key(.char("W")))
        case .actionReview: app.handle(.key(.char("a")))
        case .terms: app.handle(.key(.char("T")))
        case .search:
            app.handle(.key(.char("/")))
            for c in "darzi" { app.handle(.key(.char(c))) }
            app.handle(.key(.enter))
        }
    }

    @Test func everyIdIsHandledWhereItApplies() throws {
        let dir = try TempDir("clerk-action-ids")
        defer { dir.remove() }
        try DemoInstaller.install(at: dir.path + "/a", today: ScreenTests.today)
        let store = try ArchiveStore(directory: dir.path + "/a", mode: .readWrite)
        let (keymap, _) = Keymap.load(configText: nil)
        for action in ActionTable.all {
            let app = ScreenApp(store: store, terminal: VirtualTerminal(size: Size(cols: 120, rows: 40)),
                                theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: false,
                                clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 0)!))
            Self.reach(action.scope, app)
            #expect(action.scope == .global || action.scope == .editing || app.state.scope == action.scope, "\(action.id): \(action.scope) not reached")
            if action.scope == .editing {
                // While typing, the editor has the keys: the action runs from its key.
                #expect(app.state.editing != nil)
                let key = try #require(action.keys.first.flatMap(KeySpec.key(named:)), "\(action.id) has no key")
                let before = app.state
                app.handle(.key(key))
                #expect(app.state != before, "\(action.id): its key \(action.keys[0]) changed nothing while typing")
            } else {
                app.perform(action.id)
            }
            let message = app.state.message?.text ?? ""
            #expect(!message.hasPrefix("unknown action"), "\(action.id) in \(action.scope): \(message)")
            app.tick()
        }
    }

    @Test func anUnknownNameFromTheCommandLineIsSaid() throws {
        let f = try ScreenTests.Fixture(cols: 80, rows: 24)
        defer { f.dir.remove() }
        f.app.perform("attendance.presnt")
        #expect(f.app.state.message?.text == "unknown action 'attendance.presnt': type : and Tab to see them")
        #expect(f.app.state.message?.isError == true)
    }
}
