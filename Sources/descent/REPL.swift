import DescentCore
import DescentSyntax
import Foundation

/// The read-eval-print loop.
struct REPL {
    let limits: RuntimeLimits
    let quiet: Bool

    /// Reads inputs until end of file; returns the exit status.
    func run() -> Int32 {
        let session = Session(limits: limits) { Terminal.writeOutput($0) }
        var pending = ""
        var inputNumber = 0
        while let line = readLine(strippingNewline: true) {
            pending += pending.isEmpty ? line : "\n" + line
            if InputCompleteness.needsMoreInput(pending) { continue }
            inputNumber += 1
            let source = SourceFile(name: "<input \(inputNumber)>", text: pending)
            pending = ""
            Terminal.reportErrors(session.run(source, echo: true))
        }
        return 0
    }
}
