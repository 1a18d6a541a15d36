import ClerkCore
import ClerkPublish
import ClerkStore
import Foundation
import Terminal

/// What the screen can export, and from where: the open meeting's minutes or agenda pack,
/// its committee's action log, or the selected committee's calendar. A form asks for the
/// file (its extension picks the format) and whether confidential items go in.
public enum ExportKind: String, Sendable, Hashable {
    case minutes, agenda, actions, calendar
    /// The action review's list, as a plain-text chase list grouped by owner.
    case chaseList

    var formats: [String] {
        switch self {
        case .minutes, .agenda: ["txt", "md", "html", "docx", "odt", "pdf"]
        case .actions: ["csv", "json"]
        case .calendar: ["ics"]
        case .chaseList: ["txt"]
        }
    }
}

public struct ExportTarget: Sendable, Hashable {
    public var kind: ExportKind
    public var committeeID: CommitteeID
    public var meetingID: MeetingID?
    /// For a chase list: the review's filter and the list's heading.
    public var chase: ChaseRequest?
}

/// What a chase list from the action review lists: the filter in force when the key was
/// pressed, grouped by owner, under a heading naming that filter.
public struct ChaseRequest: Sendable, Hashable {
    public var filter: ActionFilter
    public var heading: String
}

extension Updater {
    static let exportChoices = [
        Form.Choice(key: "public", label: "Public version: confidential items left out"),
        Form.Choice(key: "full", label: "Full record, with confidential items"),
    ]

    func openExportForm(_ kind: ExportKind, _ state: inout AppState, _ data: ViewData) -> [Effect] {
        let target: ExportTarget
        let name: String
        switch kind {
        case .minutes, .agenda:
            guard let id = state.meeting?.meetingID, let meeting = data.archive.meetings[id] else {
                state.message = Message(text: "open a meeting first", isError: true)
                return []
            }
            target = ExportTarget(kind: kind, committeeID: meeting.committeeID, meetingID: id)
            name = "\(kind.rawValue)-\(id).html"
        case .chaseList:
            state.message = Message(text: "open the action review first: a on the home screen", isError: true)
            return []
        case .actions, .calendar:
            let committee = state.meeting.flatMap { data.archive.meetings[$0.meetingID]?.committeeID }
                ?? currentCommittee(state, data)?.id
            guard let committee, let code = data.archive.committees[committee]?.code else {
                state.message = Message(text: "there is no committee to export from", isError: true)
                return []
            }
            target = ExportTarget(kind: kind, committeeID: committee)
            name = kind == .actions ? "actions-\(code).csv" : "meetings-\(code).ics"
        }
        let formats = kind.formats.map { "." + $0 }.joined(separator: ", ")
        state.overlay = .form(Form(purpose: .export(target), title: "Export the \(Self.exportTitle(kind))",
                                   choices: Self.exportChoices, text: CommandInput(text: name),
                                   textLabel: "File (\(formats)): "))
        return []
    }

    static func exportTitle(_ kind: ExportKind) -> String {
        switch kind {
        case .minutes: "minutes"
        case .agenda: "agenda pack"
        case .actions: "action log"
        case .calendar: "calendar of meetings and action due dates"
        case .chaseList: "actions shown as a chase list"
        }
    }

    /// Checks the path and makes the file's contents; the shell writes it.
    func submitExport(_ state: inout AppState, _ form: Form, _ target: ExportTarget, _ data: ViewData) -> [Effect] {
        var form = form
        let path = (form.text?.text ?? "").trimmingSpaces()
        // The rule `clerk export -o` follows; here the ending also picks the format.
        if let problem = ExportFile.extensionProblem(path, formats: target.kind.formats) {
            form.problem = problem
            state.overlay = .form(form)
            return []
        }
        let ext = (path as NSString).pathExtension.lowercased()
        let confidentiality: Confidentiality = form.choices[form.selected].key == "full" ? .included : .redacted
        if target.meetingID != nil, data.record?.meetingID != target.meetingID {
            form.problem = "the meeting is not open; open it and export again"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        return [.export(ExportJob(target: target, path: path, format: ext, confidentiality: confidentiality))]
    }
}

/// An export the person asked for: what, in which format, to which file.
public struct ExportJob: Sendable, Hashable {
    public var target: ExportTarget
    public var path: String
    public var format: String
    public var confidentiality: Confidentiality

