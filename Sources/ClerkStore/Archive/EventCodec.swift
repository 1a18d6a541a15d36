import ClerkCore
import Foundation

/// Turns events into journal payloads and back. The `type` and `v` of a record select
/// the payload's shape; records written by older versions are upgraded here, on read,
/// so that the fold only ever sees current events.
public enum EventCodec {
    public struct DecodeError: Error, CustomStringConvertible {
        public var description: String
    }

    private static let encoder: JSONEncoder = {
        let e = JSONEncoder()
        e.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return e
    }()

    public static func encode(_ event: Event) throws -> [UInt8] {
        switch event {
        case .organisationAdded(let p): return try bytes(p)
        case .personAdded(let p), .personUpdated(let p): return try bytes(p)
        case .committeeCreated(let p): return try bytes(p)
        case .termsChanged(let p): return try bytes(p)
        case .membershipStarted(let p): return try bytes(p)
        case .membershipEnded(let p): return try bytes(p)
        case .seatCorrected(let p): return try bytes(p)
        case .meetingScheduled(let p): return try bytes(p)
        case .meetingMoved(let p): return try bytes(p)
        case .meetingCancelled(let p): return try bytes(p)
        case .meetingInCommon(let p): return try bytes(p)
        case .agendaPublished(let p), .minutesCirculated(let p): return try bytes(p)
        case .meetingStarted(let p): return try bytes(p)
        case .meetingClosed(let p): return try bytes(p)
        case .minutesApproved(let p): return try bytes(p)
        case .actionRaised(let p): return try bytes(p)
        case .actionUpdated(let p): return try bytes(p)
        case .actionEdited(let p): return try bytes(p)
        case .objectiveSet(let p): return try bytes(p)
        case .objectiveRemoved(let p): return try bytes(p)
        case .accountsSet(let p): return try bytes(p)
        case .confidentialBarred(let p): return try bytes(p)
        case .itemAdded(let p): return try bytes(p)
        case .itemEdited(let p): return try bytes(p)
        case .itemMoved(let p): return try bytes(p)
        case .itemRemoved(let p): return try bytes(p)
        case .currentItemSet(let p): return try bytes(p)
        case .attendanceMarked(let p): return try bytes(p)
        case .attendanceCleared(let p): return try bytes(p)
        case .declarationRecorded(let p): return try bytes(p)
        case .declarationWithdrawn(let p): return try bytes(p)
        case .entryAdded(let p): return try bytes(p)
        case .entryEdited(let p): return try bytes(p)
        case .entryRemoved(let p): return try bytes(p)
        case .entryConflicted(let p): return try bytes(p)
        case .conflictResolved(let p): return try bytes(p)
        case .voteRecorded(let p): return try bytes(p)
        case .quorumChanged(let p): return try bytes(p)
        case .guestAdded(let p): return try bytes(p)
        case .guestRemoved(let p): return try bytes(p)
        case .referencesAssigned(let p): return try bytes(p)
        case .referencesCounted(let p): return try bytes(p)
        }
    }

