import DescentSyntax
import DescentTensor

/// What a tensor-code run holds while it runs, in locals, as `ScalarRunState` does.
private struct TensorRunState {
    var initialized: [[Bool]]
    var anyUninitialized: Bool
    /// The params and states before this step, and before the last one.
    var beforeStep: UnsafeMutablePointer<Double>
    var lastGood: UnsafeMutablePointer<Double>
    var initializedBeforeStep: [[Bool]]
    var initializedLastGood: [[Bool]]
    var stepsTakenBeforeStep: Int
    var stepsTakenLastGood: Int
    /// Whether every state has a value and all three records above say so, which then no
    /// step changes: the step skips copying them.
    var settled = false
    /// The rows of this step's batch, and the sampler that draws them: the instance's,
    /// held here for the run and handed back at its end.
    var rows: [Int] = []
    var sampler: BatchSampler?
}

extension TensorTraining {
    /// Takes `count` steps as `Interpreter.runSteps` does — the same history, rollback on
    /// a non-finite loss, a step undone when a stop interrupts it, Ctrl-C between steps —
    /// and writes the params, states and history back however it ends. Returns whether
    /// Ctrl-C or the timeout stopped it.
    func run(
        count: Int, totalSteps: Int, history: inout TrainingHistory, measuringFullLoss: Bool, in interpreter: Interpreter
    ) throws -> Bool {
        let sources = data.map { name, _, _ -> [Double] in
            if case .tensor(let value)? = interpreter.globals.values[name] { return value.value.scalars }
            return []
        }
        return try Self.pinning(sources[...], []) { pointers in
            for (item, pointer) in zip(data, pointers) where !item.gathered {
                layout.registers[item.register] = UnsafeMutablePointer(mutating: pointer)
            }
            return try runPinned(
                count: count, totalSteps: totalSteps, sources: pointers, history: &history, measuringFullLoss: measuringFullLoss,
                in: interpreter)
        }
    }

    /// Runs `body` with a pointer to each array's numbers, valid throughout.
    private static func pinning<Result>(
        _ arrays: ArraySlice<[Double]>, _ pointers: [UnsafePointer<Double>], _ body: ([UnsafePointer<Double>]) throws -> Result
    ) throws -> Result {
        guard let first = arrays.first else { return try body(pointers) }
        return try first.withUnsafeBufferPointer { buffer in
            // An empty array's buffer may have no address; nothing reads it then.
            let pointer = buffer.baseAddress ?? UnsafePointer(bitPattern: MemoryLayout<Double>.alignment).unsafelyUnwrapped
            return try pinning(arrays.dropFirst(), pointers + [pointer], body)
        }
    }

    private func runPinned(
        count: Int, totalSteps: Int, sources: [UnsafePointer<Double>], history: inout TrainingHistory, measuringFullLoss: Bool,
        in interpreter: Interpreter
    ) throws -> Bool {
        let instance = plan.instance
        history.loss.reserveCapacity(history.loss.count + min(count, TrainingHistory.maxRecordedSteps))
        var state = TensorRunState(
            initialized: statesAtStart, anyUninitialized: statesAtStart.contains { $0.contains(false) },
            beforeStep: layout.checkpoints.0, lastGood: layout.checkpoints.1,
            initializedBeforeStep: statesAtStart, initializedLastGood: statesAtStart,
            stepsTakenBeforeStep: instance.stepsTaken, stepsTakenLastGood: instance.stepsTaken)
        var recording = RunRecording(
            series: series.map { ($0.name, layout.offset($0.register)) },
            parameters: parameters.compactMap { parameter in
                let size = layout.count(of: parameter.register)
                return size <= TrainingHistory.maxRecordedParameterSize ? (parameter.name, layout.offset(parameter.register), size) : nil
            },
            firstStep: history.loss.count, steps: count)
        state.sampler = instance.sampler
        var stepsRun = 0
        defer {
            instance.sampler = state.sampler
            recording.flush(into: &history)
            store(initialized: state.initialized, into: interpreter)
            interpreter.compiledRuns.tensorSteps += stepsRun
        }
        for index in 0..<count {
            if interpreter.cancellation.isCancelled { return true }
            state.beforeStep.update(from: layout.numbers, count: layout.persistentCount)
            if !state.settled { state.initializedBeforeStep = state.initialized }
            state.stepsTakenBeforeStep = instance.stepsTaken
            let batchLoss: Double
            do {
                batchLoss = try lossAndGradients(sources: sources, rows: &state.rows, sampler: &state.sampler)
                if !batchLoss.isFinite {
                    layout.numbers.update(from: state.lastGood, count: layout.persistentCount)
                    state.initialized = state.initializedLastGood
                    instance.stepsTaken = state.stepsTakenLastGood
                    recording.flush(into: &history)
                    history.truncate(toSteps: max(0, index - 1))
                    throw interpreter.divergence(plan, loss: batchLoss, stepIndex: index, count: count)
                }
                history.appendLoss(batchLoss)
                try update(&state, totalSteps: totalSteps)
            } catch let error as TensorError {
                // Only a stop interrupts a kernel: the step is undone, as the tree walker's is.
                layout.numbers.update(from: state.beforeStep, count: layout.persistentCount)
                state.initialized = state.initializedBeforeStep
                instance.stepsTaken = state.stepsTakenBeforeStep
                recording.flush(into: &history)
                history.truncate(toSteps: index)
                if interpreter.cancellation.isCancelled { return true }
                throw Diagnostic(error.message, at: plan.range)
            }
            stepsRun += 1
            if history.isRecordingStep {
                recording.noteStep(registers: layout.numbers)
                // The step is whole: a stop while measuring the loss after it ends the run
                // with an error, as the tree walker's loss evaluation does.
                if measuringFullLoss {
                    do {
                        history.fullLoss.append(try loss())
                    } catch let error as TensorError {
                        throw Diagnostic(error.message, at: plan.range)
                    }
                }
            }
            interpreter.progress?(TrainingProgress(step: index + 1, of: count, loss: batchLoss))
        }
        return false
    }

