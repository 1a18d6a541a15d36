import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// A real full disk: the archive on a small tmpfs, filled to ENOSPC while the minutes are
/// typed, then space freed. Mounting needs root (CI runs the suite as root); otherwise the
/// tests say why they did not run.
@Suite(.serialized) struct DiskFullTests {
    typealias Clock = SaveFaultTests.Clock

    /// A tmpfs of `size` mounted on a fresh folder; nil (with the reason printed) when it cannot be.
    final class SmallDisk {
        let dir: TempDir
        let mount: String

        init?(size: String, _ test: String) throws {
            guard getuid() == 0 else {
                print("[disk-full] \(test) skipped: mounting a tmpfs needs root (uid \(getuid()))")
                return nil
            }
            dir = try TempDir("clerk-disk-full")
            mount = dir.path + "/disk"
            try FileManager.default.createDirectory(atPath: mount, withIntermediateDirectories: true)
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/mount")
            p.arguments = ["-t", "tmpfs", "-o", "size=\(size)", "tmpfs", mount]
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else {
                print("[disk-full] \(test) skipped: mount -t tmpfs failed (exit \(p.terminationStatus))")
                dir.remove()
                return nil
            }
        }

        /// Fills the disk with a file of its own until the system says ENOSPC.
        func fill() {
            let fd = open(mount + "/filler", O_WRONLY | O_CREAT | O_APPEND, 0o600)
            let block = [UInt8](repeating: 0x66, count: 4096)
            var small = [UInt8](repeating: 0x66, count: 1)
            while block.withUnsafeBytes({ write(fd, $0.baseAddress, $0.count) }) > 0 {}
            while small.withUnsafeMutableBytes({ write(fd, $0.baseAddress, 1) }) > 0 {}
            close(fd)
        }

        func free() { unlink(mount + "/filler") }

        deinit {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/bin/umount")
            p.arguments = [mount]
            try? p.run()
            p.waitUntilExit()
            dir.remove()
        }
    }

    /// 1,600 characters typed at 10 a second; the disk fills after 100 and is freed after
    /// 800: every character reaches the journal, in one paragraph, and the screen said why
    /// it was not saving meanwhile.
    @Test func fillingTheDiskAndFreeingItHalfWayLosesNothing() throws {
        guard let disk = try SmallDisk(size: "2m", "filling the disk") else { return }
        let archive = disk.mount + "/archive"
        try DemoInstaller.install(at: archive, today: ScreenTests.today)
        let clock = Clock()
        let s = try SaveFaultTests.session(archive, sync: SystemSync(), clock: clock)
        let words = (1...320).map { String(format: "%04d ", $0) }.joined()
        #expect(words.count == 1600)
        s.app.handle(.key(.char("a")))
        var sawDiskFull = false
        for (i, c) in words.enumerated() {
            if i == 100 { disk.fill() }
            if i == 800 { disk.free() }
            clock.seconds += 0.1
            s.app.handle(.key(.char(c)))
            if i % 5 == 0 { s.app.tick() }
            if s.screen().contains("NOT SAVED: disk full (No space left on device) — your text is kept; clerk retries every second") {
                sawDiskFull = true
            }
        }
        clock.seconds += 1.1
        s.app.tick()
        s.app.handle(.key(.escape))
        let entries = try ArchiveStore(directory: archive, mode: .readOnly).record(of: SaveFaultTests.meeting).entries
        let saved = entries.last?.text ?? ""
        let lost = words.count - (saved == words ? words.count : saved.commonPrefix(with: words).count)
        print("[disk-full] ENOSPC from character 100, space freed at 800 of \(words.count): characters lost = \(lost)")
        #expect(sawDiskFull)
        #expect(lost == 0)
        #expect(saved == words)
        #expect(entries.filter { $0.text.hasPrefix("0001") }.count == 1)
        #expect(s.app.state.save == .saved)
        let check = ArchiveCheck.run(directory: archive)
        #expect(check.isHealthy, "\(check.problems)")
    }

    /// The disk stays full and the session is hung up: the rescue file cannot go in the
    /// archive, so it goes to the next place, and the next session finds and restores it.
    @Test func aHangUpOnAFullDiskRescuesElsewhere() throws {
        guard let disk = try SmallDisk(size: "2m", "hang-up on a full disk") else { return }
        let archive = disk.mount + "/archive"
        try DemoInstaller.install(at: archive, today: ScreenTests.today)
        let elsewhere = disk.dir.path + "/state/clerk/rescue"
        let clock = Clock()
        let s = try SaveFaultTests.session(archive, sync: SystemSync(), clock: clock)
        s.app.rescueElsewhere = [elsewhere]
        s.app.handle(.key(.char("a")))
        disk.fill()
        // Long enough to use up the slack in the last page of the meeting's file, which a
        // full tmpfs still lets a file grow into.
        let text = (1...60).map { String(format: "w%03d ", $0) }.joined()
        for c in text {
            clock.seconds += 0.3
            s.app.handle(.key(.char(c)))
        }
        s.app.run { true }
        let path = try #require(s.app.rescueFilesWritten.first)
        #expect(path.hasPrefix(elsewhere + "/\(SaveFaultTests.meeting)-"))
        #expect(!FileManager.default.fileExists(atPath: archive + "/rescue") || RescueFiles.find(archive: archive).isEmpty)
        #expect(RescueFiles.warnings(archive: archive, elsewhere: [elsewhere]).count == 1)

        disk.free()
        let next = try SaveFaultTests.session(archive, sync: SystemSync(), clock: clock)
        next.app.rescueElsewhere = [elsewhere]
        next.app.open(SaveFaultTests.meeting)
        #expect(next.screen().contains("unsaved minutes (\(text.count) chars)"))
        next.app.handle(.key(.char("r")))
        #expect(try ArchiveStore(directory: archive, mode: .readOnly).record(of: SaveFaultTests.meeting).entries.last?.text == text)
        #expect(!FileManager.default.fileExists(atPath: path))
    }
}
