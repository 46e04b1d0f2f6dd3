import Foundation
import Testing

/// The `descent` binary running on a pseudo-terminal, typed at like a person would.
///
/// The child gets a new session whose controlling terminal is the pty, so a typed
/// Ctrl-C (`\u{03}`) reaches it as SIGINT through the terminal driver, as it does for
/// a learner.
final class PseudoTerminal {
    private let master: Int32
    private let child: pid_t
    /// Everything the child wrote, escape sequences removed.
    private(set) var transcript = ""
    /// Where `waitFor` looks next (a UTF-8 offset): text before it was already matched.
    private var searchOffset = 0
    private var exitStatus: Int32?

    /// Starts `descent` with `arguments` and exactly `environment`.
    init(arguments: [String] = ["--quiet"], environment: [String: String]) throws {
        let (master, slave) = try Self.openTerminalPair()
        self.master = master
        defer { close(slave) }
        // ttyname_r, not ttyname: tests run in parallel, and ttyname's one static buffer
        // could hand this terminal another test's name, leaving this one with no reader.
        var slaveName = [CChar](repeating: 0, count: 256)
        guard ttyname_r(slave, &slaveName, slaveName.count) == 0 else { throw DriverError("the pseudo-terminal has no name") }
        for descriptor in [master, slave] { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        _ = fcntl(master, F_SETFL, fcntl(master, F_GETFL) | O_NONBLOCK)
        child = try Self.spawn(
            DescentBinary.path, arguments: arguments, environment: environment,
            terminal: String(decoding: slaveName.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self))
    }

    deinit {
        if exitStatus == nil {
            kill(child, SIGKILL)
            var status: Int32 = 0
            waitpid(child, &status, 0)
        }
        close(master)
    }

    /// Types `text` (use `\r` for Return, `\t` for Tab, `\u{03}` for Ctrl-C, `\u{04}` for Ctrl-D).
    func type(_ text: String) {
        let bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes[offset...].withUnsafeBytes { write(master, $0.baseAddress, $0.count) }
            if written > 0 { offset += written } else { usleep(10_000) }
        }
    }

    /// Waits until the output after the last match contains `pattern`; returns the text up
    /// to and including it. Fails the test after `timeout` seconds.
    @discardableResult
    func waitFor(_ pattern: String, timeout: Double = 10, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let deadline = Date().addingTimeInterval(timeout)
        while true {
            let unmatched = String(decoding: transcript.utf8.dropFirst(searchOffset), as: UTF8.self)
            if let found = unmatched.range(of: pattern) {
                let text = String(unmatched[..<found.upperBound])
                searchOffset += text.utf8.count
                return text
            }
            guard Date() < deadline, readAvailable(waitingUpTo: 0.1) else {
                Issue.record("timed out waiting for \(pattern.debugDescription); the terminal showed after the last match:\n\(unmatched)", sourceLocation: sourceLocation)
                return ""
            }
        }
    }

    /// Types `line` and Return, then waits for the next prompt at the start of a line
    /// (readline also redraws the prompt within a line, e.g. when recalling history);
    /// returns what was shown in between: the echo of the line, its output and errors.
    @discardableResult
    func enter(_ line: String, prompt: String = REPLTerminalTests.prompt, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        type(line + "\r")
        return waitFor("\n" + prompt, sourceLocation: sourceLocation)
    }

