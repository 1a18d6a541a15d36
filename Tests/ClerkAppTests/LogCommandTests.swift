import ArgumentParser
@testable import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// `clerk log`: who changed what and when, from the records' authors, in the real binary
/// on a demo archive, and as a person barred from confidential items sees it.
@Suite struct LogCommandTests {
    static let meeting = "hpbc-2008-04-22"
    let clerk: String
    let dir: TempDir
    var archive: String { dir.path + "/archive" }

    init() throws {
        clerk = try Products.executable("clerk")
        dir = try TempDir("clerk-log")
        let made = try Run(clerk, ["demo", "--init", dir.path + "/archive", "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    /// CSV's lines (RFC 4180 ends them with CR LF).
    func csvLines(_ text: String) -> [String] { text.components(separatedBy: "\r\n").filter { !$0.isEmpty } }

    func run(_ args: String...) throws -> Run {
        try Run(clerk, ["--data", archive, "--today", "2026-11-23"] + args)
    }

    /// Marks Jane Roe's counterpart (the demo's Dr Peter Graves) present as `author`.
    func markPresent(as author: Author, at instant: Instant) throws {
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        store.author = author
        try store.commit(at: instant) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: Self.meeting))
                .markAttendance("peter-graves", .apologies, at: TimeOfDay(hour: 13, minute: 5)!)
        }
    }

    @Test func theRealBinaryListsWhoChangedWhatNewestFirst() throws {
        let account = SystemAccount.current()
        // The demo was written by the real binary, as the account running it.
        let demo = try run("log", "--limit", "1", "--format", "json")
        #expect(demo.status == 0, "\(demo.stderr)")
        #expect(demo.stdout.contains(#""account" : "\#(account)""#), "\(demo.stdout)")

        try markPresent(as: Author(account: "jroe", person: "peter-graves"), at: Instant(secondsSinceEpoch: 1_900_000_000))
        let csv = try run("log", "--meeting", Self.meeting, "--format", "csv")
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csvLines(csv.stdout)
        #expect(lines.first == "at,when,who,account,person,meeting,type,what")
        // The commit's records first (the mark and any quorum it changed), then the demo's.
        let mine = lines.dropFirst().prefix { $0.hasPrefix("2030-03-17T17:46:40Z,") }
        #expect(mine.contains { $0.hasSuffix(",Dr Peter Graves,jroe,peter-graves,\(Self.meeting),attendance.marked,marked Dr Peter Graves apologies") },
                "\(lines.prefix(4))")
        #expect(mine.allSatisfy { $0.contains(",Dr Peter Graves,jroe,peter-graves,") })
        #expect(lines.count > mine.count + 1 && lines[mine.count + 1].contains(",\(account),"), "\(lines.prefix(4))")

