/// Everything that can go wrong with a journal segment. Each `description` is one line
/// that names the file and says what to do.
public enum JournalError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The segment (or its directory, or its `.broken` file) could not be opened or created.
    case cannotOpen(path: String, cause: String)
    /// A file clerk reads or writes is not a plain file of its own (a symbolic link, a
    /// folder, a device): refused, never followed. `reason` is the whole one-line message.
    case refused(path: String, reason: String)
    /// A read, write, lock, stat or truncate failed.
    case io(path: String, operation: String, cause: String)
    /// Making bytes durable failed. Nothing from this append is acknowledged; the segment
    /// object refuses further appends (the failed sync is never retried).
    case syncFailed(path: String, cause: String)
    /// An earlier failure left this segment object unusable for appending.
    case poisoned(path: String, cause: String)
    /// Mid-file corruption: valid records follow an invalid line. Appending is refused.
    case corrupt(path: String, line: Int, offset: UInt64, reason: String)
    /// A record given to `append` cannot be written (bad type, timestamp or payload).
    case invalidRecord(path: String, index: Int, reason: String)
    /// `append` called on a segment opened read-only.
    case readOnly(path: String)

    public var description: String {
        switch self {
        case .cannotOpen(let path, let cause):
            "cannot open journal segment \(path): \(cause); check that the directory exists and is writable"
        case .refused(_, let reason):
            reason
        case .io(let path, let operation, let cause):
            "journal segment \(path): \(operation) failed: \(cause); check the disk and permissions, then reopen"
        case .syncFailed(let path, let cause):
            "journal segment \(path): flushing to disk failed (\(cause)); the last change was NOT saved — check the disk, then reopen the journal"
        case .poisoned(let path, let cause):
            "journal segment \(path) refuses appends after an earlier failure (\(cause)); reopen the journal to continue"
        case .corrupt(let path, let line, let offset, let reason):
            "journal segment \(path) is corrupt at line \(line) (byte offset \(offset)): \(reason); valid records follow, so nothing was truncated — run `clerk check`, repair the line by hand from a backup, then reopen"
        case .invalidRecord(let path, let index, let reason):
            "journal segment \(path): record \(index) of the append was refused: \(reason); nothing was written"
        case .readOnly(let path):
            "journal segment \(path) is open read-only; open it for appending to write"
        }
    }
}

extension JournalError {
    /// The cause of a failure without the name of the call that failed ("No space left on
    /// device (errno 28)"), so a message says "write failed" once.
    static func cause(_ error: any Error) -> String {
        if let call = error as? SystemCallError { return FileIO.errorText(call.errno) }
        return "\(error)"
    }
}
