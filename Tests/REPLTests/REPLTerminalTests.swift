import Foundation
import Testing

/// The REPL as a learner meets it: on a terminal, typed at key by key.
@Suite(.timeLimit(.minutes(2)))
struct REPLTerminalTests {
    static let prompt = "descent> "
    static let continuation = "     ... "
    /// A small least-squares problem with a known answer, w = [2, -1].
    static let problem = [
        "X = randn(32, 2, seed=1)",
        "y = X @ [2, -1]",
        "param w = zeros(2)",
        "data X, y",
        "loss J = mean((X @ w - y)^2)",
    ]

    @Test func welcomeLineNamesTheVersionUnlessQuiet() throws {
        let home = try TemporaryHome()
        let terminal = try PseudoTerminal(arguments: [], environment: home.environment)
        let welcome = terminal.waitFor(Self.prompt)
        #expect(welcome.contains("Descent "))
        #expect(welcome.contains(":help"))
        let quiet = try PseudoTerminal(arguments: ["--quiet"], environment: home.environment)
        #expect(!quiet.waitFor(Self.prompt).contains("Descent "))
    }

    @Test func multiLineOptimizerDefinitionContinuesUntilTheBraceCloses() throws {
        let home = try TemporaryHome()
        let terminal = try PseudoTerminal(environment: home.environment)
        terminal.waitFor(Self.prompt)
        terminal.type("optimizer halfstep(lr = 0.1, beta = 0.5) {\r")
        terminal.waitFor(Self.continuation)
        terminal.type("state v = zeros_like(theta)\r")
        terminal.waitFor(Self.continuation)
        terminal.type("v = beta*v + grad\r")
        terminal.waitFor(Self.continuation)
        terminal.type("theta = theta - lr*v\r")
        terminal.waitFor(Self.continuation)
        terminal.type("}\r")
        terminal.waitFor("optimizer halfstep(lr, beta)")
        terminal.waitFor(Self.prompt)
        for line in Self.problem { terminal.type(line + "\r") }
        terminal.type("train J with halfstep(lr=0.1) steps 300\r")
        terminal.waitFor("halfstep: 300 steps")
        terminal.type("expect w ≈ [2, -1] within 0.001\r")
        terminal.type("print \"done\"\r")
        let end = terminal.waitFor("\ndone")
        #expect(!end.contains("error"))
    }

    @Test func ctrlCOnAContinuationLineAbandonsTheWholeEntry() throws {
        let home = try TemporaryHome()
        let terminal = try PseudoTerminal(environment: home.environment)
        terminal.waitFor(Self.prompt)
        terminal.type("def twice(x) {\r")
        terminal.waitFor(Self.continuation)
        terminal.type("return 2*x")
        terminal.type("\u{03}")
        terminal.waitFor(Self.prompt)
        terminal.type("twice(4)\r")
        let reply = terminal.waitFor(Self.prompt)
        #expect(reply.contains("error"))
        #expect(!reply.contains("8"))
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        let home = try TemporaryHome()
        let terminal = try PseudoTerminal(environment: home.environment)
        terminal.waitFor(Self.prompt)
        terminal.type("this line is thrown away\u{03}")
        terminal.waitFor(Self.prompt)
        terminal.type("6 * 7\r")
        let reply = terminal.waitFor(Self.prompt)
        #expect(reply.contains("42"))
        #expect(!reply.contains("error"))
    }

    @Test func blankLineEndsAnUnfinishedEntryWithAnError() throws {
        let home = try TemporaryHome()
        let terminal = try PseudoTerminal(environment: home.environment)
        terminal.waitFor(Self.prompt)
        terminal.type("v = [1, 2,\r")
        terminal.waitFor(Self.continuation)
        terminal.type("\r")
        #expect(terminal.waitFor(Self.prompt).contains("error"))
        terminal.type("1 + 1\r")
        #expect(terminal.waitFor(Self.prompt).contains("2"))
    }

    @Test func tabCompletesHyperParametersNamesCommandsAndFiles() throws {
        let home = try TemporaryHome()
        try home.write("loaded_value = 7\nprint \"loaded\", loaded_value\n", to: "myscript.descent")
        let terminal = try PseudoTerminal(environment: home.environment)
        terminal.waitFor(Self.prompt)

        terminal.type("momentum(b\t")
        terminal.waitFor("beta=")
        terminal.type("0.5)\r")
        terminal.waitFor("lr=0.01")
        terminal.waitFor(Self.prompt)

        terminal.type("learning_rate = 0.25\r")
        terminal.waitFor(Self.prompt)
        terminal.type("learn\t\r")
        terminal.waitFor("learning_rate")
        #expect(terminal.waitFor(Self.prompt).contains("0.25"))

        terminal.type(":sh\tmomentum\r")
        terminal.waitFor(":show momentum")
        terminal.waitFor("state v = zeros_like(theta)")
        terminal.waitFor(Self.prompt)

        terminal.type(":load \(home.path)/mysc\t\r")
        terminal.waitFor("myscript.descent")
        terminal.waitFor("loaded 7")
        terminal.waitFor(Self.prompt)

        terminal.type("print \"\(home.path)/mys\t\r")
        terminal.waitFor("myscript.descent\"")
        terminal.waitFor("\(home.path)/myscript.descent\n")
    }

