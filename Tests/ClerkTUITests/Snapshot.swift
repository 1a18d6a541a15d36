import ClerkTestSupport
import Foundation
import Testing

/// Generated files checked into the repository (docs/keys.md, BuiltinThemes.swift, screens).
enum Snapshot {
    static var root: URL { Golden.root }
    static var recording: Bool { Golden.recording }

    /// Checks that the file at `path` (from the root) holds `expected`, or writes it when
    /// recording.
    static func check(_ path: String, equals expected: String, hint: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        #expect(try Golden.matches(path, expected), "\(path) is out of date: \(hint)", sourceLocation: sourceLocation)
    }
}
