import Foundation

/// A plot made ready to draw: both axes, and every line and marker in axis units (log10
/// of y on a log scale), with what the scale could not show counted. Contour lines are
/// only drawn on linear axes (`plot path`), so they keep data units.
struct PlotFrame {
    let plot: Plot
    let xAxis: AxisScale
    let yAxis: AxisScale
    /// Each series' points in axis units; `nil` breaks the line.
    let series: [[PlotPoint?]]
    /// The contour lines of each level.
    let contours: [[[PlotPoint]]]
    /// The markers' points in axis units, `nil` where the scale cannot show one.
    let markers: [PlotPoint?]
    /// How many values a log scale left out because they were not positive.
    let skippedCount: Int

    /// Prepares `plot` with at most `xTicks` and `yTicks` ticks on its axes.
    init(_ plot: Plot, xTicks: Int, yTicks: Int) throws(PlotError) {
        self.plot = plot
        var skipped = 0
        func transform(_ point: PlotPoint?) -> PlotPoint? {
            guard let point, point.x.isFinite, point.y.isFinite else { return nil }
            guard plot.logScale else { return point }
            guard point.y > 0 else {
                skipped += 1
                return nil
            }
            return PlotPoint(x: point.x, y: log10(point.y))
        }
        series = plot.series.map { $0.points.map(transform) }
        markers = plot.markers.map { transform($0.point) }
        skippedCount = skipped
        contours = plot.contour.map { field in field.levels.map { MarchingSquares.lines(of: field, at: $0) } } ?? []

        var shown = series.flatMap { $0.compactMap { $0 } } + markers.compactMap { $0 }
        if let field = plot.contour, let firstX = field.xs.first, let lastX = field.xs.last,
            let firstY = field.ys.first, let lastY = field.ys.last {
            shown += [PlotPoint(x: firstX, y: firstY), PlotPoint(x: lastX, y: lastY)]
        }
        guard let first = shown.first else {
            throw PlotError(
                plot.logScale && skipped > 0
                    ? "there are no positive values to draw on a log scale" : "there is nothing to plot: no finite values")
        }
        let xs = shown.map(\.x), ys = shown.map(\.y)
        // A contour field fills its own region, so its axes end where the grid does.
        let tight = plot.contour != nil
        xAxis = try AxisScale.linear(minimum: xs.min() ?? first.x, maximum: xs.max() ?? first.x, maxTicks: xTicks, tight: tight)
        yAxis = plot.logScale
            ? try AxisScale.logarithmic(
                minimum: pow(10, ys.min() ?? first.y), maximum: pow(10, ys.max() ?? first.y), maxTicks: yTicks)
            : try AxisScale.linear(minimum: ys.min() ?? first.y, maximum: ys.max() ?? first.y, maxTicks: yTicks, tight: tight)
    }

    /// A line for under the plot when the log scale had to leave values out.
    var note: String? {
        guard skippedCount > 0 else { return nil }
        let values = skippedCount == 1 ? "1 value that is" : "\(skippedCount) values that are"
        return "note: \(values) not positive cannot be shown on a log scale"
    }
}
