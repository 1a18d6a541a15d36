#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// One append-only journal file: one JSON record per line (see docs/journal-format.md).
///
/// - A segment opened `.readOnly` uses `O_RDONLY` and never changes the file, whatever it
///   finds in it.
/// - A segment opened `.append` serialises appends with an exclusive `flock(2)` on the
///   file itself, so several processes (and threads) can append to the same file: lines
///   never interleave and no acknowledged record is lost. On opening, and before every
///   append, the writer checks the file's tail: a torn tail is copied to `<path>.broken`
///   and then cut off; mid-file corruption makes it refuse to append.
public final class Segment: @unchecked Sendable {
    public enum Mode: Sendable, Equatable {
        case readOnly
        case append
    }

    public let path: String
    public let mode: Mode
    /// Replaced when the segment is reopened after a failure (`recover()`).
    private var fd: Int32
    private let sync: any SyncPolicy

    // Guarded by `mutex` (threads of this process); the file lock guards other processes.
    private let mutex = NSLock()
    private var knownEnd: UInt64 = 0
    private var knownLastSeq: UInt64 = 0
    /// Why appends must first reopen the file: a failed flush, whose bytes may be in the
    /// page cache but not on disk.
    private var poison: String?
    private var isClosed = false

    /// Opens the segment at `path`.
    ///
    /// `.readOnly` requires the file to exist. `.append` creates it (and missing parent
    /// directories, fsyncing each new entry's directory) if needed, then — under the file
    /// lock — validates the whole file, sets aside a torn tail and throws
    /// `JournalError.corrupt` if valid records follow damage. A new file (and folder) gets
    /// exactly `newFileMode`. A symbolic link at `path` is refused, never followed.
    public init(path: String, mode: Mode, sync: any SyncPolicy = SystemSync(), newFileMode: mode_t = 0o600) throws {
        self.path = path
        self.mode = mode
        self.sync = sync
        switch mode {
        case .readOnly:
            self.fd = try Self.openFile(path) { try FileIO.openExisting(path, O_RDONLY) }
        case .append:
            let dir = FileIO.parent(of: path)
            do {
                try FileIO.makeDirectories(dir, sync, mode: FileIO.folderMode(forFiles: newFileMode))
            } catch {
                throw JournalError.cannotOpen(path: path, cause: "\(error)")
            }
            let fd = try Self.openFile(path) { try FileIO.openOrCreate(path, O_RDWR, mode: newFileMode) }
            self.fd = fd
            do {
                // Always make the directory entry durable, not only when this call
                // created the file: a creator that crashed before its directory sync
                // would otherwise leave the entry to chance.
                try FileIO.syncDirectory(dir, sync)
                try withFileLock { try catchUp() }
            } catch {
                // deinit still runs for a class whose init throws after initialising every
                // stored property: mark closed so the descriptor is closed exactly once.
                isClosed = true
                Glibc_close(fd)
                if let e = error as? JournalError { throw e }
                throw JournalError.syncFailed(path: path, cause: "\(error)")
            }
        }
    }

    deinit {
        if !isClosed { Glibc_close(fd) }
    }

    /// Closes the file. Further calls fail.
    public func close() {
        mutex.lock()
        defer { mutex.unlock() }
        if !isClosed {
            isClosed = true
            Glibc_close(fd)
        }
    }

    // MARK: Appending

    /// Appends `records` as consecutive lines with one write, then `fdatasync`s. Returns
    /// the sequence numbers assigned, in order; returning is the acknowledgement that the
    /// records are on disk. If this throws, nothing is acknowledged.
    @discardableResult
    public func append(_ records: [NewRecord]) throws -> [UInt64] {
        guard mode == .append else { throw JournalError.readOnly(path: path) }
        for (i, r) in records.enumerated() {
            if let problem = RecordCodec.problem(with: r) {
                throw JournalError.invalidRecord(path: path, index: i, reason: problem)
            }
        }
        mutex.lock()
        defer { mutex.unlock() }
        try checkUsable()
        if poison != nil { try recoverLocked() }
        if records.isEmpty { return [] }
        return try withFileLock {
            try catchUp()
            var bytes: [UInt8] = []
            bytes.reserveCapacity(records.reduce(0) { $0 + $1.data.count + 128 })
            var seqs: [UInt64] = []
            seqs.reserveCapacity(records.count)
            for (i, r) in records.enumerated() {
                let seq = knownLastSeq + 1 + UInt64(i)
                RecordCodec.encode(r, seq: seq, into: &bytes)
                seqs.append(seq)
            }
            do {
                try FileIO.write(fd, bytes, at: knownEnd)
            } catch {
                // A full disk or an I/O error part-way: the bytes past `knownEnd` are this
                // append's alone (the lock is held), never acknowledged and still in the
                // caller's hands, so cut them off at once; the append then wrote nothing.
                // If even that fails, the next append reopens and sets them aside.
                if ftruncate(fd, off_t(knownEnd)) != 0 || (try? sync.dataSync(fd: fd)) == nil {
                    poison = "write failed: \(JournalError.cause(error))"
                }
                throw JournalError.io(path: path, operation: "write", cause: JournalError.cause(error))
            }
            do {
                try sync.dataSync(fd: fd)
            } catch {
                poison = "flush failed: \(error)"
                throw JournalError.syncFailed(path: path, cause: "\(error)")
            }
            knownEnd += UInt64(bytes.count)
            knownLastSeq = seqs.last!
            return seqs
        }
    }

