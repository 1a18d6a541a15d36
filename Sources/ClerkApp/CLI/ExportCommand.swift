import ArgumentParser
import ClerkCore
import ClerkPublish
import ClerkStore
import Foundation

/// `clerk export`: minutes, agenda packs, the action log and calendars, in the formats
/// committees circulate. Written to stdout, or whole to the file given with --output.
struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Export minutes, an agenda pack, the action log or a calendar.",
        discussion: """
        clerk export minutes MEETING [--format txt|md|html|docx|odt|pdf] [-o FILE]
        clerk export agenda MEETING [--format txt|md|html|docx|odt|pdf] [-o FILE]
        The format comes from --format or from the ending of FILE; PDF is printed by
        chromium or LibreOffice found on the machine.
        clerk export actions [--format csv|json] [the filters of 'clerk actions']
        clerk export calendar [--committee C] [--actions]
        Confidential items and actions are left out unless --include-confidential is given.
        """
    )

    enum Kind: String, ExpressibleByArgument, CaseIterable {
        case minutes, agenda, actions, calendar
    }

    @OptionGroup var global: GlobalOptions
    @Argument(help: "What to export: minutes, agenda, actions or calendar.") var kind: Kind
    @Argument(help: ArgumentHelp("The meeting, for minutes and agenda (an id from 'clerk meetings').", valueName: "MEETING"))
    var meetingID: String?
    @Option(help: "minutes and agenda: txt, md, html, docx, odt or pdf; actions: csv or json; calendar: ics.") var format: String?
    @Option(name: [.short, .long], help: ArgumentHelp("Write to this file instead of standard output.", valueName: "FILE"))
    var output: String?
    @Flag(help: "With --output: write to a file name that does not end in the format's extension.") var force = false
    @Flag(help: "Include confidential items, their minutes and actions (left out by default).") var includeConfidential = false
    @Option(help: ArgumentHelp("actions, calendar: only this committee (id, code or name); minutes of a meeting in common: this committee's extract.", valueName: "C")) var committee: String?
    @Option(help: ArgumentHelp("actions: only those owned by this person or organisation.", valueName: "P")) var owner: String?
    @Flag(help: "actions: only open actions past their due date.") var overdue = false
    @Flag(help: "actions: only actions due from today to Sunday.") var dueThisWeek = false
    @Option(help: ArgumentHelp("actions: only those raised at this meeting.", valueName: "ID")) var meeting: String?
    @Option(help: ArgumentHelp("actions: only this status (repeat for several).", valueName: "S")) var status: [String] = []
    @Flag(help: "actions: include done and dropped actions.") var all = false
    @Flag(help: "calendar: add the due dates of open actions.") var actions = false
    @Flag(help: "minutes with --include-confidential: add an appendix of every change to the meeting, with who and when.")
    var audit = false

    func validate() throws {
        switch kind {
        case .minutes, .agenda:
            guard meetingID != nil else {
                throw ValidationError("say which meeting: clerk export \(kind.rawValue) MEETING (ids from 'clerk meetings')")
            }
            if let format, ExportFormat(name: format) == nil {
                throw ValidationError("\(kind.rawValue) are exported as \(ExportFormat.names), not '\(format)'")
            }
            _ = try documentFormat()
        case .actions:
            if let format, format != "csv", format != "json" {
                throw ValidationError("the action log is exported as csv or json, not '\(format)'")
            }
        case .calendar:
            if let format, format != "ics" { throw ValidationError("calendars are exported as ics, not '\(format)'") }
        }
        if force, output == nil { throw ValidationError("--force is taken with --output FILE only") }
        if audit, kind != .minutes || !includeConfidential {
            throw ValidationError("--audit is taken by 'clerk export minutes MEETING --include-confidential' only: the full record")
        }
        if kind != .minutes, kind != .agenda, let meetingID {
            throw ValidationError("'\(meetingID)' is not taken by export \(kind.rawValue); for actions of a meeting use --meeting \(meetingID)")
        }
    }

    func run() throws {
        try run(account: SystemAccount.current())
    }

    /// Exports as `account` may see it; tests give the account.
    func run(account: String) throws {
        if let output {
            try ExportFile.refuseTarget(output, archive: global.dataDirectory())
            if !force, let problem = ExportFile.extensionProblem(output, formats: Self.extensions(of: effectiveFormat), forceHint: true) {
                throw ValidationError(problem)
            }
        }
        let format: String? = effectiveFormat
        let store = try global.openStore(mode: .readOnly)
        let today = try global.todayDate()
        let state = store.state
        if includeConfidential {
            try Self.refuseConfidential(store.access(account: account, today: SystemAccount.today()), state,
                                        committees: try scope(state))
        }
        let confidentiality: Confidentiality = includeConfidential ? .included : .redacted
        var text = ""
        var binary: Data?
        switch kind {
        case .minutes, .agenda:
            let id = meetingID ?? ""
            let meeting = try state.meeting(id)
            // The public version lists part 2 items by title; a person barred from them gets
            // the record as the screen shows it to them, without a trace of those items.
            let record = store.access(account: account, today: SystemAccount.today())
                .redacted(try store.record(of: id), committee: meeting.committeeID)
            let only = try kind == .minutes ? committee.map { typed -> CommitteeID in
                guard let c = state.committeeNamed(typed) else {
                    throw CommandError(.notFound, "no committee '\(typed)': run 'clerk committees' for their codes and names")
                }
                return c.id
            } : nil
            var document = kind == .minutes
                ? try MinutesDocument.build(archive: state, record: record, confidentiality: confidentiality, committee: only)
                : try AgendaDocument.build(archive: state, record: record, confidentiality: confidentiality)
            if audit {
                document.blocks += try ExportAudit.blocks(store, meeting: id, access: store.access(account: account, today: SystemAccount.today()))
            }
            switch try documentFormat() {
            case .pdf: binary = try PDFRenderer.find(path: ProcessEnvironment.current["PATH"]).render(document)
            case let f: if let t = f.textFormat { text = t.render(document) } else { binary = try f.data(document) }
            }
        case .actions:
            let filter = try ActionFilters(committee: committee, owner: owner, overdue: overdue, dueThisWeek: dueThisWeek,
                                           meeting: meeting, status: status, all: all).filter(state, today: today)
            let rows = ActionLog.rows(state.actions(matching: filter), archive: state, today: today,
                                      confidentiality: confidentiality, confidentialItem: store.confidentialItemLookup())
            text = format == "json" ? try ActionLog.json(rows) : ActionLog.csv(rows)
        case .calendar:
            let committees = try committee.map { [try state.committee($0).id] }
            text = ICalendar.build(archive: state, options: ICalendar.Options(
                committees: committees, actions: actions, confidentiality: confidentiality, today: today),
                confidentialItem: store.confidentialItemLookup())
        }
        if let output {
            try ExportFile.write(bytes: binary.map { Array($0) } ?? Array(text.utf8), to: output, archive: store.directory)
            FileHandle.standardError.write(Data("clerk: wrote \(output)\n".utf8))
        } else {
            FileHandle.standardOutput.write(binary ?? Data(text.utf8))
        }
    }
}

