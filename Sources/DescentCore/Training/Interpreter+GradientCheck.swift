import DescentSyntax
import DescentTensor

extension Interpreter {
    /// `gradcheck J`: each param's gradient against central finite differences, with
    /// the worst relative error per param.
    func gradientCheck(_ lossExpression: Expr, in scope: Scope) throws {
        let loss = try lossDefinition(lossExpression, in: scope)
        let parameters = parameters(of: loss)
        guard !parameters.isEmpty else {
            throw Diagnostic("loss '\(loss.name.text)' depends on no params, so it has no gradient to check", at: lossExpression.range)
        }
        let analytic = try lossGradient(loss, parameters: parameters, rows: nil, at: lossExpression.range).gradients
        var lines = ["gradcheck \(loss.name.text): worst relative error against central differences"]
        let width = parameters.map(\.count).max() ?? 0
        for (name, gradient) in zip(parameters, analytic) {
            let error = try worstRelativeError(of: gradient, for: name, loss: loss, at: lossExpression.range)
            lines.append("  " + name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + NumberText.short(error, digits: 2))
        }
        output(lines.joined(separator: "\n") + "\n")
    }

    private func worstRelativeError(of gradient: Tensor, for name: String, loss: LossDefinition, at range: SourceRange) throws -> Double {
        guard case .tensor(let original)? = globals.values[name] else { return .nan }
        defer { globals.bind(name, to: .tensor(original)) }
        var worst = 0.0
        for index in 0..<original.value.count {
            try checkCancellation(at: range)
            let x = original.value.scalars[index]
            let h = 1e-6 * max(1, abs(x))
            var shifted = original.value
            shifted.scalars[index] = x + h
            globals.bind(name, to: .tensor(Var(shifted)))
            let above = try evaluateLoss(loss, at: range).value.scalars[0]
            shifted.scalars[index] = x - h
            globals.bind(name, to: .tensor(Var(shifted)))
            let below = try evaluateLoss(loss, at: range).value.scalars[0]
            let numeric = (above - below) / (2 * h)
            let exact = gradient.scalars[index]
            let scale = max(abs(numeric), abs(exact), 1e-8)
            let error = abs(numeric - exact) / scale
            worst = error.isNaN ? .nan : max(worst, error)
        }
        return worst
    }
}