    /// Sequence number of the last record this writer knows of (0 if none).
    public var lastSeq: UInt64 {
        mutex.lock()
        defer { mutex.unlock() }
        return knownLastSeq
    }

    private func checkUsable() throws {
        if isClosed { throw JournalError.io(path: path, operation: "append", cause: "segment is closed") }
    }

    /// Whether an earlier failure left the segment to be reopened before the next append.
    public var needsRecovery: Bool {
        mutex.lock()
        defer { mutex.unlock() }
        return poison != nil
    }

    /// After a failed flush: reopens the file, validates it again from the start as opening
    /// does (setting a torn tail aside), and writes back and flushes every valid byte past
    /// what was acknowledged, so that records whose flush failed are either on disk now or
    /// gone — never only in the page cache. Throws, leaving the segment to try again at the
    /// next append, while the fault lasts. Appends call this themselves.
    public func recover() throws {
        mutex.lock()
        defer { mutex.unlock() }
        try checkUsable()
        if poison != nil { try recoverLocked() }
    }

    private func recoverLocked() throws {
        // The file is opened again as at first: never through a link planted since.
        let fresh = try Self.openFile(path) { try FileIO.openExisting(path, O_RDWR) }
        Glibc_close(fd)
        fd = fresh
        let acknowledged = knownEnd, acknowledgedSeq = knownLastSeq
        knownEnd = 0
        knownLastSeq = 0
        do {
            try withFileLock {
                try catchUp()
                // A failed flush may leave pages marked clean that never reached the disk:
                // writing the same bytes again makes them dirty, so the flush below covers them.
                let start = min(acknowledged, knownEnd)
                if knownEnd > start {
                    let bytes = try FileIO.read(fd, at: start, count: Int(knownEnd - start))
                    try FileIO.write(fd, bytes, at: start)
                }
                try sync.dataSync(fd: fd)
            }
        } catch let error as JournalError {
            (knownEnd, knownLastSeq) = (acknowledged, acknowledgedSeq)
            poison = "\(error)"
            throw error
        } catch {
            (knownEnd, knownLastSeq) = (acknowledged, acknowledgedSeq)
            poison = "flush failed: \(error)"
            throw JournalError.syncFailed(path: path, cause: "\(error)")
        }
        poison = nil
    }

    private func withFileLock<T>(_ body: () throws -> T) throws -> T {
        do {
            try FileIO.lockExclusive(fd)
        } catch {
            throw JournalError.io(path: path, operation: "lock", cause: JournalError.cause(error))
        }
        defer { FileIO.unlock(fd) }
        return try body()
    }

    /// Under the file lock: brings `knownEnd`/`knownLastSeq` up to date with what other
    /// writers appended, and deals with damage at the tail.
    private func catchUp() throws {
        let size: UInt64
        do { size = try FileIO.size(fd) } catch {
            throw JournalError.io(path: path, operation: "fstat", cause: JournalError.cause(error))
        }
        if size == knownEnd { return }
        let result: ReadResult
        if size > knownEnd {
            result = try readUnlocked(from: knownEnd, afterSeq: knownLastSeq, size: size)
        } else {
            // The file shrank below what we knew (edited by hand): start again.
            result = try readUnlocked(from: 0, afterSeq: 0, size: size)
        }
        switch result.damage {
        case nil:
            break
        case .corrupt(let offset, let line, let reason):
            throw JournalError.corrupt(path: path, line: line, offset: offset, reason: reason)
        case .tornTail(let offset, let count):
            try setAside(offset: offset, count: count)
        }
        knownEnd = result.endOffset
        knownLastSeq = result.lastSeq
    }

    /// Copies `count` bytes at `offset` to `<path>.broken`, makes that durable, then
    /// truncates the segment to `offset` and makes that durable.
    private func setAside(offset: UInt64, count: UInt64) throws {
        let tail: [UInt8]
        do { tail = try FileIO.read(fd, at: offset, count: Int(count)) } catch {
            throw JournalError.io(path: path, operation: "read", cause: JournalError.cause(error))
        }
        let brokenPath = path + ".broken"
        // Never through a link planted at the .broken name: made new with the segment's own
        // mode, or an existing plain file appended to.
        var created = true
        let bfd = try Self.openFile(brokenPath) {
            do {
                return try FileIO.createNew(brokenPath, O_WRONLY | O_APPEND, mode: Self.fileMode(fd))
            } catch let e as SystemCallError where e.errno == EEXIST {
                created = false
                return try FileIO.openExisting(brokenPath, O_WRONLY | O_APPEND)
            }
        }
        defer { Glibc_close(bfd) }
        var chunk = Array(Self.setAsideHeader(offset: offset, count: UInt64(tail.count)).utf8)
        chunk += tail
        if tail.last != 0x0A { chunk.append(0x0A) }
        do {
            try FileIO.append(bfd, chunk)
        } catch {
            throw JournalError.io(path: brokenPath, operation: "write", cause: JournalError.cause(error))
        }
        do {
            try sync.dataSync(fd: bfd)
            if created { try FileIO.syncDirectory(FileIO.parent(of: brokenPath), sync) }
        } catch {
            poison = "flush of \(brokenPath) failed: \(error)"
            throw JournalError.syncFailed(path: brokenPath, cause: "\(error)")
        }
        if ftruncate(fd, off_t(offset)) != 0 {
            throw JournalError.io(path: path, operation: "truncate", cause: FileIO.errorText(errno))
        }
        do {
            try sync.dataSync(fd: fd)
        } catch {
            poison = "flush after truncation failed: \(error)"
            throw JournalError.syncFailed(path: path, cause: "\(error)")
        }
    }

