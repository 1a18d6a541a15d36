/// Which operating-system accounts are which people, and who is barred from a committee's
/// confidential items: the part of the archive that decides who may see and change what.
public struct AccessRules: Sendable, Hashable, Codable {
    /// Account names linked to each person.
    public private(set) var accounts: [PersonID: [String]] = [:]
    /// People barred from each committee's confidential items.
    public private(set) var barred: [CommitteeID: [PersonID]] = [:]

    public init() {}

    /// No account is linked to anyone: the archive has not been set up for access, and
    /// everyone who can open its files may do everything.
    public var isEmpty: Bool { accounts.values.allSatisfy(\.isEmpty) }

    /// The person an account is linked to.
    public func person(account: String) -> PersonID? {
        accounts.first { $0.value.contains(account) }?.key
    }

    public func isBarred(_ person: PersonID, from committee: CommitteeID) -> Bool {
        barred[committee]?.contains(person) == true
    }

    /// An account is one person's: linking it takes it from anyone it was linked to before.
    mutating func setAccounts(_ names: [String], of person: PersonID) {
        for (other, linked) in accounts where other != person && linked.contains(where: names.contains) {
            let kept = linked.filter { !names.contains($0) }
            accounts[other] = kept.isEmpty ? nil : kept
        }
        accounts[person] = names.isEmpty ? nil : names
    }

    mutating func setBarred(_ isBarred: Bool, _ person: PersonID, from committee: CommitteeID) {
        var list = barred[committee, default: []].filter { $0 != person }
        if isBarred { list.append(person) }
        barred[committee] = list.isEmpty ? nil : list.sorted()
    }

    /// Whether the text is a plausible operating-system account name: letters, digits,
    /// `.`, `_` and `-`, not starting with `-`, at most 32 characters.
    public static func isValidAccount(_ name: String) -> Bool {
        guard (1...32).contains(name.unicodeScalars.count), name.first != "-" else { return false }
        return name.unicodeScalars.allSatisfy { s in
            (s >= "a" && s <= "z") || (s >= "A" && s <= "Z") || (s >= "0" && s <= "9") || s == "." || s == "_" || s == "-"
        }
    }
}

/// `person.accounts-set`: the operating-system accounts that are this person (empty: none).
public struct AccountsSet: Sendable, Hashable, Codable {
    public var personID: PersonID
    public var accounts: [String]
    public init(personID: PersonID, accounts: [String]) { self.personID = personID; self.accounts = accounts }
}

/// `committee.confidential-barred`: a person barred from (or allowed again to) a committee's
/// confidential items.
public struct ConfidentialBarred: Sendable, Hashable, Codable {
    public var committeeID: CommitteeID
    public var personID: PersonID
    public var barred: Bool
    public init(committeeID: CommitteeID, personID: PersonID, barred: Bool) {
        self.committeeID = committeeID; self.personID = personID; self.barred = barred
    }
}

/// What the person running clerk may see and change, worked out once from the archive and
/// the operating-system account that runs the program.
///
/// - No account linked to anyone in the archive: everyone may do everything (as before
///   access was set up).
/// - The account that owns the archive folder is its administrator: it may do everything.
/// - Otherwise, for each committee: its chair, vice-chair and secretariat (memberships
///   active today) may change it; every member active today, in any role, may see its
///   confidential items unless barred. A barred person reads only. Anyone else, including
///   an account linked to nobody, reads what is not confidential.
public struct Access: Sendable, Hashable {
    public let account: String
    public let person: PersonID?
    public let isAdministrator: Bool
    /// The archive has no account links: nothing is restricted.
    public let isUnrestricted: Bool
    /// The account owning the archive, which links accounts to people (nil: unknown).
    public let administrator: String?
    /// The day the rights were worked out on.
    public let day: CalendarDate
    private let writable: Set<CommitteeID>
    private let confidential: Set<CommitteeID>

