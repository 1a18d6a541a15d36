import ClerkCore
import Terminal

/// A committee's terms of reference, opened from the home screen with `T`: its fields
/// (purpose, cadence, quorum, voting…), then its organisations and members with their dated
/// seats. Every change is a ClerkCore command committed at once.
public struct CommitteeScreen: Sendable, Hashable {
    public var committeeID: CommitteeID
    public var position = ListPosition()

    public init(committeeID: CommitteeID) {
        self.committeeID = committeeID
    }
}

/// The fields of the terms of reference, in the order shown.
public enum TermsField: String, Sendable, Hashable, CaseIterable {
    case name, purpose, accountability, membershipRule, secretariat, chair, cadence, quorum, declaredExcluded, voting
    case coreOrganisations, deadlines, reviewDate, objectives, houseStyle, venue, references

    public var label: String {
        switch self {
        case .name: "Name"
        case .purpose: "Purpose"
        case .accountability: "Accountable to"
        case .membershipRule: "Membership (as written)"
        case .secretariat: "Secretariat"
        case .chair: "Chair"
        case .cadence: "Meets"
        case .quorum: "Quorum"
        case .declaredExcluded: "Declared interest"
        case .voting: "Voting"
        case .coreOrganisations: "Core organisations"
        case .deadlines: "Agenda deadlines"
        case .reviewDate: "Review date"
        case .objectives: "Objectives"
        case .houseStyle: "House style"
        case .venue: "Usual venue"
        case .references: "Item references"
        }
    }

    /// What the one-line form asks for.
    var prompt: String {
        switch self {
        case .cadence: "Meets (e.g. monthly on the 3rd Thursday; empty: as arranged): "
        case .quorum: "Quorum (e.g. 3 members, members from 4 core organisations, none): "
        case .voting: "Voting (consensus, one vote per member/core organisation, chair's casting vote): "
        case .deadlines: "Deadlines (e.g. items 14 days before; papers the Friday before; empty: none): "
        case .reviewDate: "Review date (YYYY-MM-DD; empty: none): "
        case .chair: "Chair's initials and the date they take office (e.g. AM 2027-01-01): "
        case .houseStyle: HouseStyleField.prompt
        case .venue: "Usual venue (Committee Room 2, via Microsoft Teams, remote LINK; empty: none): "
        case .references: "Item references (e.g. GB/{yy}{yy+1}/{n:03} from April; empty: numbers 1, 2, 3): "
        case .purpose, .accountability, .membershipRule, .objectives: "\(label) (¶ between paragraphs): "
        default: "\(label): "
        }
    }
}

/// The steps of seating a member: one prompt each, carried in the form.
public enum MemberStep: Sendable, Hashable {
    case name, initials, title, letters, organisation, role, from, alternateFor
    /// When a seat is corrected: the day it ended (empty: it goes on).
    case until
}

/// A member being added, filled in one prompt at a time.
public struct MemberDraft: Sendable, Hashable {
    public var committeeID: CommitteeID
    /// Set when the name typed is someone already in the archive.
    public var existing: PersonID?
    public var name = ""
    public var initials = ""
    public var title = ""
    public var letters = ""
    public var position = ""
    public var organisationID: OrganisationID?
    public var role: Role = .member
    public var from: CalendarDate?
    public var until: CalendarDate?
    /// Set when an existing member is being corrected: their seat as it was.
    public var editing: Membership?

    public init(committeeID: CommitteeID) {
        self.committeeID = committeeID
    }
}

/// What a committee form is for.
public enum CommitteeForm: Sendable, Hashable {
    case newName
    case newCode(name: String)
    case field(CommitteeID, TermsField)
    case organisation(CommitteeID)
    case member(MemberDraft, MemberStep)
    case end(CommitteeID, PersonID)
    /// A standing item's title: a new one after `index` (or first), or the one at `index` retitled.
    case standing(CommitteeID, index: Int?, isNew: Bool)
}

public enum CommitteeText {
    /// A slug from a name: "Pan Cluster Planning Group 2" → "pan-cluster-planning-group-2".
    public static func slug(_ name: String, fallback: String) -> String {
        var out = ""
        for u in name.lowercased().unicodeScalars {
            if ("a"..."z").contains(u) || ("0"..."9").contains(u) {
                out.unicodeScalars.append(u)
            } else if u.properties.isAlphabetic {
                continue
            } else if !out.isEmpty, !out.hasSuffix("-") {
                out += "-"
            }
        }
        while out.hasSuffix("-") { out.removeLast() }
        return out.isEmpty ? fallback : String(out.prefix(60))
    }

    /// The first slug not in `taken`: "pcpg", else "pcpg-2", "pcpg-3"…
    public static func unique(_ base: String, taken: (String) -> Bool) -> String {
        var id = base, n = 2
        while taken(id) { id = "\(base)-\(n)"; n += 1 }
        return id
    }

    /// A meeting-id code from the initials of the name's words: "Pan Cluster Planning Group 2" → "pcpg2".
    public static func code(_ name: String) -> String {
        let words = name.split(whereSeparator: { !$0.isLetter && !$0.isNumber })
        let code = words.map { w in w.allSatisfy(\.isNumber) ? String(w) : String(w.prefix(1)) }.joined()
        return slug(code, fallback: "c")
    }

    static func plural(_ n: Int, _ one: String, _ many: String) -> String { "\(n) \(n == 1 ? one : many)" }

    /// Paragraphs on one line for a form: "first ¶ second".
    static func oneLine(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: true).map { $0.trimmingSpaces() }.joined(separator: " ¶ ")
    }

    /// And back: each ¶ starts a new paragraph.
    static func paragraphs(_ line: String) -> String {
        line.split(separator: "¶").map { $0.trimmingSpaces() }.filter { !$0.isEmpty }.joined(separator: "\n")
    }
}

extension Committee {
    /// The organisations the terms screen lists: core ones, those of its members, and those
    /// added from the screen (grouped under the committee's name).
    func organisationIDs(in archive: ArchiveState) -> [OrganisationID] {
        var ids = coreOrganisations
        for m in memberships { if let o = m.organisationID, !ids.contains(o) { ids.append(o) } }
        for o in archive.organisations.values.sorted(by: { $0.name < $1.name }) where o.group == name && !ids.contains(o.id) {
            ids.append(o.id)
        }
        return ids
    }

    var chair: Membership? { seated.last { $0.role == .chair } }
}
