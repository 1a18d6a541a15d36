import ClerkCore
import Foundation

// MARK: - The meeting of 22 April 2008 (seed 001)

private struct MinutedItem {
    var title: String
    var standing: StandingItem?
    var paragraphs: [String]
    var subItems: [MinutedItem] = []
}

private enum April2008 {
    static let items: [MinutedItem] = [
        MinutedItem(title: "Minutes of the last meeting and matters arising", standing: .previousMinutes, paragraphs: [], subItems: [
            MinutedItem(title: "Item 2, paragraph 2", paragraphs: [
                "it was noted that at the time of the meeting not all GPs in Welhat were aware that the Darzi clinic would be sited at Welwyn Garden City.",
            ]),
            MinutedItem(title: "Item 4, Financial situation", paragraphs: [
                "concern was expressed that there continues to be a lack of financial information which means PBC groups are having to produce their commissioning plans without knowing their budgets. Groups have been told that the finance department is recalculating the fair shares’ budgets and more work is needed on the secondary care budgets. Concern was expressed that, based on experience to date, there is little confidence that the budgets will be accurate once produced, and there will be no opportunity to discuss the budgets before the commissioning plans are to be submitted. The SHA has established a forum for PBC leads across East of England but the SHA lead for primary care, Nicola Jones, has now left. In discussion, the leads agreed that the delays in receiving budgets will not delay the production of a commissioning plan, but the concern that the budgets may be wrong when finally produced means that groups may end up putting emphasis on the wrong areas. The PCT needs to recognise that if it misses its deadlines (e.g. for producing financial or public health information) then the PBC groups will also need to defer its deadlines.",
            ]),
            MinutedItem(title: "Item 7, Training", paragraphs: [
                "Dr Graves confirmed that the LMC can arrange any training, clinical or non-clinical, as required.",
            ]),
        ]),
        MinutedItem(title: "Provider services", paragraphs: [
            "Some of the PBC Leads in West Herts reported on their recent communications with Provider Services. As a result of making it clear what service the PBC group wished to commission, Provider Services had started to respond appropriately. It seems that by inviting Provider Services to be involved in the PBC group’s commissioning process (rather than waiting for Provider Services to involve PBC groups in its service plans) the PBC group was able to lead the process, not accept changes made without their involvement, and establish good relationships with Provider Services. It was noted that adult services were more responsive in this way than children’s services. PBC groups felt that the PCT used the notion of TUPE as a threat or delaying factor when PBC groups raised the idea of serving notice; it was pointed out that TUPE does not necessarily apply and more clarity is required.",
            "It was noted that the children’s agenda is more complicated, with many national must-dos for which the PCT (and therefore PBC groups) are obliged to commission. However, plans to meet the targets are drawn up by the PCT and local authorities with little reference to PBC groups, who are then informed as an after thought. It was agreed that this is an area where PBC groups could work collaboratively to commission work around children’s services and the LMC may be in a good position to advise GPs. Dr Graves suggested that Toni Horne may be available to do some work on this and will explore this possibility.",
        ]),
        MinutedItem(title: "PBC Framework and Key Performance Indicators", paragraphs: [
            "The Fast Track process of allowing projects costing below £100k (or £1 per patient) to be approved without having to go through the Governance Committee was welcomed, but it was noted that the project had to have been referred to in the Commissioning Plan which may stifle new projects that occur during the year. It was recognised that the PCT does need to have some governance processes for the use of public money, even if these are cumbersome and bureaucratic. A flow chart for decision making would be useful. It was pointed out that the PCT does not yet have a Performance Framework.",
            "PBC Leads reported back from a meeting with Navigant consultants to agree key performance indicators (KPIs) for PBC. The PBC Leads were able to separate those KPIs over which they had no influence from those which came within their remit; it was agreed that if they cannot influence something, they should not be measured on it. There was some confusion at the meeting between what is within the GMS/PMS contract and what are commissioning indicators. It was reported that the meeting was very rushed and the work unfinished. The leads have not seen the final list of KPIs which are to go to the PEC on May 18th and are not sure whether what will be presented to PEC will be the final document.",
        ]),
        MinutedItem(title: "Free Choice and Choose and Book following the end of the DES", paragraphs: [
            "The PCT has developed a LES for Choose and Book which is going to the PEC on 23rd April. Some practices have stopped using C&B since the DES ended. Practices continue to have problems with C&B and the LES will need to take this into account.",
        ]),
        MinutedItem(title: "Extended Hours and Darzi Health Centres", paragraphs: [
            "Dr Shilliday reported that he is no longer on the project group for E&N Herts as he has a conflict of interest (as he is part of the group bidding to provide the service). Welhat GPs have now formed a provider company in which all practices in Welhat are involved and are working with the hospital Trust. At the same time, some of the GPs (with the support of all the group) continue to challenge the decision to site the Darzi Clinic in Welwyn Garden City and have referred the process to the Scrutiny Committee.",
            "Mark Jones reported that the Hemel GPs are also forming a provider company and contemplating bidding to provide the service for West Herts.",
            "It was agreed that the Hemel group and the Welhat group could usefully work together and share ideas.",
            "The PCT has written a LES for extended hours which will go to the PEC on 23rd April. The Department of Health has issued some guidance which allows some flexibilities on issues such as concurrent working. Dr Andrews reported that the PCT is also considering the possibility of an additional LES.",
        ]),
        MinutedItem(title: "CATS Roadshow", paragraphs: [
            "It was reported that StahCom has organised a roadshow for April 24th about the various CATS currently provided across St Albans and Harpenden. The event was organised for the local GPs, but would welcome anyone from other PBC groups who may be interested in finding out more about how the CATS work. Dr Graves reported that he had heard from within the high ranks of the PCT that PBC groups are still confusing the providing and commissioning roles of GPs. This was refuted by the PBC Leads who reported that this confusion lies within the PCT management, not within practices who are very clear of their separate functions and ensure that different GPs are involved in provision from commissioning.",
            "It was reported that there does remain a “them and us” culture between the PCT and PBC groups, although the groups considered that this may be how the PCT interprets PBC leads’ assertive stance on certain issues. It was also noted that there are different attitudes depending on where the manager sits with the PCT: some of the PBC support managers are more aligned to “their” PBC group than others. There also seems to be internal conflicts within the PCT between primary care and commissioning, and between these directorates and the directorate of strategic commissioning wherein reside the data analysts. Dr Graves agreed to reflect these points back to Anne Walker.",
        ]),
        MinutedItem(title: "PCT/PBC/PEC Meeting 14th May", paragraphs: [
            "It was noted that the PCT has organised a meeting for all PBC Leads and the PEC for 14th May.",
        ]),
        MinutedItem(title: "Any other urgent business", standing: .anyOtherBusiness, paragraphs: [], subItems: [
            MinutedItem(title: "Maternity Services review", paragraphs: [
                "It was noted that the PCT is carrying out a review of maternity services in Hertfordshire and has arranged a meeting for GPs on 15th May, 6.30-8.30 at QEII.",
            ]),
            MinutedItem(title: "Retinal Screening", paragraphs: [
                "It was reported that retinal screening is working well in East & North Herts. Leads in West Herts were not aware of any improvements yet.",
            ]),
        ]),
        MinutedItem(title: "Future meetings", standing: .nextMeeting, paragraphs: [
            "To be arranged.",
        ]),
    ]

