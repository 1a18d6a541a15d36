import ArgumentParser
import ClerkCore
import ClerkStore
import Foundation
import Terminal

/// `clerk`: the committee meeting record, in a terminal.
///
/// With no subcommand it opens the screen on the archive; the subcommands are stable and
/// scriptable, print to stdout, and report errors as one line on stderr with a non-zero exit.
public struct ClerkCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "clerk",
        abstract: "Run committee meetings: agenda, attendance, minutes and actions as one durable record.",
        discussion: """
        The archive is found at --data DIR, else $CLERK_DATA, else $XDG_DATA_HOME/clerk \
        (~/.local/share/clerk). Start an empty one with 'clerk init DIR'; try everything safely with 'clerk demo'.
        """,
        version: ClerkVersion.current,
        subcommands: [Open.self, Init.self, Demo.self, Check.self, Committees.self, Meetings.self, Actions.self, Log.self, Search.self, Export.self,
                      AccessCommand.self],
        defaultSubcommand: Open.self
    )

    // Declared here so that `clerk --help` and the manual list them; `hoistGlobalOptions`
    // hands them to the subcommand, which is where they are read.
    @OptionGroup var global: GlobalOptions
    @Option(help: themeHelp) var theme: String?

    static let themeHelp = ArgumentHelp(
        "Colour theme of the screen: default, light, high-contrast, monochrome, or your own (docs/themes.md).", valueName: "NAME")

    public init() {}

    /// Options given before the subcommand's name ("clerk --data DIR actions") are moved
    /// after it, so every subcommand accepts them in either place; with no subcommand
    /// ("clerk --data DIR"), they go to the default one, `open`.
    static func hoistGlobalOptions(_ arguments: [String]) -> [String] {
        let names = Set(configuration.subcommands.map { $0._commandName } + ["help"])
        var leading: [String] = []
        var index = 0
        while index < arguments.count, !names.contains(arguments[index]) {
            let arg = arguments[index]
            if arg == "--data" || arg == "--today" || arg == "--theme" {
                guard index + 1 < arguments.count else { return arguments }
                leading += [arg, arguments[index + 1]]
                index += 2
            } else if arg.hasPrefix("--data=") || arg.hasPrefix("--today=") || arg.hasPrefix("--theme=") || arg == "--read-only" {
                leading.append(arg)
                index += 1
            } else {
                return arguments
            }
        }
        guard index < arguments.count else { return leading.isEmpty ? arguments : [Open._commandName] + leading }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}

/// Options every subcommand accepts, before or after its name.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive folder.", valueName: "DIR"))
    public var data: String?

    @Flag(name: .long, help: "Open the archive read-only: nothing can be changed.")
    public var readOnly = false

    /// The date clerk takes as today, for every rule and every record made: for tests
    /// and demonstrations only, so it is hidden and the manual says so.
    @Option(name: .long, help: .hidden)
    public var today: String?

    public init() {}

    /// --data, else $CLERK_DATA, else $XDG_DATA_HOME/clerk, else ~/.local/share/clerk.
    public func dataDirectory(environment: [String: String] = ProcessEnvironment.current) -> String {
        if let data, !data.isEmpty { return data }
        if let dir = environment["CLERK_DATA"], !dir.isEmpty { return dir }
        if let xdg = environment["XDG_DATA_HOME"], !xdg.isEmpty { return xdg + "/clerk" }
        return (environment["HOME"] ?? NSHomeDirectory()) + "/.local/share/clerk"
    }

    public func todayDate() throws -> CalendarDate {
        if let today {
            guard let date = CalendarDate(iso: today) else {
                throw ValidationError("--today '\(today)' is not a date; write it as YYYY-MM-DD")
            }
            return date
        }
        return SystemClock.clock.read().today
    }

    func openStore(mode: ArchiveStore.Mode? = nil, scope: ArchiveScope = .everything) throws -> ArchiveStore {
        // The store names the real cause when it cannot open (and how to make an archive).
        try ArchiveStore(directory: dataDirectory(), mode: mode ?? (readOnly ? .readOnly : .readWrite), scope: scope)
    }
}

/// Output formats of the listing commands.
public enum ListFormat: String, ExpressibleByArgument, CaseIterable, Sendable {
    case table, csv, json
}

extension ClerkCommand {
    /// Parses and runs; every failure is one line on stderr and a non-zero exit.
    public static func runMain(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(hoistGlobalOptions(arguments))
            try command.run()
            Foundation.exit(0)
        } catch let code as ExitCode {
            Foundation.exit(code.rawValue)
        } catch {
            let code = exitCode(for: error)
            if code == .success {
                print(fullMessage(for: error))
                Foundation.exit(0)
            }
            let line = message(for: error).split(separator: "\n").first.map(String.init) ?? "failed"
            // A message may quote the archive (a title, an id): shown, never sent raw.
            FileHandle.standardError.write(Data("clerk: \(Sanitize.visible(line))\n".utf8))
            Foundation.exit(code == .validationFailure ? 64 : 1)
        }
    }
}
