import DescentSyntax
import DescentTensor

/// How a run of steps ended.
struct TrainingOutcome {
    let stepsTaken: Int
    let startLoss: Double
    let endLoss: Double
    let interrupted: Bool
}

extension Interpreter {
    /// `train J with opt steps K batch B seed S`.
    func train(_ clause: TrainClause, in scope: Scope, at range: SourceRange) throws {
        let plan = try trainingPlan(
            loss: clause.loss, optimizer: clause.optimizer, batch: clause.batch, seed: clause.seed, in: scope, at: range)
        let steps = try clause.steps.map { try integer($0, in: scope, what: "the number of steps") } ?? Self.defaultSteps
        try checkStepCount(steps, at: clause.steps?.range ?? range)
        var history = TrainingHistory(optimizerName: plan.instance.name)
        defer {
            lastHistory = history
            lastHistoryOwner = ObjectIdentifier(plan.instance)
        }
        let outcome = try runSteps(plan, count: steps, history: &history)
        output(summary(of: outcome, plan: plan, requested: steps))
        if outcome.interrupted {
            throw Diagnostic(cancellation.reason, at: range.beginning)
        }
    }

    /// Steps a `train` takes when it does not say.
    static let defaultSteps = 100

    /// The most steps one run may take: far beyond any run's patience, and small enough
    /// that step counters never overflow.
    static let maxSteps = 1_000_000_000_000

    func checkStepCount(_ steps: Int, at range: SourceRange) throws {
        guard steps >= 0 else {
            throw Diagnostic("the number of steps must not be negative, got \(steps)", at: range)
        }
        guard steps <= Self.maxSteps else {
            throw Diagnostic("the number of steps must be at most \(Self.maxSteps), got \(steps)", at: range)
        }
    }

    /// `momentum: 200 steps, loss 4.51 -> 0.0123`.
    func summary(of outcome: TrainingOutcome, plan: TrainingPlan, requested: Int) -> String {
        let steps = outcome.interrupted
            ? "stopped after \(outcome.stepsTaken) of \(requested) steps"
            : "\(outcome.stepsTaken) step\(outcome.stepsTaken == 1 ? "" : "s")"
        return "\(plan.instance.name): \(steps), loss \(NumberText.short(outcome.startLoss)) -> \(NumberText.short(outcome.endLoss))\n"
    }

    /// Takes `count` steps, recording into `history` (and, with `measuringFullLoss`, the
    /// loss on all the data after every step); stops early on Ctrl-C and throws on a
    /// non-finite loss after putting the params back where the loss was last finite.
    func runSteps(
        _ plan: TrainingPlan, count: Int, history: inout TrainingHistory, measuringFullLoss: Bool = false
    ) throws -> TrainingOutcome {
        let instance = plan.instance
        let totalSteps = instance.stepsTaken + count
        let startLoss = try evaluateLoss(plan.loss, at: plan.range).value.scalars[0]
        history.parameterNames = plan.parameters
        history.lossName = plan.loss.name.text
        if measuringFullLoss { history.fullLoss = [startLoss] }
        recordParameters(plan, into: &history)
        let interrupted: Bool
        if compilesTraining, let scalar = ScalarTraining(plan, interpreter: self) {
            interrupted = try scalar.run(
                count: count, totalSteps: totalSteps, history: &history, measuringFullLoss: measuringFullLoss, in: self)
        } else if compilesTraining, compilesTensorCode, !measuringFullLoss || plan.instance.sampler?.mode ?? .all == .all,
            let tensor = TensorTraining(plan, interpreter: self)
        {
            interrupted = try tensor.run(
                count: count, totalSteps: totalSteps, history: &history, measuringFullLoss: measuringFullLoss, in: self)
        } else {
            interrupted = try runTreeSteps(plan, count: count, totalSteps: totalSteps, history: &history, measuringFullLoss: measuringFullLoss)
        }
        let endLoss = try finishing { try evaluateLoss(plan.loss, at: plan.range).value.scalars[0] }
        return TrainingOutcome(
            stepsTaken: history.stepCount, startLoss: startLoss, endLoss: endLoss, interrupted: interrupted)
    }