    /// The file's contents. `record` reads a meeting's record: the open one, or any other
    /// whose confidential items decide which actions the public action log leaves out.
    public func contents(archive: ArchiveState, today: CalendarDate,
                         record: @escaping (MeetingID) -> MeetingRecord?) throws -> String {
        switch target.kind {
        case .minutes, .agenda:
            guard let id = target.meetingID, let open = record(id) else {
                throw CommandError(.wrongState, "the meeting's record cannot be read; open it and export again")
            }
            let document = target.kind == .minutes
                ? try MinutesDocument.build(archive: archive, record: open, confidentiality: confidentiality)
                : try AgendaDocument.build(archive: archive, record: open, confidentiality: confidentiality)
            return (DocumentFormat(name: format) ?? .text).render(document)
        case .actions:
            let actions = archive.actions(matching: ActionFilter(committee: target.committeeID,
                                                                 statuses: [.open, .inProgress, .ongoing]))
            let rows = ActionLog.rows(actions, archive: archive, today: today, confidentiality: confidentiality,
                                      confidentialItem: Self.confidentialItems(record))
            return format == "json" ? try ActionLog.json(rows) : ActionLog.csv(rows)
        case .chaseList:
            guard let chase = target.chase else { throw CommandError(.wrongState, "the review's list is not known; press e again") }
            return ChaseList.text(chaseActions(archive: archive, record: record), archive: archive, today: today, heading: chase.heading)
        case .calendar:
            return ICalendar.build(archive: archive, options: .init(committees: [target.committeeID], actions: true,
                                                                    confidentiality: confidentiality, today: today),
                                   confidentialItem: Self.confidentialItems(record))
        }
    }

    /// The file's bytes: the text formats as UTF-8; Word and OpenDocument built here; PDF
    /// printed from the same document by the renderer found on `searchPath` (the PATH).
    public func bytes(archive: ArchiveState, today: CalendarDate, searchPath: String?,
                      record: @escaping (MeetingID) -> MeetingRecord?) throws -> Data {
        guard let chosen = ExportFormat(name: format), chosen.textFormat == nil, target.kind == .minutes || target.kind == .agenda,
              let id = target.meetingID, let open = record(id) else {
            return Data(try contents(archive: archive, today: today, record: record).utf8)
        }
        let document = target.kind == .minutes
            ? try MinutesDocument.build(archive: archive, record: open, confidentiality: confidentiality)
            : try AgendaDocument.build(archive: archive, record: open, confidentiality: confidentiality)
        return chosen == .pdf ? try PDFRenderer.find(path: searchPath).render(document) : try chosen.data(document)
    }

    /// A chase list's actions: the review's, less those of confidential items in the public version.
    func chaseActions(archive: ArchiveState, record: @escaping (MeetingID) -> MeetingRecord?) -> [Action] {
        guard let chase = target.chase else { return [] }
        let actions = archive.actions(matching: chase.filter)
        guard confidentiality == .redacted else { return actions }
        let confidential = Self.confidentialItems(record)
        // Withdrawn (raised by mistake) and confidential actions appear nowhere public.
        return actions.filter { a in a.status != .withdrawn && !a.confidential && a.itemID.map { confidential(a.meetingID, $0) } != true }
    }

    /// The committees whose records the export draws on: one, or for a chase list across
    /// every committee, each committee with an action on the list.
    func committees(archive: ArchiveState) -> [CommitteeID] {
        guard let chase = target.chase, chase.filter.committee == nil else { return [target.committeeID] }
        var seen: [CommitteeID] = []
        for a in archive.actions(matching: chase.filter) where !seen.contains(a.committeeID) { seen.append(a.committeeID) }
        return seen
    }

    /// Whether an agenda item is confidential, or under one: each meeting's record read once;
    /// a meeting whose record cannot be read counts every item as confidential.
    static func confidentialItems(_ record: @escaping (MeetingID) -> MeetingRecord?) -> (MeetingID, ItemID) -> Bool {
        var known: [MeetingID: Set<ItemID>?] = [:]
        return { meeting, item in
            if known[meeting] == nil { known[meeting] = .some(record(meeting).map(Access.confidentialItems(of:))) }
            guard let items = known[meeting] ?? nil else { return true }
            return items.contains(item)
        }
    }
}
