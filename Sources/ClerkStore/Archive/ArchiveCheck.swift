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

    public var isHealthy: Bool { problems.isEmpty }

    public static func run(directory: String) -> ArchiveCheck {
        var report = ArchiveCheck()
        guard ArchiveStore.isArchive(directory) else {
            report.problems.append("\(directory): not a clerk archive (no \(ArchiveStore.markerName))")
            return report
        }
        var state = ArchiveState()
        let archivePath = directory + "/journal/archive.jsonl"
        report.read(archivePath) { state.apply($0) }
        for anomaly in state.anomalies { report.problems.append("\(archivePath): event does not fit: \(anomaly)") }

        let meetingsDir = directory + "/journal/meetings"
        let files = ((try? FileManager.default.contentsOfDirectory(atPath: meetingsDir)) ?? []).sorted()
        for file in files {
            let path = meetingsDir + "/" + file
            if file.hasSuffix(".broken") {
                report.notes.append("\(path): holds bytes set aside from a torn append; kept for inspection")
                continue
            }
            guard file.hasSuffix(".jsonl") else { continue }
            let id = String(file.dropLast(6))
            if state.meetings[id] == nil {
                report.problems.append("\(path): segment of a meeting the archive does not know ('\(id)')")
            }
            var record = MeetingRecord(meetingID: id)
            report.read(path) { record.apply($0) }
            for anomaly in record.anomalies { report.problems.append("\(path): event does not fit: \(anomaly)") }
            // Not damage: both versions are kept, and a person chooses on the screen.
            for conflict in record.openConflicts {
                report.notes.append("\(path): paragraph \(conflict.entryID) of item \(conflict.itemID) has a conflicting version (\(conflict.id)) waiting for someone to choose; open meeting \(id) and press C on the item")
            }
        }
        if FileManager.default.fileExists(atPath: archivePath + ".broken") {
            report.notes.append("\(archivePath).broken: holds bytes set aside from a torn append; kept for inspection")
        }
        return report
    }

    private mutating func read(_ path: String, apply: (Event) -> Void) {
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
            do {
                apply(try EventCodec.decode(type: located.record.type, version: located.record.version, data: located.record.data))
            } catch {
                problems.append("\(path): record \(located.record.seq) at byte \(located.offset): \(error)")
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