    public init(archive: ArchiveState, account: String, administrator: String?, today: CalendarDate) {
        self.account = account
        isUnrestricted = archive.access.isEmpty
        isAdministrator = account == administrator
        self.administrator = administrator
        self.day = today
        let person = archive.access.person(account: account)
        self.person = person
        var writable: Set<CommitteeID> = [], confidential: Set<CommitteeID> = []
        if let person {
            for committee in archive.committeeList {
                guard let membership = committee.membership(of: person, on: today),
                      !archive.access.isBarred(person, from: committee.id) else { continue }
                confidential.insert(committee.id)
                if [.chair, .viceChair, .secretariat].contains(membership.role) { writable.insert(committee.id) }
            }
        }
        self.writable = writable
        self.confidential = confidential
    }

    /// Everything open: for the archive's own tools and for archives without access set up.
    public static func everything(account: String = "") -> Access {
        Access(archive: ArchiveState(), account: account, administrator: nil, today: CalendarDate(year: 2000, month: 1, day: 1)!)
    }

    private var isOpen: Bool { isUnrestricted || isAdministrator }

    /// Whether this person may change the committee, its meetings, actions and work plan.
    public func canWrite(committee: CommitteeID) -> Bool { isOpen || writable.contains(committee) }

    /// Whether this person may see the committee's confidential items, their minutes and actions.
    public func canSeeConfidential(committee: CommitteeID) -> Bool { isOpen || confidential.contains(committee) }

    /// Whether anything at all is hidden from this person.
    public var seesEverything: Bool { isOpen }

    /// Whether this person may change things that belong to no committee (people,
    /// organisations, new committees): the administrator, or a writer of some committee.
    public var canWriteShared: Bool { isOpen || !writable.isEmpty }

    /// Who this is, for messages: "Dr Peter Graves (account pgraves)".
    public func describe(in archive: ArchiveState) -> String {
        guard let person, let p = archive.people[person] else { return "account \(account)" }
        return "\(p.formalName) (account \(account))"
    }

    /// The person running clerk, for "my actions"; an account linked to nobody is refused
    /// with how to link it.
    public func me(in archive: ArchiveState) throws -> Person {
        guard let person, let p = archive.people[person] else {
            throw CommandError(.notFound, "account \(account) is not linked to anyone; \(ownerName) links it: clerk access link PERSON \(account)")
        }
        return p
    }

    /// The archive's owner, for messages: "the archive's owner (account root)".
    public var ownerName: String {
        administrator.map { "the archive's owner (account \($0))" } ?? "the archive's owner"
    }

    // MARK: Changes

    /// Refuses events this person may not make, naming the first committee refused.
    public func check(_ events: [Event], in archive: ArchiveState) throws {
        guard !isOpen else { return }
        for event in events {
            switch event {
            case .accountsSet:
                throw CommandError(.notAllowed, "only the archive's owner account may link accounts to people; ask \(ownerName) to run 'clerk access link'")
            case .committeeCreated(let c) where archive.committees[c.id] != nil:
                // Applied, it would replace the committee whole, members and terms included.
                throw CommandError(.notAllowed, "committee '\(c.id)' exists already; change it through its terms of reference")
            default:
                break
            }
            if let committee = event.committee(in: archive) {
                guard canWrite(committee: committee) else {
                    guard let c = archive.committees[committee] else {
                        throw CommandError(.notAllowed, "\(describe(in: archive)) may not change \(committee): only its chair, vice-chair and secretariat may")
                    }
                    throw CommandError(.notAllowed, "\(describe(in: archive)) may not change \(c.name): \(Access.whoMayWrite(c, in: archive, on: day))")
                }
            } else if !canWriteShared {
                throw CommandError(.notAllowed, "\(describe(in: archive)) may not change the archive: \(Access.whoMayWriteShared(in: archive, on: day))")
            }
        }
    }

    // MARK: Hiding confidential items

    /// The items of a record hidden from this person: confidential items and their sub-items,
    /// unless the person may see the committee's confidential items.
    public func hiddenItems(_ record: MeetingRecord, committee: CommitteeID) -> Set<ItemID> {
        guard !canSeeConfidential(committee: committee) else { return [] }
        return Access.confidentialItems(of: record)
    }

    /// Confidential items of a record, with the sub-items of a confidential item.
    public static func confidentialItems(of record: MeetingRecord) -> Set<ItemID> {
        var ids = Set(record.items.filter(\.confidential).map(\.id))
        for item in record.items where item.parentID.map(ids.contains) == true { ids.insert(item.id) }
        return ids
    }

