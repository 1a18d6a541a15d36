import ClerkCore
import ClerkPublish
import ClerkTestSupport
import Foundation
import Testing

/// Every format from the demo archive, compared with the examples in docs/examples (which
/// CLERK_RECORD=1 rewrites): what the documentation shows is what clerk writes.
@Suite struct GoldenExportTests {
    let demo: Demo

    init() throws { demo = try Demo() }

    @Test(arguments: DocumentFormat.allCases)
    func minutesOfApril2008(format: DocumentFormat) throws {
        let document = try MinutesDocument.build(archive: demo.state, record: demo.record(Demo.april2008))
        let path = "docs/examples/minutes-hpbc-2008-04-22.\(format.fileExtension)"
        #expect(try Golden.matches(path, format.render(document)), "\(path) differs; re-record with CLERK_RECORD=1 if intended")
    }

    @Test(arguments: DocumentFormat.allCases)
    func agendaPackOfJanuary2027(format: DocumentFormat) throws {
        let document = try AgendaDocument.build(archive: demo.state, record: demo.record(Demo.pcpgJanuary))
        let path = "docs/examples/agenda-pcpg-2027-01-12.\(format.fileExtension)"
        #expect(try Golden.matches(path, format.render(document)), "\(path) differs; re-record with CLERK_RECORD=1 if intended")
    }

    @Test func actionLogAsCSVAndJSON() throws {
        let rows = ActionLog.rows(demo.state.actions(matching: ActionFilter()), archive: demo.state, today: Demo.today)
        #expect(rows.count == 3)
        #expect(try Golden.matches("docs/examples/actions.csv", ActionLog.csv(rows)))
        #expect(try Golden.matches("docs/examples/actions.json", try ActionLog.json(rows)))
    }

    @Test func calendarOfThePanClusterPlanningGroup() throws {
        var state = demo.state
        // An action with a due date, so the calendar shows one.
        let raised = try state.raiseAction(in: Demo.pcpgJanuary, item: nil, text: "to circulate the estates options paper",
                                           owner: "Health Board", due: "2027-02-26",
                                           context: CommandContext(now: Instant(secondsSinceEpoch: 0), today: Demo.today) { $0 + "cal" })
        raised.forEach { state.apply($0) }
        let ics = ICalendar.build(archive: state, options: .init(committees: ["pan-cluster-planning-group"], actions: true, today: Demo.today))
        #expect(ics.contains("BEGIN:VTIMEZONE") == false)
        #expect(ics.contains("DTSTART:20270112T100000"))
        #expect(try Golden.matches("docs/examples/calendar-pcpg.ics", ics))
    }

    @Test func theSameArchiveGivesTheSameBytes() throws {
        let again = try Demo()
        for format in DocumentFormat.allCases {
            let a = format.render(try MinutesDocument.build(archive: demo.state, record: demo.record(Demo.april2008)))
            let b = format.render(try MinutesDocument.build(archive: again.state, record: again.record(Demo.april2008)))
            #expect(a == b)
        }
        let options = ICalendar.Options(actions: true, today: Demo.today)
        #expect(ICalendar.build(archive: demo.state, options: options) == ICalendar.build(archive: again.state, options: options))
    }
}

/// The seed 001 meeting as plain text reads like the original notes.
@Suite struct SeedMinutesTests {
    @Test func april2008ReadsLikeTheOriginalNotes() throws {
        let demo = try Demo()
        let text = DocumentFormat.text.render(try MinutesDocument.build(archive: demo.state, record: demo.record(Demo.april2008)))
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(lines.prefix(2) == ["Notes from the meeting of", "Hertfordshire PBC Leads"])
        #expect(lines.contains("Tuesday 22 April 2008"))
        #expect(lines.contains("13:00 – 14:30"))
        #expect(lines.contains("LMC Office, Aston, Stevenage"))
        // The attendance groups of the original, in its order, then the apologies.
        let headings = ["IN ATTENDANCE", "West Herts PBC Leads", "East & North Herts PBC Leads", "LMC", "APOLOGIES"]
        let positions = headings.map { h in lines.firstIndex(of: h) }
        #expect(positions.allSatisfy { $0 != nil }, "\(zip(headings, positions).filter { $0.1 == nil }.map(\.0))")
        #expect(positions.compactMap { $0 } == positions.compactMap { $0 }.sorted())
        #expect(lines.contains("  Mark Jones, PM (DacCom)"))
        #expect(lines.contains("  Peter Graves, Chief Executive"))
        #expect(lines.contains("  Mary McMinn, PM (DacCom)"))
        // The items and sub-items, numbered and lettered as in the original.
        let items = ["1. Minutes of the last meeting and matters arising", "   a. Item 2, paragraph 2",
                     "   b. Item 4, Financial situation", "   c. Item 7, Training", "2. Provider services",
                     "3. PBC Framework and Key Performance Indicators",
                     "4. Free Choice and Choose and Book following the end of the DES",
                     "5. Extended Hours and Darzi Health Centres", "6. CATS Roadshow", "7. PCT/PBC/PEC Meeting 14th May",
                     "8. Any other urgent business", "   a. Maternity Services review", "   b. Retinal Screening",
                     "9. Future meetings", "ACTIONS ARISING FROM THE MEETING"]
        let itemPositions = items.map { lines.firstIndex(of: $0) }
        #expect(itemPositions.allSatisfy { $0 != nil }, "\(zip(items, itemPositions).filter { $0.1 == nil }.map(\.0))")
        #expect(itemPositions.compactMap { $0 } == itemPositions.compactMap { $0 }.sorted())
        #expect(text.contains("(i)   LMC to look at how it can support PBC groups"))
        #expect(text.contains("(ii)  Dr Peter Graves to write to Anne Walker"))
        #expect(text.contains("(iii) LMC to arrange next meetings for July and September"))
        #expect(lines.allSatisfy { $0.count <= 72 })
        #expect(lines.contains("Draft minutes — not yet approved"))
    }
}

