import DescentCore
import DescentSyntax
import Foundation

/// Gathers lines into entries, runs them, and keeps what `:save` and the exit status need.
final class REPLLoop {
    let session: Session
    let input: REPLInput
    let interrupts: REPLInterrupts
    let progressLine: REPLProgressLine
    var transcript = REPLTranscript()
    /// On plain input, any failed entry makes the exit status 1.
    var anyInputFailed = false

    /// The exit status after Ctrl-C stopped an input read from a pipe or file.
    private static let interruptedStatus: Int32 = 130

    init(session: Session, input: REPLInput, interrupts: REPLInterrupts, progressLine: REPLProgressLine) {
        self.session = session
        self.input = input
        self.interrupts = interrupts
        self.progressLine = progressLine
    }

    /// Runs entries until `:quit` or end of input; returns the exit status.
    func run() -> Int32 {
        var lines: [String] = []
        var firstLine = 1
        while true {
            switch input.readLine(earlierLines: lines) {
            case .endOfInput:
                return finish(unfinished: lines, firstLine: firstLine)
            case .interrupted:
                lines = []
            case .line(let line):
                if lines.isEmpty {
                    let trimmed = line.trimmingWhitespace
                    if trimmed.isEmpty { continue }
                    if trimmed.hasPrefix(":") {
                        input.remember(trimmed)
                        if perform(trimmed) == .quit { return exitStatus }
                        continue
                    }
                    firstLine = input.lineNumber
                }
                lines.append(line)
                guard isComplete(lines) else { continue }
                let entry = Self.dropTrailingBlankLines(lines).joined(separator: "\n")
                lines = []
                input.remember(entry)
                if evaluate(entry, firstLine: firstLine) == .interrupted, !input.isInteractive {
                    return Self.interruptedStatus
                }
            }
        }
    }

    /// 0, or 1 when an entry read from a pipe or file failed.
    var exitStatus: Int32 {
        !input.isInteractive && anyInputFailed ? 1 : 0
    }

    /// How running one entry went.
    enum Outcome {
        case succeeded, failed, interrupted
    }

    /// Runs an entry (or a loaded file) in the session, reports its errors and keeps it
    /// for `:save` if it succeeded.
    @discardableResult
    func evaluate(_ entry: String, firstLine: Int) -> Outcome {
        // On plain input, padding with newlines makes diagnostics name the line of stdin.
        let text = input.isInteractive ? entry : String(repeating: "\n", count: max(0, firstLine - 1)) + entry
        let source = SourceFile(name: input.isInteractive ? "<input>" : "<stdin>", text: text)
        return run(source, keeping: entry, echo: true)
    }

    /// Runs `source` with Ctrl-C armed; `entry` is what `:save` replays.
    func run(_ source: SourceFile, keeping entry: String, echo: Bool) -> Outcome {
        interrupts.clear()
        let diagnostics = session.run(source, echo: echo)
        let interrupted = session.cancellation.isCancelled
        interrupts.clear()
        progressLine.clear()
        if interrupted { eraseEchoedInterrupt() }
        Terminal.reportErrors(diagnostics)
        if interrupted {
            transcript.recordInterrupted(entry)
            return .interrupted
        }
        if diagnostics.isEmpty {
            transcript.record(entry)
            return .succeeded
        }
        anyInputFailed = true
        return .failed
    }

    /// Reports a problem that is not a diagnostic (a meta-command's).
    func reportError(_ message: String) {
        Terminal.writeError("error: \(message)\n")
        anyInputFailed = true
    }

    /// An entry ends when its brackets close; on a terminal a blank line also ends it,
    /// so a learner stuck on `...` can always get out (the error shows what is open).
    private func isComplete(_ lines: [String]) -> Bool {
        if input.isInteractive, lines.count > 1, lines.last?.trimmingWhitespace.isEmpty == true { return true }
        return !InputCompleteness.needsMoreInput(lines.joined(separator: "\n"))
    }

    /// End of input: a plain entry left open still runs (its error says what is missing);
    /// on a terminal Ctrl-D leaves, keeping a half-typed entry in the history.
    private func finish(unfinished lines: [String], firstLine: Int) -> Int32 {
        if !lines.isEmpty {
            let entry = Self.dropTrailingBlankLines(lines).joined(separator: "\n")
            input.remember(entry)
            if !input.isInteractive { evaluate(entry, firstLine: firstLine) }
        }
        if input.isInteractive { Terminal.writeOutput("\n") }
        return exitStatus
    }

    /// The terminal echoes `^C` where the output stopped; the error about to be printed
    /// says it better, from the start of the line.
    private func eraseEchoedInterrupt() {
        if input.isInteractive && Terminal.standardErrorIsTerminal { Terminal.writeError("\r\u{1B}[2K") }
    }

    private static func dropTrailingBlankLines(_ lines: [String]) -> [String] {
        var kept = lines
        while kept.count > 1, kept.last?.trimmingWhitespace.isEmpty == true { kept.removeLast() }
        return kept
    }
}
