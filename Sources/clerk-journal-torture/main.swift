// clerk-journal-torture: appends records to one journal segment in a loop, for crash and
// concurrency tests.
//
//     clerk-journal-torture SEGMENT [--writer NAME] [--count N]
//
// Each append carries 1–3 records whose payload is {"writer":NAME,"n":K,"pad":"…"}. Every
// sequence number is written to stdout (one per line, unbuffered) only after `append`
// returned, i.e. after the records are on disk. Without --count it runs until killed.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import ClerkStore

/// Writes all of `text` to file descriptor `fd` (unbuffered, so nothing waits in a buffer).
func emit(_ text: String, to fd: Int32) {
    var bytes = Array(text.utf8)[...]
    while !bytes.isEmpty {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        if n < 0 { if errno == EINTR { continue } else { return } }
        bytes = bytes.dropFirst(n)
    }
}

func usage() -> Never {
    emit("usage: clerk-journal-torture SEGMENT [--writer NAME] [--count N]\n", to: 2)
    exit(2)
}

var args = Array(CommandLine.arguments.dropFirst())
guard let path = args.first, !path.hasPrefix("-") else { usage() }
args.removeFirst()
var writer = "w"
var count = Int.max
while !args.isEmpty {
    let flag = args.removeFirst()
    guard let value = args.first else { usage() }
    args.removeFirst()
    switch flag {
    case "--writer": writer = value
    case "--count":
        guard let c = Int(value) else { usage() }
        count = c
    default: usage()
    }
}

do {
    let segment = try Segment(path: path, mode: .append)
    var n = 0
    var rng = SystemRandomNumberGenerator()
    while n < count {
        let batch = min(Int.random(in: 1...3, using: &rng), count - n)
        var records: [NewRecord] = []
        for _ in 0..<batch {
            n += 1
            let pad = String(repeating: "x", count: Int.random(in: 0...600, using: &rng))
            records.append(NewRecord(
                type: "torture.appended", version: 1, at: "2026-11-23T18:55:00Z",
                json: #"{"writer":"\#(writer)","n":\#(n),"pad":"\#(pad)"}"#))
        }
        let seqs = try segment.append(records)
        var out = ""
        for s in seqs { out += "\(s)\n" }
        emit(out, to: 1)
    }
} catch {
    emit("clerk-journal-torture: \(error)\n", to: 2)
    exit(1)
}