/// Confidential (part II) items stay out of every format unless asked for.
@Suite struct ConfidentialExportTests {
    @Test func thePublicVersionLeavesOutTheConfidentialItemAndWhatHangsOffIt() throws {
        var demo = try Demo()
        var record = demo.record(Demo.april2008)
        guard var item = record.items.first(where: { $0.title == "CATS Roadshow" }) else {
            Issue.record("no item 6 in the demo"); return
        }
        item.confidential = true
        record.apply(.itemEdited(ItemEdited(meetingID: Demo.april2008, item: item)))
        demo.records[Demo.april2008] = record
        let raised = try demo.state.raiseAction(in: Demo.april2008, item: item.id, text: "to reflect the points back to Anne Walker",
                                                owner: "LMC", due: "2008-06-30",
                                                context: CommandContext(now: Instant(secondsSinceEpoch: 0), today: Demo.today) { $0 + "secret" })
        demo.apply(raised)
        for format in DocumentFormat.allCases {
            let redacted = format.render(try MinutesDocument.build(archive: demo.state, record: record))
            // Listed by title under part 2, and nothing of what was minuted under it.
            #expect(redacted.contains("CATS Roadshow"), "\(format)")
            #expect(redacted.range(of: "Part 2 — not open to the public", options: .caseInsensitive)!.lowerBound
                    < redacted.range(of: "CATS Roadshow")!.lowerBound, "\(format)")
            #expect(!redacted.contains("reflect the points back"), "\(format)")
            #expect(!redacted.contains("StahCom has organised"), "\(format)")
            // Action (ii) was raised under that item: it goes too.
            #expect(!redacted.contains("write to Anne Walker"), "\(format)")
            let full = format.render(try MinutesDocument.build(archive: demo.state, record: record, confidentiality: .included))
            #expect(full.contains("CATS Roadshow") && full.contains("confidential"), "\(format)")
            #expect(full.contains("reflect the points back"), "\(format)")
        }
        // The numbers are the agenda's and the action log's in every version, so they can be
        // cross-referenced: the part 2 item keeps its number under its own heading.
        let text = DocumentFormat.text.render(try MinutesDocument.build(archive: demo.state, record: record))
        #expect(text.contains("\n7. PCT/PBC/PEC Meeting 14th May\n"))
        #expect(text.contains("\n9. Future meetings\n"))
        #expect(text.contains("\nPART 2 — NOT OPEN TO THE PUBLIC\n\n6. CATS Roadshow\n"))
        #expect(text.contains("(iii) LMC to arrange next meetings"))
        let full = DocumentFormat.text.render(try MinutesDocument.build(archive: demo.state, record: record, confidentiality: .included))
        #expect(full.contains("\n7. PCT/PBC/PEC Meeting 14th May\n"))
        #expect(full.contains("(iii) LMC to arrange next meetings"))
        let pack = DocumentFormat.text.render(try AgendaDocument.build(archive: demo.state, record: demo.record(Demo.pcpgJanuary)))
        #expect(pack.contains("PART 2 — NOT OPEN TO THE PUBLIC\n\n7. Contract award: out-of-hours service\n"))
        #expect(!pack.contains("Paper C"))
        let log = ActionLog.rows(demo.state.actions(matching: ActionFilter()), archive: demo.state, today: Demo.today) { meeting, id in
            demo.record(meeting).item(id)?.confidential == true
        }
        #expect(!log.contains { $0.action.contains("reflect the points") || $0.action.contains("Anne Walker") })
        #expect(log.count == 2)
        // The calendar's action due dates too.
        let options = ICalendar.Options(actions: true, today: Demo.today)
        let calendar = ICalendar.build(archive: demo.state, options: options) { meeting, id in
            demo.record(meeting).item(id)?.confidential == true
        }.replacingOccurrences(of: "\r\n ", with: "")
        #expect(!calendar.contains("Anne Walker"))
        #expect(!calendar.contains("reflect the points"))
        #expect(calendar.contains("to look at how it can support PBC groups"))
    }
}

/// Text from the record cannot run, reformat or drive anything in the reader's program.
@Suite struct HostileTextTests {
    static let hostile = "<script>alert('x')</script> =HYPERLINK(\"http://evil\") *bold* [link](http://evil) `code` & &amp; \u{1B}]0;pwned\u{07}\u{1B}[2J | ~~gone~~"

