import Testing
@testable import ClerkCore

@Suite struct AgendaTests {
    @Test func standingAgendaOrder() throws {
        var w = try Herts.world()
        let m = try w.schedule(Herts.id, "2008-05-15")
        let earlier = ItemRef(meetingID: "hpbc-2008-04-22", itemID: "i-provider")
        try w.run(in: m) { m, c in try m.standingAgenda(context: c, carriedForward: [earlier]) }
        let items = w.record(m).items
        #expect(items.map(\.standing) == [.apologies, .declarations, .previousMinutes, .actionLog, nil, .anyOtherBusiness, .nextMeeting])
        #expect(items.map(\.title).first == "Apologies")
        #expect(items[4].refersTo == earlier)
        #expect(items.map { w.record(m).number(of: $0.id) } == ["1", "2", "3", "4", "5", "6", "7"])
        expectRefused(.wrongState, mentioning: "already has an agenda") { try w.meeting(m).standingAgenda(context: w.context) }
    }

    @Test func aStoodDownMeetingGetsNoAgenda() throws {
        var w = try Herts.world()
        let m = try w.schedule(Herts.id, "2008-06-19")
        try w.run { a, _ in try a.cancelMeeting(m, reason: "no business") }
        expectRefused(.wrongState, mentioning: "stood down") { try w.meeting(m).standingAgenda(context: w.context) }
    }

    /// Seed 001: "1. Minutes of the last meeting and matters arising", a. to c., then "2. Provider services".
    @Test func subItemsAreLettered() throws {
        var (w, m, minutes, provider) = try Herts.april2008()
        let a = try w.addItem(m, "Item 2, paragraph 2", under: minutes)
        let b = try w.addItem(m, "Item 4, Financial situation", under: minutes)
        let c = try w.addItem(m, "Item 7, Training", under: minutes)
        let r = w.record(m)
        #expect(r.items.map(\.id) == [minutes, a, b, c, provider])
        #expect([minutes, a, b, c, provider].map(r.number(of:)) == ["1", "1a", "1b", "1c", "2"])
        #expect(r.number(of: "i-unknown") == "?")
        expectRefused(.invalid, mentioning: "one level deep", "under item 1") {
            try w.meeting(m).addItem(AgendaItem(id: "i-deep", parentID: b, title: "Secondary care budgets"))
        }
    }

    @Test func aTopLevelItemAddedAfterAnotherSkipsItsSubItems() throws {
        var (w, m, minutes, provider) = try Herts.april2008()
        let a = try w.addItem(m, "Item 2, paragraph 2", under: minutes)
        try w.run(in: m) { m, _ in try m.addItem(AgendaItem(id: "i-darzi", title: "Darzi clinic"), after: minutes) }
        #expect(w.record(m).items.map(\.id) == [minutes, a, "i-darzi", provider])
    }

    @Test func itemsAreChecked() throws {
        let (w, m, minutes, _) = try Herts.april2008()
        expectRefused(.invalid, mentioning: "needs a title") { try w.meeting(m).addItem(AgendaItem(id: "i-x", title: " ")) }
        expectRefused(.notFound, mentioning: "agenda item", "i-none") {
            try w.meeting(m).addItem(AgendaItem(id: "i-x", parentID: "i-none", title: "Orphan"))
        }
        for bad in [0, -5, 601] {
            expectRefused(.invalid, mentioning: "between 1 and 600") {
                try w.meeting(m).addItem(AgendaItem(id: "i-x", title: "Training", minutes: bad))
            }
        }
        expectRefused(.duplicate, mentioning: "exists") { try w.meeting(m).addItem(AgendaItem(id: minutes, title: "Again")) }
    }

    @Test func movingAnItemTakesItsSubItems() throws {
        var (w, m, minutes, provider) = try Herts.april2008()
        let a = try w.addItem(m, "Item 2, paragraph 2", under: minutes)
        let b = try w.addItem(m, "Item 4, Financial situation", under: minutes)
        w.fold([.itemMoved(ItemMoved(meetingID: m, itemID: minutes, parentID: nil, after: provider))])
        let r = w.record(m)
        #expect(r.items.map(\.id) == [provider, minutes, a, b])
        #expect([provider, minutes, a, b].map(r.number(of:)) == ["1", "2", "2a", "2b"])
        #expect(r.anomalies.isEmpty)
        // A sub-item moved to the top level.
        w.fold([.itemMoved(ItemMoved(meetingID: m, itemID: b, parentID: nil, after: nil))])
        #expect(w.record(m).items.map(\.id) == [provider, minutes, a, b])
        #expect(w.record(m).number(of: b) == "3")
    }

