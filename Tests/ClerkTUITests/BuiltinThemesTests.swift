import Foundation
import Testing
@testable import ClerkTUI

/// Sources/ClerkTUI/Theme/BuiltinThemes.swift holds the text of themes/*.theme so that
/// they ship inside the binary; this keeps the two the same.
@Suite struct BuiltinThemesTests {
    static let hint = "run CLERK_RECORD=1 swift test --filter BuiltinThemes"

    static func themeFiles() throws -> [(name: String, text: String)] {
        let dir = Snapshot.root.appendingPathComponent("themes")
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.path)
            .filter { $0.hasSuffix(".theme") }.sorted()
        return try names.map { file in
            (String(file.dropLast(".theme".count)), try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8))
        }
    }

    /// The Swift source for the files: each text in a raw multi-line string literal.
    static func source(_ files: [(name: String, text: String)]) -> String {
        var out = """
            // Generated from themes/*.theme by BuiltinThemesTests; do not edit.
            // Re-record with: CLERK_RECORD=1 swift test --filter BuiltinThemes

            /// The themes that ship inside clerk, by name: the text of themes/NAME.theme.
            public enum BuiltinThemes {
                public static let texts: [String: String] = [

            """
        for (name, text) in files {
            out += "        \"\(name)\": #\"\"\"\n"
            for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
                out += line.isEmpty ? "\n" : "        \(line)\n"
            }
            out += "        \"\"\"#,\n"
        }
        out += "    ]\n}\n"
        return out
    }

    @Test func theSourceIsUpToDate() throws {
        try Snapshot.check("Sources/ClerkTUI/Theme/BuiltinThemes.swift", equals: Self.source(Self.themeFiles()), hint: Self.hint)
    }

    @Test func theCompiledTextsAreTheFiles() throws {
        guard !Snapshot.recording else { return }  // the new source is compiled next time
        let files = try Self.themeFiles()
        #expect(BuiltinThemes.texts.keys.sorted() == files.map(\.name), "themes/ and BuiltinThemes.swift differ: \(Self.hint)")
        for (name, text) in files {
            #expect(BuiltinThemes.texts[name] == text, "themes/\(name).theme is out of date in BuiltinThemes.swift: \(Self.hint)")
        }
    }

    @Test func theLoaderOffersEveryBuiltinTheme() {
        guard !Snapshot.recording else { return }
        #expect(Set(ThemeLoader.builtinNames) == Set(BuiltinThemes.texts.keys))
        #expect(ThemeLoader.builtinNames.first == "default")
    }
}
