import ArgumentParser
import ClerkStore
import Foundation
import Terminal

/// `clerk check`: verify the archive; non-zero exit when anything is damaged.
struct Check: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Verify every journal file of the archive; exit non-zero and name each damaged file and record.")

    @OptionGroup var global: GlobalOptions

    func run() throws {
        let dir = global.dataDirectory()
        let report = ArchiveCheck.run(directory: dir)
        // Reports quote what records hold (ids, keys): shown, never sent raw.
        for note in report.notes { print("note: \(Sanitize.visible(note))") }
        for warning in report.warnings { print("warning: \(Sanitize.visible(warning))") }
        for warning in RescueFiles.warnings(archive: dir, elsewhere: RescuePlaces.elsewhere()) {
            print("warning: \(Sanitize.visible(warning))")
        }
        if report.isHealthy {
            print("ok: \(report.segments) journal file(s), \(report.records) record(s) in \(dir)")
            return
        }
        for problem in report.problems {
            FileHandle.standardError.write(Data("damaged: \(Sanitize.visible(problem))\n".utf8))
        }
        FileHandle.standardError.write(Data("clerk: \(report.problems.count) problem(s) in \(dir); see docs/journal-format.md on recovery\n".utf8))
        throw ExitCode(2)
    }
}
