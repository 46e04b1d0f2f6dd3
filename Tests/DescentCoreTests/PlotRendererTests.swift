import Foundation
import Testing

@testable import DescentCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The pieces plots are drawn with, on data whose pictures are worked out by hand.
@Suite struct PlotRendererTests {
    @Test func brailleCellSetsTheBitOfEachDot() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        canvas.setDot(x: 0, y: 0)
        canvas.setDot(x: 1, y: 3)
        // Dot 1 is bit 0x01 and dot 8 is bit 0x80: U+2800 + 0x81.
        #expect(canvas.cell(column: 0, row: 0).character == "\u{2881}")
        #expect(canvas.cell(column: 1, row: 0).character == " ")
        canvas.setDot(x: 9, y: 0)
        canvas.setDot(x: -1, y: 2)
        #expect(canvas.line(row: 0, useColor: false) == "\u{2881} ")
    }

    @Test func aLineSetsEveryDotBetweenItsEnds() {
        var canvas = BrailleCanvas(columns: 2, rows: 1)
        var phase = 0
        canvas.drawLine(from: (0, 0), to: (3, 3), pattern: LineStyle.solid, phase: &phase)
        // The diagonal sets dots (0,0) (1,1) in the first cell, (2,2) (3,3) in the second.
        #expect(canvas.line(row: 0, useColor: false) == "\u{2811}\u{2884}")
        #expect(phase == 0)
    }

    @Test func colouredCellsAreWrappedInAnsiCodes() {
        var canvas = BrailleCanvas(columns: 3, rows: 1)
        canvas.setDot(x: 0, y: 0, color: 34)
        canvas.setDot(x: 4, y: 0, color: 31)
        #expect(canvas.line(row: 0, useColor: true) == "\u{1B}[34m⠁ \u{1B}[31m⠁\u{1B}[0m")
    }

    @Test func linearTicksAreRoundNumbersCoveringTheData() throws {
        let loss = try AxisScale.linear(minimum: 0.01, maximum: 4.51, maxTicks: 8)
        #expect(loss.ticks.map(\.label) == ["0", "1", "2", "3", "4", "5"])
        #expect(loss.lower == 0 && loss.upper == 5)
        let steps = try AxisScale.linear(minimum: 0, maximum: 199, maxTicks: 8)
        #expect(steps.ticks.map(\.label) == ["0", "50", "100", "150", "200"])
        let negative = try AxisScale.linear(minimum: -0.3, maximum: 4.5, maxTicks: 8)
        #expect(negative.ticks.map(\.label) == ["-1", "0", "1", "2", "3", "4", "5"])
        let small = try AxisScale.linear(minimum: 0.0012, maximum: 0.0047, maxTicks: 6)
        #expect(small.ticks.map(\.label) == ["0.001", "0.002", "0.003", "0.004", "0.005"])
    }

    @Test func aConstantIsGivenARangeAroundIt() throws {
        let axis = try AxisScale.linear(minimum: 0.05, maximum: 0.05, maxTicks: 6)
        #expect(axis.lower < 0.05 && axis.upper > 0.05)
        #expect(axis.ticks.count >= 3)
    }

    @Test func hugeAndTinyTicksUseShortScientificLabels() {
        #expect(TickLabel.scientific(1.5e-5, digits: 1) == "1.5e-5")
        #expect(TickLabel.scientific(2e12, digits: 0) == "2e12")
        #expect(TickLabel.linear(2e-5, step: 1e-5) == "2e-5")
        #expect(TickLabel.power(mantissa: 1, exponent: -6) == "1e-6")
        #expect(TickLabel.power(mantissa: 5, exponent: -2) == "0.05")
        #expect(TickLabel.significant(0.01734) == "0.017")
    }

    @Test func logTicksArePowersOfTenOrTheOneTwoFiveLadder() throws {
        let wide = try AxisScale.logarithmic(minimum: 0.012, maximum: 4.5, maxTicks: 8)
        #expect(wide.ticks.map(\.label) == ["0.01", "0.1", "1"])
        #expect(wide.lower == -2 && abs(wide.upper - log10(5)) < 1e-12)
        let narrow = try AxisScale.logarithmic(minimum: 0.3, maximum: 4, maxTicks: 8)
        #expect(narrow.ticks.map(\.label) == ["0.2", "0.5", "1", "2", "5"])
        let many = try AxisScale.logarithmic(minimum: 1e-12, maximum: 1e3, maxTicks: 6)
        #expect(many.ticks.map(\.label) == ["1e-12", "1e-9", "1e-6", "0.001", "1", "1000"])
    }

    @Test func aLogScaleSkipsValuesThatAreNotPositiveAndSaysSo() throws {
        let values: [Double] = [1, 0, -1, 10, 100]
        let plot = Plot(
            title: "t", xLabel: "x", yLabel: "y",
            series: [PlotSeries(name: "s", points: values.enumerated().map { PlotPoint(x: Double($0.offset), y: $0.element) })],
            logScale: true)
        let frame = try PlotFrame(plot, xTicks: 6, yTicks: 6)
        #expect(frame.skippedCount == 2)
        #expect(frame.series[0].map { $0?.y } == [0, nil, nil, 1, 2])
        #expect(frame.note == "note: 2 values that are not positive cannot be shown on a log scale")
        let text = try TerminalPlotRenderer(settings: PlotSettings()).render(plot)
        #expect(text.contains("note: 2 values that are not positive"))
        #expect(text.contains("100 ┤"))
    }

    @Test func aLogScaleWithNothingPositiveIsAnError() {
        let plot = Plot(title: "t", xLabel: "x", yLabel: "y", series: [PlotSeries(name: "s", points: [PlotPoint(x: 0, y: -1)])], logScale: true)
        #expect(throws: PlotError("there are no positive values to draw on a log scale")) {
            try TerminalPlotRenderer(settings: PlotSettings()).render(plot)
        }
    }

    static let twoSeries = Plot(
        title: "two lines", xLabel: "step", yLabel: "loss",
        series: [
            PlotSeries(name: "first", points: (0..<50).map { PlotPoint(x: Double($0), y: 10 - Double($0) / 5) }),
            PlotSeries(name: "second", points: (0..<50).map { PlotPoint(x: Double($0), y: Double($0) / 5) }),
        ])

    @Test func aTerminalPlotHasTitleAxesTicksAndALegend() throws {
        let text = try TerminalPlotRenderer(settings: PlotSettings(width: 80)).render(Self.twoSeries)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.allSatisfy { $0.count <= 80 })
        #expect(lines[0].trimmingCharacters(in: .whitespaces) == "two lines")
        #expect(lines[1] == "loss")
        #expect(text.contains("10 ┤") && text.contains(" 0 ┤"))
        #expect(lines.contains { $0.hasPrefix("   └┬") })
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "step" })
        // Without colour the first line is solid, the second dashed with '+' along it.
        #expect(lines.last == "  ⠒⠒⠒ first   ⠒+⠐ second")
        #expect(text.filter { $0 == "+" }.count >= 3)
        #expect(!text.contains("\u{1B}"))
    }

    @Test func colourTellsSeriesApartOnATerminal() throws {
        let text = try TerminalPlotRenderer(settings: PlotSettings(width: 60, useColor: true)).render(Self.twoSeries)
        #expect(text.contains("\u{1B}[34m") && text.contains("\u{1B}[33m"))
        #expect(!text.contains("+"))
        let longest = text.split(separator: "\n").map { $0.replacing(/\x{1B}\[[0-9]+m/, with: "").count }.max()
        // The plot fills the width but for a little room for the last x label.
        #expect((56...60).contains(longest ?? 0))
    }

    @Test func marchingSquaresCutsTheCornerAboveTheLevel() {
        let field = ContourField(xs: [0, 1], ys: [0, 1], values: [[0, 0], [0, 1]], levels: [0.5], name: "f")
        let lines = MarchingSquares.lines(of: field, at: 0.5)
        #expect(lines.count == 1)
        #expect(Set(lines[0].map { [$0.x, $0.y] }) == [[1, 0.5], [0.5, 1]])
        // Interpolated, not halfway: at 0.25 the crossing is a quarter along each edge.
        let quarter = MarchingSquares.lines(of: field, at: 0.25)
        #expect(Set(quarter[0].map { [$0.x, $0.y] }) == [[1, 0.25], [0.25, 1]])
    }

    @Test func marchingSquaresClosesARingAroundAPeak() {
        let field = ContourField(xs: [0, 1, 2], ys: [0, 1, 2], values: [[0, 0, 0], [0, 1, 0], [0, 0, 0]], levels: [0.5], name: "f")
        let lines = MarchingSquares.lines(of: field, at: 0.5)
        #expect(lines.count == 1)
        #expect(lines[0].count == 5 && lines[0].first == lines[0].last)
        #expect(Set(lines[0].map { [$0.x, $0.y] }) == [[1, 0.5], [1.5, 1], [1, 1.5], [0.5, 1]])
    }

    @Test func aSaddleIsResolvedByTheCellsCentre() {
        let field = ContourField(xs: [0, 1], ys: [0, 1], values: [[1, 0], [0, 1]], levels: [0.5], name: "f")
        let lines = MarchingSquares.lines(of: field, at: 0.5).map { Set($0.map { [$0.x, $0.y] }) }
        // The centre (0.5) counts as above, so the two low corners are cut off.
        #expect(Set(lines) == [[[0.5, 0], [1, 0.5]], [[0.5, 1], [0, 0.5]]])
        let below = ContourField(xs: [0, 1], ys: [0, 1], values: [[1, 0], [0, 0.9]], levels: [0.5], name: "f")
        let cut = MarchingSquares.lines(of: below, at: 0.5).map { Set($0.map { [$0.x, $0.y] }) }
        // Centre 0.475 is below: the two high corners are cut off instead.
        #expect(cut.count == 2)
        #expect(cut.contains([[0, 0.5], [0.5, 0]]))
    }

    @Test func contourLevelsAreEvenOrGeometric() {
        #expect(ContourLevels.levels(for: [[0, 100]], count: 3, logarithmic: false) == [25, 50, 75])
        #expect(ContourLevels.levels(for: [[1, 10_000]], count: 3, logarithmic: false) == [10, 100, 1000])
        #expect(ContourLevels.levels(for: [[2, 2]], count: 3, logarithmic: false) == [])
    }
}
