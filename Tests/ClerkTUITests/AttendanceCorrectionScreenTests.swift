import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// The attendance pane puts the record right: a time typed for an arrival or a departure
/// (now offered), corrected with the same key, and a mistaken mark taken back.
@Suite struct AttendanceCorrectionScreenTests {
    typealias Fixture = ScreenTests.Fixture
    static let pcpg = MeetingActionsTests.pcpg

    /// The January meeting started at 10:00, four core organisations' members present; the
    /// screen's clock at 10:30.
    func running(_ f: Fixture) throws {
        let ten = CommandContext(Clock.fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 0)!).read(), makeID: ScreenApp.randomID)
        try f.store.commit(at: ten.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: Self.pcpg)).start(context: ten)
        }
        f.app.open(Self.pcpg)
        f.press(.char("2"))
    }

    func type(_ f: Fixture, _ text: String) { for c in text { f.press(.char(c)) } }

    var form: (Fixture) -> Form? { { f in if case .form(let form)? = f.app.state.overlay { form } else { nil } } }

    /// The first person of the roll call, marked present (arrived at the opening).
    func presentPerson(_ f: Fixture) throws -> PersonID {
        f.press(.char("g"))
        let person = try #require(f.app.updater.selectedKey(.attendance, f.app.state, f.app.data()))
        f.press(.char("p"))
        try MeetingFormsTests().select(f, person)
        return person
    }

    @Test func aDepartureTimeIsTypedThenCorrected() throws {
        let f = try Fixture(cols: 160, rows: 48)
        try running(f)
        let person = try presentPerson(f)
        f.press(.char("E"))
        let asked = try #require(form(f))
        #expect(asked.text?.text == "10:30")
        #expect(asked.title.hasSuffix("left (now 10:30)"))
        f.press(.ctrl("a"), .ctrl("k"))
        type(f, "10:20")
        f.press(.enter)
        #expect(f.app.state.overlay == nil)
        #expect(try f.store.record(of: Self.pcpg).attendance(of: person)?.departed == TimeOfDay(hour: 10, minute: 20))
        #expect(f.screen().contains("left at 10:20, part meeting"))
        // Corrected: the time recorded is offered.
        f.press(.char("E"))
        #expect(form(f)?.text?.text == "10:20")
        f.press(.backspace, .char("5"), .enter)
        #expect(try f.store.record(of: Self.pcpg).attendance(of: person)?.departed == TimeOfDay(hour: 10, minute: 25))
    }

    @Test(arguments: [
        ("9:30", "09:30 is before the meeting opened at 10:00; type a time from 10:00"),
        ("10:45", "10:45 is after the time now (10:30); type a time up to 10:30"),
        ("soon", "can't read 'soon' as a time; write it like 13:00, 1.00, 1pm or 2.30 pm"),
    ])
    func aBadTimeKeepsTheFormOpenWithTheTextAndRecordsNothing(_ typed: String, _ message: String) throws {
        let f = try Fixture(cols: 160, rows: 48)
        try running(f)
        let person = try presentPerson(f)
        let before = try f.store.record(of: Self.pcpg)
        f.press(.char("R"))
        f.press(.ctrl("a"), .ctrl("k"))
        type(f, typed)
        f.press(.enter)
        let refused = try #require(form(f))
        #expect(refused.problem == message)
        #expect(refused.text?.text == typed)
        #expect(try f.store.record(of: Self.pcpg) == before)
        #expect(try f.store.record(of: Self.pcpg).attendance(of: person)?.arrived == before.attendance(of: person)?.arrived)
    }

    @Test func aWrongArrivedIsTakenBack() throws {
        let f = try Fixture(cols: 160, rows: 48)
        try running(f)
        f.press(.char("g"))
        let person = try #require(f.app.updater.selectedKey(.attendance, f.app.state, f.app.data()))
        f.press(.char("r"))
        #expect(try f.store.record(of: Self.pcpg).attendance(of: person) != nil)
        try MeetingFormsTests().select(f, person)
        f.press(.char("u"))
        #expect(try f.store.record(of: Self.pcpg).attendance(of: person) == nil)
        #expect(f.app.state.message?.text.hasSuffix("mark is taken back: not yet marked") == true)
        // Back at the top of the roll call, and nothing more to take back.
        try MeetingFormsTests().select(f, person)
        f.press(.char("u"))
        #expect(f.app.state.message?.text.hasSuffix("is not marked yet, so there is nothing to clear") == true)
        #expect(f.app.state.message?.isError == true)
    }

    @Test func leavingWhenNotHereIsRefusedOnOneLine() throws {
        let f = try Fixture(cols: 160, rows: 48)
        try running(f)
        f.press(.char("g"))
        f.press(.char("E"))
        #expect(f.app.state.overlay == nil)
        #expect(f.app.state.message?.text.hasSuffix("is not marked as here, so cannot leave; mark their arrival first") == true)
    }
}
