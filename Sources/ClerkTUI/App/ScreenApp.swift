import ClerkCore
import ClerkStore
import Foundation
import Terminal

/// The shell around update and view: reads input, runs `Updater`, carries out effects
/// against the store, and draws a frame when something changed. It owns no rules.
public final class ScreenApp {
    public internal(set) var state: AppState
    let store: ArchiveStore
    let term: any Terminal
    /// Draws frames; its read-only marker follows `state.readOnly`, which access can change per meeting.
    var renderer: Renderer
    let updater: Updater
    /// The one clock: the screen's date and time, the instant of every change.
    let clock: Clock
    var record: MeetingRecord?
    /// The committee's previous meeting, read when a meeting is opened (matters arising).
    var earlier: MeetingRecord?
    var revision = 0
    let cache = PaneCache()
    var dirty = true
    private var lastClock: TimeOfDay?
    /// Damaged records skipped so far, as last said in the status line.
    private var skippedShown = 0
    private var lastTick = 0.0
    /// Read-only for the whole session (asked for, or the archive cannot be written).
    let sessionReadOnly: Bool
    /// What the person may see and change, worked out from the archive as it is now; the
    /// launcher sets it from the operating-system account. Unset: everything is open.
    public var accessRule: ((ArchiveState, CalendarDate) -> Access)?
    /// The archive and records as the person may see them, for the current revision.
    var seen: SeenData?
    /// Confidential items of meetings whose actions were checked (see `SeenData`).
    var confidentialItems: [MeetingID: Set<ItemID>?] = [:]
    /// The size of each meeting's file when its flags were read.
    var confidentialItemsRead: [MeetingID: UInt64?] = [:]
    /// Whether `state.readOnly` was set because the person may not change what is open.
    var limitedByAccess = false
    /// Commit keys for retries, rescue files (Rescue.swift).
    var faults = FaultRecovery()

    /// Fresh ids for commands; injected so tests and benchmarks control them.
    let makeID: @Sendable (String) -> String
    /// Seconds that never go back: when the minutes last flushed. Tests set it.
    public var monotonic: () -> Double
    /// Wakes the loop as soon as another session appends (live follow); without it the
    /// loop looks for appends on every idle tick.
    public var watch: ArchiveWatch?
    /// The environment the launcher read at start (PATH for a PDF renderer, HOME for `~/`
    /// in an export's name); the screen never reads the process's environment itself.
    public var environment: [String: String] = [:]

    public init(store: ArchiveStore, terminal: any Terminal, theme: Theme, keymap: Keymap, readOnly: Bool,
                clock: Clock, makeID: @escaping @Sendable (String) -> String = ScreenApp.randomID) {
        self.clock = clock
        self.makeID = makeID
        self.monotonic = { clock.seconds() }
        self.store = store
        self.term = terminal
        self.updater = Updater(keymap: keymap)
        sessionReadOnly = readOnly || store.mode == .readOnly
        state = AppState(size: terminal.size, readOnly: sessionReadOnly)
        renderer = Renderer(theme: theme, keymap: keymap)
    }

    public func data() -> ViewData {
        let now = clock.read()
        let seen = visible(today: now.today)
        var data = ViewData(archive: seen.archive, record: seen.record, today: now.today, clock: now.time, revision: revision,
                            now: now.instant, cache: cache)
        data.earlier = seen.earlier
        data.access = seen.access
        return data
    }

    /// Says who may write, for the refusals of a session that is read-only as a whole.
    public func setWhoMayWrite(_ text: String) {
        state.whoMayWrite = text
    }

    /// Shows a one-line message in the status line (a warning from start-up, say).
    public func show(_ text: String, isError: Bool) {
        state.message = Message(text: text, isError: isError)
        dirty = true
    }

    /// Says in the status line when more damaged records have been skipped (set aside
    /// on reading, or not fitting the record), so the person knows to run `clerk check`.
    public func sayIfRecordsSkipped() {
        let skipped = store.skippedRecords
        guard skipped > skippedShown else { return }
        skippedShown = skipped
        show("\(skipped) damaged record(s) skipped; 'clerk check' says where", isError: true)
    }

