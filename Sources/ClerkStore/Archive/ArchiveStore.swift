import ClerkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The archive on disk: the archive-wide segment, one segment per meeting, an advisory
/// lock that serialises writing sessions, and a checkpoint so that opening does not replay
/// all history. Nothing else in clerk touches these files.
///
/// Layout (see docs/journal-format.md):
///
///     DIR/clerk-archive.json            marks the folder as an archive, names the format
///     DIR/journal/archive.jsonl         committees, people, meetings, actions, work plan
///     DIR/journal/meetings/ID.jsonl     agenda, attendance, minutes and votes of meeting ID
///     DIR/journal/.lock                 held while a session appends (flock)
///     DIR/cache/archive-checkpoint.json the folded archive segment up to a byte offset
public final class ArchiveStore: @unchecked Sendable {
    public enum Mode: Sendable { case readWrite, readOnly }

    public let directory: String
    public let mode: Mode
    public internal(set) var state = ArchiveState()
    /// Checks the events of every commit against the freshest state before they are
    /// written (who may change what); throwing refuses the whole commit.
    public var writeCheck: ((ArchiveState, [Event]) throws -> Void)?
    /// Where the archive segment has been read to.
    public internal(set) var archiveOffset: UInt64 = 0
    public internal(set) var archiveSeq: UInt64 = 0
    /// Records folded since the checkpoint was read or written.
    var sinceCheckpoint = 0
    /// False when the session asked for part of the state (`ArchiveScope`) and got it.
    public internal(set) var isWhole = true
    let sync: any SyncPolicy
    /// The modes of files and folders this store makes: those of the archive's journal.
    public let modes: ArchiveModes
    /// Read-only handles for reading; appenders are opened on the first write, because
    /// opening one validates the whole file under the lock.
    let archiveReader: Segment
    var archiveWriter: Segment?
    /// The meetings read, each folded up to an offset; at most `limits.foldedMeetings`.
    var meetings: [MeetingID: LoadedMeeting] = [:]
    /// The open files of the meetings used most recently; at most `limits.openMeetings`
    /// (besides one whose failed flush is not yet recovered).
    var handles: [MeetingID: MeetingHandles] = [:]
    /// Meetings kept in memory whose segments `follow` did not look at (read when next asked for).
    var unchecked: Set<MeetingID> = []
    /// How many records were skipped in meetings read and since forgotten.
    var skippedInForgotten: [MeetingID: Int] = [:]
    var useClock: UInt64 = 0
    /// How many meetings keep open files and folded records (see `MeetingLimits`).
    public var limits = MeetingLimits() {
        didSet {
            closeLeastUsedFiles()
            forgetLeastUsedRecords()
        }
    }
    /// The marked commits read so far (see `CommitMark`), by key.
    var commits: [String: CommitProgress] = [:]
    /// Whether a commit written to several segments is marked so that it can be completed
    /// after a failure (journal-format.md §14). Only a generator writing a whole new
    /// archive, which is started again rather than completed, turns it off: its commits
    /// would otherwise carry every meeting's minutes twice.
    public var marksCommitsAcrossFiles = true
    /// Who this session writes as: set once, where the store is opened for writing, and
    /// written on every record committed (journal-format.md §16). Nil: records carry none.
    public var author: Author?

    struct LoadedMeeting {
        var path: String
        var offset: UInt64 = 0
        var seq: UInt64 = 0
        var record: MeetingRecord
        /// Records of its segment that could not be read (set aside).
        var unreadable = 0
        var lastUse: UInt64 = 0
    }

    static let markerName = "clerk-archive.json"
    static let checkpointEvery = 500

    public static func isArchive(_ directory: String) -> Bool {
        FileManager.default.fileExists(atPath: directory + "/" + markerName)
    }

