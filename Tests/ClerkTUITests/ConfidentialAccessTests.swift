import ArgumentParser
@testable import ClerkApp
import ClerkCore
import ClerkPublish
import ClerkStore
import ClerkTestSupport
@testable import ClerkTUI
import Foundation
import Terminal
import Testing

/// Who may see and change what, as each person meets it: the screen, `clerk actions`,
/// `clerk export` and `clerk access`, run in-process with the account given (the shipped
/// program takes it from the operating system only).
///
/// The demo's 22 April 2008 meeting with "CATS Roadshow" made confidential; the action
/// "to write to Anne Walker" was raised under it. Accounts: Dr Graves (a member, barred
/// from the committee's confidential items), Dr Andrews (its chair), Mr Jones (a member),
/// Ms Lindo (sits on another committee only).
@Suite(.serialized) struct ConfidentialAccessTests {
    static let meeting = ScreenTests.meeting
    static let committee = DemoArchive.hertsPBCLeads
    /// Words of the confidential item, its minutes and its action.
    static let traces = ["CATS", "roadshow", "Roadshow", "Anne Walker"]

    /// Makes the item confidential, links the accounts and bars Dr Graves.
    static func restrict(_ store: ArchiveStore) throws {
        try store.commit(at: ScreenTests.context().now) { store in
            let record = try store.record(of: meeting)
            var item = try #require(record.items.first { $0.title == "CATS Roadshow" })
            item.confidential = true
            var events: [Event] = [.itemEdited(ItemEdited(meetingID: meeting, item: item))]
            for (person, account) in [("peter-graves", "pgraves"), ("mark-andrews", "mandrews"), ("mark-jones", "mjones"),
                                      ("jane-lindo", "jlindo")] {
                events.append(.accountsSet(AccountsSet(personID: person, accounts: [account])))
            }
            events.append(.confidentialBarred(ConfidentialBarred(committeeID: committee, personID: "peter-graves", barred: true)))
            return events
        }
    }

    // MARK: Screen

    static func fixture(as account: String, cols: Int = 80, rows: Int = 24) throws -> ScreenTests.Fixture {
        let f = try ScreenTests.Fixture(cols: cols, rows: rows)
        try restrict(f.store)
        f.app.accessRule = { state, today in Access(archive: state, account: account, administrator: nil, today: today) }
        return f
    }

    /// Every pane of the meeting, each zoomed, and the action review.
    static func everyScreen(_ f: ScreenTests.Fixture) -> [String] {
        f.app.open(meeting)
        var screens = [f.screen()]
        for pane in ["1", "2", "3", "4"] {
            f.press(.char(Character(pane)))
            screens.append(f.screen())
            f.press(.char("z"))
            // Page through the zoomed pane.
            for _ in 0..<12 {
                screens.append(f.screen())
                f.press(.pageDown)
            }
            f.press(.char("z"))
        }
        f.press(.escape)
        f.press(.char("a"), .char("t"), .char("t"), .char("t"), .char("t"), .char("t"), .char("t"))
        screens.append(f.screen())
        return screens
    }

