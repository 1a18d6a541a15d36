/// A rule or parse failure, worded for the person at the keyboard.
///
/// `message` is always one line: what was wrong, and what to do or type instead.
public struct RuleError: Error, Equatable, Hashable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }

    public init(message: String) {
        self.message = message
    }

    public var description: String { message }
}
