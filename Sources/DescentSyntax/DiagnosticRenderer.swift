/// Prints a diagnostic the way compilers do: location, message, the source line with a
/// line-number gutter, and a caret under the offending range.
///
/// ```
/// lesson.descent:3:9: error: cannot add shapes [64] and [3]
///  3 | y = X @ w + b
///    |         ^~~~
/// ```
public struct DiagnosticRenderer: Sendable {
    /// Whether to add ANSI colours (bold location and message, red `error:` and caret).
    public var useColor = false

    /// Creates a renderer; colour is off by default so output is stable in tests and files.
    public init(useColor: Bool = false) {
        self.useColor = useColor
    }

    /// One diagnostic, without a trailing newline.
    public func render(_ diagnostic: Diagnostic) -> String {
        let file = diagnostic.range.file
        let location = diagnostic.range.location
        let header = styled("\(file.name):\(location): ", .bold)
            + styled("error: ", .boldRed) + styled(diagnostic.message, .bold)
        let lineText = file.lineText(location.line)
        let gutterWidth = String(location.line).count
        let sourceLine = " \(location.line) |" + (lineText.isEmpty ? "" : " " + lineText)
        let caretLine = " " + String(repeating: " ", count: gutterWidth) + " | "
            + padding(before: location.column, in: lineText)
            + styled(marker(for: diagnostic.range, line: location.line), .boldRed)
        return ([header, sourceLine, caretLine] + diagnostic.notes).joined(separator: "\n")
    }

    /// Several diagnostics, one after the other, separated by newlines.
    public func render(_ diagnostics: [Diagnostic]) -> String {
        diagnostics.map(render).joined(separator: "\n")
    }

    /// Blanks up to the column, keeping tabs as tabs so the caret lines up under them.
    private func padding(before column: Int, in lineText: String) -> String {
        let scalars = Array(lineText.unicodeScalars)
        let count = max(0, column - 1)
        return String((0..<count).map { index -> Character in
            index < scalars.count && scalars[index] == "\t" ? "\t" : " "
        })
    }

    /// `^` under the start, then `~` to the end of the range or of the line, whichever comes first.
    private func marker(for range: SourceRange, line: Int) -> String {
        let file = range.file
        let lineEnd = line < file.lineStarts.count ? file.lineStarts[line] - 1 : file.scalars.count
        let width = max(1, min(range.end, lineEnd) - range.start)
        return "^" + String(repeating: "~", count: width - 1)
    }

    private enum Style: String {
        case bold = "\u{1B}[1m"
        case boldRed = "\u{1B}[1;31m"
    }

    private func styled(_ text: String, _ style: Style) -> String {
        useColor ? style.rawValue + text + "\u{1B}[0m" : text
    }
}
