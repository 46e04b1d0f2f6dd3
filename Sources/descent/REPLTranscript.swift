import DescentCore
import Foundation

/// The inputs that succeeded, in order: what `:save` writes so that running the file
/// rebuilds the session.
struct REPLTranscript {
    private var entries: [String] = []

    /// Keeps an input that ran without error.
    mutating func record(_ entry: String) {
        entries.append(entry)
    }

    /// Notes an input that Ctrl-C stopped: it changed the session, but running it again
    /// would not stop at the same place, so it is kept as a comment.
    mutating func recordInterrupted(_ entry: String) {
        let commented = entry.split(separator: "\n", omittingEmptySubsequences: false).map { "# " + $0 }
        entries.append("# interrupted with Ctrl-C, so not replayed:\n" + commented.joined(separator: "\n"))
    }

    /// Forgets everything (`:reset`).
    mutating func clear() {
        entries = []
    }

    /// The script `:save` writes.
    var script: String {
        let header = "# A Descent session saved from the REPL (descent \(DescentVersion.current)). Run it with: descent FILE\n"
        return header + entries.map { $0 + "\n" }.joined()
    }
}

/// Writes a file so that it is either wholly there or not changed at all: the text goes
/// to a temporary file in the same directory, which is then renamed over the target.
enum AtomicFileWriter {
    /// Why a write failed, in words for the user.
    struct Failure: Error {
        let reason: String
    }

    static func write(_ text: String, to path: String) throws(Failure) {
        let directory = (path as NSString).deletingLastPathComponent
        let temporary = (directory.isEmpty ? "." : directory) + "/.\((path as NSString).lastPathComponent).\(getpid()).tmp"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw Failure(reason: describe(errno, directory: directory)) }
        let written = writeAll(Array(text.utf8), to: descriptor) && fsync(descriptor) == 0
        let writeError = errno
        close(descriptor)
        guard written else {
            unlink(temporary)
            throw Failure(reason: String(cString: strerror(writeError)))
        }
        guard rename(temporary, path) == 0 else {
            let renameError = errno
            unlink(temporary)
            throw Failure(reason: describe(renameError, directory: directory))
        }
    }

    private static func writeAll(_ bytes: [UInt8], to descriptor: Int32) -> Bool {
        var offset = 0
        while offset < bytes.count {
            let count = bytes[offset...].withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return false
            }
            offset += count
        }
        return true
    }

    private static func describe(_ code: Int32, directory: String) -> String {
        switch code {
        case ENOENT: "no such directory '\(directory.isEmpty ? "." : directory)'"
        case EISDIR: "it is a directory"
        case EACCES: "permission denied"
        default: String(cString: strerror(code))
        }
    }
}
