import Foundation

/// Where the package's executables were built: beside the running test binary, which
/// SwiftPM puts in the same products folder whatever the scratch path.
public enum Products {
    public static func executable(_ name: String) throws -> String {
        var dirs: [String] = []
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            dirs.append((exe as NSString).deletingLastPathComponent)
        }
        dirs.append((CommandLine.arguments[0] as NSString).deletingLastPathComponent)
        var dir = dirs.last!
        for _ in 0..<3 where !dir.isEmpty && dir != "/" {
            dir = (dir as NSString).deletingLastPathComponent
            dirs.append(dir)
        }
        for d in dirs where FileManager.default.isExecutableFile(atPath: d + "/" + name) {
            return d + "/" + name
        }
        throw NotBuilt(name: name, searched: dirs)
    }

    struct NotBuilt: Error, CustomStringConvertible {
        var name: String
        var searched: [String]
        var description: String { "\(name) is not built (looked in \(searched.joined(separator: ", "))); run 'swift build' first" }
    }
}

/// A fresh temporary folder, removed by `remove()`.
public struct TempDir: Sendable {
    public let path: String

    public init(_ label: String = "clerk-test") throws {
        var template = Array("\(NSTemporaryDirectory())/\(label)-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else { throw POSIXError(.EIO) }
        path = String(cString: made)
    }

    public func remove() {
        try? FileManager.default.removeItem(atPath: path)
    }
}

/// The result of running a command.
public struct Run: Sendable {
    public var status: Int32
    public var stdout: String
    public var stderr: String

    /// Runs `path` with `arguments` to completion (posix_spawn and waitpid, no run loop);
    /// standard input is empty. With `capture` false the output goes to /dev/null: for a
    /// command that leaves a daemon behind (a tmux server), which would otherwise hold the
    /// pipes open for ever.
    public init(_ path: String, _ arguments: [String], environment: [String: String]? = nil, capture: Bool = true) throws {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        var outPipe: [Int32] = [-1, -1], errPipe: [Int32] = [-1, -1]
        if capture {
            guard pipe(&outPipe) == 0, pipe(&errPipe) == 0 else { throw POSIXError(.EMFILE) }
            posix_spawn_file_actions_adddup2(&actions, outPipe[1], 1)
            posix_spawn_file_actions_adddup2(&actions, errPipe[1], 2)
            for fd in outPipe + errPipe { posix_spawn_file_actions_addclose(&actions, fd) }
        } else {
            posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
            posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        }
        let env = (environment ?? ProcessInfo.processInfo.environment).map { "\($0.key)=\($0.value)" }
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = env.map { strdup($0) } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        // The child starts with no signal blocked, whatever the test thread had blocked:
        // a terminal program must get SIGWINCH.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK))
        var pid: pid_t = 0
        let rc = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        if capture { close(outPipe[1]); close(errPipe[1]) }
        guard rc == 0 else {
            if capture { close(outPipe[0]); close(errPipe[0]) }
            throw POSIXError(POSIXErrorCode(rawValue: rc) ?? .EIO)
        }
        var out: [UInt8] = [], err: [UInt8] = []
        if capture {
            var fds = [pollfd(fd: outPipe[0], events: Int16(POLLIN), revents: 0),
                       pollfd(fd: errPipe[0], events: Int16(POLLIN), revents: 0)]
            var open = 2
            var buffer = [UInt8](repeating: 0, count: 65536)
            while open > 0 {
                guard poll(&fds, 2, -1) >= 0 || errno == EINTR else { break }
                for i in 0..<2 where fds[i].fd >= 0 && fds[i].revents != 0 {
                    let n = read(fds[i].fd, &buffer, buffer.count)
                    if n > 0 {
                        if i == 0 { out += buffer[0..<n] } else { err += buffer[0..<n] }
                    } else if n == 0 || errno != EINTR {
                        close(fds[i].fd)
                        fds[i].fd = -1
                        open -= 1
                    }
                }
            }
        }
        var wstatus: Int32 = 0
        while waitpid(pid, &wstatus, 0) < 0 && errno == EINTR {}
        status = (wstatus & 0x7F) == 0 ? (wstatus >> 8) & 0xFF : 128 + (wstatus & 0x7F)
        stdout = String(decoding: out, as: UTF8.self)
        stderr = String(decoding: err, as: UTF8.self)
    }
}
