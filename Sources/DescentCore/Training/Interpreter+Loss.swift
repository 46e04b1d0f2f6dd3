import DescentSyntax
import DescentTensor

/// A loss value and its gradient with respect to each trained param.
struct LossGradient {
    let loss: Double
    let gradients: [Tensor]
}

extension Interpreter {
    /// The loss on the whole data set, as a constant.
    func evaluateLoss(_ loss: LossDefinition, at range: SourceRange) throws -> Var {
        try evaluatingLoss(loss, at: range) { try evaluateTensor(loss.expression, in: Scope(parent: globals)) }
    }

    /// Runs `evaluation` of `loss` as a call: within the recursion limits, and checked to
    /// give a scalar.
    func evaluatingLoss(_ loss: LossDefinition, at range: SourceRange, _ evaluation: () throws -> Var) throws -> Var {
        guard callDepth < limits.maxCallDepth else {
            throw Diagnostic("recursion too deep: more than \(limits.maxCallDepth) nested calls", at: range)
        }
        guard !StackGuard.isNearlyFull else { throw Diagnostic("recursion too deep: out of stack space", at: range) }
        callDepth += 1
        defer { callDepth -= 1 }
        let value = try evaluation()
        guard value.value.rank == 0 || value.value.count == 1 else {
            throw Diagnostic(
                "loss '\(loss.name.text)' must be a scalar, but it has shape \(describeShape(value.value.shape))",
                at: loss.expression.range, notes: ["hint: reduce it with mean(…) or sum(…)"])
        }
        return value
    }

    /// Evaluates `loss` on `rows` of the data (all rows when `nil`) with `parameters` as
    /// tape leaves, and returns its value and gradients. Globals are restored afterwards.
    func lossGradient(_ loss: LossDefinition, parameters: [String], rows: [Int]?, at range: SourceRange) throws -> LossGradient {
        var saved: [String: Value] = [:]
        for name in parameters + dataNames { saved[name] = globals.values[name] }
        tape.reset()
        tape.isRecording = true
        defer {
            tape.isRecording = false
            tape.reset()
            for (name, value) in saved { globals.bind(name, to: value) }
        }
        if let rows {
            for name in dataNames {
                guard case .tensor(let data)? = saved[name] else { continue }
                let batch = try locating(range) { try data.value.gatheringRows(rows) }
                globals.bind(name, to: .tensor(Var(batch)))
            }
        }
        var leaves: [Var] = []
        for name in parameters {
            guard case .tensor(let value)? = saved[name] else {
                throw Diagnostic("param '\(name)' no longer holds a tensor", at: range)
            }
            let leaf = tape.leaf(value.value)
            leaves.append(leaf)
            globals.bind(name, to: .tensor(leaf))
        }
        let value = try evaluateLoss(loss, at: range)
        return LossGradient(loss: value.value.scalars[0], gradients: tape.gradients(of: value, at: leaves))
    }

    /// The number of data rows (`N`); 1 when no data is declared, since the whole
    /// problem is then one sample.
    func dataRowCount(at range: SourceRange) throws -> Int {
        var rows: (count: Int, name: String)?
        for name in dataNames {
            guard case .tensor(let tensor)? = globals.values[name], tensor.value.rank >= 1 else {
                throw Diagnostic("data '\(name)' must be a tensor with rows", at: range)
            }
            if let rows, rows.count != tensor.value.shape[0] {
                throw Diagnostic(
                    "data rows must agree: '\(rows.name)' has \(rows.count) rows but '\(name)' has \(tensor.value.shape[0])",
                    at: range)
            }
            rows = (tensor.value.shape[0], name)
        }
        return rows?.count ?? 1
    }

    /// The loss named by an expression (`J`), or an error saying what it is instead.
    func lossDefinition(_ expression: Expr, in scope: Scope) throws -> LossDefinition {
        guard case .identifier(let name) = expression.kind else {
            throw Diagnostic("expected the name of a loss", at: expression.range, notes: ["hint: declare one with 'loss J = …'"])
        }
        guard let value = scope.lookup(name) else {
            throw Diagnostic(unknownNameMessage(name), at: expression.range)
        }
        guard case .loss(let loss) = value else {
            throw Diagnostic(
                "'\(name)' is \(value.kindDescription), not a loss", at: expression.range,
                notes: ["hint: declare one with 'loss \(name) = …'"])
        }
        return loss
    }

    /// The params a loss depends on, through the functions and losses it calls, in
    /// declaration order.
    func parameters(of loss: LossDefinition) -> [String] {
        var visited: Set<String> = []
        var names: Set<String> = []
        collectNames(in: loss.expression, visited: &visited, into: &names)
        return parameterNames.filter { names.contains($0) }
    }

    private func collectNames(in expression: Expr, visited: inout Set<String>, into names: inout Set<String>) {
        for name in ExpressionWalker.identifiers(in: expression) where !visited.contains(name) {
            visited.insert(name)
            names.insert(name)
            switch globals.lookup(name) {
            case .loss(let other)?:
                collectNames(in: other.expression, visited: &visited, into: &names)
            case .function(let function)?:
                for inner in ExpressionWalker.expressions(in: function.declaration) {
                    collectNames(in: inner, visited: &visited, into: &names)
                }
            default:
                break
            }
        }
    }
}
