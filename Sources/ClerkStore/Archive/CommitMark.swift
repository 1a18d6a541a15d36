import ClerkCore
import Foundation

/// The `commit` key that ties together the records of one commit written to more than one
/// segment (docs/journal-format.md §14). Every record of such a commit carries
/// `"commit":{"id":K,"n":I,"of":N}`: the commit's key, the record's place in the commit
/// and how many records it has. The first record written (`n` 0) also lists every other
/// record of the commit under `then`, so that whoever finds only part of the commit on
/// disk knows exactly what is missing and can write it.
public struct CommitMark: Sendable, Equatable {
    /// One record of the commit after the first: where it goes and what it holds.
    public struct Planned: Sendable, Equatable {
        /// Nil: the archive segment; else the meeting whose segment holds it.
        public var meeting: MeetingID?
        public var type: String
        public var version: Int
        public var data: [UInt8]
    }

    public var id: String
    public var n: Int
    public var of: Int
    /// Present on the first record only.
    public var then: [Planned]?

    /// Whether `id` can be a commit key: 1–64 of `a–z 0–9 -`.
    public static func isValidID(_ id: String) -> Bool {
        (1...64).contains(id.utf8.count) && id.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }
    }

    /// A fresh key: `c-` and 13 random base-36 digits.
    public static func newID() -> String {
        "c-" + String(UInt64.random(in: 0...UInt64.max), radix: 36)
    }

    /// `data` (an encoded event: one JSON object) with this mark added as its last key.
    func marking(_ data: [UInt8]) -> [UInt8] {
        precondition(data.last == UInt8(ascii: "}"))
        var out = Array(data.dropLast())
        if out.count > 1 { out.append(UInt8(ascii: ",")) }
        out += Array(#""commit":{"id":""#.utf8) + Array(id.utf8) + Array(#"","n":\#(n),"of":\#(of)"#.utf8)
        if let then {
            out += Array(#","then":["#.utf8)
            for (i, p) in then.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                out += Array(#"{"data":"#.utf8) + p.data
                if let meeting = p.meeting { out += Array(#","meeting":""#.utf8) + Array(meeting.utf8) + [UInt8(ascii: "\"")] }
                out += Array(#","type":""#.utf8) + Array(p.type.utf8) + Array(#"","v":\#(p.version)}"#.utf8)
            }
            out.append(UInt8(ascii: "]"))
        }
        out += Array("}}".utf8)
        return out
    }

    /// The mark in a record's payload, if it has one. Throws when it has a `commit` key
    /// that is not a well-formed mark. A payload without the key costs one byte search.
    public static func read(_ data: [UInt8]) throws -> CommitMark? {
        guard contains(data, Array(#""commit":"#.utf8)) else { return nil }
        guard let object = try? JSONSerialization.jsonObject(with: Data(data)) as? [String: Any] else { return nil }
        guard let raw = object["commit"] else { return nil }
        guard let mark = raw as? [String: Any], let id = mark["id"] as? String, isValidID(id),
              let n = integer(mark["n"]), let of = integer(mark["of"]), of >= 1, of <= 10_000, n >= 0, n < of
        else { throw StoreError("its 'commit' mark is malformed") }
        var result = CommitMark(id: id, n: n, of: of, then: nil)
        if let list = mark["then"] {
            guard n == 0, let entries = list as? [[String: Any]], entries.count == of - 1 else {
                throw StoreError("its 'commit' mark lists \((list as? [Any])?.count ?? -1) further record(s) for a commit of \(of)")
            }
            result.then = try entries.map { entry in
                guard let type = entry["type"] as? String, let v = integer(entry["v"]), let body = entry["data"] as? [String: Any],
                      let bytes = try? JSONSerialization.data(withJSONObject: body, options: [.sortedKeys, .withoutEscapingSlashes])
                else { throw StoreError("its 'commit' mark holds a record without type, v or data") }
                let meeting = entry["meeting"] as? String
                if entry["meeting"] != nil && meeting == nil { throw StoreError("its 'commit' mark names a meeting that is not a string") }
                return Planned(meeting: meeting, type: type, version: v, data: Array(bytes))
            }
        } else if n == 0 && of > 1 {
            throw StoreError("its 'commit' mark is the first of \(of) records but does not list the others")
        }
        return result
    }

    private static func integer(_ value: Any?) -> Int? {
        value as? Int
    }

    static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let head = needle.first, haystack.count >= needle.count else { return false }
        var i = 0
        let last = haystack.count - needle.count
        while i <= last {
            if haystack[i] == head && haystack[i..<(i + needle.count)].elementsEqual(needle) { return true }
            i += 1
        }
        return false
    }
}
