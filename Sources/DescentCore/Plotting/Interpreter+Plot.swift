import DescentSyntax
import DescentTensor

/// Where a plot goes: the terminal, or an SVG file named in the program.
struct PlotDestination {
    let path: String
    let range: SourceRange
}

extension Interpreter {
    /// `plot loss`, `plot lr_t`, `plot path w`, `plot EXPR for t in a..b`, each with an
    /// optional `log` and `to "FILE.svg"`.
    func plot(_ clause: PlotClause, in scope: Scope, at range: SourceRange) throws {
        let destination = try plotDestination(clause.output, in: scope)
        let plot: Plot
        switch clause.subject {
        case .history(let name):
            plot = try historyPlot(name, logScale: clause.output.logScale)
        case .path(let names):
            plot = try pathPlot(names, logLevels: clause.output.logScale, forFile: destination != nil, at: range)
        case .expression(let expression, let variable, let start, let end):
            plot = try expressionPlot(expression, variable: variable, from: start, to: end, logScale: clause.output.logScale, in: scope)
        }
        try show(plot, to: destination, at: range)
    }

    /// Draws `plot` in the terminal, or writes it as SVG and says so.
    func show(_ plot: Plot, to destination: PlotDestination?, at range: SourceRange) throws {
        do {
            if let destination {
                let svg = try SVGPlotRenderer().render(plot)
                do {
                    try PlotFile.write(svg, to: destination.path)
                } catch {
                    throw Diagnostic(error.message, at: destination.range)
                }
                output("wrote \(destination.path)\n")
            } else {
                output(try TerminalPlotRenderer(settings: plotSettings).render(plot))
            }
        } catch let error as PlotError {
            throw Diagnostic(error.message, at: range)
        }
    }

    /// The file of `to "FILE.svg"`, checked before any work is done.
    func plotDestination(_ output: PlotOutput, in scope: Scope) throws -> PlotDestination? {
        guard let file = output.file else { return nil }
        guard case .string(let path) = try evaluate(file, in: scope) else {
            throw Diagnostic("the file to plot to must be a string, like \"loss.svg\"", at: file.range)
        }
        guard path.lowercased().hasSuffix(".svg") else {
            throw Diagnostic(
                "plots are written as SVG, so the file name must end in '.svg'", at: file.range,
                notes: ["hint: plot loss to \"loss.svg\""])
        }
        return PlotDestination(path: path, range: file.range)
    }

    /// A series the last run recorded, against the step.
    private func historyPlot(_ name: Name, logScale: Bool) throws -> Plot {
        let history = try trainedHistory(at: name.range)
        guard let values = history.values(named: name.text) else {
            let suggestion = Suggestions.closest(to: name.text, among: history.seriesNames)
            throw Diagnostic(
                "the last run recorded no '\(name.text)'" + (suggestion.map { "; did you mean '\($0)'?" } ?? ""),
                at: name.range,
                notes: ["hint: it recorded \(history.seriesNames.joined(separator: ", "))"])
        }
        let points = values.enumerated().map { step, value in value.map { PlotPoint(x: Double(step), y: $0) } }
        let subject = name.text == "loss" ? "loss" + (history.lossName.map { " \($0)" } ?? "") : name.text
        let steps = history.stepsDescription
        return Plot(
            title: "\(subject): \(history.optimizerName), \(steps)", xLabel: "step (t)", yLabel: subject,
            series: [PlotSeries(name: history.optimizerName, points: points)], logScale: logScale)
    }

    /// The last run's history, or an error saying there has been none.
    func trainedHistory(at range: SourceRange) throws -> TrainingHistory {
        guard let history = lastHistory else {
            throw Diagnostic("nothing has been trained yet; run 'train' first", at: range)
        }
        return history
    }

    /// The points `plot EXPR for t in a..b` may draw; more would only slow the terminal.
    static let maxExpressionPoints = 1_000_000

    /// `EXPR` evaluated with `variable` bound to each integer of the half-open range.
    private func expressionPlot(
        _ expression: Expr, variable: Name, from start: Expr, to end: Expr, logScale: Bool, in scope: Scope
    ) throws -> Plot {
        let first = try integer(start, in: scope, what: "the start of a range")
        let last = try integer(end, in: scope, what: "the end of a range")
        let (count, overflow) = last.subtractingReportingOverflow(first)
        guard !overflow, count <= Self.maxExpressionPoints else {
            throw Diagnostic(
                "the range \(first)..\(last) has more than \(Self.maxExpressionPoints) values to plot", at: start.range.union(end.range))
        }
        guard count > 0 else {
            throw Diagnostic("the range \(first)..\(last) is empty, so there is nothing to plot", at: start.range.union(end.range))
        }
        let local = Scope(parent: scope)
        var points: [PlotPoint?] = []
        for value in first..<last {
            try checkCancellation(at: expression.range)
            local.bind(variable.text, to: .number(Double(value)))
            let result = try evaluateTensor(expression, in: local).value
            guard let number = result.scalarValue else {
                throw Diagnostic(
                    "the plotted expression must give a single number, but for \(variable.text) = \(value) it has shape \(describeShape(result.shape))",
                    at: expression.range)
            }
            points.append(PlotPoint(x: Double(value), y: number))
        }
        let text = expression.range.text
        return Plot(
            title: "\(text) for \(variable.text) in \(first)..\(last)", xLabel: variable.text, yLabel: text,
            series: [PlotSeries(name: text, points: points)], logScale: logScale)
    }
}
