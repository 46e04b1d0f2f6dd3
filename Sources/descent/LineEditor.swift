import CReadline
import Foundation

/// What one prompt produced.
enum LineRead: Equatable {
    /// A line the user accepted with Return (without its newline).
    case line(String)
    /// Ctrl-C: the line was abandoned.
    case interrupted
    /// Ctrl-D on an empty line, or the terminal went away.
    case endOfInput
}

/// GNU readline, in its callback mode: the REPL waits in `poll` on both the terminal and
/// the Ctrl-C pipe, so an interrupt abandons the line at once instead of waiting for
/// readline to notice (readline's own signal handling is turned off).
final class LineEditor {
    private let interrupts: REPLInterrupts

    init(interrupts: REPLInterrupts, completer: Completer) {
        self.interrupts = interrupts
        descent_rl_configure(LineEditorState.permanentCString("descent"))
        _ = rl_variable_bind("revert-all-at-newline", "on")
        LineEditorState.completer = completer
        LineEditor.installCompletion()
    }

    /// Shows `prompt` and edits one line until Return, Ctrl-C or Ctrl-D.
    func read(prompt: String) -> LineRead {
        interrupts.clear()
        LineEditorState.finishedLine = nil
        rl_callback_handler_install(prompt) { line in LineEditorState.accept(line) }
        while true {
            var descriptors = [
                pollfd(fd: STDIN_FILENO, events: Int16(POLLIN), revents: 0),
                pollfd(fd: interrupts.wakeDescriptor, events: Int16(POLLIN), revents: 0),
            ]
            if poll(&descriptors, 2, -1) < 0 {
                if errno == EINTR { continue }
                rl_callback_handler_remove()
                return .endOfInput
            }
            if descriptors[1].revents != 0, interrupts.clear() {
                abandonLine()
                return .interrupted
            }
            if descriptors[0].revents != 0 {
                rl_callback_read_char()
                if let finished = LineEditorState.finishedLine {
                    return finished.map(LineRead.line) ?? .endOfInput
                }
            }
        }
    }

    /// Adds an entry to the in-memory history (Up arrow, Ctrl-R).
    func remember(_ entry: String) {
        add_history(entry)
    }

    /// Every entry in the in-memory history, oldest first.
    var history: [String] {
        guard let list = history_list() else { return [] }
        var entries: [String] = []
        var index = 0
        while let entry = list[index] {
            if let text = entry.pointee.line { entries.append(String(cString: text)) }
            index += 1
        }
        return entries
    }

    /// Throws away the half-typed line and gives the terminal back, in the order
    /// readline's own SIGINT handler uses: `^C` is echoed where the cursor is, and the
    /// next prompt starts on a fresh line.
    private func abandonLine() {
        rl_free_line_state()
        rl_callback_sigcleanup()
        rl_echo_signal_char(SIGINT)
        rl_cleanup_after_signal()
        rl_callback_handler_remove()
        rl_replace_line("", 1)
        using_history()
        Terminal.writeOutput("\n")
    }
}

/// Readline calls back through C function pointers that cannot capture context, and
/// readline is one per process anyway: this is where those callbacks find the REPL.
enum LineEditorState {
    /// Set by the line handler: the accepted line, or `.some(nil)` at end of input.
    nonisolated(unsafe) static var finishedLine: String??
    /// Answers Tab.
    nonisolated(unsafe) static var completer: Completer?
    /// Readline's word-break strings, which it keeps and may hand back to us.
    nonisolated(unsafe) static var codeWordBreaks: UnsafeMutablePointer<CChar>?
    nonisolated(unsafe) static var pathWordBreaks: UnsafeMutablePointer<CChar>?
    /// The lines of an unfinished entry before the current one, so Tab sees the whole call.
    nonisolated(unsafe) static var earlierLines: String?

    static func accept(_ line: UnsafeMutablePointer<CChar>?) {
        // Removing the handler here stops readline from redrawing the prompt while the
        // input runs, and gives the terminal back its normal settings.
        rl_callback_handler_remove()
        finishedLine = .some(line.map { String(cString: $0) })
        free(line)
    }

    /// A C string readline may keep forever.
    static func permanentCString(_ text: String) -> UnsafePointer<CChar>? {
        UnsafePointer(strdup(text))
    }

    /// A mutable C string readline may keep forever (for hooks typed `char *`).
    static func permanentMutableCString(_ text: String) -> UnsafeMutablePointer<CChar>? {
        strdup(text)
    }
}
