import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Tells a reading session at once when another session appends to the archive: an
/// inotify watch on the journal folder and the meetings folder (a folder watch reports
/// changes to every file in it, including a meeting segment created after the watch).
/// It only reads: watching needs read permission and changes nothing on disk.
///
/// Where inotify is unavailable (`init` returns nil) the caller falls back to polling
/// with `ArchiveStore.refresh()` on a timer.
public final class ArchiveWatch: @unchecked Sendable {
    /// The inotify descriptor: readable when something changed.
    public let descriptor: Int32

    static let mask = UInt32(IN_MODIFY) | UInt32(IN_CREATE) | UInt32(IN_MOVED_TO) | UInt32(IN_CLOSE_WRITE)

    public init?(directory: String) {
        let fd = inotify_init1(Int32(IN_NONBLOCK) | Int32(IN_CLOEXEC))
        guard fd >= 0 else { return nil }
        for folder in [directory + "/journal", directory + "/journal/meetings"] {
            guard inotify_add_watch(fd, folder, Self.mask) >= 0 else {
                close(fd)
                return nil
            }
        }
        descriptor = fd
    }

    deinit { close(descriptor) }

    /// Reads and discards the pending notifications; returns whether there were any.
    @discardableResult
    public func drain() -> Bool {
        var buffer = [UInt8](repeating: 0, count: 4096)
        var any = false
        while true {
            let n = read(descriptor, &buffer, buffer.count)
            if n > 0 { any = true; continue }
            if n < 0 && errno == EINTR { continue }
            return any
        }
    }

    /// Waits up to `timeoutMs` for a change to the archive or for input on `input` (the
    /// terminal), whichever comes first. Returns whether the archive changed (its
    /// notifications are drained) and whether input is waiting.
    public func wait(input: Int32?, timeoutMs: Int) -> (changed: Bool, input: Bool) {
        var fds = [pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)]
        if let input { fds.append(pollfd(fd: input, events: Int16(POLLIN), revents: 0)) }
        let ready = poll(&fds, nfds_t(fds.count), Int32(clamping: timeoutMs))
        guard ready > 0 else { return (false, ready < 0) }  // a signal (resize) counts as input
        let changed = fds[0].revents != 0 && drain()
        let typed = fds.count > 1 && fds[1].revents != 0
        return (changed, typed)
    }
}
