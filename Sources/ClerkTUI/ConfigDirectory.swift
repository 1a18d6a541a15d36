/// Where clerk's own configuration lives: `$XDG_CONFIG_HOME/clerk`, else
/// `~/.config/clerk`. The environment is passed in so that tests (and callers) decide
/// what it holds.
public enum ConfigDirectory {
    /// The directory, or nil when neither XDG_CONFIG_HOME nor HOME is usable.
    ///
    /// ```swift
    /// ConfigDirectory.path(environment: ["HOME": "/home/ann"])  // "/home/ann/.config/clerk"
    /// ```
    public static func path(environment: [String: String]) -> String? {
        // The XDG spec says a relative XDG_CONFIG_HOME is invalid and must be ignored.
        if let xdg = environment["XDG_CONFIG_HOME"], xdg.hasPrefix("/") {
            return join(xdg, "clerk")
        }
        if let home = environment["HOME"], !home.isEmpty {
            return join(join(home, ".config"), "clerk")
        }
        return nil
    }

    static func join(_ directory: String, _ name: String) -> String {
        directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }
}
