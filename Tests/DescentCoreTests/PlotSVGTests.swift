import Foundation
import Testing

@testable import DescentCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// What an SVG document holds, read back with Foundation's XML parser.
final class SVGContents: NSObject, XMLParserDelegate {
    private(set) var elementCounts: [String: Int] = [:]
    private(set) var texts: [String] = []
    private(set) var attributes: [String: [[String: String]]] = [:]
    private var currentText: String?

    /// Parses `svg`, recording an issue when it is not well-formed XML.
    static func parse(_ svg: String) -> SVGContents {
        let contents = SVGContents()
        let parser = XMLParser(data: Data(svg.utf8))
        parser.delegate = contents
        #expect(parser.parse(), "not well-formed XML: \(String(describing: parser.parserError))")
        return contents
    }

    func parser(
        _ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?, qualifiedName: String?,
        attributes attributeDict: [String: String] = [:]
    ) {
        elementCounts[elementName, default: 0] += 1
        attributes[elementName, default: []].append(attributeDict)
        if elementName == "text" { currentText = "" }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        currentText? += string
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName: String?) {
        if elementName == "text", let text = currentText { texts.append(text) }
        currentText = nil
    }
}

/// SVG output and the atomic file writer.
@Suite struct PlotSVGTests {
    @Test func anSVGPlotHasPolylinesTicksLabelsAndALegend() throws {
        var plot = PlotRendererTests.twoSeries
        plot.title = "a < b & \"c\""
        let contents = SVGContents.parse(try SVGPlotRenderer().render(plot))
        #expect(contents.elementCounts["polyline"] == 2)
        #expect(contents.texts.contains("a < b & \"c\""))
        #expect(contents.texts.contains("step") && contents.texts.contains("loss"))
        #expect(contents.texts.contains("first") && contents.texts.contains("second"))
        #expect(["0", "10", "20", "30", "40", "50"].allSatisfy(contents.texts.contains))
        let strokes = Set((contents.attributes["polyline"] ?? []).compactMap { $0["stroke"] })
        #expect(strokes.count == 2)
    }

    @Test func aLogScaleSVGLabelsDecadesAndNotesSkippedValues() throws {
        let values: [Double] = [100, 10, 1, 0.1, 0]
        let plot = Plot(
            title: "t", xLabel: "x", yLabel: "y",
            series: [PlotSeries(name: "s", points: values.enumerated().map { PlotPoint(x: Double($0.offset), y: $0.element) })],
            logScale: true)
        let contents = SVGContents.parse(try SVGPlotRenderer().render(plot))
        #expect(["0.1", "1", "10", "100"].allSatisfy(contents.texts.contains))
        #expect(contents.texts.contains("y (log scale)"))
        #expect(contents.texts.contains { $0.hasPrefix("note: 1 value that is not positive") })
    }

    @Test func aPathSVGHasContourLinesTheTrajectoryAndItsEnds() throws {
        let xs = (0..<21).map { -2 + Double($0) / 5 }
        let values = xs.map { y in xs.map { x in x * x + 4 * y * y } }
        let trajectory = [PlotPoint(x: -1.5, y: 1.5), PlotPoint(x: -0.5, y: -0.5), PlotPoint(x: 0, y: 0)]
        let plot = Plot(
            title: "path", xLabel: "a", yLabel: "b", series: [PlotSeries(name: "sgd path", points: trajectory)],
            contour: ContourField(xs: xs, ys: xs, values: values, levels: [0.5, 1, 2, 4], name: "loss J"),
            markers: [PlotMarker(label: "start", point: trajectory[0], role: .start), PlotMarker(label: "end", point: trajectory[2], role: .end)])
        let contents = SVGContents.parse(try SVGPlotRenderer().render(plot))
        // Each level is one closed ellipse inside the grid, plus the trajectory.
        #expect(contents.elementCounts["polyline"] == 5)
        #expect(contents.texts.contains("loss J contours (0.5 … 4)"))
        #expect(contents.texts.contains("start") && contents.texts.contains("end"))
        #expect((contents.elementCounts["circle"] ?? 0) >= 5)
    }

    @Test func textThatIsNotValidXMLIsEscapedOrDropped() {
        #expect(SVGWriter.escaped("<a href='x'>&\u{7}</a>") == "&lt;a href=&apos;x&apos;&gt;&amp;&lt;/a&gt;")
        #expect(SVGWriter.number(-0.001) == "0" && SVGWriter.number(12.5) == "12.5" && SVGWriter.number(3) == "3")
    }

    /// A fresh empty directory for one test.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func aPlotFileIsWrittenWholeAndReplacesAnOldOne() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("plot.svg").path
        try PlotFile.write("old", to: path)
        try PlotFile.write("<svg/>\n", to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "<svg/>\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["plot.svg"])
    }

    @Test func aMissingDirectoryIsAnErrorNamingThePath() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("missing/plot.svg").path
        #expect(throws: PlotError("cannot write '\(path)': no such directory '\(directory.path)/missing'")) {
            try PlotFile.write("<svg/>", to: path)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
    }

    @Test func aFileThatCannotBeReplacedLeavesNoTemporaryFile() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let target = directory.appendingPathComponent("taken.svg")
        try FileManager.default.createDirectory(at: target.appendingPathComponent("inside"), withIntermediateDirectories: true)
        #expect(throws: PlotError.self) { try PlotFile.write("<svg/>", to: target.path) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["taken.svg"])
    }
}
