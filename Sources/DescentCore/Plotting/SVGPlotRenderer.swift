import Foundation

/// Draws a plot as a self-contained SVG document: framed axes with ticks, grid and
/// labels, a title, the lines as polylines, contour lines coloured by level, and a
/// legend.
struct SVGPlotRenderer {
    var width = 760.0
    var height = 480.0

    private let margin = (left: 78.0, right: 24.0, top: 44.0, bottom: 62.0)
    /// Matplotlib's default cycle, familiar to the NumPy users Descent prepares for.
    static let palette = [
        "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf",
    ]

    /// The SVG text of `plot`.
    func render(_ plot: Plot) throws(PlotError) -> String {
        let frame = try PlotFrame(plot, xTicks: 10, yTicks: 9)
        let area = PlotArea(
            left: margin.left, top: margin.top, width: width - margin.left - margin.right,
            height: height - margin.top - margin.bottom, frame: frame)
        var svg = SVGWriter()
        svg.open(
            "svg",
            ["xmlns": "http://www.w3.org/2000/svg", "width": SVGWriter.number(width), "height": SVGWriter.number(height),
             "viewBox": "0 0 \(SVGWriter.number(width)) \(SVGWriter.number(height))", "font-family": "Helvetica, Arial, sans-serif",
             "font-size": "13"])
        svg.element("title", text: plot.title)
        svg.element("rect", ["width": "100%", "height": "100%", "fill": "white"])
        svg.open("defs")
        svg.open("clipPath", ["id": "plot-area"])
        svg.element("rect", area.rectangleAttributes)
        svg.close()
        svg.close()
        drawGrid(area, into: &svg)
        svg.open("g", ["clip-path": "url(#plot-area)", "fill": "none", "stroke-linejoin": "round", "stroke-linecap": "round"])
        drawContours(area, into: &svg)
        for (index, points) in frame.series.enumerated() {
            drawSeries(points, index: index, area: area, into: &svg)
        }
        svg.close()
        drawMarkers(area, into: &svg)
        drawAxes(area, into: &svg)
        SVGLegend(plot: plot, frame: frame).draw(in: area, into: &svg)
        if let note = frame.note {
            svg.element("text", ["x": SVGWriter.number(8), "y": SVGWriter.number(height - 8), "font-size": "11", "fill": "#555"], text: note)
        }
        svg.close()
        return svg.text
    }

    /// The colour of the `index`-th line; over contour lines, whose ramp runs from
    /// purple through blue and green, lines start at orange to stand out.
    static func color(_ index: Int, overContours: Bool = false) -> String {
        palette[(index + (overContours ? 1 : 0)) % palette.count]
    }

    /// Past the palette, lines repeat colours, so they get dashes to stay apart.
    static func dashes(_ index: Int) -> [String: String] {
        let patterns = ["", "7 4", "2 3", "7 3 2 3"]
        let pattern = patterns[(index / palette.count) % patterns.count]
        return pattern.isEmpty ? [:] : ["stroke-dasharray": pattern]
    }

    /// A line, with a dot at each point when it is a short trajectory so its steps show.
    private func drawSeries(_ points: [PlotPoint?], index: Int, area: PlotArea, into svg: inout SVGWriter) {
        let color = Self.color(index, overContours: area.frame.plot.contour != nil)
        for run in area.runs(of: points) {
            svg.element(
                "polyline", ["points": run, "stroke": color, "stroke-width": "1.8"].merging(Self.dashes(index)) { $1 })
        }
        guard area.frame.plot.contour != nil, points.count <= 100 else { return }
        for point in points.compactMap({ $0 }) {
            svg.element(
                "circle", ["cx": SVGWriter.number(area.x(point.x)), "cy": SVGWriter.number(area.y(point.y)), "r": "2.2", "fill": color])
        }
    }

    private func drawGrid(_ area: PlotArea, into svg: inout SVGWriter) {
        svg.open("g", ["stroke": "#f0f0f0", "stroke-width": "1"])
        for position in area.frame.yAxis.minorTickPositions {
            let y = SVGWriter.number(area.y(position))
            svg.element("line", ["x1": SVGWriter.number(area.left), "x2": SVGWriter.number(area.left + area.width), "y1": y, "y2": y])
        }
        svg.close()
        svg.open("g", ["stroke": "#e0e0e0", "stroke-width": "1"])
        for tick in area.frame.xAxis.ticks {
            let x = SVGWriter.number(area.x(tick.position))
            svg.element("line", ["x1": x, "x2": x, "y1": SVGWriter.number(area.top), "y2": SVGWriter.number(area.top + area.height)])
        }
        for tick in area.frame.yAxis.ticks {
            let y = SVGWriter.number(area.y(tick.position))
            svg.element("line", ["x1": SVGWriter.number(area.left), "x2": SVGWriter.number(area.left + area.width), "y1": y, "y2": y])
        }
        svg.close()
    }

