@testable import ClerkStore
import Testing

/// A key given twice in one object is found, however it is spelt and however deep;
/// the same key in different objects, and keys inside strings, are not duplicates.
@Suite struct DuplicateKeysTests {
    @Test func findsAKeyGivenTwice() {
        #expect(DuplicateKeys.first(in: Array(#"{"a":1,"a":2}"#.utf8)) == "a")
        #expect(DuplicateKeys.first(in: Array(#"{"x":{"b":[1,{"c":1,"c":2}]}}"#.utf8)) == "c")
        #expect(DuplicateKeys.first(in: Array(#"{"meetingID":"m","\u006deetingID":"n"}"#.utf8)) == "meetingID")
        #expect(DuplicateKeys.first(in: Array(#"{"a\"b":1,"a\u0022b":2}"#.utf8)) == "a\"b")
    }

    @Test func leavesDistinctKeysAlone() {
        #expect(DuplicateKeys.first(in: Array(#"{"a":{"a":1},"b":[{"a":1},{"a":2}]}"#.utf8)) == nil)
        #expect(DuplicateKeys.first(in: Array(#"{"t":"{\"a\":1,\"a\":2}","u":"a","v":["a","a"]}"#.utf8)) == nil)
        #expect(DuplicateKeys.first(in: Array("{}".utf8)) == nil)
        // Not JSON: left to the decoder, which refuses it.
        #expect(DuplicateKeys.first(in: Array(#"{"a"#.utf8)) == nil)
    }
}
