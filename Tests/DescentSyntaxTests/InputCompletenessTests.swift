import Testing
import DescentSyntax

@Suite struct InputCompletenessTests {
    @Test(arguments: [
        "def f(x) {",
        "x = f(1,",
        "M = [[1, 2],",
        "optimizer o(lr = 1) {\n  theta = theta - lr*grad",
        "if a { b } else",
        "x = 1 +",
        "x = a and",
        "print \"a\",",
        "y =",
        "expect w ≈",
        "for i in 0..",
        "x = ( # a comment with a ) in it",
    ])
    func waitsForMore(text: String) {
        #expect(InputCompleteness.needsMoreInput(text))
    }

    @Test(arguments: [
        "",
        "x = 1",
        "def f(x) { return x }",
        "print \"(\"",
        "x = 1 # (",
        "print \"unterminated (",
        "plot loss",
        "x = 1)",
        "if a {\n  b\n}\n",
    ])
    func isComplete(text: String) {
        #expect(!InputCompleteness.needsMoreInput(text))
    }
}
