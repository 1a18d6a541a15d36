import Foundation

/// docs/clerk.1, the manual page, made from the argument parser's own description of
/// every command and option (the JSON of `clerk --experimental-dump-help`), so that it
/// cannot drift from what clerk accepts. `ManualPageTests` fails when the file differs;
/// re-record it with `CLERK_RECORD=1 swift test --filter ManualPage`.
public enum ManualPage {
    /// The page in roff (man macros).
    public static func roff() throws -> String {
        let tool = try JSONDecoder().decode(Tool.self, from: Data(ClerkCommand._dumpHelp().utf8))
        return render(tool.command)
    }

    // The parts of the parser's description the page uses.
    struct Tool: Decodable { var command: Command }

    struct Command: Decodable {
        var commandName: String
        var abstract: String?
        var discussion: String?
        var defaultSubcommand: String?
        var shouldDisplay: Bool?
        var subcommands: [Command]?
        var arguments: [Argument]?
    }

    struct Argument: Decodable {
        struct Name: Decodable { var kind: String; var name: String }
        var kind: String
        var shouldDisplay: Bool
        var isOptional: Bool
        var isRepeating: Bool
        var names: [Name]?
        var preferredName: Name?
        var valueName: String?
        var defaultValue: String?
        var allValues: [String]?
        var abstract: String?
        var discussion: String?

        /// "--data" or "-o, --output".
        var flagNames: [String] {
            (names ?? []).map { ($0.kind == "short" ? "-" : "--") + $0.name }
        }
    }

    /// Options every command takes, described once under OPTIONS.
    static let shared: Set<String> = ["data", "read-only", "version", "help"]

    static func render(_ root: Command) -> String {
        var out: [String] = []
        let name = root.commandName
        out += [
            ".\\\" Generated from the argument parser's definitions (Sources/ClerkApp/CLI); do not edit.",
            ".\\\" Re-record with: CLERK_RECORD=1 swift test --filter ManualPage",
            ".TH \(name.uppercased()) 1 \"\" \"\(name) \(ClerkVersion.current)\" \"User Commands\"",
            ".SH NAME",
            "\(name) \\- \(escape(root.abstract ?? ""))",
            ".SH SYNOPSIS",
            ".B \(name)",
            synopsis(visible(root.arguments), includeShared: true) + " [\\fIcommand\\fR] [\\fIoptions\\fR]",
            ".SH DESCRIPTION",
        ]
        out += paragraphs(root.discussion)
        out += [
            ".PP",
            "With no command, \\fB\(name)\\fR opens the screen on the archive (\\fB\(name) \(root.defaultSubcommand ?? "open")\\fR).",
            "The commands are stable and scriptable: they print to standard output and report an error as one line on",
            "standard error with a non-zero exit status.",
            ".SH OPTIONS",
            "These options come before or after the command's name.",
        ]
        for argument in visible(root.arguments) { out += describe(argument) }
        out.append(".SH COMMANDS")
        for command in root.subcommands ?? [] where command.shouldDisplay != false {
            out += section(command, path: [name])
        }
        out += fixedSections(name)
        return out.joined(separator: "\n") + "\n"
    }

    static func section(_ command: Command, path: [String]) -> [String] {
        let full = path + [command.commandName]
        let own = visible(command.arguments).filter { argument in
            !(argument.names ?? []).contains { shared.contains($0.name) }
        }
        var out = [".SS \"\(escape(full.joined(separator: " ")))\"", ".B \(escape(full.joined(separator: " ")))"]
        let subcommands = (command.subcommands ?? []).filter { $0.shouldDisplay != false }
        out.append(synopsis(own, includeShared: false) + (subcommands.isEmpty ? "" : " \\fIcommand\\fR"))
        out.append(".PP")
        out.append(escape(command.abstract ?? ""))
        out += paragraphs(command.discussion)
        for argument in own { out += describe(argument) }
        for sub in subcommands { out += section(sub, path: full) }
        return out
    }

    static func visible(_ arguments: [Argument]?) -> [Argument] {
        (arguments ?? []).filter(\.shouldDisplay)
    }

    /// "[--data DIR] [--read-only] TEXT..." in roff.
    static func synopsis(_ arguments: [Argument], includeShared: Bool) -> String {
        arguments.filter { includeShared || !($0.names ?? []).contains { ["version", "help"].contains($0.name) } }
            .filter { !($0.names ?? []).contains { ["version", "help"].contains($0.name) } }
            .map { argument in
                var text: String
                if argument.kind == "positional" {
                    text = "\\fI\(escape(argument.valueName ?? "value"))\\fR"
                } else {
                    let flag = argument.preferredName.map { ($0.kind == "short" ? "-" : "--") + $0.name } ?? ""
                    text = "\\fB\(option(flag))\\fR"
                    if argument.kind == "option" { text += " \\fI\(escape(argument.valueName ?? "value"))\\fR" }
                }
                if argument.isRepeating { text += "\\ ..." }
                return argument.isOptional ? "[\(text)]" : text
            }.joined(separator: " ")
    }

