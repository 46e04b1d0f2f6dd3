import Testing
import DescentSyntax

@Suite struct DiagnosticRendererTests {
    private func diagnostic(_ text: String, start: Int, end: Int, _ message: String, notes: [String] = []) -> Diagnostic {
        let file = SourceFile(name: "lesson.descent", text: text)
        return Diagnostic(message, at: SourceRange(file: file, start: start, end: end), notes: notes)
    }

    @Test func rendersLocationLineAndCaret() {
        let text = "a = 1\nb = 2\ny = X @ w + b\n"
        let start = text.unicodeScalars.count - 6
        let rendered = DiagnosticRenderer().render(diagnostic(text, start: start, end: start + 4, "cannot add shapes [64] and [3]"))
        #expect(rendered == """
            lesson.descent:3:9: error: cannot add shapes [64] and [3]
             3 | y = X @ w + b
               |         ^~~~
            """)
    }

    @Test func aGreekLineKeepsTheCaretUnderTheRightCharacter() {
        let rendered = DiagnosticRenderer().render(diagnostic("θ = η*∇ + β", start: 8, end: 9, "unknown name 'β'"))
        #expect(rendered == """
            lesson.descent:1:9: error: unknown name 'β'
             1 | θ = η*∇ + β
               |         ^
            """)
    }

    @Test func tabsStayTabsSoTheCaretAligns() {
        let rendered = DiagnosticRenderer().render(diagnostic("\tx = \tfoo", start: 6, end: 9, "unknown name 'foo'"))
        #expect(rendered == "lesson.descent:1:7: error: unknown name 'foo'\n 1 | \tx = \tfoo\n   | \t    \t^~~")
    }

    @Test func theGutterWidensWithTheLineNumberAndNotesFollow() {
        let text = String(repeating: "\n", count: 11) + "train J with sgd(lr=100)"
        let rendered = DiagnosticRenderer().render(
            diagnostic(text, start: 11, end: 35, "loss became NaN at step 3", notes: ["hint: try a smaller lr"]))
        #expect(rendered == """
            lesson.descent:12:1: error: loss became NaN at step 3
             12 | train J with sgd(lr=100)
                | ^~~~~~~~~~~~~~~~~~~~~~~~
            hint: try a smaller lr
            """)
    }

    @Test func aRangeOverSeveralLinesIsMarkedToTheEndOfItsFirstLine() {
        let rendered = DiagnosticRenderer().render(diagnostic("if a {\n  b\n}", start: 3, end: 12, "oops"))
        #expect(rendered.hasSuffix(" 1 | if a {\n   |    ^~~"))
    }

    @Test func anEmptyRangeAtTheEndOfTheFileGetsACaret() {
        let rendered = DiagnosticRenderer().render(diagnostic("x = (1 +\n", start: 9, end: 9, "expected an expression"))
        #expect(rendered == "lesson.descent:2:1: error: expected an expression\n 2 |\n   | ^")
    }

    @Test func aParseErrorRendersAsTheCommandLineShowsIt() {
        let result = parse(SourceFile(name: "bad.descent", text: "y = 1\nx = f(1, 2\n"))
        #expect(DiagnosticRenderer().render(result.diagnostics) == """
            bad.descent:2:11: error: expected ')' to close '(' at 2:6, found end of line
             2 | x = f(1, 2
               |           ^
            """)
    }

    @Test func severalDiagnosticsAreJoinedByNewlines() {
        let first = diagnostic("a", start: 0, end: 1, "one")
        let second = diagnostic("a", start: 0, end: 1, "two")
        let renderer = DiagnosticRenderer()
        #expect(renderer.render([first, second]) == renderer.render(first) + "\n" + renderer.render(second))
    }

    @Test func colourWrapsTheHeaderAndCaretAndStripsToThePlainText() {
        let item = diagnostic("x = y", start: 4, end: 5, "unknown name 'y'")
        let coloured = DiagnosticRenderer(useColor: true).render(item)
        #expect(coloured.contains("\u{1B}[1;31merror: \u{1B}[0m"))
        #expect(coloured.contains("\u{1B}[1;31m^\u{1B}[0m"))
        let stripped = coloured.replacing(/\x{1B}\[[0-9;]*m/, with: "")
        #expect(stripped == DiagnosticRenderer().render(item))
    }
}
