import ClerkCore
import Foundation
import Synchronization

/// The archive `clerk` opens when there is no data yet: the committees, people and papers of
/// the seed documents, built through the ClerkCore commands so that every event is one the
/// rules would have accepted from a secretary.
///
/// - Seed 000: terms of reference of the West Herts PBC Leads.
/// - Seed 001: the Hertfordshire PBC Leads meeting of 22 April 2008, with its minutes and actions.
/// - Seed 002: the Brent PEC membership and its work plan ("OBJECTIVES of the nPEC").
/// - Seed 004: terms of reference of the Pan Cluster Planning Group.
///
/// Wording is kept as the seeds have it (runs of spaces and tabs from the documents' layout
/// are closed up to one space).
public enum DemoArchive {
    /// The demo archive's events in order, built through the ClerkCore commands (so they are validated),
    /// deterministic for a given `today` (ids from a deterministic counter, not random).
    public static func events(today: CalendarDate) throws -> [Event] {
        var b = Builder()
        try b.addOrganisations()
        try b.addPeople()
        try b.createHertsPBCLeads()
        try b.createWestHertsPBCLeads()
        try b.createPanClusterPlanningGroup(today: today)
        try b.createBrentPEC()
        try b.recordMeetingOf22April2008()
        try b.setWorkPlan()
        try b.planMeetings(today: today)
        return b.events
    }

    // MARK: Ids used elsewhere (tests, first-run hints)

    public static let hertsPBCLeads: CommitteeID = "herts-pbc-leads"
    public static let westHertsPBCLeads: CommitteeID = "west-herts-pbc-leads"
    public static let panClusterPlanningGroup: CommitteeID = "pan-cluster-planning-group"
    public static let brentPEC: CommitteeID = "brent-pec"
}

// MARK: - Building

/// Fresh ids: the prefix and a count per prefix ("i-1", "i-2", "a-1"), the same on every run.
private final class IDSource: Sendable {
    private let counts = Mutex<[String: Int]>([:])

    func next(_ prefix: String) -> String {
        counts.withLock { counts in
            let n = counts[prefix, default: 0] + 1
            counts[prefix] = n
            return "\(prefix)\(n)"
        }
    }
}

/// Holds the archive as built so far and every meeting's record, and applies each command's
/// events as they are made, so that the next command is validated against them.
private struct Builder {
    var state = ArchiveState()
    var records: [MeetingID: MeetingRecord] = [:]
    var events: [Event] = []
    let ids = IDSource()

    mutating func run(_ new: [Event]) {
        for event in new {
            switch event.scope {
            case .archive: state.apply(event)
            case .meeting(let id): records[id, default: MeetingRecord(meetingID: id)].apply(event)
            }
            events.append(event)
        }
    }

    func context(at now: Instant, today: CalendarDate) -> CommandContext {
        let ids = self.ids
        return CommandContext(now: now, today: today, makeID: { ids.next($0) })
    }

    func meeting(_ id: MeetingID) throws -> MeetingContext {
        try MeetingContext(archive: state, record: records[id] ?? MeetingRecord(meetingID: id))
    }
}

private func date(_ year: Int, _ month: Int, _ day: Int) -> CalendarDate {
    CalendarDate(year: year, month: month, day: day)!
}

private func time(_ text: String) -> TimeOfDay {
    TimeOfDay(text: text)!
}

/// The instant of a wall-clock time on a date, written as UTC (clerk keeps meeting times as
/// local wall time, so the demo's clock readings match the times on its agendas).
private func instant(_ d: CalendarDate, _ hour: Int, _ minute: Int) -> Instant {
    Instant(date: d, time: TimeOfDay(hour: hour, minute: minute)!)
}

// MARK: - Organisations and people

