import ClerkCore

extension Updater {
    /// `e` in the action review: the export form for the list as shown, as a plain-text
    /// chase list; the file name says whose and what ("chase-PG-overdue.txt").
    func openChaseListForm(_ state: inout AppState, _ review: ActionReviewScreen, _ data: ViewData) -> [Effect] {
        let filter = review.filter(today: data.today)
        guard !data.archive.actions(matching: filter).isEmpty else {
            state.message = Message(text: "no actions are shown, so there is nothing to chase: c clears the filters", isError: true)
            return []
        }
        let target = ExportTarget(kind: .chaseList, committeeID: review.committeeID ?? "",
                                  chase: ChaseRequest(filter: filter, heading: Self.chaseHeading(review, data)))
        state.overlay = .form(Form(purpose: .export(target), title: "Write the \(Self.exportTitle(.chaseList))",
                                   choices: Self.exportChoices, text: CommandInput(text: Self.chaseFileName(review, data)),
                                   textLabel: "File (.txt): "))
        return []
    }

    /// "Actions: all committees · open, in progress, ongoing · owner Dr Peter Graves · overdue".
    static func chaseHeading(_ review: ActionReviewScreen, _ data: ViewData) -> String {
        "Actions: " + ActionReviewPane.filterParts(review, data: data).filter { $0 != "by owner" }.joined(separator: " · ")
    }

    /// A file name from the filters, in letters, digits and hyphens only.
    static func chaseFileName(_ review: ActionReviewScreen, _ data: ViewData) -> String {
        var words = ["chase"]
        if let c = review.committeeID { words.append(data.archive.committees[c]?.code ?? c) }
        switch review.owner {
        case .person(let id)?: words.append(data.archive.people[id]?.initials ?? id)
        case .organisation(let id)?: words.append(id)
        case .post(let post)?: words.append(post)
        case nil: break
        }
        if review.overdueOnly { words.append("overdue") }
        let name = words.joined(separator: "-").map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "-" }
        return String(name) + ".txt"
    }
}
