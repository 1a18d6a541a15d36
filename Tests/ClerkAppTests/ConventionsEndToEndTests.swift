import ClerkCore
import ClerkStore
import ClerkTestSupport
import Foundation
import Testing

/// A committee's conventions in the real binary: a usual venue and running item references
/// set on the terms screen (a bad pattern refused first), a meeting planned there, its
/// agenda published, the references on screen and in the exported agenda.
@Suite(.serialized, .enabled(if: Tmux.isAvailable, "needs tmux: apt-get install -y tmux"))
struct ConventionsEndToEndTests {
    @Test func referencesAndVenueFromTermsToExportedAgenda() throws {
        let session = try DemoSession(clerk: try Products.executable("clerk"), cols: 160, rows: 40)
        let t = session.tmux
        try t.waitFor("Hertfordshire PBC Leads")
        try t.keys("]", "]")
        try t.waitFor("Pan Cluster Planning Group")
        try t.keys("T")
        try t.waitFor("terms of reference")
        // "Usual venue" is the 16th field, "Item references" the 17th.
        try t.keys("g")
        for _ in 0..<15 { try t.keys("j") }
        try t.keys("Enter")
        try t.waitFor("Usual venue (")
        try t.type("Committee Room 2")
        try t.keys("Enter")
        try t.waitFor("Committee Room 2")
        try t.keys("j", "Enter")
        try t.waitFor("Item references (")
        try t.type("PCPG/{year}/{n}")
        try t.keys("Enter")
        try t.waitFor("unknown placeholder {year}")
        try t.keys("C-u")
        try t.type("PCPG/{yy}{yy+1}/{n:03} from April")
        try t.keys("Enter")
        try t.waitFor("PCPG/{yy}{yy+1}/{n:03} from April")
        // Back home; plan a meeting on 1 December 2026 and open it.
        try t.keys("Escape")
        try t.waitFor("committees and meetings")
        try t.keys("N")
        try t.waitFor("Date (YYYY-MM-DD)")
        try t.type("2026-12-01 10:00-12:00")
        try t.keys("Enter")
        try t.waitFor("2026-12-01")
        try t.keys(":")
        try t.type("open pcpg-2026-12-01")
        try t.keys("Enter")
        try t.waitFor("1 Dec 2026 10:00–12:00 · Committee Room 2")
        try t.waitFor("1. Apologies")
        try t.keys("1", "U")
        try t.waitFor("y/n")
        try t.keys("y")
        try t.waitFor("PCPG/2627/001 Apologies")
        try t.waitFor("PCPG/2627/006 Date of next meeting")
        // The agenda exported to a file.
        let file = session.dir.path + "/agenda.txt"
        try t.keys("w")
        try t.waitFor("Export the agenda pack")
        try t.keys("C-u")
        try t.type(file)
        try t.keys("Enter")
        try t.wait(what: "the agenda file") { _ in FileManager.default.fileExists(atPath: file) }
        try t.keys("Q")
        try t.wait(what: "clerk to exit") { _ in (try? t.paneDead()) == true }

        let agenda = try String(contentsOfFile: file, encoding: .utf8)
        #expect(agenda.contains("Committee Room 2"))
        #expect(agenda.contains("PCPG/2627/001 Apologies"))
        #expect(agenda.contains("PCPG/2627/006 Date of next meeting"))
        #expect(!agenda.contains("1. PCPG"))
        let store = try ArchiveStore(directory: try session.archive(), mode: .readOnly)
        #expect(store.state.meetings["pcpg-2026-12-01"]?.venue == "Committee Room 2")
        #expect(store.state.committees["pan-cluster-planning-group"]?.referenceCounters == ["2026": 6])
    }
}
