import Foundation
import Testing
import Terminal
@testable import ClerkTUI

@Suite struct KeymapDefaultsTests {
    @Test func everyDefaultKeyParses() {
        for action in ActionTable.all {
            for name in action.keys {
                #expect(KeySpec.key(named: name) != nil, "\(action.id): '\(name)'")
                #expect(KeySpec.canonical(name) == name, "\(action.id): write '\(name)' in its short form")
            }
        }
    }

    @Test func theDefaultsHaveNoClashes() {
        let (keymap, problems) = Keymap.load(configText: "")
        #expect(problems == [])
        for action in ActionTable.all {
            #expect(keymap.keys(for: action.id) == action.keys, "\(action.id)")
        }
    }

    @Test func everyActionIDIsUnique() {
        var seen: Set<UIActionID> = []
        for action in ActionTable.all {
            #expect(seen.insert(action.id).inserted, "\(action.id) is declared twice")
        }
    }

    @Test func everyActionHasHelpAndAScopedID() {
        for action in ActionTable.all {
            #expect(!action.help.isEmpty)
            #expect(action.id.rawValue.split(separator: ".").count == 2, "\(action.id)")
        }
    }

    @Test func thePaneIsAskedFirstThenGlobal() {
        let keymap = Keymap()
        #expect(keymap.action(for: .enter, in: .agenda)?.id == .agendaSelect)
        #expect(keymap.action(for: .enter, in: .actions)?.id == .actionsHistory)
        #expect(keymap.action(for: .enter, in: .attendance) == nil)
        #expect(keymap.action(for: .char("j"), in: .minutes)?.id == .moveDown)
        #expect(keymap.action(for: .ctrl("l"), in: .home)?.id == .appRedraw)
        #expect(keymap.action(for: .backTab, in: .global)?.id == .panePrevious)
        #expect(keymap.action(for: .char("o"), in: .agenda) == nil)
    }
}

@Suite struct KeymapOverrideTests {
    @Test func anOverrideReplacesTheDefaults() {
        let (keymap, problems) = Keymap.load(configText: """
            # my keys
            [keys]
            "pane.next" = ["Tab", "C-o"]   # and Ctrl-O
            "app.quit" = "C-q"
            'move.top' = ['g', 'Home']
            pane.zoom = []
            """)
        #expect(problems == [])
        #expect(keymap.keys(for: .paneNext) == ["Tab", "C-o"])
        #expect(keymap.keys(for: .appQuit) == ["C-q"])
        #expect(keymap.action(for: .char("q"), in: .agenda) == nil)
        #expect(keymap.action(for: .ctrl("c"), in: .agenda)?.id == .appExit)
        #expect(keymap.action(for: .ctrl("o"), in: .agenda)?.id == .paneNext)
        #expect(keymap.keys(for: .paneZoom) == [])
        #expect(keymap.action(for: .char("z"), in: .home) == nil)
        #expect(keymap.keys(for: .moveTop) == ["g", "Home"])
    }

    @Test func multiLineListsAndOtherSpellings() {
        let (keymap, problems) = Keymap.load(configText: """
            [keys]
            "move.down" = [
                "j",      # vi
                "down",
            ]
            "app.back" = ["escape"]
            """)
        #expect(problems == [])
        #expect(keymap.keys(for: .moveDown) == ["j", "Down"])
        #expect(keymap.keys(for: .appBack) == ["Esc"])
    }

    @Test func aClashInOneScopeIsReportedAndTheDefaultLoses() {
        let (keymap, problems) = Keymap.load(configText: """
            [keys]
            "pane.next" = ["Tab", "j"]
            """)
        #expect(problems == ["key 'j' of move.down clashes with pane.next (global): move.down loses it"])
        #expect(keymap.action(for: .char("j"), in: .agenda)?.id == .paneNext)
        #expect(keymap.keys(for: .moveDown) == ["Down", "C-n"])
    }

