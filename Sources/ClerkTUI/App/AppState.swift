import ClerkCore
import ClerkStore
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
    /// The first line shown (see `top(in:height:)` for the line actually drawn).
    public var scroll = 0
    /// The window was moved by lines (PgDn, C-d, the wheel, g/G): it stays where it was put
    /// rather than snapping back to show the whole selected entry. See Scrolling.swift.
    public var free = false

    public init(selected: Int = 0, scroll: Int = 0) {
        self.selected = selected
        self.scroll = scroll
    }

    /// Selects an entry of `content` and scrolls as little as keeps it in a window of `height` rows.
    mutating func place(_ entry: Int, in content: Content, height: Int) {
        scroll = top(in: content, height: height)
        selected = entry
        free = false
        scroll = content.scroll(keeping: entry, from: scroll, height: height)
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
    /// Words of the search the meeting was opened from, highlighted in the minutes.
    public var highlight: [String] = []
    /// The item of that search's hit, to show once the meeting is read.
    public var searchHit: ItemID?
    /// Follow mode (`f`): the minutes keep the item under discussion in view (Following.swift).
    public var following = false
    /// The item follow mode last brought into view.
    public var followedItem: ItemID?

    public init(meetingID: MeetingID) {
        self.meetingID = meetingID
    }

    func position(_ pane: Pane) -> ListPosition { positions[pane] ?? ListPosition() }
}

public struct HomeScreen: Sendable, Hashable {
    public var committee = 0
    public var meetings = ListPosition()

    public init() {}
}

public enum Overlay: Sendable, Hashable {
    /// The keys of a scope, scrolled down `scroll` rows.
    case help(UIAction.Scope, scroll: Int = 0)
    case command(CommandInput)
    /// An action's history, scrolled down `scroll` rows.
    case history(ActionID, scroll: Int = 0)
    case form(Form)
    /// A paragraph and a conflicting version of it, side by side, to choose or merge.
    case conflict(ConflictID)
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
    /// The work plan of a committee, when open (from the home screen).
    public var workPlan: WorkPlanScreen?
    /// The action review across committees, when open (from the home screen).
    public var actionReview: ActionReviewScreen?
    /// A committee's terms of reference and members, when open (from the home screen).
    public var committeeEditor: CommitteeScreen?
    /// Search results across every meeting, when open (`/`).
    public var search: SearchScreen?
    public var overlay: Overlay?
    public var message: Message?
    public var save: SaveState = .saved
    public var readOnly: Bool
    /// Who may write, when the whole session is read-only ("only accounts in the archive
    /// folder's group committee may write"); nil: worked out from the committee's officers.
    public var whoMayWrite: String?
    public var running = true
    /// An irreversible step waiting for `y` (any other key cancels it, nothing recorded).
    public var confirmation: Confirmation?
    /// The action confirmed with `y`, while it runs again.
    var confirmedAction: UIActionID?
    /// The action status changes made in this session, newest last, for undoing.
    public var statusChanges: [StatusChange] = []
    /// The minutes paragraph being typed, when the editor is open.
    public var editing: MinutesEdit?

    public init(size: Size, readOnly: Bool) {
        self.size = size
        self.readOnly = readOnly
    }
}

extension AppState {
    /// Where the list of the full-screen view shown stands (search results, the action
    /// review, the work plan, the terms), else the home screen's meetings.
    var listPosition: ListPosition {
        get {
            search?.position ?? actionReview?.position ?? workPlan?.position ?? committeeEditor?.position ?? home.meetings
        }
        set {
            if search != nil { search?.position = newValue }
            else if actionReview != nil { actionReview?.position = newValue }
            else if workPlan != nil { workPlan?.position = newValue }
            else if committeeEditor != nil { committeeEditor?.position = newValue }
            else { home.meetings = newValue }
        }
    }
}

/// What the screen reads from the archive for one frame.
public struct ViewData: Sendable {
    public var archive: ArchiveState
    public var record: MeetingRecord?
    public var today: CalendarDate
    /// Local wall-clock time, for the header clock and the current item's running time.
    public var clock: TimeOfDay

    /// Changes whenever the archive or the open meeting does: pane contents are cached
    /// against it, so a keystroke that only moves a selection does not re-wrap the minutes.
    public var revision: Int
    /// The current instant, for running clocks of things started at an instant.
    public var now: Instant?
    /// The record of the committee's previous meeting, for matters arising.
    public var earlier: MeetingRecord?
    /// What the person running the screen may see and change (the archive and records
    /// here are already cut to what they may see).
    public var access = Access.everything()
    let cache: PaneCache

    public init(archive: ArchiveState, record: MeetingRecord?, today: CalendarDate, clock: TimeOfDay,
                revision: Int = 0, now: Instant? = nil, cache: PaneCache = PaneCache()) {
        self.now = now
        self.archive = archive
        self.record = record
        self.today = today
        self.clock = clock
        self.revision = revision
        self.cache = cache
    }

    /// A context for trying a command before committing it (so that a refusal keeps the form
    /// open): dated the day the screen shows, with ids that are never written.
    var probe: CommandContext {
        CommandContext(now: Instant(date: today, time: clock)) { $0 + "probe" }
    }

    /// The same data with nothing remembered: the next frame is drawn whole.
    public func withFreshCache() -> ViewData {
        var fresh = ViewData(archive: archive, record: record, today: today, clock: clock, revision: revision, now: now, cache: PaneCache())
        fresh.earlier = earlier
        fresh.access = access
        return fresh
    }

