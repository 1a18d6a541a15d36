import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// docs/journal-format.md §13 shows every record type as clerk writes it: two segments, an
/// archive's and a meeting's. Each example is read back with the real segment reader
/// (shape, checksum, sequence) and the real event decoder, must encode to the same bytes
/// (so the doc shows exactly what clerk writes), and must fold without an anomaly; a type
/// missing from the doc fails. The meeting's records carry an author (§16), the archive's
/// none, as older archives' records. CLERK_RECORD=1 rewrites the examples from `archive` and
/// `meeting` below.
@Suite struct JournalFormatDocTests {
    static let docPath = "docs/journal-format.md"
    static let at = "2026-11-23T18:55:00Z"

    static var root: URL {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/", !FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) {
            url.deleteLastPathComponent()
        }
        return url
    }

    static let day = CalendarDate(iso: "2026-12-17")!
    static let meetingID = "whpl-2026-12-17"
    /// Who wrote the meeting's examples: Mark Jones, through the account linked to him.
    static let author = Author(account: "mjones", person: "mark-jones")

    static let archive: [Event] = {
        let due = DueDate(kind: .byMonth(year: 2027, month: 1), text: "by January 2027")
        var terms = TermsOfReference(purpose: "To lead practice-based commissioning in West Herts.",
                                     cadence: Cadence(everyMonths: 1, day: .nthWeekday(ordinal: 3, weekday: .thursday)),
                                     quorum: .organisations(4), voting: .onePerCoreOrganisation(chairCastingVote: true),
                                     deadlines: AgendaDeadlines(submissionLeadDays: 14, papers: .fridayBefore),
                                     standingItems: [.apologies, .declarations, .anyOtherBusiness])
        let committee = Committee(id: "west-herts-pbc-leads", name: "West Herts PBC Leads", code: "whpl", terms: terms,
                                  coreOrganisations: ["daccom"],
                                  memberships: [Membership(personID: "mark-jones", organisationID: "daccom", role: .chair)])
        terms.quorum = .membersAndOrganisations(members: 3, organisations: 2)
        terms.standingItems = [StandingItemSpec(kind: .apologies, title: "Welcome and apologies"), .declarations,
                               StandingItemSpec(kind: nil, title: "Patient story", onByDefault: false), .anyOtherBusiness]
        terms.defaultVenue = "Committee Room 2"
        terms.references = ItemReferenceScheme(pattern: "WH/{yy}{yy+1}/{n:03}", restartMonth: 4)
        let action = Action(id: "a-1", committeeID: committee.id, meetingID: meetingID, itemID: "i-2", number: 1,
                            text: "to circulate the draft commissioning plan", owner: .person("mark-jones"), due: due,
                            raisedOn: day)
        return [
            .organisationAdded(Organisation(id: "daccom", name: "DacCom", group: "West Herts PBC Leads")),
            .personAdded(Person(id: "mark-jones", name: "Mark Jones", letters: "PM", organisationID: "daccom", initials: "MJ")),
            .personUpdated(Person(id: "mark-jones", name: "Mark Jones", title: "Mr", letters: "PM", organisationID: "daccom",
                                  initials: "MJ")),
            .personAdded(Person(id: "anne-walker", name: "Anne Walker", position: "Adviser", initials: "AW")),
            .committeeCreated(committee),
            .termsChanged(TermsChanged(committeeID: committee.id, name: committee.name, terms: terms, coreOrganisations: ["daccom"])),
            .membershipStarted(MembershipChange(committeeID: committee.id, membership: Membership(
                personID: "anne-walker", organisationID: nil, role: .adviser, from: CalendarDate(iso: "2026-12-01")))),
            .membershipEnded(MembershipEnded(committeeID: committee.id, personID: "anne-walker", until: CalendarDate(iso: "2027-03-31")!)),
            .meetingScheduled(Meeting(id: meetingID, committeeID: committee.id, title: "West Herts PBC Leads", date: day,
                                      start: TimeOfDay(hour: 12, minute: 30), end: TimeOfDay(hour: 14, minute: 0),
                                      venue: "Hemel Hempstead")),
            .committeeCreated(Committee(id: "dacorum-pbc", name: "Dacorum PBC", code: "dpbc", terms: TermsOfReference(),
                                        memberships: [Membership(personID: "mark-jones", organisationID: "daccom", role: .member)])),
            .meetingInCommon(MeetingInCommon(meetingID: meetingID, committees: ["dacorum-pbc"], chair: "mark-jones")),
            .meetingScheduled(Meeting(id: "whpl-2027-01-21", committeeID: committee.id, title: "West Herts PBC Leads",
                                      date: CalendarDate(iso: "2027-01-21")!)),
            .meetingMoved(MeetingMoved(meetingID: "whpl-2027-01-21", date: CalendarDate(iso: "2027-01-28")!,
                                       start: TimeOfDay(hour: 13, minute: 0), end: nil, venue: "Watford")),
            .meetingCancelled(MeetingCancelled(meetingID: "whpl-2027-01-21", reason: "Too few members could attend")),
            .agendaPublished(MeetingDated(meetingID: meetingID, on: CalendarDate(iso: "2026-12-11")!)),
            .referencesCounted(ReferencesCounted(committeeID: committee.id, year: 2026, last: 17)),
            .meetingStarted(MeetingTimed(meetingID: meetingID, at: Instant(iso: "2026-12-17T12:32:00Z")!)),
            .meetingClosed(MeetingClosed(meetingID: meetingID, at: Instant(iso: "2026-12-17T13:58:00Z")!, nextMeetingID: nil)),
            .minutesCirculated(MeetingDated(meetingID: meetingID, on: CalendarDate(iso: "2026-12-22")!)),
            .minutesApproved(MinutesApproved(meetingID: meetingID, on: CalendarDate(iso: "2027-01-21")!, atMeetingID: nil)),
            .actionRaised(action),
            .actionUpdated(ActionUpdated(actionID: "a-1", update: ActionUpdate(
                on: CalendarDate(iso: "2027-01-10")!, status: .inProgress, note: "Draft with the PCT", meetingID: nil, by: "mark-jones"))),
            .actionEdited(ActionEdited(actionID: "a-1", text: "to circulate the final commissioning plan",
                                       owner: .organisation("daccom"), due: DueDate(kind: .on(CalendarDate(iso: "2027-01-31")!),
                                                                                    text: "31 January 2027"))),
            .objectiveSet(Objective(id: "o-1", committeeID: committee.id, theme: "Commissioning", number: "1.1",
                                    text: "Agree the commissioning plan", leads: ["MJ"],
                                    timescale: DueDate(kind: .ongoing, text: "Ongoing"), status: "In hand")),
            .objectiveSet(Objective(id: "o-2", committeeID: committee.id, theme: "Commissioning", number: "1.2",
                                    text: "Review the budgets", leads: ["AW"],
                                    timescale: DueDate(kind: .range(from: CalendarDate(iso: "2027-02-01")!,
                                                                    to: CalendarDate(iso: "2027-03-15")!),
                                                       text: "February/mid March 2027"), status: "")),
            .objectiveRemoved(ObjectiveRemoved(objectiveID: "o-2")),
            .accountsSet(AccountsSet(personID: "mark-jones", accounts: ["mjones"])),
            .confidentialBarred(ConfidentialBarred(committeeID: committee.id, personID: "anne-walker", barred: true)),
            .seatCorrected(SeatCorrected(committeeID: committee.id, personID: "mark-jones", seatFrom: nil, organisationID: "daccom",
                                         from: CalendarDate(iso: "2026-12-01"), until: nil)),
        ]
    }()

    static let meeting: [Event] = {
        let m = meetingID
        let tally = VoteTally(forCount: 1, againstCount: 0, abstainCount: 0, castingVote: nil, outcome: .carried,
                              summary: "carried: 1 for, 0 against, 0 abstentions (one vote per core organisation)")
        return [
            .itemAdded(ItemAdded(meetingID: m, item: AgendaItem(id: "i-1", title: "Apologies", standing: .apologies))),
            .itemAdded(ItemAdded(meetingID: m, item: AgendaItem(id: "i-2", title: "Commissioning plan", presenter: "MJ",
                                                                papers: ["Draft plan v3"], minutes: 20), after: "i-1")),
            .itemAdded(ItemAdded(meetingID: m, item: AgendaItem(id: "i-3", parentID: "i-2", title: "Budgets", confidential: true))),
            .itemAdded(ItemAdded(meetingID: m, item: AgendaItem(
                id: "i-4", title: "Carried forward", refersTo: ItemRef(meetingID: m, itemID: "i-2", number: "2", carried: true)))),
            .itemEdited(ItemEdited(meetingID: m, item: AgendaItem(id: "i-2", title: "Commissioning plan 2027/28", presenter: "MJ",
                                                                  papers: ["Draft plan v4"], minutes: 25,
                                                                  description: "Report of the Chair"))),
            .referencesAssigned(ReferencesAssigned(meetingID: m, references: [ItemReference(itemID: "i-1", reference: "WH/2627/016"),
                                                                              ItemReference(itemID: "i-2", reference: "WH/2627/017")])),
            .itemMoved(ItemMoved(meetingID: m, itemID: "i-4", parentID: nil, after: "i-1")),
            .itemRemoved(ItemRemoved(meetingID: m, itemID: "i-4")),
            .currentItemSet(CurrentItemSet(meetingID: m, itemID: "i-2", at: Instant(iso: "2026-12-17T12:40:00Z")!)),
            .attendanceMarked(AttendanceMarked(meetingID: m, attendance: Attendance(
                personID: "mark-jones", presence: .present, arrived: TimeOfDay(hour: 12, minute: 30)))),
            .attendanceMarked(AttendanceMarked(meetingID: m, attendance: Attendance(
                personID: "anne-walker", presence: .deputy(for: "mark-jones", confirmedException: true), committeeID: "dacorum-pbc"))),
            .declarationRecorded(DeclarationRecorded(meetingID: m, declaration: Declaration(
                id: "d-1", personID: "anne-walker", itemID: "i-3", interest: "Partner at a practice bidding for the service"))),
            .declarationWithdrawn(DeclarationWithdrawn(meetingID: m, declarationID: "d-1")),
            .entryAdded(EntryAdded(meetingID: m, entry: MinuteEntry(id: "e-1", itemID: "i-2", kind: .decision,
                                                                   text: "the plan be submitted by 31 January."))),
            .entryEdited(EntryEdited(meetingID: m, entryID: "e-1", kind: .noted,
                                     splices: [Splice(at: 25, delete: 10, insert: "the end of January")])),
            .entryEdited(EntryEdited(meetingID: m, entryID: "e-1", splices: [], committees: ["dacorum-pbc"])),
            .entryAdded(EntryAdded(meetingID: m, entry: MinuteEntry(id: "e-2", itemID: "i-2", kind: .correction,
                                                                   text: "For 'PCT' read 'PBC'.", correctedOn: CalendarDate(iso: "2027-01-21")))),
            .entryRemoved(EntryRemoved(meetingID: m, entryID: "e-2")),
            .entryConflicted(EntryConflicted(meetingID: m, conflict: MinuteConflict(
                id: "c-1", entryID: "e-1", itemID: "i-2", kind: .noted, base: "the plan be submitted by 31 January.",
                text: "the plan be submitted in February.", by: "anne-walker"))),
            .conflictResolved(ConflictResolved(meetingID: m, conflictID: "c-1", choice: .recorded)),
            .voteRecorded(VoteRecorded(meetingID: m, vote: Vote(id: "v-1", itemID: "i-2", motion: "To approve the plan",
                                                                 ballots: [Ballot(voterID: "daccom", choice: .for)],
                                                                 castingVote: nil, tally: tally))),
            .quorumChanged(QuorumChanged(meetingID: m, change: QuorumChange(
                at: TimeOfDay(hour: 13, minute: 40)!, isQuorate: false, summary: "INQUORATE: 1 of 4 organisations"))),
            .guestAdded(GuestAdded(meetingID: m, guest: Guest(id: "g-1", name: "Jo Bloggs", post: "Head of Estates",
                                                             organisation: "Dacorum Borough Council", role: .presenter, itemID: "i-2"))),
            .guestRemoved(GuestRemoved(meetingID: m, guestID: "g-1")),
            .attendanceCleared(AttendanceCleared(meetingID: m, personID: "mark-jones", retractsQuorumChange: true)),
        ]
    }()

    /// The segment clerk writes for `events`, by the real writer.
    static func segment(_ events: [Event], author: Author? = nil) throws -> String {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let seg = try Segment(path: dir.file("seg.jsonl"), mode: .append)
        defer { seg.close() }
        _ = try seg.append(try events.map {
            let data = try EventCodec.encode($0)
            return NewRecord(type: $0.kind.rawValue, version: $0.kind.version, at: at, data: author?.signing(data) ?? data)
        })
        return String(decoding: readBytes(dir.file("seg.jsonl")), as: UTF8.self)
    }

    /// The lines of the fenced block that follows `marker` in the doc.
    static func block(after marker: String, in doc: String) -> String? {
        guard let m = doc.range(of: marker), let open = doc.range(of: "```jsonl\n", range: m.upperBound..<doc.endIndex),
              let close = doc.range(of: "```\n", range: open.upperBound..<doc.endIndex) else { return nil }
        return String(doc[open.upperBound..<close.lowerBound])
    }

    static let archiveMarker = "<!-- example: journal/archive.jsonl -->"
    static let meetingMarker = "<!-- example: journal/meetings/whpl-2026-12-17.jsonl -->"

    @Test func everyRecordTypeIsShownAsClerkWritesIt() throws {
        let url = Self.root.appendingPathComponent(Self.docPath)
        var doc = try String(contentsOf: url, encoding: .utf8)
        if ProcessInfo.processInfo.environment["CLERK_RECORD"].map({ !$0.isEmpty && $0 != "0" }) == true {
            for (marker, events, author) in [(Self.archiveMarker, Self.archive, nil), (Self.meetingMarker, Self.meeting, Self.author)] {
                let old = try #require(Self.block(after: marker, in: doc), "no block after \(marker)")
                let start = try #require(doc.range(of: marker)).upperBound
                let at = try #require(doc.range(of: "```jsonl\n" + old, range: start..<doc.endIndex))
                doc.replaceSubrange(at, with: "```jsonl\n" + (try Self.segment(events, author: author)))
            }
            try doc.write(to: url, atomically: true, encoding: .utf8)
        }

        var shown = Set<Event.Kind>()
        var state = ArchiveState()
        var record = MeetingRecord(meetingID: Self.meetingID)
        for (marker, isArchive) in [(Self.archiveMarker, true), (Self.meetingMarker, false)] {
            let author = isArchive ? nil : Self.author
            let text = try #require(Self.block(after: marker, in: doc), "docs/journal-format.md has no example after \(marker)")
            let dir = try TempDir()
            defer { dir.cleanUp() }
            writeBytes(Array(text.utf8), to: dir.file("seg.jsonl"))
            let read = try Segment(path: dir.file("seg.jsonl"), mode: .readOnly).read()
            #expect(read.damage == nil, "an example line is not a valid record: \(String(describing: read.damage))")
            #expect(read.records.count == text.split(separator: "\n").count)
            for located in read.records {
                let r = located.record
                let event = try EventCodec.decode(type: r.type, version: r.version, data: r.data)
                #expect(r.version == event.kind.version, "\(r.type) is shown at v\(r.version), clerk writes v\(event.kind.version)")
                #expect(Author.read(r.data) == author, "\(r.type): author")
                let encoded = try EventCodec.encode(event)
                let written = author?.signing(encoded) ?? encoded
                #expect(written == r.data, "\(r.type): clerk writes \(String(decoding: written, as: UTF8.self))")
                shown.insert(event.kind)
                if isArchive { state.apply(event) } else { record.apply(event) }
            }
        }
        #expect(state.anomalies.isEmpty && record.anomalies.isEmpty, "\(state.anomalies + record.anomalies)")
        for kind in Event.Kind.allCases {
            #expect(shown.contains(kind), "docs/journal-format.md §13 shows no \(kind.rawValue) record")
        }
        // The segments the examples come from are the doc's, byte for byte.
        let archive = try Self.segment(Self.archive), meeting = try Self.segment(Self.meeting, author: Self.author)
        #expect(Self.block(after: Self.archiveMarker, in: doc) == archive)
        #expect(Self.block(after: Self.meetingMarker, in: doc) == meeting)
    }
}
