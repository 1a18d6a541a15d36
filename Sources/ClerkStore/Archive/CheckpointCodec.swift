import ClerkCore
import Foundation

/// The checkpoint's body. The small, richly shaped parts of the state (organisations,
/// people, committees, work plan) are one line of JSON; meetings and actions, which are
/// most of an archive, are one tab-separated line each, so that opening a large archive
/// parses a few megabytes of plain fields instead of decoding them through JSON.
///
///     {"organisations":…,"people":…,"committees":…,"committeeOrder":…,"objectives":…,"anomalies":…}
///     M <tab> id <tab> committee <tab> title <tab> date <tab> start <tab> end <tab> venue <tab> status
///       <tab> isExtra <tab> startedAt <tab> endedAt <tab> agendaPublishedOn <tab> approvedOn
///       (<tab> movedFrom)     present when the meeting was moved from its first date
///     A <tab> id <tab> committee <tab> meeting <tab> item <tab> number <tab> text <tab> owner <tab> due kind
///       <tab> due text <tab> due ongoing <tab> status <tab> raisedOn <tab> confidential
///       (<tab> on <tab> status <tab> note <tab> meeting <tab> by)*      one group per history entry
///     C                                                   the line between live and closed actions
///
/// Meetings come first, then the live actions (every status but done and dropped), then a
/// line `C`, then the done and dropped actions: a listing that needs no actions stops at the
/// first `A`, one that needs only live actions at `C` (`ArchiveScope`). Version 2 had no `C`
/// line: read in any scope, it is read whole.
///
/// In fields: `\\` `\t` `\n` `\r` are escaped with a backslash; `\N` is "none". Owners are
/// `p:ID` or `o:ID`; due kinds `on:DATE`, `month:YYYY-MM`, `range:DATE:DATE`, `ongoing`,
/// `unspecified`; instants are seconds since 1970 UTC.
enum CheckpointCodec {
    private struct Small: Codable {
        var organisations: [OrganisationID: Organisation]
        var people: [PersonID: Person]
        var committees: [CommitteeID: Committee]
        var committeeOrder: [CommitteeID]
        var objectives: [ObjectiveID: Objective]
        var anomalies: [String]
        /// Absent in checkpoints written before access rules existed.
        var access: AccessRules?
    }

    struct Malformed: Error {}

    // MARK: Encoding

