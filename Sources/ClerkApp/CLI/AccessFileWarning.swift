import ClerkCore
import Foundation

/// Barring someone in clerk keeps confidential items out of what clerk shows them; it
/// cannot stop an account reading the journal files with `less` where the files'
/// permissions allow it. `clerk access bar` says so when they do.
enum AccessFileWarning {
    /// One warning line for each of `accounts` that may read the archive's meeting files
    /// by their permission bits (owner, group, other; access-control lists aside).
    static func lines(directory: String, accounts: [String], person: String) -> [String] {
        accounts.compactMap { account in
            guard let who = Account(name: account), canReadJournal(directory, who) else { return nil }
            return "warning: the account \(account) can still read the journal files in \(directory) by their permissions: "
                + "barring \(person) keeps confidential items out of clerk, not out of 'less'; "
                + "keep that account out of the archive's group, or move the committee to an archive of its own (docs/ssh.md)"
        }
    }

    struct Account {
        var uid: uid_t
        var groups: Set<gid_t>

        init?(name: String) {
            guard let entry = getpwnam(name) else { return nil }
            uid = entry.pointee.pw_uid
            let gid = entry.pointee.pw_gid
            var count: Int32 = 64
            var list = [gid_t](repeating: 0, count: Int(count))
            if getgrouplist(name, gid, &list, &count) < 0 {
                list = [gid_t](repeating: 0, count: Int(count))
                _ = getgrouplist(name, gid, &list, &count)
            }
            groups = Set(list.prefix(Int(max(count, 0)))).union([gid])
        }
    }

    /// Whether `who` may reach and read the archive segment and the meeting files.
    static func canReadJournal(_ directory: String, _ who: Account) -> Bool {
        let folders = [directory, directory + "/journal", directory + "/journal/meetings"]
        var files = [directory + "/journal/archive.jsonl"]
        let meetings = ((try? FileManager.default.contentsOfDirectory(atPath: directory + "/journal/meetings")) ?? [])
            .filter { $0.hasSuffix(".jsonl") }.sorted()
        files += meetings.prefix(1).map { directory + "/journal/meetings/" + $0 }
        return folders.allSatisfy { allows($0, who, read: false) } && files.allSatisfy { allows($0, who, read: true) }
    }

    /// Read (files) or search (folders) permission for `who`, by the mode bits.
    static func allows(_ path: String, _ who: Account, read: Bool) -> Bool {
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        if who.uid == 0 { return true }
        let bits: mode_t = read ? 0o4 : 0o1
        let mode = mode_t(info.st_mode)
        if info.st_uid == who.uid { return mode & (bits << 6) != 0 }
        if who.groups.contains(info.st_gid) { return mode & (bits << 3) != 0 }
        return mode & bits != 0
    }
}
