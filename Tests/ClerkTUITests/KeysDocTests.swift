import Testing
@testable import ClerkTUI

@Suite struct KeysDocTests {
    @Test func docsKeysMdIsUpToDate() throws {
        try Snapshot.check("docs/keys.md", equals: KeysDoc.markdown(), hint: "run CLERK_RECORD=1 swift test --filter KeysDoc")
    }

    @Test func everyActionAndScopeIsInTheDoc() {
        let doc = KeysDoc.markdown()
        for action in ActionTable.all {
            #expect(doc.contains("| `\(action.id)` |"), "\(action.id)")
        }
        for scope in UIAction.Scope.allCases {
            #expect(doc.contains("## \(scope.title)\n"))
        }
    }

    @Test func theExampleInTheDocIsAValidKeysFile() throws {
        let doc = KeysDoc.markdown()
        let start = try #require(doc.range(of: "```toml\n"))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        let example = String(doc[start.upperBound..<end.lowerBound])
        let (keymap, problems) = Keymap.load(configText: example)
        #expect(problems == [])
        #expect(keymap.keys(for: .appExit) == ["C-q"])
    }

    @Test func oddKeysAreWrittenSoTheTableSurvives() {
        let doc = KeysDoc.markdown(actions: [UIAction(.appRedraw, .global, keys: ["|", "`"], "Bar | and tick")])
        #expect(doc.contains("| `\\|` `` ` `` | `app.redraw` | Bar \\| and tick |"))
    }
}