    static func encode(_ state: ArchiveState) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let small = Small(organisations: state.organisations, people: state.people, committees: state.committees,
                          committeeOrder: state.committeeOrder, objectives: state.objectives, anomalies: state.anomalies,
                          access: state.access.isEmpty ? nil : state.access)
        var out = Array(try encoder.encode(small))
        out.append(0x0A)
        for m in state.meetings.values.sorted(by: { $0.id < $1.id }) {
            var line = "M"
            for field in [m.id, m.committeeID, m.title, m.date.iso, m.start?.text, m.end?.text, m.venue, m.status.rawValue,
                          m.isExtra ? "1" : "0", m.startedAt.map { String($0.secondsSinceEpoch) },
                          m.endedAt.map { String($0.secondsSinceEpoch) }, m.agendaPublishedOn?.iso, m.approvedOn?.iso] {
                line += "\t" + escape(field)
            }
            if let movedFrom = m.movedFrom { line += "\t" + escape(movedFrom.iso) }
            out += Array(line.utf8)
            out.append(0x0A)
        }
        let sorted = state.actions.values.sorted(by: { $0.id < $1.id })
        for a in sorted.filter(\.isLive) + [nil] + sorted.filter({ !$0.isLive }) as [Action?] {
            guard let a else {
                out += [UInt8(ascii: "C"), 0x0A]
                continue
            }
            var fields: [String?] = [a.id, a.committeeID, a.meetingID, a.itemID, String(a.number), a.text, owner(a.owner),
                                     dueKind(a.due.kind), a.due.text, a.due.isOngoing ? "1" : "0", a.status.rawValue,
                                     a.raisedOn.iso, a.confidential ? "1" : "0"]
            for u in a.history {
                fields += [u.on.iso, u.status.rawValue, u.note, u.meetingID, u.by]
            }
            out += Array(("A" + fields.map { "\t" + escape($0) }.joined()).utf8)
            out.append(0x0A)
        }
        return out
    }

    private static func escape(_ s: String?) -> String {
        guard let s else { return "\\N" }
        guard s.utf8.contains(where: { $0 == 0x5C || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        var out = ""
        for c in s.unicodeScalars {
            switch c {
            case "\\": out += "\\\\"
            case "\t": out += "\\t"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }

    private static func owner(_ o: Owner) -> String {
        switch o {
        case .person(let id): "p:" + id
        case .organisation(let id): "o:" + id
        case .post(let post): "t:" + post
        }
    }

    private static func dueKind(_ k: DueDate.Kind) -> String {
        switch k {
        case .on(let d): "on:" + d.iso
        case .byMonth(let year, let month): "month:\(year)-\(month)"
        case .range(let from, let to): "range:\(from.iso):\(to.iso)"
        case .ongoing: "ongoing"
        case .unspecified: "unspecified"
        }
    }

    // MARK: Decoding

    static func decode(_ bytes: ArraySlice<UInt8>) throws -> ArchiveState {
        var decoder = Decoder()
        try bytes.withUnsafeBufferPointer { buffer in
            var start = 0
            while start < buffer.count {
                guard let end = buffer[start...].firstIndex(of: 0x0A) else { throw Malformed() }
                try decoder.line(UnsafeBufferPointer(rebasing: buffer[start..<end]))
                start = end + 1
            }
        }
        return try decoder.finish()
    }

    /// Decodes the body a line at a time, so a large checkpoint is never held whole.
    struct Decoder {
        /// What to read: the decoder says `.enough` at the first line past it.
        var scope: ArchiveScope = .everything
        /// Whether every line was read (the state is the whole archive's).
        private(set) var isWhole = true
        private var small: Small?
        private var meetings: [MeetingID: Meeting] = [:]
        private var actions: [ActionID: Action] = [:]
        private var fields: [String?] = []

        init(scope: ArchiveScope = .everything) { self.scope = scope }

        enum Next { case more, enough }

        @discardableResult
        mutating func line(_ line: UnsafeBufferPointer<UInt8>) throws -> Next {
            guard small != nil else {
                small = try JSONDecoder().decode(Small.self, from: Data(line))
                return .more
            }
            guard let kind = line.first else { throw Malformed() }
            if kind == UInt8(ascii: "C"), line.count == 1 {
                if scope != .everything { isWhole = false; return .enough }
                return .more
            }
            if kind == UInt8(ascii: "A"), scope == .withoutActions { isWhole = false; return .enough }
            split(line, 0, line.count, into: &fields)
            switch kind {
            case UInt8(ascii: "M"):
                let m = try meeting(fields)
                meetings[m.id] = m
            case UInt8(ascii: "A"):
                let a = try action(fields)
                actions[a.id] = a
            default:
                throw Malformed()
            }
            return .more
        }

        func finish() throws -> ArchiveState {
            guard let small else { throw Malformed() }
            return ArchiveState(organisations: small.organisations, people: small.people, committees: small.committees,
                                committeeOrder: small.committeeOrder, meetings: meetings, actions: actions,
                                objectives: small.objectives, anomalies: small.anomalies,
                                access: small.access ?? AccessRules())
        }
    }

    /// Splits one line into its fields (the first, the line's kind, is dropped).
    private static func split(_ buffer: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, into fields: inout [String?]) {
        fields.removeAll(keepingCapacity: true)
        var i = start
        while i < end, buffer[i] != 0x09 { i += 1 }
        while i < end {
            let fieldStart = i + 1
            var j = fieldStart
            var escaped = false
            while j < end, buffer[j] != 0x09 {
                if buffer[j] == 0x5C { escaped = true; j += 1 }
                j += 1
            }
            let field = UnsafeBufferPointer(rebasing: buffer[fieldStart..<min(j, end)])
            fields.append(escaped ? unescape(field) : String(decoding: field, as: UTF8.self))
            i = j
        }
    }

    private static func unescape(_ field: UnsafeBufferPointer<UInt8>) -> String? {
        if field.count == 2, field[0] == 0x5C, field[1] == UInt8(ascii: "N") { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(field.count)
        var i = 0
        while i < field.count {
            if field[i] == 0x5C, i + 1 < field.count {
                switch field[i + 1] {
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                default: out.append(field[i + 1])
                }
                i += 2
            } else {
                out.append(field[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func meeting(_ f: [String?]) throws -> Meeting {
        guard f.count == 13 || f.count == 14, let id = f[0], let committee = f[1], let title = f[2], let date = f[3].flatMap(date),
              let venue = f[6], let status = f[7].flatMap(MeetingStatus.init(rawValue:))
        else { throw Malformed() }
        var m = Meeting(id: id, committeeID: committee, title: title, date: date, start: f[4].flatMap(time),
                        end: f[5].flatMap(time), venue: venue, status: status, isExtra: f[8] == "1")
        m.startedAt = f[9].flatMap(Int64.init).map(Instant.init(secondsSinceEpoch:))
        m.endedAt = f[10].flatMap(Int64.init).map(Instant.init(secondsSinceEpoch:))
        m.agendaPublishedOn = f[11].flatMap(Self.date)
        m.approvedOn = f[12].flatMap(Self.date)
        m.movedFrom = f.count == 14 ? f[13].flatMap(Self.date) : nil
        return m
    }

    private static func action(_ f: [String?]) throws -> Action {
        guard f.count >= 13, (f.count - 13) % 5 == 0, let id = f[0], let committee = f[1], let meeting = f[2],
              let number = f[4].flatMap(Int.init), let text = f[5], let owner = f[6].flatMap(owner(_:)),
              let kind = f[7].flatMap(dueKind(_:)), let dueText = f[8], let status = f[10].flatMap(ActionStatus.init(rawValue:)),
              let raisedOn = f[11].flatMap(date)
        else { throw Malformed() }
        var history: [ActionUpdate] = []
        var i = 13
        while i < f.count {
            guard let on = f[i].flatMap(date), let s = f[i + 1].flatMap(ActionStatus.init(rawValue:)),
                  let note = f[i + 2] else { throw Malformed() }
            history.append(ActionUpdate(on: on, status: s, note: note, meetingID: f[i + 3], by: f[i + 4]))
            i += 5
        }
        return Action(id: id, committeeID: committee, meetingID: meeting, itemID: f[3], number: number, text: text, owner: owner,
                      due: DueDate(kind: kind, text: dueText, isOngoing: f[9] == "1"), status: status, raisedOn: raisedOn,
                      confidential: f[12] == "1", history: history)
    }

    /// "YYYY-MM-DD", read without the general parser: there are tens of thousands.
    private static func date(_ s: String) -> CalendarDate? {
        var s = s
        return s.withUTF8 { b -> CalendarDate? in
            guard b.count == 10, b[4] == 0x2D, b[7] == 0x2D,
                  let y = digits(b, 0, 4), let m = digits(b, 5, 2), let d = digits(b, 8, 2) else { return nil }
            return CalendarDate(year: y, month: m, day: d)
        }
    }

    /// "HH:MM".
    private static func time(_ s: String) -> TimeOfDay? {
        var s = s
        return s.withUTF8 { b -> TimeOfDay? in
            guard b.count == 5, b[2] == 0x3A, let h = digits(b, 0, 2), let m = digits(b, 3, 2) else { return nil }
            return TimeOfDay(hour: h, minute: m)
        }
    }

    private static func digits(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ count: Int) -> Int? {
        var n = 0
        for i in start..<(start + count) {
            let c = b[i]
            guard c >= 0x30, c <= 0x39 else { return nil }
            n = n * 10 + Int(c - 0x30)
        }
        return n
    }

    private static func owner(_ s: String) -> Owner? {
        if s.hasPrefix("p:") { return .person(String(s.dropFirst(2))) }
        if s.hasPrefix("o:") { return .organisation(String(s.dropFirst(2))) }
        if s.hasPrefix("t:") { return .post(String(s.dropFirst(2))) }
        return nil
    }

    private static func dueKind(_ s: String) -> DueDate.Kind? {
        if s == "ongoing" { return .ongoing }
        if s == "unspecified" { return .unspecified }
        if s.hasPrefix("on:") { return date(String(s.dropFirst(3))).map(DueDate.Kind.on) }
        if s.hasPrefix("month:") {
            let parts = s.dropFirst(6).split(separator: "-")
            guard parts.count == 2, let y = Int(parts[0]), let m = Int(parts[1]) else { return nil }
            return .byMonth(year: y, month: m)
        }
        if s.hasPrefix("range:") {
            let parts = s.dropFirst(6).split(separator: ":")
            guard parts.count == 2, let a = date(String(parts[0])), let b = date(String(parts[1])) else { return nil }
            return .range(from: a, to: b)
        }
        return nil
    }
}
