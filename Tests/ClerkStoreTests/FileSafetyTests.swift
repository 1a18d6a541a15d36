#if canImport(Glibc)
import Glibc
#endif
import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// Nobody who can plant a link or a file inside an archive can make clerk write anywhere
/// else, and new archives are private (or shared with the group docs/ssh.md sets up).
@Suite struct FileSafetyTests {
    /// A file outside the archive, standing for one only root may write.
    static func outsideFile(_ dir: TempDir) -> (String, [UInt8]) {
        let path = dir.file("outside/precious")
        try? FileManager.default.createDirectory(atPath: dir.file("outside"), withIntermediateDirectories: true)
        let bytes = Array("root:only\n".utf8)
        writeBytes(bytes, to: path)
        return (path, bytes)
    }

    @Test func aLinkPlantedAtTheBrokenNameIsNeverFollowed() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let (outside, original) = Self.outsideFile(dir)
        let path = dir.file("journal/meetings/m.jsonl")
        try buildSegment(path, count: 3)
        let torn = Array(#"{"seq":4,"type":"test.rec","v":1,"at":"2026-"#.utf8)
        let handle = try #require(FileHandle(forWritingAtPath: path))
        handle.seekToEndOfFile()
        handle.write(Data(torn))
        try handle.close()
        let before = readBytes(path)
        #expect(symlink(outside, path + ".broken") == 0)

        do {
            _ = try Segment(path: path, mode: .append)
            Issue.record("a torn tail was set aside through a link")
        } catch {
            #expect("\(error)" == "\(path).broken is a symbolic link; clerk does not follow links inside an archive: replace it with the file it points to")
        }
        #expect(readBytes(outside) == original)
        // Nothing was set aside, so nothing was cut off either.
        #expect(readBytes(path) == before)
        #expect(FileIO.isSymbolicLink(path + ".broken"))
    }

    @Test func aLinkOrFileAtAGuessableTemporaryNameIsNeverFollowedOrTruncated() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let (outside, original) = Self.outsideFile(dir)
        let archive = dir.file("archive")
        try ArchiveStore.create(at: archive)
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        _ = try ArchiveStoreTests.seed(store)
        let checkpoint = archive + "/cache/archive-checkpoint.json"
        // The names a writer used to take: the checkpoint's name and the process id.
        #expect(symlink(outside, "\(checkpoint).tmp-\(getpid())") == 0)
        let planted = "\(archive)/cache/search-index.tmp-\(getpid())"
        writeBytes(Array("planted\n".utf8), to: planted)

        try store.writeCheckpoint()
        _ = try SearchIndex.open(directory: archive, save: true)

