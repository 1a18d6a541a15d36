import ClerkCore

extension ArchiveCheck {
    /// What an event of a meeting's segment names in the archive: people in attendance,
    /// declarations and votes, organisations that voted, meetings its items refer back to.
    /// The fold keeps a meeting's record apart from the archive's state, so `clerk check`
    /// looks these up here, record by record, once the archive is read.
    static func referenceProblem(_ event: Event, in state: ArchiveState) -> String? {
        func person(_ id: PersonID, _ what: String) -> String? {
            state.people[id] == nil ? "\(what) names unknown person \(IDGrammar.shown(id))" : nil
        }
        switch event {
        case .attendanceMarked(let e):
            if case .deputy(let member, _) = e.attendance.presence, let why = person(member, "a deputy's member") { return why }
            return person(e.attendance.personID, "attendance")
        case .attendanceCleared(let e):
            return person(e.personID, "attendance")
        case .declarationRecorded(let e):
            return person(e.declaration.personID, "declaration")
        case .voteRecorded(let e):
            let unknown = e.vote.ballots.first { state.people[$0.voterID] == nil && state.organisations[$0.voterID] == nil }
            return unknown.map { "a ballot names unknown voter \(IDGrammar.shown($0.voterID))" }
        case .itemAdded(let e):
            guard let r = e.item.refersTo, state.meetings[r.meetingID] == nil else { return nil }
            return "item refers to unknown meeting \(IDGrammar.shown(r.meetingID))"
        default:
            return nil
        }
    }
}
