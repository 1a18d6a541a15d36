import ClerkCore
import Foundation

extension ArchiveCheck {
    /// Commits written to several segments (docs/journal-format.md §14): each must be
    /// whole — every record its first one lists present exactly once — or it is named as
    /// half-written (the next writing session completes it) or written twice.
    mutating func checkCommits(directory: String) {
        struct Place { var file: String; var seq: UInt64 }
        struct Seen { var of: Int; var first: Place?; var places: [Int: [Place]] = [:]; var planned: [String?] = [] }
        var commits: [String: Seen] = [:]
        var order: [String] = []
        let journal = directory + "/journal"
        let meetingFiles = ((try? FileManager.default.contentsOfDirectory(atPath: journal + "/meetings")) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted().map { "meetings/" + $0 }
        for file in ["archive.jsonl"] + meetingFiles {
            guard let segment = try? Segment(path: journal + "/" + file, mode: .readOnly) else { continue }
            defer { segment.close() }
            guard let result = try? segment.read(from: 0) else { continue }
            for located in result.records {
                let place = Place(file: file, seq: located.record.seq)
                let mark: CommitMark
                do {
                    guard let m = try CommitMark.read(located.record.data) else { continue }
                    mark = m
                } catch {
                    problems.append("\(journal)/\(file): record \(place.seq): \(error)")
                    continue
                }
                if commits[mark.id] == nil { order.append(mark.id) }
                var seen = commits[mark.id] ?? Seen(of: mark.of)
                guard seen.of == mark.of else {
                    problems.append("\(journal)/\(file): record \(place.seq) says commit \(mark.id) has \(mark.of) record(s), an earlier one says \(seen.of)")
                    continue
                }
                seen.places[mark.n, default: []].append(place)
                if mark.n == 0, seen.first == nil {
                    seen.first = place
                    seen.planned = [file == "archive.jsonl" ? nil : String(file.dropFirst(9).dropLast(6))]
                        + (mark.then ?? []).map(\.meeting)
                }
                commits[mark.id] = seen
            }
        }
        for id in order {
            guard let seen = commits[id] else { continue }
            for (n, places) in seen.places.sorted(by: { $0.key < $1.key }) where places.count > 1 {
                let where_ = places.map { "\($0.file) record \($0.seq)" }.joined(separator: " and ")
                problems.append("\(journal): record \(n) of commit \(id) is written twice (\(where_)): one change counted twice")
            }
            guard let first = seen.first else {
                let any = seen.places.values.first!.first!
                problems.append("\(journal)/\(any.file): record \(any.seq) belongs to commit \(id), whose first record is missing; restore it from a backup")
                continue
            }
            let missing = (0..<seen.of).filter { seen.places[$0] == nil }
            guard !missing.isEmpty else { continue }
            let files = Set(missing.map { n in n < seen.planned.count ? seen.planned[n].map { "meetings/\($0).jsonl" } ?? "archive.jsonl" : "?" })
            problems.append("\(journal)/\(first.file): record \(first.seq) begins commit \(id) of \(seen.of) records, "
                + "but \(missing.count) are missing from \(files.sorted().joined(separator: ", ")) (a write failed or clerk stopped between files); "
                + "the next session that writes completes it")
        }
    }
}
