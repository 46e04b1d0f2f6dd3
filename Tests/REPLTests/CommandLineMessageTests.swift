import Foundation
import Testing

/// The command line's and the REPL's own error messages (grammar/errors.md, "Command line
/// and REPL"): each names what was wrong and ends the run with a failing status.
@Suite(.timeLimit(.minutes(1)))
struct CommandLineMessageTests {
    private func run(_ arguments: [String], input: String = "") throws -> DescentBinary.Run {
        let home = try TemporaryHome()
        return try DescentBinary.run(arguments, input: input, environment: home.environment)
    }

    @Test func aLessonThatDoesNotExistIsNamed() throws {
        let run = try run(["lesson", "99"])
        #expect(run.standardError.contains("descent: error: no lesson 99; the lessons are in "))
        #expect(run.status == 1)
    }

    @Test(arguments: [
        (["--max-elements", "0"], "limits must be at least 1"),
        (["--max-call-depth", "20000"], "--max-call-depth can be at most 10000 (the interpreter's stack holds no more)"),
        (["--max-nesting", "20000"], "--max-nesting can be at most 10000 (the interpreter's stack holds no more)"),
        (["--timeout", "0"], "--timeout must be a positive number of seconds"),
    ])
    func limitsOutOfRangeAreRefusedBeforeAnythingRuns(options: [String], message: String) throws {
        let run = try run(options + ["-e", "print 7"])
        #expect(run.standardError.contains("Error: \(message)"))
        #expect(run.standardOutput.isEmpty)
        #expect(run.status == 64)
    }

    @Test func metaCommandsExplainWhatWentWrong() throws {
        let input = """
            :save /nonexistent-descent/dir/x.descent
            :load /nonexistent-descent/y.descent
            :load
            :reset now
            :fro
            :help nothing
            for i in 0..2 {
            }
            :show i

            """
        let run = try run([], input: input)
        let lines = run.standardError.split(separator: "\n").map(String.init)
        #expect(lines == [
            "error: cannot save to '/nonexistent-descent/dir/x.descent': no such directory '/nonexistent-descent/dir'",
            "error: cannot read '/nonexistent-descent/y.descent': no such file",
            "error: usage: :load FILE",
            "error: :reset takes no argument",
            "error: unknown command ':fro'; :help lists them",
            "error: no help for 'nothing'",
            "error: 'i' has no source to show (it was not made by a definition or assignment)",
        ])
        #expect(run.status == 1)
    }
}
