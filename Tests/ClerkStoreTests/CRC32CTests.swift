import Testing
@testable import ClerkStore

@Suite struct CRC32CTests {
    @Test func standardCheckValue() {
        #expect(CRC32C.checksum(Array("123456789".utf8)) == 0xE306_9283)
        #expect(CRC32C.hex(CRC32C.checksum(Array("123456789".utf8))) == "e3069283")
    }

    @Test func knownVectors() {
        #expect(CRC32C.checksum([UInt8]()) == 0)
        // RFC 3720 B.4: 32 bytes of zeros, of 0xFF, and ascending 0...31.
        #expect(CRC32C.checksum([UInt8](repeating: 0, count: 32)) == 0x8A91_36AA)
        #expect(CRC32C.checksum([UInt8](repeating: 0xFF, count: 32)) == 0x62A8_AB43)
        #expect(CRC32C.checksum((0..<32).map { UInt8($0) }) == 0x46DD_794E)
    }

    @Test func sliceBy8AgreesWithBitwiseDefinition() {
        func bitwise(_ bytes: [UInt8]) -> UInt32 {
            var c: UInt32 = 0xFFFF_FFFF
            for b in bytes {
                c ^= UInt32(b)
                for _ in 0..<8 { c = (c & 1) != 0 ? (c >> 1) ^ 0x82F6_3B78 : c >> 1 }
            }
            return ~c
        }
        var rng = SystemRandomNumberGenerator()
        for length in 0..<70 {
            let bytes = (0..<length).map { _ in UInt8.random(in: 0...255, using: &rng) }
            #expect(CRC32C.checksum(bytes) == bitwise(bytes))
            // Unaligned start.
            let shifted = Array(([0] + bytes)[1...])
            #expect(CRC32C.checksum(shifted[...]) == bitwise(bytes))
        }
    }

    @Test func hexIsZeroPaddedLowercase() {
        #expect(CRC32C.hex(0xAB) == "000000ab")
        #expect(CRC32C.hex(0xDEAD_BEEF) == "deadbeef")
    }
}
