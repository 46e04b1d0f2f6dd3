import DescentSyntax
import DescentTensor

/// One optimizer's run in a `compare`.
private struct ComparisonRun {
    let instance: OptimizerInstance
    /// The loss on all the data at the start and after each step.
    let losses: [Double]
}

extension Interpreter {
    /// `compare J with a(…), b(…) steps K [batch …] [seed S] [log] [to FILE]`: trains a
    /// fresh copy of each optimizer from the same starting params and on the same
    /// batches, prints a table and one plot of every loss curve (on all the data, step
    /// by step), and puts the params back as they were. `lastHistory` becomes the last
    /// optimizer's run.
    func compare(_ clause: CompareClause, in scope: Scope, at range: SourceRange) throws {
        let destination = try plotDestination(clause.output, in: scope)
        let steps = try clause.steps.map { try integer($0, in: scope, what: "the number of steps") } ?? Self.defaultSteps
        try checkStepCount(steps, at: clause.steps?.range ?? range)
        guard steps >= 1 else {
            throw Diagnostic("compare needs at least 1 step, got \(steps)", at: clause.steps?.range ?? range)
        }
        let plans = try comparisonPlans(clause, in: scope, at: range)
        let start = snapshot(plans[0])
        defer { for (name, value) in start.parameters { globals.bind(name, to: value) } }
        var runs: [ComparisonRun] = []
        for plan in plans {
            for (name, value) in start.parameters { globals.bind(name, to: value) }
            var history = TrainingHistory(optimizerName: plan.instance.name)
            let outcome: TrainingOutcome
            do {
                outcome = try runSteps(plan, count: steps, history: &history, measuringFullLoss: true)
            } catch var diagnostic as Diagnostic {
                diagnostic.notes.append("note: while comparing \(Self.fullName(of: plan.instance))")
                throw diagnostic
            }
            lastHistory = history
            lastHistoryOwner = ObjectIdentifier(plan.instance)
            if outcome.interrupted { throw Diagnostic(cancellation.reason, at: range.beginning) }
            runs.append(ComparisonRun(instance: plan.instance, losses: history.fullLoss))
        }
        output(Self.comparisonTable(runs))
        try show(comparisonPlot(runs, loss: clause.loss, steps: steps, logScale: clause.output.logScale), to: destination, at: range)
    }

    /// A plan per optimizer, each with a fresh instance (a copy when the program names
    /// an existing one, which is left untouched) and the same batch seed.
    private func comparisonPlans(_ clause: CompareClause, in scope: Scope, at range: SourceRange) throws -> [TrainingPlan] {
        let seed = clause.seed ?? Expr(.number(Double(random.randint(low: 0, high: 1 << 32))), range: range)
        let runScope = Scope(parent: scope)
        var plans: [TrainingPlan] = []
        for (index, expression) in clause.optimizers.enumerated() {
            let given = try optimizerInstance(expression, in: scope)
            // A name no program can write, so the fresh copy cannot shadow anything.
            let slot = "compared optimizer \(index)"
            runScope.bind(slot, to: .optimizer(OptimizerInstance(definition: given.definition, hyperParameters: given.hyperParameters)))
            plans.append(
                try trainingPlan(
                    loss: clause.loss, optimizer: Expr(.identifier(slot), range: expression.range), batch: clause.batch, seed: seed,
                    in: runScope, at: range))
        }
        return plans
    }

    private func comparisonPlot(_ runs: [ComparisonRun], loss: Expr, steps: Int, logScale: Bool) -> Plot {
        let names = runs.map(\.instance.name)
        let series = runs.map { run in
            let name = run.instance.name
            let label = names.filter { $0 == name }.count > 1 ? Self.fullName(of: run.instance) : name
            return PlotSeries(name: label, points: run.losses.enumerated().map { PlotPoint(x: Double($0.offset), y: $0.element) })
        }
        let lossName = loss.range.text
        return Plot(
            title: "loss \(lossName) by optimizer, \(steps) step\(steps == 1 ? "" : "s")", xLabel: "step (t)", yLabel: "loss \(lossName)",
            series: series, logScale: logScale)
    }

    /// `sgd(lr=0.1)`: the name with every hyper-parameter's value.
    static func fullName(of instance: OptimizerInstance) -> String {
        let formatter = TensorFormatter()
        let arguments = instance.hyperParameters.map { "\($0.name)=\(formatter.format($0.value.value))" }
        return "\(instance.name)(\(arguments.joined(separator: ", ")))"
    }

    /// One row per optimizer: the final loss, the best loss along the way, and the
    /// number of steps after which the loss was first at most 1% of the starting loss
    /// (`-` if never).
    private static func comparisonTable(_ runs: [ComparisonRun]) -> String {
        let header = ["optimizer", "final loss", "best loss", "steps to 1%"]
        let rows = runs.map { run -> [String] in
            let start = run.losses.first ?? .nan, end = run.losses.last ?? .nan
            let reached = run.losses.firstIndex { $0 <= 0.01 * start }
            return [
                fullName(of: run.instance), NumberText.short(end), NumberText.short(run.losses.min() ?? end), reached.map(String.init) ?? "-",
            ]
        }
        let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        func line(_ cells: [String]) -> String {
            let first = cells[0] + String(repeating: " ", count: widths[0] - cells[0].count)
            let rest = cells.indices.dropFirst().map { String(repeating: " ", count: widths[$0] - cells[$0].count) + cells[$0] }
            return ([first] + rest).joined(separator: "   ") + "\n"
        }
        return ([header] + rows).map(line).joined()
    }
}
