/// Every user action, declared once: its id (used by keys.toml and the `:` command line),
/// where it applies, its default keys and its help text. Key handling, the `?` overlay,
/// command-line completion and docs/keys.md are all made from this table.
public struct UIAction: Sendable, Hashable {
    public enum Scope: String, Sendable, Hashable, CaseIterable {
        case global, home, agenda, attendance, minutes, actions, editing, workPlan, actionReview, terms, search

        public var title: String {
            switch self {
            case .global: "Everywhere"
            case .home: "Home (committees and meetings)"
            case .agenda: "Agenda pane"
            case .attendance: "Attendance pane"
            case .minutes: "Minutes pane"
            case .actions: "Actions pane"
            case .editing: "While typing the minutes (the editor takes every other key; Esc also ends)"
            case .workPlan: "Work plan"
            case .actionReview: "Action review (every committee's actions by due date)"
            case .terms: "Terms of reference (committee set-up)"
            case .search: "Search results (every meeting, newest first)"
            }
        }
    }

    public var id: String
    public var scope: Scope
    /// Key names as in keys.toml: "j", "Down", "C-n", "S-Tab", "M-x", "F1", "Enter".
    public var keys: [String]
    /// Shown in the status line when the pane is in focus (short), or nil to leave it out.
    public var hint: String?
    public var help: String

    public init(_ id: String, _ scope: Scope, keys: [String], hint: String? = nil, _ help: String) {
        self.id = id
        self.scope = scope
        self.keys = keys
        self.hint = hint
        self.help = help
    }
}

