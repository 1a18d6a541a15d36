import ArgumentParser
import ClerkCore
import ClerkStore
import ClerkTUI
import Foundation
import Terminal

extension BenchCommand {
    /// A read-only screen (ncurses, headless) with a long meeting open while a writer
    /// process appends paragraphs to it: the reader's CPU, and how long a key waits for its
    /// frame (from when it is due to when the frame is drawn, so time spent following
    /// another session's record counts against it).
    struct FollowScreen: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "follow-screen", abstract: "A screen following a long meeting while another process writes to it.")
        @Argument(help: "A new or empty folder: a scratch copy of the demo archive is written there.") var directory: String
        @Option(help: "Paragraphs already in the meeting.") var paragraphs = 2000
        @Option(help: "Paragraphs the writer appends.") var entries = 100
        @Option(help: "Milliseconds between the writer's appends.") var interval = 100
        @Option(help: "Milliseconds between keys (moving through the agenda and back).") var keyInterval = 50
        @Option(help: "Columns.") var cols = 200
        @Option(help: "Rows.") var rows = 60

        func run() throws {
            try DemoInstaller.install(at: directory, today: CalendarDate(year: 2026, month: 11, day: 23)!)
            try fill()
            let store = try ArchiveStore(directory: directory, mode: .readOnly)
            let term = try NcursesTerminal(headless: Size(cols: cols, rows: rows))
            defer { term.end() }
            let (keymap, _) = Keymap.load(configText: nil)
            let (theme, _) = ThemeLoader.load(name: nil, environment: [:], colorCount: 256)
            let app = ScreenApp(store: store, terminal: term, theme: theme, keymap: keymap, readOnly: true,
                                clock: .fixed(CalendarDate(year: 2027, month: 1, day: 12)!, TimeOfDay(hour: 10, minute: 30)!))
            guard let watch = ArchiveWatch(directory: directory) else { throw ValidationError("inotify is not available here") }
            app.watch = watch
            app.open(Follow.meeting)
            app.handle(.key(.char("3")))
            app.render()
            let acks = NSTemporaryDirectory() + "/clerk-follow-screen-\(getpid())"
            let cpu0 = Bench.cpuSeconds(), wall0 = Bench.seconds()
            let writer = try Bench.start(Bench.sibling("clerk-bench"),
                                        ["follow-writer", directory, "--entries", String(entries), "--interval", String(interval)],
                                        output: acks)
            var responses: [Double] = []
            var follows: [Double] = []
            var nextKey = Bench.seconds() + Double(keyInterval) / 1000
            var k = 0
            var status: Int32 = 0
            while waitpid(writer, &status, WNOHANG) == 0 {
                let wait = max(0, Int((nextKey - Bench.seconds()) * 1000))
                if watch.wait(input: nil, timeoutMs: wait).changed {
                    let t = Bench.cpuSeconds()
                    app.tick()
                    app.render()
                    follows.append(Bench.cpuSeconds() - t)
                }
                if Bench.seconds() >= nextKey {
                    app.handle(.key(.char(k % 40 < 20 ? "j" : "k")))
                    app.render()
                    responses.append(Bench.seconds() - nextKey)
                    k += 1
                    nextKey += Double(keyInterval) / 1000
                }
            }
            let cpu = Bench.cpuSeconds() - cpu0, wall = Bench.seconds() - wall0
            unlink(acks)
            guard status == 0 else { throw ValidationError("the writer failed (status \(status))") }
            let shown = try store.record(of: Follow.meeting).entries.count
            print(String(format: "follow on screen, %d paragraphs + %d appended one every %d ms (%d in the record at the end), %dx%d: "
                         + "reader CPU %.1f %% of a core (%.2f s in %.1f s); CPU per followed record p50 %.2f ms, p99 %.2f ms; "
                         + "key response (a key every %d ms, %d keys) p50 %.1f ms, p99 %.1f ms, max %.1f ms",
                         paragraphs, entries, interval, shown, cols, rows, cpu / wall * 100, cpu, wall,
                         Bench.percentile(follows, 50) * 1000, Bench.percentile(follows, 99) * 1000, keyInterval, responses.count,
                         Bench.percentile(responses, 50) * 1000, Bench.percentile(responses, 99) * 1000, (responses.max() ?? 0) * 1000))
        }

        /// Starts the meeting and types `paragraphs` paragraphs of minutes into it, spread over its items.
        private func fill() throws {
            let store = try ArchiveStore(directory: directory, mode: .readWrite)
            let meeting = Follow.meeting
            let context = CommandContext(now: Instant(date: CalendarDate(year: 2027, month: 1, day: 12)!, time: TimeOfDay(hour: 10, minute: 0)!)) {
                $0 + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            }
            try store.commit(at: context.now) { store in
                try MeetingContext(archive: store.state, record: try store.record(of: meeting)).start(context: context)
            }
            let items = try store.record(of: meeting).items.map(\.id)
            let text = "The group discussed the commissioning plan for the coming year, the practice budgets and "
                + "the referral figures reported by the locality leads, and agreed to return to it next month."
            for batch in stride(from: 0, to: paragraphs, by: 100) {
                try store.commit(at: context.now) { store in
                    var events: [Event] = []
                    var record = try store.record(of: meeting)
                    for n in batch..<min(paragraphs, batch + 100) {
                        let made = try MeetingContext(archive: store.state, record: record)
                            .addEntry(to: items[n % items.count], kind: .note, text: "\(n): " + text, context: context)
                        made.forEach { record.apply($0) }
                        events += made
                    }
                    return events
                }
            }
        }
    }
}