    /// The record as this person may see it: hidden items, their minutes, declarations and
    /// votes taken out.
    public func redacted(_ record: MeetingRecord, committee: CommitteeID) -> MeetingRecord {
        let hidden = hiddenItems(record, committee: committee)
        guard !hidden.isEmpty else { return record }
        var copy = record
        copy.items.removeAll { hidden.contains($0.id) }
        copy.entries.removeAll { hidden.contains($0.itemID) }
        copy.declarations.removeAll { hidden.contains($0.itemID) }
        copy.votes.removeAll { hidden.contains($0.itemID) }
        // A version of a paragraph of an item since removed cannot be told apart: left out.
        let shown = Set(copy.items.map(\.id))
        copy.conflicts.removeAll { !shown.contains($0.itemID) }
        if let current = copy.currentItem, hidden.contains(current) {
            copy.currentItem = nil
            copy.currentItemSince = nil
        }
        return copy
    }

    /// Whether an action is hidden from this person: it is confidential, or raised under a
    /// confidential item (`isConfidentialItem` says which items are), in a committee whose
    /// confidential items the person may not see.
    public func hides(_ action: Action, isConfidentialItem: (MeetingID, ItemID) -> Bool) -> Bool {
        guard !canSeeConfidential(committee: action.committeeID) else { return false }
        return action.confidential || action.itemID.map { isConfidentialItem(action.meetingID, $0) } == true
    }

    /// The archive as this person may see it: hidden actions taken out.
    public func redacted(_ archive: ArchiveState, isConfidentialItem: (MeetingID, ItemID) -> Bool) -> ArchiveState {
        guard !isOpen else { return archive }
        let actions = archive.actions.filter { !hides($0.value, isConfidentialItem: isConfidentialItem) }
        guard actions.count != archive.actions.count else { return archive }
        return ArchiveState(organisations: archive.organisations, people: archive.people, committees: archive.committees,
                            committeeOrder: archive.committeeOrder, meetings: archive.meetings, actions: actions,
                            objectives: archive.objectives, anomalies: archive.anomalies, access: archive.access)
    }

    /// Meetings whose records decide whether some action is hidden from this person: those
    /// with actions raised under an item, in committees whose confidential items are closed.
    public func meetingsToCheck(in archive: ArchiveState, actions: some Sequence<Action>) -> Set<MeetingID> {
        guard !isOpen else { return [] }
        var ids: Set<MeetingID> = []
        for a in actions where a.itemID != nil && !a.confidential && !canSeeConfidential(committee: a.committeeID) {
            ids.insert(a.meetingID)
        }
        return ids
    }
}

extension Event {
    /// The committee an event changes, if it belongs to one.
    public func committee(in archive: ArchiveState) -> CommitteeID? {
        switch self {
        case .organisationAdded, .personAdded, .personUpdated, .committeeCreated, .accountsSet: nil
        case .termsChanged(let e): e.committeeID
        case .membershipStarted(let e): e.committeeID
        case .membershipEnded(let e): e.committeeID
        case .seatCorrected(let e): e.committeeID
        case .confidentialBarred(let e): e.committeeID
        case .meetingScheduled(let m): m.committeeID
        case .actionRaised(let a): a.committeeID
        case .actionUpdated(let e): archive.actions[e.actionID]?.committeeID
        case .actionEdited(let e): archive.actions[e.actionID]?.committeeID
        case .objectiveSet(let o): o.committeeID
        case .objectiveRemoved(let e): archive.objectives[e.objectiveID]?.committeeID
        case .meetingMoved(let e): archive.meetings[e.meetingID]?.committeeID
        case .meetingCancelled(let e): archive.meetings[e.meetingID]?.committeeID
        case .meetingInCommon(let e): archive.meetings[e.meetingID]?.committeeID
        case .agendaPublished(let e), .minutesCirculated(let e): archive.meetings[e.meetingID]?.committeeID
        case .meetingStarted(let e): archive.meetings[e.meetingID]?.committeeID
        case .meetingClosed(let e): archive.meetings[e.meetingID]?.committeeID
        case .minutesApproved(let e): archive.meetings[e.meetingID]?.committeeID
        case .referencesCounted(let e): e.committeeID
        default:
            if case .meeting(let id) = scope { archive.meetings[id]?.committeeID } else { nil }
        }
    }
}
