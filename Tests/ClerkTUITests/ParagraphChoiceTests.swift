import ClerkCore
import ClerkStore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Any paragraph of an item can be edited, not only its last: `E` lists them by number.
@Suite struct ParagraphChoiceTests {
    typealias Fixture = ScreenTests.Fixture

    /// The 2008 meeting on the minutes pane, on the first item that has two paragraphs or
    /// more (two are written on item 1 when none has).
    static func onItemWithParagraphs(_ f: Fixture) throws -> (ItemID, [MinuteEntry]) {
        let (f2, clock) = (f, MinutesEditingTests.Clock())
        f2.app.monotonic = { clock.seconds }
        f.app.open(ScreenTests.meeting)
        f.press(.char("3"), .char("g"))
        let record = try f.store.record(of: ScreenTests.meeting)
        if let index = record.items.firstIndex(where: { Updater.paragraphs(of: $0.id, in: record).count >= 2 }) {
            for _ in 0..<index { f.press(.char("j")) }
            let item = record.items[index].id
            return (item, Updater.paragraphs(of: item, in: record))
        }
        for text in ["First point.", "Second point."] {
            f.press(.char("a"))
            MinutesEditingTests.type(f, text)
            f.press(.escape)
        }
        let item = record.items[0].id
        return (item, Updater.paragraphs(of: item, in: try f.store.record(of: ScreenTests.meeting)))
    }

    func form(_ f: Fixture) -> Form? { if case .form(let form)? = f.app.state.overlay { form } else { nil } }

    @Test func anEarlierParagraphIsEditedByNumber() throws {
        let f = try Fixture(cols: 120, rows: 40)
        let (item, paragraphs) = try Self.onItemWithParagraphs(f)
        f.press(.char("E"))
        let asked = try #require(form(f))
        #expect(asked.choices.count == paragraphs.count)
        #expect(asked.selected == paragraphs.count - 1)
        f.press(.char("1"), .enter)
        let edit = try #require(f.app.state.editing)
        #expect(edit.entryID == paragraphs[0].id)
        #expect(edit.flushedText == paragraphs[0].text)
        #expect(f.app.state.message?.text == "editing paragraph 1 of \(paragraphs.count); Esc ends")
        f.press(.end)
        MinutesEditingTests.type(f, " Amended.")
        f.press(.escape)
        let record = try f.store.record(of: ScreenTests.meeting)
        let after = Updater.paragraphs(of: item, in: record)
        #expect(after[0].text == paragraphs[0].text + " Amended.")
        #expect(after.dropFirst().map(\.text) == paragraphs.dropFirst().map(\.text))
    }

    @Test func aParagraphIsPickedWithTheArrows() throws {
        let f = try Fixture(cols: 120, rows: 40)
        let (_, paragraphs) = try Self.onItemWithParagraphs(f)
        f.press(.char("E"), .up, .enter)
        #expect(f.app.state.editing?.entryID == paragraphs[paragraphs.count - 2].id)
    }

    @Test(arguments: ["0", "99", "two", "-1"])
    func aNumberThatIsNoParagraphKeepsTheFormOpenWithIt(_ typed: String) throws {
        let f = try Fixture(cols: 120, rows: 40)
        let (_, paragraphs) = try Self.onItemWithParagraphs(f)
        let before = try f.store.record(of: ScreenTests.meeting)
        f.press(.char("E"))
        MinutesEditingTests.type(f, typed)
        f.press(.enter)
        let refused = try #require(form(f))
        #expect(refused.problem == "there is no paragraph '\(typed)'; type a number from 1 to \(paragraphs.count)")
        #expect(refused.text?.text == typed)
        #expect(f.app.state.editing == nil)
        #expect(try f.store.record(of: ScreenTests.meeting) == before)
    }

    @Test func anItemWithoutParagraphsSaysHowToStartOne() throws {
        let f = try Fixture(cols: 120, rows: 40)
        f.app.open(MeetingActionsTests.pcpg)
        f.press(.char("1"), .char("S"), .char("3"), .char("g"), .char("E"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text.hasSuffix("has no paragraphs yet; a starts one") == true)
    }
}