extension Builder {
    mutating func addOrganisations() throws {
        let west = "West Herts PBC Leads", eastNorth = "East & North Herts PBC Leads"
        let organisations = [
            // Seed 001, grouped as on its attendance list; seed 000 gives the fuller names of
            // Red House (Red House Group Practice), Hertsmere (Hertsmere Commissioning) and
            // StahCom (STAHCOM). The attendance list's short names are kept.
            Organisation(id: "daccom", name: "DacCom", group: west),
            Organisation(id: "watcom", name: "WatCom", group: west),
            Organisation(id: "red-house", name: "Red House", group: west),
            Organisation(id: "hertsmere", name: "Hertsmere", group: west),
            Organisation(id: "stahcom", name: "StahCom", group: west),
            Organisation(id: "stevenage", name: "Stevenage", group: eastNorth),
            Organisation(id: "south-locality", name: "South Locality", group: eastNorth),
            Organisation(id: "welhat", name: "WelHat", group: eastNorth),
            Organisation(id: "north-herts", name: "North Herts", group: eastNorth),
            Organisation(id: "east", name: "East", group: eastNorth),
            Organisation(id: "lmc", name: "LMC"),
            Organisation(id: "pct", name: "PCT"),
            // Seed 004: the organisations of the PCPG membership table ("[County] Clusters"
            // without its placeholder brackets).
            Organisation(id: "local-authority", name: "Local Authority"),
            Organisation(id: "health-board", name: "Health Board"),
            Organisation(id: "public-health-wales", name: "Public Health Wales"),
            Organisation(id: "third-sector", name: "Third Sector"),
            Organisation(id: "community-health-council", name: "Community Health Council"),
            Organisation(id: "rpb-partnership-organisation", name: "RPB Partnership Organisation"),
            Organisation(id: "county-clusters", name: "County Clusters"),
            // Seed 002.
            Organisation(id: "brent-pec", name: "Brent PEC"),
            Organisation(id: "brent-tpct", name: "Brent tPCT"),
        ]
        for o in organisations { run(try state.addOrganisation(o)) }
    }

    mutating func addPeople() throws {
        for p in DemoPeople.herts + DemoPeople.panCluster + DemoPeople.brentMembers + DemoPeople.brentManagement {
            run(try state.addPerson(p))
        }
    }
}

private enum DemoPeople {
    /// Seed 001, in the order of its attendance list (present, then apologies). GPs carry the
    /// title Dr, as do Peter Graves and Mark Andrews, whom the minutes call Dr Graves and
    /// Dr Andrews.
    static let herts: [Person] = [
        Person(id: "mark-jones", name: "Mark Jones", letters: "PM", organisationID: "daccom", initials: "MJ"),
        Person(id: "peter-bodden", name: "Peter Bodden", letters: "PM", organisationID: "watcom", initials: "PB"),
        Person(id: "ken-spooner", name: "Ken Spooner", letters: "PM", organisationID: "red-house", initials: "KS"),
        Person(id: "nicolas-small", name: "Nicolas Small", title: "Dr", letters: "GP", organisationID: "hertsmere", initials: "NS"),
        Person(id: "margaret-stockham", name: "Margaret Stockham", position: "adviser", organisationID: "hertsmere",
               initials: "MS"),
        Person(id: "mary-bishop", name: "Mary Bishop", letters: "PM", organisationID: "stevenage", initials: "MB"),
        Person(id: "kamal-nagpal", name: "Kamal Nagpal", title: "Dr", letters: "GP", organisationID: "south-locality",
               initials: "KN"),
        Person(id: "peter-shilliday", name: "Peter Shilliday", title: "Dr", letters: "GP", organisationID: "welhat",
               initials: "PS"),
        Person(id: "peter-graves", name: "Peter Graves", title: "Dr", position: "Chief Executive", organisationID: "lmc",
               initials: "PG"),
        Person(id: "mark-andrews", name: "Mark Andrews", title: "Dr", position: "Chair of Herts Sub-committee",
               organisationID: "lmc", initials: "MA"),
        Person(id: "rachel-lea", name: "Rachel Lea", position: "LMC/PCT Liaison Manager (Herts)", organisationID: "lmc",
               initials: "RL"),
        Person(id: "mary-mcminn", name: "Mary McMinn", letters: "PM", organisationID: "daccom", initials: "MM"),
        Person(id: "roger-sage", name: "Roger Sage", title: "Dr", letters: "GP", organisationID: "stahcom", initials: "RS"),
        Person(id: "mo-girach", name: "Mo Girach", position: "Chief Executive", organisationID: "stahcom", initials: "MG"),
        Person(id: "john-phipps", name: "John Phipps", letters: "PM", organisationID: "welhat", initials: "JP"),
        Person(id: "martin-hoffman", name: "Martin Hoffman", title: "Dr", letters: "GP", organisationID: "north-herts",
               initials: "MH"),
        Person(id: "peter-keller", name: "Peter Keller", title: "Dr", letters: "GP", organisationID: "east", initials: "PK"),
    ]