    /// What a meeting pane shows at a width, built once per revision.
    func content(_ pane: Pane, width: Int, screen: MeetingScreen) -> Content {
        let key = PaneCache.Key(pane: pane.rawValue, width: width, revision: revision,
                                meeting: screen.meetingID + (pane == .minutes ? screen.highlight.joined(separator: "\u{0}") : ""),
                                flags: (screen.attendanceByOrganisation ? 1 : 0) | (screen.overdueOnly ? 2 : 0) | logFlag(pane, screen),
                                today: today.dayNumber, minute: pane == .agenda ? Int((now?.secondsSinceEpoch ?? 0) / 60) : 0)
        return cache.content(key) {
            let made = MeetingPanes.content(pane, width: width, data: self, screen: screen)
            return pane == .minutes ? made.highlighting(screen.highlight) : made
        }
    }

    /// Whether the Actions pane puts the action log first (its agenda item is reviewed).
    private func logFlag(_ pane: Pane, _ screen: MeetingScreen) -> Int {
        guard pane == .actions, let record, let meeting = archive.meetings[record.meetingID] else { return 0 }
        return MeetingPanes.reviewingActionLog(record, meeting: meeting, screen: screen) ? 4 : 0
    }

    /// What else is cached beside the meeting panes (0–3) and the home list (-1): each has
    /// a kind of its own, so that two views' keys can never meet.
    enum CachedKind: Int {
        case workPlan = -2, actionReview = -3, search = -5, committee = -6, minutesEditor = -7
    }

    /// Any other content, built once per revision for a width and a key.
    func cachedContent(kind: CachedKind, width: Int, key: String, build: () -> Content) -> Content {
        let cacheKey = PaneCache.Key(pane: kind.rawValue, width: width, revision: revision, meeting: key, flags: 0,
                                     today: today.dayNumber, minute: 0)
        return cache.content(cacheKey, build: build)
    }

    /// The home screen's meeting list of a committee, built once per revision.
    func meetingList(_ committee: Committee, width: Int) -> Content {
        let key = PaneCache.Key(pane: -1, width: width, revision: revision, meeting: committee.id, flags: 0,
                                today: today.dayNumber, minute: 0)
        return cache.content(key) { HomePanes.meetingList(data: self, committee: committee, width: width) }
    }
}

/// Remembers the last few pane contents built. A reference, shared by the update and the
/// view of one screen; only ever used from the screen's loop.
public final class PaneCache: @unchecked Sendable {
    struct Key: Hashable {
        var pane: Int
        var width: Int
        var revision: Int
        var meeting: String
        var flags: Int
        var today: Int
        var minute: Int
    }

    private var entries: [Key: Content] = [:]
    /// What the last frame drew, so that the next can leave unchanged panes alone.
    var frame = FrameMemo()
    /// Minutes paragraphs as last wrapped.
    let wraps = WrapMemo()

    public init() {}

    /// Makes the next frame draw everything (after the terminal was cleared, say).
    public func forgetFrame() {
        frame = FrameMemo()
    }

    func content(_ key: Key, build: () -> Content) -> Content {
        if let hit = entries[key] { return hit }
        if entries.count > 32 { entries.removeAll(keepingCapacity: true) }
        let made = build()
        entries[key] = made
        return made
    }
}

/// What `update` asks the shell to do.
public enum Effect: Sendable {
    case loadMeeting(MeetingID)
    case quit
    case redrawAll
    /// The terminal may show something else: clear it and draw every cell (C-l).
    case repaint
    /// Give the terminal back to the shell until the person types `fg` (Ctrl-Z).
    case suspend
    /// Make a change durable: the shell runs it against the freshest archive under the
    /// journal's lock, and shows "saved" only once it is on disk.
    case commit(Change)
    /// Commit typed minutes, close the editor, or raise an action from a paragraph.
    case minutes(MinutesEffect)
    /// Write an export to the file the person named.
    case export(ExportJob)
    /// Search every meeting for the words typed.
    case search(String)
}

/// A change to the archive, as a ClerkCore command to run when committing. It is given
/// the freshest state (another session may have written since the screen last looked)
/// and the context (clock, ids); it returns the events, or throws a `CommandError` that
/// the status line shows.
public struct Change: Sendable {
    public var label: String
    public var make: @Sendable (ArchiveStore, CommandContext) throws -> [Event]

    public init(_ label: String, _ make: @escaping @Sendable (ArchiveStore, CommandContext) throws -> [Event]) {
        self.label = label
        self.make = make
    }
}

/// The last frame's inputs. When everything but some panes' selections is the same as last
/// time, only those panes are drawn again: the terminal keeps the rest.
struct FrameMemo {
    struct Global: Hashable {
        var size: Size
        var meeting: MeetingID
        var focus: Pane
        var zoomed: Bool
        var following: Bool
        var overlay: Overlay?
        var message: Message?
        var save: SaveState
        var readOnly: Bool
        var prompt: ActionPrompt?
        var editingItem: ItemID?
        var revision: Int
        var clock: TimeOfDay
        var minute: Int64
        var today: CalendarDate
    }

    struct PaneKey: Hashable {
        var rect: Rect
        var position: ListPosition
        var focused: Bool
        var title: String
    }

    var global: Global?
    var panes: [Pane: PaneKey] = [:]
}