        // A change made by the real binary names the real account; the person once linked.
        #expect(try run("access", "link", "Mark Andrews", account, "--yes").status == 0)
        #expect(try run("access", "link", "Dr Peter Graves", "jroe").status == 0)
        let table = try run("log")
        #expect(table.status == 0, "\(table.stderr)")
        let all = table.stdout.split(separator: "\n").map(String.init)
        #expect(all.first?.hasPrefix("WHEN") == true)
        // The change at a later instant (2030) comes first; then the two links, newest first.
        #expect(all.dropFirst().first?.contains("marked Dr Peter Graves apologies") == true)
        let rows = [all[0]] + all.filter { $0.contains(" linked ") }
        #expect(rows.count == 3, "\(rows)")
        #expect(rows[1].contains("Mark Andrews") && rows[1].contains("linked Dr Peter Graves to jroe"), "\(rows)")
        #expect(rows[2].contains(" \(account) ") && rows[2].contains("linked Dr Mark Andrews to \(account)"), "\(rows)")
        // By person: the records written through the accounts linked to the person.
        let byGraves = csvLines(try run("log", "--person", "PG", "--format", "csv").stdout).dropFirst()
        #expect(byGraves.count == mine.count, "\(byGraves)")
        #expect(byGraves.allSatisfy { $0.contains(",jroe,") })
        #expect(byGraves.contains { $0.hasSuffix("marked Dr Peter Graves apologies") })
    }

    @Test func oldRecordsSayUnknown() throws {
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        try store.commit(at: Instant(secondsSinceEpoch: 1_900_000_000)) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: Self.meeting))
                .markAttendance("peter-graves", .absent, at: TimeOfDay(hour: 13, minute: 5)!)
        }
        let r = try run("log", "--limit", "1", "--format", "csv")
        #expect(csvLines(r.stdout).last?.contains(",unknown,,,\(Self.meeting),") == true, "\(r.stdout)")
    }

    @Test func badInputGetsOneLineAndChangesNothing() throws {
        let journal = archive + "/journal/archive.jsonl"
        let before = try Data(contentsOf: URL(fileURLWithPath: journal))
        for args in [["--meeting", "no-such-meeting"], ["--meeting", "../../x"], ["--person", "Nobody Known"], ["--limit", "0"],
                     ["--limit", "-3"], ["--limit", "many"], ["--format", "xml"], ["extra"]] {
            let r = try Run(clerk, ["--data", archive, "log"] + args)
            #expect(r.status != 0, "\(args)")
            #expect(r.stdout.isEmpty, "\(args)")
            #expect(r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
        #expect(try run("log", "--meeting", "no-such-meeting").stderr == "clerk: no meeting 'no-such-meeting'; run 'clerk meetings' to list meeting ids\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: journal)) == before)
    }

    /// Times are shown by the one clock: here one ten hours behind UTC.
    @Test func timesAreLocalByTheClock() throws {
        let now = ClockReading(instant: Instant(secondsSinceEpoch: 1_900_000_000), today: CalendarDate(year: 2030, month: 3, day: 17)!,
                               time: TimeOfDay(hour: 7, minute: 46)!)
        let clock = Clock(reading: { now })
        #expect(Log.when("2026-11-19T13:00:00Z", clock: clock) == "2026-11-19 03:00")
        #expect(Log.when("2026-11-19T13:00:00.25Z", clock: clock) == "2026-11-19T13:00:00.25Z")
        #expect(Log.when("2026-11-19T13:00:00Z", clock: .fixed(CalendarDate(year: 2030, month: 1, day: 1)!, TimeOfDay(hour: 0, minute: 0)!))
                == "2026-11-19 13:00")
    }

    /// Peter Graves, barred from the committee's confidential items, sees no record of the
    /// confidential item: not its paragraphs, not its action; the administrator sees them.
    @Test func aBarredPersonsLogLeavesOutConfidentialItems() throws {
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        store.author = Author(account: "clerk-secretary")
        let item = try #require(try store.record(of: Self.meeting).items.first { $0.title == "CATS Roadshow" })
        let number = try store.record(of: Self.meeting).number(of: item.id)
        try store.commit(at: Instant(secondsSinceEpoch: 1_795_000_000)) { store in
            var confidential = item
            confidential.confidential = true
            return [.itemEdited(ItemEdited(meetingID: Self.meeting, item: confidential)),
                    .accountsSet(AccountsSet(personID: "peter-graves", accounts: ["pgraves"])),
                    .confidentialBarred(ConfidentialBarred(committeeID: DemoArchive.hertsPBCLeads, personID: "peter-graves", barred: true))]
        }
        let entry = try #require(try store.record(of: Self.meeting).entries.first { $0.itemID == item.id })
        try store.commit(at: Instant(secondsSinceEpoch: 1_795_000_100)) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: Self.meeting))
                .editEntry(entry.id, newText: entry.text + " Harpenden.")
        }
        let confidentialAction = try #require(store.state.actions.values.first { $0.meetingID == Self.meeting && $0.itemID == item.id })
        let reader = try ArchiveStore(directory: archive, mode: .readOnly)
        let log = try Log.parse(["--data", archive, "--meeting", Self.meeting, "--format", "csv"])
        let barred = try log.output(reader, account: "pgraves", clock: .fixed(CalendarDate(year: 2026, month: 11, day: 23)!, TimeOfDay(hour: 9, minute: 0)!))
        let admin = try log.output(reader, account: SystemAccount.current(), clock: .fixed(CalendarDate(year: 2026, month: 11, day: 23)!, TimeOfDay(hour: 9, minute: 0)!))
        let actionText = "action (\(Action.numeral(confidentialAction.number)))"
        for (text, seen) in [(admin, true), (barred, false)] {
            #expect(text.contains("item \(number)") == seen, "\(text)")
            #expect(text.contains("edited a paragraph of item \(number)") == seen)
            #expect(text.contains("raised \(actionText)") == seen)
        }
        // What is not confidential is still there for them.
        #expect(barred.contains("added item 1 to the agenda"))
        #expect(csvLines(barred).count > 5)
    }

    /// The full record with an audit appendix: every change to the meeting, with who and when (UTC).
    @Test func theFullRecordCanCarryAnAuditAppendix() throws {
        try markPresent(as: Author(account: "jroe", person: "peter-graves"), at: Instant(secondsSinceEpoch: 1_900_000_000))
        let full = try run("export", "minutes", Self.meeting, "--include-confidential", "--audit", "--format", "txt")
        #expect(full.status == 0, "\(full.stderr)")
        // Text is wrapped at 72 columns: compare with the lines joined.
        let appendix = try #require(full.stdout.components(separatedBy: "APPENDIX: CHANGES TO THIS RECORD").last)
            .split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(full.stdout.contains("APPENDIX: CHANGES TO THIS RECORD"))
        #expect(appendix.contains("2030-03-17 17:46 UTC · Dr Peter Graves · marked Dr Peter Graves apologies"), "\(appendix)")
        #expect(appendix.contains("UTC · \(SystemAccount.current()) · added item 1 to the agenda"), "\(appendix)")
        let plain = try run("export", "minutes", Self.meeting, "--include-confidential", "--format", "txt")
        #expect(!plain.stdout.contains("APPENDIX"))
        for args in [["export", "minutes", Self.meeting, "--audit"], ["export", "agenda", Self.meeting, "--include-confidential", "--audit"],
                     ["export", "actions", "--audit"]] {
            let r = try Run(clerk, ["--data", archive] + args)
            #expect(r.status == 64, "\(args)")
            #expect(r.stdout.isEmpty && r.stderr.split(separator: "\n").count == 1, "\(args): \(r.stderr)")
        }
    }
}