    /// Makes a new, empty archive in `directory`, which must be missing or an empty folder.
    /// Its folders and files are the owner's alone (0700, 0600) whatever the umask, unless
    /// the folder is set up for a group as docs/ssh.md describes (setgid): then the group
    /// may read and write too (0770, 0660). Bad input is refused before anything is made.
    public static func create(at directory: String, sync: any SyncPolicy = SystemSync()) throws {
        guard !directory.isEmpty else { throw StoreError("no folder given; name the folder for the new archive, e.g. 'clerk init ~/committee'") }
        var info = stat()
        if stat(directory, &info) == 0 {
            guard info.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError("\(directory) is a file, not a folder; choose a new or empty folder for the archive")
            }
            if isArchive(directory) {
                throw StoreError("\(directory) is already an archive; open it with 'clerk --data \(directory)', or choose a new folder")
            }
            let contents: [String]
            do { contents = try FileManager.default.contentsOfDirectory(atPath: directory) } catch {
                throw StoreError("permission denied: cannot read the folder \(directory); choose a folder your account may write")
            }
            guard contents.isEmpty else {
                throw StoreError("\(directory) is not empty and not an archive; choose a new or empty folder for the archive")
            }
            guard access(directory, W_OK | X_OK) == 0 else {
                throw StoreError("permission denied: your account cannot write in \(directory); choose a folder your account may write")
            }
        } else {
            let parent = FileIO.parent(of: directory)
            guard stat(parent, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else {
                throw StoreError("no folder \(parent) to make \(directory) in; create it first or choose another path")
            }
            guard access(parent, W_OK | X_OK) == 0 else {
                throw StoreError("permission denied: your account cannot create \(directory) in \(parent); choose a folder your account may write")
            }
        }
        let modes = ArchiveModes.forNewArchive(at: directory)
        try FileIO.makeDirectories(directory, sync, mode: modes.folder)
        // An empty folder the person made is the archive now: the archive's own mode.
        var existing = stat()
        if stat(directory, &existing) == 0 { _ = chmod(directory, modes.folder | (mode_t(existing.st_mode) & S_ISGID)) }
        try FileIO.makeDirectories(directory + "/journal/meetings", sync, mode: modes.folder)
        try FileIO.makeDirectories(directory + "/cache", sync, mode: modes.folder)
        try Segment(path: directory + "/journal/archive.jsonl", mode: .append, sync: sync, newFileMode: modes.file).close()
        let marker = #"{"format":"clerk-archive","version":1}"# + "\n"
        try Durable.writeAtomically(Array(marker.utf8), to: directory + "/" + markerName, sync: sync, mode: modes.file)
    }

    /// `scope` is how much of the state a read-only session needs; a writing session
    /// reads everything whatever it says.
    public init(directory: String, mode: Mode, sync: any SyncPolicy = SystemSync(), scope: ArchiveScope = .everything) throws {
        if let problem = ArchiveLayout.openProblem(directory, forWriting: mode == .readWrite) {
            throw StoreError(problem)
        }
        if mode == .readWrite { try ArchiveLayout.prepareForWriting(directory, sync: sync) }
        self.directory = directory
        self.mode = mode
        self.sync = sync
        modes = ArchiveModes.of(archive: directory)
        archiveReader = try Segment(path: directory + "/journal/archive.jsonl", mode: .readOnly, sync: sync)
        try load(scope: mode == .readOnly ? scope : .everything)
        // A commit that a crash or a failed write left half-written is completed by the
        // next session that may write; while the fault lasts, the next commit tries again.
        if mode == .readWrite, hasHalfWrittenCommits { try? completeAtOpen() }
        if mode == .readWrite, sinceCheckpoint >= Self.checkpointEvery { try? writeCheckpoint() }
    }

    var checkpointPath: String { directory + "/cache/archive-checkpoint.json" }