    @Test func aClashBetweenTwoOverridesIsWonByTheEarlierLine() {
        let (keymap, problems) = Keymap.load(configText: """
            [keys]
            "app.redraw" = "Y"
            "app.help" = ["Y", "?"]
            """)
        #expect(problems == ["key 'Y' of app.help on line 3 of keys.toml clashes with app.redraw (global): app.help loses it"])
        #expect(keymap.action(for: .char("Y"), in: .home)?.id == .appRedraw)
        #expect(keymap.keys(for: .appHelp) == ["?"])
    }

    @Test func aPaneKeyClashesWithAGlobalOne() {
        let (keymap, problems) = Keymap.load(configText: """
            [keys]
            "minutes.follow" = ["f", "g"]
            """)
        #expect(problems == ["key 'g' of move.top clashes with minutes.follow (minutes): move.top loses it"])
        #expect(keymap.keys(for: .moveTop) == ["Home"])

        let (_, problems2) = Keymap.load(configText: """
            [keys]
            "app.redraw" = ["C-l"]
            "minutes.follow" = ["C-l"]
            """)
        #expect(problems2 == ["key 'C-l' of minutes.follow on line 3 of keys.toml clashes with app.redraw (global): minutes.follow loses it"])
    }

    @Test func keysThatAreTheSameToTheTerminalClash() {
        let (_, problems) = Keymap.load(configText: """
            [keys]
            "app.redraw" = "C-i"
            """)
        #expect(problems == ["key 'Tab' of pane.next clashes with app.redraw (global): pane.next loses it"])
    }

