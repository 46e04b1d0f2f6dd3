import DescentSyntax
import DescentTensor

extension Interpreter {
    /// `prune w keep f by scores`: zero the lowest-scoring weights and keep the mask, so
    /// later updates leave them at zero. Inside an optimizer, `theta` names the param
    /// being updated.
    func prune(_ name: Name, keep: Expr, by scores: Expr, in scope: Scope, context: ExecutionContext) throws {
        let fraction = try evaluateTensor(keep, in: scope).value
        guard let keepFraction = fraction.scalarValue, keepFraction >= 0, keepFraction <= 1 else {
            throw Diagnostic("'keep' must be a fraction between 0 and 1", at: keep.range)
        }
        let score = try evaluateTensor(scores, in: scope).value
        if case .rule(let run) = context, RuleRun.thetaNames.contains(name.text) {
            let mask = try pruningMask(scores: score, keeping: keepFraction, shape: run.theta.shape, scoresAt: scores.range)
            masks[run.parameter] = mask
            try run.setTheta(Var(try locating(name.range) { try run.theta.elementwise(.multiply, mask) }), in: scope, at: name.range)
            return
        }
        guard isParameter(name.text), case .tensor(let weights)? = globals.values[name.text] else {
            throw Diagnostic("only a param can be pruned, and '\(name.text)' is not one", at: name.range)
        }
        let mask = try pruningMask(scores: score, keeping: keepFraction, shape: weights.value.shape, scoresAt: scores.range)
        masks[name.text] = mask
        globals.bind(name.text, to: .tensor(Var(try locating(name.range) { try weights.value.elementwise(.multiply, mask) })))
    }

    /// Ones for the round(f·n) highest scores, zeros for the rest; among equal scores the
    /// earlier weight is pruned first.
    func pruningMask(scores: Tensor, keeping fraction: Double, shape: [Int], scoresAt range: SourceRange) throws -> Tensor {
        guard scores.shape == shape else {
            throw Diagnostic(
                "pruning scores must have the param's shape \(describeShape(shape)), got \(describeShape(scores.shape))",
                at: range)
        }
        guard !scores.scalars.contains(where: \.isNaN) else {
            throw Diagnostic("pruning scores contain nan", at: range)
        }
        let keepCount = Int((fraction * Double(scores.count)).rounded(.toNearestOrAwayFromZero))
        let order = scores.argsortAscending()
        var mask = Tensor(repeating: 1, shape: shape)
        for position in order.prefix(scores.count - keepCount) { mask.scalars[position] = 0 }
        return mask
    }
}