extension Export {
    /// The format asked for: for minutes and agendas `documentFormat()`; for the others
    /// --format, else the one the --output file's extension names (actions.json: json),
    /// else the kind's first (csv, ics).
    var effectiveFormat: String {
        switch kind {
        case .minutes, .agenda: return ((try? documentFormat()) ?? .text).fileExtension
        case .actions:
            if let format { return format.lowercased() }
            let ext = output.map { ($0 as NSString).pathExtension.lowercased() } ?? ""
            return ext == "json" ? "json" : "csv"
        case .calendar: return "ics"
        }
    }

    /// The file name endings of a format.
    static func extensions(of format: String) -> [String] {
        switch ExportFormat(name: format) {
        case .text?: ["txt"]
        case .markdown?: ["md", "markdown"]
        case .html?: ["html", "htm"]
        case let other?: [other.fileExtension]
        case nil: [format]
        }
    }

    /// The format of a minutes or agenda export, from --format or the ending of -o; the two
    /// disagreeing is refused in one line.
    func documentFormat() throws -> ExportFormat {
        do {
            return try ExportFormat.resolve(format: format, fileName: output)
        } catch let error as ExportFormatError {
            throw ValidationError(error.description)
        }
    }

    /// The committees an export draws on.
    func scope(_ state: ArchiveState) throws -> [CommitteeID] {
        switch kind {
        case .minutes, .agenda: [try state.meeting(meetingID ?? "").committeeID]
        case .actions:
            if let meeting { [try state.meeting(meeting).committeeID] } else { try committee.map { [try state.committee($0).id] } ?? state.committeeOrder }
        case .calendar: try committee.map { [try state.committee($0).id] } ?? state.committeeOrder
        }
    }

    /// Refuses confidential content to a person who may not see it, in one line.
    static func refuseConfidential(_ access: Access, _ state: ArchiveState, committees: [CommitteeID],
                                   doing: String = "export") throws {
        guard let closed = committees.first(where: { !access.canSeeConfidential(committee: $0) }) else { return }
        let name = state.committees[closed]?.name ?? closed
        throw CommandError(.notAllowed, "the confidential items of \(name) are not open to \(access.describe(in: state)); \(doing) without --include-confidential")
    }
}

/// The filters `clerk actions` and `clerk export actions` share.
struct ActionFilters {
    var committee: String?
    var owner: String?
    var overdue: Bool
    var dueThisWeek: Bool
    var meeting: String?
    var status: [String]
    var all: Bool

    func filter(_ state: ArchiveState, today: CalendarDate) throws -> ActionFilter {
        let committeeID = try committee.map { try state.committee($0).id }
        if let meeting { _ = try state.meeting(meeting) }
        // Resolved as the action review resolves it: no match, or more than one, is refused.
        let ownerIs = try owner.map { try state.ownerFilter($0, committee: committeeID, on: today) }
        var statuses: Set<ActionStatus>? = all ? nil : [.open, .inProgress, .ongoing]
        if !status.isEmpty {
            statuses = Set(try status.map { text in
                guard let s = ActionStatus(rawValue: text.lowercased()) else {
                    throw ValidationError("no status '\(text)'; use open, in-progress, done, dropped, ongoing or withdrawn")
                }
                return s
            })
        }
        return ActionFilter(committee: committeeID, overdueOn: overdue ? today : nil, statuses: statuses,
                            dueBetween: dueThisWeek ? today.restOfWeek : nil, meeting: meeting, ownerIs: ownerIs)
    }
}
