import DescentSyntax
import DescentTensor

extension Interpreter {
    /// `step J with opt`: one step, explained line by line.
    func explainStep(loss: Expr, optimizer: Expr, in scope: Scope, at range: SourceRange) throws {
        let plan = try trainingPlan(loss: loss, optimizer: optimizer, batch: nil, seed: nil, in: scope, at: range)
        let instance = plan.instance
        var history = continuedHistory(for: instance, parameters: plan.parameters, lossName: plan.loss.name.text)
        let stepsBefore = instance.stepsTaken
        let rows = instance.sampler?.nextRows(rowCount: plan.rowCount) ?? nil
        let explanation = StepExplanation()
        let beforeStep = snapshot(plan)
        let batchLoss: Double
        do {
            batchLoss = try takeStep(plan, rows: rows, totalSteps: stepsBefore + 1, history: &history, explanation: explanation)
        } catch {
            // As in a run: a step that fails part-way changes nothing.
            restore(beforeStep, plan: plan)
            throw error
        }
        guard batchLoss.isFinite else {
            throw Diagnostic(
                "the loss is \(NumberText.short(batchLoss)) at the current params, so no step was taken", at: range,
                notes: ["hint: reset the params (assign them) and try a smaller learning rate"])
        }
        for name in plan.parameters where history.isRecordingStep {
            if case .tensor(let value)? = globals.values[name], value.value.count <= TrainingHistory.maxRecordedParameterSize {
                history.parameters[name, default: ParameterTrajectory()].append(value.value)
            }
        }
        lastHistory = history
        lastHistoryOwner = ObjectIdentifier(instance)
        let header = "step \(stepsBefore + 1) (t = \(stepsBefore)) on \(describeRows(rows, of: plan.rowCount))   loss \(NumberText.short(batchLoss, digits: 5))\n"
        output(header + explanation.render())
    }

    /// The last history if it belongs to `instance` (so repeated steps build one curve),
    /// else a new one that starts from the current params.
    private func continuedHistory(for instance: OptimizerInstance, parameters: [String], lossName: String) -> TrainingHistory {
        if let lastHistory, lastHistoryOwner == ObjectIdentifier(instance) { return lastHistory }
        var history = TrainingHistory(optimizerName: instance.name)
        history.parameterNames = parameters
        history.lossName = lossName
        for name in parameters {
            if case .tensor(let value)? = globals.values[name], value.value.count <= TrainingHistory.maxRecordedParameterSize {
                history.parameters[name] = ParameterTrajectory(value.value)
            }
        }
        return history
    }

    private func describeRows(_ rows: [Int]?, of count: Int) -> String {
        guard let rows else { return count == 1 ? "all data" : "all \(count) rows" }
        let shown = rows.count > InlineFormatter.longAxis
            ? rows.prefix(3).map(String.init) + ["…"] + rows.suffix(3).map(String.init) : rows.map(String.init)
        return "rows [" + shown.joined(separator: ", ") + "]"
    }
}
