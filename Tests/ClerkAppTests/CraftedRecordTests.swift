import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Records written by someone who can append to the journal (a member of the writers'
/// group, a damaged backup restored by hand): each kind of nonsense is appended with a
/// valid checksum, by the real segment writer, to a copy of the demo archive. None may
/// crash clerk or make the archive unopenable; `clerk check` names each by file and line
/// and exits non-zero; every other command still runs on the rest of the archive.
@Suite(.serialized) struct CraftedRecordTests {
    static let meeting = "hpbc-2008-04-22"
    static let otherMeeting = "whpl-2026-12-17"
    static let committee = "herts-pbc-leads"
    /// In the demo: i-1 is a top-level item with sub-items (i-2 among them); e-1 is minuted under i-2.
    static let parent = "i-1", child = "i-2", entry = "e-1"

    enum Where: Sendable { case archive, meeting }

    struct Crafted: Sendable, CustomTestStringConvertible {
        var name: String
        var place: Where
        var type: String
        var version = 1
        var json: String
        var testDescription: String { name }
    }

    static func encoded(_ event: Event) -> String {
        String(decoding: try! EventCodec.encode(event), as: UTF8.self)
    }

    static func terms(_ change: (inout TermsOfReference) -> Void) -> Event {
        var terms = TermsOfReference(secretariat: "LMC/PCT Liaison Manager (Herts)")
        change(&terms)
        return .termsChanged(TermsChanged(committeeID: committee, name: "Hertfordshire PBC Leads", terms: terms, coreOrganisations: []))
    }

    static let kinds: [Crafted] = {
        let m = meeting, big = Int.max
        func event(_ name: String, _ place: Where, _ e: Event) -> Crafted {
            Crafted(name: name, place: place, type: e.kind.rawValue, json: encoded(e))
        }
        func item(_ item: AgendaItem, in meetingID: MeetingID = m) -> Event { .itemAdded(ItemAdded(meetingID: meetingID, item: item)) }
        let due = DueDate(kind: .on(CalendarDate(iso: "2026-12-01")!), text: "1 December 2026")
        func action(committee: CommitteeID, number: Int = 1, due: DueDate = due) -> Event {
            .actionRaised(Action(id: "a-crafted", committeeID: committee, meetingID: m, itemID: nil, number: number, text: "x",
                                 owner: .organisation("lmc"), due: due, raisedOn: CalendarDate(iso: "2008-04-22")!))
        }
        return [
            event("a splice whose at + delete overflows", .meeting,
                  .entryEdited(EntryEdited(meetingID: m, entryID: entry, splices: [Splice(at: big, delete: 1, insert: "x")]))),
            event("a splice deleting Int.max scalars", .meeting,
                  .entryEdited(EntryEdited(meetingID: m, entryID: entry, splices: [Splice(at: 1, delete: big, insert: "x")]))),
            event("a negative splice", .meeting,
                  .entryEdited(EntryEdited(meetingID: m, entryID: entry, splices: [Splice(at: -3, delete: 1, insert: "x")]))),
            event("an entry on an unknown item", .meeting,
                  .entryAdded(EntryAdded(meetingID: m, entry: MinuteEntry(id: "e-crafted", itemID: "i-nowhere", kind: .note, text: "x")))),
            event("another meeting's id inside a meeting file", .meeting,
                  item(AgendaItem(id: "i-crafted", title: "Elsewhere"), in: otherMeeting)),
            event("a meeting id that is a path", .archive,
                  .meetingScheduled(Meeting(id: "../../x", committeeID: committee, title: "x", date: CalendarDate(iso: "2026-12-01")!))),
            event("a tab in an id", .archive, .personAdded(Person(id: "tab\there", name: "Tab Here", initials: "TH"))),
            event("a self-parented item", .meeting, item(AgendaItem(id: "i-self", parentID: "i-self", title: "Self"))),
            event("items forming a cycle", .meeting,
                  .itemMoved(ItemMoved(meetingID: m, itemID: parent, parentID: child, after: nil))),
            Crafted(name: "duplicate JSON keys", place: .meeting, type: "minutes.entry-removed",
                    json: #"{"entryID":"e-none","entryID":"\#(entry)","meetingID":"\#(m)"}"#),
            event("an action of an unknown committee", .archive, action(committee: "no-such-committee")),
            event("an action number out of range", .archive, action(committee: committee, number: big)),
            event("a due month out of range", .archive,
                  action(committee: committee, due: DueDate(kind: .byMonth(year: big, month: 13), text: "by Smarch"))),
            event("agenda minutes out of range", .meeting, item(AgendaItem(id: "i-long", title: "Long", minutes: big))),
            event("deadline days out of range", .archive,
                  terms { $0.deadlines = AgendaDeadlines(submissionLeadDays: big, papers: .daysBefore(big)) }),
            event("a quorum that overflows", .archive,
                  terms { $0.quorum = .fractionOfMembers(numerator: big, denominator: 2) }),
            event("a meeting of an unknown committee", .archive,
                  .meetingScheduled(Meeting(id: "nope-2026-12-01", committeeID: "no-such-committee", title: "x",
                                            date: CalendarDate(iso: "2026-12-01")!))),
            event("attendance of an unknown person", .meeting,
                  .attendanceMarked(AttendanceMarked(meetingID: m, attendance: Attendance(personID: "nobody-at-all", presence: .present)))),
            Crafted(name: "an unknown record type", place: .archive, type: "meeting.frobbed", json: #"{"meetingID":"\#(m)"}"#),
            Crafted(name: "a payload of the wrong shape", place: .meeting, type: "agenda.item-removed", json: #"{"meetingID":"\#(m)"}"#),
            Crafted(name: "a number beyond Int", place: .meeting, type: "minutes.entry-edited",
                    json: #"{"entryID":"\#(entry)","meetingID":"\#(m)","splices":[{"at":99999999999999999999999,"delete":0,"insert":"x"}]}"#),
        ]
    }()

    let clerk: String
    let demo: TempDir

    init() throws {
        clerk = try Products.executable("clerk")
        demo = try TempDir("clerk-crafted")
        let made = try Run(clerk, ["demo", "--init", demo.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    @Test(arguments: kinds) func isSetAsideAndReported(_ crafted: Crafted) throws {
        defer { demo.remove() }
        let archive = demo.path + "/copy"
        try FileManager.default.copyItem(atPath: demo.path + "/archive", toPath: archive)
        let path = crafted.place == .archive ? archive + "/journal/archive.jsonl" : archive + "/journal/meetings/\(Self.meeting).jsonl"

        // A live follower: a reader that has the archive and the meeting open when the record arrives.
        let follower = try ArchiveStore(directory: archive, mode: .readOnly)
        let before = try follower.record(of: Self.meeting)
        #expect(follower.skippedRecords == 0)

        let segment = try Segment(path: path, mode: .append)
        let seq = try segment.append([NewRecord(type: crafted.type, version: crafted.version, at: "2026-11-23T10:00:00Z",
                                                json: crafted.json)])[0]
        segment.close()

        #expect(try follower.refresh())
        let after = try follower.record(of: Self.meeting)
        #expect(follower.skippedRecords == 1, "\(crafted.name): \(follower.state.anomalies + after.anomalies)")
        #expect(after.items == before.items && after.entries == before.entries, "\(crafted.name) changed the record")

        // A fresh open sets it aside too; the rest of the archive is there.
        let fresh = try ArchiveStore(directory: archive, mode: .readOnly)
        let reopened = try fresh.record(of: Self.meeting)
        #expect(fresh.skippedRecords == 1)
        #expect(reopened.entries == before.entries)

        let check = try Run(clerk, ["check", "--data", archive])
        #expect(check.status == 2, "\(crafted.name): check said \(check.stdout)")
        #expect(check.stderr.contains("\(path) line \(seq)"), "\(crafted.name): \(check.stderr)")

        for args in [["meetings"], ["committees"], ["actions", "--format", "json"], ["actions", "--all"],
                     ["export", "minutes", Self.meeting], ["export", "agenda", Self.meeting, "--format", "html"],
                     ["export", "actions", "--format", "csv"], ["export", "calendar"], ["search", "budgets"]] {
            let run = try Run(clerk, args + ["--data", archive, "--today", "2026-11-23"])
            #expect(run.status == 0, "\(crafted.name): clerk \(args.joined(separator: " ")): \(run.stderr)")
        }
        let minutes = try Run(clerk, ["export", "minutes", Self.meeting, "--data", archive])
        #expect(minutes.stdout.contains("Darzi clinic"), "\(crafted.name): the meeting's minutes are gone")
        let meetings = try Run(clerk, ["meetings", "--data", archive])
        #expect(meetings.stdout.contains(Self.otherMeeting) && !meetings.stdout.contains("../"))
    }

    @Test func everyKindIsNamed() {
        #expect(Set(Self.kinds.map(\.name)).count == Self.kinds.count)
        #expect(Self.kinds.count >= 21)
    }
}
