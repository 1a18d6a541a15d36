import ClerkCore
import ClerkPublish
import Foundation
import Testing

/// An agenda item's description ("Report of the Head of Planning"): printed under the
/// title on the agenda, and in the minutes where the house style minutes it.
@Suite struct AgendaDescriptionTests {
    @Test func theAgendaPrintsTheDescriptionUnderTheTitle() throws {
        let f = try StyledCommittees()
        let record = f.records[StyledCommittees.councilMeeting]!
        let text = DocumentFormat.text.render(try AgendaDocument.build(archive: f.state, record: record))
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let title = try #require(lines.firstIndex { $0.hasSuffix("Planning application 26/0412: Land at Mill Lane") })
        #expect(lines[title + 1] == "Report of the Head of Planning")
        let md = DocumentFormat.markdown.render(try AgendaDocument.build(archive: f.state, record: record))
        #expect(md.contains("Report of the Head of Planning"))
    }

    @Test func localGovernmentMinutesPrintItAndInformalNotesDoNot() throws {
        let formal = try StyledCommittees()
        let council = DocumentFormat.text.render(try MinutesDocument.build(archive: formal.state,
                                                                           record: formal.records[StyledCommittees.councilMeeting]!))
        #expect(council.contains("Report of the Head of Planning"))
        #expect(council.contains("To recommend to Council"))
        let informal = try StyledCommittees(councilStyle: nil)
        let notes = DocumentFormat.text.render(try MinutesDocument.build(archive: informal.state,
                                                                         record: informal.records[StyledCommittees.councilMeeting]!))
        #expect(!notes.contains("Report of the Head of Planning"))
        var told = HouseStyle.informal
        told.descriptions = true
        let asked = try StyledCommittees(councilStyle: told)
        let shown = DocumentFormat.text.render(try MinutesDocument.build(archive: asked.state,
                                                                         record: asked.records[StyledCommittees.councilMeeting]!))
        #expect(shown.contains("Report of the Head of Planning"))
    }
}