    /// Draws the frame if anything changed since the last one.
    public func render() {
        guard dirty else { return }
        renderer.readOnly = state.readOnly
        renderer.draw(state, data(), on: term)
        term.flush()
        dirty = false
    }

    /// Handles one input event.
    public func handle(_ event: InputEvent) {
        // What was typed up to this key goes to the journal once a second while keys keep
        // coming; the key itself waits for the next flush, so that during steady typing the
        // status line stays "saving…" instead of flickering to "saved" and back each second
        // (which costs more bytes on the wire than the typing itself).
        if answerRescueOffer(event) { return }
        flushMinutesIfDue()
        step { updater.update(&$0, event, $1) }
    }

    /// Runs an action by id, as the `:` command line does.
    public func perform(_ id: String) {
        step { updater.perform(id, &$0, $1) }
    }

    /// Runs an action, as its key does.
    public func perform(_ id: UIActionID) {
        step { updater.perform(id, &$0, $1) }
    }

    public func open(_ meeting: MeetingID) {
        step { updater.open(meeting, &$0, $1) }
    }

    /// One turn of update: change the state, then carry out what it asks for.
    private func step(_ update: (inout AppState, ViewData) -> [Effect]) {
        var s = state
        let before = data()
        limitWrites(&s, before)
        let effects = update(&s, before)
        limitWrites(&s, before)
        state = s
        dirty = true
        for effect in effects { run(effect) }
    }

    /// A fresh random id with a readable prefix.
    @Sendable public static func randomID(_ prefix: String) -> String {
        prefix + String(UInt64.random(in: 0...UInt64.max) % 2_176_782_336, radix: 36)
    }

    /// The context of a change made now: the clock's instant and local date, fresh ids, and
    /// the person the session writes as (an action update and a conflict record name them).
    func context() -> CommandContext {
        CommandContext(clock.read(), by: store.author?.person, makeID: makeID)
    }

    /// Runs a change against the store. "saved" shows only after the journal acknowledged it.
    func commit(_ change: Change) {
        guard !state.readOnly else {
            show("read-only: \(change.label) was not recorded", isError: true)
            return
        }
        let ctx = context()
        state.save = .saving
        do {
            try store.commit(at: ctx.now) { store in try change.make(store, ctx) }
            state.save = .saved
        } catch let refused as CommandError {
            state.save = .saved
            show(refused.message, isError: true)
        } catch {
            state.save = .failed("\(error)")
            show("NOT SAVED: \(SaveFault.cause(error)) — \(change.label) was not recorded; try again once that is fixed", isError: true)
        }
        reloadRecord()
    }

    /// Reads the open meeting again after a commit.
    func reloadRecord() {
        if let id = state.meeting?.meetingID { record = try? store.record(of: id) }
        revision += 1
        dirty = true
    }

    private func run(_ effect: Effect) {
        switch effect {
        case .commit(let change):
            commit(change)
        case .quit:
            state.running = false
        case .redrawAll:
            cache.forgetFrame()
            dirty = true
        case .repaint:
            repaintScreen()
        case .suspend:
            suspendToShell()
        case .minutes(let minutes):
            runMinutes(minutes)
        case .export(let job):
            runExport(job)
        case .search(let query):
            runSearch(query)
        case .loadMeeting(let id):
            do {
                record = try store.record(of: id)
                earlier = try store.state.meetings[id].flatMap { m in
                    try store.state.previousMeeting(of: m.committeeID, before: m.date).map { try store.record(of: $0.id) }
                }
                revision += 1
                placeOnLastMinutedItem()
                placeOnSearchHit()
                sayIfRecordsSkipped()
                offerRescue(id)
            } catch {
                state.meeting = nil
                state.message = Message(text: "\(error)", isError: true)
            }
        }
    }

