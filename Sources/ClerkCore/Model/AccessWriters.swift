/// Who may change a committee, for the messages that tell a person they cannot: a refusal
/// always says who can.
extension Access {
    /// The people who may change the committee on a day (its chair, vice-chair and
    /// secretariat), each with the accounts linked to them.
    public static func writers(of committee: Committee, in archive: ArchiveState, on day: CalendarDate) -> [(person: Person, accounts: [String])] {
        committee.memberships(on: day)
            .filter { [.chair, .viceChair, .secretariat].contains($0.role) && !archive.access.isBarred($0.personID, from: committee.id) }
            .compactMap { m in archive.people[m.personID].map { ($0, archive.access.accounts[m.personID, default: []]) } }
    }

    /// "ask a chair, vice-chair or the secretariat — linked accounts: sarah, pgraves", or,
    /// when none of them has an account yet, who links one.
    public static func whoMayWrite(_ committee: Committee, in archive: ArchiveState, on day: CalendarDate) -> String {
        let accounts = writers(of: committee, in: archive, on: day).flatMap(\.accounts)
        guard !accounts.isEmpty else {
            return "ask a chair, vice-chair or the secretariat of \(committee.code); none has an account linked yet (the archive's owner links one: clerk access link)"
        }
        return "ask a chair, vice-chair or the secretariat — linked accounts: \(accounts.joined(separator: ", "))"
    }

    /// The same for what belongs to no committee (people, new committees): a writer of any.
    public static func whoMayWriteShared(in archive: ArchiveState, on day: CalendarDate) -> String {
        var seen = Set<String>()
        let accounts = archive.committeeList.flatMap { writers(of: $0, in: archive, on: day).flatMap(\.accounts) }.filter { seen.insert($0).inserted }
        guard !accounts.isEmpty else { return "ask the archive's owner, who links accounts with clerk access link" }
        return "ask a committee's chair, vice-chair or secretariat — linked accounts: \(accounts.joined(separator: ", "))"
    }
}
