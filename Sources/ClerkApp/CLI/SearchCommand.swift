import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation

/// `clerk search TEXT`: every line of the archive (agenda titles, minutes, decisions,
/// votes, declarations, actions, attendance) holding all the words, newest meeting first.
struct Search: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Search the minutes, agendas, decisions, actions and attendance of every meeting.",
        discussion: """
        Every word must occur in the same line, in any case and with or without accents; \
        put a phrase in double quotes. Items closed to the public (confidential) are left out \
        unless --include-confidential is given.
        """
    )

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("Words to look for; a \"quoted phrase\" is one word.", valueName: "TEXT"))
    var text: [String] = []
    @Option(help: ArgumentHelp("Only this committee (id, code or name).", valueName: "C")) var committee: String?
    @Flag(help: "Include confidential items, their minutes and actions.") var includeConfidential = false
    @Option(help: ArgumentHelp("Show at most this many results.", valueName: "N")) var limit = 200
    @Option(help: "table, csv or json.") var format: ListFormat = .table

    func validate() throws {
        if limit < 1 { throw ValidationError("--limit \(limit) shows nothing; give a number of results of 1 or more") }
    }

    struct Row: Encodable {
        var meeting: String, date: String, committee: String, item: String?, itemTitle: String?
        var entry: String?, kind: String, text: String, confidential: Bool
    }

    struct Output: Encodable {
        var total: Int, shown: Int, results: [Row]
    }

    func run() throws {
        try run(account: SystemAccount.current())
    }

    /// Searches as `account` may see the archive; tests give the account.
    func run(account: String) throws {
        // An argument with spaces in it (quoted in the shell) is a phrase.
        let terms = try SearchText.terms(of: text.map { $0.contains(" ") && !$0.contains("\"") ? "\"\($0)\"" : $0 }
            .joined(separator: " "))
        let dir = global.dataDirectory()
        if let problem = ArchiveLayout.openProblem(dir, forWriting: false) { throw StoreError(problem) }
        // Closed items only on request, and only of committees whose confidential items the
        // account may see; asking when it may see none of them is refused.
        var confidentialIn: @Sendable (CommitteeID) -> Bool = { _ in false }
        if includeConfidential {
            let store = try global.openStore(mode: .readOnly)
            let access = store.access(account: account, today: SystemAccount.today())
            let state = store.state
            let scope = try committee.map { [try state.committee($0).id] } ?? state.committeeList.map(\.id)
            if !scope.contains(where: { access.canSeeConfidential(committee: $0) }) {
                try Export.refuseConfidential(access, state, committees: scope, doing: "search")
            }
            confidentialIn = { access.canSeeConfidential(committee: $0) }
        }
        let (index, results) = try SearchIndex.search(directory: dir, save: !global.readOnly, terms: terms, committee: committee,
                                                      confidentialIn: confidentialIn, limit: limit)
        let rows = results.hits.map {
            Row(meeting: $0.meetingID, date: $0.date.iso, committee: $0.committeeCode, item: $0.itemNumber,
                itemTitle: $0.itemTitle, entry: $0.entryID, kind: $0.kind.rawValue, text: $0.text,
                confidential: $0.confidential)
        }
        switch format {
        case .json:
            print(try Listing.json(Output(total: results.total, shown: rows.count, results: rows)), terminator: "")
        case .csv:
            // One row per result shown; a script that needs the total asks for json.
            print(Listing.csv(["meeting", "date", "committee", "item", "item_title", "entry", "kind", "text", "confidential"],
                              rows.map { [$0.meeting, $0.date, $0.committee, $0.item ?? "", $0.itemTitle ?? "", $0.entry ?? "",
                                          $0.kind, $0.text, $0.confidential ? "yes" : "no"] }), terminator: "")
        case .table:
            if results.hits.isEmpty {
                print(Listing.text("nothing found for \(terms.map { "'\($0)'" }.joined(separator: " and "))"))
                return
            }
            print(Listing.table(["DATE", "COMMITTEE", "ITEM", "WHAT", "TEXT"], results.hits.map { hit in
                [hit.date.iso, hit.committeeCode, Self.itemLabel(hit), hit.kind.label,
                 SearchText.snippet(hit.text, terms: terms, width: 70)]
            }), terminator: "")
            if results.total > results.hits.count {
                print("… and \(results.total - results.hits.count) more; add words, --committee or a larger --limit")
            }
        }
        fflush(nil)
        withExtendedLifetime(index) { Foundation.exit(0) }
    }

    /// "4 Finance report", shortened to keep the table narrow.
    static func itemLabel(_ hit: SearchHit) -> String {
        guard let number = hit.itemNumber else { return "-" }
        let title = hit.itemTitle ?? ""
        let short = title.count > 28 ? String(title.prefix(27)) + "…" : title
        return short.isEmpty ? number : "\(number) \(short)"
    }
}
