import Foundation
@testable import ClerkCore

/// Test helpers: dates from ISO text, and JSON round trips.
func day(_ iso: String, sourceLocation: SourceLocation = #_sourceLocation) -> CalendarDate {
    guard let d = CalendarDate(iso: iso) else {
        Issue.record("bad test date \(iso)", sourceLocation: sourceLocation)
        return CalendarDate(dayNumber: 0)
    }
    return d
}

func json<T: Encodable>(_ value: T) throws -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    return String(decoding: try encoder.encode(value), as: UTF8.self)
}

func roundTrip<T: Codable & Equatable>(_ value: T) throws -> Bool {
    let data = try JSONEncoder().encode(value)
    return try JSONDecoder().decode(T.self, from: data) == value
}

import Testing
