import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file writes that are either complete on disk or not there at all.
enum Durable {
    /// Writes to a new temporary file beside `path`, syncs it, renames it over `path`, and
    /// syncs the directory: a reader sees the old file or the new one, never half of either.
    ///
    /// The temporary file has a random name and is made `O_CREAT|O_EXCL|O_NOFOLLOW`, so a
    /// file or link someone put at a name they guessed is never followed or truncated. It
    /// gets exactly `mode`, or, with nil, 0666 less the umask (as other programs make files).
    static func writeAtomically(_ bytes: [UInt8], to path: String, sync: any SyncPolicy, mode: mode_t? = 0o600) throws {
        let dir = FileIO.parent(of: path)
        var fd: Int32 = -1
        var temp = ""
        for _ in 0..<16 {
            temp = "\(path).tmp-\(FileIO.randomSuffix())"
            fd = FileIO.open(temp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, mode ?? 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw StoreError("cannot write \(temp): \(FileIO.errorText(errno)); check the folder's permissions") }
        do {
            if let mode, fchmod(fd, mode) != 0 { throw SystemCallError(call: "fchmod", errno: errno) }
            try FileIO.write(fd, bytes, at: 0)
            try sync.dataSync(fd: fd)
        } catch {
            close(fd)
            unlink(temp)
            throw StoreError("cannot write \(path): \(error)")
        }
        close(fd)
        guard rename(temp, path) == 0 else {
            let cause = FileIO.errorText(errno)
            unlink(temp)
            throw StoreError("cannot replace \(path): \(cause)")
        }
        try FileIO.syncDirectory(dir, sync)
    }
}

/// A file someone asked for (an export): written whole or not at all, to exactly the path
/// given and nowhere else — never inside the archive, never through a link.
public enum ExportFile {
    /// Why `path` is not a name for a file in one of `formats` (extensions without the dot),
    /// or nil when it ends in one. With `forceHint`, the message says --force writes it anyway.
    public static func extensionProblem(_ path: String, formats: [String], forceHint: Bool = false) -> String? {
        let allowed = formats.map { "." + $0 }
        let list = allowed.count > 1 ? allowed.dropLast().joined(separator: ", ") + " or " + allowed.last! : allowed.first ?? ""
        if path.isEmpty { return "type the file to write, ending \(list)" }
        let name = (path as NSString).lastPathComponent
        if allowed.contains(where: { name.lowercased().hasSuffix($0) && name.count > $0.count }) { return nil }
        let example = (name.split(separator: ".").first.map(String.init) ?? "export") + (allowed.first ?? "")
        return "'\(path)' does not end in \(list), the format's extension; name it e.g. \(example)"
            + (forceHint ? ", or add --force to write it as given" : "")
    }

    /// Refuses a path inside the archive at `archive` (compared by real paths, links in the
    /// path resolved), a folder, a link or anything but a plain file at `path`; then writes
    /// `text` there atomically, with the person's own permissions (0666 less the umask).
    public static func write(_ text: String, to path: String, archive: String?, sync: any SyncPolicy = SystemSync()) throws {
        try write(bytes: Array(text.utf8), to: path, archive: archive, sync: sync)
    }

    /// The same for a document that is not text (a Word, OpenDocument or PDF file).
    public static func write(bytes: [UInt8], to path: String, archive: String?, sync: any SyncPolicy = SystemSync()) throws {
        try refuseTarget(path, archive: archive)
        try Durable.writeAtomically(bytes, to: path, sync: sync, mode: nil)
    }

    /// The checks of `write`, on their own: throws the one-line refusal, or returns when
    /// `path` may be written.
    public static func refuseTarget(_ path: String, archive: String?) throws {
        guard !path.isEmpty else { throw StoreError("the export path is empty; give a file name, e.g. minutes.html") }
        var info = stat()
        if lstat(path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFREG: break
            case S_IFDIR: throw StoreError("\(path) is a folder; give a file name inside it, e.g. \(path)/minutes.html")
            case S_IFLNK: throw StoreError("\(path) is a symbolic link; clerk does not write through links: remove it or choose another name")
            default: throw StoreError("\(path) is not a plain file; choose another name")
            }
        }
        let dir = FileIO.parent(of: path)
        guard stat(dir, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError("no folder \(dir) to write \(path) into; create it first or choose another path")
        }
        if let archive, let inside = realPath(archive), let folder = realPath(dir),
           folder == inside || folder.hasPrefix(inside.hasSuffix("/") ? inside : inside + "/") {
            throw StoreError("\(path) is inside the archive folder \(archive); exports are never written there (one could replace the journal): choose a file outside it")
        }
    }

    static func realPath(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
