import Testing
import DescentSyntax

@Suite struct PrecedenceTests {
    @Test(arguments: [
        ("-2^2", "(- (^ 2 2))"),
        ("2^-1", "(^ 2 (- 1))"),
        ("2^3^2", "(^ 2 (^ 3 2))"),
        ("-x^-y^2", "(- (^ x (- (^ y 2))))"),
        ("a@b+c", "(+ (@ a b) c)"),
        ("a+b@c", "(+ a (@ b c))"),
        ("a - b - c", "(- (- a b) c)"),
        ("a / b * c % d", "(% (* (/ a b) c) d)"),
        ("-a*b", "(* (- a) b)"),
        ("+a", "(+ a)"),
        ("--a", "(- (- a))"),
        ("a + b < c * d", "(< (+ a b) (* c d))"),
        ("a <= b", "(<= a b)"),
        ("a >= b", "(>= a b)"),
        ("a == b", "(== a b)"),
        ("a != b", "(!= a b)"),
        ("not a and b", "(and (not a) b)"),
        ("not a < b", "(not (< a b))"),
        ("a or b and c", "(or a (and b c))"),
        ("a and b or c and d", "(or (and a b) (and c d))"),
        ("not not a", "(not (not a))"),
        ("(a + b) * c", "(* (+ a b) c)"),
        ("f(x)^2", "(^ (call f x) 2)"),
        ("x.T @ y", "(@ (. x T) y)"),
        ("-x.shape", "(- (. x shape))"),
        ("a[0]^2", "(^ (index a 0) 2)"),
        ("2*-3", "(* 2 (- 3))"),
    ])
    func operatorsBindAsDocumented(source: String, expected: String) {
        #expect(tree(source) == expected)
    }

    @Test func comparisonsDoNotChain() {
        #expect(errors("a < b < c") == ["1:7: comparisons cannot be chained; use 'and'"])
        #expect(errors("a == b != c") == ["1:8: comparisons cannot be chained; use 'and'"])
        #expect(tree("a < b and b < c") == "(and (< a b) (< b c))")
    }

    @Test func parenthesesWidenTheRangeButKeepTheOperator() {
        let parsed = Parsed("(a + b) * c")
        guard case .expression(let product)? = parsed.result.statements.first?.kind,
              case .binary(_, let sum, _, let operatorRange) = product.kind,
              case .binary(_, _, _, let innerOperator) = sum.kind else {
            Issue.record("not a product of a sum")
            return
        }
        #expect(sum.range.text == "(a + b)")
        #expect(product.range.text == "(a + b) * c")
        #expect(operatorRange.text == "*")
        #expect(innerOperator.location == SourceLocation(line: 1, column: 4))
    }

    @Test func everyExpressionRangeCoversItsText() {
        let parsed = Parsed("f(a, lr=2)[1:3].T + -x^2")
        guard case .expression(let sum)? = parsed.result.statements.first?.kind,
              case .binary(_, let left, let right, _) = sum.kind,
              case .attribute(let indexed, _, let nameRange) = left.kind,
              case .index(let call, let subscripts) = indexed.kind else {
            Issue.record("unexpected shape")
            return
        }
        #expect(sum.range.text == "f(a, lr=2)[1:3].T + -x^2")
        #expect(left.range.text == "f(a, lr=2)[1:3].T")
        #expect(nameRange.text == "T")
        #expect(indexed.range.text == "f(a, lr=2)[1:3]")
        #expect(call.range.text == "f(a, lr=2)")
        #expect(subscripts.map(\.range.text) == ["1:3"])
        #expect(right.range.text == "-x^2")
    }
}
