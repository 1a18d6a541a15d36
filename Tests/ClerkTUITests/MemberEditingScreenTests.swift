import ClerkApp
import ClerkCore
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Correcting members from the terms screen, pickers that keep their order and narrow as
/// you type, and the date a seat starts proposed rather than silently today.
@Suite struct MemberEditingScreenTests {
    typealias Fixture = ScreenTests.Fixture
    let h = CommitteeSetupScreenTests()

    /// A new committee with three organisations, added in an order that is not alphabetical.
    func threeOrganisations(_ f: Fixture) throws -> [String: OrganisationID] {
        h.createCommittee(f, "Governing Body")
        var ids: [String: OrganisationID] = [:]
        for name in ["Zeta Trust", "Alder Council", "Mere Board"] {
            h.addOrganisation(f, name)
            ids[name] = try #require(f.store.state.organisations.values.first { $0.name == name }?.id)
        }
        return ids
    }

    /// Seats `name` by pressing Down `downs` times in the organisation picker from where it opens.
    func seatByPosition(_ f: Fixture, _ name: String, initials: String, downs: Int) throws {
        f.press(.char("A"))
        h.answer(f, name)
        h.answer(f, initials)
        h.answer(f, "")
        h.answer(f, "")
        for _ in 0..<downs { f.press(.down) }
        f.press(.enter)
        try h.choose(f, Role.member.rawValue)
        h.answer(f, "2026-01-01")
        #expect(h.form(f) == nil, "\(h.form(f)?.problem ?? "")")
    }

    func organisation(of person: String, _ f: Fixture) throws -> OrganisationID? {
        let c = try h.committee(f)
        let id = try #require(f.store.state.people.values.first { $0.name == person }?.id)
        return try #require(c.memberships.last { $0.personID == id }).organisationID
    }

    /// Picking the same position for several members in a row gives the same organisation:
    /// the picker no longer moves an organisation up once someone has been seated in it.
    @Test func theSamePositionIsTheSameOrganisationForEveryMember() throws {
        let f = try Fixture(cols: 100, rows: 40)
        _ = try threeOrganisations(f)
        let people = [("Ann Ash", "AA"), ("Ben Birch", "BB"), ("Cat Cedar", "CC"), ("Dan Dock", "DD")]
        for (name, initials) in people { try seatByPosition(f, name, initials: initials, downs: 1) }
        let orgs = try people.map { try organisation(of: $0.0, f) }
        #expect(Set(orgs).count == 1, "\(orgs)")
        #expect(orgs.first! != nil)
    }

    @Test func typingNarrowsThePickerAndBackspaceWidensIt() throws {
        let f = try Fixture(cols: 100, rows: 40)
        let ids = try threeOrganisations(f)
        f.press(.char("A"))
        h.answer(f, "Eve Elm")
        h.answer(f, "EE")
        h.answer(f, "")
        h.answer(f, "")
        let all = try #require(h.form(f)).choices.count
        for c in "mere" { f.press(.char(c)) }
        // Names that begin with it first, then those that contain it ("Hertsmere", in the demo).
        #expect(try #require(h.form(f)).choices.map(\.label) == ["Mere Board", "Hertsmere"])
        #expect(f.screen().contains("narrowed to 'mere'"))
        for c in "zz" { f.press(.char(c)) }
        #expect(try #require(h.form(f)).problem == "nothing here matches 'merez'; Backspace to widen the list")
        #expect(try #require(h.form(f)).choices.count == 2)
        f.press(.backspace, .backspace, .backspace, .backspace, .backspace, .backspace)
        #expect(try #require(h.form(f)).choices.count == all)
        for c in "zeta" { f.press(.char(c)) }
        f.press(.enter)
        try h.choose(f, Role.member.rawValue)
        h.answer(f, "")
        #expect(try organisation(of: "Eve Elm", f) == ids["Zeta Trust"])
    }

    @Test func initialsKeepTheirCaseAndCollideIgnoringIt() throws {
        let f = try Fixture(cols: 100, rows: 40)
        let ids = try threeOrganisations(f)
        try h.addMember(f, "Rhian Cole-Parry", initials: "RCp", org: ids["Mere Board"], role: .member)
        #expect(f.store.state.people.values.first { $0.name == "Rhian Cole-Parry" }?.initials == "RCp")
        try h.expectRefusedInForm(f, mentioning: "initials rcp are already used on Governing Body by Rhian Cole-Parry (RCp)") {
            f.press(.char("A"))
            h.answer(f, "Rob Carr-Price")
            h.answer(f, "rcp")
        }
    }

