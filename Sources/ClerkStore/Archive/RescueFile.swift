import ClerkCore
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Minutes typed but not saved when the screen closed (the disk was full or failing): kept
/// in a file of their own so that nothing typed is lost, and offered back the next time
/// the meeting is opened. See docs/journal-format.md §15.
public struct RescuedText: Sendable, Codable, Equatable {
    public var format = "clerk-rescue"
    public var version = 1
    /// The archive folder the text belongs to, as the session named it.
    public var archive: String
    public var meetingID: MeetingID
    public var itemID: ItemID
    /// The paragraph being edited, if the journal had it already.
    public var entryID: EntryID?
    public var kind: EntryKind
    /// Everything in the paragraph when the screen closed.
    public var text: String
    /// What the journal had of the paragraph then ("" for a new one).
    public var savedText: String
    /// When the screen closed, ISO-8601 UTC.
    public var at: String

    public init(archive: String, meetingID: MeetingID, itemID: ItemID, entryID: EntryID?, kind: EntryKind,
                text: String, savedText: String, at: Instant) {
        self.archive = archive; self.meetingID = meetingID; self.itemID = itemID; self.entryID = entryID
        self.kind = kind; self.text = text; self.savedText = savedText; self.at = at.iso
    }
}

/// Writing, finding and removing rescue files.
public enum RescueFiles {
    /// Where the archive's own rescue files go: `ARCHIVE/rescue`.
    public static func folder(of archive: String) -> String { archive + "/rescue" }

    /// Writes `text` to a new file in the archive's rescue folder, or, when that fails (the
    /// archive's disk is full), in the first of `elsewhere` that works. Returns the path
    /// written, or throws with every place tried.
    public static func write(_ text: RescuedText, elsewhere: [String], sync: any SyncPolicy = SystemSync()) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let bytes = Array(try encoder.encode(text)) + [0x0A]
        let stamp = text.at.filter { $0 != "-" && $0 != ":" }
        var failures: [String] = []
        for place in [folder(of: text.archive)] + elsewhere where !place.isEmpty {
            do {
                try FileIO.makeDirectories(place, sync)
                return try create(bytes, in: place, named: "\(text.meetingID)-\(stamp)", sync: sync)
            } catch {
                failures.append("\(place): \(error)")
            }
        }
        throw StoreError("could not keep the unsaved text anywhere (\(failures.joined(separator: "; ")))")
    }

    /// A new file (never an existing one, never through a symbolic link), owner-only,
    /// flushed, and its directory entry flushed.
    private static func create(_ bytes: [UInt8], in dir: String, named base: String, sync: any SyncPolicy) throws -> String {
        for attempt in 1...50 {
            let path = dir + "/" + base + (attempt == 1 ? "" : "-\(attempt)") + ".json"
            let fd = FileIO.open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o600)
            if fd < 0 {
                if errno == EEXIST { continue }
                throw SystemCallError(call: "open(\(path))", errno: errno)
            }
            do {
                try FileIO.write(fd, bytes, at: 0)
                try sync.dataSync(fd: fd)
            } catch {
                close(fd)
                unlink(path)
                throw error
            }
            close(fd)
            try FileIO.syncDirectory(dir, sync)
            return path
        }
        throw StoreError("\(dir) already holds 50 rescue files named \(base)")
    }

    /// The rescue files of `archive` (in its rescue folder and, naming it, in `elsewhere`),
    /// oldest first; for one meeting only when `meeting` is given. Files that are not
    /// plain files, are too large or do not read as rescued text are left alone.
    public static func find(archive: String, elsewhere: [String] = [], meeting: MeetingID? = nil) -> [(path: String, text: RescuedText)] {
        var found: [(path: String, text: RescuedText)] = []
        for place in [folder(of: archive)] + elsewhere where !place.isEmpty {
            let names = ((try? FileManager.default.contentsOfDirectory(atPath: place)) ?? []).filter { $0.hasSuffix(".json") }.sorted()
            for name in names {
                let path = place + "/" + name
                var info = stat()
                guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, info.st_size < 16 << 20,
                      let data = FileManager.default.contents(atPath: path),
                      let text = try? JSONDecoder().decode(RescuedText.self, from: data), text.format == "clerk-rescue",
                      place == folder(of: archive) || text.archive == archive
                else { continue }
                if let meeting, text.meetingID != meeting { continue }
                found.append((path, text))
            }
        }
        return found.sorted { ($0.text.at, $0.path) < ($1.text.at, $1.path) }
    }

    /// Removes a rescue file once its text is saved or discarded.
    public static func remove(_ path: String, sync: any SyncPolicy = SystemSync()) throws {
        if unlink(path) != 0 && errno != ENOENT { throw SystemCallError(call: "unlink(\(path))", errno: errno) }
        try? FileIO.syncDirectory(FileIO.parent(of: path), sync)
    }

    /// One line per rescue file, for `clerk check`.
    public static func warnings(archive: String, elsewhere: [String] = []) -> [String] {
        find(archive: archive, elsewhere: elsewhere).map { found in
            "\(found.path): \(found.text.text.count) character(s) of minutes of \(found.text.meetingID) typed but not saved at \(found.text.at); "
                + "open the meeting in clerk to restore or discard them"
        }
    }
}
