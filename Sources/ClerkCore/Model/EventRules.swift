/// What every event must satisfy before the fold applies it, whatever the state: ids that
/// are well-formed and numbers in the ranges the rest of clerk computes with. A record
/// that breaks one is set aside as an anomaly (never applied, never a crash), and
/// `clerk check` reports it. See docs/journal-format.md, "Ids" and "Numbers".
public enum IDGrammar {
    /// The longest id accepted.
    public static let maxLength = 100

    /// An id is 1–100 characters from `a–z 0–9 -`, not starting with a hyphen: lower-case
    /// slugs ("peter-graves"), meeting ids ("whpl-2026-12-17-2") and short ids ("i-5",
    /// "e-1kz0f"). Nothing else, so an id is always a safe file name, a safe word on a
    /// terminal and a safe field in a tab-separated cache.
    public static func isValid(_ id: String) -> Bool {
        let scalars = id.unicodeScalars
        guard !scalars.isEmpty, scalars.count <= maxLength, scalars.first != "-" else { return false }
        return scalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}

/// The ranges numbers in events must fall in.
public enum NumberRanges {
    /// Scalar offsets and lengths of a splice.
    public static let splice = 0...(1 << 31)
    /// The minutes set aside for an agenda item: at most a day.
    public static let itemMinutes = 0...(24 * 60)
    /// An action's number within its meeting.
    public static let actionNumber = 1...1_000_000
    /// Counts: quorum numbers, vote tallies.
    public static let count = 0...1_000_000
    /// Days before a meeting for its deadlines: at most ten years.
    public static let leadDays = 0...3_650
}

extension Event {
    /// Nil when the event is well-formed; else what is wrong with it, in a few words.
    public var malformation: String? {
        var ids: [(String, String)] = []
        var numbers: [(String, Int, ClosedRange<Int>)] = []
        var other: String?
        func item(_ i: AgendaItem) {
            ids.append(("item id", i.id))
            if let p = i.parentID { ids.append(("parentID", p)) }
            if let m = i.minutes { numbers.append(("minutes", m, NumberRanges.itemMinutes)) }
            if let r = i.refersTo { ids += [("refersTo.meetingID", r.meetingID), ("refersTo.itemID", r.itemID)] }
        }
        func quorum(_ q: QuorumRule) {
            switch q {
            case .none: break
            case .members(let n), .organisations(let n): numbers.append(("quorum", n, NumberRanges.count))
            case .membersAndOrganisations(let m, let o):
                numbers += [("quorum members", m, NumberRanges.count), ("quorum organisations", o, NumberRanges.count)]
            case .fractionOfMembers(let num, let den):
                numbers += [("quorum denominator", den, 1...100), ("quorum numerator", num, 0...max(1, den))]
            case .including(let base, let conditions):
                if case .including = base { other = "quorum: conditions on conditions" }
                quorum(base)
                for case .atLeast(let n, let category) in conditions {
                    numbers.append(("quorum condition count", n, 1...NumberRanges.count.upperBound))
                    if category.isEmpty || category.count > 100 { other = "quorum condition: a category of 1 to 100 characters" }
                }
            }
        }
        func terms(_ t: TermsOfReference) {
            if let problem = t.cadence?.problem { other = "cadence: \(problem)" }
            if let problem = t.references?.problem { other = "references: \(problem)" }
            quorum(t.quorum)
            if let d = t.deadlines {
                numbers.append(("submissionLeadDays", d.submissionLeadDays, NumberRanges.leadDays))
                if case .daysBefore(let n) = d.papers { numbers.append(("papers daysBefore", n, NumberRanges.leadDays)) }
            }
        }
        func membership(_ m: Membership) {
            ids.append(("personID", m.personID))
            if let o = m.organisationID { ids.append(("organisationID", o)) }
            if let a = m.alternateFor { ids.append(("alternateFor", a)) }
        }
        func owner(_ o: Owner) {
            switch o {
            case .person(let p): ids.append(("owner", p))
            case .organisation(let o): ids.append(("owner", o))
            case .post(let post):
                if post.isEmpty || post.count > 200 { other = "owner: a post of 1 to 200 characters" }
            }
        }
        func due(_ d: DueDate) {
            if case .byMonth(let year, let month) = d.kind { numbers += [("due year", year, 1...9999), ("due month", month, 1...12)] }
        }
        func update(_ u: ActionUpdate) {
            if let m = u.meetingID { ids.append(("update meetingID", m)) }
            if let b = u.by { ids.append(("update by", b)) }
        }
        switch self {
        case .organisationAdded(let o): ids.append(("id", o.id))
        case .personAdded(let p), .personUpdated(let p):
            ids.append(("id", p.id))
            if let o = p.organisationID { ids.append(("organisationID", o)) }
        case .committeeCreated(let c):
            ids.append(("id", c.id))
            ids += c.coreOrganisations.map { ("coreOrganisations", $0) }
            c.memberships.forEach(membership)
            terms(c.terms)
        case .termsChanged(let e):
            ids.append(("committeeID", e.committeeID))
            ids += e.coreOrganisations.map { ("coreOrganisations", $0) }
            terms(e.terms)
        case .membershipStarted(let e):
            ids.append(("committeeID", e.committeeID))
            membership(e.membership)
        case .membershipEnded(let e): ids += [("committeeID", e.committeeID), ("personID", e.personID)]
        case .seatCorrected(let e):
            ids += [("committeeID", e.committeeID), ("personID", e.personID)]
            if let o = e.organisationID { ids.append(("organisationID", o)) }
        case .meetingScheduled(let m): ids += [("id", m.id), ("committeeID", m.committeeID)]
        case .meetingMoved(let e): ids.append(("meetingID", e.meetingID))
        case .meetingCancelled(let e): ids.append(("meetingID", e.meetingID))
        case .meetingInCommon(let e):
            ids.append(("meetingID", e.meetingID))
            ids += e.committees.map { ("committees", $0) }
            if let chair = e.chair { ids.append(("chair", chair)) }
        case .agendaPublished(let e), .minutesCirculated(let e): ids.append(("meetingID", e.meetingID))
        case .meetingStarted(let e): ids.append(("meetingID", e.meetingID))
        case .meetingClosed(let e):
            ids.append(("meetingID", e.meetingID))
            if let n = e.nextMeetingID { ids.append(("nextMeetingID", n)) }
        case .minutesApproved(let e):
            ids.append(("meetingID", e.meetingID))
            if let a = e.atMeetingID { ids.append(("atMeetingID", a)) }
        case .actionRaised(let a):
            ids += [("id", a.id), ("committeeID", a.committeeID), ("meetingID", a.meetingID)]
            if let i = a.itemID { ids.append(("itemID", i)) }
            numbers.append(("number", a.number, NumberRanges.actionNumber))
            owner(a.owner)
            due(a.due)
            a.history.forEach(update)
        case .actionUpdated(let e):
            ids.append(("actionID", e.actionID))
            update(e.update)
        case .actionEdited(let e):
            ids.append(("actionID", e.actionID))
            owner(e.owner)
            due(e.due)
        case .objectiveSet(let o):
            ids += [("id", o.id), ("committeeID", o.committeeID)]
            due(o.timescale)
        case .objectiveRemoved(let e): ids.append(("objectiveID", e.objectiveID))
        case .accountsSet(let e):
            ids.append(("personID", e.personID))
            if let bad = e.accounts.first(where: { !AccessRules.isValidAccount($0) }) {
                other = "account \(IDGrammar.shown(bad)) is not an account name"
            }
        case .confidentialBarred(let e): ids += [("committeeID", e.committeeID), ("personID", e.personID)]
        case .itemAdded(let e):
            ids.append(("meetingID", e.meetingID))
            item(e.item)
            if let a = e.after { ids.append(("after", a)) }
        case .itemEdited(let e):
            ids.append(("meetingID", e.meetingID))
            item(e.item)
        case .itemMoved(let e):
            ids += [("meetingID", e.meetingID), ("itemID", e.itemID)]
            if let p = e.parentID { ids.append(("parentID", p)) }
            if let a = e.after { ids.append(("after", a)) }
        case .itemRemoved(let e): ids += [("meetingID", e.meetingID), ("itemID", e.itemID)]
        case .currentItemSet(let e): ids += [("meetingID", e.meetingID), ("itemID", e.itemID)]
        case .attendanceMarked(let e):
            ids += [("meetingID", e.meetingID), ("personID", e.attendance.personID)]
            if case .deputy(let member, _) = e.attendance.presence { ids.append(("deputyFor", member)) }
            if let c = e.attendance.committeeID { ids.append(("committeeID", c)) }
        case .attendanceCleared(let e): ids += [("meetingID", e.meetingID), ("personID", e.personID)]
        case .declarationRecorded(let e):
            let d = e.declaration
            ids += [("meetingID", e.meetingID), ("id", d.id), ("personID", d.personID), ("itemID", d.itemID)]
        case .declarationWithdrawn(let e): ids += [("meetingID", e.meetingID), ("declarationID", e.declarationID)]
        case .entryAdded(let e): ids += [("meetingID", e.meetingID), ("id", e.entry.id), ("itemID", e.entry.itemID)]
        case .entryEdited(let e):
            ids += [("meetingID", e.meetingID), ("entryID", e.entryID)]
            ids += (e.committees ?? []).map { ("committees", $0) }
            for s in e.splices { numbers += [("splice at", s.at, NumberRanges.splice), ("splice delete", s.delete, NumberRanges.splice)] }
        case .entryRemoved(let e): ids += [("meetingID", e.meetingID), ("entryID", e.entryID)]
        case .entryConflicted(let e):
            let c = e.conflict
            ids += [("meetingID", e.meetingID), ("conflict id", c.id), ("entryID", c.entryID), ("itemID", c.itemID)]
            if let b = c.by { ids.append(("by", b)) }
        case .conflictResolved(let e): ids += [("meetingID", e.meetingID), ("conflictID", e.conflictID)]
        case .voteRecorded(let e):
            let v = e.vote
            ids += [("meetingID", e.meetingID), ("id", v.id), ("itemID", v.itemID)] + v.ballots.map { ("voterID", $0.voterID) }
            numbers += [("tally for", v.tally.forCount, NumberRanges.count), ("tally against", v.tally.againstCount, NumberRanges.count),
                        ("tally abstain", v.tally.abstainCount, NumberRanges.count)]
        case .quorumChanged(let e): ids.append(("meetingID", e.meetingID))
        case .guestAdded(let e):
            ids += [("meetingID", e.meetingID), ("guest id", e.guest.id)]
            if let i = e.guest.itemID { ids.append(("itemID", i)) }
            if e.guest.name.isEmpty || e.guest.name.count > 200 { other = "guest: a name of 1 to 200 characters" }
        case .guestRemoved(let e): ids += [("meetingID", e.meetingID), ("guestID", e.guestID)]
        case .referencesAssigned(let e):
            ids += [("meetingID", e.meetingID)] + e.references.map { ("itemID", $0.itemID) }
            if e.references.contains(where: { $0.reference.isEmpty || Venue.hasControl($0.reference) }) {
                other = "an item reference is empty or has a control character"
            }
        case .referencesCounted(let e):
            ids.append(("committeeID", e.committeeID))
            numbers += [("year", e.year, 1...9999), ("last", e.last, NumberRanges.count)]
        }
        if let (field, bad) = ids.first(where: { !IDGrammar.isValid($0.1) }) {
            return "\(field) \(IDGrammar.shown(bad)) is not a valid id (1–\(IDGrammar.maxLength) of a–z 0–9 -)"
        }
        if let (field, value, range) = numbers.first(where: { !$0.2.contains($0.1) }) {
            return "\(field) \(value) is out of range (\(range.lowerBound)–\(range.upperBound))"
        }
        return other
    }
}

extension IDGrammar {
    /// An untrusted id quoted for a message: control and format characters escaped, cut short.
    public static func shown(_ text: String) -> String {
        var out = "'"
        for s in text.unicodeScalars.prefix(40) {
            if s.value < 0x20 || (0x7F...0x9F).contains(s.value) || s.properties.generalCategory == .format
                || s.value == 0x2028 || s.value == 0x2029 {
                out += "\\u{" + String(s.value, radix: 16) + "}"
            } else {
                out.unicodeScalars.append(s)
            }
        }
        return out + (text.unicodeScalars.count > 40 ? "…'" : "'")
    }
}
