import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation

/// The operating-system accounts clerk goes by: who runs it, who owns the archive. Read
/// from the kernel (effective user id, folder owner), never from anything a user can set.
enum SystemAccount {
    /// The account running clerk: the name of the effective user id.
    static func current() -> String {
        name(of: geteuid())
    }

    /// The account owning the archive's journal (its archive segment, links followed): the
    /// archive's administrator. Not the folder named with --data, which anyone can make
    /// and fill with links to another archive's journal.
    static func owner(of directory: String) -> String? {
        var info = stat()
        guard stat(directory + "/journal/archive.jsonl", &info) == 0 else { return nil }
        return name(of: info.st_uid)
    }

    /// The group of the archive's journal folder: the accounts in it may write, where the
    /// archive is shared as docs/ssh.md sets it up.
    static func group(of directory: String) -> String? {
        var info = stat()
        guard stat(directory + "/journal", &info) == 0, let entry = getgrgid(info.st_gid), let name = entry.pointee.gr_name else { return nil }
        return String(cString: name)
    }

    /// The local date rights are worked out on: the system's clock, never --today (which a
    /// person could set to a day they held a seat).
    static func today() -> CalendarDate {
        SystemClock.clock.read().today
    }

    private static func name(of uid: uid_t) -> String {
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return "uid-\(uid)" }
        return String(cString: name)
    }
}

extension ArchiveStore {
    /// What `account` may see and change in this archive on a day. Every commit of a
    /// read-write store is checked against it from then on, on the day of the commit.
    func accessRule(account: String, today: @escaping () -> CalendarDate) -> (ArchiveState, CalendarDate) -> Access {
        let administrator = SystemAccount.owner(of: directory)
        let rule = { (state: ArchiveState, day: CalendarDate) in
            Access(archive: state, account: account, administrator: administrator, today: day)
        }
        if mode == .readWrite {
            writeCheck = { state, events in try rule(state, today()).check(events, in: state) }
        }
        return rule
    }

    /// What `account` may see and change in this archive today.
    func access(account: String, today: CalendarDate) -> Access {
        accessRule(account: account, today: { today })(state, today)
    }
}

