import ClerkCore

extension ArchiveCheck {
    /// What a meeting's record names in the archive: people in its attendance, declarations
    /// and votes, organisations that voted, meetings its items refer back to. The fold keeps
    /// a meeting's record apart from the archive's state, so these are checked here, once
    /// both are read.
    mutating func checkReferences(of record: MeetingRecord, in state: ArchiveState, path: String) {
        func person(_ id: PersonID, _ what: String) {
            if state.people[id] == nil { problems.append("\(path): \(what) names unknown person \(IDGrammar.shown(id))") }
        }
        for a in record.attendance {
            person(a.personID, "attendance")
            if case .deputy(let member, _) = a.presence { person(member, "a deputy's member") }
        }
        for d in record.declarations { person(d.personID, "declaration \(d.id)") }
        for v in record.votes {
            for b in v.ballots where state.people[b.voterID] == nil && state.organisations[b.voterID] == nil {
                problems.append("\(path): vote \(v.id) has a ballot of unknown voter \(IDGrammar.shown(b.voterID))")
            }
        }
        for item in record.items {
            if let r = item.refersTo, state.meetings[r.meetingID] == nil {
                problems.append("\(path): item \(item.id) refers to unknown meeting \(IDGrammar.shown(r.meetingID))")
            }
        }
    }
}
