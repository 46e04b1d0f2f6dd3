import CFuzzerDriver
import DescentCore
import DescentSyntax
import Foundation
import Synchronization

/// Limits small enough that one input runs in milliseconds under the address sanitizer,
/// yet large enough for real training on the golden tests' data.
let fuzzLimits: RuntimeLimits = {
    var limits = RuntimeLimits()
    limits.maxElements = 100_000
    limits.maxCallDepth = 200
    return limits
}()

/// How long one input may run before the session is cancelled as `--timeout` would.
let wallClockLimit: Duration = .milliseconds(500)

/// Cancels the running input's session when it passes `wallClockLimit`. One thread
/// serves the whole run: a timer per input would stay queued after a fast input ended,
/// still holding its session's flag, and libFuzzer would take that memory for a leak
/// often enough to stop checking for leaks.
final class Watchdog: Sendable {
    private let watched = Mutex<(flag: CancellationFlag, deadline: ContinuousClock.Instant)?>(nil)

    init() {
        let thread = Thread { [self] in
            while true {
                Thread.sleep(forTimeInterval: 0.02)
                cancelIfLate()
            }
        }
        thread.start()
    }

    /// Starts the clock for an input run by the session that owns `flag`.
    func watch(_ flag: CancellationFlag) {
        watched.withLock { $0 = (flag, .now + wallClockLimit) }
    }

    /// The input ended: forget its session.
    func stopWatching() {
        watched.withLock { $0 = nil }
    }

    private func cancelIfLate() {
        watched.withLock { entry in
            guard let current = entry, ContinuousClock.now >= current.deadline else { return }
            current.flag.cancelForTimeout()
            entry = nil
        }
    }
}

let watchdog = Watchdog()

/// Plots may be written to files; only bare names, inside `fuzz/run`'s scratch folder.
func writesOutsideWorkingFolder(_ text: String) -> Bool {
    text.lowercased().contains(".svg") && (text.contains("/") || text.contains("\\"))
}

/// Runs one input as a whole program in a fresh session, echoing values as the REPL
/// does, so that lexer, parser, resolver, evaluator, training and formatting all run.
func runOne(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let text = String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
    if writesOutsideWorkingFolder(text) { return 0 }
    let session = Session(limits: fuzzLimits) { _ in }
    watchdog.watch(session.cancellation)
    _ = session.run(SourceFile(name: "fuzz", text: text), echo: true)
    watchdog.stopWatching()
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in runOne(data, size) })
