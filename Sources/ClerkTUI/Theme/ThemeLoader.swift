import Foundation

/// Finds the theme to draw with: the user's own theme files first, then the ones built
/// into clerk; never fails, but says what went wrong.
///
/// ```swift
/// let (theme, warning) = ThemeLoader.load(name: options.theme,
///                                         environment: ProcessInfo.processInfo.environment,
///                                         colorCount: term.colorCount)
/// if let warning { status.warn(warning) }
/// ```
public enum ThemeLoader {
    /// The built-in themes, in the order they are offered.
    public static let builtinNames = ["default", "light", "high-contrast", "monochrome"]

    /// The theme called `name` (nil means "default"), from
    /// `$XDG_CONFIG_HOME/clerk/themes/NAME.theme` (else `~/.config/clerk/themes`) or the
    /// built-ins. An unknown name or a bad file gives the default theme and a one-line
    /// warning. With `NO_COLOR` set to anything but "" or `colorCount` 0, the theme is
    /// made monochrome.
    public static func load(name: String?, environment: [String: String], colorCount: Int) -> (Theme, warning: String?) {
        var (theme, warning) = find(name ?? "default", environment: environment)
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        if noColor || colorCount == 0 { theme = theme.monochrome() }
        return (theme, warning)
    }

    /// Where the user's theme files live, or nil without XDG_CONFIG_HOME or HOME.
    public static func userDirectory(environment: [String: String]) -> String? {
        ConfigDirectory.path(environment: environment).map { ConfigDirectory.join($0, "themes") }
    }

    /// The built-in default theme.
    public static var builtinDefault: Theme {
        (try? Theme.parse(BuiltinThemes.texts["default"] ?? "", name: "default").get()) ?? Theme(name: "default")
    }

    private static func find(_ name: String, environment: [String: String]) -> (Theme, String?) {
        // A name is a file name, not a path.
        let usable = !name.isEmpty && !name.contains("/") && !name.hasPrefix(".")
        let directory = userDirectory(environment: environment)
        if usable, let directory {
            switch TextFile.read(ConfigDirectory.join(directory, name + ".theme")) {
            case .missing: break
            case .unreadable(let message): return (builtinDefault, message)
            case .text(let text): return parsedOrDefault(text, name: name)
            }
        }
        if usable, let text = BuiltinThemes.texts[name] {
            return parsedOrDefault(text, name: name)
        }
        let known = builtinNames + userThemeNames(in: directory).filter { !builtinNames.contains($0) }
        return (builtinDefault, "no theme '\(name)'; themes: \(known.joined(separator: ", "))")
    }

    private static func parsedOrDefault(_ text: String, name: String) -> (Theme, String?) {
        switch Theme.parse(text, name: name) {
        case .success(let theme): (theme, nil)
        case .failure(let error): (builtinDefault, error.description)
        }
    }

    private static func userThemeNames(in directory: String?) -> [String] {
        guard let directory, let files = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return [] }
        return files.filter { $0.hasSuffix(".theme") && !$0.hasPrefix(".") }.map { String($0.dropLast(6)) }.sorted()
    }
}
