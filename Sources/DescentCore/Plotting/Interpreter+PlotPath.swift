import DescentSyntax
import DescentTensor

/// The two coordinates `plot path` draws: one param with two elements, or two scalar params.
private struct PathCoordinates {
    let names: [String]
    /// The shapes the params have, restored exactly when grid values are bound.
    let shapes: [[Int]]
    let xLabel: String
    let yLabel: String
    let trajectory: [PlotPoint]

    /// The tensors that put the params at `point`.
    func values(at point: PlotPoint) -> [Tensor] {
        names.count == 1
            ? [Tensor(shape: shapes[0], scalars: [point.x, point.y])]
            : [Tensor(shape: shapes[0], scalars: [point.x]), Tensor(shape: shapes[1], scalars: [point.y])]
    }
}

extension Interpreter {
    /// Grid points per side of the loss surface: enough for smooth contours in a file,
    /// fewer for the coarser terminal.
    static let pathGridSize = (terminal: 41, file: 81)

    /// `plot path w` or `plot path a, b`: the loss the last run trained, as contour
    /// lines over the region its trajectory covers, with the trajectory on top. Every
    /// other param stays at its current value; the params are put back afterwards.
    func pathPlot(_ names: [Name], logLevels: Bool, forFile: Bool, at range: SourceRange) throws -> Plot {
        let history = try trainedHistory(at: range)
        let coordinates = try pathCoordinates(names, history: history, at: range)
        guard let lossName = history.lossName, case .loss(let loss)? = globals.lookup(lossName) else {
            throw Diagnostic("cannot tell which loss the last run trained; it is no longer defined, or several losses use its params", at: range)
        }
        let size = forFile ? Self.pathGridSize.file : Self.pathGridSize.terminal
        let xs = Self.gridCoordinates(covering: coordinates.trajectory.map(\.x), count: size)
        let ys = Self.gridCoordinates(covering: coordinates.trajectory.map(\.y), count: size)
        let values = try lossGrid(loss, xs: xs, ys: ys, coordinates: coordinates, at: range)
        let levels = ContourLevels.levels(for: values, count: forFile ? 12 : 7, logarithmic: logLevels)
        let steps = history.stepsDescription
        var plot = Plot(
            title: "loss \(lossName) over \(coordinates.xLabel), \(coordinates.yLabel): \(history.optimizerName), \(steps)",
            xLabel: coordinates.xLabel, yLabel: coordinates.yLabel,
            series: [PlotSeries(name: "\(history.optimizerName) path", points: coordinates.trajectory)],
            contour: ContourField(xs: xs, ys: ys, values: values, levels: levels, name: "loss \(lossName)"))
        if let first = coordinates.trajectory.first, let last = coordinates.trajectory.last {
            plot.markers = [PlotMarker(label: "start", point: first, role: .start), PlotMarker(label: "end", point: last, role: .end)]
        }
        return plot
    }

    private func pathCoordinates(_ names: [Name], history: TrainingHistory, at range: SourceRange) throws -> PathCoordinates {
        guard names.count == 1 || names.count == 2 else {
            throw Diagnostic("plot path takes one param with two elements or two scalar params", at: range)
        }
        let wantedCount = names.count == 1 ? 2 : 1
        var shapes: [[Int]] = []
        var recorded: [ParameterTrajectory] = []
        for name in names {
            guard isParameter(name.text) else {
                throw Diagnostic("'\(name.text)' is not a param", at: name.range, notes: ["hint: plot path draws the trajectory of params"])
            }
            guard history.parameterNames.contains(name.text) else {
                throw Diagnostic("the last run did not train '\(name.text)'", at: name.range)
            }
            guard case .tensor(let current)? = globals.values[name.text], current.value.count == wantedCount,
                let values = history.parameters[name.text], values.elementCount == wantedCount
            else {
                throw Diagnostic(
                    "plot path needs one param with two elements or two scalar params, but '\(name.text)' is not "
                        + (wantedCount == 2 ? "a two-element param" : "a scalar"),
                    at: name.range, notes: ["hint: plot path w for w = [a, b], or plot path a, b for two scalars"])
            }
            shapes.append(current.value.shape)
            recorded.append(values)
        }
        if names.count == 1 {
            let name = names[0].text
            return PathCoordinates(
                names: [name], shapes: shapes, xLabel: "\(name)[0]", yLabel: "\(name)[1]",
                trajectory: (0..<recorded[0].count).map { PlotPoint(x: recorded[0].value(at: $0, element: 0), y: recorded[0].value(at: $0, element: 1)) })
        }
        return PathCoordinates(
            names: names.map(\.text), shapes: shapes, xLabel: names[0].text, yLabel: names[1].text,
            trajectory: (0..<min(recorded[0].count, recorded[1].count)).map {
                PlotPoint(x: recorded[0].value(at: $0, element: 0), y: recorded[1].value(at: $0, element: 0))
            })
    }

    /// The loss at every grid point, binding the params there and putting them back
    /// afterwards, even when an evaluation fails.
    private func lossGrid(
        _ loss: LossDefinition, xs: [Double], ys: [Double], coordinates: PathCoordinates, at range: SourceRange
    ) throws -> [[Double]] {
        let saved = coordinates.names.map { globals.values[$0] }
        defer {
            for (name, value) in zip(coordinates.names, saved) {
                if let value { globals.bind(name, to: value) }
            }
        }
        var grid: [[Double]] = []
        for y in ys {
            try checkCancellation(at: range)
            var row: [Double] = []
            for x in xs {
                for (name, value) in zip(coordinates.names, coordinates.values(at: PlotPoint(x: x, y: y))) {
                    globals.bind(name, to: .tensor(Var(value)))
                }
                row.append(try evaluateLoss(loss, at: range).value.scalars[0])
            }
            grid.append(row)
        }
        return grid
    }

    /// `count` evenly spaced values over the range of `values`, widened by a margin so
    /// the trajectory does not touch the edge (and to a unit range when it is a point).
    static func gridCoordinates(covering values: [Double], count: Int) -> [Double] {
        let finite = values.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        let span = high - low
        let margin = span > 0 ? span * 0.15 : max(abs(low) * 0.5, 0.5)
        let (start, end) = (low - margin, high + margin)
        return (0..<count).map { start + (end - start) * Double($0) / Double(count - 1) }
    }
}
