import DescentCore
import DescentSyntax
import Testing

/// The library side of the REPL: the help registry and what a session tells about itself.
@Suite struct HelpAndInspectionTests {
    private func session(running code: String) -> Session {
        let session = Session { _ in }
        let diagnostics = session.run(SourceFile(name: "<test>", text: code))
        #expect(diagnostics.isEmpty, "setup failed: \(diagnostics.map(\.message))")
        return session
    }

    @Test func everyKeywordTheLexerKnowsHasHelp() {
        let words = TokenKind.keywords.map(\.rawValue) + TokenKind.contextualWords
        for word in words {
            #expect(HelpTopics.topic(named: word) != nil, "no help for '\(word)'")
        }
    }

    @Test func everyBuiltinHasHelpWithItsSignature() {
        let session = Session { _ in }
        for builtin in BuiltinRegistry.all {
            let help = session.help(for: builtin.name)
            #expect(help?.contains(builtin.signature) == true, "help for \(builtin.name): \(help ?? "nil")")
        }
    }

    @Test func preludeOptimizersHaveTheirSignatureAndComment() {
        let session = Session { _ in }
        let help = session.help(for: "adam") ?? ""
        #expect(help.contains("optimizer adam(lr = 0.001, beta1 = 0.9, beta2 = 0.999, eps = 1e-8)"))
        #expect(help.contains("Kingma and Ba 2015"))
        #expect(help.contains("defined in the prelude"))
    }

    @Test func everyMetaCommandHasHelp() {
        let session = Session { _ in }
        for command in HelpTopics.metaCommandNames {
            #expect(session.help(for: command)?.hasPrefix(command) == true)
            #expect(HelpTopics.overview.contains(command))
        }
    }

    @Test func argumentNamesCoverOptimizersFunctionsAndBuiltins() {
        let session = session(running: "def f(x, scale = 2) = scale*x\nopt = momentum(lr=0.1)")
        #expect(session.argumentNames(of: "momentum") == ["lr", "beta"])
        #expect(session.argumentNames(of: "opt") == ["lr", "beta"])
        #expect(session.argumentNames(of: "f") == ["x", "scale"])
        #expect(session.argumentNames(of: "randn").contains("seed"))
        #expect(session.argumentNames(of: "nothing").isEmpty)
    }

    @Test func variablesListOnlyTheUsersNamesWithKindsAndShapes() {
        let session = session(running: """
            a = 3.5
            X = zeros(4, 2)
            y = zeros(4)
            param w = zeros(2)
            data X, y
            loss J = mean((X @ w - y)^2)
            opt = sgd(lr=0.5)
            def sq(x) = x^2
            """)
        let rows = session.variables().map { "\($0.name) \($0.kind.rawValue) \($0.detail)" }
        #expect(rows == [
            "J loss mean((X @ w - y)^2)",
            "X data [4, 2]",
            "a tensor 3.5",
            "opt optimizer instance sgd(lr=0.5), 0 steps taken",
            "sq function def sq(x)",
            "w param [2]",
            "y data [4]",
        ])
    }

    @Test func redefiningAPreludeNameMakesItTheUsers() {
        let session = session(running: "optimizer momentum(lr = 0.5) {\n  theta = theta - lr*grad\n}\npi = 3")
        #expect(session.variables().map(\.name) == ["momentum", "pi"])
        #expect(session.help(for: "momentum")?.contains("defined in this session") == true)
    }

    @Test func closestMetaCommandFindsPrefixesAndTypos() {
        #expect(HelpTopics.closestMetaCommand(to: ":sav") == ":save")
        #expect(HelpTopics.closestMetaCommand(to: ":hepl") == ":help")
        #expect(HelpTopics.closestMetaCommand(to: ":zzzzzz") == nil)
    }
}
