/// How a committee's minutes are set out when they go out: its house style, held in its
/// terms of reference. A committee without one keeps the look of informal notes ("Notes
/// from the meeting of", attendance by organisation, "It was agreed that…").
public struct HouseStyle: Sendable, Hashable, Codable {
    /// The opening line above the committee's name: "Minutes of the meeting of".
    public var title: String
    /// A second line under the committee's name: "Meeting held in public".
    public var subtitle: String?
    public var attendance: AttendanceLayout
    /// "Dr Jane Roe" rather than "Jane Roe".
    public var titles: Bool
    /// "Dr Jane Roe (JR)": the initials the minutes refer to people by.
    public var initials: Bool
    /// The words put before a decision that does not already begin with a resolution word.
    public var decisionPrefix: String
    public var declarations: DeclarationPlacement
    public var quorum: QuorumPlacement
    /// The heading over items not open to the public in the public version.
    public var partTwoHeading: String
    /// Why the public is excluded from those items ("Schedule 12A, paragraph 3"), if the terms say.
    public var exclusionReason: String?
    /// Whether an item's description ("Report of the Director of Finance") is printed under
    /// its heading in the minutes; nil (as in every preset) prints it in the formal styles
    /// and leaves it out of informal notes.
    public var descriptions: Bool?

    /// Whether the minutes print items' descriptions.
    public var printsDescriptions: Bool { descriptions ?? (attendance != .byOrganisation) }

    public init(title: String, subtitle: String? = nil, attendance: AttendanceLayout, titles: Bool, initials: Bool,
                decisionPrefix: String, declarations: DeclarationPlacement, quorum: QuorumPlacement,
                partTwoHeading: String = "Part 2 — not open to the public", exclusionReason: String? = nil) {
        self.title = title
        self.subtitle = subtitle
        self.attendance = attendance
        self.titles = titles
        self.initials = initials
        self.decisionPrefix = decisionPrefix
        self.declarations = declarations
        self.quorum = quorum
        self.partTwoHeading = partTwoHeading
        self.exclusionReason = exclusionReason
    }

    /// How the people at the meeting are listed.
    public enum AttendanceLayout: String, Sendable, Hashable, Codable, CaseIterable {
        /// Everyone in the room under "In attendance", grouped by organisation; those who
        /// attend without a seat listed apart ("Also in attendance").
        case byOrganisation = "by-organisation"
        /// "Present" (the members, the chair marked), "In attendance" (the others, the minute
        /// taker's role shown), "Apologies".
        case presentAndInAttendance = "present-and-in-attendance"
        /// "Members present" and "Officers present", as local government minutes them.
        case membersAndOfficers = "members-and-officers"
    }

    /// Where declarations of interest are minuted.
    public enum DeclarationPlacement: String, Sendable, Hashable, Codable, CaseIterable {
        case underItem = "under-item"
        /// All under the standing "Declarations of interest" item (under the item itself
        /// when the agenda has none).
        case declarationsItem = "declarations-item"
    }

    /// Where the statement that the meeting was quorate goes.
    public enum QuorumPlacement: String, Sendable, Hashable, Codable, CaseIterable {
        /// Under the opening item: "The meeting was quorate."
        case openingItem = "opening-item"
        /// Only the times it was lost and regained, under the item then under discussion.
        case changesOnly = "changes-only"
    }

    /// The presets a committee starts from.
    public enum Preset: String, Sendable, Hashable, CaseIterable {
        case nhsBoard = "nhs-board", localGovernment = "local-government", informal

        public var label: String {
            switch self {
            case .nhsBoard: "NHS board"
            case .localGovernment: "local-government committee"
            case .informal: "informal notes"
            }
        }

        public var style: HouseStyle {
            switch self {
            case .nhsBoard:
                HouseStyle(title: "Minutes of the meeting of", subtitle: "Meeting held in public",
                           attendance: .presentAndInAttendance, titles: true, initials: true,
                           decisionPrefix: "It was RESOLVED that", declarations: .declarationsItem, quorum: .openingItem)
            case .localGovernment:
                HouseStyle(title: "Minutes of the meeting of", attendance: .membersAndOfficers, titles: true, initials: false,
                           decisionPrefix: "RESOLVED – That", declarations: .declarationsItem, quorum: .openingItem,
                           exclusionReason: "the business involves the likely disclosure of exempt information")
            case .informal: .informal
            }
        }

        /// "nhs-board", "nhs", "local-government", "council", "informal", "notes".
        public init?(name: String) {
            switch name.lowercased().trimmingSpacesAndDashes {
            case "nhs-board", "nhs", "board", "nhs board": self = .nhsBoard
            case "local-government", "local government", "council", "lg": self = .localGovernment
            case "informal", "notes", "informal notes": self = .informal
            default: return nil
            }
        }
    }

    /// Today's look: what a committee without a house style gets.
    public static let informal = HouseStyle(title: "Notes from the meeting of", attendance: .byOrganisation, titles: false,
                                            initials: false, decisionPrefix: "It was agreed that", declarations: .underItem,
                                            quorum: .openingItem)

    // Decoded leniently: a field a later version adds, or one left out, takes the informal value.
    private enum CodingKeys: String, CodingKey {
        case title, subtitle, attendance, titles, initials, decisionPrefix, declarations, quorum, partTwoHeading, exclusionReason
        case descriptions
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let base = HouseStyle.informal
        title = try c.decodeIfPresent(String.self, forKey: .title) ?? base.title
        subtitle = try c.decodeIfPresent(String.self, forKey: .subtitle)
        attendance = try c.decodeIfPresent(AttendanceLayout.self, forKey: .attendance) ?? base.attendance
        titles = try c.decodeIfPresent(Bool.self, forKey: .titles) ?? base.titles
        initials = try c.decodeIfPresent(Bool.self, forKey: .initials) ?? base.initials
        decisionPrefix = try c.decodeIfPresent(String.self, forKey: .decisionPrefix) ?? base.decisionPrefix
        declarations = try c.decodeIfPresent(DeclarationPlacement.self, forKey: .declarations) ?? base.declarations
        quorum = try c.decodeIfPresent(QuorumPlacement.self, forKey: .quorum) ?? base.quorum
        partTwoHeading = try c.decodeIfPresent(String.self, forKey: .partTwoHeading) ?? base.partTwoHeading
        exclusionReason = try c.decodeIfPresent(String.self, forKey: .exclusionReason)
        descriptions = try c.decodeIfPresent(Bool.self, forKey: .descriptions)
    }
}

extension TermsOfReference {
    /// The committee's house style, or the informal look when it has none.
    public var houseStyle: HouseStyle { style ?? .informal }
}

extension String {
    /// Spaces trimmed, "_" read as "-": "nhs_board " → "nhs-board".
    var trimmingSpacesAndDashes: String { trimmingSpaces.replacingAll("_", with: "-") }
}