    @Test func removingAnItemRemovesItsSubItems() throws {
        var (w, m, minutes, provider) = try Herts.april2008()
        _ = try w.addItem(m, "Item 2, paragraph 2", under: minutes)
        w.fold([.itemRemoved(ItemRemoved(meetingID: m, itemID: minutes))])
        #expect(w.record(m).items.map(\.id) == [provider])
    }
}

@Suite struct MinutesFoldTests {
    func entry(_ text: String) throws -> (World, MeetingID, EntryID) {
        var (w, m, _, provider) = try Herts.april2008()
        let events = try w.run(in: m) { m, c in try m.addEntry(to: provider, kind: .note, text: text, context: c) }
        guard case .entryAdded(let e) = events.first else { throw CommandError(.invalid, "no entry") }
        return (w, m, e.entry.id)
    }

    @Test(arguments: [
        ("children’s services", "adult and children’s services"),
        ("Nicola Jones has now left", "Nicola Jones has now left the SHA"),
        ("Café meeting", "Café-Bar meeting at Aston, Stevenage"),
        ("cafe", "cafe\u{301}"),  // a combining accent after a plain letter
        ("会议记录", "会议纪要记录"),
        ("Agreed 👍", "Agreed 👍🏽 by all"),
        ("family 👨‍👩‍👧", "family 👨‍👩‍👧‍👦"),
        ("Minutes", ""),
        ("", "Provider services had started to respond appropriately"),
    ])
    func editsFoldToExactlyTheNewText(old: String, new: String) throws {
        var (w, m, id) = try entry(old)
        let events = try w.run(in: m) { m, _ in try m.editEntry(id, newText: new) }
        #expect(events.count == 1)
        guard case .entryEdited(let edit) = events.first else { Issue.record("not an edit"); return }
        #expect(edit.splices.count == 1)
        let text = w.record(m).entries.first { $0.id == id }!.text
        #expect(Array(text.unicodeScalars) == Array(new.unicodeScalars))
        #expect(w.record(m).anomalies.isEmpty)
    }

    @Test func anUnchangedEditIsNothing() throws {
        let (w, m, id) = try entry("It was noted that adult services were more responsive")
        #expect(try w.meeting(m).editEntry(id, newText: "It was noted that adult services were more responsive").isEmpty)
        let kindOnly = try w.meeting(m).editEntry(id, newText: "It was noted that adult services were more responsive", kind: .noted)
        guard case .entryEdited(let e) = kindOnly.first else { Issue.record("no edit"); return }
        #expect(e.kind == .noted && e.splices.isEmpty)
        expectRefused(.notFound, mentioning: "minute entry", "another session") { try w.meeting(m).editEntry("e-gone", newText: "x") }
    }

    @Test func spliceOutOfRangeIsNil() {
        #expect(Splice(at: 5, delete: 0, insert: "x").apply(to: "abc") == nil)
        #expect(Splice(at: 2, delete: 2, insert: "x").apply(to: "abc") == nil)
        #expect(Splice(at: -1, delete: 0, insert: "x").apply(to: "abc") == nil)
        #expect(Splice(at: 0, delete: -1, insert: "x").apply(to: "abc") == nil)
        #expect(Splice(at: 3, delete: 0, insert: "d").apply(to: "abc") == "abcd")
        // Offsets count scalars: "é" precomposed is one, "👍🏽" is two.
        #expect(Splice(at: 3, delete: 1, insert: "e").apply(to: "caf\u{E9}!").map { Array($0.unicodeScalars) } == Array("cafe!".unicodeScalars))
        #expect(Splice(at: 2, delete: 0, insert: "!").apply(to: "👍🏽") == "👍🏽!")
    }

