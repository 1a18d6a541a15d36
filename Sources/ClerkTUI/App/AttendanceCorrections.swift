import ClerkCore
import ClerkStore
import Terminal

/// Putting the attendance right as the meeting runs: an arrival or departure at a time
/// typed (or corrected), and a mark made by mistake taken back. Each is a new record; the
/// rules (times within the meeting, quorum recomputed) are ClerkCore's.
extension Updater {
    func performAttendanceCorrection(_ id: UIActionID, _ state: inout AppState, _ data: ViewData) -> [Effect] {
        guard let screen = state.meeting, let person = selectedKey(.attendance, state, data) else {
            state.message = Message(text: "select a person in the attendance pane first", isError: true)
            return []
        }
        if state.readOnly {
            state.message = Message(text: "read-only: attendance cannot be changed in this session", isError: true)
            return []
        }
        let meetingID = screen.meetingID
        let base = data.record?.attendance(of: person)
        let name = data.archive.people[person]?.name ?? person
        let now = data.clock
        if id == .attendanceClear {
            guard base != nil else {
                state.message = Message(text: "\(name) is not marked yet, so there is nothing to clear", isError: true)
                return []
            }
            state.message = Message(text: "\(name)'s mark is taken back: not yet marked", isError: false)
            return [.commit(Change("clear the attendance mark") { store, _ in
                let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
                try ctx.requireAttendance(of: person, unchangedFrom: base)
                return try ctx.clearAttendance(person, at: now)
            })]
        }
        let which: AttendanceTime = id == .attendanceArrivedAt ? .arrived : .departed
        if which == .departed, base?.presence.isInRoom != true {
            state.message = Message(text: "\(name) is not marked as here, so cannot leave; mark their arrival first", isError: true)
            return []
        }
        // Offered: the time already recorded (to correct it), else now.
        let offered = (which == .arrived ? base?.arrived : base?.departed) ?? now
        let verb = which == .arrived ? "arrived" : "left"
        state.overlay = .form(Form(purpose: .attendanceTime(person: person, which, base: base),
                                   title: "When \(name) \(verb) (now \(now.text))", choices: [],
                                   text: CommandInput(text: offered.text), textLabel: "\(verb.prefix(1).uppercased() + verb.dropFirst()) at: "))
        return []
    }

    /// Records the time typed; a refusal (unreadable, outside the meeting) keeps the form
    /// open with the text and the reason, and records nothing.
    func submitAttendanceTime(_ state: inout AppState, _ form: Form, _ person: PersonID, _ which: AttendanceTime,
                              base: Attendance?, _ data: ViewData) -> [Effect] {
        var form = form
        guard let meetingID = state.meeting?.meetingID, let record = data.record,
              let context = try? MeetingContext(archive: data.archive, record: record) else { return [] }
        let typed = (form.text?.text ?? "").trimmingSpaces()
        let now = data.clock
        do {
            try context.requireAttendance(of: person, unchangedFrom: base)
            _ = try context.recordTime(person, which, typed: typed, now: now)
        } catch {
            form.problem = (error as? CommandError)?.message ?? "\(error)"
            state.overlay = .form(form)
            return []
        }
        state.overlay = nil
        return [.commit(Change(which == .arrived ? "record the arrival" : "record the departure") { store, _ in
            let ctx = try MeetingContext(archive: store.state, record: try store.record(of: meetingID))
            try ctx.requireAttendance(of: person, unchangedFrom: base)
            return try ctx.recordTime(person, which, typed: typed, now: now)
        })]
    }
}
