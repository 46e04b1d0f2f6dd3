import Testing
import DescentSyntax

@Suite struct RecoveryTests {
    @Test func everyBrokenStatementIsReportedOnceAndTheRestParses() {
        let parsed = Parsed("""
            a = 1
            b = * 2
            c = 3
            param = 4
            d = f(1, 2
            e = 5
            """)
        #expect(parsed.errors == [
            "2:5: expected an expression, found '*'",
            "4:1: 'param' is a keyword; did you mean 'param NAME = …'?",
            "5:11: expected ')' to close '(' at 5:6, found end of line",
        ])
        #expect(parsed.tree == "(= a 1)\n(= c 3)\n(= e 5)")
    }

    @Test func errorsInsideBlocksRecoverWithinTheBlock() {
        let parsed = Parsed("""
            def f(x) {
              y = x +
              return y
            }
            for i in 0..3 { s = ) ; t = i }
            z = 1
            """)
        #expect(parsed.errors == [
            "2:10: expected an expression, found end of line",
            "5:21: expected an expression, found ')'",
        ])
        #expect(parsed.tree == "(def f (x) {(return y)})\n(for i 0 3 {(= t i)})\n(= z 1)")
    }

    @Test func anErrorInsideBracketsSkipsToTheirEnd() {
        let parsed = Parsed("x = f(1, *,\n      2)\ny = 3")
        #expect(parsed.errors == ["1:10: expected an expression, found '*'"])
        #expect(parsed.tree == "(= y 3)")
    }

    @Test func anUnclosedBracketStopsSkippingAtTheNextStatement() {
        let parsed = Parsed("x = f(1, *\nprint 2\n  y = 3")
        #expect(parsed.errors == ["1:10: expected an expression, found '*'"])
        #expect(parsed.tree == "(print 2)\n(= y 3)")
    }

    @Test func aMisplacedBraceIsSkippedWithItsBlock() {
        let parsed = Parsed("if x > { y = 1 }\nz = 2")
        #expect(parsed.errors == ["1:8: expected an expression, found '{'"])
        #expect(parsed.tree == "(= z 2)")
    }

    @Test func aLexicalErrorIsNotReportedTwice() {
        let parsed = Parsed("x = 3 $ 4\ny = 1")
        #expect(parsed.errors == ["1:7: unexpected character '$'"])
        #expect(parsed.tree == "(= y 1)")
    }

    @Test func anUnterminatedStringStillParses() {
        let parsed = Parsed("print \"abc\ny = 1")
        #expect(parsed.errors == ["1:7: unterminated string"])
        #expect(parsed.tree == "(print \"abc\")\n(= y 1)")
    }

    @Test func lexicalAndSyntaxErrorsComeInSourceOrder() {
        #expect(errors("a = *\nb = $") == ["1:5: expected an expression, found '*'", "2:5: unexpected character '$'"])
    }

    @Test func parsingTwiceGivesTheSameResult() {
        var parser = Parser(file: SourceFile(name: "t", text: "a = *\nb = 1"))
        let first = parser.parseProgram()
        let second = parser.parseProgram()
        #expect(first.diagnostics == second.diagnostics)
        #expect(second.statements.count == 1)
    }
}

@Suite struct NestingLimitTests {
    /// A hostile source, named briefly so test output stays readable.
    struct Hostile: CustomTestStringConvertible, Sendable {
        let name: String
        let source: String
        var testDescription: String { name }
    }

    private static let count = 100_000

    static let hostileSources = [
        Hostile(name: "parentheses", source: String(repeating: "(", count: count) + "1" + String(repeating: ")", count: count)),
        Hostile(name: "unclosed lists", source: String(repeating: "[", count: count)),
        Hostile(name: "minus signs", source: String(repeating: "-", count: count) + "1"),
        Hostile(name: "nots", source: String(repeating: "not ", count: count) + "1"),
        Hostile(name: "a power tower", source: Array(repeating: "2", count: count).joined(separator: "^")),
        Hostile(name: "a long sum", source: Array(repeating: "1", count: count).joined(separator: "+")),
        Hostile(name: "attributes", source: "x" + String(repeating: ".T", count: count)),
        Hostile(name: "unclosed calls", source: String(repeating: "f(", count: count)),
        Hostile(name: "else-if chain", source: "if a { } " + String(repeating: "else if a { } ", count: count)),
    ]

    @Test(arguments: hostileSources)
    func hostileNestingIsOneErrorNotACrash(hostile: Hostile) {
        let parsed = Parsed("y = 0\n" + hostile.source + "\nz = 1")
        #expect(parsed.result.diagnostics.map(\.message) == ["nesting too deep (more than 200 levels)"])
        #expect(parsed.tree == "(= y 0)\n(= z 1)")
    }

    /// Blocks recover inside themselves, so the outer blocks survive the error.
    @Test func deeplyNestedBlocksAreOneErrorNotACrash() {
        let source = String(repeating: "if a { ", count: Self.count) + String(repeating: "} ", count: Self.count)
        let parsed = Parsed(source + "\nz = 1")
        #expect(parsed.result.diagnostics.map(\.message) == ["nesting too deep (more than 200 levels)"])
        #expect(parsed.tree.hasPrefix("(if a {(if a {"))
        #expect(parsed.tree.hasSuffix("\n(= z 1)"))
    }

    /// Long flat lists of arguments, parameters, elements or statements are not nesting.
    @Test func longFlatSequencesParse() {
        let count = 20_000
        let names = (0..<count).map { "a\($0)" }
        #expect(Parsed("f(" + names.joined(separator: ", ") + ", lr=1)").errors == [])
        #expect(Parsed("def f(" + names.joined(separator: ", ") + ") = 1").errors == [])
        #expect(Parsed("[" + names.joined(separator: ", ") + "]").errors == [])
        #expect(Parsed(names.map { "\($0) = 1" }.joined(separator: "\n")).result.statements.count == count)
    }

    @Test func theErrorPointsAtTheTokenBeyondTheLimit() {
        let parsed = Parsed(String(repeating: "-", count: 300) + "1", limits: ParserLimits(maxNestingDepth: 10))
        #expect(parsed.errors == ["1:10: nesting too deep (more than 10 levels)"])
    }

    @Test func nestingWithinTheLimitParses() {
        let depth = 150
        let source = "x = " + String(repeating: "(", count: depth) + "1" + String(repeating: ")", count: depth)
        #expect(tree(source) == "(= x 1)")
        #expect(Parsed(source, limits: ParserLimits(maxNestingDepth: 100)).result.diagnostics.map(\.message)
            == ["nesting too deep (more than 100 levels)"])
    }
}
