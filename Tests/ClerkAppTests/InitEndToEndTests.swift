import ClerkTestSupport
import Foundation
import Testing

/// A committee of one's own from nothing, in the real binary in a real terminal: `clerk
/// init`, the screen on the empty archive, C to create a committee, and the command line
/// listing it afterwards.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct InitEndToEndTests {
    @Test func initOpenCreateACommitteeAndListIt() throws {
        let clerk = try Products.executable("clerk")
        let dir = try TempDir("clerk-init-e2e")
        defer { dir.remove() }
        let archive = dir.path + "/committee"
        #expect(try Run(clerk, ["init", archive]).status == 0)
        let t = try Tmux(cols: 100, rows: 30, command: "\(clerk) --data \(archive) --today 2026-11-23",
                         environment: ["TERM": "screen-256color", "LANG": "C.UTF-8", "XDG_CONFIG_HOME": dir.path + "/config"])
        defer { t.kill() }
        let empty = try t.waitFor("No committees yet: press C to create one.")
        #expect(!empty.contains("read-only"))
        try t.keys("C")
        try t.waitFor("New committee")
        try t.type("Governing Body")
        try t.keys("Enter")
        try t.waitFor("gb")
        try t.keys("Enter")
        try t.waitFor("Governing Body · terms of reference")
        try t.keys("Q")
        try t.wait(what: "the home screen or an exit") { $0.contains("committees and meetings") || ((try? t.paneDead()) == true) }
        if (try? t.paneDead()) != true { try t.keys("Q") }
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
        let listed = try Run(clerk, ["--data", archive, "committees"])
        #expect(listed.status == 0)
        #expect(listed.stdout.contains("Governing Body"))
        #expect(try Run(clerk, ["--data", archive, "check"]).status == 0)
    }

    @Test func theScreenOnAFolderWithoutAnArchiveSaysHowToMakeOne() throws {
        let clerk = try Products.executable("clerk")
        let dir = try TempDir("clerk-init-e2e")
        defer { dir.remove() }
        let t = try Tmux(cols: 160, rows: 10, command: "\(clerk) --data \(dir.path)/nothing; sleep 30",
                         environment: ["TERM": "screen-256color"])
        defer { t.kill() }
        let screen = try t.waitFor("clerk init")
        #expect(screen.replacingOccurrences(of: "\n", with: "").contains("clerk: no archive at \(dir.path)/nothing: the folder does not exist; create an empty archive with 'clerk init \(dir.path)/nothing', or try 'clerk demo'"))
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/nothing"))
    }
}
