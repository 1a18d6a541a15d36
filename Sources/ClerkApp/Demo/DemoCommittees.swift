import ClerkCore
import Foundation

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
