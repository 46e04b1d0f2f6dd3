import DescentCore
import DescentSyntax
import Foundation
import Testing

/// Runs every golden case and every lesson as a separate session and compares what it
/// printed and the diagnostics it gave with the expectations in its comments.
@Suite struct GoldenTests {
    @Test("golden case", arguments: GoldenCase.load("Tests/GoldenTests/Cases"))
    func goldenCase(_ golden: GoldenCase) {
        check(golden)
    }

    /// Lessons print summaries and values for the learner; their `expect` statements
    /// are the checks, so their output is compared only where they say `# expect:`.
    @Test("lesson", arguments: GoldenCase.load("lessons"))
    func lesson(_ golden: GoldenCase) {
        check(golden, comparingOutput: !golden.expectedOutput.isEmpty)
    }

    @Test func thereAreEnoughCases() {
        #expect(GoldenCase.load("Tests/GoldenTests/Cases").count >= 150)
    }

    private func check(_ golden: GoldenCase, comparingOutput: Bool = true) {
        var printed = ""
        var limits = RuntimeLimits()
        limits.maxElements = 10_000_000
        let session = Session(limits: limits) { printed += $0 }
        let diagnostics = session.run(SourceFile(name: golden.path, text: golden.text))
        var lines = printed.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        if comparingOutput { compareOutput(lines, golden) }
        compareErrors(diagnostics, golden)
    }

    private func compareOutput(_ lines: [String], _ golden: GoldenCase) {
        for (index, expected) in golden.expectedOutput.enumerated() {
            guard index < lines.count else {
                Issue.record("missing output line \(index + 1): expected \"\(expected)\"", sourceLocation: location(golden, expectLine: index))
                return
            }
            if lines[index] != expected {
                Issue.record(
                    "output line \(index + 1): expected \"\(expected)\", got \"\(lines[index])\"",
                    sourceLocation: location(golden, expectLine: index))
            }
        }
        if lines.count > golden.expectedOutput.count {
            let extra = lines[golden.expectedOutput.count...].prefix(5).map { "\"\($0)\"" }.joined(separator: ", ")
            Issue.record("unexpected output: \(extra)", sourceLocation: fileLocation(golden, line: 1))
        }
    }

    private func compareErrors(_ diagnostics: [Diagnostic], _ golden: GoldenCase) {
        let actual = diagnostics.map { diagnostic in
            GoldenCase.ExpectedError(
                line: diagnostic.range.location.line, message: diagnostic.message, notes: diagnostic.notes)
        }
        for expected in golden.expectedErrors where !actual.contains(where: { matches($0, expected) }) {
            let near = actual.map { "\($0.line): \($0.message) \($0.notes)" }.joined(separator: "; ")
            Issue.record(
                "expected error \"\(expected.message)\" \(expected.notes) on this line; got: \(near.isEmpty ? "none" : near)",
                sourceLocation: fileLocation(golden, line: expected.line))
        }
        for error in actual where !golden.expectedErrors.contains(where: { matches(error, $0) }) {
            let file = diagnostics.first.map { $0.range.file.name } ?? golden.path
            Issue.record(
                "unexpected error in \(file) line \(error.line): \(error.message) \(error.notes)",
                sourceLocation: fileLocation(golden, line: error.line))
        }
    }

    /// An error matches when line and message agree and every expected note is present.
    private func matches(_ actual: GoldenCase.ExpectedError, _ expected: GoldenCase.ExpectedError) -> Bool {
        actual.line == expected.line && actual.message == expected.message
            && expected.notes.allSatisfy { actual.notes.contains($0) }
    }

    private func location(_ golden: GoldenCase, expectLine index: Int) -> Testing.SourceLocation {
        var seen = 0
        for (number, line) in golden.text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
        where line.contains("# expect:") {
            if seen == index { return fileLocation(golden, line: number + 1) }
            seen += 1
        }
        return fileLocation(golden, line: 1)
    }

    private func fileLocation(_ golden: GoldenCase, line: Int) -> Testing.SourceLocation {
        Testing.SourceLocation(fileID: "GoldenTests/\(URL(fileURLWithPath: golden.path).lastPathComponent)", filePath: golden.path, line: max(1, line), column: 1)
    }
}