    /// Seed 004 leaves every "Named Representative" blank. These are fictional demo people, one
    /// for each core post of the membership table, each with the alternate the terms require
    /// every member to nominate.
    static let panClusterPosts: [(member: Person, alternate: Person)] = [
        (Person(id: "alex-morgan", name: "Alex Morgan", position: "Director of Social Services",
                organisationID: "local-authority", initials: "AM"),
         Person(id: "ieuan-thomas", name: "Ieuan Thomas", organisationID: "local-authority", initials: "IT")),
        (Person(id: "bethan-price", name: "Bethan Price", position: "County / Locality Director",
                organisationID: "health-board", initials: "BP"),
         Person(id: "jac-roberts", name: "Jac Roberts", organisationID: "health-board", initials: "JR")),
        (Person(id: "carys-evans", name: "Carys Evans", position: "Director of Planning",
                organisationID: "health-board", initials: "CE"),
         Person(id: "lowri-owen", name: "Lowri Owen", organisationID: "health-board", initials: "LO")),
        (Person(id: "dafydd-rees", name: "Dafydd Rees", position: "Director of Primary and Community Care",
                organisationID: "health-board", initials: "DR"),
         Person(id: "megan-parry", name: "Megan Parry", organisationID: "health-board", initials: "MP")),
        (Person(id: "eleri-jones", name: "Eleri Jones", position: "Director of Public Health",
                organisationID: "public-health-wales", initials: "EJ"),
         Person(id: "nia-edwards", name: "Nia Edwards", organisationID: "public-health-wales", initials: "NE")),
        (Person(id: "ffion-hughes", name: "Ffion Hughes", position: "Chief Officer CVC",
                organisationID: "third-sector", initials: "FH"),
         Person(id: "osian-jenkins", name: "Osian Jenkins", organisationID: "third-sector", initials: "OJ")),
        (Person(id: "gareth-lloyd", name: "Gareth Lloyd", position: "CHC Representative",
                organisationID: "community-health-council", initials: "GL"),
         Person(id: "rhys-powell", name: "Rhys Powell", organisationID: "community-health-council", initials: "RP")),
        (Person(id: "huw-davies", name: "Huw Davies", position: "Head of Partnerships",
                organisationID: "rpb-partnership-organisation", initials: "HD"),
         Person(id: "sian-williams", name: "Siân Williams", organisationID: "rpb-partnership-organisation", initials: "SW")),
    ]

    static var panCluster: [Person] { panClusterPosts.flatMap { [$0.member, $0.alternate] } }

    /// Seed 002, "PEC members are" (left-hand column). The seed gives Judith Stanton the
    /// initials JS, which it also gives Jill Shattock; initials must be unique on a committee,
    /// so Jill Shattock keeps JS and Judith Stanton is JSt here.
    static let brentMembers: [Person] = [
        Person(id: "carole-amobi", name: "Carole Amobi", title: "Dr", organisationID: "brent-pec", initials: "CA"),
        Person(id: "patricia-atkinson", name: "Patricia Atkinson", title: "Ms", organisationID: "brent-pec", initials: "PA"),
        Person(id: "george-bandasoah", name: "George Bandasoah", title: "Mr", organisationID: "brent-pec", initials: "GB"),
        Person(id: "roger-bailey", name: "Roger Bailey", title: "Mr", organisationID: "brent-pec", initials: "RB"),
        Person(id: "mayur-bhatt", name: "Mayur Bhatt", title: "Mr", organisationID: "brent-pec", initials: "MB"),
        Person(id: "amanda-craig", name: "Amanda Craig", title: "Dr", organisationID: "brent-pec", initials: "AC"),
        Person(id: "nigel-de-kare-silver", name: "Nigel de Kare-Silver", title: "Dr", organisationID: "brent-pec",
               initials: "NDKS"),
        Person(id: "farhat-hamid", name: "Farhat Hamid", title: "Ms", organisationID: "brent-pec", initials: "FH"),
        Person(id: "rakesh-kapoor", name: "Rakesh Kapoor", title: "Mr", organisationID: "brent-pec", initials: "RK"),
        Person(id: "etheldreda-kong", name: "Etheldreda Kong", title: "Dr", organisationID: "brent-pec", initials: "EK"),
        Person(id: "patrick-laffey", name: "Patrick Laffey", title: "Mr", organisationID: "brent-pec", initials: "PL"),
        Person(id: "lise-llewellyn", name: "Lise Llewellyn", title: "Dr", organisationID: "brent-pec", initials: "LL"),
        Person(id: "mary-o-connell", name: "Mary O’ Connell", title: "Ms", organisationID: "brent-pec", initials: "MOC"),
        Person(id: "shabbir-panju", name: "Shabbir Panju", title: "Mr", organisationID: "brent-pec", initials: "SP"),
        Person(id: "mahendra-patel", name: "Mahendra Patel", title: "Mr", organisationID: "brent-pec", initials: "MP"),
        Person(id: "christabel-shawcross", name: "Christabel Shawcross", title: "Ms", organisationID: "brent-pec",
               initials: "CS"),
        Person(id: "judith-stanton", name: "Judith Stanton", title: "Dr", organisationID: "brent-pec", initials: "JSt"),
    ]

