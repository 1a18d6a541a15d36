import ArgumentParser
import ClerkCore
import ClerkStore
import ClerkTUI
import Foundation
import Terminal

/// `clerk-bench`: figures for docs/performance.md. Not a test: it prints measurements.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clerk-bench",
        abstract: "Generate a large archive and measure opening, listing and journal latency.",
        subcommands: [Generate.self, Measure.self, Listings.self, FollowScreen.self, Screen.self, Follow.self, FollowWriter.self, SearchFigures.self,
                      Visit.self, Lag.self])

    public init() {}

    struct Generate: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Write the large generated archive into a new folder.")
        @Argument(help: "A new or empty folder.") var directory: String
        @Option(help: "Committees.") var committees = 20
        @Option(help: "Years of monthly meetings.") var years = 10
        @Option(help: "Actions raised at each meeting.") var actionsPerMeeting = 10
        @Flag(help: "No minutes: agenda and roll call only (a many-meeting archive made quickly).") var noMinutes = false

        func run() throws {
            let start = Bench.seconds()
            let generator = LargeArchive(committees: committees, years: years, actionsPerMeeting: actionsPerMeeting, minutes: !noMinutes)
            let figures = try generator.write(to: directory) { n in
                if n % 240 == 0 { FileHandle.standardError.write(Data("  \(n) meetings\n".utf8)) }
            }
            print("generated \(figures.meetings) meetings, \(figures.actions) actions, \(figures.events) events in \(String(format: "%.1f", Bench.seconds() - start)) s")
        }
    }

    struct Measure: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Measure an archive made by 'generate'.")
        @Argument(help: "The archive folder.") var directory: String
        @Option(help: "Path of the clerk binary (default: beside clerk-bench).") var clerk: String?
        @Option(help: "Runs per figure.") var runs = 15

        func run() throws {
            let clerkPath = clerk ?? Bench.sibling("clerk")
            // Opening: the read-only open a reader or the screen does.
            var opens: [Double] = []
            var state = ArchiveState()
            for _ in 0..<runs {
                let t = Bench.seconds()
                let store = try ArchiveStore(directory: directory, mode: .readOnly)
                opens.append(Bench.seconds() - t)
                state = store.state
            }
            print("archive: \(state.meetings.count) meetings, \(state.actions.count) actions, \(state.committees.count) committees")
            print("open (read-only, with checkpoint): p50 \(Bench.ms(Bench.percentile(opens, 50))) p99 \(Bench.ms(Bench.percentile(opens, 99)))")

            // `clerk actions --overdue` as a person runs it: wall time and peak memory.
            var walls: [Double] = [], peaks: [Int] = []
            var lines = 0
            for _ in 0..<runs {
                let (wall, peak, output) = try Bench.spawn(clerkPath, ["--data", directory, "actions", "--overdue", "--today", "2026-11-23"])
                walls.append(wall)
                peaks.append(peak)
                lines = output
            }
            print("clerk actions --overdue: \(lines - 1) actions listed; wall p50 \(Bench.ms(Bench.percentile(walls, 50))) p99 \(Bench.ms(Bench.percentile(walls, 99))); peak memory \(peaks.max()! / 1024) MiB")

            // Exports a chair or secretary runs: the whole action log, every calendar, one meeting's minutes.
            let someMeeting = state.meetings.values.filter { $0.status.hasTakenPlace }.map(\.id).sorted().last ?? ""
            for (label, args) in [("clerk export actions --all (csv)", ["export", "actions", "--all"]),
                                  ("clerk export calendar --actions", ["export", "calendar", "--actions"]),
                                  ("clerk export minutes \(someMeeting) --format html", ["export", "minutes", someMeeting, "--format", "html"])] {
                var times: [Double] = [], memory: [Int] = []
                var out = 0
                for _ in 0..<runs {
                    let (wall, peak, output) = try Bench.spawn(clerkPath, ["--data", directory, "--today", "2026-11-23"] + args)
                    times.append(wall)
                    memory.append(peak)
                    out = output
                }
                print("\(label): \(out) lines; wall p50 \(Bench.ms(Bench.percentile(times, 50))) p99 \(Bench.ms(Bench.percentile(times, 99))); peak memory \(memory.max()! / 1024) MiB")
            }

            // Journal bytes against the minutes as they finally read.
            let store = try ArchiveStore(directory: directory, mode: .readOnly)
            var text = 0
            for id in store.state.meetings.keys {
                let record = try store.record(of: id)
                text += record.entries.reduce(0) { $0 + ($1.kind.lead + $1.text).utf8.count }
                store.unload(id)
            }
            let meetingBytes = Bench.bytes(under: directory + "/journal/meetings")
            let allBytes = Bench.bytes(under: directory + "/journal")
            print("journal: \(allBytes / 1_048_576) MiB in all, \(meetingBytes / 1_048_576) MiB in meeting files; minutes text \(text / 1_048_576) MiB")
            print(String(format: "journal bytes per minutes byte: %.2f (meeting files), %.2f (whole journal)",
                         Double(meetingBytes) / Double(max(1, text)), Double(allBytes) / Double(max(1, text))))

            // Append + fdatasync latency: one small edit acknowledged, as the screen does.
            let writer = try ArchiveStore(directory: directory, mode: .readWrite)
            guard let action = writer.state.actions.values.first(where: { $0.status == .open }) else { return }
            var appends: [Double] = []
            for i in 0..<200 {
                let t = Bench.seconds()
                try writer.commit(at: Instant(secondsSinceEpoch: 1_795_000_000 + Int64(i))) { store in
                    try store.state.updateAction(action.id, status: .inProgress, note: "progress \(i)",
                                                 context: CommandContext(now: Instant(secondsSinceEpoch: 1_795_000_000)) { $0 + "bench" })
                }
                appends.append(Bench.seconds() - t)
            }
            print("append + fdatasync: p50 \(Bench.ms(Bench.percentile(appends, 50))) p99 \(Bench.ms(Bench.percentile(appends, 99)))")
        }
    }

    /// CPU time per keystroke in the screen, on ncurses (headless, output to /dev/null).
    struct Screen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "CPU time per keystroke at a terminal size.")
        @Argument(help: "The archive folder.") var directory: String
        @Option(help: "Columns.") var cols = 200
        @Option(help: "Rows.") var rows = 60
        @Option(help: "Keystrokes per figure.") var keys = 2000

        func run() throws {
            let store = try ArchiveStore(directory: directory, mode: .readWrite)
            let term = try NcursesTerminal(headless: Size(cols: cols, rows: rows))
            defer { term.end() }
            let (keymap, _) = Keymap.load(configText: nil)
            let (theme, _) = ThemeLoader.load(name: nil, environment: [:], colorCount: 256)
            let app = ScreenApp(store: store, terminal: term, theme: theme, keymap: keymap, readOnly: false,
                                clock: .fixed(CalendarDate(year: 2026, month: 11, day: 23)!, TimeOfDay(hour: 10, minute: 30)!))
            // The meeting with the most minutes.
            let busiest = store.state.meetings.values.filter { $0.status == .minutesDraft }.map(\.id).sorted().prefix(200).max { a, b in
                ((try? store.record(of: a).entries.count) ?? 0) < ((try? store.record(of: b).entries.count) ?? 0)
            }!
            app.open(busiest)
            app.render()
            func measure(_ label: String, _ events: [InputEvent]) {
                var samples: [Double] = []
                for event in events {
                    let t = Bench.cpuSeconds()
                    app.handle(event)
                    app.render()
                    samples.append(Bench.cpuSeconds() - t)
                }
                let mean = samples.reduce(0, +) / Double(samples.count)
                print(String(format: "%@ at %dx%d: mean %.3f ms, p50 %.3f ms, p99 %.3f ms CPU per key (%d keys)", label, cols, rows,
                             mean * 1000, Bench.percentile(samples, 50) * 1000, Bench.percentile(samples, 99) * 1000, samples.count))
            }
            let moves: [InputEvent] = (0..<keys).map { i in .key(i % 40 < 20 ? .char("j") : .char("k")) }
            measure("moving through the agenda", moves)
            app.handle(.key(.char("3")))
            measure("scrolling the minutes", moves)
            app.handle(.key(.char(":")))
            for c in "zz the quick brown fox" { app.handle(.key(.char(c))) }
            for _ in 0..<10 { app.handle(.key(.left)) }
            let text = Array("the quick brown fox jumps over the lazy dog ")
            measure("typing mid-line in the command line", (0..<keys / 4).map { .key(.char(text[$0 % text.count])) })
            app.handle(.key(.escape))
            // The minutes editor, on a meeting whose minutes are a draft: a new paragraph,
            // some text, then typing in the middle of it (the journal flushes once a second).
            app.handle(.key(.char("3")))
            app.handle(.key(.char("a")))
            for c in "Minuted live: the leads agreed the plan" { app.handle(.key(.char(c))) }
            for _ in 0..<9 { app.handle(.key(.left)) }
            measure("typing mid-paragraph in the minutes editor", (0..<keys / 4).map { .key(.char(text[$0 % text.count])) })
            app.handle(.key(.escape))
        }
    }
}

