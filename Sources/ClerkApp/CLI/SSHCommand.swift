import ArgumentParser

/// What a reader may ask for under `ForceCommand clerk --ssh …`: the command they typed
/// after the host name (OpenSSH hands it over in SSH_ORIGINAL_COMMAND) is never run by a
/// shell; clerk reads it itself and allows only `export …` and `actions …` written to
/// standard output. Anything else is refused in one line.
enum SSHCommand {
    static let allowed: Set<String> = ["export", "actions"]
    /// Options the reader may not give: where to write, which archive, and anything that
    /// is the host's to set.
    static let forbidden: Set<String> = ["--output", "--data", "--force", "--today", "--theme", "--read-only", "--ssh", "--crash-for-test"]

    static let usage = "over SSH only 'clerk export …' and 'clerk actions …', written to your terminal, are allowed"

    /// The words of the asked command, or why it is refused. Words are split at spaces;
    /// single or double quotes keep a name with spaces together; every character a shell
    /// would act on is refused, as is any path.
    static func words(_ asked: String) throws -> [String] {
        var words: [String] = []
        var current = ""
        var quote: Character?
        var inWord = false
        for c in asked {
            if let q = quote {
                if c == q { quote = nil } else if isPlain(c) || c == " " { current.append(c) } else { throw refusal(c) }
                continue
            }
            switch c {
            case " ", "\t":
                if inWord { words.append(current); current = ""; inWord = false }
            case "'", "\"":
                quote = c
                inWord = true
            default:
                guard isPlain(c) else { throw refusal(c) }
                current.append(c)
                inWord = true
            }
        }
        guard quote == nil else { throw ValidationError("\(usage); a quote is not closed") }
        if inWord { words.append(current) }
        return words
    }

    private static func isPlain(_ c: Character) -> Bool {
        c.isLetter || c.isNumber || "-_.,:=+@".contains(c)
    }

    private static func refusal(_ c: Character) -> ValidationError {
        let shown = c.unicodeScalars.allSatisfy { $0.value >= 0x21 && $0.value < 0x7F } ? "'\(c)'" : "U+\(String(c.unicodeScalars.first!.value, radix: 16, uppercase: true))"
        return ValidationError("\(usage); \(shown) is not taken (no shell runs here, and no path may be given)")
    }

    /// The arguments clerk runs for the asked command: the subcommand and the reader's
    /// words, then the archive and read-only from the host's command line.
    static func arguments(_ asked: String, data: String, today: String?) throws -> [String] {
        var words = try words(asked)
        if words.first == "clerk" { words.removeFirst() }
        guard let verb = words.first else { throw ValidationError("\(usage); nothing was asked") }
        guard allowed.contains(verb) else { throw ValidationError("\(usage); '\(verb)' is not") }
        for word in words.dropFirst() {
            let name = String(word.split(separator: "=", maxSplits: 1).first ?? "")
            if forbidden.contains(name) || (word.hasPrefix("-") && !word.hasPrefix("--") && word != "-h") {
                throw ValidationError("\(usage); \(name) is not (exports go to your terminal: redirect them on your side)")
            }
            if name == "--format", word.hasSuffix("pdf") { throw ValidationError("\(usage); pdf is not (it needs another program)") }
        }
        if words.count > 1, let i = words.firstIndex(of: "--format"), i + 1 < words.count, words[i + 1] == "pdf" {
            throw ValidationError("\(usage); pdf is not (it needs another program)")
        }
        return words + ["--data", data, "--read-only"] + (today.map { ["--today", $0] } ?? [])
    }
}
