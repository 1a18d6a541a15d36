import ClerkCore
import Foundation

/// `clerk check`: reads every segment of an archive from the start, without changing
/// anything, and reports each problem as one line naming the file and the record.
public struct ArchiveCheck: Sendable {
    public var segments = 0
    public var records = 0
    /// Damage that needs attention: the archive is not whole.
    public var problems: [String] = []
    /// Things worth knowing that are not damage (torn bytes already set aside).
    public var notes: [String] = []
    /// Not damage, but worth fixing: files other accounts can read (see ArchiveCheck+Files).
    public var warnings: [String] = []

    public var isHealthy: Bool { problems.isEmpty }

    public static func run(directory: String) -> ArchiveCheck {
        var report = ArchiveCheck()
        if let problem = ArchiveLayout.openProblem(directory, forWriting: false) {
            report.problems.append(problem)
            return report
        }
        report.checkFiles(directory)
        var state = ArchiveState()
        let archivePath = directory + "/journal/archive.jsonl"
        report.read(archivePath) { state.apply($0, from: $1) }
        for anomaly in state.anomalies { report.problems.append("event does not fit: \(anomaly)") }

        let meetingsDir = directory + "/journal/meetings"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: meetingsDir)) ?? []).sorted()
        for file in files {
            let path = meetingsDir + "/" + file
            if FileIO.isSymbolicLink(path) { continue }  // reported by checkFiles
            if file.hasSuffix(".broken") {
                report.notes.append("\(path): holds bytes set aside from a torn append; kept for inspection")
                continue
            }
            guard file.hasSuffix(".jsonl") else { continue }
            let id = String(file.dropLast(6))
            if !IDGrammar.isValid(id) {
                report.problems.append("\(path): not named by a meeting id (\(IDGrammar.shown(id))); meeting files are journal/meetings/ID.jsonl")
            } else if state.meetings[id] == nil {
                report.problems.append("\(path): segment of a meeting the archive does not know ('\(id)')")
            }
            var record = MeetingRecord(meetingID: id)
            report.read(path) { event, source in
                // As the archive is opened: what names something unknown in the archive is set aside.
                if let why = Self.referenceProblem(event, in: state) {
                    record.setAside("\(source): \(event.kind.rawValue): \(why)")
                } else {
                    record.apply(event, from: source)
                }
            }
            for anomaly in record.anomalies { report.problems.append("event does not fit: \(anomaly)") }
            // Not damage: both versions are kept, and a person chooses on the screen.
            for conflict in record.openConflicts {
                report.notes.append("\(path): paragraph \(conflict.entryID) of item \(conflict.itemID) has a conflicting version (\(conflict.id)) waiting for someone to choose; open meeting \(id) and press C on the item")
            }
        }
        if FileManager.default.fileExists(atPath: archivePath + ".broken") {
            report.notes.append("\(archivePath).broken: holds bytes set aside from a torn append; kept for inspection")
        }
        report.checkCommits(directory: directory)
        return report
    }

    private mutating func read(_ path: String, apply: (Event, String) -> Void) {
        let segment: Segment
        do {
            segment = try Segment(path: path, mode: .readOnly)
        } catch {
            problems.append("\(path): \(error)")
            return
        }
        defer { segment.close() }
        segments += 1
        let result: ReadResult
        do {
            result = try segment.read(from: 0)
        } catch {
            problems.append("\(path): \(error)")
            return
        }
        for located in result.records {
            records += 1
            let source = ArchiveStore.source(path, located.record)
            switch ArchiveStore.decode(located.record) {
            case .success(let event): apply(event, source)
            case .failure(let error): problems.append("\(source) (byte \(located.offset)): set aside when opened: \(error)")
            }
        }
        switch result.damage {
        case .corrupt?:
            problems.append("\(path): \(result.damage!); the records after it are not read — restore the file from a backup")
        case .tornTail(let offset, let count)?:
            problems.append("\(path): \(count) byte(s) of an unfinished append at byte \(offset); the next writing session sets them aside into \(path).broken")
        case nil:
            break
        }
    }
}