    func meetingPath(_ id: MeetingID) throws -> String {
        // Meeting ids come from the journal: never let one name a path outside the archive.
        guard !id.isEmpty, id.unicodeScalars.allSatisfy({ ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" })
        else { throw StoreError("meeting id '\(id)' is not a valid id (lower-case letters, digits, hyphens)") }
        return directory + "/journal/meetings/\(id).jsonl"
    }

    // MARK: Reading

    func catchUpArchive() throws {
        let result = try archiveReader.read(from: archiveOffset, afterSeq: archiveSeq)
        for located in result.records {
            let source = Self.source(relative(archiveReader.path), located.record)
            switch Self.decode(located.record) {
            case .success(let event): state.apply(event, from: source)
            case .failure(let error): state.setAside("\(source): set aside: \(error)")
            }
            noteCommit(located.record, in: nil)
            archiveSeq = located.record.seq
            sinceCheckpoint += 1
        }
        archiveOffset = result.endOffset
        try Self.refuseCorruption(result, path: archiveReader.path)
    }

    /// A record that cannot be read as an event (a newer clerk's, or nonsense with a valid
    /// checksum) is set aside: counted and reported, never applied, and the rest of the
    /// archive still opens.
    static func decode(_ record: JournalRecord) -> Result<Event, EventCodec.DecodeError> {
        do {
            return .success(try EventCodec.decode(type: record.type, version: record.version, data: record.data))
        } catch let error as EventCodec.DecodeError {
            return .failure(error)
        } catch {
            return .failure(EventCodec.DecodeError(description: "\(error)"))
        }
    }

    /// A journal file's path within the archive ("journal/archive.jsonl"): anomalies are kept
    /// in the checkpoint, which stays true when the archive folder is moved.
    func relative(_ path: String) -> String {
        path.hasPrefix(directory + "/") ? String(path.dropFirst(directory.count + 1)) : path
    }

    /// Where a record is, for messages: its file and line (a segment's `seq` is its line).
    static func source(_ path: String, _ record: JournalRecord) -> String {
        "\(path) line \(record.seq)"
    }

    /// Records skipped so far (set aside, or not fitting the state) in the archive and in
    /// the meetings read: `clerk check` names each.
    public var skippedRecords: Int {
        state.anomalies.count + meetings.values.reduce(0) { $0 + $1.record.anomalies.count }
            + skippedInForgotten.values.reduce(0, +)
    }

    /// The record of one meeting, read from its segment the first time it is asked for (and
    /// again once it has been forgotten as one of the least recently used).
    public func record(of id: MeetingID) throws -> MeetingRecord {
        if meetings[id] != nil {
            try catchUpIfUnchecked(id)
            meetings[id]?.lastUse = nextUse()
            return meetings[id]!.record
        }
        guard state.meetings[id] != nil else { throw StoreError("no meeting '\(id)'; run 'clerk meetings' to list meeting ids") }
        var loaded = LoadedMeeting(path: try meetingPath(id), record: MeetingRecord(meetingID: id))
        skippedInForgotten[id] = nil
        try catchUp(&loaded)
        loaded.lastUse = nextUse()
        meetings[id] = loaded
        forgetLeastUsedRecords()
        return loaded.record
    }

    /// Reads a meeting's segment from where it was read to, reopening it if its file was
    /// closed: a reader continues from the offset.
    /// Returns the events folded.
    @discardableResult
    func catchUp(_ loaded: inout LoadedMeeting) throws -> [Event] {
        guard let reader = try reader(of: loaded.record.meetingID, path: loaded.path) else { return [] }
        var folded: [Event] = []
        let result = try reader.read(from: loaded.offset, afterSeq: loaded.seq)
        for located in result.records {
            let source = Self.source(relative(loaded.path), located.record)
            switch Self.decode(located.record) {
            case .success(let event):
                // As strict as `clerk check`: what the meeting names must exist in the archive.
                if let why = ArchiveCheck.referenceProblem(event, in: state) {
                    loaded.record.setAside("\(source): \(event.kind.rawValue): \(why)")
                } else {
                    loaded.record.apply(event, from: source)
                    folded.append(event)
                }
            case .failure(let error):
                loaded.record.setAside("\(source): set aside: \(error)")
                loaded.unreadable += 1
            }
            noteCommit(located.record, in: loaded.record.meetingID)
            loaded.seq = located.record.seq
        }
        loaded.offset = result.endOffset
        try Self.refuseCorruption(result, path: loaded.path)
        return folded
    }

    /// A torn tail is left for a writer to set aside (or is an append still in progress);
    /// corruption in the middle stops reading, loudly.
    static func refuseCorruption(_ result: ReadResult, path: String) throws {
        if case .corrupt = result.damage, let damage = result.damage {
            throw StoreError("\(path): \(damage); run 'clerk check' and restore the file from a backup")
        }
    }

    /// The record of a meeting already read, without reading anything.
    func loadedRecord(_ id: MeetingID) -> MeetingRecord? { meetings[id]?.record }

    /// How many records of a loaded meeting's segment could not be read.
    func unreadableRecords(_ id: MeetingID) -> Int { meetings[id]?.unreadable ?? 0 }

    /// Forgets a loaded meeting (closing its files); it is read again when next asked for.
    public func unload(_ id: MeetingID) {
        forget(id)
    }

    /// Reads whatever other sessions appended since the last look. Returns whether anything changed.
    @discardableResult
    public func refresh() throws -> Bool {
        var changed = false
        if archiveReader.hasGrown(since: archiveOffset) {
            let before = archiveOffset
            let anomalies = state.anomalies.count
            try catchUpArchive()
            if !isWhole, state.anomalies.count != anomalies { try loadWhole() }
            changed = changed || archiveOffset != before
        }
        unchecked = []
        for id in Array(meetings.keys) {
            guard var loaded = meetings[id], hasGrown(id, loaded) else { continue }
            let before = loaded.offset
            try catchUp(&loaded)
            meetings[id] = loaded
            changed = changed || loaded.offset != before
        }
        return changed
    }

    // MARK: Writing

    /// Runs a command against the freshest state and makes its events durable, as one step
    /// that no other writing session can interleave with. Returns once every event is on
    /// disk (acknowledged); throws, with nothing acknowledged, when the command is refused
    /// or the disk fails.
    ///
    /// `key` makes a retry safe: a commit whose key is already in the journal (because an
    /// earlier attempt reached the disk although it reported a failure) is not run again;
    /// what of it is missing is written, and its events are returned. A commit written to
    /// more than one segment gets a key of its own when none is given.
    @discardableResult
    public func commit(at now: Instant, key: String? = nil, _ command: (ArchiveStore) throws -> [Event]) throws -> [Event] {
        guard mode == .readWrite else {
            throw StoreError("this session is read-only; nothing can be changed")
        }
        if let key, !CommitMark.isValidID(key) { throw StoreError("commit key '\(key)' is not 1-64 of a-z, 0-9 and -") }
        let lock = try ArchiveLock(path: directory + "/journal/.lock", mode: modes.file)
        defer { lock.release() }
        try recoverWriters()
        try refresh()
        try completeHalfWrittenCommits()
        if let key, let done = try eventsOfCommit(key) { return done }
        let events = try command(self)
        guard !events.isEmpty else { return [] }
        // What every reader would set aside as malformed is never written: it would be
        // recorded, then skipped as damaged by the next session.
        if let why = events.lazy.compactMap({ e in e.malformation.map { "\(e.kind.rawValue): \($0)" } }).first {
            throw StoreError("not recorded: \(why)")
        }
        try writeCheck?(state, events)
        try write(events, at: now, key: key)
        if sinceCheckpoint >= Self.checkpointEvery { try? writeCheckpoint() }
        return events
    }

    /// Saves the folded archive state so the next open replays only what came after.
    public func writeCheckpoint() throws {
        guard mode == .readWrite else { return }
        // Never past a commit still missing records: the next session must read its first one.
        guard !hasHalfWrittenCommits else { return }
        try Checkpoint(offset: archiveOffset, seq: archiveSeq, state: state)
            .write(to: checkpointPath, segment: archiveReader, sync: sync, mode: modes.file)
        sinceCheckpoint = 0
    }
}

/// An error from the store: one line naming the file and what to do.
public struct StoreError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// An exclusive advisory lock on a file, held while one session appends.
final class ArchiveLock {
    private var fd: Int32

    init(path: String, mode: mode_t) throws {
        do {
            fd = try FileIO.openOrCreate(path, O_RDWR, mode: mode)
        } catch let refused as JournalError {
            throw StoreError("\(refused)")
        } catch {
            throw StoreError("cannot open \(path): \(error); check the archive's permissions")
        }
        while flock(fd, LOCK_EX) != 0 {
            if errno == EINTR { continue }
            let message = String(cString: strerror(errno))
            Glibc.close(fd)
            throw StoreError("cannot lock \(path): \(message)")
        }
    }

    func release() {
        guard fd >= 0 else { return }
        flock(fd, LOCK_UN)
        Glibc.close(fd)
        fd = -1
    }

    deinit { release() }
}
