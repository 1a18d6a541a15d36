import ClerkCore

/// The terms screen's "House style" field: which preset a committee's minutes follow (NHS
/// board, local-government committee, informal notes), and the reason for excluding the
/// public from part 2 items that a local-government style may carry.
enum HouseStyleField {
    static let prompt = "House style (nhs-board, local-government or informal; add ': reason' for part 2): "

    /// "NHS board", "local-government committee — part 2: …", "informal notes (no style set)".
    static func value(_ terms: TermsOfReference) -> String {
        guard let style = terms.style else { return "informal notes (no style set)" }
        var base = style
        base.exclusionReason = nil
        let preset = HouseStyle.Preset.allCases.first {
            var p = $0.style
            p.exclusionReason = nil
            return p == base
        }
        let name = preset?.label ?? "custom"
        guard let reason = style.exclusionReason, !reason.isEmpty else { return name }
        return "\(name) — part 2: \(reason)"
    }

    /// What the form starts with: the preset's name, and the reason when there is one.
    static func prefill(_ terms: TermsOfReference) -> String {
        guard let style = terms.style else { return "" }
        let name = HouseStyle.Preset.allCases.first { $0.style.title == style.title && $0.style.attendance == style.attendance }?.rawValue ?? ""
        return name + (style.exclusionReason.map { ": \($0)" } ?? "")
    }

    /// The style typed: a preset's name, then optionally ": the reason the public is
    /// excluded from part 2 items". Empty or "informal" sets the informal look.
    static func parse(_ typed: String) throws -> HouseStyle? {
        let parts = typed.split(separator: ":", maxSplits: 1).map { String($0).trimmingSpaces() }
        let name = parts.first ?? ""
        if name.isEmpty { return nil }
        guard let preset = HouseStyle.Preset(name: name) else {
            throw CommandError(.invalid, "no house style '\(name)'; type nhs-board, local-government or informal")
        }
        var style = preset.style
        if parts.count > 1 { style.exclusionReason = parts[1].isEmpty ? nil : parts[1] }
        return preset == .informal && style.exclusionReason == nil ? nil : style
    }
}
