import Foundation

/// Reads a UTF-8 text file that may not exist.
enum TextFile {
    enum Outcome: Equatable {
        case missing
        case text(String)
        case unreadable(String)
    }

    static func read(_ path: String) -> Outcome {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return .missing }
        if isDirectory.boolValue { return .unreadable("cannot read \(path): it is a directory") }
        guard let data = FileManager.default.contents(atPath: path) else {
            return .unreadable("cannot read \(path): permission denied or I/O error")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return .unreadable("cannot read \(path): it is not UTF-8 text")
        }
        return .text(text)
    }
}
