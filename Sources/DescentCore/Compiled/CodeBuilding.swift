import DescentSyntax
import DescentTensor

/// What the scalar-code and tensor-code builders share, so both bind names as a call's and
/// a rule's scopes do: registers by name, one-expression functions inlined, a rule's names.
protocol CodeBuilding: AnyObject {
    /// Names read from registers: a rule's names, an inlined function's parameters.
    var names: [String: Int] { get set }
    /// Globals read from registers because they change between steps (params, data).
    var globalNames: [String: Int] { get set }
    /// The functions being inlined, innermost last, and the deepest such nesting.
    var inlining: [String] { get set }
    var deepestInlining: Int { get set }

    /// Emits code computing `expression`; returns the register holding its value.
    func emit(_ expression: Expr) -> Int?
    /// A register holding a hyper-parameter for the run, or `nil` when the code cannot.
    func register(hyperParameter value: Tensor) -> Int?
    /// A new register for a gradient of the param in `theta`.
    func gradientRegister(for theta: Int) -> Int
}

extension CodeBuilding {
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
            guard let register = register(hyperParameter: value.value) else { return nil }
            names[name] = register
        }
        (names["t"], names["T"], names["N"]) = (step.t, step.totalSteps, step.rowCount)
        for name in RuleRun.thetaNames { names[name] = theta }
        let gradient = gradientRegister(for: theta)
        for name in RuleRun.gradientNames { names[name] = gradient }
        return gradient
    }
}
