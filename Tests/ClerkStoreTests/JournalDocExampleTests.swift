import ClerkCore
@testable import ClerkStore
import Foundation
import Testing

/// The record examples of docs/journal-format.md (its `jsonl` blocks) are records clerk
/// reads: the checksum right, the payload decoded by the real codec.
@Suite struct JournalDocExampleTests {
    /// The records shown in §9.1 (House style).
    static func examples() throws -> [String] {
        var url = URL(fileURLWithPath: #filePath)
        while !FileManager.default.fileExists(atPath: url.appendingPathComponent("docs/journal-format.md").path) {
            url.deleteLastPathComponent()
        }
        let doc = try String(contentsOf: url.appendingPathComponent("docs/journal-format.md"), encoding: .utf8)
        var lines: [String] = [], inside = false, inSection = false
        for line in doc.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.hasPrefix("#") { inSection = line.hasPrefix("### 9.1 ") }
            guard inSection else { continue }
            if line == "```jsonl" { inside = true } else if line == "```" { inside = false } else if inside { lines.append(String(line)) }
        }
        return lines
    }

    @Test func theHouseStyleExampleIsARecordClerkReads() throws {
        let lines = try Self.examples()
        #expect(!lines.isEmpty)
        for line in lines {
            let prefixEnd = try #require(line.range(of: ",\"crc\":\""))
            let prefix = String(line[..<prefixEnd.lowerBound])
            let crc = String(line[prefixEnd.upperBound...].prefix(8))
            #expect(crc == CRC32C.hex(CRC32C.checksum(Array(prefix.utf8))), "checksum of \(prefix.prefix(60))…")
            let type = try #require(prefix.range(of: "\"type\":\"").map { String(prefix[$0.upperBound...].prefix { $0 != "\"" }) })
            let data = try #require(prefix.range(of: ",\"data\":").map { String(prefix[$0.upperBound...]) })
            let event = try EventCodec.decode(type: type, version: 1, data: Array(data.utf8))
            guard case .termsChanged(let change) = event else { Issue.record("not a terms change: \(event.kind)"); continue }
            #expect(change.terms.style == HouseStyle.Preset.localGovernment.style)
            #expect(change.terms.quorum == .members(3))
        }
    }

    @Test func termsWithoutAStyleAndAStyleWithFieldsLeftOutStillRead() throws {
        let old = #"{"committeeID":"c","name":"C","terms":{"purpose":"","accountability":"","membershipRule":"","secretariat":"","quorum":{"none":{}},"declaredExcludedFromQuorum":false,"voting":{"consensus":{}},"objectives":[],"standingItems":[]},"coreOrganisations":[]}"#
        guard case .termsChanged(let a) = try EventCodec.decode(type: "committee.terms-changed", version: 1, data: Array(old.utf8)) else {
            Issue.record("not a terms change"); return
        }
        #expect(a.terms.style == nil)
        #expect(a.terms.houseStyle == .informal)
        let partial = old.replacingOccurrences(of: #""standingItems":[]"#, with: #""standingItems":[],"style":{"decisionPrefix":"RESOLVED – That"}"#)
        guard case .termsChanged(let b) = try EventCodec.decode(type: "committee.terms-changed", version: 1, data: Array(partial.utf8)) else {
            Issue.record("not a terms change"); return
        }
        var expected = HouseStyle.informal
        expected.decisionPrefix = "RESOLVED – That"
        #expect(b.terms.style == expected)
    }
}
