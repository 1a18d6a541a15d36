import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// Every command of the command line, on an archive whose every text field holds escape
/// sequences (OSC 0 and OSC 52 ended by BEL and by ST, CSI, 8-bit CSI and OSC, bidi
/// overrides and isolates, DEL, backspace, CR, tab): no byte of any output — standard
/// output, standard error, or the file written with -o — is a C0 control (other than the
/// line feed and tab, and CR before LF where the format ends lines with CRLF), a C1
/// control or a bidi control. JSON keeps the text exact as \u escapes.
@Suite(.serialized) struct HostileOutputTests {
    static let hostile = "x\u{1B}]0;pwned\u{07}y\u{1B}]52;c;ZXZpbA==\u{1B}\\z\u{1B}[31mred\u{9B}2J\u{9D}0;t\u{9C}"
        + "\u{202E}rlo\u{2066}lri\u{2069}\u{200F}\u{61C}\u{2028}\u{7F}\u{08}\r\t!"
    static let meeting = "evil-2026-11-20"

    let clerk: String
    let dir: TempDir
    var archive: String { dir.path + "/archive" }

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-hostile")
        let made = try Run(clerk, ["demo", "--init", dir.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
        try Self.seed(archive)
    }

    /// Hostile text in every text field, written by the real store.
    static func seed(_ archive: String) throws {
        let h = hostile, m = meeting
        let day = CalendarDate(iso: "2026-11-20")!
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        let due = DueDate(kind: .on(CalendarDate(iso: "2026-11-01")!), text: h)
        try store.commit(at: Instant(iso: "2026-11-20T10:00:00Z")!) { _ in [
            .organisationAdded(Organisation(id: "evil-org", name: h, group: h)),
            .personAdded(Person(id: "evil-person", name: h, title: h, letters: h, position: h, organisationID: "evil-org", initials: "EV")),
            .committeeCreated(Committee(id: "evil", name: h, code: "evil",
                                        terms: TermsOfReference(purpose: h, accountability: h, membershipRule: h, secretariat: h),
                                        memberships: [Membership(personID: "evil-person", organisationID: "evil-org", role: .chair)])),
            .meetingScheduled(Meeting(id: m, committeeID: "evil", title: h, date: day, start: TimeOfDay(hour: 10, minute: 0),
                                      venue: h)),
            .meetingScheduled(Meeting(id: "evil-2026-12-20", committeeID: "evil", title: h, date: CalendarDate(iso: "2026-12-20")!, venue: h)),
            .meetingStarted(MeetingTimed(meetingID: m, at: Instant(iso: "2026-11-20T10:00:00Z")!)),
            .actionRaised(Action(id: "a-evil", committeeID: "evil", meetingID: m, itemID: "i-evil", number: 1, text: h,
                                 owner: .person("evil-person"), due: due, raisedOn: day,
                                 history: [ActionUpdate(on: day, status: .open, note: h)])),
            .actionRaised(Action(id: "a-evil-2", committeeID: "evil", meetingID: m, itemID: nil, number: 2, text: h,
                                 owner: .organisation("evil-org"), due: due, raisedOn: day)),
            .objectiveSet(Objective(id: "o-evil", committeeID: "evil", theme: h, number: "1", text: h, leads: [h],
                                    timescale: due, status: h)),
            .itemAdded(ItemAdded(meetingID: m, item: AgendaItem(id: "i-evil", title: h, presenter: h, papers: [h], minutes: 10))),
            .itemAdded(ItemAdded(meetingID: m, item: AgendaItem(id: "i-evil-sub", parentID: "i-evil", title: h, presenter: h))),
            .attendanceMarked(AttendanceMarked(meetingID: m, attendance: Attendance(personID: "evil-person", presence: .present))),
            .declarationRecorded(DeclarationRecorded(meetingID: m, declaration: Declaration(id: "d-evil", personID: "evil-person",
                                                                                             itemID: "i-evil", interest: h))),
            .entryAdded(EntryAdded(meetingID: m, entry: MinuteEntry(id: "e-evil", itemID: "i-evil", kind: .decision, text: h + "\n" + h))),
            .entryAdded(EntryAdded(meetingID: m, entry: MinuteEntry(id: "e-evil-2", itemID: "i-evil-sub", kind: .note, text: h))),
            .voteRecorded(VoteRecorded(meetingID: m, vote: Vote(
                id: "v-evil", itemID: "i-evil", motion: h, ballots: [Ballot(voterID: "evil-person", choice: .for)], castingVote: nil,
                tally: VoteTally(forCount: 1, againstCount: 0, abstainCount: 0, castingVote: nil, outcome: .carried, summary: h)))),
            .quorumChanged(QuorumChanged(meetingID: m, change: QuorumChange(at: TimeOfDay(hour: 10, minute: 30)!, isQuorate: false,
                                                                           summary: h))),
            .meetingClosed(MeetingClosed(meetingID: m, at: Instant(iso: "2026-11-20T11:00:00Z")!, nextMeetingID: nil)),
            // The account running the tests is this person, so `clerk access show` names them.
            .accountsSet(AccountsSet(personID: "evil-person", accounts: [String(cString: getpwuid(geteuid())!.pointee.pw_name)])),
        ] }
    }

    /// The first forbidden scalar in `output`, described, or nil.
    static func forbidden(in output: String, crlf: Bool) -> String? {
        let scalars = Array(output.unicodeScalars)
        for (i, s) in scalars.enumerated() {
            let v = s.value
            let bad: Bool = switch v {
            case 0x0A, 0x09: false
            case 0x0D: !(crlf && i + 1 < scalars.count && scalars[i + 1] == "\n")
            case 0x00...0x1F, 0x7F...0x9F: true
            case 0x202A...0x202E, 0x2066...0x2069, 0x200E, 0x200F, 0x061C, 0x2028, 0x2029: true
            default: false
            }
            if bad {
                let around = String(String.UnicodeScalarView(scalars[max(0, i - 20)..<i]))
                return "U+\(String(v, radix: 16, uppercase: true)) after \(around.debugDescription)"
            }
        }
        return nil
    }

    struct Case {
        var args: [String]
        /// The file -o writes, read as output too.
        var file: String?
        var crlf = false
        /// Whether the output must show the hostile text (so the scan is not of nothing).
        var showsData = true
        var exitCode: Int32 = 0
    }

    func cases() -> [Case] {
        let m = Self.meeting
        let out = dir.path
        var all: [Case] = [
            Case(args: ["committees"]), Case(args: ["committees", "--format", "json"]),
            Case(args: ["meetings"]), Case(args: ["meetings", "--format", "json"]), Case(args: ["meetings", "--committee", "evil"]),
            Case(args: ["search", "pwned"]), Case(args: ["search", "pwned", "--format", "json"]),
            Case(args: ["search", "pwned", "--include-confidential"]),
            Case(args: ["export", "actions", "--format", "csv", "--all"], crlf: true),
            Case(args: ["export", "actions", "--format", "json", "--all"]),
            Case(args: ["export", "actions", "--format", "csv", "-o", out + "/actions.csv"], file: out + "/actions.csv", crlf: true),
            Case(args: ["export", "actions", "--format", "json", "-o", out + "/actions.json"], file: out + "/actions.json"),
            Case(args: ["export", "calendar"], crlf: true), Case(args: ["export", "calendar", "--actions", "--committee", "evil"], crlf: true),
            Case(args: ["export", "calendar", "-o", out + "/cal.ics"], file: out + "/cal.ics", crlf: true),
            Case(args: ["check"], showsData: false),
            Case(args: ["access", "show"]),
        ]
        for format in ["table", "csv", "json"] {
            all.append(Case(args: ["log", "--format", format], crlf: format == "csv"))
            all.append(Case(args: ["actions", "--all", "--format", format], crlf: format == "csv"))
            all.append(Case(args: ["actions", "--committee", "evil", "--format", format], crlf: format == "csv"))
        }
        for kind in ["minutes", "agenda"] {
            for format in ["txt", "md", "html"] {
                all.append(Case(args: ["export", kind, m, "--format", format]))
                all.append(Case(args: ["export", kind, m, "--format", format, "--include-confidential"]))
                if kind == "minutes" { all.append(Case(args: ["export", kind, m, "--format", format, "--include-confidential", "--audit"])) }
                let file = "\(out)/\(kind).\(format)"
                all.append(Case(args: ["export", kind, m, "--format", format, "-o", file], file: file))
            }
        }
        return all
    }

    @Test func noCommandSendsAControlCharacterFromTheArchive() throws {
        defer { dir.remove() }
        var ran = 0
        for c in cases() {
            let run = try Run(clerk, c.args + ["--data", archive, "--today", "2026-11-23"])
            let label = "clerk " + c.args.joined(separator: " ")
            #expect(run.status == c.exitCode, "\(label): \(run.stderr)")
            var output = run.stdout
            if let file = c.file { output += try String(contentsOfFile: file, encoding: .utf8) }
            if let bad = Self.forbidden(in: output, crlf: c.crlf) { Issue.record("\(label) wrote \(bad)") }
            if let bad = Self.forbidden(in: run.stderr, crlf: false) { Issue.record("\(label) wrote to stderr \(bad)") }
            if c.showsData {
                #expect(output.contains("pwned"), "\(label) did not show the archive's text: \(output.prefix(300))")
            }
            ran += 1
        }
        #expect(ran >= 40)
    }

    @Test func jsonKeepsTheTextExact() throws {
        defer { dir.remove() }
        let run = try Run(clerk, ["actions", "--committee", "evil", "--format", "json", "--data", archive])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains(#"\u001b]0;pwned\u0007"#) && run.stdout.contains(#"\u009b2J"#) && run.stdout.contains(#"\u202e"#))
        let rows = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [[String: Any]])
        #expect(rows.count == 2 && rows.allSatisfy { $0["text"] as? String == Self.hostile })
    }

    @Test func textShowsTheSymbolsTheScreenShows() throws {
        defer { dir.remove() }
        let run = try Run(clerk, ["export", "minutes", Self.meeting, "--format", "html", "--data", archive])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.contains("x␛]0;pwned␇y␛]52;c;ZXZpbA==␛\\z␛[31mred�2J�0;t��rlo�lri����␡␈␍ !"), "\(run.stdout)")
    }

    /// Messages quote what a damaged record holds: shown as symbols, on stderr as on stdout.
    @Test func checkQuotesADamagedRecordSafely() throws {
        defer { dir.remove() }
        let segment = try Segment(path: archive + "/journal/archive.jsonl", mode: .append)
        _ = try segment.append([
            NewRecord(type: "person.added", version: 1, at: "2026-11-23T10:00:00Z",
                      json: #"{"id":"e\u001b]0;pwned\u0007","name":"x","initials":"X"}"#),
            NewRecord(type: "meeting.moved", version: 1, at: "2026-11-23T10:00:00Z",
                      json: #"{"meetingID":"evil-2026-12-20","date":"\u001b]52;c;pwned\u0007\u202e","venue":""}"#),
        ])
        segment.close()
        let run = try Run(clerk, ["check", "--data", archive])
        #expect(run.status == 2)
        #expect(run.stderr.contains("pwned"), "\(run.stderr)")
        #expect(Self.forbidden(in: run.stdout + run.stderr, crlf: false) == nil, "\(run.stderr.debugDescription)")
    }
}