    @Test func anUnknownIDIsReportedWithItsLine() {
        let (keymap, problems) = Keymap.load(configText: """
            [keys]

            "pane.nxt" = "n"
            "frobnicate.everything" = "x"
            """)
        #expect(problems == [
            "unknown action 'pane.nxt' on line 3 of keys.toml: did you mean pane.next?",
            "unknown action 'frobnicate.everything' on line 4 of keys.toml: see docs/keys.md for the ids",
        ])
        #expect(keymap.keys(for: .paneNext) == ["Tab"])
    }

    @Test func aBadKeyIsReportedAndTheOthersOnItsLineStillCount() {
        let (keymap, problems) = Keymap.load(configText: """
            # line 1
            [keys]
            "app.quit" = ["C-q"]
            "app.redraw" = ["Ctrl+X", "C-r"]
            "app.help" = ["Shift+F1"]
            """)
        #expect(problems == [
            "unknown key 'Ctrl+X' on line 4 of keys.toml: write keys like C-x, M-x, S-Tab, F5, Enter",
            "unknown key 'Shift+F1' on line 5 of keys.toml: write keys like C-x, M-x, S-Tab, F5, Enter",
        ])
        #expect(keymap.keys(for: .appRedraw) == ["C-r"])
        #expect(keymap.keys(for: .appHelp) == ["?", "F1"], "a line with no good key leaves the defaults")
    }

    @Test(arguments: [
        ("\"app.quit\" \"q\"", "bad syntax on line 2 of keys.toml: expected '=' after \"app.quit\"; write \"action.id\" = [\"key\", \"key\"]"),
        ("\"app.quit\" = q", "bad syntax on line 2 of keys.toml: expected a key name in quotes or a [list] of them; write \"action.id\" = [\"key\", \"key\"]"),
        ("\"app.quit\" = [\"q\" \"Q\"]", "bad syntax on line 2 of keys.toml: expected ',' or ']' in the list; write \"action.id\" = [\"key\", \"key\"]"),
        ("\"app.quit = \"q\"", "bad syntax on line 2 of keys.toml: expected '=' after \"app.quit = \"; write \"action.id\" = [\"key\", \"key\"]"),
        ("\"app.quit\" = \"q\" extra", "bad syntax on line 2 of keys.toml: unexpected 'e' after the value; write \"action.id\" = [\"key\", \"key\"]"),
        ("\"app.quit\" = [\"q\",", "bad syntax on line 2 of keys.toml: the list is not closed with ']'; write \"action.id\" = [\"key\", \"key\"]"),
    ])
    func badSyntaxIsReportedWithItsLineAndTheRestStillCounts(line: String, problem: String) {
        let (keymap, problems) = Keymap.load(configText: "[keys]\n\(line)\n\"app.redraw\" = \"C-r\"\n")
        #expect(problems == [problem])
        #expect(keymap.keys(for: .appRedraw) == ["C-r"])
        #expect(keymap.keys(for: .appQuit) == ["q"])
    }

    @Test func tablesOtherThanKeysAndDuplicates() {
        let (keymap, problems) = Keymap.load(configText: """
            "app.quit" = "C-q"
            [keys]
            "app.redraw" = "C-r"
            "app.redraw" = "C-e"
            [colours]
            "app.help" = "h"
            """)
        #expect(problems == [
            "binding outside [keys] on line 1 of keys.toml: put a [keys] line above it",
            "action app.redraw is set twice, on lines 3 and 4 of keys.toml: line 4 is ignored",
            "unknown table [colours] on line 5 of keys.toml: only [keys] is read",
        ])
        #expect(keymap.keys(for: .appQuit) == ["q"])
        #expect(keymap.keys(for: .appRedraw) == ["C-r"])
        #expect(keymap.keys(for: .appHelp) == ["?", "F1"])
    }

    @Test func escapesInStrings() {
        let (keymap, problems) = Keymap.load(configText: #"""
            [keys]
            "app.help" = ["\"", "\\", '#']
            """#)
        #expect(problems == [])
        #expect(keymap.keys(for: .appHelp) == ["\"", "\\", "#"])
    }
}

@Suite struct KeymapFileTests {
    @Test func configPathFollowsXDGThenHome() {
        #expect(Keymap.configPath(environment: ["XDG_CONFIG_HOME": "/x/cfg", "HOME": "/home/ann"]) == "/x/cfg/clerk/keys.toml")
        #expect(Keymap.configPath(environment: ["XDG_CONFIG_HOME": "", "HOME": "/home/ann"]) == "/home/ann/.config/clerk/keys.toml")
        #expect(Keymap.configPath(environment: ["XDG_CONFIG_HOME": "relative", "HOME": "/home/ann/"]) == "/home/ann/.config/clerk/keys.toml")
        #expect(Keymap.configPath(environment: [:]) == nil)
    }

    @Test func readsTheFileNamedByTheEnvironment() throws {
        let dir = try TemporaryDirectory()
        let env = ["XDG_CONFIG_HOME": dir.path]
        #expect(Keymap.load(environment: env).problems == [], "no file is not a problem")

        try dir.write("clerk/keys.toml", "[keys]\n\"app.quit\" = \"C-q\"\n")
        let (keymap, problems) = Keymap.load(environment: env)
        #expect(problems == [])
        #expect(keymap.keys(for: .appQuit) == ["C-q"])

        try dir.write("clerk/keys.toml", "[keys]\n\"app.quit\" = \"Ctrl+Q\"\n")
        #expect(Keymap.load(environment: env).problems.count == 1)
    }

    @Test func anUnreadableFileIsAProblemNotAFailure() throws {
        let dir = try TemporaryDirectory()
        try FileManager.default.createDirectory(atPath: dir.path + "/clerk/keys.toml", withIntermediateDirectories: true)
        let (keymap, problems) = Keymap.load(environment: ["XDG_CONFIG_HOME": dir.path])
        #expect(problems == ["cannot read \(dir.path)/clerk/keys.toml: it is a directory"])
        #expect(keymap.keys(for: .appQuit) == ["q"])
    }
}

/// A directory under the system's temporary directory, removed when the value goes away.
final class TemporaryDirectory {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-tests-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func write(_ relative: String, _ text: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
    }

    deinit { try? FileManager.default.removeItem(atPath: path) }
}
