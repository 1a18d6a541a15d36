import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation

/// `clerk demo`: the demo archive, built from the committee papers clerk comes from.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Open clerk on a scratch copy of the demo archive, or write the demo archive to a folder.",
        discussion: "The scratch copy lives in a new temporary folder; your own archive is never touched.")

    @OptionGroup var global: GlobalOptions
    @Option(name: .customLong("init"), help: ArgumentHelp("Write the demo archive into this new or empty folder and exit.", valueName: "DIR"))
    var initDirectory: String?
    @Option(help: ClerkCommand.themeHelp) var theme: String?
    // The parser gives --theme to the top command when both declare it.
    @ParentCommand var root: ClerkCommand

    func run() throws {
        let today = try global.todayDate()
        if let dir = initDirectory {
            try DemoInstaller.install(at: dir, today: today)
            print("demo archive written to \(dir)")
            return
        }
        try ScreenLauncher.preflight()  // no scratch archive for a screen that cannot start
        let dir = try DemoInstaller.scratchDirectory()
        try DemoInstaller.install(at: dir, today: today)
        try ScreenLauncher.run(directory: dir, readOnly: global.readOnly, theme: theme ?? root.theme, today: global.today)
    }
}

public enum DemoInstaller {
    /// Writes the demo archive into `directory`, which must be missing or empty.
    public static func install(at directory: String, today: CalendarDate) throws {
        let events = try DemoArchive.events(today: today)
        try ArchiveStore.create(at: directory)
        let store = try ArchiveStore(directory: directory, mode: .readWrite)
        store.marksCommitsAcrossFiles = false  // a new archive: made again, not completed, if this fails
        store.sign(as: SystemAccount.current())
        try store.commit(at: SystemClock.clock.read().instant) { _ in events }
        try store.writeCheckpoint()
    }

    /// A new folder under $TMPDIR for a scratch demo archive.
    public static func scratchDirectory() throws -> String {
        let base = ProcessEnvironment.current["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array("\(base)/clerk-demo-XXXXXX".utf8CString)
        guard let made = mkdtemp(&template) else {
            throw StoreError("cannot make a scratch folder in \(base): \(String(cString: strerror(errno))); set TMPDIR to a writable folder")
        }
        return String(cString: made)
    }
}

/// `clerk` (the default): the screen, on the user's archive.
struct Open: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Open the screen on the archive (the default).")

    @OptionGroup var global: GlobalOptions
    @Option(help: ClerkCommand.themeHelp) var theme: String?
    @ParentCommand var root: ClerkCommand
    /// For the end-to-end test of what a crash shows: the first key stops clerk as a bug would.
    @Flag(name: .customLong("crash-for-test"), help: .hidden) var crashForTest = false
    @Flag(name: .customLong("ssh"), help: """
        For an OpenSSH ForceCommand: a command asked for after the host name (SSH_ORIGINAL_COMMAND) runs only when it is \
        'clerk export ...' or 'clerk actions ...' writing to the terminal, read-only; anything else is refused (docs/ssh.md).
        """)
    var ssh = false

    func run() throws {
        let dir = global.dataDirectory()
        if ssh, let asked = ProcessEnvironment.current["SSH_ORIGINAL_COMMAND"], !asked.isEmpty {
            var command = try ClerkCommand.parseAsRoot(try SSHCommand.arguments(asked, data: dir, today: global.today))
            try command.run()
            return
        }
        try ScreenLauncher.run(directory: dir, readOnly: global.readOnly, theme: theme ?? root.theme, today: global.today,
                               crashForTest: crashForTest)
    }
}
