import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Whole-file writes that are either complete on disk or not there at all.
enum Durable {
    /// Writes to a temporary file beside `path`, syncs it, renames it over `path`, and syncs
    /// the directory: a reader sees the old file or the new one, never half of either.
    static func writeAtomically(_ bytes: [UInt8], to path: String, sync: any SyncPolicy) throws {
        let dir = FileIO.parent(of: path)
        let temp = "\(path).tmp-\(getpid())"
        let fd = FileIO.open(temp, O_WRONLY | O_CREAT | O_TRUNC)
        guard fd >= 0 else { throw StoreError("cannot write \(temp): \(FileIO.errorText(errno)); check the folder's permissions") }
        do {
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
/// given and nowhere else.
public enum ExportFile {
    public static func write(_ text: String, to path: String, sync: any SyncPolicy = SystemSync()) throws {
        try write(bytes: Array(text.utf8), to: path, sync: sync)
    }

    /// The same for a document that is not text (a Word, OpenDocument or PDF file).
    public static func write(bytes: [UInt8], to path: String, sync: any SyncPolicy = SystemSync()) throws {
        guard !path.isEmpty else { throw StoreError("the export path is empty; give a file name, e.g. minutes.html") }
        var info = stat()
        if stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR {
            throw StoreError("\(path) is a folder; give a file name inside it, e.g. \(path)/minutes.html")
        }
        let dir = FileIO.parent(of: path)
        guard stat(dir, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
            throw StoreError("no folder \(dir) to write \(path) into; create it first or choose another path")
        }
        try Durable.writeAtomically(bytes, to: path, sync: sync)
    }
}
