import ClerkCore
import ClerkStore
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Attendance, an action's status and an agenda item, changed in another session after this
/// screen last looked: the change made here is refused with the value as it is now, and the
/// other session's value stays.
@Suite struct ConcurrentChangeTests {
    typealias Fixture = ScreenTests.Fixture

    /// Another writing session on the same archive folder.
    static func other(_ f: Fixture) throws -> ArchiveStore {
        try ArchiveStore(directory: f.dir.path + "/archive", mode: .readWrite)
    }

    static let at = Instant(secondsSinceEpoch: 1_800_000_000)
    static let ids = CommandContext(now: at) { $0 + "other" }

    @Test func anAttendanceMarkChangedElsewhereIsNotOverwritten() throws {
        let f = try Fixture(cols: 100, rows: 30)
        f.app.open(ScreenTests.meeting)
        f.press(.char("2"))
        let person = try #require(f.app.updater.selectedKey(.attendance, f.app.state, f.app.data()))
        let other = try Self.other(f)
        try other.commit(at: Self.at) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: ScreenTests.meeting)).mark(person, .apologies)
        }
        // This screen has not looked since: its mark is refused, and says what it is now.
        f.press(.char("x"))
        #expect(f.screen().contains("in another session"))
        let record = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly).record(of: ScreenTests.meeting)
        #expect(record.attendance(of: person)?.presence == .apologies)
        #expect(f.screen().contains("marked apologies in another session"))
    }

    @Test func anActionStatusChangedElsewhereIsNotOverwritten() throws {
        let f = try Fixture(cols: 100, rows: 30)
        f.app.open(ScreenTests.meeting)
        f.press(.char("4"))
        let action = try #require(f.app.updater.selectedKey(.actions, f.app.state, f.app.data()))
        let before = try #require(f.store.state.actions[action]?.status)
        let other = try Self.other(f)
        let elsewhere: ActionStatus = before == .dropped ? .ongoing : .dropped
        try other.commit(at: Self.at) { store in
            try store.state.updateAction(action, status: elsewhere, note: "", context: Self.ids)
        }
        f.press(.char("d"), .enter)
        #expect(f.screen().contains("in another session"))
        let reader = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        #expect(reader.state.actions[action]?.status == elsewhere)
    }

    @Test func anItemEditedElsewhereIsNotOverwrittenByTheForm() throws {
        let f = try Fixture(cols: 100, rows: 30)
        f.app.open(ScreenTests.meeting)
        f.press(.char("1"))
        let item = try #require(f.app.updater.selectedKey(.agenda, f.app.state, f.app.data()))
        f.press(.char("E"))
        guard case .form? = f.app.state.overlay else {
            Issue.record("the item form did not open: \(f.screen())")
            return
        }
        // While the form is open, another session renames the item.
        let other = try Self.other(f)
        try other.commit(at: Self.at) { store in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: ScreenTests.meeting))
            let current = ctx.record.item(item)!
            return try ctx.editItem(item, title: "Renamed elsewhere", presenter: current.presenter, papers: current.papers,
                                    minutes: current.minutes, confidential: current.confidential)
        }
        for _ in 0..<3 { f.app.handle(.key(.char("!"))) }
        f.press(.enter)
        _ = f.screen()
        let reader = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        #expect(try reader.record(of: ScreenTests.meeting).item(item)?.title == "Renamed elsewhere")
        #expect(f.screen().contains("another session"))
    }
}
