import ClerkTestSupport
import Foundation
import Testing

/// `clerk export` in the real binary, on a demo archive: each format to stdout and to a
/// file, read back by the programs people open them with where those are installed.
@Suite(.serialized) struct ExportCommandTests {
    let dir: TempDir
    let archive: String

    init() throws {
        dir = try TempDir("clerk-export")
        archive = dir.path + "/archive"
        let made = try Run(try Products.executable("clerk"), ["demo", "--init", archive, "--today", "2026-11-23"])
        #expect(made.status == 0, "\(made.stderr)")
    }

    func clerk(_ args: String...) throws -> Run {
        try Run(try Products.executable("clerk"), ["--data", archive, "--today", "2026-11-23"] + args)
    }

    @Test func eachFormatGoesToStdoutOrToAFile() throws {
        for (kind, target, format) in [("minutes", "hpbc-2008-04-22", "txt"), ("minutes", "hpbc-2008-04-22", "md"),
                                       ("minutes", "hpbc-2008-04-22", "html"), ("agenda", "pcpg-2027-01-12", "html")] {
            let out = try clerk("export", kind, target, "--format", format)
            #expect(out.status == 0, "\(out.stderr)")
            let file = "\(dir.path)/\(kind).\(format)"
            let written = try clerk("export", kind, target, "--format", format, "--output", file)
            #expect(written.status == 0, "\(written.stderr)")
            #expect(written.stdout.isEmpty)
            #expect(try String(contentsOfFile: file, encoding: .utf8) == out.stdout)
        }
        let ics = try clerk("export", "calendar", "--committee", "pcpg", "--actions")
        #expect(ics.status == 0)
        #expect(ics.stdout.hasPrefix("BEGIN:VCALENDAR\r\n"))
    }

    @Test func badRequestsGetOneLineAndWriteNothing() throws {
        let cases: [([String], String)] = [
            (["export", "minutes"], "say which meeting"),
            (["export", "minutes", "hpbc-1999-01-01"], "no meeting 'hpbc-1999-01-01'"),
            (["export", "minutes", "hpbc-2008-04-22", "--format", "xlsx"], "txt, md, html, docx, odt or pdf"),
            (["export", "minutes", "hpbc-2008-04-22", "--format", "pdf", "-o", "\(dir.path)/m.docx"],
             "--format pdf and the file name's ending .docx disagree"),
            (["export", "agenda", "pcpg-2027-01-12", "--format", "txt", "-o", "\(dir.path)/a.odt"], "disagree"),
            (["export", "actions", "--format", "xlsx"], "csv or json"),
            (["export", "calendar", "--format", "vcs"], "ics"),
            (["export", "brochure"], "brochure"),
            (["export", "actions", "hpbc-2008-04-22"], "--meeting hpbc-2008-04-22"),
            (["export", "actions", "--status", "finished"], "no status 'finished'"),
            (["export", "minutes", "hpbc-2008-04-22", "--output", "\(dir.path)/no/such/folder/m.txt"], "no folder"),
            (["export", "minutes", "hpbc-2008-04-22", "--output", dir.path], "is a folder"),
        ]
        for (args, expected) in cases {
            let before = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            let run = try Run(try Products.executable("clerk"), ["--data", archive] + args)
            #expect(run.status != 0, "\(args)")
            #expect(run.stdout.isEmpty, "\(args)")
            let lines = run.stderr.split(separator: "\n")
            #expect(lines.count == 1 && run.stderr.contains(expected), "\(args): \(run.stderr)")
            #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == before, "\(args)")
        }
    }

    @Test(.enabled(if: Tool.python(with: "csv") != nil, "needs python3"))
    func theActionLogReadsBackWithPythonsCSVModule() throws {
        let file = dir.path + "/actions.csv"
        #expect(try clerk("export", "actions", "--all", "--output", file).status == 0)
        let script = """
        import csv, sys, json
        with open(sys.argv[1], newline='', encoding='utf-8-sig') as f:
            rows = list(csv.reader(f))
        print(json.dumps(rows))
        """
        let run = try Run(Tool.python(with: "csv")!, ["-c", script, file])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try JSONDecoder().decode([[String]].self, from: Data(run.stdout.utf8))
        #expect(rows.first?.first == "id")
        #expect(rows.count == 4)
        #expect(rows.allSatisfy { $0.count == rows[0].count })
        #expect(rows.contains { $0.contains("to look at how it can support PBC groups to work together on the children’s agenda") })
        #expect(rows.contains { $0.contains("2008-07-31") })
    }

    @Test(.enabled(if: Tool.python(with: "icalendar") != nil, "needs python3-icalendar: apt-get install -y python3-icalendar"))
    func theCalendarParsesWithARealICalendarParser() throws {
        let file = dir.path + "/pcpg.ics"
        #expect(try clerk("export", "calendar", "--actions", "--output", file).status == 0)
        let script = """
        import sys, icalendar
        cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
        events = [c for c in cal.walk('VEVENT')]
        for e in events:
            assert e.get('UID') and e.get('DTSTAMP') and e.get('DTSTART') and e.get('SUMMARY'), e
        print(len(events))
        starts = sorted(str(e.decoded('DTSTART')) for e in events if 'pcpg' in str(e.get('UID')))
        print(starts[0])
        print(sum(1 for e in events if str(e.get('UID')).startswith('action-')))
        """
        let run = try Run(Tool.python(with: "icalendar")!, ["-c", script, file])
        #expect(run.status == 0, "\(run.stderr)")
        let out = run.stdout.split(separator: "\n").map(String.init)
        #expect(out.count == 3)
        #expect((Int(out.first ?? "") ?? 0) >= 36, "three committees with twelve planned meetings each")
        #expect(out.dropFirst().first == "2027-01-12 10:00:00")
    }

    @Test(.enabled(if: Tool.chromium != nil, "needs chromium: apt-get install -y chromium"))
    func htmlMinutesRenderInAHeadlessBrowserToPNGAndPDF() throws {
        let html = dir.path + "/minutes.html"
        #expect(try clerk("export", "minutes", "hpbc-2008-04-22", "--format", "html", "--output", html).status == 0)
        let common = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                      "--user-data-dir=\(dir.path)/chromium"]
        let pdf = dir.path + "/minutes.pdf", png = dir.path + "/minutes.png"
        let printed = try Run(Tool.chromium!, common + ["--no-pdf-header-footer", "--print-to-pdf=\(pdf)", "file://\(html)"])
        #expect(printed.status == 0, "\(printed.stderr)")
        let pdfBytes = try Data(contentsOf: URL(fileURLWithPath: pdf))
        #expect(pdfBytes.starts(with: Array("%PDF-".utf8)))
        // A4: the page box is 595 × 842 points.
        let pdfText = String(decoding: pdfBytes, as: UTF8.self)
        #expect(pdfText.contains("/MediaBox [0 0 594.9") || pdfText.contains("/MediaBox [0 0 595 842]"))
        let shot = try Run(Tool.chromium!, common + ["--window-size=900,1200", "--screenshot=\(png)", "file://\(html)"])
        #expect(shot.status == 0, "\(shot.stderr)")
        let pngBytes = try Data(contentsOf: URL(fileURLWithPath: png))
        #expect(pngBytes.starts(with: [0x89, 0x50, 0x4E, 0x47]))
        #expect(pngBytes.count > 10_000)
    }
}
