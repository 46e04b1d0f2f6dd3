import DescentSyntax
import DescentTensor

/// The registers holding `t`, `T` and `N`, which every rule reads and the run sets before
/// each step.
struct StepRegisters {
    let t: Int
    let totalSteps: Int
    let rowCount: Int
}

/// An optimizer's rule for one single-number param, as scalar code.
struct ScalarRule {
    let parameter: String
    /// The param's register, which the loss reads and the rule's last copy writes.
    let theta: Int
    /// Where the rule reads the gradient.
    let gradient: Int
    /// Each state's register and the code that initialises it on the param's first step.
    let states: [(name: String, register: Int, initializer: ScalarCode)]
    let body: ScalarCode
    /// The locals and states a run records, read after the body and before `commit`.
    let recorded: [(name: String, register: Int)]
    /// Copies the body's last values of theta and the states into their registers.
    let commit: ScalarCode

    /// `nil` unless every hyper-parameter and existing state is a number and the body is
    /// `state` lines followed by assignments the builder can emit.
    init?(_ instance: OptimizerInstance, parameter: String, theta: Int, step: StepRegisters, builder: ScalarCodeBuilder) {
        let definition = instance.definition
        guard let gradient = builder.bindRuleNames(of: instance, theta: theta, step: step) else { return nil }
        self.parameter = parameter
        self.theta = theta
        self.gradient = gradient

        let saved = instance.states[parameter] ?? [:]
        var states: [(name: String, register: Int, initializer: ScalarCode)] = []
        var statements = definition.declaration.body[...]
        while case .state(let name, let initial)? = statements.first?.kind {
            statements = statements.dropFirst()
            var value = 0.0
            if case .tensor(let tensor)? = saved[name.text] {
                guard tensor.value.rank == 0 else { return nil }
                value = tensor.value.scalars[0]
            }
            let register = builder.register(value)
            builder.code = ScalarCode()
            guard let initialValue = builder.emit(initial) else { return nil }
            builder.code.instructions.append(ScalarInstruction(operation: .copy, result: register, left: initialValue))
            states.append((name.text, register, builder.code))
            builder.names[name.text] = register
        }
        builder.code = ScalarCode()
        for statement in statements {
            guard case .assign(let target, let expression) = statement.kind, target.subscripts.isEmpty,
                let value = builder.emit(expression)
            else { return nil }
            let names = RuleRun.thetaNames.contains(target.name.text) ? RuleRun.thetaNames : [target.name.text]
            for name in names { builder.names[name] = value }
        }
        self.states = states
        self.body = builder.code
        self.recorded = definition.recordedNames.compactMap { name in builder.names[name].map { (name, $0) } }
        self.commit = Self.commitCode(
            [(theta, builder.names["theta"] ?? theta)] + states.map { ($0.register, builder.names[$0.name] ?? $0.register) },
            builder: builder)
    }

    /// Copies each source to its destination as if all at once: through fresh registers
    /// first, since a source may be another copy's destination.
    private static func commitCode(_ copies: [(destination: Int, source: Int)], builder: ScalarCodeBuilder) -> ScalarCode {
        var code = ScalarCode()
        let pending = copies.filter { $0.destination != $0.source }
        let temporaries = pending.map { copy in
            let temporary = builder.register()
            code.instructions.append(ScalarInstruction(operation: .copy, result: temporary, left: copy.source))
            return temporary
        }
        for (copy, temporary) in zip(pending, temporaries) {
            code.instructions.append(ScalarInstruction(operation: .copy, result: copy.destination, left: temporary))
        }
        return code
    }
}
