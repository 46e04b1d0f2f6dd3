import DescentSyntax
import DescentTensor

extension Interpreter {
    /// `expect COND`: every element must be non-zero.
    func checkExpectation(_ condition: Expr, in scope: Scope) throws {
        let value = try evaluateTensor(condition, in: scope).value
        if value.scalars.allSatisfy({ $0 != 0 }) { return }
        var notes: [String] = []
        if case .binary(let op, let left, let right, _) = condition.kind, Self.isComparison(op) {
            notes.append("left:  " + InlineFormatter.format(try evaluateTensor(left, in: scope).value))
            notes.append("right: " + InlineFormatter.format(try evaluateTensor(right, in: scope).value))
        } else {
            notes.append("value: " + InlineFormatter.format(value))
        }
        throw Diagnostic("expectation failed: \(condition.range.text)", at: condition.range, notes: notes)
    }

    /// `expect A ≈ B within TOL`: same shape, every element within TOL (absolute).
    func checkApproximateExpectation(_ actual: Expr, _ expected: Expr, tolerance: Expr, in scope: Scope) throws {
        let left = try evaluateTensor(actual, in: scope).value
        let right = try evaluateTensor(expected, in: scope).value
        let limit = try evaluateTensor(tolerance, in: scope).value
        guard let allowed = limit.scalarValue, allowed >= 0 else {
            throw Diagnostic("the tolerance must be a single number of at least 0", at: tolerance.range)
        }
        let text = "\(actual.range.text) ≈ \(expected.range.text) within \(tolerance.range.text)"
        let values = ["left:  " + InlineFormatter.format(left), "right: " + InlineFormatter.format(right)]
        guard left.shape == right.shape else {
            throw Diagnostic(
                "expectation failed: \(text): shapes \(describeShape(left.shape)) and \(describeShape(right.shape)) differ",
                at: actual.range, notes: values)
        }
        var worst: (difference: Double, index: Int)?
        for index in 0..<left.count {
            let difference = abs(left.scalars[index] - right.scalars[index])
            if !(difference <= allowed), difference.isNaN || difference > (worst?.difference ?? -1) {
                worst = (difference, index)
                if difference.isNaN { break }
            }
        }
        guard let worst else { return }
        let position = left.rank == 0 ? "" : " at flat index \(worst.index)"
        throw Diagnostic(
            "expectation failed: \(text): the largest difference is \(NumberText.short(worst.difference))\(position)",
            at: actual.range, notes: values)
    }

    static func isComparison(_ op: BinaryOperator) -> Bool {
        [.less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual].contains(op)
    }
}
