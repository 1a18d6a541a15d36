#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a segment makes bytes durable. The system implementation is the default; tests
/// inject failures through this seam.
public protocol SyncPolicy: Sendable {
    /// Flush a file's data (and the metadata needed to read it back, such as its size).
    func dataSync(fd: Int32) throws
    /// Flush a directory so entries created in it survive a crash.
    func directorySync(fd: Int32) throws
}

/// `fdatasync(2)` for files, `fsync(2)` for directories.
public struct SystemSync: SyncPolicy {
    public init() {}

    public func dataSync(fd: Int32) throws {
        #if canImport(Darwin)
        let rc = fcntl(fd, F_FULLFSYNC)
        #else
        let rc = fdatasync(fd)
        #endif
        if rc != 0 { throw SystemCallError(call: "fdatasync", errno: errno) }
    }

    public func directorySync(fd: Int32) throws {
        if fsync(fd) != 0 { throw SystemCallError(call: "fsync", errno: errno) }
    }
}

/// A failed system call and its `errno`.
public struct SystemCallError: Error, Sendable, Equatable, CustomStringConvertible {
    public var call: String
    public var errno: Int32

    public init(call: String, errno: Int32) {
        self.call = call
        self.errno = errno
    }

    public var description: String {
        "\(call) failed: \(String(cString: strerror(errno))) (errno \(errno))"
    }
}
