/// Draws a plot as text for a terminal: a title, braille lines over axes with round
/// tick labels, axis labels, and a legend when there is more than one thing to tell
/// apart.
struct TerminalPlotRenderer {
    let settings: PlotSettings

    /// Columns that let the last x tick label stick out past the plot.
    private static let rightPadding = 3

    /// The plot as lines of text, each ending in a newline.
    func render(_ plot: Plot) throws(PlotError) -> String {
        let width = max(PlotSettings.minimumWidth, min(settings.width, PlotSettings.maximumWidth))
        let rows = max(8, min(20, width / 5))
        let frame = try PlotFrame(plot, xTicks: max(3, width / 10), yTicks: max(3, rows / 2))
        let margin = (frame.yAxis.ticks.map(\.label.count).max() ?? 1) + 1
        var canvas = BrailleCanvas(columns: width - margin - 1 - Self.rightPadding, rows: rows)
        draw(frame, on: &canvas)

        var lines = [centered(plot.title, in: canvas.columns, indent: margin + 1), plot.yLabel]
        lines += plotRows(frame, canvas: canvas, margin: margin)
        lines += xAxisLines(frame, canvas: canvas, margin: margin)
        lines.append(centered(plot.xLabel, in: canvas.columns, indent: margin + 1))
        lines += legend(frame, width: width)
        if let note = frame.note { lines.append(note) }
        return lines.map { trimmedRight($0) + "\n" }.joined()
    }

    private func draw(_ frame: PlotFrame, on canvas: inout BrailleCanvas) {
        let mapper = DotMapper(frame: frame, canvas: canvas)
        let contourStyle = LineStyle.contour(useColor: settings.useColor)
        for line in frame.contours.joined() {
            drawSeries(line, style: contourStyle, mapper: mapper, on: &canvas)
        }
        for (index, points) in frame.series.enumerated() {
            let style = LineStyle.series(index, useColor: settings.useColor)
            drawSeries(points, style: style, mapper: mapper, on: &canvas)
            if let marker = style.marker { placeMarkers(marker, along: points, seriesIndex: index, mapper: mapper, on: &canvas) }
        }
        for (marker, point) in zip(frame.plot.markers, frame.markers) {
            guard let point else { continue }
            let (symbol, color) = LineStyle.symbol(for: marker.role, useColor: settings.useColor)
            let dot = mapper.dot(point)
            canvas.place(symbol, column: dot.x / 2, row: dot.y / 4, color: color)
        }
    }

    private func drawSeries(_ points: [PlotPoint?], style: LineStyle, mapper: DotMapper, on canvas: inout BrailleCanvas) {
        var phase = 0
        var previous: (x: Int, y: Int)?
        for point in points {
            guard let point else {
                previous = nil
                continue
            }
            let dot = mapper.dot(point)
            canvas.drawLine(from: previous ?? dot, to: dot, pattern: style.pattern, phase: &phase, color: style.color)
            previous = dot
        }
    }

    /// Puts a series' symbol in about six cells along it, staggered per series so two
    /// series' symbols rarely share a cell.
    private func placeMarkers(
        _ marker: Character, along points: [PlotPoint?], seriesIndex: Int, mapper: DotMapper, on canvas: inout BrailleCanvas
    ) {
        let count = 6
        var wanted = Set((0..<count).map { slot in
            let fraction = ((Double(slot) + 0.5 + 0.37 * Double(seriesIndex)).truncatingRemainder(dividingBy: Double(count))) / Double(count)
            return Int(fraction * Double(canvas.columns))
        })
        for point in points.compactMap({ $0 }) {
            let dot = mapper.dot(point)
            if wanted.remove(dot.x / 2) != nil { canvas.place(marker, column: dot.x / 2, row: dot.y / 4) }
        }
    }

    /// Each canvas row behind its tick label and the y axis.
    private func plotRows(_ frame: PlotFrame, canvas: BrailleCanvas, margin: Int) -> [String] {
        let mapper = DotMapper(frame: frame, canvas: canvas)
        var labels: [Int: String] = [:]
        for tick in frame.yAxis.ticks {
            let row = mapper.dotY(tick.position) / 4
            if labels[row] == nil { labels[row] = tick.label }
        }
        return (0..<canvas.rows).map { row in
            let label = labels[row] ?? ""
            let padding = String(repeating: " ", count: max(0, margin - 1 - label.count))
            return padding + label + " " + (labels[row] == nil ? "│" : "┤") + canvas.line(row: row, useColor: settings.useColor)
        }
    }