    /// The rule of every param, after the gradients: states made on a param's first step,
    /// then each rule's body and commit.
    private func update(_ state: inout TensorRunState, totalSteps: Int) throws {
        let instance = plan.instance
        let registers = layout.registers
        registers[step.t][0] = Double(instance.stepsTaken)
        registers[step.totalSteps][0] = Double(totalSteps)
        registers[step.rowCount][0] = Double(plan.rowCount)
        if state.anyUninitialized { try initializeStates(&state) }
        try self.update.run(registers, plans: plans)
        instance.stepsTaken += 1
        swap(&state.lastGood, &state.beforeStep)
        if !state.settled {
            swap(&state.initializedLastGood, &state.initializedBeforeStep)
            state.settled = !state.anyUninitialized && state.initializedLastGood == state.initialized
                && state.initializedBeforeStep == state.initialized
        }
        swap(&state.stepsTakenLastGood, &state.stepsTakenBeforeStep)
    }

    /// The loss at the current params, on the data as the loss reads it.
    private func loss() throws -> Double {
        try forward.run(layout.registers, plans: plans)
        return layout.registers[lossRegister][0]
    }

    /// The next batch's rows gathered, then the loss, with each param's gradient left in
    /// its adjoint, where its rule reads it.
    private func lossAndGradients(sources: [UnsafePointer<Double>], rows: inout [Int], sampler: inout BatchSampler?) throws -> Double {
        // Rows are drawn as the tree walker draws them, so the sampler stays in step.
        if sampler?.nextRows(rowCount: plan.rowCount, into: &rows) == true {
            // Rows that follow each other in the data (a batch in order) are read in place.
            let first = rows.first ?? 0
            let consecutive = rows.indices.allSatisfy { rows[$0] == first + $0 }
            for gather in gathers {
                let source = sources[gather.source]
                if consecutive {
                    layout.registers[gather.register] = UnsafeMutablePointer(mutating: source + first * gather.rowSize)
                    continue
                }
                layout.registers[gather.register] = gather.buffer
                for (index, row) in rows.enumerated() {
                    (gather.buffer + index * gather.rowSize).update(from: source + row * gather.rowSize, count: gather.rowSize)
                }
            }
        }
        let value = try loss()
        layout.adjoints[lossRegister][0] = 1
        try backward.run(layout.registers, adjoints: layout.adjoints, plans: plans)
        return value
    }

    /// Runs the `state` lines of the states without a value (a param's first step).
    private func initializeStates(_ state: inout TensorRunState) throws {
        for (ruleIndex, rule) in states.enumerated() {
            for (stateIndex, ruleState) in rule.states.enumerated() where !state.initialized[ruleIndex][stateIndex] {
                try ruleState.initializer.run(layout.registers, plans: plans)
                state.initialized[ruleIndex][stateIndex] = true
            }
        }
        state.anyUninitialized = false
    }

    /// Writes the params to the globals and the states that have values to the instance.
    private func store(initialized: [[Bool]], into interpreter: Interpreter) {
        for parameter in parameters {
            interpreter.globals.bind(parameter.name, to: .tensor(Var(layout.tensor(parameter.register))))
        }
        for (ruleIndex, rule) in states.enumerated() where initialized[ruleIndex].contains(true) {
            var values = plan.instance.states[rule.parameter] ?? [:]
            for (stateIndex, state) in rule.states.enumerated() where initialized[ruleIndex][stateIndex] {
                values[state.name] = .tensor(Var(layout.tensor(state.register)))
            }
            plan.instance.states[rule.parameter] = values
        }
    }
}
