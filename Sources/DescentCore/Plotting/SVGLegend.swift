/// The legend box of an SVG plot: one row per contour set, line and marker, in the top
/// right corner of the plot area.
struct SVGLegend {
    let plot: Plot
    let frame: PlotFrame

    private enum Entry {
        case contour(String)
        case line(index: Int, name: String)
        case marker(PlotMarker)
    }

    private var entries: [Entry] {
        var entries: [Entry] = []
        if let field = plot.contour, !frame.contours.isEmpty {
            entries.append(.contour("\(field.name) contours" + Self.levelRange(field.levels)))
        }
        if plot.series.count > 1 || plot.contour != nil {
            entries += plot.series.enumerated().map { .line(index: $0.offset, name: $0.element.name) }
        }
        entries += plot.markers.map { .marker($0) }
        return entries
    }

    private static let rowHeight = 19.0
    /// Space between the legend and the frame of the plot area.
    private static let inset = 10.0

    /// Draws the legend in the corner of `area` that hides the fewest points of the lines.
    func draw(in area: PlotArea, into svg: inout SVGWriter) {
        let entries = self.entries
        guard !entries.isEmpty else { return }
        let rowHeight = Self.rowHeight
        let longest = entries.map { label(of: $0).count }.max() ?? 0
        let boxWidth = 50 + Double(longest) * 7.4
        let boxHeight = Double(entries.count) * rowHeight + 8
        let (left, top) = corner(in: area, width: boxWidth, height: boxHeight)
        svg.element(
            "rect",
            ["x": SVGWriter.number(left), "y": SVGWriter.number(top), "width": SVGWriter.number(boxWidth),
             "height": SVGWriter.number(boxHeight), "fill": "white", "fill-opacity": "0.88",
             "stroke": "#bbb", "rx": "3"])
        for (row, entry) in entries.enumerated() {
            let y = top + 4 + rowHeight * (Double(row) + 0.5)
            let sample = (from: left + 8, to: left + 32)
            switch entry {
            case .contour:
                svg.element("line", lineAttributes(sample, y: y).merging(["stroke": ContourColors.color(at: 0.4), "stroke-width": "1.2"]) { $1 })
            case .line(let index, _):
                svg.element(
                    "line",
                    lineAttributes(sample, y: y).merging(
                        ["stroke": SVGPlotRenderer.color(index, overContours: plot.contour != nil), "stroke-width": "1.8"]) { $1 }
                        .merging(SVGPlotRenderer.dashes(index)) { $1 })
            case .marker(let marker):
                svg.element("circle", Self.markerAttributes(marker.role, x: (sample.from + sample.to) / 2, y: y))
            }
            svg.element(
                "text", ["x": SVGWriter.number(left + 38), "y": SVGWriter.number(y + 4.5), "font-size": "12.5", "fill": "#222"],
                text: label(of: entry))
        }
    }

    /// The top left of the box in whichever corner covers the fewest line points and
    /// markers, top right first on a tie.
    private func corner(in area: PlotArea, width: Double, height: Double) -> (x: Double, y: Double) {
        let points = frame.series.flatMap { $0.compactMap { $0 } } + frame.markers.compactMap { $0 }
        let pixels = points.map { (x: area.x($0.x), y: area.y($0.y)) }
        let (left, right) = (area.left + Self.inset, area.left + area.width - Self.inset - width)
        let (top, bottom) = (area.top + Self.inset, area.top + area.height - Self.inset - height)
        let corners = [(right, top), (left, top), (right, bottom), (left, bottom)]
        let covered = corners.map { corner in
            pixels.filter { $0.x >= corner.0 - 6 && $0.x <= corner.0 + width + 6 && $0.y >= corner.1 - 6 && $0.y <= corner.1 + height + 6 }.count
        }
        let best = covered.indices.min { covered[$0] < covered[$1] } ?? 0
        return corners[best]
    }

    /// ` (0.017 … 18)`: the lowest and highest level, with the fewest digits that tell them apart.
    static func levelRange(_ levels: [Double]) -> String {
        guard let first = levels.first, let last = levels.last, levels.count > 1 else { return "" }
        let digits = (2...8).first { TickLabel.significant(first, digits: $0) != TickLabel.significant(last, digits: $0) } ?? 8
        return " (\(TickLabel.significant(first, digits: digits)) … \(TickLabel.significant(last, digits: digits)))"
    }

    /// A trajectory's start is a hollow circle, its end a filled one.
    static func markerAttributes(_ role: PlotMarker.Role, x: Double, y: Double) -> [String: String] {
        let position = ["cx": SVGWriter.number(x), "cy": SVGWriter.number(y), "r": "5", "stroke-width": "2"]
        switch role {
        case .start: return position.merging(["fill": "white", "stroke": "#2ca02c"]) { $1 }
        case .end: return position.merging(["fill": "#d62728", "stroke": "#7f1414"]) { $1 }
        }
    }

    private func label(of entry: Entry) -> String {
        switch entry {
        case .contour(let text): text
        case .line(_, let name): name
        case .marker(let marker): marker.label
        }
    }

    private func lineAttributes(_ sample: (from: Double, to: Double), y: Double) -> [String: String] {
        ["x1": SVGWriter.number(sample.from), "x2": SVGWriter.number(sample.to), "y1": SVGWriter.number(y), "y2": SVGWriter.number(y)]
    }
}
