import DescentCore
import Foundation

/// The read-eval-print loop, on a terminal (readline, history, completion, Ctrl-C) or on
/// plain standard input (no prompts, errors to stderr, so `descent < script` works).
struct REPL {
    let limits: RuntimeLimits
    let quiet: Bool

    /// Reads inputs until `:quit` or end of input; returns the exit status.
    func run() -> Int32 {
        let progressLine = REPLProgressLine()
        let session = Session(limits: limits) { text in
            progressLine.clear()
            Terminal.writeOutput(text)
        }
        let interrupts = REPLInterrupts(cancellation: session.cancellation)
        let input: REPLInput
        if Terminal.standardInputIsTerminal {
            session.progress = progressLine.update
            let editor = LineEditor(interrupts: interrupts, completer: Completer(session: session))
            input = TerminalInput(editor: editor, historyFile: HistoryFile())
            if !quiet {
                Terminal.writeOutput("Descent \(DescentVersion.current). Type :help for help, Ctrl-D to quit.\n")
            }
        } else {
            input = PlainInput()
        }
        return REPLLoop(session: session, input: input, interrupts: interrupts, progressLine: progressLine).run()
    }
}
