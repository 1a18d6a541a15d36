import ClerkCore
import Foundation

/// Who wrote a record: the operating-system account of the process that wrote it and,
/// when that account is linked to a person in the archive, the person's id
/// (docs/journal-format.md §16). A store given an author writes it on every record it
/// commits, as the `author` key of the record's `data`, before any `commit` mark.
/// Records written without one (older archives, generated archives) have no author.
public struct Author: Sendable, Equatable {
    public var account: String
    public var person: PersonID?

    public init(account: String, person: PersonID? = nil) {
        self.account = account
        self.person = person
    }

    /// Longest account name written or read: longer is not a name any system gives.
    static let maxAccountLength = 256

    /// `data` (an encoded event: one JSON object) with this author added as its last key.
    func signing(_ data: [UInt8]) -> [UInt8] {
        precondition(data.last == UInt8(ascii: "}"))
        var object: [String: String] = ["account": String(account.prefix(Self.maxAccountLength))]
        if let person { object["person"] = person }
        guard let encoded = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]) else {
            return data
        }
        var out = Array(data.dropLast())
        if out.count > 1 { out.append(UInt8(ascii: ",")) }
        out += Array(#""author":"#.utf8) + Array(encoded) + [UInt8(ascii: "}")]
        return out
    }

    /// The author in a record's payload, or nil when it has none or the key is not a
    /// well-formed author (an account of 1–256 characters, a person id if any). A payload
    /// without the key costs one byte search.
    public static func read(_ data: [UInt8]) -> Author? {
        guard CommitMark.contains(data, Array(#""author":"#.utf8)),
              let object = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any],
              let raw = object["author"] as? [String: Any],
              let account = raw["account"] as? String, (1...maxAccountLength).contains(account.count)
        else { return nil }
        var author = Author(account: account)
        if let person = raw["person"] {
            guard let id = person as? String, IDGrammar.isValid(id) else { return nil }
            author.person = id
        }
        return author
    }
}
