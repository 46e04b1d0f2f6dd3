import Testing
import DescentSyntax

@Suite struct ExpressionTests {
    @Test(arguments: [
        ("3.5", "3.5"),
        ("\"hi\"", "\"hi\""),
        ("[1, 2, 3]", "(list 1 2 3)"),
        ("[[1, 2], [3, 4]]", "(list (list 1 2) (list 3 4))"),
        ("[1, 2,]", "(list 1 2)"),
        ("[]", "(list)"),
        ("[\n  1,\n  2\n]", "(list 1 2)"),
        ("randn(64, 3, seed=1)", "(call randn 64 3 (seed= 1))"),
        ("f()", "(call f)"),
        ("f(a,)", "(call f a)"),
        ("momentum(lr=0.05,\n         beta=0.9)", "(call momentum (lr= 0.05) (beta= 0.9))"),
        ("f(x == 1)", "(call f (== x 1))"),
        ("f(x)(y)", "(call (call f x) y)"),
        ("x[i]", "(index x i)"),
        ("x[i, j]", "(index x i j)"),
        ("x[a:b]", "(index x (: a b _))"),
        ("x[:, 1]", "(index x (: _ _ _) 1)"),
        ("x[::2]", "(index x (: _ _ 2))"),
        ("x[-1]", "(index x (- 1))"),
        ("x[1:]", "(index x (: 1 _ _))"),
        ("x[:3:-1]", "(index x (: _ 3 (- 1)))"),
        ("x[1:2:]", "(index x (: 1 2 _))"),
        ("x[0, ]", "(index x 0)"),
        ("M.T", "(. M T)"),
        ("x.shape[0]", "(index (. x shape) 0)"),
        ("θ - η*∇", "(- θ (* η ∇))"),
    ])
    func parses(source: String, expected: String) {
        #expect(tree(source) == expected)
    }

    @Test func positionalArgumentsComeFirst() {
        #expect(errors("f(lr=1, 2)") == ["1:9: positional argument after a named one"])
    }

    @Test func aNamedArgumentIsGivenOnce() {
        #expect(errors("f(lr=1, lr=2)") == ["1:9: duplicate argument 'lr'"])
    }

    @Test func aSubscriptCannotBeEmpty() {
        #expect(errors("x[]") == ["1:3: expected a subscript, found ']'"])
    }

    @Test func aMissingOperandNamesWhatWasFound() {
        #expect(errors("x = * 3") == ["1:5: expected an expression, found '*'"])
        #expect(errors("x = 1 +") == ["1:8: expected an expression, found end of file"])
        #expect(errors("x = (1 +\n") == ["1:9: expected an expression, found end of file"])
        #expect(errors("x = loss + 1") == ["1:5: expected an expression, found 'loss'"])
        #expect(errors("x = \"a\" \"b\"") == ["1:9: expected a new line or ';' after the statement, found a string"])
    }

    @Test func anUnclosedBracketIsReportedWhereTheLineEnds() {
        #expect(errors("y = 1\nx = f(1, 2\nz = 3") == ["2:11: expected ')' to close '(' at 2:6, found end of line"])
        #expect(errors("x = [1, 2\n") == ["1:10: expected ']' to close '[' at 1:5, found end of line"])
        #expect(errors("x = (1 2)") == ["1:8: expected ')' to close '(' at 1:5, found '2'"])
    }
}