    /// Seed 002, "Management:" (right-hand column). The seed gives Judith Lockhart the initials
    /// JL, which it also gives Jane Lindo; Jane Lindo keeps JL and Judith Lockhart is JLo here.
    /// Aileen Reidy has no initials in the list, but the work plan names her AR.
    static let brentManagement: [Person] = [
        Person(id: "bashir-arif", name: "Bashir Arif", title: "Mr", organisationID: "brent-tpct", initials: "BA"),
        Person(id: "andrew-parker", name: "Andrew Parker", title: "Mr", organisationID: "brent-tpct", initials: "AP"),
        Person(id: "paul-beal", name: "Paul Beal", title: "Mr", organisationID: "brent-tpct", initials: "PB"),
        Person(id: "jane-lindo", name: "Jane Lindo", title: "Ms", organisationID: "brent-tpct", initials: "JL"),
        Person(id: "aileen-reidy", name: "Aileen Reidy", title: "Ms", organisationID: "brent-tpct", initials: "AR"),
        Person(id: "june-farquharson", name: "June Farquharson", title: "Ms", organisationID: "brent-tpct", initials: "JF"),
        Person(id: "jill-shattock", name: "Jill Shattock", title: "Ms", organisationID: "brent-tpct", initials: "JS"),
        Person(id: "alison-partridge", name: "Alison Partridge", title: "Ms", organisationID: "brent-tpct", initials: "APa"),
        Person(id: "mc-patel", name: "MC Patel", title: "Dr", organisationID: "brent-tpct", initials: "MCP"),
        Person(id: "judith-lockhart", name: "Judith Lockhart", title: "Ms", organisationID: "brent-tpct", initials: "JLo"),
    ]
}

// MARK: - Committees

extension Builder {
    /// The committee of the 22 April 2008 meeting (seed 001). The notes do not say who chaired;
    /// the demo seats the Chair of the LMC's Herts Sub-committee as chair.
    mutating func createHertsPBCLeads() throws {
        var seats: [Membership] = []
        for p in DemoPeople.herts {
            let role: Role
            switch p.id {
            case "mark-andrews": role = .chair
            case "rachel-lea": role = .secretariat
            case "margaret-stockham": role = .adviser
            default: role = .member
            }
            seats.append(Membership(personID: p.id, organisationID: p.organisationID, role: role))
        }
        let terms = TermsOfReference(
            secretariat: "LMC/PCT Liaison Manager (Herts)",
            cadence: nil,  // "Future meetings: To be arranged."
            quorum: .none,
            voting: .consensus)
        run(try state.createCommittee(Committee(
            id: DemoArchive.hertsPBCLeads, name: "Hertfordshire PBC Leads", code: "hpbc", terms: terms,
            memberships: seats)))
    }

