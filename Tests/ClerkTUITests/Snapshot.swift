import Foundation
import Testing

/// Generated files checked into the repository (docs/keys.md, BuiltinThemes.swift): a
/// test compares each with what the code makes now, and rewrites it under CLERK_RECORD=1.
enum Snapshot {
    /// The repository's root, found from this file's path (symlinks resolved, so that
    /// the tests also work from a package that links these sources in).
    static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).resolvingSymlinksInPath().deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path),
               FileManager.default.fileExists(atPath: url.appendingPathComponent("Sources/ClerkTUI").path) {
                return url
            }
            url.deleteLastPathComponent()
        }
        fatalError("repository root not found above \(#filePath)")
    }()

    static var recording: Bool {
        let value = ProcessInfo.processInfo.environment["CLERK_RECORD"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// Checks that the file at `path` (from the root) holds `expected`, or writes it when
    /// recording.
    static func check(_ path: String, equals expected: String, hint: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = root.appendingPathComponent(path)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try expected.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        let actual = try? String(contentsOf: url, encoding: .utf8)
        #expect(actual == expected, "\(path) is out of date: \(hint)", sourceLocation: sourceLocation)
    }
}
