import ClerkCore
import ClerkPublish
import ClerkTestSupport
import Foundation
import Testing

/// Minutes of two committees of different kinds, in their preset house styles, read like
/// published minutes of that kind; docs/examples holds them (CLERK_RECORD=1 rewrites).
@Suite struct HouseStyleGoldenTests {
    @Test(arguments: [DocumentFormat.text, .html, .markdown])
    func theBoardAndTheCommitteeAsPublished(format: DocumentFormat) throws {
        let f = try StyledCommittees()
        for (id, name) in [(StyledCommittees.boardMeeting, "minutes-nhs-board-2027-01-14"),
                           (StyledCommittees.councilMeeting, "minutes-council-2027-01-20")] {
            let document = try MinutesDocument.build(archive: f.state, record: f.records[id]!)
            let path = "docs/examples/\(name).\(format.fileExtension)"
            #expect(try Golden.matches(path, format.render(document)), "\(path) differs; re-record with CLERK_RECORD=1 if intended")
        }
    }
}

/// The statements of fact and the wording the exports got wrong, one test each.
@Suite struct MinutesFactTests {
    let f: StyledCommittees
    let board: String
    let council: String
    init() throws {
        f = try StyledCommittees()
        board = DocumentFormat.text.render(try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.boardMeeting]!))
        council = DocumentFormat.text.render(try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.councilMeeting]!))
    }

    func section(_ text: String, from start: String, to end: String) -> String {
        guard let a = text.range(of: start), let b = text.range(of: end, range: a.upperBound..<text.endIndex) else { return "" }
        return String(text[a.upperBound..<b.lowerBound])
    }

    @Test func membersPresentAreNotMergedWithThoseInAttendance() {
        let present = section(board, from: "PRESENT\n", to: "IN ATTENDANCE")
        #expect(present.contains("Dr Jane Roe (JR) Medical Director"))
        #expect(!present.contains("Ben Ford"))
        #expect(section(board, from: "IN ATTENDANCE\n", to: "APOLOGIES").contains("Mr Ben Ford (BF) Head of Estates"))
        #expect(section(council, from: "MEMBERS PRESENT\n", to: "OFFICERS PRESENT").contains("Alderman Roy Best"))
        #expect(section(council, from: "OFFICERS PRESENT\n", to: "APOLOGIES").contains("David Lane, Head of Planning"))
    }

    @Test func titlesInitialsTheChairAndTheMinuteTakerAreShown() {
        #expect(board.contains("  Professor Sir Alan Reed (AR) Chair\n"))
        #expect(board.contains("  Ms Kate Lowe (KL) Board Secretary (minutes)\n"))
        #expect(council.contains("  Cllr Mary Hart (Chair)\n"))
        // The organisation is not repeated on every line.
        #expect(!board.contains("(Harbour Valley ICB)"))
    }

    @Test func aDecisionThatAlreadyResolvesIsNotPrefixedAgain() {
        #expect(council.contains("RESOLVED – That the application be approved"))
        #expect(!council.contains("That RESOLVED") && !council.contains("That That") && !council.contains("That that"))
        #expect(council.contains("RESOLVED – That the revised statement of licensing policy"))
        #expect(board.contains("   It was RESOLVED that the revised capital plan be approved."))
        #expect(board.contains("   The Board RESOLVED to NOTE the month 8 position."))
        #expect(!board.contains("It was noted that The Board") && !board.contains("It was noted that the Board RESOLVED"))
    }

    @Test func notedPointsLoseTheCapitalOnlyOfAnOrdinaryWord() {
        #expect(board.contains("It was noted that falls on the elderly care wards"))
        #expect(board.contains("It was noted that JR reported"))
        let style = HouseStyle.informal
        #expect(MinuteWording.opening(.noted, "NHS England has written", style: style) == "It was noted that NHS England has written")
        #expect(MinuteWording.opening(.noted, "Jane Roe had written", style: style, properNouns: ["Jane", "Roe"])
                == "It was noted that Jane Roe had written")
        #expect(MinuteWording.opening(.decision, "The plan be approved", style: style) == "It was agreed that the plan be approved")
    }

    @Test func declarationsAreMinutedUnderTheDeclarationsItemAndOnlyExcludingOnesMarked() {
        let declarations = section(board, from: "2. Declarations of interest\n", to: "3. Finance report")
        #expect(declarations.contains("Mrs Ann Cole (AC) declared an interest in item 3"))
        #expect(!declarations.contains("did not vote"))
        #expect(!section(board, from: "3. Finance report", to: "4. Patient").contains("declared"))
        // The estates item is part 2: its declaration stays out of the public version.
        #expect(!board.contains("bidding firm"))
        #expect(council.contains("he lives in Mill\n   Lane (did not vote on this item or count to its quorum)"))
    }

    @Test func quorumIsStatedUnderTheOpeningItemAndChangesUnderTheItemOfTheTime() {
        let opening = section(board, from: "1. Welcome, apologies and quorum\n", to: "2. Declarations")
        #expect(opening.contains("The meeting opened at 10:02. The meeting was quorate."))
        let safety = section(board, from: "4. Patient safety report\n", to: "5. Any other business")
        #expect(safety.contains("At 11:06 the meeting ceased to be quorate (3 of 4 members)."))
        #expect(safety.contains("At 11:15 the meeting became quorate again (4 of 4 members)."))
        // Quorate through a deputy: still stated.
        #expect(council.contains("The meeting opened at 18:31. The meeting was quorate."))
    }

    @Test func againOnlyAfterALoss() throws {
        var g = try StyledCommittees()
        var record = g.records[StyledCommittees.councilMeeting]!
        record.quorumChanges = [QuorumChange(at: TimeOfDay(hour: 18, minute: 40)!, isQuorate: true, summary: "quorate: 3 of 3 members",
                                             itemID: "c-minutes")]
        g.records[StyledCommittees.councilMeeting] = record
        let text = DocumentFormat.text.render(try MinutesDocument.build(archive: g.state, record: record))
        #expect(text.contains("At 18:40 the meeting became quorate (3 of 3 members)."))
        #expect(!text.contains("again"))
        #expect(text.contains("The meeting was not quorate when it\n   opened."))
    }

    @Test func theCloseIsStated() {
        #expect(board.contains("The meeting closed at 12:05."))
        #expect(council.contains("The meeting closed at 19:45."))
    }

    @Test func partTwoItemsAreListedByTitleWithTheReason() {
        let part2 = section(council, from: "PART 2 — NOT OPEN TO THE PUBLIC\n", to: "ACTIONS ARISING")
        #expect(part2.contains("because the\n   business involves the likely disclosure of exempt information."))
        #expect(part2.contains("6. Acquisition of land at Station Road"))
        #expect(!council.contains("purchase be approved"))
        #expect(!council.contains("complete the purchase"))
    }

    @Test func actionsAreNumberedAsInTheActionLogOwnerOnceDatesOneWayDroppedLeftOut() {
        let rows = ActionLog.rows(f.state.actions(matching: ActionFilter(committee: StyledCommittees.board)), archive: f.state,
                                  today: StyledCommittees.today) { meeting, item in
            f.records[meeting]?.item(item)?.confidential == true
        }
        for row in rows where row.status != ActionStatus.dropped.rawValue {
            #expect(board.contains("(\(row.number))"), "\(row.number) \(row.action)")
        }
        #expect(board.contains("(i)   JR to circulate the serious incident reports"))
        #expect(board.contains("(iii) Tom Hale to bring the recovery plan back — by March 2027"))
        #expect(!board.contains("Mr Tom Hale Tom Hale") && !board.contains("Dr Jane Roe JR"))
        #expect(board.contains("to book the room for March — 3 February 2027"))
        #expect(!board.contains("3/2/2027") && !board.contains("2027-02-03"))
        #expect(!board.contains("local MP"))
        #expect(!board.contains("(ii)"))
    }

    @Test func aCommitteeWithoutAStyleKeepsTheInformalLook() throws {
        let g = try StyledCommittees(boardStyle: nil)
        let text = DocumentFormat.text.render(try MinutesDocument.build(archive: g.state, record: g.records[StyledCommittees.boardMeeting]!))
        #expect(text.hasPrefix("Notes from the meeting of\nHarbour Valley Integrated Care Board\n"))
        #expect(text.contains("It was agreed that the revised capital plan be approved."))
        #expect(text.contains("\nIN ATTENDANCE\n\nHarbour Valley ICB\n  Alan Reed\n  Jane Roe, Medical Director, left at 11:06, part meeting\n"))
        #expect(text.contains("\nAlso in attendance\n  Ben Ford, Head of Estates\n"))
    }
}