    /// Seed 000. The posts "in attendance" have no named holders, so they stay in the terms
    /// text and hold no seats.
    mutating func createWestHertsPBCLeads() throws {
        let terms = TermsOfReference(
            purpose: """
                The West Herts PBC Leads meetings were established as an informal opportunity for the leads of the PBC Groups to come together and share the groups’ views and approaches to issues. Over the last year it has become apparent that this is a useful formal mechanism to agree priorities and provide a steer for the PCT and other organisations seeking input from PBC Groups.
                """,
            accountability: """
                The West Herts PBC Leads Group is accountable to the PCT PEC and PBC Governance Committee. It is also accountable to the constituent PBC Groups: DacCom, Hertsmere Commissioning, the Red House Group Practice, STAHCOM and WatCom. The group is not a replacement for agreeing plans with individual PBC Groups.
                """,
            membershipRule: """
                2 members from each PBC group/Red House practice – this could be a clinician and a manager. Where members are unable to attend they will seek a deputy.

                In attendance:
                Director of Primary Care & Service Redesign
                Assistant Director Locality Commissioning
                Assistant Directors Service Redesign as required
                """,
            secretariat: "Personal Assistant to the Assistant Director of Locality Commissioning",
            cadence: Cadence(text: "monthly on the 3rd Thursday")!,
            quorum: .none,
            voting: .consensus,
            objectives: [
                "Enable effective communication across the 4 PBC Groups and the Red House Practice",
                "Plan and evaluate collaborative working across the PBC Groups and with local trusts including PCT provider services",
                "Receive information from others including the national and local targets that influence commissioning and advise how this should be shared with PBC Groups",
                "Debate and agree joint commissioning priorities",
                "Share ideas and initiatives at an early stage",
                "Support locality plans for collaboration within or across West Herts",
                "Agree lead roles on pieces of work",
                "Ensure service developments are agreed prior to negotiations being commenced with acute trust providers",
            ])
        // The West Herts leads of seed 001, present and sending apologies.
        let seats: [Membership] = [
            ("mark-jones", "daccom"), ("mary-mcminn", "daccom"), ("peter-bodden", "watcom"), ("ken-spooner", "red-house"),
            ("nicolas-small", "hertsmere"), ("roger-sage", "stahcom"), ("mo-girach", "stahcom"),
        ].map { Membership(personID: $0.0, organisationID: $0.1, role: .member) }
        run(try state.createCommittee(Committee(
            id: DemoArchive.westHertsPBCLeads, name: "West Herts PBC Leads", code: "whpl", terms: terms,
            coreOrganisations: ["daccom", "hertsmere", "red-house", "stahcom", "watcom"], memberships: seats)))
    }

