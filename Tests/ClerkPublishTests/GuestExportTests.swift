import ClerkCore
import ClerkPublish
import Foundation
import Testing

/// The minutes list guests "In attendance" with their role, "(for item 5)" for someone who
/// came for one item, and people under their seat's organisation on this committee.
@Suite struct GuestExportTests {
    @Test func guestsAreListedInAttendanceWithTheirRole() throws {
        var demo = try Demo()
        let record = demo.record(Demo.april2008)
        let item = try #require(record.topLevelItems.dropFirst(4).first)
        let number = record.number(of: item.id)
        demo.apply([
            .guestAdded(GuestAdded(meetingID: Demo.april2008, guest: Guest(
                id: "g-1", name: "Jo Bloggs", post: "Head of Estates", organisation: "Acme Ltd", role: .presenter, itemID: item.id))),
            .guestAdded(GuestAdded(meetingID: Demo.april2008, guest: Guest(id: "g-2", name: "Sam Ray", role: .minuteTaker))),
            .guestAdded(GuestAdded(meetingID: Demo.april2008, guest: Guest(id: "g-3", name: "Kit Lane", role: .observer))),
            .guestRemoved(GuestRemoved(meetingID: Demo.april2008, guestID: "g-3")),
        ])
        let text = DocumentFormat.text.render(try MinutesDocument.build(archive: demo.state, record: demo.record(Demo.april2008)))
        let also = try #require(text.range(of: "Also in attendance"))
        let after = String(text[also.upperBound...].prefix(400))
        #expect(after.contains("Jo Bloggs, Head of Estates (Acme Ltd) — presenter (for item \(number))"), "\(after)")
        #expect(after.contains("Sam Ray — minute taker"))
        #expect(!text.contains("Kit Lane"))
    }

    @Test func aPersonIsListedUnderTheSeatsOrganisation() throws {
        var demo = try Demo()
        let committee = try #require(demo.state.meetings[Demo.april2008]?.committeeID)
        let seat = try #require(demo.state.committees[committee]?.memberships.last { $0.personID == "mark-jones" })
        demo.apply(try demo.state.correctSeat(committee, person: "mark-jones", seatFrom: seat.from, organisationID: "watcom",
                                              from: seat.from, until: seat.until))
        #expect(demo.state.people["mark-jones"]?.organisationID == "daccom")
        let text = DocumentFormat.text.render(try MinutesDocument.build(archive: demo.state, record: demo.record(Demo.april2008)))
        #expect(text.contains("Mark Jones, PM (WatCom)"))
        #expect(!text.contains("Mark Jones, PM (DacCom)"))
    }
}
