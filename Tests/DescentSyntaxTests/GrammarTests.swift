import Foundation
import Testing
import DescentSyntax

/// Keeps `grammar/descent.ebnf` and the parser in step: its examples parse, its rules
/// are all defined, and each syntactic rule has a parser method of the same name.
@Suite struct GrammarTests {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    private static func read(_ relativePath: String) -> String {
        (try? String(contentsOf: packageRoot.appendingPathComponent(relativePath), encoding: .utf8)) ?? ""
    }

    private static let grammar = read("grammar/descent.ebnf")

    /// The code of every one-line `(* example: CODE *)` comment.
    static let examples: [String] = grammar.split(separator: "\n").compactMap { line in
        guard let match = line.firstMatch(of: /^\s*\(\* example: (.*) \*\)\s*$/) else { return nil }
        return String(match.output.1)
    }

    /// Rule name to right-hand side, with comments, terminals and `? … ?` text removed.
    private static let rules: [(name: String, body: String)] = {
        let bare = grammar
            .replacing(/\(\*[\s\S]*?\*\)/, with: " ")
            .replacing(/\?[^?]*\?|"[^"]*"|'[^']*'/, with: " ")
        return bare.split(separator: ";").compactMap { rule in
            let parts = rule.split(separator: "=", maxSplits: 1)
            guard parts.count == 2 else { return nil }
            return (parts[0].trimmingCharacters(in: .whitespacesAndNewlines), String(parts[1]))
        }
    }()

    @Test func theGrammarHasExamplesOfEveryKind() {
        #expect(Self.examples.count >= 80)
        #expect(Self.rules.count >= 40)
        for keyword in TokenKind.keywords where keyword != .in && keyword != .else && keyword != .with {
            #expect(Self.examples.contains { $0.contains(keyword.rawValue + " ") || $0.hasPrefix(keyword.rawValue) },
                    "no example uses '\(keyword.rawValue)'")
        }
    }

    @Test(arguments: examples)
    func exampleParsesCleanly(example: String) {
        let result = parse(SourceFile(name: "example", text: example))
        #expect(result.diagnostics.map(\.message) == [])
        #expect(!result.statements.isEmpty)
    }

    @Test func everyRuleUsedIsDefinedOnceAndEveryRuleIsUsed() {
        let names = Self.rules.map(\.name)
        #expect(Set(names).count == names.count, "a rule is defined twice")
        #expect(names.allSatisfy { $0.wholeMatch(of: /[A-Za-z_]+/) != nil }, "\(names)")
        var used: Set<String> = []
        for rule in Self.rules {
            for match in rule.body.matches(of: /[A-Za-z_]+/) {
                let reference = String(match.output)
                used.insert(reference)
                #expect(names.contains(reference), "'\(rule.name)' uses undefined '\(reference)'")
            }
        }
        #expect(Set(names).subtracting(used) == ["program"])
    }

    @Test func everySyntacticRuleIsAParserMethod() {
        let parserSource = ["Parser.swift", "Parser+Statements.swift", "Parser+Training.swift",
                            "Parser+Expressions.swift", "Parser+Postfix.swift"]
            .map { Self.read("Sources/DescentSyntax/" + $0) }.joined()
        #expect(!parserSource.isEmpty)
        for rule in Self.rules.map(\.name) where rule.first?.isLowercase == true {
            let camel = rule.split(separator: "_").enumerated()
                .map { $0.offset == 0 ? String($0.element) : $0.element.capitalized }.joined()
            let method = rule == "program" ? "parseProgram" : camel
            #expect(parserSource.contains("func \(method)("), "no parser method for rule '\(rule)'")
        }
    }
}

/// The Descent code that ships with the interpreter must parse cleanly.
@Suite struct ShippedSourceTests {
    private static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static let shippedFiles: [String] = {
        let lessons = (try? FileManager.default.contentsOfDirectory(atPath: packageRoot.appendingPathComponent("lessons").path)) ?? []
        return ["Sources/DescentCore/Resources/prelude.descent"]
            + lessons.filter { $0.hasSuffix(".descent") }.sorted().map { "lessons/" + $0 }
    }()

    @Test(arguments: shippedFiles)
    func parsesWithoutErrors(path: String) throws {
        let text = try String(contentsOf: Self.packageRoot.appendingPathComponent(path), encoding: .utf8)
        let result = parse(SourceFile(name: path, text: text))
        #expect(result.diagnostics.map { "\($0.range.location): \($0.message)" } == [])
        #expect(!result.statements.isEmpty)
    }
}
