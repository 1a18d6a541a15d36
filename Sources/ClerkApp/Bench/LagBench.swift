import ArgumentParser
import Foundation

extension BenchCommand {
    /// Reader lag: two real clerk processes in two tmux terminals on one archive. The writer
    /// types a paragraph into the minutes word by word at a typist's pace; the reader's
    /// screen is read with `tmux capture-pane` until each word shows. Prints p50/p95 of the
    /// time from a word's last keystroke to the word on the reader's screen.
    struct Lag: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Measure the lag from a keystroke in a writer to the text on a reader's screen (tmux).")
        @Argument(help: "A new or empty folder (the demo archive is written into it).") var directory: String
        @Option(help: "Path of the clerk binary (default: beside clerk-bench).") var clerk: String?
        @Option(help: "Words typed (each 6 keys).") var words = 60
        @Option(help: "Milliseconds between keys while typing.") var keyMs = 80
        @Option(help: "Run the reader through this command prefix, e.g. 'ssh -t reader@127.0.0.1' (clerk's path and options follow).")
        var readerVia: String?

        func run() throws {
            let clerkPath = clerk ?? Bench.sibling("clerk")
            let archive = directory + "/archive"
            _ = try Bench.spawn(clerkPath, ["demo", "--init", archive])
            let socket = "clerk-bench-lag-\(getpid())"
            let tmux = BenchTmux(socket: socket)
            defer { tmux.killServer() }
            let meeting = "hpbc-2008-04-22"
            let base = "\(clerkPath) --data \(archive) --today 2026-11-23"
            try tmux.start("writer", cols: 100, rows: 30, command: base)
            try tmux.start("reader", cols: 100, rows: 50, command: (readerVia.map { $0 + " " } ?? "") + base + " --read-only")
            for name in ["writer", "reader"] {
                try tmux.waitFor(name, "Hertfordshire PBC Leads")
                tmux.keys(name, ":")
                tmux.type(name, "open \(meeting)")
                tmux.keys(name, "Enter")
                try tmux.waitFor(name, "minutes draft")
                tmux.keys(name, "3")
            }
            tmux.keys("writer", "a")
            try tmux.waitFor("writer", "typing (Esc ends)")

            // The typist on a thread of its own; this thread reads the reader's screen.
            let sent = SentTimes()
            let typist = Thread {
                for n in 0..<words {
                    for c in String(format: "w%04d ", n) {
                        tmux.type("writer", String(c))
                        if c != " " { sent.set(n, Bench.seconds()) }
                        usleep(useconds_t(keyMs * 1000))
                    }
                }
            }
            typist.start()
            var lags: [Double] = [], next = 0
            let deadline = Bench.seconds() + Double(words * 6 * keyMs) / 1000 + 20
            while next < words, Bench.seconds() < deadline {
                let screen = tmux.capture("reader")
                let now = Bench.seconds()
                while next < words, let at = sent.get(next), screen.contains(String(format: "w%04d", next)) {
                    lags.append(now - at)
                    next += 1
                }
                usleep(2_000)
            }
            tmux.keys("writer", "Escape")
            guard next == words else {
                throw ValidationError("the reader showed \(next) of \(words) words before the time ran out")
            }
            print(String(format: "reader lag, keystroke in the writer → text on the reader's screen (%d words, a key every %d ms%@): p50 %@ p95 %@ max %@",
                         words, keyMs, readerVia == nil ? "" : ", reader via \(readerVia!)",
                         Bench.ms(Bench.percentile(lags, 50)), Bench.ms(Bench.percentile(lags, 95)), Bench.ms(lags.max() ?? 0)))
        }
    }
}

/// When each word's last key was sent, shared between the typist and the reader's watcher.
final class SentTimes: @unchecked Sendable {
    private var times: [Int: Double] = [:]
    private let lock = NSLock()
    func set(_ n: Int, _ t: Double) { lock.lock(); times[n] = t; lock.unlock() }
    func get(_ n: Int) -> Double? { lock.lock(); defer { lock.unlock() }; return times[n] }
}

/// A tmux server of the benchmark's own, one session per clerk process.
struct BenchTmux: Sendable {
    let socket: String

    /// Runs tmux to completion; what it printed. (Spawned directly: a server it starts
    /// keeps no pipe of ours open.)
    @discardableResult
    func run(_ args: [String]) -> String {
        let out = NSTemporaryDirectory() + "/clerk-bench-tmux-\(getpid())-\(UUID().uuidString)"
        defer { unlink(out) }
        guard let pid = try? Bench.start("/usr/bin/env", ["tmux", "-L", socket, "-f", "/dev/null"] + args, output: out) else { return "" }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (try? String(contentsOfFile: out, encoding: .utf8)) ?? ""
    }

    func start(_ name: String, cols: Int, rows: Int, command: String) throws {
        run(["new-session", "-d", "-s", name, "-x", String(cols), "-y", String(rows), "-e", "TERM=screen-256color", command])
    }

    func keys(_ name: String, _ key: String) { run(["send-keys", "-t", name, key]) }
    func type(_ name: String, _ text: String) { run(["send-keys", "-t", name, "-l", text]) }
    func capture(_ name: String) -> String { run(["capture-pane", "-p", "-t", name]) }
    func killServer() { run(["kill-server"]) }

    func waitFor(_ name: String, _ text: String) throws {
        let deadline = Bench.seconds() + 15
        while Bench.seconds() < deadline {
            if capture(name).contains(text) { return }
            usleep(20_000)
        }
        throw ValidationError("\(name): '\(text)' never showed:\n\(capture(name))")
    }
}
