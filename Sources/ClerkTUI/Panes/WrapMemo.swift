import TextCells

/// Paragraphs as wrapped at a width, kept from one build of a pane to the next, so that a
/// record with one paragraph changed (another session typing, followed live) re-wraps
/// that paragraph only. What a build did not use is dropped at the next: the memo holds
/// at most two builds' paragraphs.
public final class WrapMemo: @unchecked Sendable {
    private struct Key: Hashable {
        var text: String
        var width: Int
    }

    private var current: [Key: [String]] = [:]
    private var previous: [Key: [String]] = [:]

    public init() {}

    /// Starts a build: what the build before it did not use is forgotten.
    func nextBuild() {
        previous = current
        current = [:]
    }

    /// `text` wrapped to `width` (as `DisplayWidth.wrap` wraps it).
    func lines(_ text: String, width: Int) -> [String] {
        let key = Key(text: text, width: width)
        if let lines = current[key] { return lines }
        let lines = previous[key] ?? DisplayWidth.wrap(text, width: width)
        current[key] = lines
        return lines
    }
}
