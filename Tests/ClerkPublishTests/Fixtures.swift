import ClerkApp
import ClerkCore
import ClerkPublish
import ClerkTestSupport
import Foundation

/// The demo archive, folded as the store folds it, with one planned meeting's agenda built
/// up (presenters, papers, timings, a sub-item, a confidential item) for the agenda pack.
struct Demo {
    static let today = CalendarDate(year: 2026, month: 11, day: 23)!
    static let april2008: MeetingID = "hpbc-2008-04-22"
    static let pcpgJanuary: MeetingID = "pcpg-2027-01-12"

    var state = ArchiveState()
    var records: [MeetingID: MeetingRecord] = [:]

    init() throws {
        try apply(DemoArchive.events(today: Demo.today))
        // The January agenda of the Pan Cluster Planning Group, as a secretary would build it.
        let record = records[Demo.pcpgJanuary] ?? MeetingRecord(meetingID: Demo.pcpgJanuary)
        let items = record.items
        let actionLog = items.first { $0.standing == .actionLog }?.id
        let added = [
            AgendaItem(id: "x-finance", title: "Finance report, month 8", presenter: "Director of Finance",
                       papers: ["Paper A: finance report", "Paper B: savings plan"], minutes: 20),
            AgendaItem(id: "x-estates", title: "Estates strategy", presenter: "Head of Estates", minutes: 15),
            AgendaItem(id: "x-estates-a", parentID: "x-estates", title: "Luton & Dunstable site", minutes: 5),
            AgendaItem(id: "x-contract", title: "Contract award: out-of-hours service", presenter: "Chair",
                       papers: ["Paper C (part II)"], minutes: 10, confidential: true),
        ]
        var after = actionLog
        for item in added {
            var fresh = records[Demo.pcpgJanuary] ?? MeetingRecord(meetingID: Demo.pcpgJanuary)
            let ctx = try MeetingContext(archive: state, record: fresh)
            let events = try ctx.addItem(item, after: item.parentID == nil ? after : nil)
            for e in events { fresh.apply(e) }
            records[Demo.pcpgJanuary] = fresh
            if item.parentID == nil { after = item.id }
        }
        // Every item but apologies gets a time, so the clock runs through the agenda.
        var fresh = records[Demo.pcpgJanuary]!
        for var item in fresh.items where item.minutes == nil && item.parentID == nil {
            item.minutes = item.standing == .anyOtherBusiness ? 10 : 5
            fresh.apply(.itemEdited(ItemEdited(meetingID: Demo.pcpgJanuary, item: item)))
        }
        records[Demo.pcpgJanuary] = fresh
    }

    mutating func apply(_ events: [Event]) {
        for event in events {
            switch event.scope {
            case .archive: state.apply(event)
            case .meeting(let id): records[id, default: MeetingRecord(meetingID: id)].apply(event)
            }
        }
    }

    func record(_ id: MeetingID) -> MeetingRecord { records[id] ?? MeetingRecord(meetingID: id) }
}

/// A tool from the machine, if it is installed: python3 with a module, chromium.
enum Tool {
    static func path(_ names: [String]) -> String? {
        let dirs = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":").map(String.init)
        for name in names {
            for dir in ["/usr/bin"] + dirs where FileManager.default.isExecutableFile(atPath: "\(dir)/\(name)") {
                return "\(dir)/\(name)"
            }
        }
        return nil
    }

    /// Debian's python3 first: that is where apt puts python3-icalendar.
    static func python(with module: String) -> String? {
        for candidate in ["/usr/bin/python3", path(["python3"])].compactMap({ $0 }) {
            if let run = try? Run(candidate, ["-c", "import \(module)"]), run.status == 0 { return candidate }
        }
        return nil
    }

    static let chromium = path(["chromium", "chromium-browser", "google-chrome"])
}
