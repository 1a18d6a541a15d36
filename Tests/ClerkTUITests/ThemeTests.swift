import Testing
import Terminal
@testable import ClerkTUI

@Suite struct ThemeParseTests {
    @Test func readsSlotsColoursAndAttributes() throws {
        let theme = try Theme.parse("""
            # a comment
            base = fg:white bg:default
            pane.border.focused = fg:cyan bold   # trailing comment
            selection = fg:black bg:cyan
            quorum.lost = fg:white bg:red bold
            status = fg:208 bg:bright-black dim underline reverse
            heading = plain
            """, name: "t").get()
        #expect(theme[.base] == Style(fg: .white))
        #expect(theme[.paneBorderFocused] == Style(fg: .cyan, bold: true))
        #expect(theme[.selection] == Style(fg: .black, bg: .cyan))
        #expect(theme[.quorumLost] == Style(fg: .white, bg: .red, bold: true))
        #expect(theme[.status] == Style(fg: Color(208), bg: .brightBlack, reverse: true, underline: true, dim: true))
        #expect(theme[.heading] == Style(fg: .white), "colours left out come from base")
        #expect(theme[.muted] == theme[.base], "a slot left out looks like base")
        #expect(theme.styles[.muted] == nil)
    }

    @Test func baseMayComeAfterTheSlotsThatInheritFromIt() throws {
        let theme = try Theme.parse("heading = bold\nbase = fg:green bg:black", name: "t").get()
        #expect(theme[.heading] == Style(fg: .green, bg: .black, bold: true))
    }

    @Test func defaultOverridesBasesColour() throws {
        let theme = try Theme.parse("base = fg:green bg:black\nheading = fg:default", name: "t").get()
        #expect(theme[.heading] == Style(fg: nil, bg: .black))
    }

    @Test func colourNames() {
        #expect(StyleSpec.colour("bright-red") == .some(Color(9)))
        #expect(StyleSpec.colour("bright-white") == .some(.brightWhite))
        #expect(StyleSpec.colour("Magenta") == .some(.magenta))
        #expect(StyleSpec.colour("0") == .some(.black))
        #expect(StyleSpec.colour("255") == .some(Color(255)))
        #expect(StyleSpec.colour("default") == .some(nil))
        for bad in ["256", "-1", "+3", "purpel", "bright-", "brightred", ""] {
            #expect(StyleSpec.colour(Substring(bad)) == nil, "\(bad)")
        }
    }

    @Test(arguments: [
        ("base = fg:white\n\n\n\n\n\nheading = fg:purpel", "theme 'light' line 7: unknown colour 'purpel'; use a colour name or 0-255"),
        ("selection = bg:300", "theme 'light' line 1: unknown colour '300'; use a colour name or 0-255"),
        ("selection = blink", "theme 'light' line 1: unknown attribute 'blink'; use fg:COLOUR bg:COLOUR bold dim underline reverse"),
        ("selektion = bold", "theme 'light' line 1: unknown slot 'selektion'; did you mean selection?"),
        ("colours.everywhere = bold", "theme 'light' line 1: unknown slot 'colours.everywhere'; the slots are listed in docs/themes.md"),
        ("# fine\nselection bold", "theme 'light' line 2: expected 'slot = attributes', e.g. 'selection = fg:black bg:cyan'"),
        ("selection =   # nothing", "theme 'light' line 1: no attributes after '='; write e.g. 'fg:cyan bold', or 'plain'"),
        ("selection = bold\nselection = dim", "theme 'light' line 2: selection is already set on line 1"),
    ])
    func mistakesAreOneLineNamingThemeAndLine(text: String, message: String) {
        switch Theme.parse(text, name: "light") {
        case .success: Issue.record("expected: \(message)")
        case .failure(let error): #expect(error.description == message)
        }
    }
}

@Suite struct ThemeMonochromeTests {
    @Test func dropsColoursKeepsAttributes() {
        let theme = Theme(name: "t", styles: [
            .base: Style(fg: .white, bg: .black),
            .heading: Style(fg: .yellow, bold: true, underline: true),
        ])
        let mono = theme.monochrome()
        #expect(mono[.base] == Style())
        #expect(mono[.heading] == Style(bold: true, underline: true))
        #expect(ThemeSlot.allCases.allSatisfy { mono[$0].fg == nil && mono[$0].bg == nil })
    }

