// A change made on a screen carries the value it was based on (what the person saw). When
// another session changed the same thing meanwhile, the command is refused with a line
// saying what it is now, instead of overwriting it: the screen shows the new value, and
// the person decides again.

extension MeetingContext {
    /// Refuses when the person's attendance is no longer what the screen showed.
    public func requireAttendance(of person: PersonID, unchangedFrom base: Attendance?) throws {
        let now = record.attendance(of: person)
        guard now != base else { return }
        let name = archive.people[person]?.name ?? person
        throw CommandError(.conflict,
            "\(name) was marked \(Self.describe(now)) in another session (you saw \(Self.describe(base))); nothing changed — look again and press the key if it still applies")
    }

    /// Refuses when the item's details are no longer what the person started editing from.
    public func requireItem(_ id: ItemID, unchangedFrom base: AgendaItem) throws {
        guard let now = record.item(id) else {
            throw CommandError(.conflict, "item '\(base.title)' was removed in another session; nothing changed")
        }
        guard now != base else { return }
        throw CommandError(.conflict,
            "item '\(base.title)' was changed in another session (now '\(now.title)'); nothing changed — open it again to see what it says now")
    }

    static func describe(_ attendance: Attendance?) -> String {
        guard let attendance else { return "nothing yet" }
        var text = attendance.presence.label
        if let arrived = attendance.arrived { text += ", arrived \(arrived.text)" }
        if let departed = attendance.departed { text += ", left \(departed.text)" }
        return text
    }
}

extension ArchiveState {
    /// Refuses when the action's status is no longer what the screen showed.
    public func requireActionStatus(_ id: ActionID, unchangedFrom base: ActionStatus) throws {
        let a = try action(id)
        guard a.status != base else { return }
        throw CommandError(.conflict,
            "action \(a.number) was marked \(a.status.rawValue) in another session (you saw \(base.rawValue)); nothing changed — look again and press the key if it still applies")
    }
}
