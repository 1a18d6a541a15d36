import ClerkCore

/// How much of the archive state a read-only session needs. A listing that shows no
/// actions, or only live ones, reads only that part of the checkpoint (see
/// `CheckpointCodec`); the state it gets is the whole archive's but for the actions left
/// out. A writing session always reads everything: a checkpoint is only ever written from
/// a whole state.
public enum ArchiveScope: Sendable, Equatable {
    case everything
    /// Organisations, people, committees, meetings, work plan and access: no actions.
    case withoutActions
    /// Everything but done and dropped actions.
    case liveActions
}

extension Action {
    /// Whether a listing of live actions needs it: every status but done and dropped
    /// (withdrawn ones count in the public numbering of the others).
    var isLive: Bool { status != .done && status != .dropped }
}

extension ArchiveStore {
    /// Reads the checkpoint (in `scope`) and the records after it. A part of the state
    /// is kept only if those records all fit it: one that names an action left out (or
    /// anything else unknown) means the part is not enough, and the whole is read.
    func load(scope: ArchiveScope) throws {
        if let checkpoint = Checkpoint.read(from: checkpointPath, segment: archiveReader, scope: scope) {
            state = checkpoint.state
            archiveOffset = checkpoint.offset
            archiveSeq = checkpoint.seq
            isWhole = checkpoint.isWhole
        }
        let anomalies = state.anomalies.count
        try catchUpArchive()
        if !isWhole, state.anomalies.count != anomalies { try loadWhole() }
    }

    /// Reads the whole state again (from the checkpoint, or the journal when it is stale).
    func loadWhole() throws {
        state = ArchiveState()
        archiveOffset = 0
        archiveSeq = 0
        sinceCheckpoint = 0
        commits = [:]
        isWhole = true
        try load(scope: .everything)
    }
}
