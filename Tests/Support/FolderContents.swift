import Foundation

/// Every file under `directory`, by path relative to it, with its bytes.
public func folderContents(_ directory: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    let fm = FileManager.default
    guard let walk = fm.enumerator(atPath: directory) else { return files }
    for case let relative as String in walk {
        var isDirectory: ObjCBool = false
        fm.fileExists(atPath: directory + "/" + relative, isDirectory: &isDirectory)
        files[relative] = isDirectory.boolValue ? Data() : try Data(contentsOf: URL(fileURLWithPath: directory + "/" + relative))
    }
    return files
}