    @Test func aBadSpliceIsAnAnomalyNotACrash() throws {
        var (w, m, id) = try entry("Provider services")
        w.fold([.entryEdited(EntryEdited(meetingID: m, entryID: id, splices: [Splice(at: 99, delete: 1, insert: "x")]))])
        #expect(w.record(m).entries.first?.text == "Provider services")
        #expect(w.record(m).anomalies == ["minutes.entry-edited: splice out of range"])
    }

    /// An edit is one event: if any splice of it doesn't fit, none of it is applied.
    @Test func aPartlyBadEditChangesNothing() throws {
        var (w, m, id) = try entry("Provider services")
        w.fold([.entryEdited(EntryEdited(meetingID: m, entryID: id, kind: .decision,
                                         splices: [Splice(at: 0, delete: 0, insert: "Adult "), Splice(at: 99, delete: 1, insert: "x")]))])
        #expect(w.record(m).entries.first?.text == "Provider services")
        #expect(w.record(m).entries.first?.kind == .note)
        #expect(w.record(m).anomalies.count == 1)
    }
}

@Suite struct FoldAnomalyTests {
    @Test func meetingEventsInTheArchiveAreAnomalies() {
        var s = ArchiveState()
        s.apply(.entryRemoved(EntryRemoved(meetingID: "hpbc-2008-04-22", entryID: "e-1")))
        s.apply(.meetingStarted(MeetingTimed(meetingID: "hpbc-2008-04-22", at: Instant(date: day("2008-04-22"), time: time("13:00")))))
        s.apply(.actionUpdated(ActionUpdated(actionID: "a-1", update: ActionUpdate(on: day("2008-04-22"), status: .done, note: ""))))
        s.apply(.membershipEnded(MembershipEnded(committeeID: "herts-pbc-leads", personID: "mark-jones", until: day("2008-04-22"))))
        #expect(s.anomalies == ["minutes.entry-removed: a meeting event in the archive segment",
                                "meeting.started: unknown meeting", "action.updated: unknown action",
                                "membership.ended: no open membership"])
        #expect(s.meetings.isEmpty && s.actions.isEmpty)
    }

    @Test func archiveEventsInAMeetingAndUnknownItemsAreAnomalies() {
        var r = MeetingRecord(meetingID: "hpbc-2008-04-22")
        r.apply(.organisationAdded(Organisation(id: "lmc", name: "LMC")))
        r.apply(.itemEdited(ItemEdited(meetingID: r.meetingID, item: AgendaItem(id: "i-1", title: "Provider services"))))
        r.apply(.itemMoved(ItemMoved(meetingID: r.meetingID, itemID: "i-1", parentID: nil, after: nil)))
        r.apply(.itemAdded(ItemAdded(meetingID: r.meetingID, item: AgendaItem(id: "i-2", title: "Training"))))
        r.apply(.itemAdded(ItemAdded(meetingID: r.meetingID, item: AgendaItem(id: "i-2", title: "Training again"))))
        #expect(r.anomalies == ["organisation.added: an archive event in a meeting segment", "agenda.item-edited: unknown item 'i-1'",
                                "agenda.item-moved: unknown item 'i-1'", "agenda.item-added: item exists"])
        #expect(r.items.map(\.title) == ["Training"])
    }

    @Test func committeeChangesFold() throws {
        var w = try PCPG.world()
        #expect(w.archive.committees[PCPG.id]?.memberships.count == 11)
        try w.run { a, _ in try a.endMembership(PCPG.id, person: "owen-davies", until: day("2026-12-31")) }
        let c = w.archive.committees[PCPG.id]!
        #expect(c.membership(of: "owen-davies", on: day("2026-11-10")) != nil)
        #expect(c.membership(of: "owen-davies", on: day("2027-01-12")) == nil)
        try w.run { a, _ in
            try a.changeTerms(PCPG.id, name: "County Pan Cluster Planning Group", terms: PCPG.terms(quorum: .organisations(3)),
                              coreOrganisations: Array(PCPG.core.dropLast()))
        }
        let changed = w.archive.committees[PCPG.id]!
        #expect(changed.name == "County Pan Cluster Planning Group")
        #expect(changed.terms.quorum == .organisations(3))
        #expect(changed.coreOrganisations.count == 4)
        #expect(changed.memberships.count == 11)
        #expect(w.archive.committeeList.map(\.id) == [PCPG.id])
    }
}
