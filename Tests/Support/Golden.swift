import Foundation

/// Files checked into the repository that the code must still produce (docs/keys.md,
/// screen snapshots, export samples): a test compares each with what the code makes now,
/// and rewrites it under CLERK_RECORD=1.
public enum Golden {
    /// The repository's root, found from this file's path (symlinks resolved, so that the
    /// tests also work from a package that links these sources in).
    public static let root: URL = {
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

    public static var recording: Bool {
        let value = ProcessInfo.processInfo.environment["CLERK_RECORD"] ?? ""
        return !value.isEmpty && value != "0"
    }

    /// Whether the file at `path` (from the root) holds `expected`; under CLERK_RECORD=1 it
    /// is written first, so it does.
    public static func matches(_ path: String, _ expected: String) throws -> Bool {
        let url = root.appendingPathComponent(path)
        if recording {
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(expected.utf8).write(to: url, options: .atomic)
            return true
        }
        // Bytes, not decoded text: a byte-order mark or a CRLF must match too.
        return (try? Data(contentsOf: url)) == Data(expected.utf8)
    }
}
