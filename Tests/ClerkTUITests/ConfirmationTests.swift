import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Every irreversible step asks once more with one shared question ending "y/n": `y` goes
/// ahead; any other key cancels, says so, and records nothing.
@Suite struct ConfirmationTests {
    /// One irreversible step: how to get to it, the key that asks, what a refusal says.
    struct Step: Sendable, CustomTestStringConvertible {
        var id: UIActionID
        var refused: String
        var testDescription: String { id.rawValue }
    }

    static let steps: [Step] = [
        Step(id: .agendaRemove, refused: "not removed"),
        Step(id: .agendaPublish, refused: "not published"),
        Step(id: .meetingClose, refused: "not closed"),
        Step(id: .planRemove, refused: "not removed"),
        Step(id: .minutesApprovePrevious, refused: "not approved"),
        Step(id: .termsRemoveStanding, refused: "not removed"),
    ]

    /// Brings the fixture to the point where `step`'s key asks its question.
    static func ask(_ step: Step, _ f: ScreenTests.Fixture) throws {
        switch step.id {
        case .agendaRemove:
            f.app.open(AgendaPaneBuildingTests.whpl)
            f.press(.char("1"), .char("G"), .char("k"), .char("X"))
        case .agendaPublish:
            f.app.open(AgendaPaneBuildingTests.whpl)
            f.press(.char("1"), .char("U"))
        case .meetingClose:
            f.app.open(MeetingActionsTests.pcpg)
            f.press(.char("1"), .char("S"), .char("C"))
        case .planRemove:
            let index = f.store.state.committeeList.firstIndex { $0.id == DemoArchive.brentPEC } ?? 0
            for _ in 0..<index { f.press(.char("]")) }
            f.press(.char("W"), .char("G"), .char("d"))
        case .minutesApprovePrevious:
            let may = try MinutesLifecycleTests.nextMeeting(f)
            _ = try MinutesLifecycleTests.onPreviousMinutesItem(f, may)
            f.press(.char("P"), .enter)
        case .termsRemoveStanding:
            let setup = CommitteeSetupScreenTests()
            _ = try setup.smallCommittee(f)
            try setup.select(f, "s:1")
            f.press(.char("X"))
        default:
            Issue.record("no way to reach \(step.id) in this test")
        }
    }

    /// The bytes of every journal file: what "nothing recorded" is checked against.
    static func journal(_ f: ScreenTests.Fixture) throws -> [String: Data] {
        let root = f.dir.path + "/archive/journal"
        var files = [root + "/archive.jsonl"]
        files += try FileManager.default.contentsOfDirectory(atPath: root + "/meetings").map { root + "/meetings/" + $0 }
        var out: [String: Data] = [:]
        for path in files { out[path] = FileManager.default.contents(atPath: path) }
        return out
    }

    /// The list above is every action whose help says it asks: a new irreversible key
    /// cannot be added to the table without a case here.
    @Test func theStepsAreEveryActionThatAsks() {
        let asking = Set(ActionTable.all.filter { $0.help.contains("asks y/n") }.map(\.id))
        #expect(asking == Set(Self.steps.map(\.id)))
    }

    @Test(arguments: steps, ["n", "N", "Y", "\r", "q", "X"])
    func anyAnswerButYCancelsAndRecordsNothing(_ step: Step, _ answer: String) throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        try Self.ask(step, f)
        let question = try #require(f.app.state.message?.text)
        #expect(question.hasSuffix("? y/n") || question.hasSuffix(". y/n"), "asked: \(question)")
        #expect(f.app.state.confirmation?.id == step.id)
        let before = try Self.journal(f)
        f.press(answer == "\r" ? .enter : .char(Character(answer)))
        #expect(f.app.state.message?.text == step.refused)
        #expect(f.app.state.confirmation == nil)
        #expect(try Self.journal(f) == before)
    }

    @Test(arguments: steps)
    func yGoesAhead(_ step: Step) throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        try Self.ask(step, f)
        let before = try Self.journal(f)
        f.press(.char("y"))
        #expect(f.app.state.message?.isError != true, "\(f.app.state.message?.text ?? "")")
        #expect(try Self.journal(f) != before)
    }

    @Test func approvingAsksWithTheDateOfTheMinutes() throws {
        let f = try ScreenTests.Fixture(cols: 160, rows: 48)
        try Self.ask(Self.steps[4], f)
        #expect(f.app.state.message?.text == "Approve the minutes of 22 Apr 2008? They cannot be edited afterwards. y/n")
    }
}
