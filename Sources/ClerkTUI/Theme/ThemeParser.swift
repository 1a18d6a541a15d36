import Terminal

/// What is wrong with a theme file, on one line naming the theme and the line:
/// `theme 'light' line 7: unknown colour 'purpel'; use a colour name or 0-255`.
public struct ThemeError: Error, Equatable, Sendable, CustomStringConvertible {
    public var theme: String
    public var line: Int
    public var message: String

    public var description: String { "theme '\(theme)' line \(line): \(message)" }
}

extension Theme {
    /// Reads a theme file: lines `slot = attributes`, `#` comments.
    ///
    /// ```
    /// pane.border.focused = fg:cyan bold
    /// selection = fg:black bg:cyan
    /// quorum.lost = fg:white bg:red bold
    /// ```
    ///
    /// Attributes are `fg:COLOUR`, `bg:COLOUR`, `bold`, `dim`, `underline`, `reverse`,
    /// and `plain` for none. A colour is a name (black, red, green, yellow, blue,
    /// magenta, cyan, white, or bright- before any of them), a 256-colour index (0-255),
    /// or `default` for the terminal's own. A slot's attributes are exactly those listed;
    /// a colour it leaves out comes from `base`; a slot not in the file looks like `base`.
    /// The first mistake is the error.
    public static func parse(_ text: String, name: String) -> Result<Theme, ThemeError> {
        var given: [ThemeSlot: (spec: StyleSpec, line: Int)] = [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNumber = index + 1
            func fail(_ message: String) -> Result<Theme, ThemeError> {
                .failure(ThemeError(theme: name, line: lineNumber, message: message))
            }
            let content = raw.prefix { $0 != "#" }.trimmingSpaces()
            if content.isEmpty { continue }
            guard let equals = content.firstIndex(of: "=") else {
                return fail("expected 'slot = attributes', e.g. 'selection = fg:black bg:cyan'")
            }
            let slotName = content[..<equals].trimmingSpaces()
            guard let slot = ThemeSlot(rawValue: slotName) else {
                let names = ThemeSlot.allCases.map(\.rawValue)
                if let near = Suggest.nearest(to: slotName, among: names) {
                    return fail("unknown slot '\(slotName)'; did you mean \(near)?")
                }
                return fail("unknown slot '\(slotName)'; the slots are listed in docs/themes.md")
            }
            if let earlier = given[slot] {
                return fail("\(slot.rawValue) is already set on line \(earlier.line)")
            }
            switch StyleSpec.parse(content[content.index(after: equals)...]) {
            case .success(let spec): given[slot] = (spec, lineNumber)
            case .failure(let problem): return fail(problem.message)
            }
        }
        let base = (given[.base]?.spec ?? StyleSpec()).resolved(over: .plain)
        var theme = Theme(name: name)
        for (slot, entry) in given {
            theme.styles[slot] = slot == .base ? base : entry.spec.resolved(over: base)
        }
        return .success(theme)
    }
}

/// One slot's line as written: colours it names (`.some(nil)` is `default`) and its
/// attributes.
struct StyleSpec {
    var fg: Color??
    var bg: Color??
    var style = Style()

    func resolved(over base: Style) -> Style {
        var out = style
        out.fg = fg ?? base.fg
        out.bg = bg ?? base.bg
        return out
    }

    struct Problem: Error {
        var message: String
        init(_ message: String) { self.message = message }
    }

    static func parse(_ text: Substring) -> Result<StyleSpec, Problem> {
        let words = text.split(whereSeparator: { $0 == " " || $0 == "\t" })
        if words.isEmpty { return .failure(Problem("no attributes after '='; write e.g. 'fg:cyan bold', or 'plain'")) }
        var spec = StyleSpec()
        for word in words {
            switch word {
            case "bold": spec.style.bold = true
            case "dim": spec.style.dim = true
            case "underline": spec.style.underline = true
            case "reverse": spec.style.reverse = true
            case "plain": break
            default:
                if word.hasPrefix("fg:") || word.hasPrefix("bg:") {
                    let colourName = word.dropFirst(3)
                    guard let colour = colour(colourName) else {
                        return .failure(Problem("unknown colour '\(colourName)'; use a colour name or 0-255"))
                    }
                    if word.hasPrefix("fg:") { spec.fg = .some(colour) } else { spec.bg = .some(colour) }
                } else {
                    return .failure(Problem("unknown attribute '\(word)'; use fg:COLOUR bg:COLOUR bold dim underline reverse"))
                }
            }
        }
        return .success(spec)
    }

    static let colourNames = ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"]

    /// `.some(nil)` for `default`, nil for a word that is not a colour.
    static func colour(_ word: Substring) -> Color?? {
        let lower = word.lowercased()
        if lower == "default" { return .some(nil) }
        if let i = colourNames.firstIndex(of: lower) { return Color(UInt8(i)) }
        if lower.hasPrefix("bright-"), let i = colourNames.firstIndex(of: String(lower.dropFirst(7))) {
            return Color(UInt8(i + 8))
        }
        if lower.allSatisfy(\.isASCII), let n = Int(lower), (0...255).contains(n), !lower.hasPrefix("+") {
            return Color(UInt8(n))
        }
        return nil
    }
}
