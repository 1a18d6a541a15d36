import ArgumentParser
import ClerkStore
import Foundation

/// `clerk init [DIR]`: an empty archive, ready for a committee to be set up in the screen.
struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create an empty archive in a new or empty folder.",
        discussion: """
        clerk init ~/committee        then: clerk --data ~/committee, and C to create a committee
        Without DIR, the archive is made where clerk looks for one (--data, $CLERK_DATA, \
        else ~/.local/share/clerk). The folders and files are your account's alone (0700, \
        0600) unless the folder is set up for a group (setgid, see docs/ssh.md).
        """)

    @OptionGroup var global: GlobalOptions
    @Argument(help: ArgumentHelp("The folder for the new archive (new, or empty).", valueName: "DIR"))
    var directory: String?

    func validate() throws {
        if global.readOnly { throw ValidationError("'clerk init' makes an archive; it cannot be --read-only") }
        if let directory, global.data != nil, directory != global.data {
            throw ValidationError("give the folder once: 'clerk init DIR' or 'clerk --data DIR init'")
        }
    }

    func run() throws {
        let dir = directory ?? global.dataDirectory()
        try ArchiveStore.create(at: dir)
        print("empty archive created in \(dir); open it with 'clerk --data \(dir)' and press C to create a committee")
    }
}
