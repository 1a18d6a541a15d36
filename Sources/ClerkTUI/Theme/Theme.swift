import Terminal

/// A style for each semantic slot of the screen. Views ask `theme[.selection]`, never for
/// a colour.
///
/// ```swift
/// let theme = try Theme.parse("base = fg:white\nselection = fg:black bg:cyan", name: "mine").get()
/// theme[.selection]   // Style(fg: .black, bg: .cyan)
/// theme[.heading]     // not set: looks like base
/// ```
public struct Theme: Sendable, Equatable {
    public var name: String
    /// The slots the theme sets; any other slot looks like `base`.
    public var styles: [ThemeSlot: Style]

    public init(name: String, styles: [ThemeSlot: Style] = [:]) {
        self.name = name
        self.styles = styles
    }

    public subscript(slot: ThemeSlot) -> Style {
        styles[slot] ?? styles[.base] ?? .plain
    }

    /// The theme for a terminal without colour (or with `NO_COLOR` set): colours dropped,
    /// attributes kept. Slots that must never be missed still differ from `base` by an
    /// attribute afterwards, because a theme may have marked them by colour alone, and the
    /// selection is always in reverse video.
    public func monochrome() -> Theme {
        var out = Theme(name: name)
        for slot in ThemeSlot.allCases {
            var style = self[slot]
            style.fg = nil
            style.bg = nil
            out.styles[slot] = style
        }
        let base = out[.base]
        // The selection is a bar the eye follows down a list: only reverse video reads as
        // one, so it is reversed against base whatever else the theme gave it.
        out.styles[.selection]?.reverse = !base.reverse
        for (slot, fallbacks) in Self.mustStandOut {
            guard var style = out.styles[slot], style.attributes == base.attributes else { continue }
            // The first fallback that base lacks; if base has them all, turn one off.
            if let attribute = fallbacks.first(where: { !base[attribute: $0] }) {
                style[attribute: attribute] = true
            } else if let attribute = fallbacks.first {
                style[attribute: attribute] = false
            }
            out.styles[slot] = style
        }
        return out
    }

    /// Slots that carry meaning the user must not miss, with the attributes that mark
    /// them when colour is gone, in order of preference.
    static let mustStandOut: [(ThemeSlot, [Style.Attribute])] = [
        (.selectionUnfocused, [.underline, .bold]),
        (.paneBorderFocused, [.bold, .reverse]),
        (.paneTitleFocused, [.bold, .underline]),
        (.tabActive, [.reverse, .bold]),
        (.actionOverdue, [.bold, .underline]),
        (.quorumLost, [.reverse, .bold]),
        (.itemConfidential, [.underline, .bold]),
        (.itemCurrent, [.bold, .underline]),
        (.statusError, [.bold, .reverse]),
        (.readOnly, [.reverse, .bold]),
        (.match, [.underline, .reverse]),
    ]
}

extension Style {
    enum Attribute: Sendable {
        case bold, dim, underline, reverse
    }

    subscript(attribute attribute: Attribute) -> Bool {
        get {
            switch attribute {
            case .bold: bold
            case .dim: dim
            case .underline: underline
            case .reverse: reverse
            }
        }
        set {
            switch attribute {
            case .bold: bold = newValue
            case .dim: dim = newValue
            case .underline: underline = newValue
            case .reverse: reverse = newValue
            }
        }
    }

    /// The attributes alone, for comparing how two styles look without colour.
    var attributes: [Bool] { [bold, dim, underline, reverse] }
}