    private func drawContours(_ area: PlotArea, into svg: inout SVGWriter) {
        let levels = area.frame.contours
        for (index, lines) in levels.enumerated() where !lines.isEmpty {
            let color = ContourColors.color(at: levels.count == 1 ? 0.4 : 0.85 * Double(index) / Double(levels.count - 1))
            svg.open("g", ["stroke": color, "stroke-width": "1.2", "opacity": "0.9"])
            for line in lines {
                svg.element("polyline", ["points": area.runs(of: line).joined(separator: " ")])
            }
            svg.close()
        }
    }

    private func drawMarkers(_ area: PlotArea, into svg: inout SVGWriter) {
        for (marker, point) in zip(area.frame.plot.markers, area.frame.markers) {
            guard let point else { continue }
            let (x, y) = (area.x(point.x), area.y(point.y))
            svg.element("circle", SVGLegend.markerAttributes(marker.role, x: x, y: y))
            svg.element(
                "text", ["x": SVGWriter.number(x + 8), "y": SVGWriter.number(y - 7), "font-size": "12", "fill": "#222"],
                text: marker.label)
        }
    }

    private func drawAxes(_ area: PlotArea, into svg: inout SVGWriter) {
        let plot = area.frame.plot
        let bottom = area.top + area.height
        svg.element("rect", area.rectangleAttributes.merging(["fill": "none", "stroke": "#333", "stroke-width": "1"]) { $1 })
        svg.open("g", ["stroke": "#333", "stroke-width": "1"])
        for tick in area.frame.xAxis.ticks {
            let x = SVGWriter.number(area.x(tick.position))
            svg.element("line", ["x1": x, "x2": x, "y1": SVGWriter.number(bottom), "y2": SVGWriter.number(bottom + 5)])
        }
        for tick in area.frame.yAxis.ticks {
            let y = SVGWriter.number(area.y(tick.position))
            svg.element("line", ["x1": SVGWriter.number(area.left - 5), "x2": SVGWriter.number(area.left), "y1": y, "y2": y])
        }
        svg.close()
        svg.open("g", ["fill": "#222"])
        for tick in area.frame.xAxis.ticks {
            svg.element(
                "text", ["x": SVGWriter.number(area.x(tick.position)), "y": SVGWriter.number(bottom + 20), "text-anchor": "middle"],
                text: tick.label)
        }
        for tick in area.frame.yAxis.ticks {
            svg.element(
                "text", ["x": SVGWriter.number(area.left - 9), "y": SVGWriter.number(area.y(tick.position) + 4.5), "text-anchor": "end"],
                text: tick.label)
        }
        svg.element(
            "text", ["x": SVGWriter.number(area.left + area.width / 2), "y": SVGWriter.number(bottom + 46), "text-anchor": "middle", "font-size": "14"],
            text: plot.xLabel)
        let middle = area.top + area.height / 2
        svg.element(
            "text",
            ["x": "18", "y": SVGWriter.number(middle), "text-anchor": "middle", "font-size": "14",
             "transform": "rotate(-90 18 \(SVGWriter.number(middle)))"],
            text: plot.yLabel + (area.frame.yAxis.isLogarithmic ? " (log scale)" : ""))
        svg.element(
            "text", ["x": SVGWriter.number(width / 2), "y": "26", "text-anchor": "middle", "font-size": "16", "font-weight": "bold"],
            text: plot.title)
        svg.close()
    }
}

/// The rectangle the data is drawn in, and where axis units land in it.
struct PlotArea {
    let left: Double
    let top: Double
    let width: Double
    let height: Double
    let frame: PlotFrame

    func x(_ position: Double) -> Double {
        left + frame.xAxis.fraction(of: position) * width
    }

    func y(_ position: Double) -> Double {
        top + (1 - frame.yAxis.fraction(of: position)) * height
    }

    var rectangleAttributes: [String: String] {
        ["x": SVGWriter.number(left), "y": SVGWriter.number(top), "width": SVGWriter.number(width), "height": SVGWriter.number(height)]
    }

    /// The unbroken runs of a line as SVG point lists (`x,y x,y …`).
    func runs(of points: [PlotPoint?]) -> [String] {
        var runs: [String] = []
        var current: [String] = []
        for point in points + [nil] {
            if let point {
                current.append("\(SVGWriter.number(x(point.x))),\(SVGWriter.number(y(point.y)))")
            } else if !current.isEmpty {
                runs.append((current.count == 1 ? current + current : current).joined(separator: " "))
                current = []
            }
        }
        return runs
    }
}

/// A perceptually even ramp for contour levels, low levels dark: viridis, sampled.
enum ContourColors {
    private static let stops: [(Double, Double, Double)] = [
        (68, 1, 84), (59, 82, 139), (33, 145, 140), (94, 201, 98), (253, 231, 37),
    ]

    /// The colour at `fraction` (0...1) along the ramp.
    static func color(at fraction: Double) -> String {
        let position = min(max(fraction, 0), 1) * Double(stops.count - 1)
        let index = min(Int(position), stops.count - 2)
        let t = position - Double(index)
        let (a, b) = (stops[index], stops[index + 1])
        let channels = [a.0 + (b.0 - a.0) * t, a.1 + (b.1 - a.1) * t, a.2 + (b.2 - a.2) * t]
        return "#" + channels.map { String(format: "%02x", Int($0.rounded())) }.joined()
    }
}
