import Foundation
#if canImport(Glibc)
import Glibc
#endif

extension ArchiveStore {
    /// Whether the person running clerk may write the archive: the journal folders, the
    /// archive segment and every meeting segment must be writable (access(2), so the
    /// answer is the operating system's, from the account's own permissions). A session
    /// that may not write opens the archive read-only.
    public static func isWritable(_ directory: String) -> Bool {
        unwritablePath(directory) == nil
    }

    /// The first journal folder or file the account may not write (a missing one counts),
    /// or nil when it may write them all.
    public static func unwritablePath(_ directory: String) -> String? {
        let journal = directory + "/journal"
        var paths = [journal, journal + "/meetings", journal + "/archive.jsonl"]
        let segments = (try? FileManager.default.contentsOfDirectory(atPath: journal + "/meetings")) ?? []
        paths += segments.filter { $0.hasSuffix(".jsonl") }.map { journal + "/meetings/" + $0 }
        if FileManager.default.fileExists(atPath: journal + "/.lock") { paths.append(journal + "/.lock") }
        return paths.first { access($0, W_OK) != 0 }
    }
}