    /// Runs an open, turning a failed system call into `JournalError.cannotOpen` naming the
    /// file; a refusal (a link, not a plain file) passes through as it is.
    private static func openFile(_ path: String, _ body: () throws -> Int32) throws -> Int32 {
        do {
            return try body()
        } catch let e as JournalError {
            throw e
        } catch let e as SystemCallError {
            throw JournalError.cannotOpen(path: path, cause: FileIO.errorText(e.errno))
        }
    }

    /// The permission bits of an open file (0600 if they cannot be read).
    private static func fileMode(_ fd: Int32) -> mode_t {
        var info = stat()
        return fstat(fd, &info) == 0 ? mode_t(info.st_mode) & 0o666 : 0o600
    }

    /// The line written before each run of set-aside bytes in a `.broken` file.
    static func setAsideHeader(offset: UInt64, count: UInt64) -> String {
        let at = SystemClock.clock.read().instant.iso
        return "#clerk-set-aside offset=\(offset) bytes=\(count) at=\(at)\n"
    }

    // MARK: Reading

    /// Reads and validates records from byte `offset` to the current end of the file.
    ///
    /// From offset 0 the first record must be seq 1. From another offset, pass `afterSeq`
    /// (the seq of the record ending there) to check continuity; without it the first
    /// record's seq is taken as given. Reading stops at the first invalid line; the
    /// result's `damage` tells whether it is a torn tail or mid-file corruption. Nothing is
    /// ever modified. For a follower, a torn tail may also be an append in progress: keep
    /// `endOffset` and read again later.
    public func read(from offset: UInt64 = 0, afterSeq: UInt64? = nil) throws -> ReadResult {
        let size: UInt64
        do { size = try FileIO.size(fd) } catch {
            throw JournalError.io(path: path, operation: "fstat", cause: JournalError.cause(error))
        }
        return try readUnlocked(from: offset, afterSeq: afterSeq ?? (offset == 0 ? 0 : nil), size: size)
    }

    private func readUnlocked(from offset: UInt64, afterSeq: UInt64?, size: UInt64) throws -> ReadResult {
        guard size > offset else {
            return ReadResult(records: [], endOffset: offset, lastSeq: afterSeq ?? 0, damage: nil)
        }
        let bytes: [UInt8]
        do { bytes = try FileIO.read(fd, at: offset, count: Int(size - offset)) } catch {
            throw JournalError.io(path: path, operation: "read", cause: JournalError.cause(error))
        }
        let outcome = bytes.withUnsafeBytes { SegmentScanner.scan($0, base: offset, afterSeq: afterSeq) }
        let end = offset + UInt64(outcome.validEnd)
        var damage: SegmentDamage?
        if let d = outcome.damage {
            if d.isTornTail {
                damage = .tornTail(offset: end, byteCount: UInt64(bytes.count - d.position))
            } else {
                var linesBefore = d.linesBefore
                if offset > 0 {
                    let prefix = (try? FileIO.read(fd, at: 0, count: Int(offset))) ?? []
                    linesBefore += prefix.withUnsafeBytes { SegmentScanner.countNewlines($0) }
                }
                damage = .corrupt(offset: end, line: linesBefore + 1, reason: d.reason)
            }
        }
        return ReadResult(records: outcome.records, endOffset: end, lastSeq: outcome.lastSeq, damage: damage)
    }

    // MARK: Following

    /// Current size of the file in bytes.
    public func size() throws -> UInt64 {
        do { return try FileIO.size(fd) } catch {
            throw JournalError.io(path: path, operation: "fstat", cause: JournalError.cause(error))
        }
    }

    /// True if the file now extends beyond `offset` (one `fstat`): poll this with a
    /// reader's `endOffset`, then `read(from:afterSeq:)`.
    public func hasGrown(since offset: UInt64) -> Bool {
        ((try? FileIO.size(fd)) ?? 0) > offset
    }
}

@inline(__always) private func Glibc_close(_ fd: Int32) {
    #if canImport(Glibc)
    _ = Glibc.close(fd)
    #else
    _ = Darwin.close(fd)
    #endif
}
