import ClerkTestSupport
import Foundation
import Testing

/// Keeps every source file small enough to read in one sitting: a file that grows past the
/// limit is split along its seams, not left to grow.
@Suite struct SourceSizeTests {
    static let limit = 400

    /// The Swift and C files under Sources/ with their line counts, from the root.
    static func sourceFiles() throws -> [(path: String, lines: Int)] {
        let sources = Golden.root.appendingPathComponent("Sources")
        guard let walker = FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil) else {
            throw CocoaError(.fileReadNoSuchFile)
        }
        var found: [(String, Int)] = []
        for case let url as URL in walker where ["swift", "c", "h"].contains(url.pathExtension) {
            let text = try String(contentsOf: url, encoding: .utf8)
            var lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            if text.hasSuffix("\n") { lines -= 1 }
            let relative = String(url.path.dropFirst(Golden.root.path.count + 1))
            found.append((relative, lines))
        }
        return found.sorted { $0.0 < $1.0 }
    }

    @Test func noSourceFileIsOverTheLimit() throws {
        let files = try Self.sourceFiles()
        #expect(files.count > 50, "the walk found too few files under Sources/ to be the real tree")
        #expect(files.contains { $0.path == "Sources/ClerkTUI/Keys/ActionTable.swift" })
        let over = files.filter { $0.lines > Self.limit }
        #expect(over.isEmpty, "over \(Self.limit) lines, split along a seam: \(over.map { "\($0.path) (\($0.lines))" }.joined(separator: ", "))")
    }
}
