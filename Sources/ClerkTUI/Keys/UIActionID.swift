/// The id of every user action: the names keys.toml and the `:` command line use, checked
/// by the compiler wherever the screen dispatches on them. `ActionTable.all` gives each its
/// scope, keys and help, in this order.
public enum UIActionID: String, Sendable, Hashable, CaseIterable, CustomStringConvertible {
    case appQuit = "app.quit"
    case appExit = "app.exit"
    case appHelp = "app.help"
    case appCommand = "app.command"
    case appBack = "app.back"
    case appRedraw = "app.redraw"
    case appSuspend = "app.suspend"
    case appSearch = "app.search"

    case moveUp = "move.up"
    case moveDown = "move.down"
    case movePageUp = "move.pageUp"
    case movePageDown = "move.pageDown"
    case moveHalfPageUp = "move.halfPageUp"
    case moveHalfPageDown = "move.halfPageDown"
    case moveTop = "move.top"
    case moveBottom = "move.bottom"

    case paneNext = "pane.next"
    case panePrevious = "pane.previous"
    case paneAgenda = "pane.agenda"
    case paneAttendance = "pane.attendance"
    case paneMinutes = "pane.minutes"
    case paneActions = "pane.actions"
    case paneZoom = "pane.zoom"

    case homeOpen = "home.open"
    case homeNextCommittee = "home.nextCommittee"
    case homePreviousCommittee = "home.previousCommittee"

    case meetingNew = "meeting.new"

    case homeWorkPlan = "home.workPlan"
    case homeActionReview = "home.actionReview"
    case homeMine = "home.mine"
    case homeTerms = "home.terms"
    case homeNewCommittee = "home.newCommittee"
    case homePlanFromCadence = "home.planFromCadence"

    case exportCalendar = "export.calendar"

    case meetingMove = "meeting.move"
    case meetingStandDown = "meeting.standDown"

    case agendaSelect = "agenda.select"

    case exportAgenda = "export.agenda"

    case agendaDiscuss = "agenda.discuss"
    case agendaAdd = "agenda.add"
    case agendaAddSub = "agenda.addSub"
    case agendaRefer = "agenda.refer"
    case agendaDeclare = "agenda.declare"
    case agendaVote = "agenda.vote"

    case meetingStart = "meeting.start"

    case minutesApprovePrevious = "minutes.approvePrevious"

    case meetingClose = "meeting.close"

    case agendaEdit = "agenda.edit"
    case agendaMoveUp = "agenda.moveUp"
    case agendaMoveDown = "agenda.moveDown"
    case agendaIndent = "agenda.indent"
    case agendaOutdent = "agenda.outdent"
    case agendaConfidential = "agenda.confidential"
    case agendaRemove = "agenda.remove"
    case agendaPublish = "agenda.publish"
    case agendaVenue = "agenda.venue"

    case attendancePresent = "attendance.present"
    case attendanceApologies = "attendance.apologies"
    case attendanceAbsent = "attendance.absent"
    case attendanceInAttendance = "attendance.inAttendance"
    case attendanceDeputy = "attendance.deputy"
    case attendanceArrived = "attendance.arrived"
    case attendanceLeft = "attendance.left"
    case attendanceArrivedAt = "attendance.arrivedAt"
    case attendanceLeftAt = "attendance.leftAt"
    case attendanceClear = "attendance.clear"
    case attendanceByOrganisation = "attendance.byOrganisation"
    case attendanceAddGuest = "attendance.addGuest"
    case attendanceRemoveGuest = "attendance.removeGuest"

    case minutesFollow = "minutes.follow"
    case minutesEdit = "minutes.edit"
    case minutesNew = "minutes.new"
    case minutesEditParagraph = "minutes.editParagraph"
    case minutesCirculate = "minutes.circulate"

    case exportMinutes = "export.minutes"

    case minutesCorrect = "minutes.correct"
    case minutesConflict = "minutes.conflict"

    case editingDone = "editing.done"
    case editingDecision = "editing.decision"
    case editingNoted = "editing.noted"
    case editingAction = "editing.action"

    case actionsOverdue = "actions.overdue"
    case actionsHistory = "actions.history"

    case exportActions = "export.actions"

    case actionsDone = "actions.done"
    case actionsInProgress = "actions.inProgress"
    case actionsOngoing = "actions.ongoing"
    case actionsDropped = "actions.dropped"
    case actionsReopen = "actions.reopen"
    case actionsProgress = "actions.progress"
    case actionsWithdraw = "actions.withdraw"
    case actionsUndo = "actions.undo"

    case planStatus = "plan.status"
    case planTimescale = "plan.timescale"
    case planAdd = "plan.add"
    case planAddTheme = "plan.addTheme"
    case planText = "plan.text"
    case planLeads = "plan.leads"
    case planRemove = "plan.remove"
    case planOverdue = "plan.overdue"

    case reviewOverdue = "review.overdue"
    case reviewOwner = "review.owner"
    case reviewInProgress = "review.inProgress"
    case reviewDone = "review.done"
    case reviewProgress = "review.progress"
    case reviewHistory = "review.history"
    case reviewOngoing = "review.ongoing"
    case reviewDropped = "review.dropped"
    case reviewReopen = "review.reopen"
    case reviewStatus = "review.status"
    case reviewThisWeek = "review.thisWeek"
    case reviewMeeting = "review.meeting"
    case reviewCommittee = "review.committee"
    case reviewClear = "review.clear"
    case reviewByOwner = "review.byOwner"
    case reviewChaseList = "review.chaseList"

    case termsEdit = "terms.edit"
    case termsAddOrganisation = "terms.addOrganisation"
    case termsAddMember = "terms.addMember"
    case termsToggleCore = "terms.toggleCore"
    case termsEndMembership = "terms.endMembership"
    case termsEditMember = "terms.editMember"
    case termsAddStanding = "terms.addStanding"
    case termsStandingDefault = "terms.standingDefault"
    case termsStandingUp = "terms.standingUp"
    case termsStandingDown = "terms.standingDown"
    case termsRemoveStanding = "terms.removeStanding"

    case searchOpen = "search.open"

    /// The id as keys.toml and the `:` command line spell it.
    public var description: String { rawValue }
}
