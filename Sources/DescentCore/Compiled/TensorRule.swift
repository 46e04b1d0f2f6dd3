import DescentSyntax
import DescentTensor

/// An optimizer's rule for one param, as tensor code.
struct TensorRule {
    let parameter: String
    /// The param's register, which the loss reads and the rule's commit writes.
    let theta: Int
    /// Where the rule reads the gradient.
    let gradient: Int
    /// Each state's register and the code that initialises it on the param's first step.
    let states: [(name: String, register: Int, initializer: TensorCode)]
    let body: TensorCode
    /// The single-number locals and states a run records, read after the body.
    let recorded: [(name: String, register: Int)]
    /// Copies the body's last values of theta and the states into their registers.
    let commit: TensorCode

    /// `nil` unless the body is `state` lines followed by assignments the builder can
    /// emit, and theta and each state keep their shapes.
    init?(_ instance: OptimizerInstance, parameter: String, theta: Int, step: StepRegisters, builder: TensorCodeBuilder) {
        let definition = instance.definition
        guard let gradient = builder.bindRuleNames(of: instance, theta: theta, step: step) else { return nil }
        self.parameter = parameter
        self.theta = theta
        self.gradient = gradient

        guard let (states, statements) = Self.states(of: definition, parameter: parameter, saved: instance.states[parameter] ?? [:], builder: builder)
        else { return nil }
        builder.code = TensorCode()
        for statement in statements {
            guard case .assign(let target, let expression) = statement.kind, target.subscripts.isEmpty,
                let value = builder.emit(expression)
            else { return nil }
            let names = RuleRun.thetaNames.contains(target.name.text) ? RuleRun.thetaNames : [target.name.text]
            for name in names { builder.names[name] = value }
        }
        let copies = [(theta, builder.names["theta"] ?? theta)] + states.map { ($0.register, builder.names[$0.name] ?? $0.register) }
        guard copies.allSatisfy({ builder.shapes[$0.0] == builder.shapes[$0.1] }) else { return nil }
        self.states = states
        let recorded = definition.recordedNames.compactMap { name in
            builder.names[name].flatMap { builder.shapes[$0].isEmpty ? (name, $0) : nil }
        }
        self.recorded = recorded
        var body = builder.code
        let pending = Self.writeInPlace(copies.filter { $0.0 != $0.1 }, in: &body, keeping: Set(recorded.map(\.1)))
        self.body = body
        self.commit = Self.commitCode(pending, builder: builder)
    }

    /// The `state` lines at the top of the body: a register per state, of the saved
    /// state's shape (which keeps its value) or else the shape its `state` line gives.
    private static func states(
        of definition: OptimizerDefinition, parameter: String, saved: [String: Value], builder: TensorCodeBuilder
    ) -> ([(name: String, register: Int, initializer: TensorCode)], ArraySlice<Stmt>)? {
        var states: [(name: String, register: Int, initializer: TensorCode)] = []
        var statements = definition.declaration.body[...]
        while case .state(let name, let initial)? = statements.first?.kind {
            statements = statements.dropFirst()
            builder.code = TensorCode()
            guard let initialValue = builder.emit(initial) else { return nil }
            let register: Int
            switch saved[name.text] {
            case .tensor(let tensor)?:
                guard tensor.value.shape == builder.shapes[initialValue] else { return nil }
                register = builder.register(tensor.value.shape, holding: tensor.value.scalars)
            case nil:
                register = builder.register(builder.shapes[initialValue])
            default:
                return nil
            }
            builder.code.instructions.append(
                TensorInstruction(operation: .copy, result: register, left: initialValue, count: builder.count(register)))
            states.append((name.text, register, builder.code))
            builder.names[name.text] = register
        }
        return (states, statements)
    }

    /// Makes the elementwise instruction computing a copy's source write its destination
    /// instead, when nothing after it reads either and no other copy or record reads the
    /// source (an elementwise operation may write over an operand of its own shape).
    /// Returns the copies still to make.
    private static func writeInPlace(
        _ copies: [(destination: Int, source: Int)], in body: inout TensorCode, keeping kept: Set<Int>
    ) -> [(destination: Int, source: Int)] {
        let destinations = Set(copies.map(\.destination))
        guard !copies.contains(where: { destinations.contains($0.source) }) else { return copies }
        return copies.filter { copy in
            guard !kept.contains(copy.source), copies.filter({ $0.source == copy.source }).count == 1,
                let index = body.instructions.lastIndex(where: { $0.result == copy.source }),
                case .binary = body.instructions[index].operation,
                !body.instructions[(index + 1)...].contains(where: { $0.reads(copy.source) || $0.reads(copy.destination) })
            else { return true }
            body.instructions[index].result = copy.destination
            return false
        }
    }

    /// Copies each source to its destination as if all at once: through fresh registers
    /// first when a source is another copy's destination, else directly.
    private static func commitCode(_ pending: [(destination: Int, source: Int)], builder: TensorCodeBuilder) -> TensorCode {
        var code = TensorCode()
        let destinations = Set(pending.map(\.destination))
        guard pending.contains(where: { destinations.contains($0.source) }) else {
            code.instructions = pending.map { copy in
                TensorInstruction(operation: .copy, result: copy.destination, left: copy.source, count: builder.count(copy.source))
            }
            return code
        }
        let temporaries = pending.map { copy in
            let temporary = builder.register(builder.shapes[copy.source])
            code.instructions.append(
                TensorInstruction(operation: .copy, result: temporary, left: copy.source, count: builder.count(temporary)))
            return temporary
        }
        for (copy, temporary) in zip(pending, temporaries) {
            code.instructions.append(
                TensorInstruction(operation: .copy, result: copy.destination, left: temporary, count: builder.count(temporary)))
        }
        return code
    }
}
