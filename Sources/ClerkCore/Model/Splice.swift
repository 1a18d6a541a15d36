/// Replace `delete` Unicode scalars at scalar offset `at` with `insert`.
public struct Splice: Sendable, Hashable, Codable {
    public var at: Int
    public var delete: Int
    public var insert: String
    public init(at: Int, delete: Int, insert: String) { self.at = at; self.delete = delete; self.insert = insert }

    /// Applies the splice, or returns nil when it does not fit the text (a damaged or
    /// out-of-order record), so the fold can refuse it instead of guessing.
    public func apply(to text: String) -> String? {
        var scalars = Array(text.unicodeScalars)
        // Compared without adding: `at + delete` would overflow for values read from a record.
        guard at >= 0, delete >= 0, at <= scalars.count, delete <= scalars.count - at else { return nil }
        scalars.replaceSubrange(at..<(at + delete), with: insert.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// The single splice that turns `old` into `new` (common prefix and suffix kept).
    public static func difference(from old: String, to new: String) -> Splice? {
        let a = Array(old.unicodeScalars), b = Array(new.unicodeScalars)
        var prefix = 0
        while prefix < a.count, prefix < b.count, a[prefix] == b[prefix] { prefix += 1 }
        var suffix = 0
        while suffix < a.count - prefix, suffix < b.count - prefix, a[a.count - 1 - suffix] == b[b.count - 1 - suffix] {
            suffix += 1
        }
        if prefix == a.count, prefix == b.count { return nil }
        var inserted = String.UnicodeScalarView()
        inserted.append(contentsOf: b[prefix..<(b.count - suffix)])
        return Splice(at: prefix, delete: a.count - prefix - suffix, insert: String(inserted))
    }
}
