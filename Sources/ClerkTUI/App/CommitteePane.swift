import ClerkCore
import Terminal

public enum CommitteePane {
    static let labelWidth = 26
    static let indent = String(repeating: " ", count: labelWidth)
    /// The most rows a long text (purpose, accountability…) takes in the list.
    static let maxLines = 3

    /// The field's value as shown, "—" when empty.
    static func value(_ field: TermsField, _ c: Committee, _ archive: ArchiveState) -> String {
        let t = c.terms
        switch field {
        case .name: return "\(c.name) (code \(c.code))"
        case .purpose: return t.purpose
        case .accountability: return t.accountability
        case .membershipRule: return t.membershipRule
        case .secretariat: return t.secretariat
        case .chair:
            guard let chair = c.chair, let p = archive.people[chair.personID] else { return "" }
            return "\(p.formalName) (\(p.initials))" + (chair.from.map { " from \($0.iso)" } ?? "")
        case .cadence: return t.cadence?.text ?? "as arranged"
        case .quorum: return t.quorum.text
        case .declaredExcluded: return t.declaredExcludedFromQuorum ? "excludes the member from quorum on that item" : "does not affect quorum"
        case .voting: return t.voting.text
        case .coreOrganisations:
            return c.coreOrganisations.map { archive.organisations[$0]?.name ?? $0 }.joined(separator: ", ")
        case .deadlines: return t.deadlines?.text ?? ""
        case .reviewDate: return t.reviewDate?.iso ?? ""
        case .objectives: return t.objectives.enumerated().map { "\($0.offset + 1). \($0.element)" }.joined(separator: "\n")
        case .houseStyle: return HouseStyleField.value(t)
        case .venue: return t.defaultVenue ?? ""
        case .references: return ReferenceField.value(t.references)
        }
    }

    /// The form's starting text for a field.
    static func prefill(_ field: TermsField, _ c: Committee, _ archive: ArchiveState, today: CalendarDate) -> String {
        let t = c.terms
        switch field {
        case .name: return c.name
        case .purpose: return CommitteeText.oneLine(t.purpose)
        case .accountability: return CommitteeText.oneLine(t.accountability)
        case .membershipRule: return CommitteeText.oneLine(t.membershipRule)
        case .objectives: return t.objectives.map(CommitteeText.oneLine).joined(separator: " ¶ ")
        case .chair: return (c.chair.flatMap { archive.people[$0.personID]?.initials } ?? "") + " \(today.iso)"
        case .cadence: return t.cadence?.text ?? ""
        case .houseStyle: return HouseStyleField.prefill(t)
        case .references: return t.references.map(ReferenceField.value) ?? ""
        default: return value(field, c, archive)
        }
    }

    public static func content(data: ViewData, committee c: Committee, width: Int) -> Content {
        var out = Content()
        let archive = data.archive
        out.heading("Terms of reference", width: width)
        for field in TermsField.allCases {
            let entry = out.beginEntry(key: "f:\(field.rawValue)")
            let text = value(field, c, archive)
            let lead = DisplayWidth.pad(field.label, toWidth: labelWidth)
            if text.isEmpty {
                out.wrapped("—", lead: lead, width: width, slot: .muted, leadSlot: .muted, entry: entry)
                continue
            }
            // Long texts show their first lines; the form shows and edits all of it.
            let room = max(4, width - labelWidth)
            let lines = text.split(separator: "\n", omittingEmptySubsequences: true).flatMap { DisplayWidth.wrap(String($0), width: room) }
            let shown = lines.count > maxLines + 1 ? maxLines : lines.count
            for (n, line) in lines.prefix(shown).enumerated() {
                out.rows.append(Row([Span(n == 0 ? lead : indent, .muted), Span(line)], entry: entry))
            }
            if shown < lines.count {
                out.rows.append(Row([Span(indent), Span("… \(lines.count - shown) more lines (Enter shows all)", .muted)], entry: entry))
            }
            if field == .quorum, let problem = archive.quorumProblem(c.terms.quorum, seats: c.memberships,
                                                                     coreOrganisations: c.coreOrganisations) {
                out.wrapped(problem, lead: String(repeating: " ", count: labelWidth), width: width, slot: .statusError, entry: entry)
            }
        }
        StandingItemsPane.add(c, to: &out, width: width)
        out.blank()
        out.heading("Organisations  (O adds · c marks core)", width: width)
        let orgs = c.organisationIDs(in: archive)
        if orgs.isEmpty { out.wrapped("none yet", lead: "  ", width: width, slot: .muted) }
        for id in orgs {
            let entry = out.beginEntry(key: "o:\(id)")
            let core = c.coreOrganisations.contains(id)
            let seats = c.seated.filter { $0.organisationID == id }.count
            out.wrapped(archive.organisations[id]?.name ?? id, lead: "  ", width: width, entry: entry,
                        trailing: Span((core ? "core" : "not core") + " · \(CommitteeText.plural(seats, "seat", "seats"))", core ? .base : .muted))
        }
        out.blank()
        out.heading("Members  (A adds · m corrects · x ends a seat)", width: width)
        if c.memberships.isEmpty { out.wrapped("none yet", lead: "  ", width: width, slot: .muted) }
        for (index, m) in c.memberships.enumerated() {
            let entry = out.beginEntry(key: "m:\(index)")
            let p = archive.people[m.personID]
            let ended = m.until.map { $0 < data.today } ?? false
            let who = (p?.formalName ?? m.personID) + (p.map { " (\($0.initials))" } ?? "")
            out.wrapped(who, lead: "  ", width: width, slot: ended ? .muted : .base, entry: entry,
                        trailing: Span(m.role.label, ended ? .muted : .base))
            var detail: [String] = []
            if let o = m.organisationID { detail.append(archive.organisations[o]?.name ?? o) }
            if let d = p?.letters ?? p?.position { detail.append(d) }
            if let target = m.alternateFor {
                detail.append("alternate for " + (archive.people[target].map { "\($0.name) (\($0.initials))" } ?? target))
            }
            switch (m.from, m.until) {
            case (let f?, let u?): detail.append("\(f.iso) to \(u.iso)")
            case (let f?, nil): detail.append("from \(f.iso)")
            case (nil, let u?): detail.append("until \(u.iso)")
            case (nil, nil): break
            }
            if !detail.isEmpty { out.wrapped(detail.joined(separator: " · "), lead: "    ", width: width, slot: .muted, entry: entry) }
        }
        return out
    }
}

extension ViewData {
    func committeeContent(_ committee: Committee, width: Int) -> Content {
        cachedContent(kind: .committee, width: width, key: committee.id) {
            CommitteePane.content(data: self, committee: committee, width: width)
        }
    }
}

extension Renderer {
    func drawCommitteeTerms(_ state: AppState, _ screen: CommitteeScreen, _ data: ViewData, on term: any Terminal) {
        let size = term.size
        guard let committee = data.archive.committees[screen.committeeID] else { return }
        // Seats now open, including those that start later (a committee set up ahead).
        let voting = committee.seated.filter(\.role.isVotingMember).count
        let right = [Span(" \(voting) voting · \(committee.coreOrganisations.count) core ", .header),
                     Span(" \(data.clock.text) ", .header)]
        drawBar("\(committee.name) · terms of reference", right, in: Rect(x: 0, y: 0, cols: size.cols, rows: 1), slot: .header, on: term)
        let rect = Layout.workPlan(size)
        let content = data.committeeContent(committee, width: Layout.inner(rect).size.cols)
        drawPane(title: "Terms, organisations and members", content: content, position: screen.position, in: rect, focused: true, on: term)
    }
}
