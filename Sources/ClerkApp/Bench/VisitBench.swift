import ArgumentParser
import ClerkCore
import ClerkStore
import ClerkTUI
import Foundation
import Terminal

extension BenchCommand {
    /// A long screen session: opens meeting after meeting on a virtual terminal, writing an
    /// agenda item to each, and prints the peak of open file descriptors. Run under a low
    /// `ulimit -n` it shows that open files do not grow with the meetings visited.
    struct Visit: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Open every meeting in turn in a screen session, writing to each; print peak open descriptors.")
        @Argument(help: "The archive folder (with --schedule: a new or empty folder).") var directory: String
        @Option(help: "First make an archive of this many planned meetings.") var schedule: Int?
        @Flag(help: "Only open the meetings; write nothing.") var readOnly = false
        @Option(help: "Show every Nth meeting on the screen (the others are read and written by the store alone).")
        var screenEvery = 1

        func run() throws {
            if let schedule { try Self.makeArchive(directory, meetings: schedule) }
            let start = Bench.seconds()
            let store = try ArchiveStore(directory: directory, mode: readOnly ? .readOnly : .readWrite)
            let term = VirtualTerminal(size: Size(cols: 100, rows: 30))
            let (keymap, _) = Keymap.load(configText: nil)
            let (theme, _) = ThemeLoader.load(name: nil, environment: [:], colorCount: 256)
            let now = Instant(date: CalendarDate(year: 2026, month: 11, day: 23)!, time: TimeOfDay(hour: 10, minute: 30)!)
            let app = ScreenApp(store: store, terminal: term, theme: theme, keymap: keymap, readOnly: readOnly,
                                clock: .fixed(now.date, now.time))
            let ids = store.state.meetings.values.sorted { ($0.date, $0.id) < ($1.date, $1.id) }.map(\.id)
            var peak = Self.openDescriptors(), visited = 0
            var shown = 0
            for (n, id) in ids.enumerated() {
                let onScreen = n % max(1, screenEvery) == 0
                if onScreen {
                    app.open(id)
                    app.render()
                    shown += 1
                } else {
                    _ = try store.record(of: id)
                }
                if !readOnly {
                    try store.commit(at: now) { store in
                        try MeetingContext(archive: store.state, record: try store.record(of: id))
                            .addItem(AgendaItem(id: "i-visit", title: "Visited", minutes: 5))
                    }
                    if onScreen {
                        app.tick()
                        app.render()
                    }
                }
                visited += 1
                peak = max(peak, Self.openDescriptors())
            }
            let held = store.meetingsHeld
            print("visited \(visited) meetings (\(shown) on the screen)\(readOnly ? "" : ", writing to each"); peak open descriptors \(peak); "
                + "\(held.open) meetings with open files, \(held.folded) folded records kept; \(String(format: "%.1f", Bench.seconds() - start)) s")
        }

        /// Planned meetings, fifty to a committee, one a day for each committee, in one commit.
        static func makeArchive(_ directory: String, meetings: Int) throws {
            try ArchiveStore.create(at: directory)
            let store = try ArchiveStore(directory: directory, mode: .readWrite)
            let first = CalendarDate(year: 2016, month: 1, day: 4)!
            try store.commit(at: Instant(date: first, time: TimeOfDay(hour: 9, minute: 0)!)) { store in
                var s = store.state
                var events: [Event] = []
                func run(_ e: [Event]) { e.forEach { s.apply($0) }; events += e }
                let terms = TermsOfReference(purpose: "Visited committee", cadence: nil, quorum: .members(1),
                                             voting: .onePerCoreOrganisation(chairCastingVote: true))
                // Fifty meetings a committee: scheduling looks through the committee's meetings.
                let committees = (meetings + 49) / 50
                for c in 0..<committees {
                    run(try s.createCommittee(Committee(id: "visited-\(c + 1)", name: "Visited \(c + 1)", code: "v\(c + 1)",
                                                        terms: terms, coreOrganisations: [])))
                }
                for n in 0..<meetings {
                    run(try s.scheduleMeeting("visited-\(n % committees + 1)", on: first.adding(days: n / committees)))
                }
                return events
            }
        }

        /// Entries of /proc/self/fd: the descriptors this process has open.
        static func openDescriptors() -> Int {
            ((try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []).count
        }
    }
}