    static func describe(_ argument: Argument) -> [String] {
        var head: String
        if argument.kind == "positional" {
            head = "\\fI\(escape(argument.valueName ?? "value"))\\fR"
        } else {
            head = argument.flagNames.map { "\\fB\(option($0))\\fR" }.joined(separator: ", ")
            if argument.kind == "option" { head += " \\fI\(escape(argument.valueName ?? "value"))\\fR" }
        }
        var text = escape(argument.abstract ?? "")
        if let values = argument.allValues, !values.isEmpty, argument.kind != "flag" {
            text += " One of: " + values.map { "\\fB\(escape($0))\\fR" }.joined(separator: ", ") + "."
        }
        if let value = argument.defaultValue, !value.isEmpty { text += " Default: \\fB\(escape(value))\\fR." }
        return [".TP", head, text] + paragraphs(argument.discussion)
    }

    static func paragraphs(_ text: String?) -> [String] {
        guard let text, !text.isEmpty else { return [] }
        // A line break in the help is kept (the lines are often examples, one per line),
        // and a line aligned with runs of spaces keeps them.
        return text.components(separatedBy: "\n\n").flatMap { paragraph -> [String] in
            [".PP", paragraph.split(separator: "\n").map { line in
                line.contains("  ") ? ".nf\n\(escape(String(line)))\n.fi" : escape(String(line))
            }.joined(separator: "\n.br\n")]
        }
    }

    /// Text made safe for roff: backslashes, and a leading dot or quote that would read
    /// as a request; hyphens in words stay hyphens, option dashes are minus signs.
    static func escape(_ text: String) -> String {
        var s = text.replacingOccurrences(of: "\\", with: "\\e")
        s = s.replacingOccurrences(of: "--", with: "\\-\\-")
        s = s.replacingOccurrences(of: " -", with: " \\-")
        if s.hasPrefix("-") { s = "\\" + s }
        if s.hasPrefix(".") || s.hasPrefix("'") { s = "\\&" + s }
        return s
    }

    /// An option's name, every hyphen a minus sign so that it can be copied from the page.
    static func option(_ name: String) -> String {
        name.replacingOccurrences(of: "-", with: "\\-")
    }

    /// What the parser does not know: environment, files, exit status, what is left out.
    static func fixedSections(_ name: String) -> [String] {
        [
            ".SH ENVIRONMENT",
            ".TP", "\\fBCLERK_DATA\\fR", "The archive folder when \\fB\\-\\-data\\fR is not given.",
            ".TP", "\\fBXDG_DATA_HOME\\fR", "Else the archive is \\fI$XDG_DATA_HOME/clerk\\fR (\\fI~/.local/share/clerk\\fR).",
            ".TP", "\\fBXDG_CONFIG_HOME\\fR",
            "Where \\fIclerk/keys.toml\\fR (keys) and \\fIclerk/themes/\\fR (colour themes) are looked for (\\fI~/.config\\fR).",
            ".TP", "\\fBTERM\\fR",
            "The terminal type. One terminfo does not know, or none, is replaced by xterm\\-256color (else xterm, else vt100),",
            "and the screen says so once; a terminal that cannot move the cursor (\\fBdumb\\fR) is refused.",
            ".TP", "\\fBLANG\\fR, \\fBLC_ALL\\fR, \\fBLC_CTYPE\\fR",
            "Without a UTF\\-8 locale, boxes are drawn with the terminal's line\\-drawing characters and text beyond ASCII",
            "with plain stand\\-ins (\\(aqé\\(aq as \\(aqe\\(aq).",
            ".TP", "\\fBNO_COLOR\\fR", "When set and not empty, the screen uses no colour.",
            ".TP", "\\fBTMPDIR\\fR", "Where \\fB\(name) demo\\fR makes its scratch archive.",
            ".SH FILES",
            ".TP", "\\fIARCHIVE/journal/archive.jsonl\\fR, \\fIARCHIVE/meetings/*.jsonl\\fR",
            "The journal: one JSON record per line, appended to and never rewritten (docs/journal\\-format.md).",
            ".SH EXIT STATUS",
            ".TP", "0", "Success.",
            ".TP", "1", "The command failed; the reason is one line on standard error.",
            ".TP", "2", "\\fB\(name) check\\fR found damage.",
            ".TP", "64", "An argument was wrong.",
            ".SH NOTES",
            "Every command also accepts \\fB\\-\\-today\\fR \\fIYYYY\\-MM\\-DD\\fR, which makes clerk take that date as today for",
            "every rule and for the date changes are recorded on. It is meant for tests and demonstrations, not for",
            "people recording a meeting, and is left out of the help for that reason.",
            ".PP",
            "Shell completion scripts come from \\fB\(name) \\-\\-generate\\-completion\\-script\\fR \\fIbash\\fR|\\fIzsh\\fR|\\fIfish\\fR;",
            "see the README for where to install them.",
            ".SH SEE ALSO",
            "The user guide (docs/user\\-guide.md), the keys (docs/keys.md), reaching clerk over SSH (docs/ssh.md).",
        ]
    }
}
