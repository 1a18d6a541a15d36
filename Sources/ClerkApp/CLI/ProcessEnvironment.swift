import Foundation

/// The process's environment, read here and nowhere else in clerk: the program's edge
/// hands what it needs (the archive folder, TERM and the locale, PATH for a PDF renderer,
/// HOME, the rescue places) to the code that uses it, and tests hand in their own.
public enum ProcessEnvironment {
    public static var current: [String: String] { ProcessInfo.processInfo.environment }
}