    func hostileDemo() throws -> (Demo, MeetingRecord) {
        var demo = try Demo()
        var record = demo.record(Demo.april2008)
        let item = record.items[1]
        record.apply(.entryAdded(EntryAdded(meetingID: Demo.april2008,
                                            entry: MinuteEntry(id: "e-hostile", itemID: item.id, kind: .note, text: Self.hostile))))
        var renamed = record.topLevelItems[2]
        renamed.title = "# 1. - <b>Heading</b>"
        record.apply(.itemEdited(ItemEdited(meetingID: Demo.april2008, item: renamed)))
        demo.records[Demo.april2008] = record
        let raised = try demo.state.raiseAction(in: Demo.april2008, item: nil, text: "=1+2 " + Self.hostile, owner: "LMC",
                                                due: "2008-06-30",
                                                context: CommandContext(now: Instant(secondsSinceEpoch: 0), today: Demo.today) { $0 + "h" })
        demo.apply(raised)
        return (demo, record)
    }

    @Test func htmlEscapesEverything() throws {
        let (demo, record) = try hostileDemo()
        let html = DocumentFormat.html.render(try MinutesDocument.build(archive: demo.state, record: record))
        #expect(!html.contains("<script"))
        #expect(!html.contains("<b>"))
        #expect(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(html.contains("&amp;amp;"))
        #expect(!html.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(html.contains("␛]0;pwned␇␛[2J"))
    }

    @Test func markdownEscapesMarkup() throws {
        let (demo, record) = try hostileDemo()
        let md = DocumentFormat.markdown.render(try MinutesDocument.build(archive: demo.state, record: record))
        // Escaped where CommonMark needs it, and only there: no "\\>", no "\\]", no "\\&" before a space.
        #expect(md.contains("\\<script>"))
        #expect(md.contains("\\*bold\\*"))
        #expect(md.contains("\\[link](http://evil)"))
        #expect(md.contains("\\`code\\`"))
        #expect(md.contains("& \\&amp;"))
        #expect(md.contains("### 3. \\# 1. - \\<b>Heading\\</b>"))
        #expect(!md.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
    }

    @Test func markdownEscapesWhatWouldStartABlock() {
        let cases: [(String, String)] = [
            ("# not a heading", "\\# not a heading"), ("- not a bullet", "\\- not a bullet"), ("+ no", "\\+ no"),
            ("1. not a list", "1\\. not a list"), ("12) nor this", "12\\) nor this"), ("= setext", "\\= setext"),
            ("> quote", "\\> quote"), ("plain 1. text - here", "plain 1. text - here"),
        ]
        for (input, expected) in cases {
            let md = DocumentFormat.markdown.render(Document(title: [input], details: [], status: nil, blocks: []))
            #expect(md.hasPrefix("# " + expected), "\(input)")
        }
    }

    @Test func plainTextShowsControlCharactersAsSymbols() throws {
        let (demo, record) = try hostileDemo()
        let text = DocumentFormat.text.render(try MinutesDocument.build(archive: demo.state, record: record))
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" })
        #expect(text.contains("␛]0;pwned␇␛[2J"))
    }

    @Test func csvCellsCannotBecomeFormulas() throws {
        let (demo, _) = try hostileDemo()
        let rows = ActionLog.rows(demo.state.actions(matching: ActionFilter()), archive: demo.state, today: Demo.today)
        let csv = ActionLog.csv(rows)
        #expect(csv.hasPrefix("\u{FEFF}id,"))
        #expect(csv.contains("\"'=1+2 <script>"))
        #expect(!csv.contains(",=1+2"))
        #expect(!csv.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
        for (input, expected) in [("=SUM(A1)", "'=SUM(A1)"), ("+1", "'+1"), ("-1", "'-1"), ("@x", "'@x"), ("a,b", "\"a,b\""),
                                  ("say \"hi\"", "\"say \"\"hi\"\"\""), ("two\nlines", "\"two\nlines\"")] {
            #expect(CSV.encode(["h"], [[input]]) == "h\r\n\(expected)\r\n", "\(input)")
        }
    }

    @Test func calendarTextIsEscapedAndFolded() throws {
        let (demo, _) = try hostileDemo()
        let ics = ICalendar.build(archive: demo.state, options: .init(actions: true, today: Demo.today))
        #expect(ics.hasSuffix("END:VCALENDAR\r\n"))
        let lines = ics.components(separatedBy: "\r\n").dropLast()
        #expect(lines.allSatisfy { $0.utf8.count <= 75 })
        #expect(!ics.unicodeScalars.contains { $0.value < 0x20 && $0 != "\r" && $0 != "\n" })
        #expect(!ics.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
        let unfolded = ics.replacingOccurrences(of: "\r\n ", with: "")
        #expect(unfolded.contains("=HYPERLINK(\"http://evil\") *bold*"))
        #expect(unfolded.contains("Action due: LMC =1+2"))
    }
}
