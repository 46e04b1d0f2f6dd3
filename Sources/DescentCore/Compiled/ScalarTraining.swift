import DescentSyntax
import DescentTensor

/// A whole run of steps on single numbers: when every param, hyper-parameter and state
/// is a number and the loss and rule use only arithmetic and the one-number functions
/// (Rosenbrock, the course's two-parameter bowls), a step is a few dozen instructions
/// on a register file, with no tensor, tape node or scope made.
///
/// The params and states live in registers for the run; `store(into:)` writes them back.
final class ScalarTraining {
    let plan: TrainingPlan
    let registerCount: Int
    /// The register file, and room for two copies of it: before the latest step, and
    /// before the one before it (where a diverged run goes back to).
    let registers: UnsafeMutablePointer<Double>
    let adjoints: UnsafeMutablePointer<Double>
    let checkpoints: (UnsafeMutablePointer<Double>, UnsafeMutablePointer<Double>)
    let forward: ScalarCode
    let backward: ScalarGradientCode
    /// Each rule's body, the copy of its recorded locals into `series`'s registers, and its
    /// commit, rule after rule: everything a step does after the gradients.
    let update: ScalarCode
    let lossRegister: Int
    let step: StepRegisters
    /// Per param: its register, and the adjoint its gradient is in (`nil`: always 0).
    let parameters: [(name: String, register: Int, adjoint: Int?)]
    /// Per param, where its rule reads the gradient.
    let gradientRegisters: [Int]
    /// The states of each param's rule: name, register, and code run on its first step.
    let states: [(parameter: String, states: [(name: String, register: Int, initializer: ScalarCode)])]
    /// The rules' recorded locals by name; a later rule's value replaces an earlier one's
    /// within a step, as `TrainingHistory.record` does.
    let series: [(name: String, register: Int)]
    /// Per rule, whether each state had a value when the run started (`state` lines run
    /// only on a param's first step).
    let statesAtStart: [[Bool]]

    /// `nil` when anything in the run is not a single number or not in the scalar subset.
    init?(_ plan: TrainingPlan, interpreter: Interpreter) {
        let builder = ScalarCodeBuilder(
            interpreter: interpreter, changingGlobals: Set(interpreter.parameterNames + interpreter.dataNames))
        var parameterRegisters: [(name: String, register: Int)] = []
        for name in plan.parameters {
            guard case .tensor(let value)? = interpreter.globals.values[name], value.value.rank == 0 else { return nil }
            let register = builder.register(value.value.scalars[0], traced: true)
            builder.globalNames[name] = register
            parameterRegisters.append((name, register))
        }
        guard let lossRegister = builder.emit(plan.loss.expression) else { return nil }
        let forward = builder.code
        let (backward, withAdjoint) = Self.backward(of: forward, from: lossRegister, traced: builder.traced)
        let step = StepRegisters(t: builder.register(), totalSteps: builder.register(), rowCount: builder.register())
        var rules: [ScalarRule] = []
        for (name, register) in parameterRegisters {
            guard let rule = ScalarRule(plan.instance, parameter: name, theta: register, step: step, builder: builder) else {
                return nil
            }
            rules.append(rule)
        }
        guard builder.deepestInlining < interpreter.limits.maxCallDepth else { return nil }
        (update, series) = Self.update(rules, builder: builder)
        self.plan = plan
        self.forward = forward
        self.backward = backward
        self.lossRegister = lossRegister
        self.step = step
        self.parameters = parameterRegisters.map { ($0.name, $0.register, withAdjoint.contains($0.register) ? $0.register : nil) }
        self.gradientRegisters = rules.map(\.gradient)
        self.states = rules.map { ($0.parameter, $0.states) }
        let saved = plan.instance.states
        self.statesAtStart = rules.map { rule in rule.states.map { saved[rule.parameter]?[$0.name] != nil } }
        registerCount = builder.initialValues.count
        registers = .allocate(capacity: registerCount)
        registers.initialize(from: builder.initialValues, count: registerCount)
        adjoints = .allocate(capacity: registerCount)
        adjoints.initialize(repeating: 0, count: registerCount)
        checkpoints = (.allocate(capacity: registerCount), .allocate(capacity: registerCount))
        checkpoints.0.initialize(from: registers, count: registerCount)
        checkpoints.1.initialize(from: registers, count: registerCount)
    }

    deinit {
        for buffer in [registers, adjoints, checkpoints.0, checkpoints.1] { buffer.deallocate() }
    }

    /// The rules one after another, each copying its recorded locals to one register per
    /// name before its commit overwrites them.
    private static func update(_ rules: [ScalarRule], builder: ScalarCodeBuilder) -> (ScalarCode, [(name: String, register: Int)]) {
        var code = ScalarCode()
        var series: [(name: String, register: Int)] = []
        for rule in rules {
            code.instructions += rule.body.instructions
            for (name, register) in rule.recorded {
                let target = series.first { $0.name == name }?.register ?? builder.register()
                if !series.contains(where: { $0.name == name }) { series.append((name, target)) }
                code.instructions.append(ScalarInstruction(operation: .copy, result: target, left: register))
            }
            code.instructions += rule.commit.instructions
        }
        return (code, series)
    }

    /// The tape's backward pass for this code, decided once: which instruction inputs get
    /// a gradient, in which order, and whether each is the input's first (stored) or a
    /// later one (added). Returns the code and the registers that end with an adjoint.
    private static func backward(of code: ScalarCode, from root: Int, traced: [Bool]) -> (ScalarGradientCode, Set<Int>) {
        var gradientCode = ScalarGradientCode()
        guard traced[root] else { return (gradientCode, []) }
        var hasAdjoint: Set<Int> = [root]
        func give(_ target: Int, _ rule: ScalarGradientInstruction.Rule, from instruction: ScalarInstruction) {
            gradientCode.instructions.append(ScalarGradientInstruction(
                rule: rule, result: instruction.result, left: instruction.left, right: instruction.right,
                target: target, accumulates: hasAdjoint.contains(target)))
            hasAdjoint.insert(target)
        }
        for instruction in code.instructions.reversed() where traced[instruction.result] && hasAdjoint.contains(instruction.result) {
            if case .unary(let operation) = instruction.operation {
                give(instruction.left, .unary(operation), from: instruction)
                continue
            }
            let (left, right) = gradientRules(of: instruction.operation)
            if traced[instruction.left], let left { give(instruction.left, left, from: instruction) }
            if traced[instruction.right], let right { give(instruction.right, right, from: instruction) }
        }
        return (gradientCode, hasAdjoint)
    }

    /// The backward rules of a binary instruction's two inputs: dedicated ones where the
    /// instruction is, `ElementwiseOperation`'s otherwise.
    private static func gradientRules(
        of operation: ScalarInstruction.Operation
    ) -> (ScalarGradientInstruction.Rule?, ScalarGradientInstruction.Rule?) {
        switch operation {
        case .add: (.identity, .identity)
        case .subtract: (.identity, .negated)
        case .multiply: (.timesRight, .timesLeft)
        case .divide: (.left(.divide), .right(.divide))
        // The exponent is a literal: no gradient flows into it.
        case .square: (.squareLeft, nil)
        case .binary(let operation): (.left(operation), .right(operation))
        case .unary, .copy: (nil, nil)
        }
    }
}
