#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Thin wrappers over POSIX calls, retrying on EINTR and on short reads/writes.
enum FileIO {
    static func errorText(_ code: Int32) -> String {
        "\(String(cString: strerror(code))) (errno \(code))"
    }

    /// Plain open(2) with `O_CLOEXEC`. Files clerk writes go through `openExisting`,
    /// `createNew` and `openOrCreate` (SafeFiles.swift), which never follow a link.
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t = 0o666) -> Int32 {
        while true {
            let fd = Glibc_open(path, flags | O_CLOEXEC, mode)
            if fd >= 0 || errno != EINTR { return fd }
        }
    }

    static func size(_ fd: Int32) throws(SystemCallError) -> UInt64 {
        var st = stat()
        if fstat(fd, &st) != 0 { throw SystemCallError(call: "fstat", errno: errno) }
        return UInt64(st.st_size)
    }

    /// Reads exactly `count` bytes at `offset` (fewer only if the file is shorter).
    static func read(_ fd: Int32, at offset: UInt64, count: Int) throws(SystemCallError) -> [UInt8] {
        var buffer = [UInt8](repeating: 0, count: count)
        var done = 0
        var failure: Int32 = 0
        buffer.withUnsafeMutableBytes { raw in
            while done < count {
                let r = pread(fd, raw.baseAddress! + done, count - done, off_t(offset) + off_t(done))
                if r < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                if r == 0 { break }
                done += r
            }
        }
        if failure != 0 { throw SystemCallError(call: "pread", errno: failure) }
        if done < count { buffer.removeSubrange(done...) }
        return buffer
    }

    /// Writes all of `bytes` at `offset`, looping over partial writes.
    static func write(_ fd: Int32, _ bytes: [UInt8], at offset: UInt64) throws(SystemCallError) {
        var done = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let w = pwrite(fd, raw.baseAddress! + done, raw.count - done, off_t(offset) + off_t(done))
                if w < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += w
            }
        }
        if failure != 0 { throw SystemCallError(call: "pwrite", errno: failure) }
    }

    /// Writes all of `bytes` at the end of a file opened with `O_APPEND`.
    static func append(_ fd: Int32, _ bytes: [UInt8]) throws(SystemCallError) {
        var done = 0
        var failure: Int32 = 0
        bytes.withUnsafeBytes { raw in
            while done < raw.count {
                let w = Glibc_write(fd, raw.baseAddress! + done, raw.count - done)
                if w < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    return
                }
                done += w
            }
        }
        if failure != 0 { throw SystemCallError(call: "write", errno: failure) }
    }

    static func lockExclusive(_ fd: Int32) throws(SystemCallError) {
        while flock(fd, LOCK_EX) != 0 {
            if errno != EINTR { throw SystemCallError(call: "flock", errno: errno) }
        }
    }

    static func unlock(_ fd: Int32) {
        _ = flock(fd, LOCK_UN)
    }

    static func parent(of path: String) -> String {
        let dir = (path as NSString).deletingLastPathComponent
        return dir.isEmpty ? "." : dir
    }

    /// fsyncs the directory `dir` through `sync`.
    static func syncDirectory(_ dir: String, _ sync: any SyncPolicy) throws {
        let fd = open(dir, O_RDONLY | O_DIRECTORY)
        if fd < 0 { throw SystemCallError(call: "open(\(dir))", errno: errno) }
        defer { close(fd) }
        try sync.directorySync(fd: fd)
    }

    /// Creates `dir` and any missing ancestors with exactly `mode` (the umask does not
    /// narrow it); each new directory's parent is fsynced so the new entry is durable.
    static func makeDirectories(_ dir: String, _ sync: any SyncPolicy, mode: mode_t = 0o700) throws {
        var st = stat()
        if stat(dir, &st) == 0 { return }
        let up = parent(of: dir)
        if up != dir { try makeDirectories(up, sync, mode: mode) }
        if mkdir(dir, mode) != 0 {
            if errno == EEXIST { return }
            throw SystemCallError(call: "mkdir(\(dir))", errno: errno)
        }
        let fd = open(dir, O_RDONLY | O_DIRECTORY | O_NOFOLLOW)
        if fd >= 0 {
            // Keep the setgid bit a group folder passes on to new folders (docs/ssh.md).
            var info = stat()
            let inherited = fstat(fd, &info) == 0 ? mode_t(info.st_mode) & S_ISGID : 0
            _ = fchmod(fd, mode | inherited)
            close(fd)
        }
        try syncDirectory(up, sync)
    }
}

// Unambiguous names for the libc calls that Segment's methods shadow.
@inline(__always) private func Glibc_open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 {
    #if canImport(Glibc)
    Glibc.open(path, flags, mode)
    #else
    Darwin.open(path, flags, mode)
    #endif
}

@inline(__always) private func Glibc_write(_ fd: Int32, _ buf: UnsafeRawPointer, _ n: Int) -> Int {
    #if canImport(Glibc)
    Glibc.write(fd, buf, n)
    #else
    Darwin.write(fd, buf, n)
    #endif
}