    /// Seed 001's attendance: everyone under IN ATTENDANCE, then the apologies.
    static let present = ["mark-jones", "peter-bodden", "ken-spooner", "nicolas-small", "margaret-stockham",
                          "mary-bishop", "kamal-nagpal", "peter-shilliday",
                          "peter-graves", "mark-andrews", "rachel-lea"]
    static let apologies = ["mary-mcminn", "roger-sage", "mo-girach", "john-phipps", "martin-hoffman", "peter-keller"]

    /// "It was noted that …" and "It was agreed that …" opening a paragraph become the entry's
    /// kind (which prints the words again); anything else, including an agreement later in a
    /// paragraph, stays prose so that no sentence is split.
    static func entry(_ paragraph: String) -> (EntryKind, String) {
        for kind in [EntryKind.noted, .decision] {
            let lead = kind.lead
            if paragraph.lowercased().hasPrefix(lead.lowercased()) {
                return (kind, String(paragraph.dropFirst(lead.count)))
            }
        }
        return (.note, paragraph)
    }
}

extension Builder {
    mutating func recordMeetingOf22April2008() throws {
        let day = date(2008, 4, 22)
        let before = context(at: instant(day, 12, 30), today: day)
        run(try state.scheduleMeeting(DemoArchive.hertsPBCLeads, on: day, start: time("13:00"), end: time("14:30"),
                                      venue: "LMC Office, Aston, Stevenage",
                                      title: "Hertfordshire Practice-based Commissioning Leads"))
        guard let id = state.meetings(of: DemoArchive.hertsPBCLeads).first(where: { $0.date == day })?.id else {
            throw CommandError(.notFound, "the meeting of 22 April 2008 was not scheduled")
        }

        // The agenda, numbered as in the notes: 1 (a–c) to 9, 8 (a–b).
        var itemIDs: [[ItemID]] = []
        for top in April2008.items {
            let item = AgendaItem(id: before.newID("i-"), title: top.title, standing: top.standing)
            run(try meeting(id).addItem(item))
            var ids = [item.id]
            for sub in top.subItems {
                let subItem = AgendaItem(id: before.newID("i-"), parentID: item.id, title: sub.title)
                run(try meeting(id).addItem(subItem))
                ids.append(subItem.id)
            }
            itemIDs.append(ids)
        }

        // Attendance. Margaret Stockham sits as an adviser, so attends without a seat's vote.
        for person in April2008.present {
            let presence: Presence = person == "margaret-stockham" ? .inAttendance : .present
            run(try meeting(id).mark(person, presence))
        }
        for person in April2008.apologies {
            run(try meeting(id).mark(person, .apologies))
        }

        run(try meeting(id).start(context: context(at: instant(day, 13, 0), today: day)))

        // The minutes, item by item, the discussion of each top-level item ten minutes on.
        for (index, top) in April2008.items.enumerated() {
            let minutes = 13 * 60 + index * 10
            let at = context(at: instant(day, minutes / 60, minutes % 60), today: day)
            if index > 0 { run(try meeting(id).setCurrentItem(itemIDs[index][0], context: at)) }
            if top.title == "Extended Hours and Darzi Health Centres" {
                run(try meeting(id).declare("peter-shilliday", on: itemIDs[index][0],
                                            interest: "part of the group bidding to provide the service", context: at))
            }
            let parts = [(itemIDs[index][0], top.paragraphs)]
                + top.subItems.enumerated().map { (itemIDs[index][$0.offset + 1], $0.element.paragraphs) }
            for (itemID, paragraphs) in parts {
                for paragraph in paragraphs {
                    let (kind, text) = April2008.entry(paragraph)
                    run(try meeting(id).addEntry(to: itemID, kind: kind, text: text, context: at))
                }
            }
        }

        // "Actions arising from the meeting": the notes give no dates; the demo has each due
        // by the July meeting that (iii) was to arrange. None was ever closed.
        let at = context(at: instant(day, 14, 30), today: day)
        let actions: [(item: Int, owner: String, text: String)] = [
            (1, "LMC", "to look at how it can support PBC groups to work together on the children’s agenda"),
            (5, "Dr Graves", "to write to Anne Walker about PBC Leads’ view of PBC"),
            (8, "LMC", "to arrange next meetings for July and September"),
        ]
        for a in actions {
            run(try state.raiseAction(in: id, item: itemIDs[a.item][0], text: a.text, owner: a.owner,
                                      due: "by July 2008", context: at))
        }

        // No cadence, so closing plans no next meeting; the minutes stay a draft.
        run(try meeting(id).close(context: at))
    }
}
