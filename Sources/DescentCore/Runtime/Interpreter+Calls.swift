import DescentSyntax
import DescentTensor

extension Interpreter {
    /// `f(args)`: a builtin, a user function, or an optimizer definition (which makes an
    /// instance). `grad` and `importance` take a loss and a param by name.
    func evaluateCall(_ callee: Expr, _ arguments: [Argument], at range: SourceRange, in scope: Scope) throws -> Value {
        guard case .identifier(let name) = callee.kind else {
            throw Diagnostic("only named functions can be called", at: callee.range)
        }
        let target = try lookupCallee(name, at: callee.range, in: scope)
        switch target {
        case .builtin(let builtin) where TrainingBuiltins.takesLossAndParameter(builtin.name):
            return .tensor(try evaluateLossParameterCall(builtin, arguments, at: range, in: scope))
        case .builtin(let builtin):
            return try callBuiltin(builtin, arguments, at: range, in: scope)
        case .function(let function):
            return try callFunction(function, arguments, at: range, in: scope)
        case .optimizerDefinition(let definition):
            return .optimizer(try instantiate(definition, arguments, at: range, in: scope))
        default:
            throw Diagnostic("'\(name)' is \(target.kindDescription), not a function", at: callee.range)
        }
    }

    private func lookupCallee(_ name: String, at range: SourceRange, in scope: Scope) throws -> Value {
        guard let value = scope.lookup(name) else {
            throw Diagnostic(unknownNameMessage(name), at: range)
        }
        return value
    }

    /// Evaluates positional and named arguments against a parameter list.
    private func bindArguments(
        _ arguments: [Argument], names: [String], variadic: String?, function: String, in scope: Scope
    ) throws -> (named: [String: (value: Value, range: SourceRange)], rest: [(value: Value, range: SourceRange)]) {
        var named: [String: (value: Value, range: SourceRange)] = [:]
        var rest: [(value: Value, range: SourceRange)] = []
        let destinations = ArgumentBinding.destinations(of: arguments, names: names, variadic: variadic, function: function)
        for (argument, destination) in zip(arguments, destinations) {
            let value = try evaluate(argument.value, in: scope)
            if case .none = value {
                throw Diagnostic("this argument produced no value", at: argument.value.range)
            }
            switch try destination.get() {
            case .named(let name): named[name] = (value, argument.value.range)
            case .rest: rest.append((value, argument.value.range))
            }
        }
        return (named, rest)
    }

    func callBuiltin(_ builtin: Builtin, _ arguments: [Argument], at range: SourceRange, in scope: Scope) throws -> Value {
        let variadic = builtin.parameters.first { if case .variadic = $0.kind { true } else { false } }?.name
        let bound = try bindArguments(
            arguments, names: builtin.parameters.map(\.name), variadic: variadic, function: builtin.name, in: scope)
        for parameter in builtin.parameters {
            if case .required = parameter.kind, bound.named[parameter.name] == nil {
                throw Diagnostic("\(builtin.name)() needs the argument '\(parameter.name)'", at: range)
            }
        }
        try checkCancellation(at: range)
        let call = BuiltinCall(interpreter: self, builtin: builtin, range: range, named: bound.named, rest: bound.rest)
        return try locating(range) { try builtin.body(call) }
    }

    func callFunction(_ function: FunctionDefinition, _ arguments: [Argument], at range: SourceRange, in scope: Scope) throws -> Value {
        let parameters = function.declaration.parameters
        let bound = try bindArguments(
            arguments, names: parameters.map(\.name.text), variadic: nil, function: function.name, in: scope)
        try checkCallAllowed(function, at: range)
        let local = Scope(parent: globals)
        for parameter in parameters {
            if let argument = bound.named[parameter.name.text] {
                local.bind(parameter.name.text, to: argument.value)
            } else if let defaultValue = parameter.defaultValue {
                local.bind(parameter.name.text, to: try evaluate(defaultValue, in: local))
            } else {
                throw Diagnostic("\(function.name)() needs the argument '\(parameter.name.text)'", at: range)
            }
        }
        callDepth += 1
        defer { callDepth -= 1 }
        switch function.declaration.body {
        case .expression(let body):
            return try evaluate(body, in: local)
        case .block(let body):
            if case .returned(let value) = try execute(body, in: local, context: .function) { return value }
            return .none
        }
    }

    /// Refuses a call to `function` that would recurse too deep, and stops for Ctrl-C or the
    /// timeout: recursion may run long without a loop that polls for them.
    func checkCallAllowed(_ function: FunctionDefinition, at range: SourceRange) throws {
        guard callDepth < limits.maxCallDepth else {
            throw Diagnostic(
                "recursion too deep: more than \(limits.maxCallDepth) nested calls", at: range,
                notes: ["hint: check that '\(function.name)' stops calling itself"])
        }
        try checkCancellation(at: range)
        guard !StackGuard.isNearlyFull else {
            throw Diagnostic(
                "recursion too deep: out of stack space", at: range,
                notes: ["hint: check that '\(function.name)' stops calling itself"])
        }
    }

    /// `momentum(lr=0.05)`: an instance with its hyper-parameters evaluated now.
    func instantiate(_ definition: OptimizerDefinition, _ arguments: [Argument], at range: SourceRange, in scope: Scope) throws -> OptimizerInstance {
        let hyper = definition.declaration.hyperParameters
        let bound = try bindArguments(
            arguments, names: hyper.map(\.name.text), variadic: nil, function: definition.name, in: scope)
        var values: [(name: String, value: Var)] = []
        let defaults = Scope(parent: globals)
        for parameter in hyper {
            let value: Value
            if let argument = bound.named[parameter.name.text] {
                value = argument.value
            } else if let defaultValue = parameter.defaultValue {
                value = try evaluate(defaultValue, in: defaults)
            } else {
                throw Diagnostic("\(definition.name)() needs the hyper-parameter '\(parameter.name.text)'", at: range)
            }
            guard case .tensor(let tensor) = value else {
                let where_ = bound.named[parameter.name.text]?.range ?? range
                throw Diagnostic("hyper-parameter '\(parameter.name.text)' must be a tensor, got \(value.kindDescription)", at: where_)
            }
            defaults.bind(parameter.name.text, to: value)
            values.append((parameter.name.text, Var(tensor.value)))
        }
        return OptimizerInstance(definition: definition, hyperParameters: values)
    }
}
