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
        (~/.local/share/clerk). Try everything safely with 'clerk demo'.
        """,
        subcommands: [Open.self, Demo.self, Check.self, Committees.self, Meetings.self, Actions.self, Search.self, Export.self,
                      AccessCommand.self],
        defaultSubcommand: Open.self
    )

    public init() {}

    /// Options given before the subcommand's name ("clerk --data DIR actions") are moved
    /// after it, so every subcommand accepts them in either place.
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
        guard index < arguments.count else { return arguments }
        return [arguments[index]] + leading + arguments[(index + 1)...]
    }
}

/// Options every subcommand accepts, before or after its name.
public struct GlobalOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The archive folder.", valueName: "DIR"))
    public var data: String?

    @Flag(name: .long, help: "Open the archive read-only: nothing can be changed.")
    public var readOnly = false

    @Option(name: .long, help: .hidden)
    public var today: String?

    public init() {}

    /// --data, else $CLERK_DATA, else $XDG_DATA_HOME/clerk, else ~/.local/share/clerk.
    public func dataDirectory(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
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
        return Clock.now().date
    }

    func openStore(mode: ArchiveStore.Mode? = nil) throws -> ArchiveStore {
        let dir = dataDirectory()
        guard ArchiveStore.isArchive(dir) else {
            throw StoreError("no archive at \(dir); create one with 'clerk demo --init \(dir)' or point --data at an archive")
        }
        return try ArchiveStore(directory: dir, mode: mode ?? (readOnly ? .readOnly : .readWrite))
    }
}

/// Wall-clock time, read only here, at the edge: the domain is given it.
public enum Clock {
    public static func now() -> Instant {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return Instant(secondsSinceEpoch: Int64(ts.tv_sec))
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
