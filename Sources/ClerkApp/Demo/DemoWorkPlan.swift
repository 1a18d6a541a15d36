import ClerkCore
import Foundation

// MARK: - Work plan (seed 002)

private struct WorkPlanRow {
    var number: String
    var lines: [String]
    /// One string per line of the "Lead Responsibility" cell.
    var leads: [String]
    /// The lines of the "Timescale / deadline" cell.
    var timescale: [String]
}

private enum BrentWorkPlan {
    static let themes: [(theme: String, rows: [WorkPlanRow])] = [
        ("1. PEC Representation and Activities on PBC Project", [
            WorkPlanRow(number: "1.1", lines: ["PEC Acceptance on Practice Based Commissioning proposal: Five Clusters"],
                        leads: ["PEC/JL"], timescale: ["Complete"]),
            WorkPlanRow(number: "1.2", lines: ["Agreement on PEC Cluster Leads for the Clusters"],
                        leads: ["PEC/JL"], timescale: ["Complete"]),
            WorkPlanRow(number: "1.3", lines: [
                "Re-structure of the Primary Care Commissioning Group, with revised membership and Terms of Reference",
                "Regular meetings chaired by PEC Commissioning Lead",
                "Formation of TOSLA Group, chaired by PEC Commissioning Lead",
                "With meetings held back to back with PCCG meetings",
            ], leads: ["EK/CA/JL", "EK/CA/JS/APa"], timescale: ["Complete and on going"]),
            WorkPlanRow(number: "1.4", lines: ["PCT PBC Implementation Group-PEC Lead"],
                        leads: ["CA/JL/AR"], timescale: ["Complete"]),
            WorkPlanRow(number: "1.5", lines: ["Leading introductory workshops for each of the five PCT localities"],
                        leads: ["PEC Cluster Leads/GMs or PDMs"], timescale: ["Complete"]),
            WorkPlanRow(number: "1.6", lines: ["Finalisation of PBC Clustering Structure for Brent"],
                        leads: ["PEC/JL/GMs"], timescale: ["Complete"]),
            WorkPlanRow(number: "1.7", lines: ["Job Description and Person Specification of a Cluster Group Member"],
                        leads: ["EK/AP"], timescale: ["Complete"]),
            WorkPlanRow(number: "1.8", lines: ["Setting up working groups to work on selection of Cluster Group Members"],
                        leads: ["PEC Cluster Leads/GMs or PDMs"], timescale: ["Complete"]),
            WorkPlanRow(number: "1.9", lines: ["Cluster Working Group Meetings"],
                        leads: ["PEC Cluster Leads/GMs"], timescale: ["On going till formation of Cluster Board"]),
            WorkPlanRow(number: "1.10", lines: [
                "Invitation letters to health professionals to apply for Cluster Board membership",
                "Setting of interview dates",
            ], leads: ["PEC Cluster Leads/GMs"], timescale: ["Ongoing", "To be completed by October 2005"]),
        ]),
        ("2. Cluster Groups", [
            // The seed prints this number as ".1".
            WorkPlanRow(number: "2.1", lines: ["Formation of Five Cluster Groups and Cluster Budget Setting"],
                        leads: ["PEC Cluster Leads/GMs/MP/AP"], timescale: ["November 2005"]),
            WorkPlanRow(number: "2.2", lines: [
                "Agree terms of reference, governance and performance management framework, initially the groups will be chaired by the PEC Cluster Leads",
                "To agree on definition of the key roles for staff to include the following:",
                "· communication between practices",
                "· sharing of knowledge on informatics/commissioning skills (train the trainers)",
                "· Coordination of board & meetings",
                "· Chair",
                "· Governance arrangements and terms of reference",
                "· Setting priorities and proposals",
            ], leads: ["EK/Cluster Group Chairs"], timescale: ["November/early December 2005"]),
            WorkPlanRow(number: "2.3", lines: [
                "Agree on inter-cluster relationship- Regular meetings of Chairs and representatives from all Cluster Groups",
                "Communication and Information Sharing with Providers on Patient Care",
                "Eg inviting acute provider clinicians to cluster meetings where relevant",
                "(Issues GPs have with consultants and consultants with GPs)",
            ], leads: ["Cluster Groups"], timescale: ["December 2005"]),
            WorkPlanRow(number: "2.4", lines: ["Report regularly on locality progress to the implementation project team"],
                        leads: ["CA/JL/AR"], timescale: ["Ongoing"]),
            // The next two rows have no number in the seed; they follow 2.4 and are numbered
            // under it (a number, not a letter, so that they sort between 2.4 and 2.5).
            WorkPlanRow(number: "2.4.1", lines: [
                "Submit draft business plans/commissioning proposals/use of savings to Primary Care Commissioning Group for recommendation by the PEC to the PCT Board",
            ], leads: ["Cluster Groups/JL/AR"], timescale: ["December 2005"]),
            WorkPlanRow(number: "2.4.2", lines: ["Approval of Business Plan of the Clusters"],
                        leads: ["PEC"], timescale: ["December 2005"]),
            WorkPlanRow(number: "2.5", lines: [
                "Share lessons learnt & local PBC models/best practice with cluster groups and Implementation project team",
            ], leads: ["PEC Cluster Leads"], timescale: ["Jan 2006 and on going"]),
        ]),
        ("3. nPEC Working", [
            WorkPlanRow(number: "3.1", lines: [
                "Succession Planning of PEC: As a PEC members steps down as per schedule agreed in 2004, he/she will not be replaced",
            ], leads: ["EK/PEC Chair"], timescale: ["On Going"]),
            WorkPlanRow(number: "3.2", lines: ["Cluster Group members invited to join the nPEC- Agree on process"],
                        leads: ["EK/PEC/Cluster Chairs/JL/AP"], timescale: ["December 2005"]),
            WorkPlanRow(number: "3.3", lines: [
                "nPEC member generic and specific job descriptions: Matching skills to lead roles",
                ":List of who does what",
            ], leads: ["EK/PEC"], timescale: ["December 2005"]),
            WorkPlanRow(number: "3.4", lines: ["Meeting Schedule of PEC meetings- 2 monthly meetings on “core” business"],
                        leads: ["PEC"], timescale: ["January 2006 and on going"]),
            WorkPlanRow(number: "3.5", lines: [
                "PEC members in between PEC meetings to focus on lead roles’ work:",
                "eg. PEC Leads forming subgroups to enhance their lead duties, performing PEC related work, attending meetings as a PEC member,",
                "working in collaboration with the linked Clinical Leaders",
                "etc",
                "Monthly Lead Report and timesheets to track progress",
            ], leads: ["EK/PEC Leads"],  // printed across two lines, "EK/PEC" and "Leads"
            timescale: ["Ongoing"]),
            WorkPlanRow(number: "3.6", lines: ["Feedback from Directors on PEC Leads’ involvement"],
                        leads: ["EK/Directors"], timescale: ["On going"]),
            WorkPlanRow(number: "3.7", lines: ["PEC members engaging with PCT Community", "And Walking the patch with Directors"],
                        leads: ["PEC Leads/Directors"], timescale: ["On Going"]),
        ]),
        ("4. nPEC and Clinical Leaders’ Programme", [
            WorkPlanRow(number: "4.1", lines: [
                "Restructure of PEC and Clinical Leaders:",
                "Clinical Leaders supporting PEC Cluster Leads in PBC and PEC Leads on BeCAD etc",
                "Proposal on PEC and Clinical Leaders on Clinical Engagement",
            ], leads: ["EK/JL"], timescale: ["September 2005"]),
            WorkPlanRow(number: "4.2", lines: ["Progress Report on Clinical Engagement: reporting to PEC meetings"],
                        leads: ["PEC Leads/Clinical Leaders"], timescale: ["From October 2005 and Ongoing"]),
        ]),
        ("5. BeCAD and new Models of Care", [
            WorkPlanRow(number: "5.1", lines: [
                "Bringing the models of care to a wider audience- Optometrists, dentists, pharmacists",
                "Scheduled to talk at professional meetings",
            ], leads: ["CA/SP/RK/MB"], timescale: ["Ongoing"]),
            WorkPlanRow(number: "5.2", lines: [
                "Singing from the same hymn sheet on BeCAD-improving communication between NWLHT and PCT-",
                "Invitation of a Clinician from NWHLT to join the Primary Care Commissioning Group",
                "Attending the Medical Staff Committee meetings of NWLHT",
                "PEC Commissioning Lead working closely with the Clinical Director/Director of Commissioning",
            ], leads: ["EK/CA", "EK", "CA/MCP/AP"], timescale: ["August 2005", "On going"]),
            WorkPlanRow(number: "5.3", lines: [
                "Learning from Experience: Applying a different way of engagement with professionals on BECAD, Choose & Book etc",
                "-case study, case scenario, educational forums, protected learning",
                "-Interactive discussion between consultants, practice members, PCT employed staff and patient’s representatives",
            ], leads: ["CA/JL/JF"], timescale: ["October 2005 and on going"]),
            WorkPlanRow(number: "5.4", lines: [
                "Working with Managers of Care Pathways",
                "Meetings with Clinical Leads on DM and Cancer and with the Clinical Director",
            ], leads: ["CA/FH/PAG Leads", "EK"], timescale: ["On going"]),
            WorkPlanRow(number: "5.5", lines: [
                "Choosing Health and Health Check Indicators",
                "Working with PH on TB, Infection Control, Cervical and Breast Screening Uptake",
            ], leads: ["FH/JS", "PEC Leads (names..)"], timescale: ["June 2005 and on going"]),
            WorkPlanRow(number: "5.6", lines: ["KPIs"], leads: ["Cluster Groups"], timescale: ["October 2005"]),
            WorkPlanRow(number: "5.7", lines: ["Agenda for Change"], leads: ["MOC/HR"], timescale: ["On going"]),
        ]),
        ("6. Communications/Information", [
            WorkPlanRow(number: "6.1", lines: ["Standard Presentation on BeCAD (CD) by PEC"],
                        leads: ["CA"], timescale: ["Complete"]),
            WorkPlanRow(number: "6.2", lines: [
                "Regular Slot for PEC Chair in Newsletters and PCE Chair Report to Board, Report to MSC at NWLHT",
            ], leads: ["EK"], timescale: ["On going"]),
            WorkPlanRow(number: "6.3", lines: ["Clinical Governance-Annual Report on GP Appraisals and CG workshops and reports"],
                        leads: ["AC/PA"], timescale: ["Ongoing"]),
            WorkPlanRow(number: "6.4", lines: ["IT Connecting on Health"], leads: ["NDKS"], timescale: ["On going"]),
            WorkPlanRow(number: "6.5", lines: ["Dissemination of what is going on: tPCT, Public, Publicity on local excellence –How?"],
                        leads: ["(AC, PA,PL,RB,CA-group)"], timescale: ["Ongoing"]),
            WorkPlanRow(number: "6.6", lines: ["Engagement with professional groups and line management"],
                        leads: ["All PEC members/clinical leaders"], timescale: ["Ongoing"]),
            WorkPlanRow(number: "6.7", lines: ["PBC Cluster Newsletter", "Intranet Page for each Cluster"],
                        leads: ["PEC Cluster Leads/Cluster Group/PCCG/Communication Teams"],
                        timescale: ["November 2005", "January 2006"]),
            WorkPlanRow(number: "6.8", lines: [
                "Receiving and Replying feedback",
                "Eg from Acute Trusts on Practices",
                "Practices on Acute Trusts",
            ], leads: ["CA/AC/EK"], timescale: ["October 2005"]),
            WorkPlanRow(number: "6.9", lines: ["Patient and Public Involvement", "Partner Organisation –Social Services"],
                        leads: ["EK/JL", "CS/PL"], timescale: ["On Going"]),
            WorkPlanRow(number: "6.10", lines: ["Cluster Meetings"], leads: ["PEC Cluster Leads"], timescale: ["November 2005"]),
        ]),
    ]

