import DescentSyntax
import DescentTensor

/// One argument of a compiled call: where it goes and how to compute it.
private struct CompiledArgument {
    let destination: ArgumentDestination
    let range: SourceRange
    let evaluate: CompiledExpression

    /// The value, refused when it is nothing, as `bindArguments` refuses it.
    func value(in frame: CompiledFrame) throws -> Value {
        let value = try evaluate(frame)
        if case .none = value {
            throw Diagnostic("this argument produced no value", at: range)
        }
        return value
    }
}

extension ExpressionCompiler {
    /// A call of a builtin, or of a user function whose body is one expression (inlined).
    func compileCall(_ callee: Expr, _ arguments: [Argument], at range: SourceRange) -> CompiledExpression? {
        guard case .identifier(let name) = callee.kind, names[name] == nil, globalSlots[name] == nil,
            !changingGlobals.contains(name)
        else {
            return nil
        }
        switch interpreter.globals.lookup(name) {
        case .builtin(let builtin)? where !TrainingBuiltins.takesLossAndParameter(builtin.name):
            return compileBuiltinCall(builtin, arguments, at: range)
        case .function(let function)?:
            return compileFunctionCall(function, arguments, at: range)
        default:
            return nil
        }
    }

    private func compileBuiltinCall(_ builtin: Builtin, _ arguments: [Argument], at range: SourceRange) -> CompiledExpression? {
        if let tensorForm = builtin.tensorForm, arguments.count == 1, arguments[0].label == nil || arguments[0].label == "x",
            let argument = compile(arguments[0].value)
        {
            return compileTensorForm(tensorForm, of: builtin, argument: argument, at: arguments[0].value.range, call: range)
        }
        let variadic = builtin.parameters.first { if case .variadic = $0.kind { true } else { false } }?.name
        guard
            let compiled = compileArguments(arguments, names: builtin.parameters.map(\.name), variadic: variadic, function: builtin.name),
            builtin.parameters.allSatisfy({ parameter in
                if case .required = parameter.kind { return compiled.given.contains(parameter.name) }
                return true
            })
        else { return nil }
        let interpreter = interpreter
        let arguments = compiled.arguments
        return { frame in
            var named: [String: (value: Value, range: SourceRange)] = Dictionary(minimumCapacity: arguments.count)
            var rest: [(value: Value, range: SourceRange)] = []
            for argument in arguments {
                let value = try argument.value(in: frame)
                switch argument.destination {
                case .named(let name): named[name] = (value, argument.range)
                case .rest: rest.append((value, argument.range))
                }
            }
            try interpreter.checkCancellation(at: range)
            let call = BuiltinCall(interpreter: interpreter, builtin: builtin, range: range, named: named, rest: rest)
            return try locating(range) { try builtin.body(call) }
        }
    }

    /// `f(x)` through the builtin's one-tensor form, with `BuiltinCall`'s checks of `x`.
    private func compileTensorForm(
        _ tensorForm: @escaping @Sendable (Tape, Var) throws -> Var, of builtin: Builtin, argument: @escaping CompiledExpression,
        at argumentRange: SourceRange, call range: SourceRange
    ) -> CompiledExpression {
        let tape = interpreter.tape
        let interpreter = interpreter
        let evaluate = CompiledArgument(destination: .named("x"), range: argumentRange, evaluate: argument)
        return { frame in
            let value = try evaluate.value(in: frame)
            try interpreter.checkCancellation(at: range)
            let x = try BuiltinCall.tensor(value, at: argumentRange, in: builtin.name)
            return .tensor(try locating(range) { try tensorForm(tape, x) })
        }
    }

    /// Inlines `function`: its parameters get slots of their own, and its body sees them
    /// and the globals, as a call's scope does.
    private func compileFunctionCall(_ function: FunctionDefinition, _ arguments: [Argument], at range: SourceRange) -> CompiledExpression? {
        guard case .expression(let body) = function.declaration.body, !inlining.contains(function.name) else { return nil }
        let parameters = function.declaration.parameters
        guard let compiled = compileArguments(arguments, names: parameters.map(\.name.text), variadic: nil, function: function.name) else { return nil }
        var inner = ExpressionCompiler(
            interpreter: interpreter, slots: slots, globalSlots: globalSlots, changingGlobals: changingGlobals)
        inner.inlining = inlining.union([function.name])
        // Parameters bind in order; a default sees the parameters bound before it.
        var bindings: [(slot: Int, argument: Int?, fallback: CompiledExpression?)] = []
        for parameter in parameters {
            let argument = compiled.arguments.firstIndex { argument in
                if case .named(parameter.name.text) = argument.destination { return true }
                return false
            }
            var fallback: CompiledExpression?
            if argument == nil {
                guard let defaultValue = parameter.defaultValue, let compiledDefault = inner.compile(defaultValue) else { return nil }
                fallback = compiledDefault
            }
            let slot = slots.next()
            inner.names[parameter.name.text] = slot
            bindings.append((slot, argument, fallback))
        }
        guard let compiledBody = inner.compile(body) else { return nil }
        let interpreter = interpreter
        let arguments = compiled.arguments
        return { frame in
            var values: [Value] = []
            values.reserveCapacity(arguments.count)
            for argument in arguments { values.append(try argument.value(in: frame)) }
            try interpreter.checkCallAllowed(function, at: range)
            for binding in bindings {
                if let argument = binding.argument {
                    frame.slots[binding.slot] = values[argument]
                } else if let fallback = binding.fallback {
                    frame.slots[binding.slot] = try fallback(frame)
                }
            }
            interpreter.callDepth += 1
            defer { interpreter.callDepth -= 1 }
            return try compiledBody(frame)
        }
    }

    /// Binds arguments to parameter names by `ArgumentBinding`'s rules, once, when
    /// compiling; `nil` where that is an error, which the tree walker then reports.
    private func compileArguments(
        _ arguments: [Argument], names: [String], variadic: String?, function: String
    ) -> (arguments: [CompiledArgument], given: Set<String>)? {
        let destinations = ArgumentBinding.destinations(of: arguments, names: names, variadic: variadic, function: function)
        var given: Set<String> = []
        var compiled: [CompiledArgument] = []
        for (argument, destination) in zip(arguments, destinations) {
            guard let evaluate = compile(argument.value), case .success(let destination) = destination else { return nil }
            if case .named(let name) = destination { given.insert(name) }
            compiled.append(CompiledArgument(destination: destination, range: argument.value.range, evaluate: evaluate))
        }
        return (compiled, given)
    }
}
