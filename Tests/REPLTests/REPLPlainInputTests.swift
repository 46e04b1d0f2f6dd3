import Foundation
import Testing

/// The REPL reading a pipe: no prompts, no escape codes, values on stdout, errors on
/// stderr, and exit status 1 if any entry failed.
@Suite(.timeLimit(.minutes(1)))
struct REPLPlainInputTests {
    private func run(_ input: String) throws -> DescentBinary.Run {
        let home = try TemporaryHome()
        return try DescentBinary.run(input: input, environment: home.environment)
    }

    @Test func valuesGoToStandardOutputWithoutPromptsOrEscapes() throws {
        let run = try run("1 + 2\nx = 5\nx * 2\n")
        #expect(run.standardOutput == "3\n10\n")
        #expect(run.standardError == "")
        #expect(run.status == 0)
    }

    @Test func errorsGoToStandardErrorWithTheLineOfStandardInput() throws {
        let run = try run("a = 1\n\nnope(3)\na + 1\n")
        #expect(run.standardOutput == "2\n")
        #expect(run.standardError.contains("<stdin>:3:1: error:"))
        #expect(run.standardError.contains("nope(3)"))
        #expect(run.status == 1)
    }

    @Test func multiLineEntriesRunWhenTheirBracketsClose() throws {
        let run = try run("def f(x) {\n\n  return x * 2\n}\nf(21)\n")
        #expect(run.standardOutput == "def f(x)\n42\n")
        #expect(run.status == 0)
    }

    @Test func unfinishedEntryAtEndOfInputIsAnError() throws {
        let run = try run("v = [1, 2,\n")
        #expect(run.standardError.contains("error"))
        #expect(run.status == 1)
    }

    @Test func failedDefinitionKeepsTheOldOne() throws {
        let run = try run("def f(x) = x + 1\ndef f(x) = x + no_such_name\nf(1)\n")
        #expect(run.standardOutput == "def f(x)\n2\n")
        #expect(run.standardError.contains("no_such_name"))
    }

    @Test func unknownCommandSuggestsTheClosestOne() throws {
        let run = try run(":sav out.descent\n:hepl\n1\n")
        #expect(run.standardError.contains("unknown command ':sav'; did you mean ':save'?"))
        #expect(run.standardError.contains("did you mean ':help'?"))
        #expect(run.standardOutput == "1\n")
        #expect(run.status == 1)
    }

    @Test func varsListsOnlyTheUsersNames() throws {
        let run = try run("a = 3.5\nparam w = zeros(3)\nloss J = sum(w^2)\n:vars\n")
        let lines = run.standardOutput.split(separator: "\n").map(String.init)
        #expect(lines.contains { $0.hasPrefix("J") && $0.contains("loss") })
        #expect(lines.contains { $0.hasPrefix("a") && $0.contains("tensor") && $0.contains("3.5") })
        #expect(lines.contains { $0.hasPrefix("w") && $0.contains("param") && $0.contains("[3]") })
        #expect(!run.standardOutput.contains("momentum"))
        #expect(!run.standardOutput.contains("pi"))
    }

    @Test func helpShowsStatementsBuiltinsAndPreludeDefinitions() throws {
        let run = try run(":help\n:help train\n:help momentum\n:help randn\n:help :save\n")
        #expect(run.standardOutput.contains(":vars"))
        #expect(run.standardOutput.contains("train LOSS with OPTIMIZER"))
        #expect(run.standardOutput.contains("optimizer momentum(lr = 0.01, beta = 0.9)"))
        #expect(run.standardOutput.contains("Momentum, EMA form"))
        #expect(run.standardOutput.contains("randn("))
        #expect(run.standardOutput.contains(":save FILE"))
        #expect(run.status == 0)
        let missing = try self.run(":help momentun\n")
        #expect(missing.standardError.contains("did you mean 'momentum'?"))
    }

    @Test func showPrintsThePreludesSourceAndTheUsers() throws {
        let run = try run(":show momentum\ndef sq(x) = x^2\n:show sq\n:show nothing_here\n")
        #expect(run.standardOutput.contains("optimizer momentum(lr = 0.01, beta = 0.9) {"))
        #expect(run.standardOutput.contains("def sq(x) = x^2"))
        #expect(run.standardError.contains("'nothing_here' is not defined"))
    }

    @Test func resetForgetsTheUsersNames() throws {
        let run = try run("a = 1\n:reset\n:vars\na\n")
        #expect(run.standardOutput.contains("no variables yet"))
        #expect(run.standardError.contains("error"))
    }

    @Test func saveIntoAMissingDirectoryFailsWithoutAFile() throws {
        let home = try TemporaryHome()
        let target = home.path + "/missing/out.descent"
        let run = try DescentBinary.run(input: "a = 1\n:save \(target)\n", environment: home.environment)
        #expect(run.standardError.contains("cannot save"))
        #expect(run.status == 1)
        #expect(!FileManager.default.fileExists(atPath: target))
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path).isEmpty)
    }

    @Test func saveReplacesAnExistingFileWhole() throws {
        let home = try TemporaryHome()
        try home.write(String(repeating: "old line\n", count: 1000), to: "out.descent")
        let run = try DescentBinary.run(input: "a = 2\nb = a * 21\n:save \(home.file("out.descent"))\n", environment: home.environment)
        #expect(run.status == 0)
        let saved = try #require(home.read("out.descent"))
        #expect(!saved.contains("old line"))
        let replay = try DescentBinary.run(["-e", saved + "\nb"], environment: home.environment)
        #expect(replay.standardOutput == "42\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: home.path) == ["out.descent"])
    }

    @Test func loadRunsAScriptIntoTheSession() throws {
        let home = try TemporaryHome()
        try home.write("def cube(x) = x^3\nprint \"loaded\"\n", to: "lib.descent")
        let run = try DescentBinary.run(input: ":load \(home.file("lib.descent"))\ncube(3)\n:load \(home.file("absent.descent"))\n", environment: home.environment)
        #expect(run.standardOutput == "loaded\n27\n")
        #expect(run.standardError.contains("cannot read"))
        #expect(run.status == 1)
    }

    @Test func quitStopsReading() throws {
        let run = try run("1\n:quit\n2\n")
        #expect(run.standardOutput == "1\n")
        #expect(run.status == 0)
    }
}
