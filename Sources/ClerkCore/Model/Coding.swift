// Readable JSON for the enums with payloads, because administrators read the journal
// with jq: {"person":"peter-graves"} rather than {"person":{"_0":"peter-graves"}}.

extension Owner {
    private enum Keys: String, CodingKey { case person, organisation, post }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        if let p = try c.decodeIfPresent(String.self, forKey: .person) {
            self = .person(p)
        } else if let o = try c.decodeIfPresent(String.self, forKey: .organisation) {
            self = .organisation(o)
        } else if let post = try c.decodeIfPresent(String.self, forKey: .post) {
            self = .post(post)
        } else {
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "owner needs 'person', 'organisation' or 'post'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .person(let p): try c.encode(p, forKey: .person)
        case .organisation(let o): try c.encode(o, forKey: .organisation)
        case .post(let post): try c.encode(post, forKey: .post)
        }
    }
}

extension Presence {
    private enum Keys: String, CodingKey { case status, deputyFor, confirmedException }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: Keys.self)
        let status = try c.decode(String.self, forKey: .status)
        switch status {
        case "present": self = .present
        case "apologies": self = .apologies
        case "absent": self = .absent
        case "in-attendance": self = .inAttendance
        case "deputy":
            self = .deputy(for: try c.decode(String.self, forKey: .deputyFor),
                           confirmedException: try c.decodeIfPresent(Bool.self, forKey: .confirmedException) ?? false)
        default:
            throw DecodingError.dataCorrupted(.init(codingPath: c.codingPath, debugDescription: "unknown attendance status '\(status)'"))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch self {
        case .present: try c.encode("present", forKey: .status)
        case .apologies: try c.encode("apologies", forKey: .status)
        case .absent: try c.encode("absent", forKey: .status)
        case .inAttendance: try c.encode("in-attendance", forKey: .status)
        case .deputy(let member, let confirmed):
            try c.encode("deputy", forKey: .status)
            try c.encode(member, forKey: .deputyFor)
            if confirmed { try c.encode(true, forKey: .confirmedException) }
        }
    }
}
