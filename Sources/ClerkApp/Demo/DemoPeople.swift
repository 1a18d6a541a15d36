import ClerkCore
import Foundation

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

enum DemoPeople {
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