    /// Waits for the child to exit and returns its status (nil if it did not within `timeout`).
    func waitForExit(timeout: Double = 10) -> Int32? {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            _ = readAvailable(waitingUpTo: 0.05)
            var status: Int32 = 0
            if waitpid(child, &status, WNOHANG) == child {
                exitStatus = (status & 0x7f) == 0 ? (status >> 8) & 0xff : 128 + (status & 0x7f)
                _ = readAvailable(waitingUpTo: 0.05)
                return exitStatus
            }
        }
        return nil
    }

    /// Reads whatever arrives within `seconds`; false once the child has closed the terminal.
    private func readAvailable(waitingUpTo seconds: Double) -> Bool {
        var descriptor = pollfd(fd: master, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, Int32(seconds * 1000)) >= 0 else { return true }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var bytes: [UInt8] = []
        while true {
            let count = read(master, &buffer, buffer.count)
            if count > 0 {
                bytes += buffer[0..<count]
                continue
            }
            if count < 0 && errno == EAGAIN { break }
            if !bytes.isEmpty { transcript += TerminalText.plain(bytes) }
            return false
        }
        transcript += TerminalText.plain(bytes)
        return true
    }

    /// glibc's `POSIX_SPAWN_SETSID` (`<spawn.h>` defines it only under `_GNU_SOURCE`).
    private static let spawnNewSession: Int32 = 0x80

    private typealias OpenPseudoTerminal = @convention(c) (
        UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<Int32>?, UnsafeMutablePointer<CChar>?, UnsafeRawPointer?, UnsafeRawPointer?
    ) -> Int32

    /// A master and slave pair 50 rows by 200 columns. Swift's Glibc module leaves out
    /// `<pty.h>` (and hides `posix_openpt` behind `_XOPEN_SOURCE`), so `openpty` is looked
    /// up by name: in libc since glibc 2.34, in libutil before.
    private static func openTerminalPair() throws -> (master: Int32, slave: Int32) {
        let symbol = dlsym(nil, "openpty") ?? dlopen("libutil.so.1", RTLD_NOW).flatMap { dlsym($0, "openpty") }
        guard let symbol else { throw DriverError("openpty is not available") }
        let openPseudoTerminal = unsafeBitCast(symbol, to: OpenPseudoTerminal.self)
        var master: Int32 = -1
        var slave: Int32 = -1
        var size = winsize(ws_row: 50, ws_col: 200, ws_xpixel: 0, ws_ypixel: 0)
        guard openPseudoTerminal(&master, &slave, nil, nil, &size) == 0 else {
            throw DriverError("cannot open a pseudo-terminal: \(String(cString: strerror(errno)))")
        }
        return (master, slave)
    }

    private static func spawn(_ path: String, arguments: [String], environment: [String: String], terminal: String) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        var attributes = posix_spawnattr_t()
        posix_spawn_file_actions_init(&actions)
        posix_spawnattr_init(&attributes)
        defer {
            posix_spawn_file_actions_destroy(&actions)
            posix_spawnattr_destroy(&attributes)
        }
        // A new session: opening the terminal then makes it the controlling terminal.
        posix_spawnattr_setflags(&attributes, Int16(Self.spawnNewSession | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        var allSignals = sigset_t()
        sigfillset(&allSignals)
        posix_spawnattr_setsigdefault(&attributes, &allSignals)
        var noSignals = sigset_t()
        sigemptyset(&noSignals)
        posix_spawnattr_setsigmask(&attributes, &noSignals)
        posix_spawn_file_actions_addopen(&actions, 0, terminal, O_RDWR, 0)
        posix_spawn_file_actions_adddup2(&actions, 0, 1)
        posix_spawn_file_actions_adddup2(&actions, 0, 2)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, path, &actions, &attributes, argv, envp)
        guard status == 0 else { throw DriverError("cannot start \(path): \(String(cString: strerror(status)))") }
        return pid
    }
}

/// Terminal output as text: escape sequences (cursor moves, bracketed paste, colours) and
/// carriage returns removed.
enum TerminalText {
    static func plain(_ bytes: [UInt8]) -> String {
        var kept: [UInt8] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == 0x1B {
                index = endOfEscape(bytes, from: index)
                continue
            }
            if byte != 0x0D && byte != 0x07 && byte != 0x08 { kept.append(byte) }
            index += 1
        }
        return String(decoding: kept, as: UTF8.self)
    }

    /// The index after the escape sequence starting at `start`.
    private static func endOfEscape(_ bytes: [UInt8], from start: Int) -> Int {
        var index = start + 1
        guard index < bytes.count else { return index }
        switch bytes[index] {
        case UInt8(ascii: "["):
            index += 1
            while index < bytes.count, !(0x40...0x7E).contains(bytes[index]) { index += 1 }
            return index + 1
        case UInt8(ascii: "]"):
            while index < bytes.count, bytes[index] != 0x07 { index += 1 }
            return index + 1
        default:
            return index + 1
        }
    }
}

struct DriverError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