    @Test func slotsMarkedByColourAloneGetAnAttribute() {
        let theme = Theme(name: "t", styles: [
            .selection: Style(fg: .black, bg: .cyan),
            .actionOverdue: Style(fg: .red),
            .quorumLost: Style(fg: .white, bg: .red),
            .itemConfidential: Style(fg: .magenta),
            .paneBorderFocused: Style(fg: .cyan),
        ])
        let mono = theme.monochrome()
        #expect(mono[.selection] == Style(reverse: true))
        #expect(mono[.actionOverdue] == Style(bold: true))
        #expect(mono[.quorumLost] == Style(reverse: true))
        #expect(mono[.itemConfidential] == Style(underline: true))
        #expect(mono[.paneBorderFocused] == Style(bold: true))
        #expect(mono[.muted] == Style(), "slots without that duty stay as they were")
    }

    @Test func theSelectionIsAlwaysReversedAgainstBase() {
        let bold = Theme(name: "t", styles: [.selection: Style(fg: .black, bg: .yellow, bold: true)])
        #expect(bold.monochrome()[.selection] == Style(bold: true, reverse: true))
        let reversedBase = Theme(name: "t", styles: [.base: Style(reverse: true)])
        #expect(reversedBase.monochrome()[.selection] == Style())
    }

    @Test func whenBaseAlreadyHasTheAttributeAnotherIsUsed() {
        let theme = Theme(name: "t", styles: [.base: Style(bold: true)])
        #expect(theme.monochrome()[.actionOverdue] == Style(bold: true, underline: true))
    }

    @Test func whenBaseHasEveryFallbackOneIsTurnedOff() {
        let theme = Theme(name: "t", styles: [.base: Style(bold: true, underline: true)])
        #expect(theme.monochrome()[.actionOverdue] == Style(bold: false, underline: true))
    }
}

@Suite struct BuiltinThemeContentTests {
    static let mustStandOut: [ThemeSlot] = [.selection, .actionOverdue, .quorumLost, .itemConfidential, .paneBorderFocused]

    static func builtin(_ name: String) throws -> Theme {
        let text = try #require(BuiltinThemes.texts[name])
        return try Theme.parse(text, name: name).get()
    }

    @Test(arguments: ThemeLoader.builtinNames)
    func parsesAndSetsEverySlot(name: String) throws {
        let theme = try Self.builtin(name)
        let missing = ThemeSlot.allCases.filter { theme.styles[$0] == nil }.map(\.rawValue)
        #expect(missing == [], "\(name) leaves slots unset")
    }

    @Test(arguments: ThemeLoader.builtinNames)
    func whatMustStandOutDiffersFromBaseInColourAndWithout(name: String) throws {
        let theme = try Self.builtin(name)
        let mono = theme.monochrome()
        for slot in Self.mustStandOut {
            #expect(theme[slot] != theme[.base], "\(name): \(slot.rawValue)")
            #expect(mono[slot].attributes != mono[.base].attributes, "\(name) without colour: \(slot.rawValue)")
        }
        #expect(mono[.selection].reverse, "\(name): selection is reversed without colour")
    }

    @Test(arguments: ThemeLoader.builtinNames)
    func foregroundAndBackgroundNeverMatch(name: String) throws {
        let theme = try Self.builtin(name)
        for slot in ThemeSlot.allCases where theme[slot].fg != nil {
            #expect(theme[slot].fg != theme[slot].bg, "\(name): \(slot.rawValue) is unreadable")
        }
    }

    @Test func monochromeHasNoColours() throws {
        let theme = try Self.builtin("monochrome")
        #expect(ThemeSlot.allCases.allSatisfy { theme[$0].fg == nil && theme[$0].bg == nil })
        #expect(theme.monochrome() == theme)
    }
}

@Suite struct ThemesDocTests {
    @Test func everySlotIsDescribedInDocsThemesMd() throws {
        let doc = try String(contentsOf: Snapshot.root.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        for slot in ThemeSlot.allCases {
            #expect(doc.contains("| `\(slot.rawValue)` |"), "docs/themes.md does not describe \(slot.rawValue)")
        }
    }

    @Test func theExampleInTheDocParses() throws {
        let doc = try String(contentsOf: Snapshot.root.appendingPathComponent("docs/themes.md"), encoding: .utf8)
        let start = try #require(doc.range(of: "```\n# comments"))
        let end = try #require(doc.range(of: "```", range: start.upperBound..<doc.endIndex))
        let example = String(doc[doc.index(start.lowerBound, offsetBy: 4)..<end.lowerBound])
        #expect(throws: Never.self) { try Theme.parse(example, name: "doc").get() }
    }
}