    /// Seed 004, with the blanks it leaves filled for the demo as noted below.
    mutating func createPanClusterPlanningGroup(today: CalendarDate) throws {
        let terms = TermsOfReference(
            purpose: """
                The [County name] Pan Cluster Planning Group (PCPG) is established as a sub-group of the [insert name] Health Board]

                The aim of the PCPG is to deliver the principles of the Social Services & Well-being Act 2014 (the Act), The Wellbeing of Future Generations Act (2015), A Healthier Wales and the Primary Care Model for Wales Ensuring that there is increasing alignment and engagement between the Regional Partnership Board and Cluster arrangements bringing services together at a local level

                It will therefore be required to develop and strengthen the relationship with the XXX Regional Partnership Board such that this enables and promotes an integrate response to the needs of the local population

                The PCPG will
                - Lead the development of an integrated plan which addresses the health, care and wellbeing needs of the whole population of [County]
                - Support the implementation at local level of the joint partnership agenda, including (but not limited to)
                  - Cluster plans
                  - Integrated [County] plan
                  - Priorities determined by the RPB and the [County] Partnership Board (PSB)
                  - Requirements of the individual organisational plans which involve partnership working.
                  - Integrated workforce planning to achieve the objectives of the PCPG
                - Bring together senior leaders from the NHS, Local Authority (to agree which departments) and key partners in the Third Sector.
                """,
            accountability: """
                The PCPG will report to the [sub group of the Health Board TBC locally]. Minutes of the meetings of the Board will be shared with the Regional Partnership Board through the Integrated Executive Group of the RPB, or alternative as agreed locally.

                The PCPG will link to the Public Services Board (PSB) with regard to the Wellbeing Plan for [County] to ensure planning and delivery alignment.

                The respective partner organisations will report internally through respective governance structures.

                The scope of the PCPG's accountabilities include the effective leadership of all adult and children's social care and health developments within individual partner organisation's core budgets and grant funding. The Board will seek assurance that all legal agreements/frameworks are effectively managed ensuring robust governance is in place and adhered to.

                Each individual member will act in accordance with the delegated authority they hold on behalf of their organisation.
                """,
            membershipRule: """
                The members of the PCPG will be
                TBC: Executive Sponsor
                Local Authority: Director of Social Services
                Health Board: County / Locality Director; Director of Planning; Director of Primary and Community Care
                [County] Clusters: Cluster Leads
                Public Health Wales: Director of Public Health
                HB / LA: Senior Community Nurse; Senior AHP Lead; Integrated Team Leaders
                Third Sector: Chief Officer CVC
                Community Health Council: CHC Representative
                RPB Partnership Organisation: Head of Partnerships or equivalent

                In addition, the meeting will be attended by wider stakeholders:
                Local Authority: Head of Strategic Joint Commissioning; Head of Adult Care; Head of Children's Services; Senior Strategic Commissioning Manager; Housing Representative; Education Representative
                Health Board: General Manager – DGH; General Manager – Community Mental Health / Learning Disability; Children's Services; Head of Primary Care

                The membership of the PCPG, the Chair and Vice Chair will be reviewed annually, it is expected that the Chair will rotate every two years.

                All members must confirm their willingness to continue to participate in PCPG activity each year. It is highly desirable that continuity of membership is achieved to ensure that where necessary issues can be explored in depth. For this reason, each member is required to nominate an alternate to attend in their absence.
                """,
            // The seed reads "provided by [insert]".
            secretariat: "[insert]",
            // "Meetings of the PCPG will take place every two months" on "[day] of the month":
            // the seed leaves the day blank, and the demo picks the 2nd Tuesday.
            cadence: Cadence(text: "every two months on the 2nd Tuesday")!,
            // "A meeting quorum will be XXX of members. Additional attendees will not contribute
            // to the quorate." The seed leaves the number blank; the demo asks for members from
            // 4 of the 6 core organisations.
            quorum: .organisations(4),
            declaredExcludedFromQuorum: true,
            // "Each core organisation will hold one equal vote. If voting is tied, then the chair
            // will have the deciding vote."
            voting: .onePerCoreOrganisation(chairCastingVote: true),
            // "agenda items need to be submitted two weeks before the meeting. Agenda and papers
            // will be circulated by the Friday preceding the meeting."
            deadlines: AgendaDeadlines(submissionLeadDays: 14, papers: .fridayBefore),
            // "reviewed annually": due at the start of next year.
            reviewDate: date(today.year + 1, 1, 1),
            objectives: [
                "System Leadership: To provide integrated system leadership which enables collaboration between partner organisations across health and social care to identify and meet the needs of the local population.",
                """
                Integrated Planning : To provide the detailed assessment of needs and operational plans which set common ambitions between partners for integrated service delivery, service developments and opportunities in the delivery of integrated community based care to the population of [County].and which responds to the needs identified needs assessment In doing so PCPG will:
                - Understand population needs including key priorities, unwarranted variation of health and wellbeing outcomes
                - Understand professional assessment of service pathway gaps, barriers and opportunities articulated by clusters/ professional collaboratives / Local Authorities
                - Develop an aligned Integrated [County] Plan which builds upon the plans of the [names of Clusters] Cluster, and the individual organisational plans and priorities, supporting alignment across organisations. This whole system plan based on the planning model for the Region, which will have identified those services that require planning at a level beyond the PCPG footprint
                - Develop an Integrated Workforce Plan which reflects both the local sustainability of services and the ambitions of the County
                - Assess the level of maturity of integration across health, social care and partner organisations.
                """,
                "Commissioning: To be able to commission a suite of services from organisations that can deliver innovative, outcomes based services for the population based upon need and in line with the Integrated [County] Plan. In doing so, abide by the Commissioning Principles outlined in Appendix 2 and seek opportunities to align commissioning arrangements between organisations.",
                "Partnership Agreements: To both manage and monitor all [County] Section 33/Part 9 agreements – seeking assurance from Joint Management Boards regarding the delivery of expected outcomes. To explore and exploit opportunities to engage health, social care and other partner agencies in partnership working and the design and delivery of collaborative work programmes.",
                "Enable Delivery: To enable the delivery of services to realise the objectives outlined in the Integrated [County] Plan. This will include the development of an integrated quality and performance framework for the performance of local services, and agree action plans related to improving performance",
                "Improvement Culture: To create a culture which motivates all partners at County and Collaborative level to use an innovative approach and intelligence to drive continuous improvements in the provision of integrated services. To highlight areas where additional support is needed to achieve the agreed agenda, including financial, workforce and where executive or member intervention is required to effect change.",
                "Continuous Engagement: Develop, implement and monitor a plan for a consistent and targeted approach to public, user and carer engagement and using a co-productive approach to shape and inform planning and commissioning arrangements.",
                "Sustainable Resources: To approve and monitor utilisation of specific delegated budgets (as defined in Appendix XXX). To work collaboratively to support the collective sustainable financial position for health and social care service providers in (xxxx County) in order to effectively deliver for the population and implement the [County] Integrated Plan.",
                "Risk Management: To identify, monitor and seek assurance that actions are in place to mitigate risks to partnership working and the delivery of the priorities outlined in the [County] Integrated Plan.",
            ])
        // The demo's chair and vice-chair: the first two posts of the table (the seed says only
        // that both are reviewed annually and that the chair rotates every two years).
        var seats: [Membership] = []
        for (index, post) in DemoPeople.panClusterPosts.enumerated() {
            let role: Role = index == 0 ? .chair : index == 1 ? .viceChair : .member
            seats.append(Membership(personID: post.member.id, organisationID: post.member.organisationID, role: role))
        }
        for post in DemoPeople.panClusterPosts {
            seats.append(Membership(personID: post.alternate.id, organisationID: post.alternate.organisationID,
                                    role: .alternate, alternateFor: post.member.id))
        }
        run(try state.createCommittee(Committee(
            id: DemoArchive.panClusterPlanningGroup, name: "Pan Cluster Planning Group", code: "pcpg", terms: terms,
            coreOrganisations: ["local-authority", "health-board", "public-health-wales", "third-sector",
                                "community-health-council", "rpb-partnership-organisation"],
            memberships: seats)))
    }

