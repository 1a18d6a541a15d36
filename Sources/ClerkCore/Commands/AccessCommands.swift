/// Setting up who may see and change what: accounts linked to people, people barred from
/// a committee's confidential items.
extension ArchiveState {
    /// A person by id, name ("Peter Graves", "Dr Peter Graves") or initials, case-insensitively;
    /// no match or more than one is refused.
    public func person(matching text: String) throws -> Person {
        if let p = people[text] { return p }
        let key = text.trimmed.lowercased()
        let found = people.values.filter {
            $0.name.lowercased() == key || $0.formalName.lowercased() == key || $0.initials.lowercased() == key
        }
        guard !found.isEmpty else {
            throw CommandError.notFound("person", text, hint: "give the person's id, name (as 'Peter Graves') or initials")
        }
        guard found.count == 1 else {
            let ids = found.map(\.id).sorted().joined(separator: ", ")
            throw CommandError(.invalid, "'\(text)' could be any of \(ids); give the person's id")
        }
        return found[0]
    }

    /// Links an operating-system account to a person (added to the accounts they have).
    public func linkAccount(_ account: String, to personText: String) throws -> [Event] {
        guard AccessRules.isValidAccount(account) else {
            throw CommandError(.invalid, "'\(account)' is not an account name; use the login name as 'id -un' prints it")
        }
        let person = try person(matching: personText)
        if let other = access.person(account: account) {
            guard other != person.id else { return [] }
            throw CommandError(.duplicate, "account \(account) is linked to \(people[other]?.name ?? other) already; unlink it first")
        }
        return [.accountsSet(AccountsSet(personID: person.id, accounts: access.accounts[person.id, default: []] + [account]))]
    }

    /// Takes an account away from whoever it is linked to.
    public func unlinkAccount(_ account: String) throws -> [Event] {
        guard let person = access.person(account: account) else {
            throw CommandError(.notFound, "account \(account) is not linked to anyone; 'clerk access show' lists the links")
        }
        return [.accountsSet(AccountsSet(personID: person, accounts: access.accounts[person, default: []].filter { $0 != account }))]
    }

    /// Bars a person from a committee's confidential items, or lets them see them again.
    public func barFromConfidential(_ personText: String, committee committeeText: String, barred: Bool) throws -> [Event] {
        let person = try person(matching: personText)
        let committee = try committee(committeeText)
        guard access.isBarred(person.id, from: committee.id) != barred else { return [] }
        return [.confidentialBarred(ConfidentialBarred(committeeID: committee.id, personID: person.id, barred: barred))]
    }
}
