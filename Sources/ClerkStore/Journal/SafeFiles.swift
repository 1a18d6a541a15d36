#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// How clerk opens the files it writes, so that nobody who can plant a link inside an
/// archive (or beside a file being written) can make clerk write somewhere else:
///
/// - a file clerk writes or appends to is opened `O_NOFOLLOW`: a symbolic link at that name
///   is refused, never followed;
/// - a new file is made `O_CREAT|O_EXCL` with an exact mode (the umask does not apply), so a
///   file or link someone put there first is never truncated or written through;
/// - temporary files have a random name (from the system's random source), so nobody can
///   make one in advance.
extension FileIO {
    /// The one-line refusal of a symbolic link where clerk expects one of its own files.
    static func linkRefusal(_ path: String) -> String {
        "\(path) is a symbolic link; clerk does not follow links inside an archive: replace it with the file it points to"
    }

    /// Whether `path` itself (not what it points to) is a symbolic link.
    static func isSymbolicLink(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFLNK
    }

    /// Opens an existing regular file without following a link at `path`. Throws a
    /// one-line error naming the file: a link, a folder or a device is refused.
    static func openExisting(_ path: String, _ flags: Int32) throws -> Int32 {
        let fd = open(path, flags | O_NOFOLLOW | O_NONBLOCK)
        if fd < 0 {
            let code = errno
            if code == ELOOP || isSymbolicLink(path) { throw JournalError.refused(path: path, reason: linkRefusal(path)) }
            throw SystemCallError(call: "open(\(path))", errno: code)
        }
        try requireRegular(fd, path)
        // O_NONBLOCK only kept a FIFO from blocking the open; regular files ignore it.
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return fd
    }

    /// Makes a new file with exactly `mode` (`O_CREAT|O_EXCL|O_NOFOLLOW`, then `fchmod`, so
    /// the umask does not narrow it). Fails with `EEXIST` if anything is at `path`.
    static func createNew(_ path: String, _ flags: Int32, mode: mode_t) throws -> Int32 {
        let fd = open(path, flags | O_CREAT | O_EXCL | O_NOFOLLOW, mode)
        if fd < 0 { throw SystemCallError(call: "open(\(path))", errno: errno) }
        if fchmod(fd, mode) != 0 {
            let code = errno
            close(fd)
            unlink(path)
            throw SystemCallError(call: "fchmod(\(path))", errno: code)
        }
        return fd
    }

    /// Opens the regular file at `path` for writing, creating it with `mode` if missing;
    /// never follows a link at `path`.
    static func openOrCreate(_ path: String, _ flags: Int32, mode: mode_t) throws -> Int32 {
        for _ in 0..<8 {
            do {
                return try openExisting(path, flags)
            } catch let e as SystemCallError where e.errno == ENOENT {
                do {
                    return try createNew(path, flags, mode: mode)
                } catch let e as SystemCallError where e.errno == EEXIST {
                    continue  // made by someone else in between: open theirs
                }
            }
        }
        throw SystemCallError(call: "open(\(path))", errno: EEXIST)
    }

    static func requireRegular(_ fd: Int32, _ path: String) throws {
        var info = stat()
        if fstat(fd, &info) != 0 {
            let code = errno
            close(fd)
            throw SystemCallError(call: "fstat(\(path))", errno: code)
        }
        if info.st_mode & S_IFMT != S_IFREG {
            close(fd)
            throw JournalError.refused(path: path, reason: "\(path) is not a regular file; clerk reads and writes only plain files there: move it away")
        }
    }

    /// A name nobody can guess in advance: 16 hex digits from the system's random source.
    static func randomSuffix() -> String {
        var generator = SystemRandomNumberGenerator()
        let value = generator.next() as UInt64
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }

    /// The mode of folders that hold files of `fileMode`: execute (search) wherever read is given.
    static func folderMode(forFiles fileMode: mode_t) -> mode_t {
        (fileMode & 0o666) | ((fileMode & 0o444) >> 2)
    }
}

/// The permissions of the files and folders clerk makes inside one archive: those of the
/// archive's own journal, so a private archive stays private and a folder shared by a group
/// (docs/ssh.md) stays shared.
public struct ArchiveModes: Sendable, Equatable {
    public var file: mode_t
    public var folder: mode_t { FileIO.folderMode(forFiles: file) }

    public init(file: mode_t) { self.file = file & 0o666 }

    /// Only the owner: folders 0700, files 0600.
    public static let owner = ArchiveModes(file: 0o600)
    /// The owner and the group: folders 0770, files 0660.
    public static let ownerAndGroup = ArchiveModes(file: 0o660)

    /// The modes of an existing archive: those of its archive segment (0600 if unreadable).
    public static func of(archive directory: String) -> ArchiveModes {
        var info = stat()
        guard lstat(directory + "/journal/archive.jsonl", &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return .owner }
        return ArchiveModes(file: mode_t(info.st_mode) & 0o666 | 0o600)
    }

    /// The modes of a new archive at `directory`: only the owner, unless the folder (or, if
    /// it does not exist yet, the folder it will be made in) is set up for a group as
    /// docs/ssh.md describes — setgid, so that new files keep the group — in which case the
    /// group reads and writes too.
    public static func forNewArchive(at directory: String) -> ArchiveModes {
        var info = stat()
        if stat(directory, &info) != 0 {
            guard stat(FileIO.parent(of: directory), &info) == 0 else { return .owner }
        }
        return info.st_mode & S_ISGID != 0 ? .ownerAndGroup : .owner
    }
}
