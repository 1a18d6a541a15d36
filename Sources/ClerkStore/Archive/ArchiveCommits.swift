import ClerkCore
import Foundation

/// What the store has read of one marked commit (see `CommitMark`).
struct CommitProgress {
    var of: Int
    /// The places (`n`) of the commit's records read so far.
    var seen: Set<Int> = []
    /// The first record, as read, and the segment it is in (nil: the archive's).
    var first: JournalRecord?
    var firstMeeting: MeetingID?
    /// The records after the first, from the first record's mark.
    var then: [CommitMark.Planned]?
    /// The plan does not fit the archive (a crafted or damaged mark): never acted on;
    /// `clerk check` names it.
    var unusable = false

    var isComplete: Bool { seen.count == of }
    var isHalfWritten: Bool { first != nil && !isComplete && !unusable }
}

extension ArchiveStore {
    /// Remembers the commit mark of a record just read, if it has one.
    func noteCommit(_ record: JournalRecord, in meeting: MeetingID?) {
        // A malformed mark is left for `clerk check` to report; the event itself still counts.
        guard let mark = try? CommitMark.read(record.data) else { return }
        var progress = commits[mark.id] ?? CommitProgress(of: mark.of)
        guard progress.of == mark.of else {
            progress.unusable = true
            commits[mark.id] = progress
            return
        }
        progress.seen.insert(mark.n)
        if mark.n == 0, progress.first == nil {
            progress.first = record
            progress.firstMeeting = meeting
            progress.then = mark.then ?? []
        }
        commits[mark.id] = progress
    }

    var hasHalfWrittenCommits: Bool { commits.values.contains { $0.isHalfWritten } }

    /// Reopens any segment whose last append failed, so that records whose flush failed are
    /// either made durable or set aside before anything is read or decided.
    func recoverWriters() throws {
        if let archiveWriter, archiveWriter.needsRecovery { try archiveWriter.recover() }
        for open in handles.values {
            if let writer = open.writer, writer.needsRecovery { try writer.recover() }
        }
    }

    /// At open, under the archive lock: completes what a crash left half-written.
    func completeAtOpen() throws {
        let lock = try ArchiveLock(path: directory + "/journal/.lock", mode: modes.file)
        defer { lock.release() }
        try refresh()
        try completeHalfWrittenCommits()
    }

    /// Writes the missing records of every commit whose first record is in the journal but
    /// not all of whose others are (a crash or a failed write between two segments). The
    /// records written are exactly the ones the first record lists, with its time.
    /// Call with the archive lock held.
    func completeHalfWrittenCommits() throws {
        for key in commits.keys.sorted() {
            guard let progress = commits[key], progress.isHalfWritten, let first = progress.first, let then = progress.then else { continue }
            // The segments it names must have been read before deciding what is missing.
            for meeting in Set(then.compactMap(\.meeting)) where state.meetings[meeting] != nil {
                _ = try record(of: meeting)
            }
            guard let now = commits[key], !now.isComplete else { continue }
            var missing: [(meeting: MeetingID?, record: NewRecord)] = []
            for (i, planned) in then.enumerated() where !now.seen.contains(i + 1) {
                guard plannedFits(planned) else {
                    commits[key]?.unusable = true
                    missing = []
                    break
                }
                let mark = CommitMark(id: key, n: i + 1, of: now.of, then: nil)
                missing.append((planned.meeting, NewRecord(type: planned.type, version: planned.version, at: first.at,
                                                           data: mark.marking(planned.data))))
            }
            if !missing.isEmpty { try write(missing) }
        }
    }

    /// Whether a planned record may be written: its event decodes, is kept where the plan
    /// says, and names a meeting the archive knows.
    private func plannedFits(_ planned: CommitMark.Planned) -> Bool {
        guard let event = try? EventCodec.decode(type: planned.type, version: planned.version, data: planned.data) else { return false }
        switch event.scope {
        case .archive: return planned.meeting == nil
        case .meeting(let id): return planned.meeting == id && state.meetings[id] != nil && (try? meetingPath(id)) != nil
        }
    }

    /// The events of the commit `key` if it is already whole in the journal.
    func eventsOfCommit(_ key: String) throws -> [Event]? {
        guard let progress = commits[key], progress.isComplete, let first = progress.first else { return nil }
        let path = progress.firstMeeting.map { (try? meetingPath($0)) ?? $0 } ?? archiveReader.path
        var events: [Event]
        switch Self.decode(first) {
        case .success(let event): events = [event]
        case .failure(let error): throw StoreError("\(path): record \(first.seq): \(error)")
        }
        for planned in progress.then ?? [] {
            events.append(try EventCodec.decode(type: planned.type, version: planned.version, data: planned.data))
        }
        return events
    }

    /// Writes a command's events: archive events first (a meeting's segment never refers
    /// to a meeting the archive does not yet know), then each meeting's, in the order the
    /// meetings first appear. A commit that touches more than one segment, or has a key,
    /// is marked: its first record lists the rest. Every record carries the store's author.
    func write(_ events: [Event], at now: Instant, key: String?) throws {
        var archive: [CommitMark.Planned] = []
        var grouped: [MeetingID: [CommitMark.Planned]] = [:]
        var order: [MeetingID] = []
        for event in events {
            // The author goes into the data before any mark, so a completed commit keeps it.
            let encoded = try EventCodec.encode(event)
            let planned = CommitMark.Planned(meeting: nil, type: event.kind.rawValue, version: event.kind.version,
                                             data: author?.signing(encoded) ?? encoded)
            switch event.scope {
            case .archive: archive.append(planned)
            case .meeting(let id):
                if grouped[id] == nil { order.append(id) }
                grouped[id, default: []].append(CommitMark.Planned(meeting: id, type: planned.type, version: planned.version, data: planned.data))
            }
        }
        let all = archive + order.flatMap { grouped[$0]! }
        let segments = (archive.isEmpty ? 0 : 1) + order.count
        let id = key ?? (segments > 1 && marksCommitsAcrossFiles ? CommitMark.newID() : nil)
        let records = all.enumerated().map { n, planned in
            var data = planned.data
            if let id {
                data = CommitMark(id: id, n: n, of: all.count, then: n == 0 ? Array(all.dropFirst()) : nil).marking(data)
            }
            return (planned.meeting, NewRecord(type: planned.type, version: planned.version, at: now.iso, data: data))
        }
        try write(records)
    }

    /// Appends records to their segments, archive first, one append per segment, reading
    /// each back into the state once it is acknowledged.
    private func write(_ records: [(meeting: MeetingID?, record: NewRecord)]) throws {
        let archiveRecords = records.filter { $0.meeting == nil }.map(\.record)
        if !archiveRecords.isEmpty {
            if archiveWriter == nil {
                archiveWriter = try Segment(path: archiveReader.path, mode: .append, sync: sync, newFileMode: modes.file)
            }
            _ = try archiveWriter!.append(archiveRecords)
            try catchUpArchive()
        }
        var order: [MeetingID] = []
        for case let (meeting?, _) in records where !order.contains(meeting) { order.append(meeting) }
        for id in order {
            _ = try record(of: id)
            guard var loaded = meetings[id] else { continue }
            // Reopened if it was closed as one of the least recently used.
            let writer = try writer(of: id, path: loaded.path)
            _ = try writer.append(records.filter { $0.meeting == id }.map(\.record))
            try catchUp(&loaded)
            meetings[id] = loaded
        }
    }
}
