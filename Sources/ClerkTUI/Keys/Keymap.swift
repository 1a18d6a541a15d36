import Terminal

/// Which action a key runs in each pane: the action table's defaults with the user's
/// keys.toml laid over them.
///
/// ```swift
/// let (keymap, problems) = Keymap.load(environment: ProcessInfo.processInfo.environment)
/// problems.forEach { status.warn($0) }          // never fatal
/// keymap.action(for: .tab, in: .agenda)?.id     // .paneNext
/// ```
///
/// An override in keys.toml replaces all of that action's default keys (`[]` unbinds it;
/// it stays reachable from the `:` command line). Keys are bound in this order: the
/// overridden actions in the order of keys.toml, then every other action's defaults in
/// table order. A key bound twice in one scope, or in a pane's scope and in `.global`,
/// is a clash: the later binding loses the key and the clash is reported, so what the
/// user wrote wins over the defaults.
public struct Keymap: Sendable {
    /// Every action in table order, with `keys` set to the keys that are in effect.
    public private(set) var actions: [UIAction] = []
    private var bindings: [UIAction.Scope: [Key: UIActionID]] = [:]
    private var byID: [UIActionID: Int] = [:]

    /// The defaults of `actions`, with no overrides.
    public init(actions: [UIAction] = ActionTable.all) {
        var problems: [String] = []
        self.init(actions: actions, overrides: [], problems: &problems)
    }

    /// The action `key` runs in a pane of `scope`: the pane's own bindings first, then the
    /// global ones.
    public func action(for key: Key, in scope: UIAction.Scope) -> UIAction? {
        guard let id = bindings[scope]?[key] ?? bindings[.global]?[key] else { return nil }
        return action(id)
    }

    /// The keys in effect for an action, in short form ("C-n"), or [] for an unknown id.
    public func keys(for id: UIActionID) -> [String] {
        action(id)?.keys ?? []
    }

    /// The action with this id, with its keys in effect.
    public func action(_ id: UIActionID) -> UIAction? {
        byID[id].map { actions[$0] }
    }

    /// The keymap from the text of keys.toml (nil when there is none), and one line for
    /// each thing in it that was wrong or clashed. Problems never stop the keymap being
    /// made: a bad line or key is skipped and the defaults stand.
    public static func load(configText: String?, actions: [UIAction] = ActionTable.all) -> (Keymap, problems: [String]) {
        guard let configText else { return (Keymap(actions: actions), []) }
        let file = KeysFile.parse(configText)
        var problems = file.problems
        var overrides: [Override] = []
        let known = Set(actions.map(\.id))
        for entry in file.entries {
            guard let id = UIActionID(rawValue: entry.id), known.contains(id) else {
                problems.append(unknownActionMessage(entry.id, line: entry.line, known: actions.map(\.id.rawValue)))
                continue
            }
            var keys: [Key] = []
            for name in entry.keys {
                if let key = KeySpec.key(named: name) {
                    keys.append(key)
                } else {
                    problems.append(KeySpec.unknownKeyMessage(name, line: entry.line))
                }
            }
            // A line whose every key was bad leaves the defaults alone rather than unbinding.
            if keys.isEmpty, !entry.keys.isEmpty { continue }
            overrides.append(Override(id: id, keys: keys, line: entry.line))
        }
        let keymap = Keymap(actions: actions, overrides: overrides, problems: &problems)
        return (keymap, problems)
    }

    /// Reads keys.toml from the configuration directory named by `environment` (see
    /// `ConfigDirectory`) and makes the keymap; a missing file is not a problem.
    public static func load(environment: [String: String], actions: [UIAction] = ActionTable.all) -> (Keymap, problems: [String]) {
        guard let path = configPath(environment: environment) else { return load(configText: nil, actions: actions) }
        switch TextFile.read(path) {
        case .missing: return load(configText: nil, actions: actions)
        case .text(let text): return load(configText: text, actions: actions)
        case .unreadable(let message):
            let (keymap, problems) = load(configText: nil, actions: actions)
            return (keymap, [message] + problems)
        }
    }

    /// `$XDG_CONFIG_HOME/clerk/keys.toml`, else `~/.config/clerk/keys.toml`.
    public static func configPath(environment: [String: String]) -> String? {
        ConfigDirectory.path(environment: environment).map { ConfigDirectory.join($0, KeysFile.fileName) }
    }

    // MARK: - Building

    private struct Override {
        var id: UIActionID
        var keys: [Key]
        var line: Int
    }

    private init(actions: [UIAction], overrides: [Override], problems: inout [String]) {
        self.actions = actions
        for (index, action) in actions.enumerated() {
            self.actions[index].keys = []
            byID[action.id] = index
        }
        // Where each binding came from, to say so when it loses a clash.
        var lines: [UIActionID: Int] = [:]
        var order: [(id: UIActionID, keys: [Key])] = []
        for o in overrides {
            order.append((o.id, o.keys))
            lines[o.id] = o.line
        }
        let overridden = Set(overrides.map(\.id))
        for action in actions where !overridden.contains(action.id) {
            // Defaults are checked by the tests; a bad default name is skipped, not fatal.
            order.append((action.id, action.keys.compactMap(KeySpec.key(named:))))
        }
        for (id, keys) in order {
            guard let index = byID[id] else { continue }
            let scope = actions[index].scope
            var seen: Set<Key> = []
            for key in keys where seen.insert(key).inserted {
                if let (holder, holderScope) = holder(of: key, for: scope) {
                    let place = lines[id].map { " on line \($0) of \(KeysFile.fileName)" } ?? ""
                    problems.append(
                        "key '\(KeySpec.name(of: key))' of \(id)\(place) clashes with \(holder) (\(holderScope.rawValue)): \(id) loses it")
                    continue
                }
                bindings[scope, default: [:]][key] = id
                self.actions[index].keys.append(KeySpec.name(of: key))
            }
        }
    }

    /// The action already holding `key` where a `scope` binding would collide with it.
    private func holder(of key: Key, for scope: UIAction.Scope) -> (UIActionID, UIAction.Scope)? {
        if let id = bindings[scope]?[key] { return (id, scope) }
        if scope != .global {
            return bindings[.global]?[key].map { ($0, .global) }
        }
        for other in UIAction.Scope.allCases where other != .global {
            if let id = bindings[other]?[key] { return (id, other) }
        }
        return nil
    }

    static func unknownActionMessage(_ id: String, line: Int, known: [String]) -> String {
        let base = "unknown action '\(id)' on line \(line) of \(KeysFile.fileName)"
        if let near = Suggest.nearest(to: id, among: known) { return base + ": did you mean \(near)?" }
        return base + ": see docs/keys.md for the ids"
    }
}
