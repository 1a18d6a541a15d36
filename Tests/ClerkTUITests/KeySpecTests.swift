import Testing
import Terminal
@testable import ClerkTUI

@Suite struct KeySpecTests {
    @Test(arguments: [
        ("j", Key.char("j")), ("?", .char("?")), ("[", .char("[")), ("G", .char("G")),
        ("Space", .char(" ")), ("Enter", .enter), ("Tab", .tab), ("S-Tab", .backTab),
        ("Esc", .escape), ("Backspace", .backspace), ("Delete", .delete), ("Insert", .insert),
        ("Up", .up), ("Down", .down), ("Left", .left), ("Right", .right),
        ("Home", .home), ("End", .end), ("PgUp", .pageUp), ("PgDn", .pageDown),
        ("F1", .f(1)), ("F12", .f(12)), ("C-a", .ctrl("a")), ("C-l", .ctrl("l")), ("C-z", .ctrl("z")),
        ("M-x", .alt("x")), ("M-v", .alt("v")),
    ])
    func parsesAndFormatsTheTableNames(name: String, key: Key) {
        #expect(KeySpec.key(named: name) == key)
        #expect(KeySpec.name(of: key) == name)
    }

    @Test func acceptsOtherSpellingsAndGivesTheShortForm() {
        #expect(KeySpec.canonical("enter") == "Enter")
        #expect(KeySpec.canonical("Escape") == "Esc")
        #expect(KeySpec.canonical("PageDown") == "PgDn")
        #expect(KeySpec.canonical("C-X") == "C-x")
        #expect(KeySpec.canonical("M-X") == "M-X")  // Alt+Shift+x is its own key
        #expect(KeySpec.canonical("f5") == "F5")
        #expect(KeySpec.canonical("é") == "é")
    }

    @Test func ctrlKeysThatTheTerminalReportsAsNamedKeys() {
        #expect(KeySpec.key(named: "C-i") == .tab)
        #expect(KeySpec.key(named: "C-m") == .enter)
        #expect(KeySpec.key(named: "C-j") == .enter)
        #expect(KeySpec.key(named: "C-h") == .backspace)
        #expect(KeySpec.key(named: "C-[") == .escape)
    }

    @Test(arguments: ["Ctrl+X", "", "M-Up", "M-Enter", "C-1", "F0", "F64", "F01", "F+1", "Shift-Tab", "jj", "\t", "\u{7F}", "C-", "M-"])
    func rejectsNamesThatAreNotKeys(name: String) {
        #expect(KeySpec.key(named: name) == nil)
    }

    @Test func everyNameItGivesReadsBack() {
        var keys: [Key] = [.enter, .tab, .backTab, .backspace, .delete, .escape, .up, .down, .left, .right,
                           .home, .end, .pageUp, .pageDown, .insert, .char(" "), .alt(" "), .ctrl("@"), .ctrl("]")]
        keys += (1...63).map(Key.f)
        keys += (0x21...0x7E).map { Key.char(Character(Unicode.Scalar($0)!)) }
        keys += "abcdefgkloz".map(Key.ctrl) + "x?0".map(Key.alt)
        for key in keys {
            #expect(KeySpec.key(named: KeySpec.name(of: key)) == key, "\(KeySpec.name(of: key))")
        }
    }

    @Test func unknownKeyMessage() {
        #expect(KeySpec.unknownKeyMessage("Ctrl+X", line: 4)
            == "unknown key 'Ctrl+X' on line 4 of keys.toml: write keys like C-x, M-x, S-Tab, F5, Enter")
    }
}
