import ClerkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The open files of one meeting: a reader once its segment exists, a writer once the
/// session has written to it.
struct MeetingHandles {
    var reader: Segment?
    var writer: Segment?
    var lastUse: UInt64 = 0

    /// A writer whose last flush failed stays open until it has been recovered: closing it
    /// would leave records whose flush failed to be read as if they were on disk.
    var isPinned: Bool { writer?.needsRecovery == true }

    func close() {
        reader?.close()
        writer?.close()
    }
}

/// How many meetings the store keeps at hand. Open files and folded records are each an
/// LRU: the meetings used least recently are closed (files) or forgotten (records) and
/// read again when next asked for, so neither grows with the meetings a session visits
/// (docs/architecture.md, "Bounded files and records").
public struct MeetingLimits: Sendable {
    /// Meetings whose segments stay open (a reader, and a writer once written to).
    public var openMeetings: Int
    /// Meetings whose folded record stays in memory.
    public var foldedMeetings: Int

    public init(openMeetings: Int = 12, foldedMeetings: Int = 48) {
        self.openMeetings = max(1, openMeetings)
        self.foldedMeetings = max(1, foldedMeetings)
    }
}

extension ArchiveStore {
    func nextUse() -> UInt64 {
        useClock += 1
        return useClock
    }

    /// The read-only handle of a meeting's segment, opened (and counted as just used) on
    /// demand; nil while the meeting has no segment on disk.
    func reader(of id: MeetingID, path: String) throws -> Segment? {
        var open = handles[id] ?? MeetingHandles()
        if open.reader == nil {
            guard FileManager.default.fileExists(atPath: path) else { return nil }
            open.reader = try Segment(path: path, mode: .readOnly, sync: sync)
        }
        open.lastUse = nextUse()
        handles[id] = open
        closeLeastUsedFiles()
        return open.reader
    }

    /// The appender of a meeting's segment. Opening one validates the whole file under its
    /// lock (setting a torn tail aside), which is what makes reopening a closed one safe.
    func writer(of id: MeetingID, path: String) throws -> Segment {
        var open = handles[id] ?? MeetingHandles()
        let writer = try open.writer ?? Segment(path: path, mode: .append, sync: sync, newFileMode: modes.file)
        open.writer = writer
        open.lastUse = nextUse()
        handles[id] = open
        closeLeastUsedFiles()
        return writer
    }

    /// Whether a meeting's segment holds more than was read of it: a size check, on the
    /// open reader or, when its files were closed, on the path.
    func hasGrown(_ id: MeetingID, _ loaded: LoadedMeeting) -> Bool {
        if let reader = handles[id]?.reader { return reader.hasGrown(since: loaded.offset) }
        var info = stat()
        guard stat(loaded.path, &info) == 0 else { return false }
        return UInt64(info.st_size) > loaded.offset
    }

    /// Closes the files of the meetings used least recently, past the limit.
    func closeLeastUsedFiles() {
        while handles.count > limits.openMeetings {
            guard let id = leastUsed(handles.filter { !$0.value.isPinned }.mapValues(\.lastUse)) else { return }
            closeFiles(of: id)
        }
    }

    /// Closes a meeting's files (kept open if a failed flush has not been recovered yet).
    func closeFiles(of id: MeetingID) {
        guard let open = handles[id] else { return }
        if open.isPinned {
            try? open.writer?.recover()
            if open.isPinned { return }
        }
        open.close()
        handles[id] = nil
    }

    /// Forgets the folded records of the meetings used least recently, past the limit.
    func forgetLeastUsedRecords() {
        while meetings.count > limits.foldedMeetings {
            guard let id = leastUsed(meetings.filter { handles[$0.key]?.isPinned != true }.mapValues(\.lastUse)) else { return }
            forget(id)
        }
    }

    /// Forgets a meeting's folded record and closes its files. How many of its records were
    /// skipped is remembered, so that the count the screen reports never goes down.
    func forget(_ id: MeetingID) {
        closeFiles(of: id)
        guard handles[id] == nil, let loaded = meetings[id] else { return }
        if !loaded.record.anomalies.isEmpty { skippedInForgotten[id] = loaded.record.anomalies.count }
        meetings[id] = nil
        unchecked.remove(id)
    }

    private func leastUsed(_ uses: [MeetingID: UInt64]) -> MeetingID? {
        uses.min { $0.value < $1.value }?.key
    }

    /// How many meetings have open files, and how many folded records are kept (for tests
    /// and `clerk-bench`).
    public var meetingsHeld: (open: Int, folded: Int) { (handles.count, meetings.count) }
}
