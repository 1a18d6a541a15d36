import ClerkTestSupport
import Foundation
import Testing

/// The chair's evening in the real binary: the action review grouped by owner, then the
/// chase list of one owner's overdue actions written to a file with the name proposed.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct ChaseListEndToEndTests {
    /// "Overdue actions by owner, send to one owner", as the chair presses it.
    static let keystrokes: [String] = ["a", "O", "b", "o", "P", "G", "Enter", "e", "Enter"]

    @Test func overdueActionsByOwnerSentToOneOwner() throws {
        let dir = try TempDir("clerk-chase")
        let clerk = try Products.executable("clerk")
        // Started in a folder of its own, so the proposed relative file name lands there.
        let t = try Tmux(cols: 80, rows: 24, command: "cd '\(dir.path)' && exec '\(clerk)' demo --today 2026-11-23",
                         environment: ["TMPDIR": dir.path, "XDG_CONFIG_HOME": dir.path + "/config", "TERM": "screen-256color"])
        defer { t.kill() }
        try t.waitFor("committees and meetings")
        var pressed = 0
        func press(_ key: String, then text: String) throws {
            try t.keys(key)
            pressed += 1
            try t.waitFor(text)
        }
        let k = Self.keystrokes
        try press(k[0], then: "Action review · all committees")
        try press(k[1], then: "· overdue")
        try press(k[2], then: "Actions by owner")
        let grouped = try t.capture()
        #expect(grouped.contains("Dr Peter Graves (PG) — 1 action, 1 overdue"), "\(grouped)")
        try press(k[3], then: "Owner (empty for anyone)")
        try press(k[4], then: "P▏")
        try press(k[5], then: "PG▏")
        try press(k[6], then: "owner Dr Peter Graves")
        try press(k[7], then: "chase-PG-overdue.txt")
        try press(k[8], then: "wrote chase-PG-overdue.txt")
        #expect(pressed == k.count)
        let text = try String(contentsOfFile: dir.path + "/chase-PG-overdue.txt", encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        // The heading names the filters, wrapped at 72 columns.
        #expect(text.hasPrefix("Actions: all committees · open, in progress, ongoing · owner Dr Peter\nGraves · overdue\n"))
        #expect(text.contains("1 action, 1 overdue, 1 owner."))
        #expect(text.contains("Dr Peter Graves (PG) — 1 action, 1 overdue"))
        #expect(text.contains("(overdue)"))
        // One owner only, and at most 72 columns for an email.
        #expect(!text.contains("LMC —"))
        #expect(lines.allSatisfy { $0.count <= 72 })
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }
    }
}
