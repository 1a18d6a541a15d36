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

    /// Runs `path` with `arguments`, waiting for it to finish; standard input is empty.
    public init(_ path: String, _ arguments: [String], environment: [String: String]? = nil) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes concurrently so neither fills up and blocks the child.
        nonisolated(unsafe) var errData = Data()
        let group = DispatchGroup()
        group.enter()
        DispatchQueue.global().async {
            errData = err.fileHandleForReading.readDataToEndOfFile()
            group.leave()
        }
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        status = process.terminationStatus
        stdout = String(decoding: outData, as: UTF8.self)
        stderr = String(decoding: errData, as: UTF8.self)
    }
}