    /// The leads of a cell, split at "/" (and at "," in the one bracketed list), each once.
    static func leads(_ lines: [String]) -> [String] {
        var result: [String] = []
        for line in lines {
            var text = line.trimmingCharacters(in: .whitespaces)
            if text.hasPrefix("("), text.hasSuffix(")") { text = String(text.dropFirst().dropLast()) }
            for part in text.split(whereSeparator: { $0 == "/" || $0 == "," }) {
                let lead = part.trimmingCharacters(in: .whitespaces)
                if !lead.isEmpty, !result.contains(lead) { result.append(lead) }
            }
        }
        return result
    }

    /// The work plan was written in mid-2005; its month names are read as of then.
    static let writtenOn = date(2005, 7, 1)

    static func timescale(_ raw: String) -> DueDate {
        switch DueDate.parse(raw, today: writtenOn, nextMeeting: nil) {
        case .success(let due): return due
        case .failure: return unreadDueDate(raw)
        }
    }

    /// "Complete", "Ongoing" or "Planned", from the wording of the timescale.
    static func status(_ raw: String) -> String {
        let lower = raw.lowercased()
        if lower.contains("ongoing") || lower.contains("on going") { return "Ongoing" }
        if lower.hasPrefix("complete") { return "Complete" }
        return "Planned"
    }

    /// A timescale clerk cannot read as a date ("Complete", "November 2005 / January 2006"),
    /// kept as written with no date.
    static func unreadDueDate(_ raw: String) -> DueDate {
        DueDate(kind: .unspecified, text: raw)
    }
}

extension Builder {
    mutating func setWorkPlan() throws {
        let ctx = context(at: instant(BrentWorkPlan.writtenOn, 9, 0), today: BrentWorkPlan.writtenOn)
        for (theme, rows) in BrentWorkPlan.themes {
            for row in rows {
                let raw = row.timescale.joined(separator: "\n")
                let objective = Objective(
                    id: ctx.newID("o-"), committeeID: DemoArchive.brentPEC, theme: theme, number: row.number,
                    text: row.lines.joined(separator: "\n"), leads: BrentWorkPlan.leads(row.leads),
                    timescale: BrentWorkPlan.timescale(raw), status: BrentWorkPlan.status(raw))
                run(try state.setObjective(objective))
            }
        }
    }
}