    @Test func ctrlCStopsALongTrainAndKeepsTheStepsDone() throws {
        let home = try TemporaryHome()
        let terminal = try PseudoTerminal(environment: home.environment)
        terminal.waitFor(Self.prompt)
        for line in Self.problem { terminal.type(line + "\r") }
        terminal.type("print \"ready\"\r")
        terminal.waitFor("\nready")
        terminal.waitFor(Self.prompt)
        terminal.type("train J with sgd(lr=0.001) steps 10000000\r")
        terminal.waitFor("/10000000")
        terminal.type("\u{03}")
        terminal.waitFor(Self.prompt, timeout: 10)
        terminal.type("print \"w is\", w\r")
        let reply = terminal.waitFor(Self.prompt)
        #expect(reply.contains("w is"))
        #expect(!reply.contains("w is [0, 0]"))
        terminal.type("expect abs(w[0]) > 0\r")
        terminal.type("print \"still usable\"\r")
        #expect(!terminal.waitFor("\nstill usable").contains("error"))
    }

    @Test func historySurvivesARestartMultiLineEntriesIncluded() throws {
        let home = try TemporaryHome()
        let first = try PseudoTerminal(environment: home.environment)
        first.waitFor(Self.prompt)
        first.type("def triple(x) {\r")
        first.waitFor(Self.continuation)
        first.type("return 3*x\r")
        first.waitFor(Self.continuation)
        first.type("}\r")
        first.waitFor("def triple(x)")
        first.type("40 + 2\r")
        first.waitFor("42")
        first.type("\u{04}")
        #expect(first.waitForExit() == 0)
        #expect(home.read("history")?.contains("40 + 2") == true)

        let second = try PseudoTerminal(environment: home.environment)
        second.waitFor(Self.prompt)
        second.type("\u{10}\u{10}\r")
        second.waitFor("def triple(x)")
        second.waitFor(Self.prompt)
        second.type("\u{12}40 +\r")
        second.waitFor("42")
        second.waitFor(Self.prompt)
        second.type("triple(5)\r")
        #expect(second.waitFor(Self.prompt).contains("15"))
    }

    @Test func unwritableHistoryWarnsOnceAndCarriesOn() throws {
        let home = try TemporaryHome()
        var environment = home.environment
        environment["DESCENT_HISTORY"] = home.path + "/no/such/directory/history"
        let terminal = try PseudoTerminal(environment: environment)
        terminal.waitFor(Self.prompt)
        terminal.type("1 + 1\r")
        terminal.waitFor("warning")
        terminal.waitFor(Self.prompt)
        terminal.type("2 + 2\r")
        let second = terminal.waitFor(Self.prompt)
        #expect(second.contains("4"))
        #expect(!second.contains("warning"))
    }

    @Test func savedSessionRunsAsAScriptAndReproducesTheSession() throws {
        let home = try TemporaryHome()
        let terminal = try PseudoTerminal(environment: home.environment)
        terminal.waitFor(Self.prompt)
        for line in Self.problem { terminal.type(line + "\r") }
        terminal.type("this_is_not_defined + 1\r")
        terminal.waitFor("error")
        terminal.type("train J with momentum(lr=0.1) steps 25 batch 4 seed 3\r")
        terminal.waitFor("momentum: 25 steps")
        terminal.waitFor(Self.prompt)
        terminal.type("print \"w =\", w\r")
        let shown = terminal.waitFor(Self.prompt)
        terminal.type(":save \(home.path)/session.descent\r")
        terminal.waitFor("saved")

        let script = try #require(home.read("session.descent"))
        #expect(!script.contains("this_is_not_defined"))
        #expect(!script.contains(":save"))
        let replay = try DescentBinary.run([home.file("session.descent")], environment: home.environment)
        #expect(replay.status == 0)
        #expect(replay.standardError == "")
        let printedLine = try #require(shown.split(separator: "\n").first { $0.hasPrefix("w =") })
        #expect(replay.standardOutput.contains(printedLine))
    }
}
