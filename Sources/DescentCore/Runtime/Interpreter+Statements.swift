import DescentSyntax
import DescentTensor

/// Where a statement runs, which decides what assignment and `return` mean.
enum ExecutionContext {
    case topLevel
    case function
    /// One run of an optimizer's rule for one param.
    case rule(RuleRun)
}

/// How a statement finished.
enum Completion {
    case normal
    case returned(Value)
}

extension Interpreter {
    /// Runs statements in order until one returns.
    func execute(_ statements: [Stmt], in scope: Scope, context: ExecutionContext) throws -> Completion {
        for statement in statements {
            let completion = try execute(statement, in: scope, context: context)
            if case .returned = completion { return completion }
        }
        return .normal
    }

    func execute(_ statement: Stmt, in scope: Scope, context: ExecutionContext) throws -> Completion {
        switch statement.kind {
        case .expression(let expression):
            _ = try evaluate(expression, in: scope)
        case .assign(let target, let value):
            try assign(target, value, in: scope, context: context)
        case .print(let items):
            try printItems(items, in: scope)
        case .ifElse(let condition, let thenBranch, let elseBranch):
            if try isTrue(condition, in: scope, what: "the condition of 'if'") {
                return try execute(thenBranch, in: scope, context: context)
            } else if let elseBranch {
                return try execute(elseBranch, in: scope, context: context)
            }
        case .forLoop(let variable, let start, let end, let body):
            return try runLoop(variable, from: start, to: end, body: body, in: scope, context: context)
        case .function(let declaration):
            scope.bind(declaration.name.text, to: .function(FunctionDefinition(declaration: declaration)))
        case .returnValue(let expression):
            guard case .function = context else {
                throw Diagnostic("'return' outside a function", at: statement.range)
            }
            return .returned(try expression.map { try evaluate($0, in: scope) } ?? .none)
        case .expect(let condition):
            try checkExpectation(condition, in: scope)
        case .expectApprox(let actual, let expected, let tolerance):
            try checkApproximateExpectation(actual, expected, tolerance: tolerance, in: scope)
        case .param(let name, let value):
            try declareParameter(name, value, in: scope, context: context)
        case .data(let names):
            try declareData(names, in: scope, context: context)
        case .loss(let name, let expression):
            try requireTopLevel(context, statement: "loss", at: statement.range)
            globals.bind(name.text, to: .loss(LossDefinition(name: name, expression: expression)))
        case .optimizer(let declaration):
            try requireTopLevel(context, statement: "optimizer", at: statement.range)
            globals.bind(declaration.name.text, to: .optimizerDefinition(OptimizerDefinition(declaration: declaration)))
        case .state(let name, let initial):
            try initializeState(name, initial, in: scope, context: context, at: statement.range)
        case .train(let clause):
            try train(clause, in: scope, at: statement.range)
        case .step(let loss, let optimizer):
            try explainStep(loss: loss, optimizer: optimizer, in: scope, at: statement.range)
        case .prune(let name, let keep, let scores):
            try prune(name, keep: keep, by: scores, in: scope, context: context)
        case .gradcheck(let loss):
            try gradientCheck(loss, in: scope)
        case .plot(let clause):
            try plot(clause, in: scope, at: statement.range)
        case .compare(let clause):
            try compare(clause, in: scope, at: statement.range)
        }
        return .normal
    }

    func requireTopLevel(_ context: ExecutionContext, statement: String, at range: SourceRange) throws {
        guard case .topLevel = context else {
            throw Diagnostic("'\(statement)' is only allowed at the top level of a program", at: range)
        }
    }

    private func printItems(_ items: [Expr], in scope: Scope) throws {
        var parts: [String] = []
        for item in items {
            parts.append(try display(try evaluate(item, in: scope), at: item.range))
        }
        output(parts.joined(separator: " ") + "\n")
    }

    /// How `print` shows a value.
    func display(_ value: Value, at range: SourceRange) throws -> String {
        switch value {
        case .tensor(let tensor): return TensorFormatter().format(tensor.value)
        case .string(let text): return text
        case .function(let function): return "function \(function.name)"
        case .builtin(let builtin): return "builtin \(builtin.name)"
        case .optimizerDefinition(let definition): return "optimizer \(definition.name)"
        case .optimizer(let instance): return instance.description
        case .loss(let loss): return TensorFormatter().format(try evaluateLoss(loss, at: range).value)
        case .none: return "nothing"
        }
    }

    /// Whether a condition holds: a one-element tensor that is non-zero.
    func isTrue(_ condition: Expr, in scope: Scope, what: String) throws -> Bool {
        let value = try evaluateTensor(condition, in: scope).value
        guard let scalar = value.scalarValue else {
            throw Diagnostic(
                "\(what) must be a single number, got shape \(describeShape(value.shape))",
                at: condition.range, notes: ["hint: use all(…) or any(…) to combine the elements"])
        }
        return scalar != 0
    }

    private func runLoop(
        _ variable: Name, from start: Expr, to end: Expr, body: [Stmt], in scope: Scope, context: ExecutionContext
    ) throws -> Completion {
        let first = try integer(start, in: scope, what: "the start of a range")
        let last = try integer(end, in: scope, what: "the end of a range")
        var index = first
        while index < last {
            try checkCancellation(at: variable.range)
            scope.bind(variable.text, to: .number(Double(index)))
            let completion = try execute(body, in: scope, context: context)
            if case .returned = completion { return completion }
            index += 1
        }
        return .normal
    }

    /// Evaluates an expression that must be a whole number (a size, an index, a bound).
    func integer(_ expression: Expr, in scope: Scope, what: String) throws -> Int {
        let value = try evaluateTensor(expression, in: scope).value
        guard let scalar = value.scalarValue else {
            throw Diagnostic("\(what) must be a single number, got shape \(describeShape(value.shape))", at: expression.range)
        }
        return try locating(expression.range) { try ShapeValidation.integer(scalar, what: what) }
    }
}