    public static func decode(type: String, version: Int, data: [UInt8]) throws -> Event {
        guard let kind = Event.Kind(rawValue: type) else {
            throw DecodeError(description: "unknown event type '\(type)': written by a newer clerk? upgrade clerk to read it")
        }
        guard version >= 1, version <= kind.version else {
            throw DecodeError(description: "\(type) version \(version) is newer than this clerk reads (\(kind.version)); upgrade clerk")
        }
        if let key = DuplicateKeys.first(in: data) {
            throw DecodeError(description: "\(type) payload gives the key \(IDGrammar.shown(key)) twice; which one is meant is unclear")
        }
        let payload = version < kind.version ? try upgrade(kind, from: version, data) : Data(data)
        let d = JSONDecoder()
        do {
            switch kind {
            case .organisationAdded: return .organisationAdded(try d.decode(Organisation.self, from: payload))
            case .personAdded: return .personAdded(try d.decode(Person.self, from: payload))
            case .personUpdated: return .personUpdated(try d.decode(Person.self, from: payload))
            case .committeeCreated: return .committeeCreated(try d.decode(Committee.self, from: payload))
            case .termsChanged: return .termsChanged(try d.decode(TermsChanged.self, from: payload))
            case .membershipStarted: return .membershipStarted(try d.decode(MembershipChange.self, from: payload))
            case .membershipEnded: return .membershipEnded(try d.decode(MembershipEnded.self, from: payload))
            case .seatCorrected: return .seatCorrected(try d.decode(SeatCorrected.self, from: payload))
            case .meetingScheduled: return .meetingScheduled(try d.decode(Meeting.self, from: payload))
            case .meetingMoved: return .meetingMoved(try d.decode(MeetingMoved.self, from: payload))
            case .meetingCancelled: return .meetingCancelled(try d.decode(MeetingCancelled.self, from: payload))
            case .meetingInCommon: return .meetingInCommon(try d.decode(MeetingInCommon.self, from: payload))
            case .agendaPublished: return .agendaPublished(try d.decode(MeetingDated.self, from: payload))
            case .meetingStarted: return .meetingStarted(try d.decode(MeetingTimed.self, from: payload))
            case .meetingClosed: return .meetingClosed(try d.decode(MeetingClosed.self, from: payload))
            case .minutesCirculated: return .minutesCirculated(try d.decode(MeetingDated.self, from: payload))
            case .minutesApproved: return .minutesApproved(try d.decode(MinutesApproved.self, from: payload))
            case .actionRaised: return .actionRaised(try d.decode(Action.self, from: payload))
            case .actionUpdated: return .actionUpdated(try d.decode(ActionUpdated.self, from: payload))
            case .actionEdited: return .actionEdited(try d.decode(ActionEdited.self, from: payload))
            case .objectiveSet: return .objectiveSet(try d.decode(Objective.self, from: payload))
            case .objectiveRemoved: return .objectiveRemoved(try d.decode(ObjectiveRemoved.self, from: payload))
            case .accountsSet: return .accountsSet(try d.decode(AccountsSet.self, from: payload))
            case .confidentialBarred: return .confidentialBarred(try d.decode(ConfidentialBarred.self, from: payload))
            case .itemAdded: return .itemAdded(try d.decode(ItemAdded.self, from: payload))
            case .itemEdited: return .itemEdited(try d.decode(ItemEdited.self, from: payload))
            case .itemMoved: return .itemMoved(try d.decode(ItemMoved.self, from: payload))
            case .itemRemoved: return .itemRemoved(try d.decode(ItemRemoved.self, from: payload))
            case .currentItemSet: return .currentItemSet(try d.decode(CurrentItemSet.self, from: payload))
            case .attendanceMarked: return .attendanceMarked(try d.decode(AttendanceMarked.self, from: payload))
            case .attendanceCleared: return .attendanceCleared(try d.decode(AttendanceCleared.self, from: payload))
            case .declarationRecorded: return .declarationRecorded(try d.decode(DeclarationRecorded.self, from: payload))
            case .declarationWithdrawn: return .declarationWithdrawn(try d.decode(DeclarationWithdrawn.self, from: payload))
            case .entryAdded: return .entryAdded(try d.decode(EntryAdded.self, from: payload))
            case .entryEdited: return .entryEdited(try d.decode(EntryEdited.self, from: payload))
            case .entryRemoved: return .entryRemoved(try d.decode(EntryRemoved.self, from: payload))
            case .entryConflicted: return .entryConflicted(try d.decode(EntryConflicted.self, from: payload))
            case .conflictResolved: return .conflictResolved(try d.decode(ConflictResolved.self, from: payload))
            case .voteRecorded: return .voteRecorded(try d.decode(VoteRecorded.self, from: payload))
            case .quorumChanged: return .quorumChanged(try d.decode(QuorumChanged.self, from: payload))
            case .guestAdded: return .guestAdded(try d.decode(GuestAdded.self, from: payload))
            case .guestRemoved: return .guestRemoved(try d.decode(GuestRemoved.self, from: payload))
            case .referencesAssigned: return .referencesAssigned(try d.decode(ReferencesAssigned.self, from: payload))
            case .referencesCounted: return .referencesCounted(try d.decode(ReferencesCounted.self, from: payload))
            }
        } catch let error as DecodingError {
            throw DecodeError(description: "\(type) v\(version) payload does not match its shape: \(summary(error))")
        } catch {
            throw DecodeError(description: "\(type) v\(version) payload is not JSON: \(error)")
        }
    }

    /// Upgrades for old payload shapes, one step at a time.
    ///
    /// meeting.scheduled v1 (before extra meetings existed) had no `isExtra` and named the
    /// place `place`; v2 calls it `venue` and adds `isExtra`.
    static func upgrade(_ kind: Event.Kind, from version: Int, _ data: [UInt8]) throws -> Data {
        guard var object = try JSONSerialization.jsonObject(with: Data(data)) as? [String: Any] else {
            throw DecodeError(description: "\(kind.rawValue) v\(version) payload is not a JSON object")
        }
        var v = version
        while v < kind.version {
            switch (kind, v) {
            case (.meetingScheduled, 1):
                object["venue"] = object.removeValue(forKey: "place") ?? ""
                object["isExtra"] = false
            default:
                throw DecodeError(description: "no upgrade from \(kind.rawValue) v\(v)")
            }
            v += 1
        }
        return try JSONSerialization.data(withJSONObject: object)
    }

    private static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        Array(try encoder.encode(value))
    }

    private static func summary(_ error: DecodingError) -> String {
        switch error {
        case .keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .dataCorrupted(let c):
            "at '\(c.codingPath.map(\.stringValue).joined(separator: "."))': \(c.debugDescription)"
        @unknown default: "\(error)"
        }
    }
}
