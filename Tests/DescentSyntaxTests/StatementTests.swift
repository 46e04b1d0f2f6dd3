import Testing
import DescentSyntax

@Suite struct StatementTests {
    @Test(arguments: [
        ("x = 1", "(= x 1)"),
        ("w[0] = 1", "(= (index w 0) 1)"),
        ("X[0:2, :] = 0", "(= (index X (: 0 2 _) (: _ _ _)) 0)"),
        ("f(x)", "(call f x)"),
        ("print \"mean:\", mean(v)", "(print \"mean:\" (call mean v))"),
        ("print", "(print)"),
        ("a = 1; b = 2", "(= a 1)\n(= b 2)"),
        ("\n\n# only a comment\n\na = 1\n\n", "(= a 1)"),
        ("if s > 5 { flag = 1 } else { flag = 0 }", "(if (> s 5) {(= flag 1)} {(= flag 0)})"),
        ("if a { b }", "(if a {b})"),
        ("if a {\n  b\n}\nelse {\n  c\n}", "(if a {b} {c})"),
        ("if a { b } else if c { d } else { e }", "(if a {b} {(if c {d} {e})})"),
        ("for i in 0..5 { s = s + i }", "(for i 0 5 {(= s (+ s i))})"),
        ("for i in 1..n+1 {\n  print i\n}", "(for i 1 (+ n 1) {(print i)})"),
        ("def sq(x) = x^2", "(def sq (x) (^ x 2))"),
        ("def f(x, y=2) = x + y", "(def f (x (y 2)) (+ x y))"),
        ("def f() = 1", "(def f () 1)"),
        ("def mlp(x) {\n  h = tanh(x @ W1 + b1)\n  return h @ W2 + b2\n}",
         "(def mlp (x) {(= h (call tanh (+ (@ x W1) b1))); (return (+ (@ h W2) b2))})"),
        ("def f(x) { return }", "(def f (x) {(return)})"),
        ("expect J < 0.01", "(expect (< J 0.01))"),
        ("expect w ≈ [2, -1, 0.5] within 0.05", "(expect≈ w (list 2 (- 1) 0.5) 0.05)"),
        ("expect w ~= v within 0", "(expect≈ w v 0)"),
        ("param w = zeros(3)", "(param w (call zeros 3))"),
        ("data X, y", "(data X y)"),
        ("data X", "(data X)"),
        ("loss J = mean((X @ w + b - y)^2)", "(loss J (call mean (^ (- (+ (@ X w) b) y) 2)))"),
        ("keep = 1; by = keep", "(= keep 1)\n(= by keep)"),
    ])
    func parses(source: String, expected: String) {
        #expect(tree(source) == expected)
    }

    @Test func statementRangesCoverTheStatement() {
        let parsed = Parsed("x = 1\nif a {\n  b\n}\nparam w = zeros(3)  # comment")
        #expect(parsed.result.statements.map(\.range.text) == ["x = 1", "if a {\n  b\n}", "param w = zeros(3)"])
    }

    @Test func keywordsUsedAsNamesGetHelpfulMessages() {
        #expect(errors("loss = 3") == ["1:1: 'loss' is a keyword; did you mean 'loss NAME = …'?"])
        #expect(errors("step = 3") == ["1:1: 'step' is a keyword; did you mean 'step LOSS with OPT'?"])
        #expect(errors("data = 3") == ["1:1: 'data' is a keyword; did you mean 'data NAME, …'?"])
        #expect(errors("in = 3") == ["1:1: 'in' is a keyword and cannot be assigned"])
        let parsed = Parsed("param loss = 3")
        #expect(parsed.errors == ["1:7: expected a name after 'param', found 'loss'"])
        #expect(parsed.result.diagnostics.first?.notes == ["hint: 'loss' is a keyword and cannot be a name"])
    }

    @Test(arguments: [
        ("param 3 = 4", "1:7: expected a name after 'param', found '3'"),
        ("param w zeros(3)", "1:9: expected '=' after 'param w', found 'zeros'"),
        ("loss J", "1:7: expected '=' after 'loss J', found end of file"),
        ("data X,", "1:8: expected a name after ',', found end of file"),
        ("def (x) = 1", "1:5: expected a function name after 'def', found '('"),
        ("def f x = 1", "1:7: expected '(' after 'def f', found 'x'"),
        ("def f(x) x", "1:10: expected '=' or '{' after the parameters of 'f', found 'x'"),
        ("def f(x, x) = 1", "1:10: duplicate parameter 'x'"),
        ("for 1 in 0..5 { }", "1:5: expected a loop variable after 'for', found '1'"),
        ("for i 0..5 { }", "1:7: expected 'in' after 'for i', found '0'"),
        ("for i in 5 { }", "1:12: expected '..' in 'for i in A..B', found '{'"),
        ("for i in 0..5 s = 1", "1:15: expected '{' to start the body of 'for', found 's'"),
        ("if a b", "1:6: expected '{' after the condition of 'if', found 'b'"),
        ("if a { b } else c", "1:17: expected '{' or 'if' after 'else', found 'c'"),
        ("else { b }", "1:1: 'else' without an 'if' before it"),
        ("if a {\n  b\n", "3:1: expected '}' to close '{' at 1:6, found end of file"),
        ("expect w ≈ v", "1:13: expected 'within TOL' after 'expect A ≈ B', found end of file"),
        ("expect w ~= v 0.1", "1:15: expected 'within TOL' after 'expect A ~= B', found '0.1'"),
        ("x = a ≈ b", "1:7: '≈' can only be used in 'expect A ≈ B within TOL'"),
        ("x = 1 2", "1:7: expected a new line or ';' after the statement, found '2'"),
        ("f(x) = x^2", "1:1: cannot assign to a call; to define a function write 'def f(…) = …'"),
        ("x.T = 1", "1:1: cannot assign to this expression; the left side of '=' must be a name or 'name[…]'"),
        ("}", "1:1: unexpected '}' with no '{' to close"),
    ])
    func reportsWhatWasExpectedAndFound(source: String, expected: String) {
        #expect(errors(source) == [expected])
    }

    @Test func aComparisonWrittenAsAssignmentGetsAHint() {
        let parsed = Parsed("if x = 3 { y = 1 }")
        #expect(parsed.errors == ["1:6: expected '{' after the condition of 'if', found '='"])
        #expect(parsed.result.diagnostics.first?.notes == ["hint: use '==' to compare"])
    }
}
