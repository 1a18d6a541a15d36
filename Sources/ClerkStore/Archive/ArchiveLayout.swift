#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The folders and files of an archive as they are on disk: why one cannot be opened (in
/// one line, with the fix), links inside it, and what other accounts can read.
///
/// The archive folder itself may be reached through a symbolic link (the path the person
/// gives with --data is theirs to choose); nothing inside it may be one.
public enum ArchiveLayout {
    /// The fixed entries of an archive, relative to its folder.
    static let fixedEntries = [ArchiveStore.markerName, "journal", "journal/archive.jsonl", "journal/meetings",
                               "journal/.lock", "cache"]

    /// Why the archive at `directory` cannot be opened, as one line naming the real cause
    /// and what to do; nil when it can. A missing (empty) meetings folder is a problem only
    /// for a session that does not write: a writing session creates it
    /// (`prepareForWriting`).
    public static func openProblem(_ directory: String, forWriting: Bool) -> String? {
        var info = stat()
        if stat(directory, &info) != 0 {
            switch errno {
            case ENOENT:
                return "no archive at \(directory): the folder does not exist; create an empty archive with 'clerk init \(directory)', or try 'clerk demo'"
            case EACCES:
                return "permission denied: your account cannot reach \(directory); ask the archive's owner for access, or check --data"
            case ENOTDIR:
                return "no archive at \(directory): part of that path is a file, not a folder; check --data"
            default:
                return "cannot read \(directory): \(FileIO.errorText(errno)); check --data"
            }
        }
        guard info.st_mode & S_IFMT == S_IFDIR else {
            return "\(directory) is a file, not a folder; give --data the archive folder (the one holding \(ArchiveStore.markerName))"
        }
        if access(directory, R_OK | X_OK) != 0 {
            return "permission denied: your account cannot read the folder \(directory); ask the archive's owner for access (e.g. to be added to its group)"
        }
        let marker = directory + "/" + ArchiveStore.markerName
        if lstat(marker, &info) != 0 {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            if entries.isEmpty {
                return "no archive in \(directory) (the folder is empty); create one with 'clerk init \(directory)', or try 'clerk demo'"
            }
            return "\(directory) is not a clerk archive (no \(ArchiveStore.markerName)); point --data at an archive folder, or create one in a new folder with 'clerk init NEWDIR'"
        }
        if let link = linkAmongFixedEntries(directory) { return FileIO.linkRefusal(link) }
        let journal = directory + "/journal"
        let segment = journal + "/archive.jsonl"
        let meetings = journal + "/meetings"
        for (path, isFolder) in [(journal, true), (segment, false)] {
            if let problem = entryProblem(path, isFolder: isFolder, missing: "restore it from a backup of the archive: clerk cannot open an archive without it") {
                return problem
            }
        }
        if !exists(meetings) {
            return forWriting ? nil
                : "\(meetings) is missing; open the archive once in a session that may write (clerk creates it), or create it with 'mkdir \(meetings)'"
        }
        return entryProblem(meetings, isFolder: true, missing: "")
    }

    /// For a writing session: creates the empty folders an archive needs and lacks
    /// (`journal/meetings`, `cache`), with the archive's own modes.
    public static func prepareForWriting(_ directory: String, sync: any SyncPolicy = SystemSync()) throws {
        let modes = ArchiveModes.of(archive: directory)
        let meetings = directory + "/journal/meetings"
        if !exists(meetings) {
            do {
                try FileIO.makeDirectories(meetings, sync, mode: modes.folder)
            } catch {
                throw StoreError("\(meetings) is missing and cannot be created (\(error)); create it with 'mkdir \(meetings)' or ask the archive's owner")
            }
        }
        let cache = directory + "/cache"
        if !exists(cache) { try? FileIO.makeDirectories(cache, sync, mode: modes.folder) }
    }

    /// The first fixed entry of the archive that is a symbolic link.
    static func linkAmongFixedEntries(_ directory: String) -> String? {
        fixedEntries.map { directory + "/" + $0 }.first(where: FileIO.isSymbolicLink)
    }

    /// Every symbolic link inside the archive: its fixed entries and anything in
    /// `journal/`, `journal/meetings/` and `cache/`.
    public static func links(in directory: String) -> [String] {
        var found = Set(fixedEntries.map { directory + "/" + $0 }.filter(FileIO.isSymbolicLink))
        for folder in ["journal", "journal/meetings", "cache"] where !FileIO.isSymbolicLink(directory + "/" + folder) {
            let path = directory + "/" + folder
            for entry in (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? [] where FileIO.isSymbolicLink(path + "/" + entry) {
                found.insert(path + "/" + entry)
            }
        }
        return found.sorted()
    }

    /// Folders and files of the archive that every account on the host may read or write
    /// (by their "other" permission bits), as one line each naming the fix. Meeting files
    /// past the first few are counted, not listed.
    public static func openToOthers(_ directory: String) -> [String] {
        var lines: [String] = []
        var moreMeetings = 0
        func look(_ path: String, listed: Bool = true) {
            var info = stat()
            guard lstat(path, &info) == 0, info.st_mode & S_IFMT != S_IFLNK, info.st_mode & 0o006 != 0 else { return }
            guard listed else { moreMeetings += 1; return }
            let what = info.st_mode & 0o002 != 0 ? "written" : "read"
            let mode = String(Int(info.st_mode & 0o7777), radix: 8)
            lines.append("\(path) can be \(what) by every account on this host (mode \(mode)); run 'chmod -R o-rwx \(directory)' unless that is intended")
        }
        look(directory)
        for entry in fixedEntries { look(directory + "/" + entry) }
        for folder in ["journal", "journal/meetings", "cache"] {
            let path = directory + "/" + folder
            guard !FileIO.isSymbolicLink(path) else { continue }
            let entries = ((try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []).sorted()
            var shown = 0
            for entry in entries where !fixedEntries.contains(folder + "/" + entry) {
                let before = lines.count
                look(path + "/" + entry, listed: folder != "journal/meetings" || shown < 3)
                if lines.count > before { shown += 1 }
            }
        }
        if moreMeetings > 0 {
            lines.append("\(moreMeetings) more file(s) in \(directory)/journal/meetings can be read by every account on this host; run 'chmod -R o-rwx \(directory)' unless that is intended")
        }
        return lines
    }

    private static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    /// Why `path` is not a readable folder (or file), or nil when it is.
    private static func entryProblem(_ path: String, isFolder: Bool, missing: String) -> String? {
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == EACCES { return "permission denied: your account cannot read \(path); ask the archive's owner for access" }
            return "\(path) is missing; \(missing)"
        }
        let kind = info.st_mode & S_IFMT
        if isFolder, kind != S_IFDIR { return "\(path) is not a folder; move it away and restore the folder from a backup" }
        if !isFolder, kind != S_IFREG { return "\(path) is not a plain file; move it away and restore the file from a backup" }
        if access(path, isFolder ? R_OK | X_OK : R_OK) != 0 {
            return "permission denied: your account cannot read \(path); ask the archive's owner for access (e.g. to be added to its group)"
        }
        return nil
    }
}
