import ClerkCore
import ClerkPublish
import ClerkTestSupport
import Foundation
import Testing

/// Word, OpenDocument and PDF: every document opened by LibreOffice (one soffice run for
/// all of them, as it is slow to start), read back with pdftotext, its text and A4 page
/// checked; the format picked by --format or the file's ending.
@Suite(.serialized) struct OfficeExportTests {
    static let office = Tool.path(["soffice", "libreoffice"])
    static let pdftotext = Tool.path(["pdftotext"])
    static let ready = office != nil && pdftotext != nil && Tool.path(["pdfinfo"]) != nil

    func pdfText(_ pdf: String) throws -> String {
        let run = try Run(Self.pdftotext!, ["-layout", pdf, "-"])
        #expect(run.status == 0, "\(run.stderr)")
        return run.stdout
    }

    func isA4(_ pdf: String) throws -> Bool {
        let info = try Run(Tool.path(["pdfinfo"])!, [pdf])
        return info.stdout.contains("(A4)")
    }

    /// The leading spaces of the first line holding `text`.
    func indent(of text: String, in layout: String) -> Int? {
        layout.split(separator: "\n").first { $0.contains(text) }.map { $0.prefix { $0 == " " }.count }
    }

    @Test(.enabled(if: ready, "needs LibreOffice and poppler-utils: apt-get install -y libreoffice-writer-nogui poppler-utils"))
    func everyDocumentOpensInLibreOfficeOnA4WithItsText() throws {
        let dir = try TempDir("clerk-office")
        defer { dir.remove() }
        let f = try StyledCommittees()
        let demo = try Demo()
        let board = try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.boardMeeting]!)
        let council = try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.councilMeeting]!)
        let agenda = try AgendaDocument.build(archive: demo.state, record: demo.record(Demo.pcpgJanuary))
        var files: [String] = []
        for (name, document) in [("board", board), ("council", council), ("agenda", agenda)] {
            for format in [ExportFormat.docx, .odt] {
                let path = "\(dir.path)/\(name)-\(format.rawValue).\(format.fileExtension)"
                try format.data(document).write(to: URL(fileURLWithPath: path))
                files.append(path)
            }
        }
        let converted = try Run(Self.office!, ["-env:UserInstallation=file://\(dir.path)/profile", "--headless",
                                               "--convert-to", "pdf", "--outdir", dir.path] + files)
        #expect(converted.status == 0, "\(converted.stderr)")
        for name in ["board", "council", "agenda"] {
            for format in ["docx", "odt"] {
                let pdf = "\(dir.path)/\(name)-\(format).pdf"
                #expect(FileManager.default.fileExists(atPath: pdf), "\(pdf) not made: \(converted.stdout)")
                guard FileManager.default.fileExists(atPath: pdf) else { continue }
                #expect(try isA4(pdf), "\(pdf)")
                let text = try pdfText(pdf)
                let expected: [String] = switch name {
                case "board": ["Minutes of the meeting of", "Harbour Valley Integrated Care Board", "Meeting held in public",
                               "Dr Jane Roe (JR) Medical Director", "Ms Kate Lowe (KL) Board Secretary (minutes)",
                               "The meeting opened at 10:02. The meeting was quorate.",
                               "It was RESOLVED that the revised capital plan be approved.",
                               "At 11:15 the meeting became quorate again (4 of 4 members).",
                               "JR to circulate the serious incident reports to members — 3 February 2027",
                               "The meeting closed at 12:05."]
                case "council": ["Cllr Mary Hart (Chair)", "David Lane, Head of Planning",
                                 "RESOLVED – That the application be approved",
                                 "6. Acquisition of land at Station Road", "1. traffic on Mill Lane"]
                default: ["Agenda for the meeting of", "Finance report, month 8", "7. Contract award: out-of-hours service"]
                }
                for line in expected {
                    #expect(text.contains(line), "\(name).\(format) lacks “\(line)”:\n\(text)")
                }
                if name == "board" {
                    // The typed nesting survives: the inner items sit further in than the outer.
                    let outer = indent(of: "£1.2m behind plan", in: text), inner = indent(of: "agency nursing", in: text)
                    #expect(outer != nil && inner != nil && inner! > outer!, "\(name).\(format): \(String(describing: outer)) \(String(describing: inner))")
                    #expect(!text.contains("Roe JR") && !text.contains("Tom Hale Tom Hale"))
                }
            }
        }
    }

    @Test(.enabled(if: Tool.chromium != nil && pdftotext != nil, "needs chromium and poppler-utils"))
    func pdfIsPrintedByTheRendererFoundAndRefusedWithoutOne() throws {
        let dir = try TempDir("clerk-pdf")
        defer { dir.remove() }
        let f = try StyledCommittees()
        let board = try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.boardMeeting]!)
        let renderer = try PDFRenderer.find(path: "/usr/bin:/bin")
        let pdf = dir.path + "/board.pdf"
        try renderer.render(board).write(to: URL(fileURLWithPath: pdf))
        #expect(try isA4(pdf))
        let text = try pdfText(pdf)
        #expect(text.contains("It was RESOLVED that the revised capital plan be approved."))
        #expect(text.contains("Mr Sam Wu (SW) Deputy Chief Nurse, deputising for Ms Priya Shah"))
        do {
            _ = try PDFRenderer.find(path: dir.path)
            Issue.record("a renderer was found in an empty folder")
        } catch let error as ExportFormatError {
            #expect(error.description == "no PDF renderer on this machine; install one with: apt-get install chromium (or libreoffice-writer-nogui)")
        }
    }

    @Test func theOpenDocumentMimetypeComesFirstAndUncompressed() throws {
        let f = try StyledCommittees()
        let odt = try ExportFormat.odt.data(try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.boardMeeting]!))
        let bytes = [UInt8](odt)
        #expect(bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]))
        #expect(bytes[8] == 0 && bytes[9] == 0, "stored, not deflated")
        let nameLength = Int(bytes[26]) | Int(bytes[27]) << 8
        let extra = Int(bytes[28]) | Int(bytes[29]) << 8
        #expect(String(decoding: bytes[30..<30 + nameLength], as: UTF8.self) == "mimetype")
        let start = 30 + nameLength + extra
        #expect(String(decoding: bytes[start..<start + 39], as: UTF8.self) == "application/vnd.oasis.opendocument.text")
    }

    @Test func theWordDocumentsAreCheckedIn() throws {
        let f = try StyledCommittees()
        for (id, name) in [(StyledCommittees.boardMeeting, "minutes-nhs-board-2027-01-14"),
                           (StyledCommittees.councilMeeting, "minutes-council-2027-01-20")] {
            let docx = try ExportFormat.docx.data(try MinutesDocument.build(archive: f.state, record: f.records[id]!))
            let url = Golden.root.appendingPathComponent("docs/examples/\(name).docx")
            if Golden.recording { try docx.write(to: url) }
            #expect((try? Data(contentsOf: url)) == docx, "\(url.path) differs; re-record with CLERK_RECORD=1 if intended")
        }
    }

    @Test func theFormatComesFromTheFlagOrTheEndingAndTheyMustAgree() throws {
        #expect(try ExportFormat.resolve(format: nil, fileName: "minutes.docx") == .docx)
        #expect(try ExportFormat.resolve(format: nil, fileName: "/tmp/a.b/Minutes.ODT") == .odt)
        #expect(try ExportFormat.resolve(format: "pdf", fileName: nil) == .pdf)
        #expect(try ExportFormat.resolve(format: "word", fileName: "m.docx") == .docx)
        #expect(try ExportFormat.resolve(format: nil, fileName: "notes") == .text)
        #expect(try ExportFormat.resolve(format: "html", fileName: "notes.minutes") == .html)
        #expect(throws: ExportFormatError.self) { try ExportFormat.resolve(format: "pdf", fileName: "m.docx") }
        #expect(throws: ExportFormatError.self) { try ExportFormat.resolve(format: "xlsx", fileName: nil) }
    }
}

