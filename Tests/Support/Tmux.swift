import Foundation

/// A real terminal for end-to-end tests: a tmux server of its own (private socket), one
/// session of a fixed size running a command; keys are sent with send-keys and the screen
/// read with capture-pane.
public final class Tmux: @unchecked Sendable {
    public let socket: String
    public let session = "t"

    public static var isAvailable: Bool {
        (try? Run("/usr/bin/env", ["tmux", "-V"]))?.status == 0
    }

    public init(cols: Int, rows: Int, command: String, environment: [String: String] = [:]) throws {
        socket = "clerk-test-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        var args = ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session, "-x", String(cols), "-y", String(rows)]
        for (key, value) in environment.sorted(by: { $0.key < $1.key }) { args += ["-e", "\(key)=\(value)"] }
        args.append(command)
        let run = try Run("/usr/bin/env", ["tmux"] + args, capture: false)
        guard run.status == 0 else { throw TmuxError(description: "tmux new-session failed (status \(run.status))") }
        _ = try? tmux(["set-option", "-t", session, "remain-on-exit", "on"])
    }

    @discardableResult
    public func tmux(_ args: [String]) throws -> Run {
        try Run("/usr/bin/env", ["tmux", "-L", socket] + args)
    }

    /// Sends tmux key names ("Down", "Enter", "C-c", "Tab", "BTab", "Escape").
    public func keys(_ names: String...) throws {
        try tmux(["send-keys", "-t", session] + names)
    }

    /// Types text literally.
    public func type(_ text: String) throws {
        try tmux(["send-keys", "-t", session, "-l", text])
    }

    public func capture() throws -> String {
        try tmux(["capture-pane", "-p", "-t", session]).stdout
    }

    public func resize(cols: Int, rows: Int) throws {
        try tmux(["resize-window", "-t", session, "-x", String(cols), "-y", String(rows)])
    }

    /// Whether the program in the pane has exited.
    public func paneDead() throws -> Bool {
        try tmux(["display-message", "-p", "-t", session, "#{pane_dead}"]).stdout.hasPrefix("1")
    }

    /// Waits until the screen contains `text` (or `until` holds), up to `seconds`.
    @discardableResult
    public func waitFor(_ text: String, seconds: Double = 10) throws -> String {
        try wait(seconds: seconds, what: "'\(text)'") { $0.contains(text) }
    }

    @discardableResult
    public func wait(seconds: Double = 10, what: String, until: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(seconds)
        var screen = ""
        while Date() < deadline {
            screen = try capture()
            if until(screen) { return screen }
            usleep(50_000)
        }
        throw TmuxError(description: "waited \(seconds) s for \(what); the screen shows:\n\(screen)")
    }

    public func kill() {
        _ = try? tmux(["kill-server"])
    }

    deinit { kill() }
}

public struct TmuxError: Error, CustomStringConvertible {
    public var description: String
}

/// `clerk demo` in its own tmux terminal, with a folder of its own for the scratch archive
/// (TMPDIR) and for configuration (XDG_CONFIG_HOME), on the demo's fixed today.
public struct DemoSession: Sendable {
    public let tmux: Tmux
    public let dir: TempDir

    public init(clerk: String, cols: Int, rows: Int, arguments: String = "", environment: [String: String] = [:]) throws {
        dir = try TempDir("clerk-e2e")
        var env = ["TMPDIR": dir.path, "XDG_CONFIG_HOME": dir.path + "/config", "TERM": "screen-256color"]
        env.merge(environment) { $1 }
        tmux = try Tmux(cols: cols, rows: rows, command: "\(clerk) demo --today 2026-11-23 \(arguments)", environment: env)
    }

    /// The scratch copy of the demo archive the session writes to.
    public func archive() throws -> String {
        let scratch = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasPrefix("clerk-demo-") }
        guard let first = scratch.first else { throw TmuxError(description: "no scratch archive in \(dir.path)") }
        return dir.path + "/" + first
    }

    /// The clerk process in the pane: the pane's own process, or its child when a shell started it.
    public func clerkPID() throws -> pid_t {
        let text = try tmux.tmux(["display-message", "-p", "-t", tmux.session, "#{pane_pid}"]).stdout
            .trimmingCharacters(in: .whitespacesAndNewlines)
        guard let pid = pid_t(text) else { throw TmuxError(description: "no pane process: '\(text)'") }
        let comm = (try? String(contentsOfFile: "/proc/\(pid)/comm", encoding: .utf8)) ?? ""
        if comm.hasPrefix("clerk") { return pid }
        let children = (try? String(contentsOfFile: "/proc/\(pid)/task/\(pid)/children", encoding: .utf8)) ?? ""
        guard let child = children.split(separator: " ").first.flatMap({ pid_t($0) }) else { return pid }
        return child
    }
}
