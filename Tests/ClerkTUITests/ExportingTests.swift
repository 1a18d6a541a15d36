import ClerkCore
import ClerkPublish
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Exporting from the screen: `w` asks for the file (its ending picks the format) and
/// whether confidential items go in, then writes it whole.
@Suite struct ExportingTests {
    static func type(_ f: ScreenTests.Fixture, _ text: String) {
        for c in text { f.press(.char(c)) }
    }

    /// Replaces the proposed file name with `path`.
    static func export(_ f: ScreenTests.Fixture, to path: String, full: Bool = false) {
        f.press(.char("w"))
        f.press(.ctrl("a"), .ctrl("k"))
        type(f, path)
        if full { f.press(.down) }
        f.press(.enter)
    }

    /// `~/` in the file's name is the home the launcher read from the environment, never one
    /// the screen reads for itself.
    @Test func aTildeIsTheHomeTheScreenWasGiven() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        try FileManager.default.createDirectory(atPath: f.dir.path + "/home", withIntermediateDirectories: true)
        f.app.environment = ["HOME": f.dir.path + "/home"]
        f.app.open(ScreenTests.meeting)
        f.press(.char("3"))
        Self.export(f, to: "~/minutes.txt")
        #expect(f.app.state.message?.text.hasPrefix("wrote ~/minutes.txt") == true, "\(String(describing: f.app.state.message))")
        #expect(FileManager.default.fileExists(atPath: f.dir.path + "/home/minutes.txt"))
    }

    @Test func minutesFromTheMinutesPaneAreWrittenAsTheFileEndingSays() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        f.app.open(ScreenTests.meeting)
        f.press(.char("3"), .char("w"))
        guard case .form(let form)? = f.app.state.overlay else { Issue.record("no export form"); return }
        #expect(form.text?.text == "minutes-hpbc-2008-04-22.html")
        #expect(f.screen().contains("Public version: confidential items left out"))
        f.press(.escape)
        for format in DocumentFormat.allCases {
            let path = "\(f.dir.path)/minutes.\(format.fileExtension)"
            Self.export(f, to: path)
            let written = try String(contentsOfFile: path, encoding: .utf8)
            let expected = format.render(try MinutesDocument.build(archive: f.store.state, record: try f.store.record(of: ScreenTests.meeting)))
            #expect(written == expected, "\(format)")
            #expect(f.app.state.message?.text.hasPrefix("wrote \(path)") == true)
        }
        // Word and OpenDocument too: the same bytes as the export built from the record.
        for format in [ExportFormat.docx, .odt] {
            let path = "\(f.dir.path)/minutes.\(format.fileExtension)"
            Self.export(f, to: path)
            let document = try MinutesDocument.build(archive: f.store.state, record: try f.store.record(of: ScreenTests.meeting))
            #expect(FileManager.default.contents(atPath: path) == (try format.data(document)), "\(format)")
            #expect(f.app.state.message?.text.hasPrefix("wrote \(path)") == true)
        }
    }

    @Test func badFileNamesKeepTheFormOpenAndWriteNothing() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        f.app.open(ScreenTests.meeting)
        f.press(.char("3"))
        for (path, problem) in [("", "type the file to write"), ("\(f.dir.path)/minutes.xlsx", "does not end in .txt, .md, .html, .docx, .odt or .pdf"),
                                ("\(f.dir.path)/minutes", "does not end")] {
            Self.export(f, to: path)
            guard case .form(let form)? = f.app.state.overlay else { Issue.record("form closed on '\(path)'"); continue }
            #expect(form.problem?.contains(problem) == true, "\(path): \(form.problem ?? "")")
            f.press(.escape)
        }
        // A folder that does not exist: one line, and nothing written anywhere.
        let before = try FileManager.default.contentsOfDirectory(atPath: f.dir.path)
        Self.export(f, to: "\(f.dir.path)/missing/minutes.txt")
        #expect(f.app.state.message?.isError == true)
        #expect(f.app.state.message?.text.contains("no folder") == true)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.dir.path) == before)
    }

    /// `w` follows the rule of `clerk export -o`: nothing inside the archive's folder (here
    /// the journal itself), nothing through a link.
    @Test func anExportIntoTheArchiveOrThroughALinkIsRefused() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        f.app.open(ScreenTests.meeting)
        f.press(.char("3"))
        let archive = f.dir.path + "/archive"
        try Data("kept".utf8).write(to: URL(fileURLWithPath: f.dir.path + "/kept.txt"))
        #expect(symlink(f.dir.path + "/kept.txt", f.dir.path + "/link.txt") == 0)
        let before = try folderContents(f.dir.path)
        for (path, problem) in [("\(archive)/journal/minutes.txt", "is inside the archive folder"),
                                ("\(archive)/minutes.md", "is inside the archive folder"),
                                ("\(f.dir.path)/link.txt", "is a symbolic link")] {
            Self.export(f, to: path)
            #expect(f.app.state.message?.isError == true, "\(path)")
            #expect(f.app.state.message?.text.contains(problem) == true, "\(path): \(f.app.state.message?.text ?? "")")
        }
        #expect(try folderContents(f.dir.path) == before)
    }

    @Test func theAgendaPackLeavesConfidentialItemsOutUnlessTheFullRecordIsChosen() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        let id = ScreenTests.meeting
        try f.store.commit(at: ScreenTests.context().now) { store in
            let record = try store.record(of: id)
            var item = try #require(record.items.first { $0.title == "CATS Roadshow" })
            item.confidential = true
            return [.itemEdited(ItemEdited(meetingID: id, item: item))]
        }
        f.app.open(id)
        f.press(.char("1"))
        let public_ = "\(f.dir.path)/agenda.txt", full = "\(f.dir.path)/agenda-full.txt"
        Self.export(f, to: public_)
        Self.export(f, to: full, full: true)
        // The public pack lists the item by title only, under part 2.
        let publicPack = try String(contentsOfFile: public_, encoding: .utf8)
        #expect(publicPack.contains("PART 2 — NOT OPEN TO THE PUBLIC\n\n6. CATS Roadshow\n"))
        #expect(!publicPack.contains("[confidential]"))
        #expect(try String(contentsOfFile: full, encoding: .utf8).contains("CATS Roadshow [confidential]"))
        // The action raised under it stays out of the public action log too.
        f.press(.char("4"))
        let log = "\(f.dir.path)/actions.csv"
        Self.export(f, to: log)
        let csv = try String(contentsOfFile: log, encoding: .utf8)
        #expect(csv.contains("to look at how it can support PBC groups"))
        #expect(!csv.contains("Anne Walker"))
    }

    @Test func aReadOnlySessionExportsTheCalendarFromTheHomeScreen() throws {
        let f = try ScreenTests.Fixture(cols: 100, rows: 30)
        let (keymap, _) = Keymap.load(configText: nil)
        let term = VirtualTerminal(size: Size(cols: 100, rows: 30))
        let store = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readOnly)
        let app = ScreenApp(store: store, terminal: term, theme: ThemeLoader.builtinDefault, keymap: keymap, readOnly: true,
                            clock: .fixed(ScreenTests.today, TimeOfDay(hour: 10, minute: 30)!))
        let path = "\(f.dir.path)/meetings.ics"
        app.handle(.key(.char("w")))
        guard case .form(let form)? = app.state.overlay, case .export(let target) = form.purpose else {
            Issue.record("no export form"); return
        }
        #expect(target.kind == .calendar)
        app.handle(.key(.ctrl("u")))
        app.handle(.paste(path))
        app.handle(.key(.enter))
        let ics = try String(contentsOfFile: path, encoding: .utf8)
        #expect(ics.hasPrefix("BEGIN:VCALENDAR\r\n"))
        let code = try #require(store.state.committees[target.committeeID]?.code)
        #expect(ics.contains("BEGIN:VEVENT\r\nUID:meeting-\(code)-"))
    }
}
