import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation

extension BenchCommand {
    /// Live follow: a writer process minutes a meeting; this process reads the archive as a
    /// read-only screen does (`ArchiveWatch` wake-up, then `ArchiveStore.refresh`) and times
    /// each paragraph from the writer's acknowledgement to the reader's record holding it.
    struct Follow: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Live-follow latency: a writer process appends minutes, a reader sees them.")
        @Argument(help: "A new or empty folder: a scratch copy of the demo archive is written there.") var directory: String
        @Option(help: "Paragraphs the writer appends.") var entries = 200
        @Option(help: "Milliseconds between the writer's appends.") var interval = 20
        @Flag(help: "Look every 500 ms instead of watching with inotify (the fallback).") var poll = false

        static let meeting = "pcpg-2027-01-12"

        func run() throws {
            try DemoInstaller.install(at: directory, today: CalendarDate(year: 2026, month: 11, day: 23)!)
            let reader = try ArchiveStore(directory: directory, mode: .readOnly)
            _ = try reader.record(of: Self.meeting)
            let watch = poll ? nil : ArchiveWatch(directory: directory)
            if !poll && watch == nil { print("inotify is not available here: polling every 500 ms") }
            let acks = NSTemporaryDirectory() + "/clerk-follow-acks-\(getpid())"
            let writer = try Bench.start(Bench.sibling("clerk-bench"),
                                        ["follow-writer", directory, "--entries", String(entries), "--interval", String(interval)],
                                        output: acks)
            var seen: [Int: Double] = [:]
            let deadline = Bench.seconds() + Double(entries * interval) / 1000 + 30
            while seen.count < entries, Bench.seconds() < deadline {
                if let watch { _ = watch.wait(input: nil, timeoutMs: 500) } else { usleep(500_000) }
                guard try reader.refresh() else { continue }
                let now = Bench.seconds()
                for entry in try reader.record(of: Self.meeting).entries {
                    if let k = Int(entry.text.dropFirst("follow ".count)), seen[k] == nil { seen[k] = now }
                }
            }
            var status: Int32 = 0
            while waitpid(writer, &status, 0) < 0 && errno == EINTR {}
            let text = (try? String(contentsOfFile: acks, encoding: .utf8)) ?? ""
            unlink(acks)
            guard status == 0 else { throw ValidationError("the writer failed (status \(status)): \(text)") }
            var latencies: [Double] = [], sinceStart: [Double] = []
            var early = 0
            for line in text.split(separator: "\n") {
                let parts = line.split(separator: " ")
                guard parts.count == 3, let k = Int(parts[0]), let start = Double(parts[1]), let ack = Double(parts[2]),
                      let at = seen[k] else { continue }
                sinceStart.append(at - start)
                // The reader may find a paragraph before the writer's fdatasync returns.
                if at < ack { early += 1 }
                latencies.append(max(0, at - ack))
            }
            let how = watch == nil ? "polling every 500 ms" : "inotify"
            print("live follow (\(how)): \(latencies.count) of \(entries) paragraphs seen, one every \(interval) ms; "
                  + "from acknowledged to in the reader's record: p50 \(Bench.ms(Bench.percentile(latencies, 50))) "
                  + "p99 \(Bench.ms(Bench.percentile(latencies, 99))) max \(Bench.ms(latencies.max() ?? 0)); "
                  + "\(early) seen before the writer's acknowledgement (counted as 0); "
                  + "from the append's start: p50 \(Bench.ms(Bench.percentile(sinceStart, 50))) p99 \(Bench.ms(Bench.percentile(sinceStart, 99)))")
        }
    }

    /// The secretary for `follow`: starts the meeting, then appends paragraphs, printing
    /// each one's number and the monotonic times its append began and was acknowledged.
    struct FollowWriter: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "follow-writer", shouldDisplay: false)
        @Argument var directory: String
        @Option var entries = 200
        @Option var interval = 20

        func run() throws {
            let store = try ArchiveStore(directory: directory, mode: .readWrite)
            let meeting = Follow.meeting
            let context = CommandContext(now: Instant(date: CalendarDate(year: 2027, month: 1, day: 12)!, time: TimeOfDay(hour: 10, minute: 0)!)) {
                $0 + String(UInt64.random(in: 0...UInt64.max), radix: 36)
            }
            if store.state.meetings[meeting]?.startedAt == nil {
                try store.commit(at: context.now) { store in
                    try MeetingContext(archive: store.state, record: try store.record(of: meeting)).start(context: context)
                }
            }
            let item = try store.record(of: meeting).items[0].id
            var out = ""
            for k in 0..<entries {
                usleep(useconds_t(interval * 1000))
                let start = Bench.seconds()
                try store.commit(at: context.now) { store in
                    try MeetingContext(archive: store.state, record: try store.record(of: meeting))
                        .addEntry(to: item, kind: .note, text: "follow \(k)", context: context)
                }
                out += "\(k) \(start) \(Bench.seconds())\n"
            }
            FileHandle.standardOutput.write(Data(out.utf8))
        }
    }
}
