import Foundation

/// PDF through a real renderer found on the machine: headless Chromium printing the HTML
/// export on A4, or else LibreOffice converting the Word export. The one place ClerkPublish
/// runs another program; it works in a private folder of its own and removes it after.
public struct PDFRenderer: Sendable {
    public enum Engine: Sendable, Hashable {
        case chromium(String)
        case libreoffice(String)
    }

    public var engine: Engine

    /// The renderer found on `path` (the PATH): Chromium first, then LibreOffice. When there
    /// is none, the error names the Debian packages to install.
    public static func find(path: String?) throws -> PDFRenderer {
        let dirs = (path ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        func first(_ names: [String]) -> String? {
            for name in names {
                for dir in dirs where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") { return "\(dir)/\(name)" }
            }
            return nil
        }
        if let chromium = first(["chromium", "chromium-browser", "google-chrome"]) { return PDFRenderer(engine: .chromium(chromium)) }
        if let office = first(["soffice", "libreoffice"]) { return PDFRenderer(engine: .libreoffice(office)) }
        throw ExportFormatError("no PDF renderer on this machine; install one with: apt-get install chromium (or libreoffice-writer-nogui)")
    }

    public init(engine: Engine) { self.engine = engine }

    public func render(_ document: Document) throws -> Data {
        let work = FileManager.default.temporaryDirectory
            .appendingPathComponent("clerk-pdf-\(ProcessInfo.processInfo.processIdentifier)-\(UInt64.random(in: 0...UInt64.max))")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: false,
                                                attributes: [.posixPermissions: 0o700])
        defer { try? FileManager.default.removeItem(at: work) }
        let pdf = work.appendingPathComponent("document.pdf")
        switch engine {
        case .chromium(let program):
            let html = work.appendingPathComponent("document.html")
            try Data(DocumentFormat.html.render(document).utf8).write(to: html)
            try Self.run(program, ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-dev-shm-usage",
                                   "--user-data-dir=\(work.path)/profile", "--no-pdf-header-footer",
                                   "--print-to-pdf=\(pdf.path)", html.absoluteString])
        case .libreoffice(let program):
            let docx = work.appendingPathComponent("document.docx")
            try WordFormat().render(document).write(to: docx)
            try Self.run(program, ["-env:UserInstallation=file://\(work.path)/profile", "--headless",
                                   "--convert-to", "pdf", "--outdir", work.path, docx.path])
        }
        guard let bytes = try? Data(contentsOf: pdf), bytes.starts(with: Array("%PDF-".utf8)) else {
            throw ExportFormatError("the PDF renderer wrote no PDF; try the html or docx export instead")
        }
        return bytes
    }

    static func run(_ program: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ExportFormatError("\(URL(fileURLWithPath: program).lastPathComponent) failed to print the PDF (exit \(process.terminationStatus))")
        }
    }
}