    @Test(arguments: [(80, 24), (160, 48)])
    func aBarredMemberSeesNoTraceOfTheConfidentialItem(_ cols: Int, _ rows: Int) throws {
        let f = try Self.fixture(as: "pgraves", cols: cols, rows: rows)
        f.app.open(Self.meeting)
        try f.expect("meeting-barred-\(cols)x\(rows)")
        for screen in Self.everyScreen(f) {
            for trace in Self.traces { #expect(!screen.contains(trace), "\(trace) shown:\n\(screen)") }
        }
        // Nothing hidden reaches what any pane is drawn from.
        let data = f.app.data()
        let text = (data.record?.items.map(\.title) ?? []) + (data.record?.entries.map(\.text) ?? [])
            + data.archive.actions.values.map(\.text)
        for trace in Self.traces { #expect(!text.contains { $0.contains(trace) }, "\(trace) in the view data") }
        #expect(data.record?.items.isEmpty == false)
    }

    @Test func theChairSeesTheConfidentialItem() throws {
        let f = try Self.fixture(as: "mandrews", cols: 160, rows: 48)
        let all = Self.everyScreen(f).joined(separator: "\n")
        #expect(all.contains("CATS Roadshow"))
        #expect(all.contains("Anne Walker"))
    }

    @Test func theFullRecordIsRefusedToABarredMember() throws {
        let f = try Self.fixture(as: "pgraves", cols: 100, rows: 30)
        f.app.open(Self.meeting)
        f.press(.char("3"))
        let full = "\(f.dir.path)/full.txt", public_ = "\(f.dir.path)/public.txt"
        ExportingTests.export(f, to: full, full: true)
        #expect(f.app.state.message?.isError == true)
        #expect(f.app.state.message?.text.contains("not open to you") == true, "\(f.app.state.message?.text ?? "")")
        #expect(!FileManager.default.fileExists(atPath: full))
        ExportingTests.export(f, to: public_)
        let text = try String(contentsOfFile: public_, encoding: .utf8)
        #expect(text.contains("Matters arising") || text.contains("Minutes"))
        for trace in Self.traces { #expect(!text.contains(trace)) }
    }

    @Test func aMemberWithoutAWriteRoleReadsOnly() throws {
        let f = try Self.fixture(as: "mjones")
        let before = try f.store.record(of: Self.meeting)
        f.app.open(Self.meeting)
        #expect(f.screen().contains("read-only"))
        f.press(.char("1"), .char("."))
        #expect(f.app.state.message?.text.hasPrefix("read-only") == true, "\(f.app.state.message?.text ?? "")")
        f.press(.char("3"), .char("e"))
        #expect(f.app.state.editing == nil)
        #expect(try f.store.record(of: Self.meeting) == before)
        // The member sees the item, though: they are not barred.
        #expect(f.app.data().record?.items.contains { $0.title == "CATS Roadshow" } == true)
        // Back home the member changes nothing either; the chair may.
        f.press(.escape)
        #expect(f.screen().contains("read-only"))
        let chair = try Self.fixture(as: "mandrews")
        chair.app.open(Self.meeting)
        #expect(!chair.screen().contains("read-only"))
    }

    @Test func aChangeOutsideTheScreensLimitsIsRefusedByTheStore() throws {
        let f = try Self.fixture(as: "mjones")
        _ = f.store.accessRule(account: "mjones") { ScreenTests.today }
        let id = f.store.state.meetings(of: Self.committee).last!.id
        #expect(throws: CommandError.self) {
            try f.store.commit(at: ScreenTests.context().now) { store in
                [.meetingCancelled(MeetingCancelled(meetingID: id, reason: "x"))]
            }
        }
        #expect(f.store.state.meetings[id]?.status != .cancelled)
    }

    @Test func myActionsOpenTheReviewForThePerson() throws {
        let f = try Self.fixture(as: "mandrews")
        f.press(.char("M"))
        let review = try #require(f.app.state.actionReview)
        #expect(review.owner == .person("mark-andrews"))
        let stranger = try Self.fixture(as: "nobody")
        stranger.press(.char("M"))
        #expect(stranger.app.state.actionReview == nil)
        #expect(stranger.app.state.message?.text.contains("clerk access link PERSON nobody") == true)
    }

    // MARK: Command line

    func archive() throws -> (TempDir, ArchiveStore) {
        let dir = try TempDir("clerk-access")
        try DemoInstaller.install(at: dir.path + "/archive", today: ScreenTests.today)
        let store = try ArchiveStore(directory: dir.path + "/archive", mode: .readWrite)
        try Self.restrict(store)
        return (dir, store)
    }

    func actions(_ dir: TempDir, as account: String, _ args: String...) throws -> String {
        let command = try Actions.parse(["--data", dir.path + "/archive", "--today", "2026-11-23", "--format", "csv"] + args)
        let store = try ArchiveStore(directory: dir.path + "/archive", mode: .readOnly)
        return try command.output(store, account: account)
    }

    @Test func clerkActionsLeavesConfidentialActionsOutForThoseWithoutAccess() throws {
        let (dir, _) = try archive()
        for account in ["pgraves", "jlindo", "stranger"] {
            let out = try actions(dir, as: account, "--committee", "hpbc")
            #expect(out.contains("children’s agenda"), "\(account)")
            #expect(!out.contains("Anne Walker"), "\(account)")
        }
        for account in ["mandrews", "mjones"] {
            #expect(try actions(dir, as: account, "--committee", "hpbc").contains("Anne Walker"), "\(account)")
        }
    }

    @Test func clerkActionsMine() throws {
        let (dir, _) = try archive()
        // Dr Graves owns the confidential action, but is barred from the item it was raised under.
        let graves = try actions(dir, as: "pgraves", "--mine", "--all")
        #expect(!graves.contains("Anne Walker"))
        #expect(graves.split(separator: "\r\n").count == 1)
        let (open, _) = try archive()
        var store = try ArchiveStore(directory: open.path + "/archive", mode: .readWrite)
        try store.commit(at: ScreenTests.context().now) { _ in
            [.confidentialBarred(ConfidentialBarred(committeeID: Self.committee, personID: "peter-graves", barred: false))]
        }
        let mine = try actions(open, as: "pgraves", "--mine")
        #expect(mine.contains("Anne Walker"))
        #expect(!mine.contains("LMC"))
        store = try ArchiveStore(directory: open.path + "/archive", mode: .readOnly)
        #expect(throws: CommandError.self) { try actions(open, as: "nobody", "--mine") }
        do {
            _ = try actions(open, as: "nobody", "--mine")
        } catch let error as CommandError {
            #expect(error.message.contains("clerk access link PERSON nobody"))
            #expect(!error.message.contains("\n"))
        }
        #expect(throws: (any Error).self) { try Actions.parse(["--mine", "--owner", "PG"]) }
    }

    @Test func rightsGoByTheSystemsDateNotTodayAsTyped() throws {
        let (dir, store) = try archive()
        // The chair's seat ended last year; typing a day he still sat gives him nothing back.
        try store.commit(at: ScreenTests.context().now) { _ in
            [.membershipEnded(MembershipEnded(committeeID: Self.committee, personID: "mark-andrews",
                                              until: CalendarDate(year: 2025, month: 12, day: 31)!))]
        }
        let out = try actions(dir, as: "mandrews", "--committee", "hpbc", "--today", "2025-06-01")
        #expect(!out.contains("Anne Walker"))
        let base = ["--data", dir.path + "/archive", "--today", "2025-06-01", "--include-confidential"]
        #expect(throws: CommandError.self) { try Export.parse(["minutes", Self.meeting] + base).run(account: "mandrews") }
    }

    @Test(.enabled(if: getuid() == 0, "needs root to give a folder to another account"))
    func theAdministratorIsWhoeverOwnsTheJournalNotTheFolderNamed() throws {
        let (dir, _) = try archive()
        let fake = dir.path + "/mine"
        try FileManager.default.createDirectory(atPath: fake, withIntermediateDirectories: false)
        try FileManager.default.copyItem(atPath: dir.path + "/archive/clerk-archive.json", toPath: fake + "/clerk-archive.json")
        try FileManager.default.createSymbolicLink(atPath: fake + "/journal", withDestinationPath: dir.path + "/archive/journal")
        chown(fake, 65534, 65534)
        chown(fake + "/clerk-archive.json", 65534, 65534)
        #expect(SystemAccount.owner(of: fake) == SystemAccount.owner(of: dir.path + "/archive"))
        #expect(SystemAccount.owner(of: fake) != "nobody")
    }

    @Test func exportWithConfidentialItemsIsRefusedWithoutAccess() throws {
        let (dir, _) = try archive()
        let path = dir.path + "/minutes.txt"
        let base = ["--data", dir.path + "/archive", "--today", "2026-11-23", "--output", path, "--force", "--include-confidential"]
        for args in [["minutes", Self.meeting], ["agenda", Self.meeting], ["actions"], ["calendar", "--committee", "hpbc"]] {
            let export = try Export.parse(args + base)
            #expect(throws: CommandError.self, "\(args)") { try export.run(account: "pgraves") }
            #expect(!FileManager.default.fileExists(atPath: path))
        }
        try Export.parse(["minutes", Self.meeting] + base).run(account: "mandrews")
        #expect(try String(contentsOfFile: path, encoding: .utf8).contains("CATS Roadshow"))
        try FileManager.default.removeItem(atPath: path)
        try Export.parse(["minutes", Self.meeting] + base.dropLast()).run(account: "pgraves")
        let text = try String(contentsOfFile: path, encoding: .utf8)
        for trace in Self.traces { #expect(!text.contains(trace)) }
    }

    @Test func anItemMarkedConfidentialByAnotherSessionHidesItsActionsAtOnce() throws {
        let f = try Self.fixture(as: "pgraves", cols: 100, rows: 30)
        f.press(.char("a"))
        #expect(f.screen().contains("children’s agenda"))
        // The secretary, in another session, marks item 2 (where action (i) was raised) confidential.
        let other = try ArchiveStore(directory: f.dir.path + "/archive", mode: .readWrite)
        try other.commit(at: ScreenTests.context().now) { store in
            var item = try #require(try store.record(of: Self.meeting).items.first { $0.title == "Provider services" })
            item.confidential = true
            return [.itemEdited(ItemEdited(meetingID: Self.meeting, item: item))]
        }
        f.app.tick()
        #expect(!f.screen().contains("children’s agenda"))
        #expect(!f.app.data().archive.actions.values.contains { $0.text.contains("children’s agenda") })
    }

    @Test func searchListsConfidentialItemsOnlyToThoseWhoMaySeeThem() throws {
        // On the screen: the barred member finds nothing of the item; the chair finds it.
        for (account, sees) in [("pgraves", false), ("stranger", false), ("mandrews", true)] {
            let f = try Self.fixture(as: account, cols: 100, rows: 30)
            f.press(.char("/"))
            for c in "roadshow" { f.press(.char(c)) }
            f.press(.enter)
            let screen = f.screen()
            #expect(screen.contains("Roadshow") == sees, "\(account):\n\(screen)")
            #expect((f.app.state.search?.total ?? 0 > 0) == sees, "\(account)")
        }
        // On the command line: asking for confidential items without access is one line, refused.
        let (dir, _) = try archive()
        let base = ["roadshow", "--data", dir.path + "/archive", "--today", "2026-11-23", "--include-confidential"]
        #expect(throws: CommandError.self) { try Search.parse(base).run(account: "pgraves") }
        #expect(throws: CommandError.self) { try Search.parse(base + ["--committee", "hpbc"]).run(account: "stranger") }
        do {
            try Search.parse(base).run(account: "stranger")
        } catch let error as CommandError {
            #expect(error.message.hasSuffix("search without --include-confidential"))
        }
        // The index itself lists closed items only for the committees allowed.
        let (_, closed) = try SearchIndex.search(directory: dir.path + "/archive", save: false, terms: ["roadshow"],
                                                 confidentialIn: { _ in false })
        let (_, open) = try SearchIndex.search(directory: dir.path + "/archive", save: false, terms: ["roadshow"],
                                               confidentialIn: { $0 == Self.committee })
        #expect(closed.total == 0)
        #expect(open.total > 0)
    }

    @Test func clerkAccessLinksBarsAndRefuses() throws {
        let dir = try TempDir("clerk-access-cli")
        try DemoInstaller.install(at: dir.path + "/archive", today: ScreenTests.today)
        func access(_ account: String, _ args: String...) throws -> String {
            try AccessCommand.parse(args + ["--data", dir.path + "/archive", "--today", "2026-11-23"]).output(account: account)
        }
        #expect(try access("anyone", "show").contains("no accounts are linked"))
        // Without links anyone may set the first ones up.
        // The first link names the officers who would then only read, and needs --yes.
        #expect(throws: ValidationError.self) { try access("anyone", "link", "Peter Graves", "pgraves") }
        #expect(try access("anyone", "link", "Peter Graves", "pgraves", "--yes") == "recorded\n")
        #expect(try access("anyone", "link", "Peter Graves", "pgraves") == "unchanged\n")
        #expect(try access("pgraves", "show").contains("Dr Peter Graves (account pgraves)"))
        // Now only the archive's owner may link; a chair may bar for their own committee.
        #expect(throws: CommandError.self) { try access("pgraves", "link", "Mark Andrews", "mandrews") }
        let owner = try #require(SystemAccount.owner(of: dir.path + "/archive"))
        #expect(try access(owner, "link", "mark-andrews", "mandrews") == "recorded\n")
        #expect(try access("mandrews", "bar", "PG", "--committee", "hpbc") == "recorded\n")
        #expect(throws: CommandError.self) { try access("mandrews", "bar", "PG", "--committee", "brent-pec") }
        let shown = try access(owner, "show")
        #expect(shown.contains("hpbc"))
        #expect(shown.contains("pgraves") && shown.contains("mandrews"))
        // Anyone else sees their own link only, and what they may do.
        let own = try access("mandrews", "show")
        #expect(own.contains("mandrews") && !own.contains("pgraves"))
        #expect(own.contains("hpbc       Hertfordshire PBC Leads     change   yes"))
        let bad: [[String]] = [["link", "Nobody Here", "x"], ["link", "Peter Graves", "bad name"], ["link", "Mark Jones", "pgraves"],
                               ["bar", "PG", "--committee", "no-such"], ["unlink", "ghost"]]
        for args in bad {
            do {
                _ = try AccessCommand.parse(args + ["--data", dir.path + "/archive"]).output(account: owner)
                Issue.record("\(args) was accepted")
            } catch let error as CommandError {
                #expect(!error.message.contains("\n"), "\(args)")
            }
        }
        for args in [["link", "PG"], ["bar", "PG"], ["show", "PG"], ["unlink", "PG", "x"], ["link", "PG", "pg", "--committee", "hpbc"]] {
            #expect(throws: (any Error).self, "\(args)") { try AccessCommand.parse(args) }
        }
        // A read-only session changes nothing.
        #expect(throws: (any Error).self) {
            try AccessCommand.parse(["unlink", "pgraves", "--read-only", "--data", dir.path + "/archive"]).output(account: owner)
        }
    }
}