    /// With no meeting planned the seat's start is left empty (every meeting), not today, and
    /// the status line says so; with meetings, the first is proposed.
    @Test func theSeatsStartIsProposedNotToday() throws {
        let f = try Fixture(cols: 100, rows: 40)
        let ids = try threeOrganisations(f)
        f.press(.char("A"))
        h.answer(f, "Fay Fern")
        h.answer(f, "FF")
        h.answer(f, "")
        h.answer(f, "")
        try h.choose(f, ids["Alder Council"]!)
        try h.choose(f, Role.member.rawValue)
        #expect(try #require(h.form(f)?.text).text == "")
        f.press(.enter)
        #expect(f.app.state.message?.text == "seated Fay Fern as member from the start (every meeting)")
        let pcpg = try #require(f.store.state.committee(matching: "pcpg"))
        let first = try #require(f.store.state.firstMeetingDate(of: pcpg.id))
        f.app.state.committeeEditor = CommitteeScreen(committeeID: pcpg.id)
        f.press(.char("A"))
        h.answer(f, "Gil Gorse")
        h.answer(f, "GGo")
        h.answer(f, "")
        h.answer(f, "")
        f.press(.enter)
        try h.choose(f, Role.member.rawValue)
        #expect(try #require(h.form(f)?.text).text == first.iso)
        f.press(.enter)
        #expect(f.app.state.message?.text == "seated Gil Gorse as member from \(first.iso)")
    }

    @Test func aMembersTitleOrganisationAndDatesAreCorrected() throws {
        let f = try Fixture(cols: 100, rows: 40)
        let ids = try threeOrganisations(f)
        try h.addMember(f, "Hal Holly", initials: "HH", org: ids["Mere Board"], role: .member, from: "2026-02-01")
        try h.select(f, "m:0")
        f.press(.char("m"))
        #expect(h.form(f)?.text?.text == "Hal Holly")
        h.answer(f, "Hal Holly-Oak")
        h.answer(f, "HHo")
        h.answer(f, "Cllr")
        f.press(.enter)                      // letters or post kept
        for c in "alder" { f.press(.char(c)) }
        f.press(.enter)
        #expect(h.form(f)?.text?.text == "2026-02-01")
        h.answer(f, "2026-01-15")
        h.answer(f, "")
        #expect(h.form(f) == nil, "\(h.form(f)?.problem ?? "")")
        let p = try #require(f.store.state.people.values.first { $0.name == "Hal Holly-Oak" })
        #expect(p.formalName == "Cllr Hal Holly-Oak" && p.initials == "HHo")
        let seat = try #require(h.committee(f).memberships.first)
        #expect(seat.organisationID == ids["Alder Council"] && seat.from == CalendarDate(iso: "2026-01-15"))
        #expect(f.screen().contains("Cllr Hal Holly-Oak (HHo)"))
        #expect(f.screen().contains("Alder Council"))
    }

    @Test func badCorrectionsOfAMemberAreRefusedAndChangeNothing() throws {
        let f = try Fixture(cols: 100, rows: 40)
        let ids = try threeOrganisations(f)
        try h.addMember(f, "Ivy Iris", initials: "II", org: ids["Mere Board"], role: .member, from: "2026-02-01")
        try h.addMember(f, "Jon Juniper", initials: "JJ", org: ids["Mere Board"], role: .member, from: "2026-02-01")
        func edit() throws { try h.select(f, "m:1"); f.press(.char("m")) }
        try h.expectRefusedInForm(f, mentioning: "type the member's name") {
            try edit()
            h.answer(f, "")
        }
        try h.expectRefusedInForm(f, mentioning: "initials ii are already used on Governing Body by Ivy Iris (II)") {
            try edit()
            f.press(.enter)
            h.answer(f, "ii")
        }
        try h.expectRefusedInForm(f, mentioning: "the seat cannot end on 2026-01-31, before it starts on 2026-02-01") {
            try edit()
            for _ in 0..<6 { f.press(.enter) }
            h.answer(f, "2026-01-31")
        }
        try h.expectRefusedInForm(f, mentioning: "not a date") {
            try edit()
            for _ in 0..<6 { f.press(.enter) }
            h.answer(f, "2026-13-01")
        }
    }
}
