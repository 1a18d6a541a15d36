import Foundation

/// Finds a key given twice in one JSON object. Foundation's decoders silently keep one of
/// the two values, so a record such as `{"meetingID":"a","meetingID":"b"}` would mean
/// different things to clerk and to `jq`; clerk refuses it instead. A small scan of the
/// bytes: strings (with their escapes decoded, so `"a"` and `"\u0061"` are one key),
/// objects and arrays nested to any depth.
enum DuplicateKeys {
    /// The first key that occurs twice in the same object, or nil. Bytes that are not JSON
    /// are left for the decoder to refuse.
    static func first(in bytes: [UInt8]) -> String? {
        // One frame per open bracket: the keys seen so far for an object, nil for an array.
        var frames: [Set<[UInt8]>?] = []
        var expectingKey = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "{"):
                frames.append([])
                expectingKey = true
            case UInt8(ascii: "["):
                frames.append(nil)
                expectingKey = false
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !frames.isEmpty { frames.removeLast() }
                expectingKey = false
            case UInt8(ascii: ","):
                expectingKey = frames.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                guard let (end, escaped) = Self.stringEnd(bytes, from: i) else { return nil }
                if expectingKey, let top = frames.indices.last, var keys = frames[top] {
                    guard let string = Self.key(Array(bytes[i..<end]), escaped: escaped) else { return nil }
                    if keys.contains(string) { return String(decoding: string, as: UTF8.self) }
                    keys.insert(string)
                    frames[top] = keys
                }
                expectingKey = false
                i = end
                continue
            default:
                break
            }
            i += 1
        }
        return nil
    }

    /// The index after the closing quote of the string starting at `start`, and whether it
    /// holds an escape.
    private static func stringEnd(_ bytes: [UInt8], from start: Int) -> (Int, Bool)? {
        var i = start + 1
        var escaped = false
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: "\\"):
                escaped = true
                i += 2
            case UInt8(ascii: "\""):
                return (i + 1, escaped)
            default:
                i += 1
            }
        }
        return nil
    }

    /// A key's bytes (`quoted` includes its quotes). Escapes are rare in keys: a key holding
    /// one is decoded by Foundation, so that every spelling of a key compares equal.
    private static func key(_ quoted: [UInt8], escaped: Bool) -> [UInt8]? {
        guard escaped else { return Array(quoted.dropFirst().dropLast()) }
        let list = [UInt8(ascii: "[")] + quoted + [UInt8(ascii: "]")]
        guard let decoded = try? JSONDecoder().decode([String].self, from: Data(list)), let first = decoded.first else { return nil }
        return Array(first.utf8)
    }
}
