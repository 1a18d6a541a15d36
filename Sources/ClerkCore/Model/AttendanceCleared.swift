/// A person's attendance mark taken back (marked by mistake): not yet marked again. When
/// the mistaken mark had itself made the meeting quorate or inquorate, the quorum change
/// minuted with it is taken back too (`retractsQuorumChange`), not answered by another.
public struct AttendanceCleared: Sendable, Hashable, Codable {
    public var meetingID: MeetingID
    public var personID: PersonID
    public var retractsQuorumChange: Bool?
    public init(meetingID: MeetingID, personID: PersonID, retractsQuorumChange: Bool? = nil) {
        self.meetingID = meetingID; self.personID = personID; self.retractsQuorumChange = retractsQuorumChange
    }
}
