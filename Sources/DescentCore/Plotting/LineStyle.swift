/// How a line is drawn in the terminal: which dots of its path are set, its colour, and
/// a symbol repeated along it so lines stay apart without colour.
struct LineStyle {
    var pattern: [Bool]
    var color: Int?
    var marker: Character?

    static let solid = [true]
    static let dashed = [true, true, true, false, false]
    static let dotted = [true, false, false]
    static let dashDotted = [true, true, true, true, false, false, true, false, false]
    /// Sparse enough that a trajectory drawn over contour lines stands out.
    static let faint = [true, false]

    /// The style of the `index`-th series: a colour each when colour is on; otherwise
    /// solid for the first, then dash patterns with markers.
    static func series(_ index: Int, useColor: Bool) -> LineStyle {
        if useColor {
            return LineStyle(pattern: solid, color: AnsiColor.series[index % AnsiColor.series.count], marker: nil)
        }
        let patterns = [solid, dashed, dotted, dashDotted]
        let markers: [Character?] = [nil, "+", "x", "o", "*", "#", "%", "&"]
        return LineStyle(pattern: patterns[index % patterns.count], color: nil, marker: markers[index % markers.count])
    }

    /// Contour lines: faint, and grey when colour is on.
    static func contour(useColor: Bool) -> LineStyle {
        LineStyle(pattern: useColor ? dotted : faint, color: useColor ? AnsiColor.grey : nil, marker: nil)
    }

    /// The symbol and colour of a trajectory's start or end.
    static func symbol(for role: PlotMarker.Role, useColor: Bool) -> (symbol: Character, color: Int?) {
        switch role {
        case .start: ("o", useColor ? AnsiColor.green : nil)
        case .end: ("*", useColor ? AnsiColor.red : nil)
        }
    }

    /// Three cells of this line, for a legend.
    func sample(useColor: Bool) -> String {
        var canvas = BrailleCanvas(columns: 3, rows: 1)
        var phase = 0
        canvas.drawLine(from: (0, 1), to: (5, 1), pattern: pattern, phase: &phase, color: color)
        if let marker { canvas.place(marker, column: 1, row: 0, color: color) }
        return canvas.line(row: 0, useColor: useColor)
    }
}