/// `clerk access`: which accounts are which people, and who is barred from confidential items.
struct AccessCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "access",
        abstract: "Show or set who may see and change what.",
        discussion: """
        clerk access show
        clerk access link PERSON ACCOUNT      the operating-system account ACCOUNT is PERSON
        clerk access unlink ACCOUNT
        clerk access bar PERSON --committee C    keep PERSON from C's confidential items
        clerk access unbar PERSON --committee C
        Until an account is linked to someone, everyone who can open the archive may do everything.
        """
    )

    enum Verb: String, ExpressibleByArgument, CaseIterable {
        case show, link, unlink, bar, unbar
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "show, link, unlink, bar or unbar.") var verb: Verb = .show
    @Argument(help: ArgumentHelp("The person (id, name or initials), or for unlink the account.", valueName: "PERSON"))
    var person: String?
    @Argument(help: ArgumentHelp("link: the operating-system account name.", valueName: "ACCOUNT")) var account: String?
    @Option(help: ArgumentHelp("bar, unbar: the committee (id, code or name).", valueName: "C")) var committee: String?
    @Flag(help: "link: link the first account although the chairs, vice-chairs and secretariat not yet linked then only read.")
    var yes = false

    func validate() throws {
        switch verb {
        case .show:
            if person != nil { throw ValidationError("'clerk access show' takes nothing more") }
        case .link:
            guard person != nil, account != nil else { throw ValidationError("say who and which account: clerk access link PERSON ACCOUNT") }
        case .unlink:
            guard person != nil, account == nil else { throw ValidationError("say which account: clerk access unlink ACCOUNT") }
        case .bar, .unbar:
            guard person != nil, account == nil, committee != nil else {
                throw ValidationError("say who and from which committee: clerk access \(verb.rawValue) PERSON --committee C")
            }
        }
        if verb != .link, yes { throw ValidationError("--yes is taken by link only") }
        if verb != .bar, verb != .unbar, committee != nil {
            throw ValidationError("--committee is taken by bar and unbar only")
        }
    }

    func run() throws {
        print(try output(account: SystemAccount.current()), terminator: "")
    }

    /// What the command prints, as `account`; tests give the account.
    func output(account: String) throws -> String {
        let today = SystemAccount.today()
        if verb == .show {
            let store = try global.openStore(mode: .readOnly)
            return Listing.text(Self.show(store.state, access: store.access(account: account, today: today)))
        }
        let store = try global.openStore()
        _ = store.access(account: account, today: today)
        store.sign(as: account)
        let name = person ?? ""
        if verb == .link, !yes, let left = Self.writersLeftOut(store.state, linking: name, account: self.account ?? "", today: today) {
            throw ValidationError(left)
        }
        let events = try store.commit(at: SystemClock.clock.read().instant) { store in
            switch verb {
            case .link: try store.state.linkAccount(self.account ?? "", to: name)
            case .unlink: try store.state.unlinkAccount(name)
            case .bar, .unbar: try store.state.barFromConfidential(name, committee: committee ?? "", barred: verb == .bar)
            case .show: []
            }
        }
        var out = events.isEmpty ? "unchanged\n" : "recorded\n"
        if verb == .bar, let barred = try? store.state.person(matching: name) {
            let accounts = store.state.access.accounts[barred.id, default: []]
            out += AccessFileWarning.lines(directory: store.directory, accounts: accounts, person: barred.formalName)
                .map { $0 + "\n" }.joined()
        }
        return out
    }

    /// Linking the first account ends "everyone may do everything": the chairs, vice-chairs
    /// and secretariat with no account linked then only read. Named, so that it is not a
    /// surprise; nil when this is not the first link or nobody is left out.
    static func writersLeftOut(_ state: ArchiveState, linking name: String, account: String, today: CalendarDate) -> String? {
        guard state.access.isEmpty, AccessRules.isValidAccount(account), let linked = try? state.person(matching: name) else { return nil }
        var left: [String] = []
        for committee in state.committeeList {
            let people = Access.writers(of: committee, in: state, on: today).filter { $0.person.id != linked.id }
            guard !people.isEmpty else { continue }
            left.append("\(committee.code): " + people.map { p in
                let role = committee.membership(of: p.person.id, on: today)?.role.rawValue ?? ""
                return "\(p.person.formalName) (\(role))"
            }.joined(separator: ", "))
        }
        guard !left.isEmpty else { return nil }
        return "this is the first account linked: from now on only linked chairs, vice-chairs and secretariat may change a committee, "
            + "so these, not yet linked, will only read — \(left.joined(separator: "; ")); link their accounts too, "
            + "or run again with --yes; nothing was recorded"
    }

    static func show(_ state: ArchiveState, access: Access) -> String {
        var out = "You are \(access.describe(in: state))"
        if access.isUnrestricted {
            out += "; no accounts are linked, so everyone who can open the archive may do everything.\n"
        } else if access.isAdministrator {
            out += ", the archive's owner: you may do everything.\n"
        } else if access.person == nil {
            out += ", linked to nobody: you read what is not confidential.\n"
        } else {
            out += ".\n"
        }
        var rows: [[String]] = []
        // The links are the administrator's business; anyone else sees their own.
        let everyone = access.seesEverything
        for person in state.people.values.sorted(by: { $0.id < $1.id }) where everyone || person.id == access.person {
            let accounts = state.access.accounts[person.id, default: []]
            let barred = state.committeeList.filter { state.access.isBarred(person.id, from: $0.id) }.map(\.code)
            guard !accounts.isEmpty || !barred.isEmpty else { continue }
            rows.append([person.id, person.formalName, accounts.joined(separator: " "), barred.joined(separator: " ")])
        }
        if !rows.isEmpty { out += "\n" + Listing.table(["PERSON", "NAME", "ACCOUNTS", "BARRED FROM"], rows) }
        if !access.isUnrestricted {
            var mine: [[String]] = []
            for c in state.committeeList {
                mine.append([c.code, c.name, access.canWrite(committee: c.id) ? "change" : "read",
                             access.canSeeConfidential(committee: c.id) ? "yes" : "no"])
            }
            out += "\n" + Listing.table(["COMMITTEE", "NAME", "YOU MAY", "CONFIDENTIAL"], mine)
        }
        return out
    }
}
