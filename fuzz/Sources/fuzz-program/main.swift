import CFuzzerDriver
import DescentCore
import DescentSyntax
import Foundation

/// Limits small enough that one input runs in milliseconds under the address sanitizer,
/// yet large enough for real training on the golden tests' data.
let fuzzLimits: RuntimeLimits = {
    var limits = RuntimeLimits()
    limits.maxElements = 100_000
    limits.maxCallDepth = 200
    return limits
}()

/// How long one input may run before the session is cancelled as `--timeout` would.
let wallClockLimit: DispatchTimeInterval = .milliseconds(500)

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
    let deadline = DispatchWorkItem { [cancellation = session.cancellation] in cancellation.cancelForTimeout() }
    DispatchQueue.global().asyncAfter(deadline: .now() + wallClockLimit, execute: deadline)
    _ = session.run(SourceFile(name: "fuzz", text: text), echo: true)
    deadline.cancel()
    return 0
}

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in runOne(data, size) })