public enum ActionTable {
    public static let all: [UIAction] = [
        // Everywhere
        UIAction("app.quit", .global, keys: ["q", "C-c"], hint: "quit", "Quit clerk (everything is already saved)"),
        UIAction("app.help", .global, keys: ["?", "F1"], hint: "help", "Show the keys of the pane in focus"),
        UIAction("app.command", .global, keys: [":"], hint: "command", "Open the command line: run any action by name"),
        UIAction("app.back", .global, keys: ["Esc", "Backspace"], hint: "back", "Close the overlay, or go back to the home screen"),
        UIAction("app.redraw", .global, keys: ["C-l"], "Redraw the whole screen (after another program wrote over it)"),
        UIAction("app.suspend", .global, keys: ["C-z"],
                 "Suspend clerk and return to the shell; fg brings it back (while typing the minutes, C-z undoes)"),
        UIAction("app.search", .global, keys: ["/"], "Search every meeting (minutes, agendas, actions, names)"),
        UIAction("move.up", .global, keys: ["Up", "k", "C-p"], "Move the selection up one row"),
        UIAction("move.down", .global, keys: ["Down", "j", "C-n"], "Move the selection down one row"),
        UIAction("move.pageUp", .global, keys: ["PgUp", "M-v"], "Move up one page"),
        UIAction("move.pageDown", .global, keys: ["PgDn", "C-v"], "Move down one page"),
        UIAction("move.top", .global, keys: ["Home", "g"], "Go to the first row"),
        UIAction("move.bottom", .global, keys: ["End", "G"], "Go to the last row"),
        UIAction("pane.next", .global, keys: ["Tab"], hint: "next pane", "Focus the next pane"),
        UIAction("pane.previous", .global, keys: ["S-Tab"], "Focus the previous pane"),
        UIAction("pane.agenda", .global, keys: ["1"], "Focus the agenda pane"),
        UIAction("pane.attendance", .global, keys: ["2"], "Focus the attendance pane"),
        UIAction("pane.minutes", .global, keys: ["3"], "Focus the minutes pane"),
        UIAction("pane.actions", .global, keys: ["4"], "Focus the actions pane"),
        UIAction("pane.zoom", .global, keys: ["z", "F11"], hint: "zoom", "Zoom the pane in focus to the whole screen, or back"),
        // Home
        UIAction("home.open", .home, keys: ["Enter", "Right", "l"], hint: "open", "Open the selected meeting"),
        UIAction("home.nextCommittee", .home, keys: ["]"], hint: "committee", "Show the next committee's meetings"),
        UIAction("home.previousCommittee", .home, keys: ["["], "Show the previous committee's meetings"),
        UIAction("meeting.new", .home, keys: ["N"], hint: "new meeting", "Plan a new meeting of the committee on a date you type"),
        UIAction("home.workPlan", .home, keys: ["W"], hint: "plan", "Open the work plan of the selected committee"),
        UIAction("home.actionReview", .home, keys: ["a"], hint: "actions", "Review every committee's actions by due date: filter, chase, update"),
        UIAction("home.mine", .home, keys: ["M"], hint: "mine", "Review my actions: those owned by the person this account is linked to"),
        UIAction("home.terms", .home, keys: ["T"], "Open the selected committee's terms of reference, organisations and members"),
        UIAction("home.newCommittee", .home, keys: ["C"], "Create a new committee: its name, then its code"),
        UIAction("home.planFromCadence", .home, keys: ["P"], "Plan the committee's next twelve meetings from the cadence in its terms"),
        UIAction("export.calendar", .home, keys: ["w"], "Export the selected committee's meetings and action due dates as a calendar (.ics)"),
        UIAction("meeting.move", .home, keys: ["m"], hint: "move",
                 "Move the selected meeting to another date or time (off a bank holiday, say); later meetings keep to the cadence"),
        UIAction("meeting.standDown", .home, keys: ["x"], "Stand down (cancel) the selected meeting, giving the reason"),
        // Agenda
        UIAction("agenda.select", .agenda, keys: ["Enter"], hint: "minutes of item", "Show the minutes of the selected item"),
        UIAction("export.agenda", .agenda, keys: ["w"], "Export the agenda pack to a file (.txt, .md or .html)"),
        UIAction("agenda.discuss", .agenda, keys: ["."], hint: "discuss", "Take the selected item now: it becomes the item under discussion"),
        UIAction("agenda.add", .agenda, keys: ["A"], hint: "add item", "Add an agenda item after the selected one"),
        UIAction("agenda.addSub", .agenda, keys: ["+"], hint: "sub-item", "Add a sub-item (a, b, c…) under the selected item"),
        UIAction("agenda.refer", .agenda, keys: ["R"], "Make the selected item refer to an item of the previous meeting (matters arising)"),
        UIAction("agenda.declare", .agenda, keys: ["I"], hint: "interest", "Record a declaration of interest on the selected item"),
        UIAction("agenda.vote", .agenda, keys: ["V"], hint: "vote", "Record a vote on the selected item, one choice per voter"),
        UIAction("meeting.start", .agenda, keys: ["S"], hint: "start", "Start the meeting (records the time; the first item is taken)"),
        UIAction("minutes.approvePrevious", .agenda, keys: ["P"],
                 "On \"Minutes of the last meeting\": record amendments (\"It was noted that…\"), then approve the previous meeting's minutes"),
        UIAction("meeting.close", .agenda, keys: ["C"], "Close the meeting: records the end, plans the next meeting, minutes become a draft (press twice)"),
        UIAction("agenda.edit", .agenda, keys: ["E"], hint: "edit", "Edit the selected item's title, presenter, papers and time"),
        UIAction("agenda.moveUp", .agenda, keys: ["K"], "Move the selected item up, with its sub-items"),
        UIAction("agenda.moveDown", .agenda, keys: ["J"], "Move the selected item down, with its sub-items"),
        UIAction("agenda.indent", .agenda, keys: [">"], "Nest the selected item under the item above it"),
        UIAction("agenda.outdent", .agenda, keys: ["<"], "Lift the selected sub-item out to the top level"),
        UIAction("agenda.confidential", .agenda, keys: ["!"], "Mark the selected item confidential, or not"),
        UIAction("agenda.remove", .agenda, keys: ["X", "Delete"], "Remove the selected item and its sub-items (press twice)"),
        UIAction("agenda.publish", .agenda, keys: ["U"], hint: "publish", "Publish the agenda and lock its numbering (press twice)"),
        // Attendance
        UIAction("attendance.present", .attendance, keys: ["p"], hint: "present", "Mark the selected person present"),
        UIAction("attendance.apologies", .attendance, keys: ["a"], hint: "apologies", "Record the selected person's apologies"),
        UIAction("attendance.absent", .attendance, keys: ["x"], hint: "absent", "Mark the selected person absent"),
        UIAction("attendance.inAttendance", .attendance, keys: ["i"], "Mark the selected person in attendance (no vote, not counted to quorum)"),
        UIAction("attendance.deputy", .attendance, keys: ["D"], hint: "deputy", "Record that the selected person deputises for a member"),
        UIAction("attendance.arrived", .attendance, keys: ["r"], hint: "arrived", "Record that the selected person arrived now"),
        UIAction("attendance.left", .attendance, keys: ["L"], hint: "left", "Record that the selected person left now"),
        UIAction("attendance.byOrganisation", .attendance, keys: ["o"], hint: "group", "Group attendance by organisation, or by status"),
        // Minutes
        UIAction("minutes.follow", .minutes, keys: ["f"], hint: "follow", "Follow the item under discussion as it changes"),
        UIAction("minutes.edit", .minutes, keys: ["e"], hint: "edit", "Edit the selected item's last paragraph (saved as you type)"),
        UIAction("minutes.new", .minutes, keys: ["a"], hint: "new", "Start a new paragraph on the selected item"),
        UIAction("minutes.circulate", .minutes, keys: ["M"], "Record that the draft minutes were circulated"),
        UIAction("export.minutes", .minutes, keys: ["w"], "Export the minutes to a file (.txt for email, .md, or .html to print)"),
        UIAction("minutes.correct", .minutes, keys: ["K"], "Record a dated correction on the selected item of approved (locked) minutes"),
        UIAction("minutes.conflict", .minutes, keys: ["C"],
                 "Compare a paragraph of the selected item with a conflicting version written in another session: keep one, or merge them"),
        // While typing the minutes
        UIAction("editing.done", .editing, keys: ["F10", "C-x"], hint: "done", "Stop typing: the paragraph is saved and the list keys work again"),
        UIAction("editing.decision", .editing, keys: ["F2"], hint: "decision", "Mark the paragraph a decision (\"It was agreed that…\"), or plain again"),
        UIAction("editing.noted", .editing, keys: ["F3"], hint: "noted", "Mark the paragraph a noted point (\"It was noted that…\"), or plain again"),
        UIAction("editing.action", .editing, keys: ["F4"], hint: "action", "Turn the paragraph into an action: asks the owner (Tab completes) and the due date"),
        // Actions
        UIAction("actions.overdue", .actions, keys: ["O"], hint: "overdue only", "Show only overdue actions, or all open ones"),
        UIAction("actions.history", .actions, keys: ["Enter"], hint: "history", "Show the history of the selected action"),
        UIAction("export.actions", .actions, keys: ["w"], "Export the committee's open actions as an action log (.csv or .json)"),
        UIAction("actions.done", .actions, keys: ["d"], hint: "done", "Mark the selected action done"),
        UIAction("actions.inProgress", .actions, keys: ["s"], hint: "started", "Mark the selected action in progress"),
        UIAction("actions.ongoing", .actions, keys: ["n"], "Mark the selected action ongoing"),
        UIAction("actions.dropped", .actions, keys: ["X"], "Drop the selected action (it stops carrying forward)"),
        UIAction("actions.reopen", .actions, keys: ["u"], "Open the selected action again"),
        UIAction("actions.progress", .actions, keys: ["r"], hint: "progress",
                 "Record progress on the selected action at this meeting: a note, and the status if it changed"),
        // Work plan
        UIAction("plan.status", .workPlan, keys: ["s"], hint: "status", "Set the status of the selected objective (Complete, Ongoing, Planned…)"),
        UIAction("plan.timescale", .workPlan, keys: ["t"], hint: "timescale", "Change the timescale of the selected objective (\"by October 2005\", \"Ongoing\")"),
        UIAction("plan.add", .workPlan, keys: ["a"], hint: "add", "Add an objective under the selected one's theme (the next number is proposed)"),
        UIAction("plan.addTheme", .workPlan, keys: ["T"], "Add a new theme: type its title, then its first objective"),
        UIAction("plan.text", .workPlan, keys: ["e"], hint: "edit", "Edit the selected objective's text (lines separated by |)"),
        UIAction("plan.leads", .workPlan, keys: ["L"], hint: "leads", "Set the selected objective's leads: initials or groups, e.g. EK/CA/JL"),
        UIAction("plan.remove", .workPlan, keys: ["d"], "Remove the selected objective from the work plan (press twice)"),
        // Action review
        UIAction("review.overdue", .actionReview, keys: ["O"], hint: "overdue", "Show only overdue actions, or all again"),
        UIAction("review.owner", .actionReview, keys: ["o"], hint: "owner", "Show only one owner's actions: type initials, a name or an organisation"),
        UIAction("review.inProgress", .actionReview, keys: ["s"], hint: "started", "Mark the selected action in progress, with a note"),
        UIAction("review.done", .actionReview, keys: ["d"], hint: "done", "Mark the selected action done, with a note"),
        UIAction("review.progress", .actionReview, keys: ["r"], "Record progress on the selected action: a dated note, the status as it is"),
        UIAction("review.history", .actionReview, keys: ["Enter"], hint: "history", "Show the history of the selected action: each dated update"),
        UIAction("review.ongoing", .actionReview, keys: ["n"], "Mark the selected action ongoing, with a note"),
        UIAction("review.dropped", .actionReview, keys: ["X"], "Drop the selected action, with a note (it stops carrying forward)"),
        UIAction("review.reopen", .actionReview, keys: ["u"], "Open the selected action again, with a note"),
        UIAction("review.status", .actionReview, keys: ["t"], "Show the next status: open ones, each status alone, then every action"),
        UIAction("review.thisWeek", .actionReview, keys: ["w"], "Show only actions due from today to Sunday, or all again"),
        UIAction("review.meeting", .actionReview, keys: ["m"], "Show only actions raised at a meeting you pick"),
        UIAction("review.committee", .actionReview, keys: ["a"],
                 "Show every committee's actions, or only those of the committee selected when the review was opened"),
        UIAction("review.clear", .actionReview, keys: ["c"], "Clear the filters: open actions of every owner and meeting"),
        // Terms of reference
        UIAction("terms.edit", .terms, keys: ["Enter", "e"], hint: "edit", "Edit the selected field of the terms (Enter on a yes/no field switches it)"),
        UIAction("terms.addOrganisation", .terms, keys: ["O"], hint: "organisation", "Add an organisation to the committee (its id is made from the name)"),
        UIAction("terms.addMember", .terms, keys: ["A"], hint: "member", "Seat a member: name, initials, title, letters or post, organisation, role, from date"),
        UIAction("terms.toggleCore", .terms, keys: ["c"], hint: "core", "Mark the selected organisation core (it votes under one vote per organisation), or not"),
        UIAction("terms.endMembership", .terms, keys: ["x"], hint: "end seat", "End the selected member's seat on a date you type; earlier meetings keep it"),
        // Search results
        UIAction("search.open", .search, keys: ["Enter", "Right", "l"], hint: "open",
                 "Open the meeting at the selected result, the words searched for highlighted in the minutes"),
    ]

    public static func action(_ id: String) -> UIAction? { all.first { $0.id == id } }
}