    /// Seed 002: PEC members vote; the management listed beside them attend.
    mutating func createBrentPEC() throws {
        let terms = TermsOfReference(
            purpose: """
                This is a working document, setting out how the PEC has restructured itself to meet the objectives of delivering PBC and associated initiatives. It further describes the way it works with the directorates and their teams in the implementation of PBC mainly and it also addresses other policy implementation. Its purpose is to outline the processes; objectives and indicative timescales for activities of the PEC to ensure its activities are in tandem with the central project team, along with cluster, practice and community teams.
                """,
            membershipRule: """
                Succession Planning of PEC: As a PEC members steps down as per schedule agreed in 2004, he/she will not be replaced
                """,
            // Work plan 3.4: "Meeting Schedule of PEC meetings- 2 monthly meetings on “core”
            // business". The seed names no day; the demo picks the 1st Wednesday.
            cadence: Cadence(text: "every two months on the 1st Wednesday")!,
            quorum: .none,
            voting: .consensus)
        let seats = DemoPeople.brentMembers.map { Membership(personID: $0.id, organisationID: $0.organisationID, role: .member) }
            + DemoPeople.brentManagement.map {
                Membership(personID: $0.id, organisationID: $0.organisationID, role: .inAttendance)
            }
        run(try state.createCommittee(Committee(
            id: DemoArchive.brentPEC, name: "Brent PEC", code: "bpec", terms: terms, memberships: seats)))
    }
}

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

// MARK: - Meetings to come

extension Builder {
    mutating func planMeetings(today: CalendarDate) throws {
        let ctx = context(at: instant(today, 9, 0), today: today)
        let from = today.adding(days: 1)
        let venue = "To be confirmed"
        run(try state.scheduleFromCadence(DemoArchive.westHertsPBCLeads, from: from, count: 12,
                                          start: time("13:00"), end: time("15:00"), venue: venue))
        run(try state.scheduleFromCadence(DemoArchive.panClusterPlanningGroup, from: from, count: 12,
                                          start: time("10:00"), end: time("12:00"), venue: venue))
        run(try state.scheduleFromCadence(DemoArchive.brentPEC, from: from, count: 12,
                                          start: time("13:00"), end: time("15:00"), venue: venue))

        // The next West Herts meeting: its standing agenda and two items from its objectives.
        if let next = state.nextMeeting(of: DemoArchive.westHertsPBCLeads, after: today) {
            run(try meeting(next.id).standingAgenda(context: ctx))
            var after = records[next.id]?.items.last(where: { $0.standing == .actionLog })?.id
            for title in ["Joint commissioning priorities", "Locality plans for collaboration across West Herts"] {
                let item = AgendaItem(id: ctx.newID("i-"), title: title, minutes: 20)
                run(try meeting(next.id).addItem(item, after: after))
                after = item.id
            }
        }
        if let next = state.nextMeeting(of: DemoArchive.panClusterPlanningGroup, after: today) {
            run(try meeting(next.id).standingAgenda(context: ctx))
        }
    }
}
