import ArgumentParser
import ClerkStore
import Foundation

/// `clerk check`: verify the archive; non-zero exit when anything is damaged.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify every journal file of the archive; exit non-zero and name each damaged file and record.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dir = global.dataDirectory()
        let report = ArchiveCheck.run(directory: dir)
        for note in report.notes { print("note: \(note)") }
        for warning in RescueFiles.warnings(archive: dir, elsewhere: RescuePlaces.elsewhere()) { print("warning: \(warning)") }
        if report.isHealthy {
            print("ok: \(report.segments) journal file(s), \(report.records) record(s) in \(dir)")
            return
        }
        for problem in report.problems {
            FileHandle.standardError.write(Data("damaged: \(problem)\n".utf8))
        }
        FileHandle.standardError.write(Data("clerk: \(report.problems.count) problem(s) in \(dir); see docs/journal-format.md on recovery\n".utf8))
        throw ExitCode(2)
    }
}
