// INTERIM: signatures of Calendar/Rules being written on branch `rules`; deleted on merge.
public enum Weekday: Int, Sendable, Hashable, Codable { case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday }
public struct CalendarDate: Sendable, Hashable, Comparable, Codable {
    public var year: Int, month: Int, day: Int
    public init?(year: Int, month: Int, day: Int) { self.year = year; self.month = month; self.day = day }
    public init?(iso: String) { fatalError() }
    public var iso: String { "" }
    public var dayNumber: Int { 0 }
    public init(dayNumber: Int) { fatalError() }
    public func adding(days: Int) -> CalendarDate { self }
    public func adding(months: Int) -> CalendarDate { self }
    public var weekday: Weekday { .monday }
    public static func < (a: CalendarDate, b: CalendarDate) -> Bool { false }
}
public struct TimeOfDay: Sendable, Hashable, Comparable, Codable { public var hour: Int, minute: Int
    public init?(text: String) { fatalError() }
    public static func < (a: TimeOfDay, b: TimeOfDay) -> Bool { false }
    public var text: String { "" }
}
public struct Instant: Sendable, Hashable, Comparable, Codable { public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }
    public var date: CalendarDate { fatalError() }
    public var time: TimeOfDay { fatalError() }
    public var iso: String { "" }
    public init?(iso: String) { fatalError() }
    public static func < (a: Instant, b: Instant) -> Bool { false }
}
public struct RuleError: Error, Equatable, CustomStringConvertible { public var message: String; public var description: String { message } }
public struct Cadence: Sendable, Hashable, Codable { public var everyMonths: Int
    public init?(text: String) { fatalError() }
    public var text: String { "" }
    public func nextMeeting(after last: CalendarDate) -> CalendarDate { last }
    public func firstOnOrAfter(_ d: CalendarDate) -> CalendarDate { d }
    public func schedule(after last: CalendarDate, count: Int) -> [CalendarDate] { [] }
}
public struct DueDate: Sendable, Hashable, Codable {
    public enum Kind: Sendable, Hashable, Codable { case on(CalendarDate), byMonth(year: Int, month: Int), range(from: CalendarDate, to: CalendarDate), ongoing, unspecified }
    public var kind: Kind; public var text: String
    public static func parse(_ text: String, today: CalendarDate, nextMeeting: CalendarDate?) -> Result<DueDate, RuleError> { fatalError() }
    public var deadline: CalendarDate? { nil }
    public func isOverdue(on today: CalendarDate) -> Bool { false }
}
public enum PapersRule: Sendable, Hashable, Codable { case fridayBefore, daysBefore(Int), none }
public struct AgendaDeadlines: Sendable, Hashable, Codable { public var submissionLeadDays: Int; public var papers: PapersRule
    public init(submissionLeadDays: Int, papers: PapersRule) { self.submissionLeadDays = submissionLeadDays; self.papers = papers }
    public func submissionDeadline(for meeting: CalendarDate) -> CalendarDate { meeting }
    public func papersDate(for meeting: CalendarDate) -> CalendarDate? { nil }
}
public enum QuorumRule: Sendable, Hashable, Codable { case none, members(Int), fractionOfMembers(numerator: Int, denominator: Int), organisations(Int), membersAndOrganisations(members: Int, organisations: Int)
    public init?(text: String) { fatalError() }
    public var text: String { "" }
    public func evaluate(_ input: QuorumInput) -> QuorumStatus { fatalError() }
}
public struct QuorumInput: Sendable { public var memberCount: Int; public var present: [QuorumAttendee]
    public init(memberCount: Int, present: [QuorumAttendee]) { self.memberCount = memberCount; self.present = present } }
public struct QuorumAttendee: Sendable { public var personID: String; public var organisationID: String?; public var counts: Bool
    public init(personID: String, organisationID: String?, counts: Bool) { self.personID = personID; self.organisationID = organisationID; self.counts = counts } }
public struct QuorumStatus: Sendable, Hashable { public var isQuorate: Bool; public var have: Int; public var need: Int; public var summary: String }
public enum VotingRule: Sendable, Hashable, Codable { case consensus, onePerMember(chairCastingVote: Bool), onePerCoreOrganisation(chairCastingVote: Bool)
    public init?(text: String) { fatalError() }
    public var text: String { "" } }
public enum VoteChoice: String, Sendable, Hashable, Codable { case `for`, against, abstain }
public struct Ballot: Sendable, Hashable, Codable { public var voterID: String; public var choice: VoteChoice
    public init(voterID: String, choice: VoteChoice) { self.voterID = voterID; self.choice = choice } }
public enum VoteOutcome: String, Sendable, Hashable, Codable { case carried, lost, tiedNoCastingVote }
public struct VoteTally: Sendable, Hashable, Codable { public var forCount: Int, againstCount: Int, abstainCount: Int; public var castingVote: VoteChoice?; public var outcome: VoteOutcome; public var summary: String
    public static func tally(ballots: [Ballot], eligibleVoters: Set<String>, rule: VotingRule, castingVote: VoteChoice?) -> Result<VoteTally, RuleError> { fatalError() } }