    /// The x axis with a mark under each tick, and the tick labels centred below,
    /// dropping any label that would touch the one before it.
    private func xAxisLines(_ frame: PlotFrame, canvas: BrailleCanvas, margin: Int) -> [String] {
        let mapper = DotMapper(frame: frame, canvas: canvas)
        var axis = Array(repeating: Character("─"), count: canvas.columns)
        var labels = Array(repeating: Character(" "), count: margin + 1 + canvas.columns + Self.rightPadding)
        var nextFree = 0
        for tick in frame.xAxis.ticks {
            let column = mapper.dotX(tick.position) / 2
            axis[column] = "┬"
            let start = margin + 1 + column - (tick.label.count - 1) / 2
            guard start >= nextFree, start + tick.label.count <= labels.count else { continue }
            labels.replaceSubrange(start..<(start + tick.label.count), with: Array(tick.label))
            nextFree = start + tick.label.count + 1
        }
        return [String(repeating: " ", count: margin) + "└" + String(axis), String(labels)]
    }

    private func legend(_ frame: PlotFrame, width: Int) -> [String] {
        let plot = frame.plot
        var entries: [(sample: String, visibleCount: Int)] = []
        func add(_ sample: String, sampleWidth: Int, _ label: String) {
            entries.append((sample + " " + label, sampleWidth + 1 + label.count))
        }
        if let field = plot.contour, !frame.contours.isEmpty {
            add(LineStyle.contour(useColor: settings.useColor).sample(useColor: settings.useColor), sampleWidth: 3, "\(field.name) contours")
        }
        if plot.series.count > 1 || plot.contour != nil {
            for (index, series) in plot.series.enumerated() {
                add(LineStyle.series(index, useColor: settings.useColor).sample(useColor: settings.useColor), sampleWidth: 3, series.name)
            }
        }
        for marker in plot.markers {
            let (symbol, color) = LineStyle.symbol(for: marker.role, useColor: settings.useColor)
            let sample = settings.useColor ? AnsiColor.code(color) + String(symbol) + AnsiColor.code(nil) : String(symbol)
            add(sample, sampleWidth: 1, marker.label)
        }
        var lines: [String] = []
        var current = "", currentWidth = 0
        for entry in entries {
            if currentWidth > 0, currentWidth + 3 + entry.visibleCount > width {
                lines.append(current)
                (current, currentWidth) = ("", 0)
            }
            current += (currentWidth > 0 ? "   " : "  ") + entry.sample
            currentWidth += (currentWidth > 0 ? 3 : 2) + entry.visibleCount
        }
        if currentWidth > 0 { lines.append(current) }
        return lines
    }

    private func centered(_ text: String, in width: Int, indent: Int) -> String {
        let shown = text.count > width + indent ? String(text.prefix(max(1, width + indent - 1))) + "…" : text
        let left = max(0, min(indent + (width - shown.count) / 2, indent + width - shown.count))
        return String(repeating: " ", count: left) + shown
    }

    private func trimmedRight(_ line: String) -> String {
        var line = line
        while line.last == " " { line.removeLast() }
        return line
    }
}

/// Where points in axis units land among a canvas's dots.
private struct DotMapper {
    let frame: PlotFrame
    let canvas: BrailleCanvas

    func dot(_ point: PlotPoint) -> (x: Int, y: Int) {
        (dotX(point.x), dotY(point.y))
    }

    func dotX(_ position: Double) -> Int {
        scaled(frame.xAxis.fraction(of: position), across: canvas.dotWidth)
    }

    /// Dot rows count down from the top, so the fraction is flipped.
    func dotY(_ position: Double) -> Int {
        scaled(1 - frame.yAxis.fraction(of: position), across: canvas.dotHeight)
    }

    private func scaled(_ fraction: Double, across count: Int) -> Int {
        let position = (fraction * Double(count - 1)).rounded()
        guard position.isFinite else { return 0 }
        return Int(min(max(position, 0), Double(count - 1)))
    }
}
