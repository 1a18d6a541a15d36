import Foundation
import Testing
import Terminal
@testable import ClerkTUI

@Suite struct ThemeLoaderTests {
    let dir: TemporaryDirectory
    var env: [String: String] { ["XDG_CONFIG_HOME": dir.path] }

    init() throws { dir = try TemporaryDirectory() }

    @Test func noNameMeansTheBuiltinDefault() throws {
        let (theme, warning) = ThemeLoader.load(name: nil, environment: env, colorCount: 256)
        #expect(warning == nil)
        #expect(theme.name == "default")
        #expect(theme == ThemeLoader.builtinDefault)
        #expect(theme[.selection] == Style(fg: .black, bg: .cyan))
    }

    @Test(arguments: ThemeLoader.builtinNames)
    func everyBuiltinLoadsByName(name: String) {
        let (theme, warning) = ThemeLoader.load(name: name, environment: env, colorCount: 256)
        #expect(warning == nil)
        #expect(theme.name == name)
    }

    @Test func anUnknownNameWarnsAndGivesTheDefault() {
        let (theme, warning) = ThemeLoader.load(name: "x", environment: env, colorCount: 256)
        #expect(warning == "no theme 'x'; themes: default, light, high-contrast, monochrome")
        #expect(theme == ThemeLoader.builtinDefault)
    }

    @Test func theUsersThemesComeFirstAndAreOffered() throws {
        try dir.write("clerk/themes/light.theme", "base = fg:green\n")
        try dir.write("clerk/themes/mine.theme", "selection = reverse\n")
        let (light, warning) = ThemeLoader.load(name: "light", environment: env, colorCount: 256)
        #expect(warning == nil)
        #expect(light[.base] == Style(fg: .green))
        #expect(ThemeLoader.load(name: "mine", environment: env, colorCount: 256).0[.selection] == Style(reverse: true))
        #expect(ThemeLoader.load(name: "nope", environment: env, colorCount: 256).warning
            == "no theme 'nope'; themes: default, light, high-contrast, monochrome, mine")
    }

    @Test func homeIsUsedWithoutXDGConfigHome() throws {
        try dir.write(".config/clerk/themes/mine.theme", "base = bold\n")
        let (theme, warning) = ThemeLoader.load(name: "mine", environment: ["HOME": dir.path], colorCount: 256)
        #expect(warning == nil)
        #expect(theme[.base] == Style(bold: true))
    }

    @Test func aBadFileWarnsOnOneLineAndGivesTheDefault() throws {
        try dir.write("clerk/themes/broken.theme", "# mine\nbase = fg:white\nselection = fg:purpel\n")
        let (theme, warning) = ThemeLoader.load(name: "broken", environment: env, colorCount: 256)
        #expect(warning == "theme 'broken' line 3: unknown colour 'purpel'; use a colour name or 0-255")
        #expect(theme == ThemeLoader.builtinDefault)
    }

    @Test func aNameIsNotAPath() throws {
        try dir.write("clerk/secret.theme", "base = bold\n")
        let (theme, warning) = ThemeLoader.load(name: "../secret", environment: env, colorCount: 256)
        #expect(warning?.hasPrefix("no theme '../secret'") == true)
        #expect(theme == ThemeLoader.builtinDefault)
    }

    @Test func noColorOrNoColoursGiveMonochrome() {
        let mono = ThemeLoader.builtinDefault.monochrome()
        #expect(ThemeLoader.load(name: nil, environment: env.merging(["NO_COLOR": "1"]) { $1 }, colorCount: 256).0 == mono)
        #expect(ThemeLoader.load(name: nil, environment: env, colorCount: 0).0 == mono)
        #expect(ThemeLoader.load(name: nil, environment: env.merging(["NO_COLOR": ""]) { $1 }, colorCount: 256).0 != mono,
                "an empty NO_COLOR does not count")
        let (fallback, warning) = ThemeLoader.load(name: "x", environment: env.merging(["NO_COLOR": "yes"]) { $1 }, colorCount: 8)
        #expect(warning != nil)
        #expect(fallback == mono)
    }
}
