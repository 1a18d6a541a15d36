import ClerkCore

/// Who was at the meeting, listed as the house style lists them: members present apart
/// from those in attendance, the organisation as a heading over its people rather than on
/// every line, names with their titles and initials, the chair and the minute taker marked.
struct MinutesAttendance {
    let archive: ArchiveState
    let record: MeetingRecord
    let meeting: Meeting
    let committee: Committee
    let style: HouseStyle

    func blocks() -> [Document.Block] {
        let here = record.attendance.filter { $0.presence.isInRoom }
        var blocks: [Document.Block] = []
        switch style.attendance {
        case .byOrganisation:
            // As informal notes list them: everyone in the room by organisation; those who
            // attend without a seat apart, never merged with the members.
            let members = here.filter { !isAttendee($0) }
            let others = here.filter(isAttendee)
            if !here.isEmpty || !guestLines.isEmpty { blocks.append(.section("In attendance")) }
            blocks += grouped(members)
            let alsoHere = others.map { line($0, naming: true) } + guestLines
            if !alsoHere.isEmpty { blocks.append(.group("Also in attendance", alsoHere)) }
        case .presentAndInAttendance, .membersAndOfficers:
            let local = style.attendance == .membersAndOfficers
            let members = here.filter { !isAttendee($0) }
            let others = here.filter(isAttendee)
            if !members.isEmpty { blocks.append(.section(local ? "Members present" : "Present")); blocks += grouped(members) }
            if !others.isEmpty || !guestLines.isEmpty { blocks.append(.section(local ? "Officers present" : "In attendance")) }
            if !others.isEmpty { blocks += grouped(others) }
            if !guestLines.isEmpty { blocks.append(.group(nil, guestLines)) }
        }
        let apologiesTitle = style.attendance == .membersAndOfficers ? "Apologies for absence" : "Apologies"
        for (title, presence) in [(apologiesTitle, Presence.apologies), ("Absent", Presence.absent)] {
            let lines = record.attendance.filter { $0.presence == presence }
                .map { line($0, naming: style.attendance == .byOrganisation) }
            if !lines.isEmpty {
                blocks.append(.section(title))
                blocks.append(.group(nil, lines))
            }
        }
        return blocks
    }

    /// Guests (not members) with their role, "(for item 5)" when they came for one item.
    var guestLines: [String] {
        record.listedGuests.map { $0.line(itemNumber: $0.itemID.map { record.number(of: $0) }).visible }
    }

    /// The organisation a person is listed under: their seat's on this committee, else their own.
    func organisation(of person: PersonID) -> Organisation? {
        archive.organisationID(of: person, on: committee.id, date: meeting.date).flatMap { archive.organisations[$0] }
    }

    /// Present without a vote: marked in attendance, or holding a seat that does not vote
    /// (adviser, secretariat, an alternate not deputising).
    func isAttendee(_ a: Attendance) -> Bool {
        switch a.presence {
        case .inAttendance: return true
        case .deputy: return false
        case .present, .apologies, .absent:
            guard let seat = committee.membership(of: a.personID, on: meeting.date) else { return style.attendance != .byOrganisation }
            return style.attendance != .byOrganisation && !seat.role.isVotingMember
        }
    }

    /// People under the heading of their organisation (its group, as minuted), in the order
    /// recorded. A list of one organisation, or of none, goes without a heading.
    func grouped(_ list: [Attendance]) -> [Document.Block] {
        var groups: [(String?, [Attendance])] = []
        for a in list {
            let org = organisation(of: a.personID)
            let name = org?.group ?? org?.name
            if let i = groups.firstIndex(where: { $0.0 == name }) { groups[i].1.append(a) } else { groups.append((name, [a])) }
        }
        // Formal minutes head the lists by organisation only when people come from several.
        let organisations = Set(record.attendance.compactMap { organisation(of: $0.personID)?.id })
        let headed = style.attendance == .byOrganisation || organisations.count > 1
        if !headed { groups = [(nil, list)] }
        return groups.map { name, people in
            // Under the organisation's own heading its name is not repeated on each line.
            let org = people.first.flatMap { organisation(of: $0.personID) }
            let naming = style.attendance == .byOrganisation ? (org?.group != nil || org == nil) : false
            return .group(headed ? name?.visible : nil, people.map { line($0, naming: naming) })
        }
    }

    func line(_ a: Attendance, naming: Bool) -> String {
        guard let p = archive.people[a.personID] else { return a.personID.visible }
        // Formal minutes mark the chair and the minute taker; informal notes do not.
        let role = style.attendance == .byOrganisation ? nil : committee.membership(of: p.id, on: meeting.date)?.role
        let mark: String? = switch role {
        case .chair?: "Chair"
        case .viceChair?: "Vice-chair"
        case .secretariat?: "minutes"
        default: nil
        }
        var line: String
        if style.attendance == .byOrganisation, !style.titles, !style.initials {
            line = p.attendanceLine(organisation: naming ? organisation(of: p.id) : nil)
        } else {
            line = style.titles ? p.formalName : p.name
            if style.initials, !p.initials.isEmpty { line += " (\(p.initials))" }
            // "Dr Jane Roe (JR) Medical Director (Chair)"; the mark stands as the role when there is no other.
            var detail = p.position ?? p.letters ?? ""
            var marked = mark
            if detail.isEmpty, style.initials, mark != "minutes", let m = mark { detail = m; marked = nil }
            if !detail.isEmpty { line += (style.initials ? " " : ", ") + detail }
            if let marked { line += " (\(marked))" }
            if naming, let org = organisation(of: p.id) { line += " (\(org.name))" }
        }
        if case .deputy(let member, _) = a.presence {
            let name = archive.people[member].map { style.titles ? $0.formalName : $0.name } ?? member
            line += ", deputising for \(name)"
        }
        if let part = a.partMeeting(openedAt: meeting.openedAt, closedAt: meeting.closedAt) { line += ", \(part)" }
        return line.visible
    }
}
