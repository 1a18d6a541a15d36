import ClerkCore
import Terminal

/// The four panes of a meeting.
public enum Pane: Int, Sendable, Hashable, CaseIterable {
    case agenda, attendance, minutes, actions

    public var title: String {
        switch self {
        case .agenda: "Agenda"
        case .attendance: "Attendance"
        case .minutes: "Minutes"
        case .actions: "Actions"
        }
    }

    var scope: UIAction.Scope {
        switch self {
        case .agenda: .agenda
        case .attendance: .attendance
        case .minutes: .minutes
        case .actions: .actions
        }
    }
}

/// Whether what the person did is on disk: "saved" is shown only once the journal has
/// acknowledged it.
public enum SaveState: Sendable, Hashable {
    case saved
    case saving
    case failed(String)
}

/// A selectable, scrollable list position.
public struct ListPosition: Sendable, Hashable {
    public var selected = 0
    public var scroll = 0

    public init(selected: Int = 0, scroll: Int = 0) {
        self.selected = selected
        self.scroll = scroll
    }

    /// Keeps the selection within `count` rows and visible in a window of `height` rows.
    mutating func clamp(count: Int, height: Int) {
        selected = count == 0 ? 0 : min(max(0, selected), count - 1)
        guard height > 0 else { return }
        if selected < scroll { scroll = selected }
        if selected >= scroll + height { scroll = selected - height + 1 }
        scroll = max(0, min(scroll, max(0, count - height)))
    }
}

public struct MeetingScreen: Sendable, Hashable {
    public var meetingID: MeetingID
    public var focus: Pane = .agenda
    public var zoomed = false
    public var positions: [Pane: ListPosition] = [:]
    /// Attendance grouped by organisation (as minuted) or by status.
    public var attendanceByOrganisation = true
    public var overdueOnly = false

    public init(meetingID: MeetingID) {
        self.meetingID = meetingID
    }

    func position(_ pane: Pane) -> ListPosition { positions[pane] ?? ListPosition() }
}

public struct HomeScreen: Sendable, Hashable {
    public var committee = 0
    public var meetings = ListPosition()
    /// Set once, so that the first view selects the next meeting rather than the oldest.
    public var placed = false

    public init() {}
}

public enum Overlay: Sendable, Hashable {
    case help(UIAction.Scope)
    case command(CommandInput)
    case history(ActionID)
}

/// The `:` command line: what is typed, and the completion in use.
public struct CommandInput: Sendable, Hashable {
    public var text = ""
    public var choice = 0

    public init(text: String = "") {
        self.text = text
    }
}

public struct Message: Sendable, Hashable {
    public var text: String
    public var isError: Bool
}

/// Everything the screen shows that is not the archive itself. A value: `update` changes
/// it, `view` draws it.
public struct AppState: Sendable, Hashable {
    public var size: Size
    public var home = HomeScreen()
    public var meeting: MeetingScreen?
    public var overlay: Overlay?
    public var message: Message?
    public var save: SaveState = .saved
    public var readOnly: Bool
    public var running = true

    public init(size: Size, readOnly: Bool) {
        self.size = size
        self.readOnly = readOnly
    }
}

/// What the screen reads from the archive for one frame.
public struct ViewData: Sendable {
    public var archive: ArchiveState
    public var record: MeetingRecord?
    public var today: CalendarDate
    /// Local wall-clock time, for the header clock and the current item's running time.
    public var clock: TimeOfDay

    public init(archive: ArchiveState, record: MeetingRecord?, today: CalendarDate, clock: TimeOfDay) {
        self.archive = archive
        self.record = record
        self.today = today
        self.clock = clock
    }
}

/// What `update` asks the shell to do.
public enum Effect: Sendable, Hashable {
    case loadMeeting(MeetingID)
    case quit
    case redrawAll
}
