import DescentSyntax
import DescentTensor

extension Interpreter {
    /// `name = value` and `name[i] = value`.
    func assign(_ target: AssignTarget, _ expression: Expr, in scope: Scope, context: ExecutionContext) throws {
        let name = target.name.text
        let substituted = try explanationText(for: expression, in: scope, context: context)
        var value = try evaluate(expression, in: scope)
        if case .none = value {
            throw Diagnostic("the right side produced no value", at: expression.range)
        }
        if !target.subscripts.isEmpty {
            value = .tensor(try assignElements(of: target, value, in: scope))
        }
        switch context {
        case .rule(let run) where RuleRun.thetaNames.contains(name):
            guard case .tensor(let tensor) = value else {
                throw Diagnostic("theta must be a tensor, got \(value.kindDescription)", at: expression.range)
            }
            try run.setTheta(tensor, in: scope, at: target.name.range)
        case .rule(let run) where run.stateNames.contains(name):
            scope.bind(name, to: value)
        case .topLevel where isParameter(name):
            guard case .tensor(let tensor) = value else {
                throw Diagnostic("param '\(name)' must hold a tensor, got \(value.kindDescription)", at: expression.range)
            }
            globals.bind(name, to: .tensor(Var(tensor.value)))
            masks[name] = nil
        default:
            scope.bind(name, to: value)
        }
        if case .rule(let run) = context, let substituted, case .tensor(let result) = value {
            run.explanation?.record(name: name, written: expression.range.text, substituted: substituted, result: result.value)
        }
    }

    /// The new value of a tensor after `name[subscripts] = value`.
    private func assignElements(of target: AssignTarget, _ value: Value, in scope: Scope) throws -> Var {
        guard let current = scope.lookup(target.name.text) else {
            throw Diagnostic("unknown name '\(target.name.text)'", at: target.name.range)
        }
        guard case .tensor(let base) = current else {
            throw Diagnostic("cannot index \(current.kindDescription)", at: target.name.range)
        }
        guard case .tensor(let replacement) = value else {
            throw Diagnostic("cannot store \(value.kindDescription) in a tensor", at: target.name.range)
        }
        let indices = try tensorIndices(target.subscripts, in: scope)
        let range = target.subscripts[0].range.union(target.subscripts[target.subscripts.count - 1].range)
        return Var(try locating(range) { try base.value.replacing(indices, with: replacement.value) })
    }

    /// `param w = value`: binds a global and makes it trainable.
    func declareParameter(_ name: Name, _ expression: Expr, in scope: Scope, context: ExecutionContext) throws {
        try requireTopLevel(context, statement: "param", at: name.range)
        let value = try evaluateTensor(expression, in: scope)
        globals.bind(name.text, to: .tensor(Var(value.value)))
        if !parameterNames.contains(name.text) { parameterNames.append(name.text) }
        masks[name.text] = nil
    }

    /// `data X, y`: these tensors' rows are the samples; their row counts must agree.
    func declareData(_ names: [Name], in scope: Scope, context: ExecutionContext) throws {
        try requireTopLevel(context, statement: "data", at: names[0].range)
        var rows: (count: Int, name: String)?
        for name in names {
            let tensor = try dataTensor(named: name)
            guard tensor.rank >= 1 else {
                throw Diagnostic("data '\(name.text)' must have rows, but it is a scalar", at: name.range)
            }
            if let rows, rows.count != tensor.shape[0] {
                throw Diagnostic(
                    "data rows must agree: '\(rows.name)' has \(rows.count) rows but '\(name.text)' has \(tensor.shape[0])",
                    at: name.range)
            }
            rows = (tensor.shape[0], name.text)
        }
        dataNames = names.map(\.text)
    }

    private func dataTensor(named name: Name) throws -> Tensor {
        guard let value = globals.lookup(name.text) else {
            throw Diagnostic("unknown name '\(name.text)'", at: name.range)
        }
        guard case .tensor(let tensor) = value else {
            throw Diagnostic("data '\(name.text)' must be a tensor, got \(value.kindDescription)", at: name.range)
        }
        return tensor.value
    }

    /// `state v = initial` inside an optimizer: evaluated on a param's first step only.
    func initializeState(_ name: Name, _ initial: Expr, in scope: Scope, context: ExecutionContext, at range: SourceRange) throws {
        guard case .rule = context else {
            throw Diagnostic("'state' is only allowed inside an optimizer", at: range)
        }
        if scope.bindsLocally(name.text) { return }
        let value = try evaluateTensor(initial, in: scope)
        scope.bind(name.text, to: .tensor(Var(value.value)))
    }
}
