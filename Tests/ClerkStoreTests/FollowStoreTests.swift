import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// `ArchiveStore.follow`: a reader following one meeting folds only what was appended to
/// it, says which paragraphs changed, and leaves other meetings' files alone until they
/// are asked for — with the same records as a fresh read.
@Suite struct FollowStoreTests {
    let dir: TempDir
    var path: String { dir.path + "/archive" }
    let writer: ArchiveStore
    let meeting: MeetingID
    let other: MeetingID = "hpbc-2026-12-17"
    let ids = ArchiveStoreTests.context("e")

    init() throws {
        dir = try TempDir()
        try ArchiveStore.create(at: dir.path + "/archive")
        writer = try ArchiveStore(directory: dir.path + "/archive", mode: .readWrite)
        meeting = try ArchiveStoreTests.seed(writer)
        try writer.commit(at: ArchiveStoreTests.now) { s in
            try s.state.scheduleMeeting("herts-pbc-leads", on: CalendarDate(year: 2026, month: 12, day: 17)!)
        }
        for id in [meeting, other] { try addItem(id, "i-1") }
    }

    func addItem(_ id: MeetingID, _ item: ItemID) throws {
        try writer.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: id)).addItem(AgendaItem(id: item, title: "Item \(item)"))
        }
    }

    @discardableResult
    func add(_ id: MeetingID, _ text: String) throws -> [Event] {
        try writer.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: id))
                .addEntry(to: "i-1", kind: .note, text: text, context: ids)
        }
    }

    @Test func foldsOnlyWhatWasAppendedAndNamesTheParagraphs() throws {
        let reader = try ArchiveStore(directory: path, mode: .readOnly)
        _ = try reader.record(of: meeting)
        #expect(try reader.follow(meeting) == FollowChange())
        var expected: [Event] = []
        // A pseudo-random run of new paragraphs and edits, followed after every few.
        var rng: UInt64 = 11
        for round in 0..<12 {
            rng = rng &* 6364136223846793005 &+ 1442695040888963407
            var appended: [Event] = []
            for n in 0..<Int(rng >> 61) + 1 {
                let entries = try writer.record(of: meeting).entries
                if let last = entries.last, (rng >> 40) % 3 == 0 {
                    appended += try writer.commit(at: ArchiveStoreTests.now) { store in
                        try MeetingContext(archive: store.state, record: try store.record(of: meeting))
                            .editEntry(last.id, newText: last.text + " and \(round).\(n)")
                    }
                } else {
                    appended += try add(meeting, "paragraph \(round).\(n) — café 日本")
                }
            }
            expected += appended
            let change = try reader.follow(meeting)
            #expect(!change.archive && change.meetingEvents == appended)
            let ids = Set(appended.compactMap { e -> EntryID? in
                switch e {
                case .entryAdded(let a): a.entry.id
                case .entryEdited(let d): d.entryID
                default: nil
                }
            })
            #expect(change.paragraphs == ids && change.meetingSetAside == 0)
            // The same record as reading the whole file again.
            #expect(try reader.record(of: meeting) == ArchiveStore(directory: path, mode: .readOnly).record(of: meeting))
        }
        #expect(expected.count >= 12)
        // A change to the agenda may move everything: no paragraph list, but the events.
        try addItem(meeting, "i-2")
        let change = try reader.follow(meeting)
        #expect(change.meeting && change.paragraphs == nil)
        #expect(try reader.follow(meeting) == FollowChange())
    }

    @Test func anotherMeetingIsReadOnlyWhenAskedFor() throws {
        let reader = try ArchiveStore(directory: path, mode: .readOnly)
        _ = try reader.record(of: meeting)
        let before = try reader.record(of: other)
        let offset = try #require(reader.meetings[other]?.offset)
        try add(other, "written in another meeting")
        // The followed meeting did not change: nothing to fold, the other file not read.
        #expect(try reader.follow(meeting) == FollowChange())
        #expect(reader.meetings[other]?.offset == offset)
        #expect(reader.loadedRecord(other) == before)
        // Asked for, it is caught up: the same as a fresh read.
        let now = try reader.record(of: other)
        #expect(now.entries.map(\.text) == ["written in another meeting"])
        #expect(now == (try ArchiveStore(directory: path, mode: .readOnly).record(of: other)))
        // The archive segment is followed too.
        try writer.commit(at: ArchiveStoreTests.now) { s in
            try s.state.raiseAction(in: meeting, item: nil, text: "to write", owner: "PG", due: "ongoing",
                                    context: ArchiveStoreTests.context("a"))
        }
        let change = try reader.follow(meeting)
        #expect(change.archive && !change.meeting && reader.state.actions.count == 1)
    }
}
