/// docs/keys.md, made from the action table so that it cannot drift from the keys clerk
/// really has. `KeysDocTests` fails when the file differs; re-record it with
/// `CLERK_RECORD=1 swift test --filter KeysDoc`.
public enum KeysDoc {
    public static func markdown(actions: [UIAction] = ActionTable.all) -> String {
        var out: [String] = []
        out += [
            "# Keys",
            "",
            "<!-- Generated from Sources/ClerkTUI/Keys/ActionTable.swift; do not edit.",
            "     Re-record with: CLERK_RECORD=1 swift test --filter KeysDoc -->",
            "",
            "Every action clerk has is listed here with its id and default keys. Keys under",
            "*Everywhere* work in every pane unless the pane in focus uses the same key for",
            "something of its own. Press `?` in clerk to see the keys of the pane in focus.",
            "",
        ]
        for scope in UIAction.Scope.allCases {
            let inScope = actions.filter { $0.scope == scope }
            guard !inScope.isEmpty else { continue }
            out += ["## \(scope.title)", "", "| Keys | Id | What it does |", "|---|---|---|"]
            for action in inScope {
                let keys = action.keys.isEmpty ? "(none)" : action.keys.map(code).joined(separator: " ")
                out.append("| \(keys) | \(code(action.id.rawValue)) | \(cell(action.help)) |")
            }
            out.append("")
        }
        let sample = actions.first { $0.id == .paneNext } ?? actions.first
        let sampleID = sample?.id ?? .appQuit
        out += [
            "## Changing keys: keys.toml",
            "",
            "clerk reads `$XDG_CONFIG_HOME/clerk/keys.toml`, or `~/.config/clerk/keys.toml` when",
            "`XDG_CONFIG_HOME` is not set. Under a `[keys]` line, each line gives an action id",
            "and its keys; they replace that action's default keys (`[]` leaves it with none).",
            "",
            "```toml",
            "# ~/.config/clerk/keys.toml",
            "[keys]",
            "\"\(sampleID)\" = [\"Tab\", \"C-o\"]",
            "\"app.exit\" = \"C-q\"",
            "\"pane.zoom\" = []",
            "```",
            "",
            "Key names: a single character (`j`, `?`, `G`), `Space`, `Enter`, `Tab`, `S-Tab`,",
            "`Esc`, `Backspace`, `Delete`, `Insert`, `Up`, `Down`, `Left`, `Right`, `Home`,",
            "`End`, `PgUp`, `PgDn`, `F1` to `F12`, `C-a` to `C-z` (Ctrl) and `M-x` (Alt with a",
            "character). Terminals send the same thing for some pairs, so `C-i` is `Tab`, `C-m`",
            "and `C-j` are `Enter`, `C-h` is `Backspace` and `C-[` is `Esc`.",
            "",
            "Mistakes never stop clerk starting: an unknown id, a key name clerk does not know",
            "or a line it cannot read is reported on one line with its line number and",
            "skipped. When two actions want the same key in one pane (or a pane's action and",
            "one from *Everywhere*), the binding made later loses the key and the clash is",
            "reported. Your keys.toml is applied before the defaults, so your keys win.",
            "",
            "## The command line",
            "",
            "`:` opens the command line, where any action can be run by its id, including",
            "actions that have no key. It offers the actions that match what you type: ids",
            "that start with it first, then ids that contain it, then actions whose",
            "description has a word starting with it (`overdue` finds `actions.overdue`).",
            "",
        ]
        return out.joined(separator: "\n")
    }

    /// Inline code that survives any character, including a backquote or a bar.
    private static func code(_ s: String) -> String {
        let escaped = s.replacingBars()
        if s.contains("`") { return "`` \(escaped) ``" }
        return "`\(escaped)`"
    }

    private static func cell(_ s: String) -> String { s.replacingBars() }
}

extension String {
    /// A `|` would end a Markdown table cell.
    fileprivate func replacingBars() -> String {
        var out = ""
        for c in self { out += c == "|" ? "\\|" : String(c) }
        return out
    }
}