        #expect(readBytes(outside) == original)
        #expect(readBytes(planted) == Array("planted\n".utf8))
        #expect(!FileIO.isSymbolicLink(checkpoint))
        #expect(FileIO.isSymbolicLink("\(checkpoint).tmp-\(getpid())"))
        #expect(try ArchiveStore(directory: archive, mode: .readOnly).state.committees.count == 1)
        // No temporary file of its own is left behind.
        let left = try FileManager.default.contentsOfDirectory(atPath: archive + "/cache").filter { $0.contains(".tmp-") }
        #expect(left.sorted() == ["archive-checkpoint.json.tmp-\(getpid())", "search-index.tmp-\(getpid())"])
    }

    @Test func temporaryNamesAreRandom() {
        let names = Set((0..<64).map { _ in FileIO.randomSuffix() })
        #expect(names.count == 64)
        #expect(names.allSatisfy { $0.count == 16 && $0.allSatisfy(\.isHexDigit) })
    }

    @Test func linksInsideAnArchiveAreRefusedAtOpenAndByCheck() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let archive = dir.file("archive")
        try ArchiveStore.create(at: archive)
        let meeting = try ArchiveStoreTests.seed(try ArchiveStore(directory: archive, mode: .readWrite))
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting)).addItem(AgendaItem(id: "i-1", title: "x"))
        }
        #expect(ArchiveCheck.run(directory: archive).isHealthy)

        // A meeting segment replaced by a link to a copy elsewhere.
        let segment = archive + "/journal/meetings/\(meeting).jsonl"
        let copy = dir.file("copy.jsonl")
        try FileManager.default.moveItem(atPath: segment, toPath: copy)
        #expect(symlink(copy, segment) == 0)
        let message = "\(segment) is a symbolic link; clerk does not follow links inside an archive: replace it with the file it points to"
        #expect(throws: (any Error).self) { _ = try ArchiveStore(directory: archive, mode: .readOnly).record(of: meeting) }
        do { _ = try ArchiveStore(directory: archive, mode: .readOnly).record(of: meeting) } catch { #expect("\(error)" == message) }
        var report = ArchiveCheck.run(directory: archive)
        #expect(report.problems == [message])

        // The meetings folder itself a link.
        try FileManager.default.removeItem(atPath: segment)
        try FileManager.default.moveItem(atPath: archive + "/journal/meetings", toPath: dir.file("meetings"))
        #expect(symlink(dir.file("meetings"), archive + "/journal/meetings") == 0)
        let folder = "\(archive)/journal/meetings is a symbolic link; clerk does not follow links inside an archive: replace it with the file it points to"
        for mode in [ArchiveStore.Mode.readOnly, .readWrite] {
            do {
                _ = try ArchiveStore(directory: archive, mode: mode)
                Issue.record("opened an archive whose meetings folder is a link")
            } catch {
                #expect("\(error)" == folder)
            }
        }
        report = ArchiveCheck.run(directory: archive)
        #expect(report.problems == [folder])
    }

    @Test func theArchiveFolderItselfMayBeReachedThroughALink() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        try ArchiveStore.create(at: dir.file("archive"))
        #expect(symlink(dir.file("archive"), dir.file("link")) == 0)
        let store = try ArchiveStore(directory: dir.file("link"), mode: .readWrite)
        _ = try ArchiveStoreTests.seed(store)
        #expect(ArchiveCheck.run(directory: dir.file("link")).isHealthy)
    }

    static func mode(_ path: String) -> mode_t {
        var info = stat()
        return lstat(path, &info) == 0 ? mode_t(info.st_mode) & 0o7777 : 0
    }

    @Test func aNewArchiveIsTheOwnersAloneWhateverTheUmask() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let old = umask(0o000)
        defer { umask(old) }
        let archive = dir.file("archive")
        try ArchiveStore.create(at: archive)
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        let meeting = try ArchiveStoreTests.seed(store)
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting)).addItem(AgendaItem(id: "i-1", title: "x"))
        }
        try store.writeCheckpoint()
        _ = try SearchIndex.open(directory: archive, save: true)
        for folder in ["", "/journal", "/journal/meetings", "/cache"] {
            #expect(Self.mode(archive + folder) == 0o700, "\(folder)")
        }
        for file in ["/clerk-archive.json", "/journal/archive.jsonl", "/journal/.lock", "/journal/meetings/\(meeting).jsonl",
                     "/cache/archive-checkpoint.json", "/cache/search-index"] {
            #expect(Self.mode(archive + file) == 0o600, "\(file)")
        }
        #expect(ArchiveCheck.run(directory: archive).warnings.isEmpty)
    }

    @Test func aFolderSetUpForAGroupKeepsGroupAccess() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let old = umask(0o077)
        defer { umask(old) }
        let shared = dir.file("srv")
        #expect(mkdir(shared, 0o700) == 0)
        #expect(chmod(shared, 0o2770) == 0)
        try ArchiveStore.create(at: shared)
        #expect(Self.mode(shared) == 0o2770)
        #expect(Self.mode(shared + "/journal/meetings") == 0o2770)
        #expect(Self.mode(shared + "/journal/archive.jsonl") == 0o660)
        #expect(Self.mode(shared + "/clerk-archive.json") == 0o660)
    }

    @Test func filesMadeLaterTakeTheModeOfTheArchivesJournal() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let archive = dir.file("archive")
        try ArchiveStore.create(at: archive)
        // Shared with a group after the fact, as docs/ssh.md does with chmod -R.
        #expect(chmod(archive + "/journal/archive.jsonl", 0o660) == 0)
        try FileManager.default.removeItem(atPath: archive + "/cache")
        let store = try ArchiveStore(directory: archive, mode: .readWrite)
        let meeting = try ArchiveStoreTests.seed(store)
        try store.commit(at: ArchiveStoreTests.now) { store in
            try MeetingContext(archive: store.state, record: try store.record(of: meeting)).addItem(AgendaItem(id: "i-1", title: "x"))
        }
        try store.writeCheckpoint()
        #expect(Self.mode(archive + "/journal/meetings/\(meeting).jsonl") == 0o660)
        #expect(Self.mode(archive + "/journal/.lock") == 0o660)
        #expect(Self.mode(archive + "/cache") == 0o770)
        #expect(Self.mode(archive + "/cache/archive-checkpoint.json") == 0o660)
    }

    @Test func checkWarnsAboutFilesEveryAccountCanRead() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let archive = dir.file("archive")
        try ArchiveStore.create(at: archive)
        #expect(chmod(archive + "/journal/archive.jsonl", 0o644) == 0)
        #expect(chmod(archive + "/journal", 0o755) == 0)
        let report = ArchiveCheck.run(directory: archive)
        #expect(report.isHealthy)
        #expect(report.warnings == [
            "\(archive)/journal can be read by every account on this host (mode 755); run 'chmod -R o-rwx \(archive)' unless that is intended",
            "\(archive)/journal/archive.jsonl can be read by every account on this host (mode 644); run 'chmod -R o-rwx \(archive)' unless that is intended",
        ])
    }

    @Test func aMissingMeetingsFolderIsNamedAndAWriterCreatesIt() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let archive = dir.file("archive")
        try ArchiveStore.create(at: archive)
        try FileManager.default.removeItem(atPath: archive + "/journal/meetings")
        do {
            _ = try ArchiveStore(directory: archive, mode: .readOnly)
            Issue.record("a reader opened an archive without its meetings folder")
        } catch {
            #expect("\(error)".hasPrefix("\(archive)/journal/meetings is missing; "))
        }
        #expect(!fileExists(archive + "/journal/meetings"))
        #expect(ArchiveCheck.run(directory: archive).problems.first?.hasPrefix("\(archive)/journal/meetings is missing") == true)
        _ = try ArchiveStore(directory: archive, mode: .readWrite)
        #expect(Self.mode(archive + "/journal/meetings") == 0o700)
        #expect(ArchiveCheck.run(directory: archive).isHealthy)
    }

    @Test func eachOpenFailureNamesItsRealCause() throws {
        let dir = try TempDir()
        defer { dir.cleanUp() }
        let archive = dir.file("archive")
        writeBytes(Array("x".utf8), to: dir.file("a-file"))
        try FileManager.default.createDirectory(atPath: dir.file("empty"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: dir.file("other"), withIntermediateDirectories: true)
        writeBytes(Array("x".utf8), to: dir.file("other/notes.txt"))
        try ArchiveStore.create(at: archive)
        try FileManager.default.removeItem(atPath: archive + "/journal/archive.jsonl")
        let cases: [(String, String)] = [
            (dir.file("none"), "no archive at \(dir.file("none")): the folder does not exist; create an empty archive with 'clerk init \(dir.file("none"))', or try 'clerk demo'"),
            (dir.file("a-file"), "\(dir.file("a-file")) is a file, not a folder; give --data the archive folder (the one holding clerk-archive.json)"),
            (dir.file("empty"), "no archive in \(dir.file("empty")) (the folder is empty); create one with 'clerk init \(dir.file("empty"))', or try 'clerk demo'"),
            (dir.file("other"), "\(dir.file("other")) is not a clerk archive (no clerk-archive.json); point --data at an archive folder, or create one in a new folder with 'clerk init NEWDIR'"),
            (archive, "\(archive)/journal/archive.jsonl is missing; restore it from a backup of the archive: clerk cannot open an archive without it"),
        ]
        for (path, expected) in cases {
            #expect(ArchiveLayout.openProblem(path, forWriting: true) == expected)
            do {
                _ = try ArchiveStore(directory: path, mode: .readWrite)
                Issue.record("opened \(path)")
            } catch {
                #expect("\(error)" == expected)
            }
        }
    }
}
