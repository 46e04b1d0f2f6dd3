import CReadline
import Foundation

/// The REPL's history on disk: `~/.descent_history`, or the path in `DESCENT_HISTORY`
/// (empty: no history file).
///
/// Entries are appended one at a time (`append_history`) and the file is trimmed to
/// `capacity` lines (`history_truncate_file`), both under an exclusive `flock`, so two
/// sessions at once interleave whole entries and never rewrite each other's. Entries
/// carry timestamps, which is how readline keeps a multi-line entry together.
final class HistoryFile {
    /// The most lines the file keeps.
    static let capacity: Int32 = 1000
    /// `nil` when there is no usable history file.
    private(set) var path: String?

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        if let chosen = environment["DESCENT_HISTORY"] {
            path = chosen.isEmpty ? nil : (chosen as NSString).expandingTildeInPath
        } else if let home = environment["HOME"], !home.isEmpty {
            path = home + "/.descent_history"
        } else {
            path = nil
        }
    }

    /// Reads the file into readline's history; a missing file is an empty history.
    func load() {
        descent_history_configure()
        stifle_history(Self.capacity)
        guard let path else { return }
        let status = read_history(path)
        if status != 0 && status != ENOENT {
            giveUp("cannot read history from \(path): \(String(cString: strerror(status)))")
        }
        dropHeadlessEntries()
    }

    /// Appends the newest in-memory entry to the file, then trims the file.
    func appendNewestEntry() {
        guard let path else { return }
        guard let lock = lockFile(at: path) else { return }
        defer {
            flock(lock, LOCK_UN)
            close(lock)
        }
        let status = append_history(1, path)
        if status != 0 {
            giveUp("cannot write history to \(path): \(String(cString: strerror(status)))")
            return
        }
        _ = history_truncate_file(path, Self.capacity)
    }

    /// Opens and locks the history file itself. Trimming replaces the file by renaming a
    /// new one over it, so after waiting for the lock, check the locked file is still the
    /// one at `path`; if not, lock the new one.
    private func lockFile(at path: String) -> Int32? {
        for _ in 0..<10 {
            let descriptor = open(path, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0o600)
            guard descriptor >= 0 else {
                giveUp("cannot write history to \(path): \(String(cString: strerror(errno)))")
                return nil
            }
            var locked = stat()
            var current = stat()
            if flock(descriptor, LOCK_EX) == 0, fstat(descriptor, &locked) == 0, stat(path, &current) == 0,
               locked.st_ino == current.st_ino, locked.st_dev == current.st_dev {
                return descriptor
            }
            close(descriptor)
        }
        giveUp("cannot lock the history file \(path)")
        return nil
    }

    /// Trimming counts lines, so it can cut a multi-line entry and leave its tail at the
    /// top of the file without a timestamp; such lines are not whole entries.
    private func dropHeadlessEntries() {
        var hasTimestamps = false
        for offset in 0..<descent_history_length() where history_get_time(history_get(descent_history_base() + offset)) != 0 {
            hasTimestamps = true
            break
        }
        guard hasTimestamps else { return }
        while descent_history_length() > 0, let first = history_get(descent_history_base()), history_get_time(first) == 0 {
            if let removed = remove_history(0) { _ = free_history_entry(removed) }
        }
    }

    /// Warns once and stops using the file; the session carries on without it.
    private func giveUp(_ message: String) {
        Terminal.writeError("descent: warning: \(message); history will not be saved\n")
        path = nil
    }
}
