import DescentSyntax
import DescentTensor

/// A whole run of steps as tensor code: when the loss and the rule use only what
/// `TensorCodeBuilder` handles and every batch has the same number of rows (least
/// squares, a small network), the shapes never change between steps, so every value of a
/// step gets a buffer planned once, and a step runs kernels on those buffers without a
/// tape node, tensor or scope made.
///
/// The params and states live in the run's buffers; the run writes them back at its end.
final class TensorTraining {
    let plan: TrainingPlan
    let layout: TensorLayout
    let plans: TensorPlanTable
    let forward: TensorCode
    let backward: TensorGradientCode
    /// Each rule's body, the copy of its recorded locals into `series`'s registers, and its
    /// commit, rule after rule: everything a step does after the gradients.
    let update: TensorCode
    let lossRegister: Int
    let step: StepRegisters
    /// Per param: its name and register.
    let parameters: [(name: String, register: Int)]
    /// The states of each param's rule: name, register, and code run on its first step.
    let states: [(parameter: String, states: [(name: String, register: Int, initializer: TensorCode)])]
    let series: [(name: String, register: Int)]
    /// Per rule, whether each state had a value when the run started.
    let statesAtStart: [[Bool]]
    /// The data read by the loss: its register, and whether a step gathers its batch's
    /// rows into it (else the register is the whole data set, read in place).
    let data: [(name: String, register: Int, gathered: Bool)]
    /// How a step fills each batch register, in numbers only: the data set it draws from
    /// (by its index in `data`), the numbers in a row, and the register's own buffer.
    let gathers: [(register: Int, source: Int, rowSize: Int, buffer: UnsafeMutablePointer<Double>)]

    /// `nil` when anything in the run is outside the tensor code's subset.
    init?(_ plan: TrainingPlan, interpreter: Interpreter) {
        let instance = plan.instance
        let batchSize = instance.sampler?.fixedBatchSize(rowCount: plan.rowCount)
        if let mode = instance.sampler?.mode, mode != .all, batchSize == nil { return nil }
        let builder = TensorCodeBuilder(
            interpreter: interpreter, changingGlobals: Set(interpreter.parameterNames + interpreter.dataNames))
        var parameterRegisters: [(name: String, register: Int)] = []
        for name in plan.parameters {
            guard case .tensor(let value)? = interpreter.globals.values[name], value.value.count > 0,
                interpreter.masks[name] == nil
            else { return nil }
            let register = builder.register(value.value.shape, holding: value.value.scalars, traced: true)
            builder.globalNames[name] = register
            parameterRegisters.append((name, register))
        }
        guard let data = Self.dataRegisters(batchSize: batchSize, builder: builder, interpreter: interpreter),
            let lossRegister = builder.emit(plan.loss.expression), builder.count(lossRegister) == 1
        else { return nil }
        let forward = builder.code
        guard let (backward, withAdjoint) = TensorBackward.code(for: forward, from: lossRegister, builder: builder) else { return nil }
        let step = StepRegisters(t: builder.register([]), totalSteps: builder.register([]), rowCount: builder.register([]))
        var rules: [TensorRule] = []
        for (name, register) in parameterRegisters {
            guard let rule = TensorRule(instance, parameter: name, theta: register, step: step, builder: builder) else { return nil }
            rules.append(rule)
        }
        guard builder.deepestInlining < interpreter.limits.maxCallDepth else { return nil }
        (update, series) = Self.update(rules, builder: builder)
        self.plan = plan
        self.forward = forward
        self.backward = backward
        self.lossRegister = lossRegister
        self.step = step
        self.parameters = parameterRegisters
        self.states = rules.map { ($0.parameter, $0.states) }
        let saved = instance.states
        self.statesAtStart = rules.map { rule in rule.states.map { saved[rule.parameter]?[$0.name] != nil } }
        self.data = data
        let persistent = parameterRegisters.map(\.register) + rules.flatMap { $0.states.map(\.register) }
        // A rule reads its param's gradient in the adjoint; one without (no gradient
        // reaches it) reads a register of zeros nothing writes.
        var aliases: [Int: Int] = [:]
        for (parameter, rule) in zip(parameterRegisters, rules) where withAdjoint.contains(parameter.register) {
            aliases[rule.gradient] = parameter.register
        }
        guard let layout = TensorLayout(
            builder: builder, persistent: persistent, external: data.filter { !$0.gathered }.map(\.register), adjoints: withAdjoint,
            aliases: aliases, maxNumbers: Self.maxNumbers(interpreter.limits))
        else { return nil }
        self.layout = layout
        gathers = data.enumerated().compactMap { index, item in
            guard item.gathered, let batchSize, batchSize > 0 else { return nil }
            return (item.register, index, builder.count(item.register) / batchSize, layout.registers[item.register])
        }
        self.plans = TensorPlanTable(builder.plans)
    }

    deinit {
        plans.free()
    }

    /// The most numbers a run's buffers may hold: twice the element limit (1.6 GB at the
    /// default limit), about what the tape would hold for the same step.
    static func maxNumbers(_ limits: RuntimeLimits) -> Int {
        let (doubled, overflow) = limits.maxElements.multipliedReportingOverflow(by: 2)
        return overflow ? Int.max : doubled
    }

    /// A register per data name the loss may read: a batch's rows, or the whole data set.
    private static func dataRegisters(
        batchSize: Int?, builder: TensorCodeBuilder, interpreter: Interpreter
    ) -> [(name: String, register: Int, gathered: Bool)]? {
        var data: [(name: String, register: Int, gathered: Bool)] = []
        for name in interpreter.dataNames {
            guard case .tensor(let value)? = interpreter.globals.values[name], value.value.rank >= 1 else { return nil }
            var shape = value.value.shape
            if let batchSize { shape[0] = batchSize }
            guard let count = ShapeValidation.elementCount(of: shape), count <= interpreter.limits.maxElements else { return nil }
            let register = builder.register(shape)
            builder.globalNames[name] = register
            data.append((name, register, batchSize != nil))
        }
        return data
    }

    /// The rules one after another, each copying its recorded locals to one register per
    /// name before its commit overwrites them.
    private static func update(_ rules: [TensorRule], builder: TensorCodeBuilder) -> (TensorCode, [(name: String, register: Int)]) {
        var code = TensorCode()
        var series: [(name: String, register: Int)] = []
        for rule in rules {
            code.instructions += rule.body.instructions
            for (name, register) in rule.recorded {
                let target = series.first { $0.name == name }?.register ?? builder.register([])
                if !series.contains(where: { $0.name == name }) { series.append((name, target)) }
                code.instructions.append(TensorInstruction(operation: .copy, result: target, left: register, count: 1))
            }
            code.instructions += rule.commit.instructions
        }
        return (code, series)
    }
}
