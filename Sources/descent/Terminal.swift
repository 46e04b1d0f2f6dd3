import DescentCore
import DescentSyntax
import Foundation

/// The process's standard streams: results to stdout, diagnostics and progress to stderr.
enum Terminal {
    /// Whether standard error is a terminal (progress bars, colour).
    static let standardErrorIsTerminal = isatty(STDERR_FILENO) == 1
    /// Whether standard input is a terminal (REPL line editing, lesson pauses).
    static let standardInputIsTerminal = isatty(STDIN_FILENO) == 1
    /// Whether standard output is a terminal.
    static let standardOutputIsTerminal = isatty(STDOUT_FILENO) == 1
    /// Colour only on a terminal, and never when NO_COLOR is set.
    static let colorAllowed = ProcessInfo.processInfo.environment["NO_COLOR"] == nil

    /// Plots as wide as the terminal (80 columns when unknown), coloured only on a
    /// terminal whose TERM is not "dumb" and when NO_COLOR is unset.
    static var plotSettings: PlotSettings {
        let environment = ProcessInfo.processInfo.environment
        let useColor = standardOutputIsTerminal && colorAllowed && environment["TERM"] != "dumb"
        return PlotSettings(width: columns ?? 80, useColor: useColor)
    }

    /// The width of the terminal on standard output, or `COLUMNS`.
    private static var columns: Int? {
        var size = winsize()
        if standardOutputIsTerminal, ioctl(STDOUT_FILENO, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 {
            return Int(size.ws_col)
        }
        return ProcessInfo.processInfo.environment["COLUMNS"].flatMap(Int.init)
    }

    static func writeOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(text.utf8))
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Renders diagnostics to stderr, in colour on a terminal.
    static func reportErrors(_ diagnostics: [Diagnostic]) {
        guard !diagnostics.isEmpty else { return }
        let renderer = DiagnosticRenderer(useColor: standardErrorIsTerminal && colorAllowed)
        writeError(diagnostics.map { renderer.render($0) + "\n" }.joined())
    }
}
