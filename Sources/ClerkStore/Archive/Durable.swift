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
