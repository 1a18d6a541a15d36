import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
@testable import ClerkTUI
import Terminal
import Testing

/// A read-only session cannot change the archive, whatever is pressed where.
@Suite struct ReadOnlyEveryKeyTests {
    /// Where each scope of the action table is reached from a fresh screen.
    static var places: [(name: String, scope: UIAction.Scope, reach: (ScreenApp) -> Void)] {
        var places: [(String, UIAction.Scope, (ScreenApp) -> Void)] = [("home", .home, { _ in })]
        let panes: [(String, UIAction.Scope)] = [("1", .agenda), ("2", .attendance), ("3", .minutes), ("4", .actions)]
        for meeting in ["hpbc-2008-04-22", "pcpg-2027-01-12"] {
            for (key, scope) in panes {
                places.append(("\(meeting) \(scope)", scope, { app in
                    app.open(meeting)
                    app.handle(.key(.char(Character(key))))
                }))
            }
        }
        places.append(("work plan", .workPlan, { $0.handle(.key(.char("W"))) }))
        places.append(("action review", .actionReview, { $0.handle(.key(.char("a"))) }))
        places.append(("terms", .terms, { $0.handle(.key(.char("T"))) }))
        return places
    }

    @Test func everyKeyInEveryScopeLeavesTheArchiveByteForByteUnchanged() throws {
        let dir = try TempDir("clerk-ro-keys")
        defer { dir.remove() }
        let archive = dir.path + "/a"
        try DemoInstaller.install(at: archive, today: ScreenTests.today)
        let before = try folderContents(archive)
        let store = try ArchiveStore(directory: archive, mode: .readOnly)
        let (keymap, _) = Keymap.load(configText: nil)
        var refusals = 0
        for place in Self.places {
            var reached = false
            for action in ActionTable.all {
                for name in action.keys {
                    let key = try #require(KeySpec.key(named: name), "\(action.id): key '\(name)'")
                    let app = ScreenApp(store: store, terminal: VirtualTerminal(size: Size(cols: 120, rows: 40)),
                                        theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                                        clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 0)!))
                    place.reach(app)
                    reached = reached || app.state.scope == place.scope
                    app.handle(.key(key))
                    #expect(app.state.editing == nil, "\(place.name): \(name) (\(action.id)) started typing minutes")
                    if case .form(let form)? = app.state.overlay, case .export = form.purpose {
                        // An export writes only the file the person names; not this test's business.
                        app.handle(.key(.escape))
                    } else {
                        // Accept whatever form or confirmation the key opened, as it stands.
                        app.handle(.key(.enter))
                        app.handle(.key(.enter))
                    }
                    if app.state.message?.text.hasPrefix("read-only") == true { refusals += 1 }
                    app.tick()
                }
            }
            #expect(reached, "\(place.name) was not reached")
        }
        #expect(refusals > 20)
        let after = try folderContents(archive)
        #expect(Set(after.keys) == Set(before.keys), "files added or removed: \(Set(after.keys).symmetricDifference(before.keys))")
        for (path, bytes) in before { #expect(after[path] == bytes, "\(path) changed") }
    }

    @Test func everyHeaderOfAReadOnlySessionSaysReadOnly() throws {
        let (dir, app) = try ScreenTests.readOnlyApp("clerk-ro-header", cols: 80, rows: 24)
        defer { dir.remove() }
        let term = try #require(app.term as? VirtualTerminal)
        for place in Self.places {
            app.perform("app.back")
            app.perform("app.back")
            place.reach(app)
            app.render()
            let header = term.snapshot().split(separator: "\n").first.map(String.init) ?? ""
            #expect(header.contains("read-only"), "\(place.name): \(header)")
        }
    }
}
