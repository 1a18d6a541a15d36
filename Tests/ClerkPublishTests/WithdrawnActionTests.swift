import ClerkCore
import ClerkPublish
import ClerkTestSupport
import Foundation
import Testing

/// An action raised by mistake and withdrawn appears nowhere public, and the actions after
/// it are numbered as if it had never been raised; undone, everything is as before.
@Suite struct WithdrawnActionTests {
    static let context = CommandContext(Clock.fixed(Demo.today, TimeOfDay(hour: 10, minute: 0)!).read(), makeID: { "\($0)w" })

    /// April 2008's actions, in the order raised.
    static func april(_ demo: Demo) -> [Action] {
        demo.state.actions.values.filter { $0.meetingID == Demo.april2008 }.sorted { $0.number < $1.number }
    }

    static func minutes(_ demo: Demo) throws -> String {
        DocumentFormat.text.render(try MinutesDocument.build(archive: demo.state, record: demo.record(Demo.april2008)))
    }

    @Test func aWithdrawnActionIsLeftOutOfTheMinutesTheLogTheCalendarAndTheListing() throws {
        var demo = try Demo()
        let actions = Self.april(demo)
        try #require(actions.count >= 2)
        let first = actions[0], second = actions[1]
        #expect(try Self.minutes(demo).contains("(ii)"))
        demo.apply(try demo.state.withdrawAction(first.id, reason: "raised by mistake", context: Self.context))
        #expect(demo.state.actions[first.id]?.status == .withdrawn)
        #expect(demo.state.actions[first.id]?.history.last?.note == "raised by mistake")

        let minutes = try Self.minutes(demo)
        let words = first.text.split(separator: " ").prefix(6).joined(separator: " ")
        #expect(!minutes.contains(words), "the withdrawn action is still minuted")
        // The second action now reads (i) everywhere, with no gap.
        #expect(demo.state.publicNumber(of: try #require(demo.state.actions[second.id])) == 1)
        let rows = ActionLog.rows(demo.state.actions(matching: ActionFilter(statuses: Set(ActionStatus.allCases))),
                                  archive: demo.state, today: Demo.today, confidentiality: .included)
        #expect(!rows.contains { $0.id == first.id })
        #expect(rows.first { $0.id == second.id }?.number == "i")
        // Listing leaves it out unless withdrawn actions are asked for by name.
        #expect(!demo.state.actions(matching: ActionFilter()).contains { $0.id == first.id })
        #expect(demo.state.actions(matching: ActionFilter(statuses: [.withdrawn])).map(\.id) == [first.id])
        let ics = ICalendar.build(archive: demo.state, options: .init(actions: true, today: Demo.today))
        #expect(!ics.contains(first.text.prefix(20)))

        // Undone: back as it was, numbering included.
        demo.apply(try demo.state.updateAction(first.id, status: first.status, note: "withdrawal undone", context: Self.context))
        #expect(demo.state.publicNumber(of: try #require(demo.state.actions[second.id])) == 2)
        #expect(try Self.minutes(demo).contains(words))
    }

    @Test func withdrawingNeedsAReasonAndHappensOnce() throws {
        var demo = try Demo()
        let a = try #require(Self.april(demo).first)
        #expect(throws: CommandError.self) { try demo.state.withdrawAction(a.id, reason: "  ", context: Self.context) }
        do {
            _ = try demo.state.withdrawAction(a.id, reason: "", context: Self.context)
        } catch let error as CommandError {
            #expect(error.message == "say why the action is withdrawn (kept with it), e.g. 'raised by mistake'")
        }
        demo.apply(try demo.state.withdrawAction(a.id, reason: "duplicate of (ii)", context: Self.context))
        #expect(throws: CommandError.self) { try demo.state.withdrawAction(a.id, reason: "again", context: Self.context) }
        // The status form cannot withdraw without a reason either.
        var other = try Demo()
        #expect(throws: CommandError.self) { try other.state.updateAction(a.id, status: .withdrawn, note: "", context: Self.context) }
        other.apply(try other.state.updateAction(a.id, status: .withdrawn, note: "by mistake", context: Self.context))
        #expect(other.state.actions[a.id]?.status == .withdrawn)
    }
}