/// Text as typed: line breaks inside a paragraph and nested lists survive every format.
@Suite struct TypedTextTests {
    @Test func lineBreaksAndNestedListsInEveryFormat() throws {
        let f = try StyledCommittees()
        let document = try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.boardMeeting]!)
        let text = DocumentFormat.text.render(document)
        #expect(text.contains("   TH presented the report. At month 8 the Board is:\n\n   - £1.2m behind plan, driven by\n      - agency nursing\n"))
        let md = DocumentFormat.markdown.render(document)
        #expect(md.contains("- £1.2m behind plan, driven by\n  - agency nursing\n  - drugs costs\n- forecasting break-even"))
        let html = DocumentFormat.html.render(document)
        #expect(html.contains("<ul class=\"typed\"><li>£1.2m behind plan, driven by<ul><li>agency nursing</li><li>drugs costs</li></ul></li><li>forecasting"))
        let council = try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.councilMeeting]!)
        #expect(DocumentFormat.html.render(council).contains("<ol class=\"typed\"><li>traffic on Mill Lane</li><li>loss of trees</li></ol>"))
    }

    @Test func aLineBreakInsideAParagraphStaysALineBreak() {
        let blocks = [Document.Block.paragraph("First line\nsecond line", .plain)]
        let d = Document(title: ["T"], details: [], status: nil, blocks: blocks)
        #expect(DocumentFormat.text.render(d).contains("   First line\n   second line\n"))
        #expect(DocumentFormat.markdown.render(d).contains("First line\\\nsecond line\n"))
        #expect(DocumentFormat.html.render(d).contains("First line<br>second line"))
    }
}
