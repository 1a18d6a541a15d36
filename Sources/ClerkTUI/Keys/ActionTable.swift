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

    public var id: UIActionID
    public var scope: Scope
    /// Key names as in keys.toml: "j", "Down", "C-n", "S-Tab", "M-x", "F1", "Enter".
    public var keys: [String]
    /// Shown in the status line when the pane is in focus (short), or nil to leave it out.
    public var hint: String?
    public var help: String
    /// Whether the action changes the archive: a read-only session neither offers it in
    /// the hints nor opens its form, and says at once who may.
    public var writes: Bool

    public init(_ id: UIActionID, _ scope: Scope, writes: Bool = false, keys: [String], hint: String? = nil, _ help: String) {
        self.id = id
        self.scope = scope
        self.writes = writes
        self.keys = keys
        self.hint = hint
        self.help = help
    }
}

public enum ActionTable {
    public static let all: [UIAction] = [
        // Everywhere
        UIAction(.appQuit, .global, keys: ["q"], hint: "back/quit",
                 "Go back one level; on the home screen, quit clerk (everything is already saved)"),
        UIAction(.appExit, .global, keys: ["Q", "C-c"], "Quit clerk at once, from any screen (everything is already saved)"),
        UIAction(.appHelp, .global, keys: ["?", "F1"], hint: "help", "Show the keys of the pane in focus"),
        UIAction(.appCommand, .global, keys: [":"], hint: "command", "Open the command line: run any action by name"),
        UIAction(.appBack, .global, keys: ["Esc", "Backspace", "h", "Left"], hint: "back",
                 "Close the overlay, or go back to the home screen"),
        UIAction(.appRedraw, .global, keys: ["C-l"], "Redraw the whole screen (after another program wrote over it)"),
        UIAction(.appSuspend, .global, keys: ["C-z"],
                 "Suspend clerk and return to the shell; fg brings it back (while typing the minutes, C-z undoes)"),
        UIAction(.appSearch, .global, keys: ["/"], "Search every meeting (minutes, agendas, actions, names)"),
        UIAction(.moveUp, .global, keys: ["Up", "k", "C-p"], "Move the selection up one row"),
        UIAction(.moveDown, .global, keys: ["Down", "j", "C-n"], "Move the selection down one row"),
        UIAction(.movePageUp, .global, keys: ["PgUp", "M-v"], "Scroll up one page of lines; the selection follows"),
        UIAction(.movePageDown, .global, keys: ["PgDn", "C-v"], "Scroll down one page of lines; the selection follows"),
        UIAction(.moveHalfPageUp, .global, keys: ["C-u"], "Scroll up half a page of lines"),
        UIAction(.moveHalfPageDown, .global, keys: ["C-d"], "Scroll down half a page of lines"),
        UIAction(.moveTop, .global, keys: ["Home", "g"], "Go to the first line"),
        UIAction(.moveBottom, .global, keys: ["End", "G"], "Go to the last line"),
        UIAction(.paneNext, .global, keys: ["Tab"], hint: "next pane", "Focus the next pane"),
        UIAction(.panePrevious, .global, keys: ["S-Tab"], "Focus the previous pane"),
        UIAction(.paneAgenda, .global, keys: ["1"], "Focus the agenda pane"),
        UIAction(.paneAttendance, .global, keys: ["2"], "Focus the attendance pane"),
        UIAction(.paneMinutes, .global, keys: ["3"], "Focus the minutes pane"),
        UIAction(.paneActions, .global, keys: ["4"], "Focus the actions pane"),
        UIAction(.paneZoom, .global, keys: ["z", "F11"], hint: "zoom", "Zoom the pane in focus to the whole screen, or back"),
        // Home
        UIAction(.homeOpen, .home, keys: ["Enter", "Right", "l"], hint: "open", "Open the selected meeting"),
        UIAction(.homeNextCommittee, .home, keys: ["]"], hint: "committee", "Show the next committee's meetings"),
        UIAction(.homePreviousCommittee, .home, keys: ["["], "Show the previous committee's meetings"),
        UIAction(.meetingNew, .home, writes: true, keys: ["N"], hint: "new meeting", "Plan a new meeting of the committee on a date you type"),
        UIAction(.homeWorkPlan, .home, keys: ["W"], hint: "plan", "Open the work plan of the selected committee"),
        UIAction(.homeActionReview, .home, keys: ["a"], hint: "actions", "Review every committee's actions by due date: filter, chase, update"),
        UIAction(.homeMine, .home, keys: ["M"], hint: "mine", "Review my actions: those owned by the person this account is linked to"),
        UIAction(.homeTerms, .home, keys: ["T"], "Open the selected committee's terms of reference, organisations and members"),
        UIAction(.homeNewCommittee, .home, writes: true, keys: ["C"], "Create a new committee: its name, then its code"),
        UIAction(.homePlanFromCadence, .home, writes: true, keys: ["P"], "Plan the committee's next twelve meetings from the cadence in its terms"),
        UIAction(.exportCalendar, .home, keys: ["w"], "Export the selected committee's meetings and action due dates as a calendar (.ics)"),
        UIAction(.meetingMove, .home, writes: true, keys: ["m"], hint: "move",
                 "Move the selected meeting to another date or time (off a bank holiday, say); later meetings keep to the cadence"),
        UIAction(.meetingStandDown, .home, writes: true, keys: ["x"], "Stand down (cancel) the selected meeting, giving the reason"),
        // Agenda
        UIAction(.agendaSelect, .agenda, keys: ["Enter"], hint: "minutes of item", "Show the minutes of the selected item"),
        UIAction(.exportAgenda, .agenda, keys: ["w"], "Export the agenda pack to a file (.txt, .md or .html)"),
        UIAction(.agendaDiscuss, .agenda, writes: true, keys: ["."], hint: "discuss", "Take the selected item now: it becomes the item under discussion"),
        UIAction(.agendaAdd, .agenda, writes: true, keys: ["A"], hint: "add item", "Add an agenda item after the selected one"),
        UIAction(.agendaAddSub, .agenda, writes: true, keys: ["+"], hint: "sub-item", "Add a sub-item (a, b, c…) under the selected item"),
        UIAction(.agendaRefer, .agenda, writes: true, keys: ["R"], "Make the selected item refer to an item of the previous meeting (matters arising)"),
        UIAction(.agendaDeclare, .agenda, writes: true, keys: ["I"], hint: "interest", "Record a declaration of interest on the selected item"),
        UIAction(.agendaVote, .agenda, writes: true, keys: ["V"], hint: "vote", "Record a vote on the selected item, one choice per voter"),
        UIAction(.meetingStart, .agenda, writes: true, keys: ["S"], hint: "start", "Start the meeting (records the time; the first item is taken)"),
        UIAction(.minutesApprovePrevious, .agenda, writes: true, keys: ["P"],
                 "On \"Minutes of the last meeting\": record amendments (\"It was noted that…\"), then approve the previous meeting's minutes (asks y/n first)"),
        UIAction(.meetingClose, .agenda, writes: true, keys: ["C"], "Close the meeting: records the end, plans the next meeting, minutes become a draft (asks y/n first)"),
        UIAction(.agendaEdit, .agenda, writes: true, keys: ["E"], hint: "edit", "Edit the selected item's title, description, presenter, papers and time"),
        UIAction(.agendaMoveUp, .agenda, writes: true, keys: ["K"], "Move the selected item up, with its sub-items"),
        UIAction(.agendaMoveDown, .agenda, writes: true, keys: ["J"], "Move the selected item down, with its sub-items"),
        UIAction(.agendaIndent, .agenda, writes: true, keys: [">"], "Nest the selected item under the item above it"),
        UIAction(.agendaOutdent, .agenda, writes: true, keys: ["<"], "Lift the selected sub-item out to the top level"),
        UIAction(.agendaConfidential, .agenda, writes: true, keys: ["!"], "Mark the selected item confidential, or not"),
        UIAction(.agendaRemove, .agenda, writes: true, keys: ["X", "Delete"], "Remove the selected item and its sub-items (asks y/n first)"),
        UIAction(.agendaPublish, .agenda, writes: true, keys: ["U"], hint: "publish",
                 "Publish the agenda and lock its numbering; gives items their references when the terms set a scheme (asks y/n first)"),
        UIAction(.agendaVenue, .agenda, writes: true, keys: ["@"],
                 "Set where this meeting is held (\"Committee Room 2\", \"remote LINK\"); empty goes back to the committee's usual venue"),
        // Attendance
        UIAction(.attendancePresent, .attendance, writes: true, keys: ["p"], hint: "present", "Mark the selected person present"),
        UIAction(.attendanceApologies, .attendance, writes: true, keys: ["a"], hint: "apologies", "Record the selected person's apologies"),
        UIAction(.attendanceAbsent, .attendance, writes: true, keys: ["x"], hint: "absent", "Mark the selected person absent"),
        UIAction(.attendanceInAttendance, .attendance, writes: true, keys: ["i"], "Mark the selected person in attendance (no vote, not counted to quorum)"),
        UIAction(.attendanceDeputy, .attendance, writes: true, keys: ["D"], hint: "deputy", "Record that the selected person deputises for a member"),
        UIAction(.attendanceArrived, .attendance, writes: true, keys: ["r"], hint: "arrived", "Record that the selected person arrived now"),
        UIAction(.attendanceLeft, .attendance, writes: true, keys: ["L"], hint: "left", "Record that the selected person left now"),
        UIAction(.attendanceArrivedAt, .attendance, writes: true, keys: ["R"],
                 "Record or correct when the selected person arrived: type the time (now is offered)"),
        UIAction(.attendanceLeftAt, .attendance, writes: true, keys: ["E"],
                 "Record or correct when the selected person left: type the time (now is offered); minuted \"part meeting\""),
        UIAction(.attendanceClear, .attendance, writes: true, keys: ["u"], hint: "unmark",
                 "Take back the selected person's mark, made by mistake: they are not yet marked again (quorum is recomputed)"),
        UIAction(.attendanceByOrganisation, .attendance, keys: ["o"], hint: "group", "Group attendance by organisation, or by status"),
        UIAction(.attendanceAddGuest, .attendance, writes: true, keys: ["+"], hint: "guest", "List a guest in attendance (not a member: presenter, minute taker, observer, officer), optionally for one item; never counted to quorum or votes"),
        UIAction(.attendanceRemoveGuest, .attendance, writes: true, keys: ["-"], "Remove the selected guest added by mistake, or list a removed one again"),
        // Minutes
        UIAction(.minutesFollow, .minutes, keys: ["f"], hint: "follow", "Follow the item under discussion as it changes (f again stops)"),
        UIAction(.minutesEdit, .minutes, writes: true, keys: ["e"], hint: "edit", "Edit the selected item's last paragraph (saved as you type)"),
        UIAction(.minutesNew, .minutes, writes: true, keys: ["a"], hint: "new", "Start a new paragraph on the selected item"),
        UIAction(.minutesEditParagraph, .minutes, writes: true, keys: ["E"],
                 "Edit any paragraph of the selected item: pick it (↑/↓) or type its number, then Enter"),
        UIAction(.minutesCirculate, .minutes, writes: true, keys: ["M"], "Record that the draft minutes were circulated"),
        UIAction(.exportMinutes, .minutes, keys: ["w"], "Export the minutes to a file (.txt for email, .md, or .html to print)"),
        UIAction(.minutesCorrect, .minutes, writes: true, keys: ["K"], "Record a dated correction on the selected item of approved (locked) minutes"),
        UIAction(.minutesConflict, .minutes, writes: true, keys: ["C"],
                 "Compare a paragraph of the selected item with a conflicting version written in another session: keep one, or merge them"),
        // While typing the minutes
        UIAction(.editingDone, .editing, keys: ["F10", "C-x"], hint: "done", "Stop typing: the paragraph is saved and the list keys work again"),
        UIAction(.editingDecision, .editing, writes: true, keys: ["F2"], hint: "decision", "Mark the paragraph a decision (\"It was agreed that…\"), or plain again"),
        UIAction(.editingNoted, .editing, writes: true, keys: ["F3"], hint: "noted", "Mark the paragraph a noted point (\"It was noted that…\"), or plain again"),
        UIAction(.editingAction, .editing, writes: true, keys: ["F4"], hint: "action", "Turn the paragraph into an action: asks the owner (Tab completes) and the due date"),
        // Actions
        UIAction(.actionsOverdue, .actions, keys: ["O"], hint: "overdue only", "Show only overdue actions, or all open ones"),
        UIAction(.actionsHistory, .actions, keys: ["Enter"], hint: "history", "Show the history of the selected action"),
        UIAction(.exportActions, .actions, keys: ["w"], "Export the committee's open actions as an action log (.csv or .json)"),
        UIAction(.actionsDone, .actions, writes: true, keys: ["d"], hint: "done", "Mark the selected action done, with a note"),
        UIAction(.actionsInProgress, .actions, writes: true, keys: ["s"], hint: "started", "Mark the selected action in progress, with a note"),
        UIAction(.actionsOngoing, .actions, writes: true, keys: ["n"], "Mark the selected action ongoing, with a note"),
        UIAction(.actionsDropped, .actions, writes: true, keys: ["X"], "Drop the selected action, with a note (it stops carrying forward)"),
        UIAction(.actionsReopen, .actions, writes: true, keys: ["u"], "Open the selected action again, with a note"),
        UIAction(.actionsProgress, .actions, writes: true, keys: ["r"], hint: "progress",
                 "Record progress on the selected action at this meeting: a note, and the status if it changed"),
        UIAction(.actionsWithdraw, .actions, writes: true, keys: ["W"], hint: "withdraw",
                 "Withdraw the selected action, raised by mistake, giving the reason: it then appears nowhere public"),
        UIAction(.actionsUndo, .actions, writes: true, keys: ["U"], hint: "undo",
                 "Undo the last action status change or withdrawal made in this session (recorded as a new update)"),
        // Work plan
        UIAction(.planStatus, .workPlan, writes: true, keys: ["s"], hint: "status", "Set the status of the selected objective (Complete, Ongoing, Planned…)"),
        UIAction(.planTimescale, .workPlan, writes: true, keys: ["t"], hint: "timescale", "Change the timescale of the selected objective (\"by October 2005\", \"Ongoing\")"),
        UIAction(.planAdd, .workPlan, writes: true, keys: ["a"], hint: "add", "Add an objective under the selected one's theme (the next number is proposed)"),
        UIAction(.planAddTheme, .workPlan, writes: true, keys: ["T"], "Add a new theme: type its title, then its first objective"),
        UIAction(.planText, .workPlan, writes: true, keys: ["e"], hint: "edit", "Edit the selected objective's text (lines separated by |)"),
        UIAction(.planLeads, .workPlan, writes: true, keys: ["L"], hint: "leads", "Set the selected objective's leads: initials or groups, e.g. EK/CA/JL"),
        UIAction(.planRemove, .workPlan, writes: true, keys: ["d"], "Remove the selected objective from the work plan (asks y/n first)"),
        UIAction(.planOverdue, .workPlan, keys: ["O"],
                 "Show only overdue objectives (timescale passed, not complete), or all again"),
        // Action review
        UIAction(.reviewOverdue, .actionReview, keys: ["O"], hint: "overdue", "Show only overdue actions, or all again"),
        UIAction(.reviewOwner, .actionReview, keys: ["o"], hint: "owner", "Show only one owner's actions: type initials, a name or an organisation"),
        UIAction(.reviewInProgress, .actionReview, writes: true, keys: ["s"], hint: "started", "Mark the selected action in progress, with a note"),
        UIAction(.reviewDone, .actionReview, writes: true, keys: ["d"], hint: "done", "Mark the selected action done, with a note"),
        UIAction(.reviewProgress, .actionReview, writes: true, keys: ["r"], "Record progress on the selected action: a dated note, the status as it is"),
        UIAction(.reviewHistory, .actionReview, keys: ["Enter"], hint: "history", "Show the history of the selected action: each dated update"),
        UIAction(.reviewOngoing, .actionReview, writes: true, keys: ["n"], "Mark the selected action ongoing, with a note"),
        UIAction(.reviewDropped, .actionReview, writes: true, keys: ["X"], "Drop the selected action, with a note (it stops carrying forward)"),
        UIAction(.reviewReopen, .actionReview, writes: true, keys: ["u"], "Open the selected action again, with a note"),
        UIAction(.reviewStatus, .actionReview, keys: ["t"], "Show the next status: open ones, each status alone, then every action"),
        UIAction(.reviewThisWeek, .actionReview, keys: ["w"], "Show only actions due from today to Sunday, or all again"),
        UIAction(.reviewMeeting, .actionReview, keys: ["m"], "Show only actions raised at a meeting you pick"),
        UIAction(.reviewCommittee, .actionReview, keys: ["a"],
                 "Show every committee's actions, or only those of the committee selected when the review was opened"),
        UIAction(.reviewClear, .actionReview, keys: ["c"], "Clear the filters: open actions of every owner and meeting"),
        UIAction(.reviewByOwner, .actionReview, keys: ["b"], hint: "by owner",
                 "Group the actions by owner, a heading per owner with the count and how many are overdue; or back to by due date"),
        UIAction(.reviewChaseList, .actionReview, keys: ["e"], hint: "chase list",
                 "Write the actions shown (with the filters in force) to a file as a plain-text chase list for email (.txt)"),
        // Terms of reference
        UIAction(.termsEdit, .terms, writes: true, keys: ["Enter", "e"], hint: "edit", "Edit the selected field of the terms (Enter on a yes/no field switches it)"),
        UIAction(.termsAddOrganisation, .terms, writes: true, keys: ["O"], hint: "organisation", "Add an organisation to the committee (its id is made from the name)"),
        UIAction(.termsAddMember, .terms, writes: true, keys: ["A"], hint: "member", "Seat a member: name, initials, title, letters or post, organisation, role, from date"),
        UIAction(.termsToggleCore, .terms, writes: true, keys: ["c"], hint: "core", "Mark the selected organisation core (it votes under one vote per organisation), or not"),
        UIAction(.termsEndMembership, .terms, writes: true, keys: ["x"], hint: "end seat", "End the selected member's seat on a date you type; earlier meetings keep it"),
        UIAction(.termsEditMember, .terms, writes: true, keys: ["m"], hint: "correct member", "Correct the selected member: name, initials, title, letters or post, the seat's organisation and dates (Enter on a member does the same)"),
        UIAction(.termsAddStanding, .terms, writes: true, keys: ["N"],
                 "Add a standing item after the selected one: its title, or a kind and its title (\"previous-minutes: Minutes of the last meeting\")"),
        UIAction(.termsStandingDefault, .terms, writes: true, keys: ["d"], "Put the selected standing item on new meetings' agendas by default, or not"),
        UIAction(.termsStandingUp, .terms, writes: true, keys: ["K"], "Move the selected standing item up"),
        UIAction(.termsStandingDown, .terms, writes: true, keys: ["J"], "Move the selected standing item down"),
        UIAction(.termsRemoveStanding, .terms, writes: true, keys: ["X"], "Remove the selected standing item from the committee's standing items (asks y/n first)"),
        // Search results
        UIAction(.searchOpen, .search, keys: ["Enter", "Right", "l"], hint: "open",
                 "Open the meeting at the selected result, the words searched for highlighted in the minutes"),
    ]

    public static func action(_ id: UIActionID) -> UIAction? { all.first { $0.id == id } }
}