    /// Writes an export, whole or not at all; read-only sessions may export too, since the
    /// file is one the person named and the archive is not touched.
    func runExport(_ job: ExportJob) {
        let today = clock.read().today
        let seen = visible(today: today)
        let open = seen.record
        do {
            try refuseConfidential(job, seen)
            let bytes = try job.bytes(archive: seen.archive, today: today,
                                      searchPath: environment["PATH"]) { id in
                id == open?.meetingID ? open : self.visibleRecord(id, seen.access)
            }
            let path = job.path.hasPrefix("~/") ? (environment["HOME"] ?? "") + job.path.dropFirst() : job.path
            try ExportFile.write(bytes: Array(bytes), to: path, archive: store.directory)
            show("wrote \(job.path) (\(bytes.count) bytes)", isError: false)
        } catch let refused as CommandError {
            show(refused.message, isError: true)
        } catch {
            show("\(error)", isError: true)
        }
    }

    /// Between keys: the clock, and records other sessions appended.
    public func tick() {
        // After a failure, the retry comes once a second, not at every idle turn.
        if let edit = state.editing, edit.isPending, !state.save.isFailed || monotonic() - edit.lastFlush >= 1 { flushMinutes() }
        let time = clock.read().time
        if time != lastClock { lastClock = time; dirty = true }
        // With a watch, a write anywhere in the journal wakes the loop and follows at once,
        // flags included; the idle tick then need not stat every meeting file again.
        follow(checkingFlags: watch == nil)
    }

    /// Reads what other sessions appended. Called on every idle tick, and at once when the
    /// watch reports a change (without flushing the minutes: that waits for a pause).
    func follow(checkingFlags: Bool = true) {
        do {
            // The archive and the open meeting only, each from where it was read to; other
            // meetings are caught up when next opened.
            let change = try store.follow(state.meeting?.meetingID)
            let appended = change.any
            // An item may have been marked confidential (or not) elsewhere, in a meeting not open.
            let flagsChanged = checkingFlags && confidentialFlagsChanged()
            if change.meeting, let id = state.meeting?.meetingID { record = try store.record(of: id) }
            if appended || flagsChanged {
                revision += 1
                dirty = true
            }
            if appended, state.meeting?.following == true { state.followAlong(data()) }
            if appended { sayIfRecordsSkipped() }
        } catch {
            show("\(error)", isError: true)
        }
    }

    /// The next key, waiting up to `timeoutMs`; with a watch, also whether the archive
    /// changed meanwhile (which ends the wait at once).
    func nextInput(timeoutMs: Int) -> (InputEvent?, changed: Bool) {
        guard let watch, let fd = term.inputDescriptor else { return (term.readInput(timeoutMs: timeoutMs), false) }
        if let queued = term.readInput(timeoutMs: 0) { return (queued, false) }
        let woke = watch.wait(input: fd, timeoutMs: timeoutMs)
        return (woke.input ? term.readInput(timeoutMs: 0) : nil, woke.changed)
    }

    /// The loop: until quit, or until `shouldStop` says so (a signal).
    public func run(shouldStop: () -> Bool) {
        while state.running, !shouldStop(), !term.isHungUp {
            render()
            // While typed words wait for the journal, a short pause is enough to flush them.
            let (input, changed) = nextInput(timeoutMs: state.editing?.isPending == true ? MinutesEdit.pauseMs : 500)
            if let event = input {
                handle(event)
                // Drain what is already queued (a fast typist, a held key) before drawing.
                var drained = 0
                while drained < 64, state.running, let more = term.readInput(timeoutMs: 0) {
                    handle(more)
                    drained += 1
                }
            }
            // An idle turn ticks (the clock, the pause that flushes the minutes); a wake-up
            // by another session's append only reads it, unless a tick is due anyway.
            if input == nil, !changed || monotonic() - lastTick >= 0.5 || state.editing?.isPending == true {
                lastTick = monotonic()
                tick()
            } else if changed {
                follow()
            }
        }
        // Quit, hang-up or terminate: what was typed goes to the journal before the
        // terminal is restored; what the journal would not take goes to a rescue file.
        flushMinutes()
        rescueUnsaved()
    }
}