/// The Markdown export rendered by the CommonMark reference implementation reads as the
/// HTML export does: the same text, the same lists and line breaks.
@Suite struct CommonMarkTests {
    static let cmark = Tool.path(["cmark"])

    /// The visible text of HTML, one block a line: tags dropped, entities read, spaces closed up.
    static func text(_ html: String) -> [String] {
        var body = html
        if let start = body.range(of: "<body>"), let end = body.range(of: "</body>") { body = String(body[start.upperBound..<end.lowerBound]) }
        for tag in ["</p>", "</li>", "</h1>", "</h2>", "</h3>", "</h4>", "<br>", "<br />", "<ul", "<ol", "<li>"] {
            body = body.replacingOccurrences(of: tag, with: "\n" + tag)
        }
        var out = "", inTag = false
        for c in body {
            if c == "<" { inTag = true } else if c == ">" { inTag = false } else if !inTag { out.append(c) }
        }
        for (entity, char) in [("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&amp;", "&")] {
            out = out.replacingOccurrences(of: entity, with: char)
        }
        return out.split(separator: "\n").map { $0.split(separator: " ").joined(separator: " ") }.filter { !$0.isEmpty }
    }

    @Test(.enabled(if: cmark != nil, "needs cmark: apt-get install -y cmark"))
    func markdownRendersAsTheHTMLExportReads() throws {
        let dir = try TempDir("clerk-cmark")
        defer { dir.remove() }
        let f = try StyledCommittees()
        var demo = try Demo()
        var record = demo.record(Demo.april2008)
        record.apply(.entryAdded(EntryAdded(meetingID: Demo.april2008, entry: MinuteEntry(
            id: "e-hostile", itemID: record.items[1].id, kind: .note, text: HostileTextTests.hostile + "\n1. a list?\n# no heading\n&copy; 2027"))))
        demo.records[Demo.april2008] = record
        let documents = [
            try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.boardMeeting]!),
            try MinutesDocument.build(archive: f.state, record: f.records[StyledCommittees.councilMeeting]!),
            try MinutesDocument.build(archive: demo.state, record: record),
        ]
        for (i, document) in documents.enumerated() {
            let md = "\(dir.path)/\(i).md"
            try Data(DocumentFormat.markdown.render(document).utf8).write(to: URL(fileURLWithPath: md))
            let rendered = try Run(Self.cmark!, [md])
            #expect(rendered.status == 0)
            let html = DocumentFormat.html.render(document)
            let fromMarkdown = Self.text(rendered.stdout), fromHTML = Self.text(html)
            #expect(fromMarkdown == fromHTML, "\(i): \(zip(fromMarkdown, fromHTML).first { $0 != $1 }.map { "\($0) ≠ \($1)" } ?? "lengths differ")")
            // The same structure: as many list items, nested lists and line breaks (the HTML
            // export's numbered list of actions is paragraphs in Markdown: left out here).
            var structure = html
            if let start = structure.range(of: "<ol class=\"actions\">"),
               let end = structure.range(of: "</ol>", range: start.upperBound..<structure.endIndex) {
                structure.removeSubrange(start.lowerBound..<end.upperBound)
            }
            for tag in ["<li>", "<ul", "<ol", "<br"] {
                let a = rendered.stdout.components(separatedBy: tag).count, b = structure.components(separatedBy: tag).count
                #expect(a == b, "\(i): \(tag) \(a) in CommonMark, \(b) in the HTML export")
            }
            #expect(!rendered.stdout.contains("<script") && !rendered.stdout.contains("<a href"))
        }
    }
}