    /// The steps of `runSteps` for runs that are not all single numbers: the loss and rules
    /// compiled to closures where they can be, the tree walker elsewhere.
    private func runTreeSteps(
        _ plan: TrainingPlan, count: Int, totalSteps: Int, history: inout TrainingHistory, measuringFullLoss: Bool
    ) throws -> Bool {
        let instance = plan.instance
        var lastGood = snapshot(plan)
        let compiled = compilesTraining ? CompiledTraining(plan, interpreter: self) : nil
        for index in 0..<count {
            if cancellation.isCancelled { return true }
            let beforeStep = snapshot(plan)
            let rows = instance.sampler?.nextRows(rowCount: plan.rowCount) ?? nil
            let batchLoss: Double
            do {
                batchLoss = try takeStep(plan, rows: rows, totalSteps: totalSteps, history: &history, compiled: compiled)
            } catch {
                // A step is whole or not at all: an error or Ctrl-C inside one (between two
                // params' rules, say) puts back what the step had changed.
                restore(beforeStep, plan: plan)
                history.truncate(toSteps: index)
                if cancellation.isCancelled { return true }
                throw error
            }
            if !batchLoss.isFinite {
                restore(lastGood, plan: plan)
                history.truncate(toSteps: max(0, index - 1))
                throw divergence(plan, loss: batchLoss, stepIndex: index, count: count)
            }
            lastGood = beforeStep
            recordParameters(plan, into: &history)
            if measuringFullLoss, history.isRecordingStep {
                history.fullLoss.append(try evaluateLoss(plan.loss, at: plan.range).value.scalars[0])
            }
            progress?(TrainingProgress(step: index + 1, of: count, loss: batchLoss))
        }
        return false
    }

    /// One step: the batch loss and gradients, then the rule for every param. Returns the
    /// batch loss; when it is not finite, nothing is updated. An explained step runs in the
    /// tree walker, which writes the explanation; a run's steps use its compiled parts.
    func takeStep(
        _ plan: TrainingPlan, rows: [Int]?, totalSteps: Int, history: inout TrainingHistory,
        explanation: StepExplanation? = nil, compiled: CompiledTraining? = nil
    ) throws -> Double {
        let gradient: LossGradient
        if let compiledLoss = compiled?.loss {
            gradient = try compiledLoss.gradient(rows: rows, in: self, at: plan.range)
            compiledRuns.losses += 1
        } else {
            gradient = try lossGradient(plan.loss, parameters: plan.parameters, rows: rows, at: plan.range)
        }
        guard gradient.loss.isFinite else { return gradient.loss }
        history.appendLoss(gradient.loss)
        let context = StepContext(stepsTaken: plan.instance.stepsTaken, totalSteps: totalSteps, rowCount: plan.rowCount)
        for (name, parameterGradient) in zip(plan.parameters, gradient.gradients) {
            guard case .tensor(let current)? = globals.values[name] else { continue }
            let updated: Tensor
            if let rule = compiled?.rule(for: name, shape: current.value.shape) {
                updated = try rule.apply(to: current.value, gradient: parameterGradient, step: context, history: &history, in: self)
                compiledRuns.rules += 1
            } else {
                updated = try applyRule(
                    plan.instance, to: name, value: current.value, gradient: parameterGradient,
                    step: context, history: &history, explanation: explanation?.block(for: name))
            }
            globals.bind(name, to: .tensor(Var(updated)))
        }
        plan.instance.stepsTaken += 1
        return gradient.loss
    }

    private func recordParameters(_ plan: TrainingPlan, into history: inout TrainingHistory) {
        guard history.isRecordingStep else { return }
        for name in plan.parameters {
            guard case .tensor(let value)? = globals.values[name],
                value.value.count <= TrainingHistory.maxRecordedParameterSize
            else { continue }
            history.parameters[name, default: ParameterTrajectory()].append(value.value)
        }
    }

    func divergence(_ plan: TrainingPlan, loss: Double, stepIndex: Int, count: Int) -> Diagnostic {
        var notes: [String] = []
        if let lr = plan.instance.hyperParameter("lr") {
            notes.append("hint: try a smaller lr (lr is \(TensorFormatter().format(lr)))")
        } else {
            notes.append("hint: try a smaller learning rate")
        }
        let value = loss.isNaN ? "nan" : (loss > 0 ? "inf" : "-inf")
        return Diagnostic(
            "the loss became \(value) at step \(stepIndex + 1) of \(count); the params are back where the loss was last finite",
            at: plan.range, notes: notes)
    }
}

/// Where a long run is, for a progress bar.
public struct TrainingProgress: Sendable {
    public let step: Int
    public let of: Int
    public let loss: Double
}
