import DescentSyntax
import DescentTensor

/// What the scalar-code and tensor-code builders share, so both bind names as a call's and
/// a rule's scopes do: registers by name, globals that hold still, calls of builtins and
/// of one-expression functions (inlined), a rule's names.
protocol CodeBuilding: AnyObject {
    var interpreter: Interpreter { get }
    /// Globals that change during a run but have no register (params, in a rule).
    var changingGlobals: Set<String> { get }
    /// Names read from registers: a rule's names, an inlined function's parameters.
    var names: [String: Int] { get set }
    /// Globals read from registers because they change between steps (params, data).
    var globalNames: [String: Int] { get set }
    /// The functions being inlined, innermost last, and the deepest such nesting.
    var inlining: [String] { get set }
    var deepestInlining: Int { get set }

    /// Emits code computing `expression`; returns the register holding its value.
    func emit(_ expression: Expr) -> Int?
    /// A register holding `value` for the run (a global, a hyper-parameter), or `nil`
    /// when the code cannot hold it.
    func register(constant value: Tensor) -> Int?
    /// Code for the builtin `name` of the one argument in `argument`, or `nil` when the
    /// code does not run it.
    func emitBuiltin(_ name: String, _ argument: Int) -> Int?
    /// A new register for a gradient of the param in `theta`.
    func gradientRegister(for theta: Int) -> Int
}

extension CodeBuilding {
    /// A name's register: a bound name, else a global that holds still during the run.
    func emitName(_ name: String) -> Int? {
        if let register = names[name] ?? globalNames[name] { return register }
        guard !changingGlobals.contains(name), case .tensor(let tensor)? = interpreter.globals.lookup(name) else { return nil }
        return register(constant: tensor.value)
    }

    /// A call of a builtin with its one argument (positional or `x=`), or of a user
    /// function whose body is one expression, by the name in `callee`.
    func emitCall(_ callee: Expr, _ arguments: [Argument]) -> Int? {
        guard case .identifier(let name) = callee.kind, names[name] == nil, globalNames[name] == nil,
            !changingGlobals.contains(name)
        else { return nil }
        switch interpreter.globals.lookup(name) {
        case .builtin(let builtin)?:
            guard arguments.count == 1, arguments[0].label == nil || arguments[0].label == "x",
                let argument = emit(arguments[0].value)
            else { return nil }
            return emitBuiltin(builtin.name, argument)
        case .function(let function)?:
            return emitInlined(function, arguments)
        default:
            return nil
        }
    }

    /// A user function's body, with its parameters naming the arguments' registers; it
    /// sees the globals but not the caller's names, as a call's scope does.
    func emitInlined(_ function: FunctionDefinition, _ arguments: [Argument]) -> Int? {
        guard case .expression(let body) = function.declaration.body, !inlining.contains(function.name) else { return nil }
        let destinations = ArgumentBinding.destinations(
            of: arguments, names: function.declaration.parameters.map(\.name.text), variadic: nil, function: function.name)
        var given: [String: Int] = [:]
        for (argument, destination) in zip(arguments, destinations) {
            guard let value = emit(argument.value), case .success(.named(let name)) = destination else { return nil }
            given[name] = value
        }
        let callerNames = names
        defer {
            names = callerNames
            inlining.removeLast()
        }
        names = [:]
        inlining.append(function.name)
        deepestInlining = max(deepestInlining, inlining.count)
        // Parameters bind in order; a default sees the parameters bound before it.
        for parameter in function.declaration.parameters {
            if let value = given[parameter.name.text] {
                names[parameter.name.text] = value
            } else {
                guard let defaultValue = parameter.defaultValue, let value = emit(defaultValue) else { return nil }
                names[parameter.name.text] = value
            }
        }
        return emit(body)
    }

    /// Starts a rule for the param in `theta`, binding what `Interpreter.applyRule` binds:
    /// the hyper-parameters, `t`, `T` and `N`, theta and grad. Returns the gradient's
    /// register, or `nil` when a hyper-parameter cannot be held.
    func bindRuleNames(of instance: OptimizerInstance, theta: Int, step: StepRegisters) -> Int? {
        names = [:]
        globalNames = [:]
        for (name, value) in instance.hyperParameters {
            guard let register = register(constant: value.value) else { return nil }
            names[name] = register
        }
        (names["t"], names["T"], names["N"]) = (step.t, step.totalSteps, step.rowCount)
        for name in RuleRun.thetaNames { names[name] = theta }
        let gradient = gradientRegister(for: theta)
        for name in RuleRun.gradientNames { names[name] = gradient }
        return gradient
    }
}
