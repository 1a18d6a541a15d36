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
