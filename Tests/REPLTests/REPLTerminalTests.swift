import Foundation
import Testing

/// The REPL as a learner meets it: on a terminal, typed at key by key. Each line is
/// typed only once the prompt is back, as a person would.
@Suite(.timeLimit(.minutes(2)))
struct REPLTerminalTests {
    static let prompt = "descent> "
    static let continuation = "     ... "
    /// A small least-squares problem whose answer is w = [2, -1].
    static let problem = [
        "X = [[1, 0], [0, 1], [1, 1], [2, 1], [1, -1], [0, 2]]",
        "y = X @ [2, -1]",
        "param w = zeros(2)",
        "data X, y",
        "loss J = mean((X @ w - y)^2)",
    ]

    private func start(_ home: TemporaryHome, arguments: [String] = ["--quiet"]) throws -> PseudoTerminal {
        let terminal = try PseudoTerminal(arguments: arguments, environment: home.environment)
        terminal.waitFor(Self.prompt)
        return terminal
    }

    private func enterProblem(_ terminal: PseudoTerminal) {
        for line in Self.problem {
            #expect(!terminal.enter(line).contains("error"), "setting up: \(line)")
        }
    }

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
        let terminal = try start(home)
        terminal.enter("optimizer halfstep(lr = 0.1, beta = 0.5) {", prompt: Self.continuation)
        terminal.enter("state v = zeros_like(theta)", prompt: Self.continuation)
        terminal.enter("v = beta*v + grad", prompt: Self.continuation)
        terminal.enter("theta = theta - lr*v", prompt: Self.continuation)
        #expect(terminal.enter("}").contains("optimizer halfstep(lr, beta)"))
        enterProblem(terminal)
        #expect(terminal.enter("train J with halfstep(lr=0.1) steps 300").contains("halfstep: 300 steps"))
        #expect(!terminal.enter("expect w ≈ [2, -1] within 0.001").contains("error"))
    }

    @Test func ctrlCOnAContinuationLineAbandonsTheWholeEntry() throws {
        let home = try TemporaryHome()
        let terminal = try start(home)
        terminal.enter("def twice(x) {", prompt: Self.continuation)
        terminal.type("return 2*x")
        terminal.waitFor("return 2*x")
        terminal.type("\u{03}")
        terminal.waitFor(Self.prompt)
        let reply = terminal.enter("twice(4)")
        #expect(reply.contains("error: unknown name 'twice'"))
    }

    @Test func ctrlCAtThePromptClearsTheLine() throws {
        let home = try TemporaryHome()
        let terminal = try start(home)
        terminal.type("this line is thrown away")
        terminal.waitFor("thrown away")
        terminal.type("\u{03}")
        terminal.waitFor(Self.prompt)
        let reply = terminal.enter("6 * 7")
        #expect(reply.contains("42"))
        #expect(!reply.contains("error"))
    }

    @Test func blankLineEndsAnUnfinishedEntryWithAnError() throws {
        let home = try TemporaryHome()
        let terminal = try start(home)
        terminal.enter("v = [1, 2,", prompt: Self.continuation)
        #expect(terminal.enter("").contains("error"))
        #expect(terminal.enter("1 + 1").contains("2"))
    }

    @Test func errorsPointAtTheColumnOfTheLineTyped() throws {
        let home = try TemporaryHome()
        let terminal = try start(home)
        let reply = terminal.enter("a = [1, 2] + [1, 2, 3]")
        #expect(reply.contains("<input>:1:12: error:"))
        #expect(reply.contains("\n   |            ^"))
        #expect(terminal.enter("a = 5").isEmpty == false)
        #expect(terminal.enter("a").contains("5"))
    }

    @Test func tabCompletesHyperParametersNamesAndCommands() throws {
        let home = try TemporaryHome()
        let terminal = try start(home)
        terminal.type("momentum(b\t")
        terminal.waitFor("beta=")
        #expect(terminal.enter("0.5)").contains("lr=0.01"))

        terminal.enter("learning_rate = 0.25")
        terminal.type("learn\t")
        terminal.waitFor("learning_rate")
        #expect(terminal.enter("").contains("0.25"))

        terminal.type(":sh\t")
        terminal.waitFor(":show ")
        #expect(terminal.enter("momentum").contains("state v = zeros_like(theta)"))
    }

    @Test func tabCompletesFileNamesAfterLoadAndInStrings() throws {
        let home = try TemporaryHome()
        try home.write("loaded_value = 7\nprint \"loaded\", loaded_value\n", to: "myscript.descent")
        let terminal = try start(home)
        terminal.type(":load \(home.path)/mysc\t")
        terminal.waitFor("myscript.descent")
        #expect(terminal.enter("").contains("loaded 7"))

        terminal.type("print \"\(home.path)/mys\t")
        terminal.waitFor("myscript.descent\"")
        #expect(terminal.enter("").contains("\(home.path)/myscript.descent\n"))
    }

    @Test func ctrlCStopsALongTrainAndKeepsTheStepsDone() throws {
        let home = try TemporaryHome()
        let terminal = try start(home)
        enterProblem(terminal)
        terminal.type("train J with sgd(lr=0.001) steps 10000000\r")
        terminal.waitFor("/10000000")
        terminal.type("\u{03}")
        terminal.waitFor(Self.prompt, timeout: 10)
        let reply = terminal.enter("print \"w is\", w")
        #expect(reply.contains("w is"))
        #expect(!reply.contains("w is [0, 0]"))
        #expect(!terminal.enter("expect abs(w[0]) > 0").contains("error"))
        #expect(terminal.enter("train J with sgd(lr=0.01) steps 10").contains("sgd: 10 steps"))
    }

    @Test func historySurvivesARestartMultiLineEntriesIncluded() throws {
        let home = try TemporaryHome()
        let first = try start(home)
        first.enter("def triple(x) {", prompt: Self.continuation)
        first.enter("return 3*x", prompt: Self.continuation)
        #expect(first.enter("}").contains("def triple(x)"))
        #expect(first.enter("40 + 2").contains("42"))
        first.type("\u{04}")
        #expect(first.waitForExit() == 0)
        #expect(home.read("history")?.contains("40 + 2") == true)

        let second = try start(home)
        second.type("\u{10}\u{10}")
        second.waitFor("return 3*x")
        second.waitFor("}")
        second.type("\r")
        second.waitFor("\ndef triple(x)\n")
        second.waitFor(Self.prompt)
        // The search line is redrawn a character at a time; `+'` shows the search is complete.
        second.type("\u{12}40 +")
        second.waitFor("+'")
        #expect(second.enter("").contains("42"))
        #expect(second.enter("triple(5)").contains("15"))
        #expect(second.enter(":history").contains("def triple(x) {"))
    }

    @Test func twoSessionsAtOnceKeepEachOthersHistory() throws {
        let home = try TemporaryHome()
        let first = try start(home)
        let second = try start(home)
        for round in 0..<5 {
            first.enter("first_\(round) = \(round)")
            second.enter("second_\(round) = \(round)")
        }
        first.type("\u{04}")
        second.type("\u{04}")
        #expect(first.waitForExit() == 0)
        #expect(second.waitForExit() == 0)
        let history = try #require(home.read("history"))
        for round in 0..<5 {
            #expect(history.contains("first_\(round) = \(round)\n"))
            #expect(history.contains("second_\(round) = \(round)\n"))
        }
    }

    @Test func unwritableHistoryWarnsOnceAndCarriesOn() throws {
        let home = try TemporaryHome()
        var environment = home.environment
        environment["DESCENT_HISTORY"] = home.path + "/no/such/directory/history"
        let terminal = try PseudoTerminal(environment: environment)
        terminal.waitFor(Self.prompt)
        #expect(terminal.enter("1 + 1").contains("warning"))
        let second = terminal.enter("2 + 2")
        #expect(second.contains("4"))
        #expect(!second.contains("warning"))
    }

    @Test func savedSessionRunsAsAScriptAndReproducesTheSession() throws {
        let home = try TemporaryHome()
        let terminal = try start(home)
        enterProblem(terminal)
        #expect(terminal.enter("this_is_not_defined + 1").contains("error"))
        #expect(terminal.enter("train J with momentum(lr=0.1) steps 25 batch 4 seed 3").contains("momentum: 25 steps"))
        let shown = terminal.enter("print \"w =\", w")
        #expect(terminal.enter(":save \(home.path)/session.descent").contains("saved"))

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
