/// The bindings written in keys.toml, read from the small part of TOML the file needs:
///
/// ```toml
/// # comments
/// [keys]
/// "pane.next" = ["Tab", "C-n"]
/// "app.quit" = "q"
/// move.down = [
///     "j", "Down",   # arrays may span lines
/// ]
/// ```
///
/// Ids may be quoted or bare; strings may be "basic" (with \" and \\ escapes) or
/// 'literal'. Nothing is checked here beyond syntax: ids and key names are checked by
/// `Keymap`. A line that cannot be read is reported and skipped; the rest still counts.
struct KeysFile {
    struct Entry: Equatable {
        var id: String
        var keys: [String]
        var line: Int
    }

    var entries: [Entry] = []
    var problems: [String] = []

    static let fileName = "keys.toml"
    static let example = #""action.id" = ["key", "key"]"#

    static func parse(_ text: String) -> KeysFile {
        var parser = Parser(Array(text))
        return parser.run()
    }

    private struct SyntaxError: Error {
        var line: Int
        var reason: String
        /// The parser has already moved to where reading should go on.
        var resumeHere = false
    }

    private struct Parser {
        let chars: [Character]
        var i = 0
        var line = 1
        var result = KeysFile()
        /// nil before any table line; true inside [keys].
        var inKeys: Bool?
        var firstLine: [String: Int] = [:]

        init(_ chars: [Character]) { self.chars = chars }

        var atEnd: Bool { i >= chars.count }
        var current: Character? { atEnd ? nil : chars[i] }

        mutating func run() -> KeysFile {
            while !atEnd {
                skipBlank(newlines: true)
                guard !atEnd else { break }
                do {
                    try statement()
                } catch {
                    result.problems.append(
                        "bad syntax on line \(error.line) of \(KeysFile.fileName): \(error.reason); write \(KeysFile.example)")
                    if !error.resumeHere { skipRestOfLine() }
                }
            }
            return result
        }

        mutating func statement() throws(SyntaxError) {
            let start = line
            if current == "[" {
                i += 1
                skipBlank(newlines: false)
                let name = try bareOrQuoted()
                skipBlank(newlines: false)
                guard current == "]" else { throw SyntaxError(line: line, reason: "expected ']'") }
                i += 1
                try endOfLine()
                if name == "keys" {
                    inKeys = true
                } else {
                    inKeys = false
                    result.problems.append(
                        "unknown table [\(name)] on line \(start) of \(KeysFile.fileName): only [keys] is read")
                }
                return
            }
            let id = try bareOrQuoted()
            skipBlank(newlines: false)
            guard current == "=" else { throw SyntaxError(line: line, reason: "expected '=' after \"\(id)\"") }
            i += 1
            skipBlank(newlines: false)
            let keys: [String]
            if current == "[" {
                keys = try array()
            } else if current == "\"" || current == "'" {
                keys = [try string()]
            } else {
                throw SyntaxError(line: line, reason: "expected a key name in quotes or a [list] of them")
            }
            try endOfLine()
            switch inKeys {
            case nil:
                result.problems.append(
                    "binding outside [keys] on line \(start) of \(KeysFile.fileName): put a [keys] line above it")
            case false?:
                break  // already reported at the table line
            case true?:
                if let first = firstLine[id] {
                    result.problems.append(
                        "action \(id) is set twice, on lines \(first) and \(start) of \(KeysFile.fileName): line \(start) is ignored")
                } else {
                    firstLine[id] = start
                    result.entries.append(Entry(id: id, keys: keys, line: start))
                }
            }
        }

        mutating func array() throws(SyntaxError) -> [String] {
            let start = line
            i += 1  // [
            var items: [String] = []
            while true {
                skipBlank(newlines: true)
                if current == "]" { i += 1; return items }
                if current == "\"" || current == "'" {
                    items.append(try string())
                    skipBlank(newlines: true)
                    if current == "," { i += 1; continue }
                    if current == "]" { i += 1; return items }
                }
                // A list left open runs into the lines after it: report it on its own line
                // and read on from the line where it went wrong, which is likely a binding.
                if line > start {
                    while i > 0, chars[i - 1] != "\n", chars[i - 1] != "\r\n" { i -= 1 }
                    throw SyntaxError(line: start, reason: "the list is not closed with ']'", resumeHere: true)
                }
                throw SyntaxError(line: line, reason: atEnd ? "the list is not closed with ']'" : "expected ',' or ']' in the list")
            }
        }

        mutating func bareOrQuoted() throws(SyntaxError) -> String {
            if current == "\"" || current == "'" { return try string() }
            var s = ""
            while let c = current, c.isASCII, c.isLetter || c.isNumber || c == "_" || c == "-" || c == "." {
                s.append(c)
                i += 1
            }
            guard !s.isEmpty else { throw SyntaxError(line: line, reason: "expected an action id") }
            return s
        }

        mutating func string() throws(SyntaxError) -> String {
            let quote = chars[i]
            i += 1
            var s = ""
            while let c = current {
                if c == "\n" || c == "\r\n" { break }
                i += 1
                if c == quote { return s }
                if c == "\\", quote == "\"" {
                    guard let e = current else { break }
                    i += 1
                    switch e {
                    case "\\": s.append("\\")
                    case "\"": s.append("\"")
                    case "t": s.append("\t")
                    default: throw SyntaxError(line: line, reason: "unknown escape '\\\(e)'")
                    }
                } else {
                    s.append(c)
                }
            }
            throw SyntaxError(line: line, reason: "the string is not closed with \(quote)")
        }

        /// Spaces and comments; newlines too when `newlines`.
        mutating func skipBlank(newlines: Bool) {
            while let c = current {
                if c == " " || c == "\t" {
                    i += 1
                } else if c == "#" {
                    while let d = current, d != "\n", d != "\r\n" { i += 1 }
                } else if newlines, c == "\n" || c == "\r\n" {
                    i += 1
                    line += 1
                } else {
                    return
                }
            }
        }

        mutating func endOfLine() throws(SyntaxError) {
            skipBlank(newlines: false)
            guard let c = current else { return }
            guard c == "\n" || c == "\r\n" else {
                throw SyntaxError(line: line, reason: "unexpected '\(c)' after the value")
            }
        }

        mutating func skipRestOfLine() {
            while let c = current, c != "\n", c != "\r\n" { i += 1 }
        }
    }
}