enum Bench {
    static func cpuSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func seconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    static func ms(_ s: Double) -> String { String(format: "%.1f ms", s * 1000) }

    static func percentile(_ values: [Double], _ p: Double) -> Double {
        let sorted = values.sorted()
        guard !sorted.isEmpty else { return 0 }
        let index = min(sorted.count - 1, Int((p / 100 * Double(sorted.count - 1)).rounded()))
        return sorted[index]
    }

    static func sibling(_ name: String) -> String {
        let me = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        return me.deletingLastPathComponent().appendingPathComponent(name).path
    }

    static func bytes(under dir: String) -> Int {
        guard let walker = FileManager.default.enumerator(atPath: dir) else { return 0 }
        var total = 0
        while let file = walker.nextObject() as? String {
            if let size = (try? FileManager.default.attributesOfItem(atPath: dir + "/" + file))?[.size] as? Int,
               file.hasSuffix(".jsonl") { total += size }
        }
        return total
    }

    /// Starts a program with its standard output in the file `output` (and its errors
    /// discarded); returns its pid.
    static func start(_ path: String, _ args: [String], output: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + args).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, nil, argv, environ)
        guard rc == 0 else { throw ValidationError("cannot run \(path): \(String(cString: strerror(rc)))") }
        return pid
    }

    /// Runs a command to completion with its output discarded: wall time, peak resident
    /// memory of that process alone (KiB, from wait4), and the number of output lines.
    static func spawn(_ path: String, _ args: [String], allowingStatus allowed: Set<Int32> = [0]) throws -> (Double, Int, Int) {
        let outPath = NSTemporaryDirectory() + "/clerk-bench-out-\(getpid())"
        let t = seconds()
        let pid = try start(path, args, output: outPath)
        var status: Int32 = 0
        var usage = rusage()
        while wait4(pid, &status, 0, &usage) < 0 && errno == EINTR {}
        let wall = seconds() - t
        guard allowed.contains((status >> 8) & 0xFF), status & 0x7F == 0 else { throw ValidationError("\(path) exited with status \(status)") }
        let output = (try? Data(contentsOf: URL(fileURLWithPath: outPath))) ?? Data()
        unlink(outPath)
        return (wall, Int(usage.ru_maxrss), output.split(separator: UInt8(ascii: "\n")).count)
    }
}
