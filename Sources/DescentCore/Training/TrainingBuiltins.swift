import DescentSyntax
import DescentTensor

/// `grad(J, w)` and `importance(J, w)`: builtins that take a loss and a param by name,
/// so the interpreter evaluates them itself rather than through argument binding.
enum TrainingBuiltins {
    static let all: [Builtin] = [
        Builtin("grad", [.required("loss"), .required("param")], "the full-batch gradient of a loss with respect to a param: grad(J, w)") { call in
            throw Diagnostic("grad() takes a loss and a param by name: grad(J, w)", at: call.range)
        },
        Builtin(
            "importance", [.required("loss"), .required("param")],
            "(1/N)·Σᵢ (∂Jᵢ/∂w)², per weight, with Jᵢ the loss on row i alone: importance(J, w)"
        ) { call in
            throw Diagnostic("importance() takes a loss and a param by name: importance(J, w)", at: call.range)
        },
    ]

    static func takesLossAndParameter(_ name: String) -> Bool {
        name == "grad" || name == "importance"
    }
}

extension Interpreter {
    /// Evaluates `grad(J, w)` or `importance(J, w)`.
    func evaluateLossParameterCall(_ builtin: Builtin, _ arguments: [Argument], at range: SourceRange, in scope: Scope) throws -> Var {
        guard arguments.count == 2, arguments.allSatisfy({ $0.label == nil }) else {
            throw Diagnostic("\(builtin.name)() takes a loss and a param by name: \(builtin.name)(J, w)", at: range)
        }
        let loss = try lossDefinition(arguments[0].value, in: scope)
        guard case .identifier(let name) = arguments[1].value.kind, isParameter(name) else {
            throw Diagnostic(
                "the second argument of \(builtin.name)() must name a param", at: arguments[1].value.range,
                notes: ["hint: declare it with 'param w = …'"])
        }
        if builtin.name == "grad" {
            return Var(try lossGradient(loss, parameters: [name], rows: nil, at: range).gradients[0])
        }
        return Var(try importance(of: loss, parameter: name, at: range))
    }

    /// The course's importance score: the mean over rows of the squared per-row gradient.
    func importance(of loss: LossDefinition, parameter: String, at range: SourceRange) throws -> Tensor {
        let rowCount = try dataRowCount(at: range)
        guard !dataNames.isEmpty, rowCount > 0 else {
            throw Diagnostic("importance needs data rows", at: range, notes: ["hint: declare the samples with 'data X, y'"])
        }
        var total: Tensor?
        for row in 0..<rowCount {
            try checkCancellation(at: range)
            let gradient = try lossGradient(loss, parameters: [parameter], rows: [row], at: range).gradients[0]
            let squared = try locating(range) { try gradient.elementwise(.multiply, gradient) }
            total = total.map { $0.adding(sameShape: squared) } ?? squared
        }
        guard let total else { throw Diagnostic("importance needs data rows", at: range) }
        return try locating(range) { try total.elementwise(.divide, Tensor(Double(rowCount))) }
    }
}
