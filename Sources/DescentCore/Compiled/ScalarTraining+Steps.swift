import DescentSyntax
import DescentTensor

/// What a scalar run holds while it runs: the parts that change from step to step, in
/// locals, so the loop touches no class property and allocates nothing.
private struct ScalarRunState {
    /// Per rule and state, whether the state has a value (set by its first step).
    var initialized: [[Bool]]
    var anyUninitialized: Bool
    /// The registers before this step, and before the last one (where a divergence goes back).
    var beforeStep: UnsafeMutablePointer<Double>
    var lastGood: UnsafeMutablePointer<Double>
    var initializedBeforeStep: [[Bool]]
    var initializedLastGood: [[Bool]]
    var stepsTakenBeforeStep: Int
    var stepsTakenLastGood: Int
}

extension ScalarTraining {
    /// Takes `count` steps as `Interpreter.runSteps` does — the same history, rollback
    /// on a non-finite loss, Ctrl-C between steps — and writes the params, states and
    /// history back however it ends. Returns whether Ctrl-C or the timeout stopped it.
    func run(
        count: Int, totalSteps: Int, history: inout TrainingHistory, measuringFullLoss: Bool, in interpreter: Interpreter
    ) throws -> Bool {
        let instance = plan.instance
        history.loss.reserveCapacity(history.loss.count + min(count, TrainingHistory.maxRecordedSteps))
        var state = ScalarRunState(
            initialized: statesAtStart, anyUninitialized: statesAtStart.contains { $0.contains(false) },
            beforeStep: checkpoints.0, lastGood: checkpoints.1,
            initializedBeforeStep: statesAtStart, initializedLastGood: statesAtStart,
            stepsTakenBeforeStep: instance.stepsTaken, stepsTakenLastGood: instance.stepsTaken)
        var recording = RunRecording(
            series: series, parameters: parameters.map { ($0.name, $0.register, 1) }, firstStep: history.loss.count,
            steps: count)
        var stepsRun = 0
        defer {
            recording.flush(into: &history)
            store(initialized: state.initialized, into: interpreter)
            interpreter.compiledRuns.scalarSteps += stepsRun
        }
        for index in 0..<count {
            if interpreter.cancellation.isCancelled { return true }
            state.beforeStep.update(from: registers, count: registerCount)
            state.initializedBeforeStep = state.initialized
            state.stepsTakenBeforeStep = instance.stepsTaken
            // Rows are drawn as the tree walker draws them, so the sampler stays in step.
            _ = instance.sampler?.nextRows(rowCount: plan.rowCount)
            let batchLoss = lossAndGradients()
            if !batchLoss.isFinite {
                registers.update(from: state.lastGood, count: registerCount)
                state.initialized = state.initializedLastGood
                instance.stepsTaken = state.stepsTakenLastGood
                recording.flush(into: &history)
                history.truncate(toSteps: max(0, index - 1))
                throw interpreter.divergence(plan, loss: batchLoss, stepIndex: index, count: count)
            }
            history.appendLoss(batchLoss)
            registers[step.t] = Double(instance.stepsTaken)
            registers[step.totalSteps] = Double(totalSteps)
            registers[step.rowCount] = Double(plan.rowCount)
            if state.anyUninitialized { initializeStates(&state) }
            update.run(registers)
            instance.stepsTaken += 1
            swap(&state.lastGood, &state.beforeStep)
            swap(&state.initializedLastGood, &state.initializedBeforeStep)
            swap(&state.stepsTakenLastGood, &state.stepsTakenBeforeStep)
            if history.isRecordingStep {
                recording.noteStep(registers: registers)
                if measuringFullLoss { history.fullLoss.append(loss()) }
            }
            stepsRun += 1
            interpreter.progress?(TrainingProgress(step: index + 1, of: count, loss: batchLoss))
        }
        return false
    }

    /// The loss at the params' registers.
    private func loss() -> Double {
        forward.run(registers)
        return registers[lossRegister]
    }

    /// The loss, with each param's gradient left in its rule's gradient register.
    private func lossAndGradients() -> Double {
        let value = loss()
        adjoints[lossRegister] = 1
        backward.run(registers, adjoints: adjoints)
        for (parameter, gradient) in zip(parameters, gradientRegisters) {
            registers[gradient] = parameter.adjoint.map { adjoints[$0] } ?? 0
        }
        return value
    }

    /// Runs the `state` lines of the states without a value (a param's first step).
    private func initializeStates(_ state: inout ScalarRunState) {
        for (ruleIndex, rule) in states.enumerated() {
            for (stateIndex, ruleState) in rule.states.enumerated() where !state.initialized[ruleIndex][stateIndex] {
                ruleState.initializer.run(registers)
                state.initialized[ruleIndex][stateIndex] = true
            }
        }
        state.anyUninitialized = false
    }

    /// Writes the params to the globals and the states that have values to the instance.
    private func store(initialized: [[Bool]], into interpreter: Interpreter) {
        for parameter in parameters {
            interpreter.globals.bind(parameter.name, to: .tensor(Var(Tensor(registers[parameter.register]))))
        }
        for (ruleIndex, rule) in states.enumerated() where initialized[ruleIndex].contains(true) {
            var values = plan.instance.states[rule.parameter] ?? [:]
            for (stateIndex, state) in rule.states.enumerated() where initialized[ruleIndex][stateIndex] {
                values[state.name] = .tensor(Var(Tensor(registers[state.register])))
            }
            plan.instance.states[rule.parameter] = values
        }
    }
}
