import DescentCore
import DescentSyntax
import Foundation
import Testing

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// `plot` and `compare` run through a session, as a script would.
@Suite struct PlotSessionTests {
    /// Least squares in two weights, so `plot path w` applies.
    static let setup = """
        X = [[1, 2], [0.5, -1], [-1.5, 0.3], [2, 1], [0, -0.7], [0.8, 0.1]]
        y = [3, -0.5, -2, 4.5, -1, 1.2]
        param w = [0.1, -0.2]
        data X, y
        loss J = mean((X @ w - y)^2)

        """

    /// Runs the setup and `program` in a fresh session; returns the output and diagnostics.
    static func run(_ program: String) -> (output: String, errors: [Diagnostic], session: Session) {
        let collected = OutputBuffer()
        let session = Session { collected.text += $0 }
        let errors = session.run(SourceFile(name: "plot.descent", text: setup + program))
        return (collected.text, errors, session)
    }

    final class OutputBuffer: @unchecked Sendable {
        var text = ""
    }

    @Test func plotLossAfterTrainDrawsTheCurveWithTitleAndAxisLabels() throws {
        let (output, errors, _) = Self.run("train J with bgd(lr=0.1) steps 30\nplot loss\n")
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0].hasPrefix("bgd: 30 steps, loss "))
        #expect(lines[1].trimmingCharacters(in: .whitespaces) == "loss J: bgd, 30 steps")
        #expect(lines[2] == "loss J")
        #expect(lines.contains { $0.trimmingCharacters(in: .whitespaces) == "step (t)" })
        #expect(lines.contains { $0.contains("└┬") })
        #expect(output.unicodeScalars.contains { (0x2801...0x28FF).contains($0.value) })
        #expect(lines.allSatisfy { $0.count <= 80 })
    }

    @Test func plottingBeforeTrainingSaysToTrainFirst() {
        let (_, errors, _) = Self.run("plot loss\n")
        #expect(errors.map(\.message) == ["nothing has been trained yet; run 'train' first"])
    }

    @Test func anUnrecordedSeriesSuggestsARecordedOne() {
        let (_, errors, _) = Self.run("train J with decay(lr=0.1) steps 5\nplot lr_tt\n")
        #expect(errors.map(\.message) == ["the last run recorded no 'lr_tt'; did you mean 'lr_t'?"])
        #expect(errors.first?.notes == ["hint: it recorded loss, lr_t"])
    }

    @Test func aRecordedScalarOfTheRuleIsPlottedAgainstTheStep() {
        // decay's lr_t = 0.1*(1 - t/20) falls from 0.1 to 0.005: ticks 0 to 0.1.
        let (output, errors, _) = Self.run("train J with decay(lr=0.1) steps 20\nplot lr_t\n")
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        #expect(output.contains("lr_t: decay, 20 steps"))
        #expect(output.contains("0.10 ┤") && output.contains("   0 ┤"))
    }

    @Test func anExpressionIsPlottedOverAHalfOpenRange() {
        let (output, errors, _) = Self.run("plot (1 - t/100)^2 for t in 0..100\n")
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        #expect(output.contains("(1 - t/100)^2 for t in 0..100"))
        // (1 - 0/100)^2 = 1 is the largest value, so 1 is the top tick.
        #expect(output.contains("1.0 ┤") || output.contains("1 ┤"))
        #expect(output.contains("100"))
    }

    @Test func anExpressionMustGiveOneNumber() {
        let (_, errors, _) = Self.run("plot w * t for t in 0..3\n")
        #expect(errors.map(\.message) == ["the plotted expression must give a single number, but for t = 0 it has shape [2]"])
        let (_, empty, _) = Self.run("plot t for t in 3..3\n")
        #expect(empty.map(\.message) == ["the range 3..3 is empty, so there is nothing to plot"])
    }

    @Test func aLogPlotNotesValuesItCannotShow() {
        let (output, errors, _) = Self.run("plot t - 2 for t in 0..6 log\n")
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        #expect(output.contains("note: 3 values that are not positive cannot be shown on a log scale"))
    }

    /// A fresh directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("descent-plot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func plotToAFileWritesValidSVGAndSaysSo() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("loss.svg").path
        let (output, errors, _) = Self.run("train J with bgd(lr=0.1) steps 30\nplot loss log to \"\(path)\"\n")
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        #expect(output.hasSuffix("wrote \(path)\n"))
        let contents = SVGContents.parse(try String(contentsOfFile: path, encoding: .utf8))
        #expect(contents.elementCounts["polyline"] == 1)
        #expect(contents.texts.contains("loss J: bgd, 30 steps"))
        #expect(contents.texts.contains("loss J (log scale)"))
    }

    @Test func aMissingDirectoryIsAnErrorAtTheFileNameAndWritesNothing() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("nope/loss.svg").path
        let (output, errors, _) = Self.run("train J with bgd(lr=0.1) steps 3\nplot loss to \"\(path)\"\n")
        #expect(errors.map(\.message) == ["cannot write '\(path)': no such directory '\(directory.path)/nope'"])
        #expect(errors.first?.range.text == "\"\(path)\"")
        #expect(!output.contains("wrote"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty)
        let (_, wrongKind, _) = Self.run("train J with bgd(lr=0.1) steps 3\nplot loss to \"loss.png\"\n")
        #expect(wrongKind.map(\.message) == ["plots are written as SVG, so the file name must end in '.svg'"])
    }

    @Test func plotPathDrawsContoursAndTheTrajectoryAndRestoresTheParam() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("path.svg").path
        let (output, errors, session) = Self.run(
            "train J with momentum(lr=0.05) steps 40\nw_after = w\nplot path w\nplot path w to \"\(path)\"\nexpect w ≈ w_after within 0\n")
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        #expect(output.contains("loss J over w[0], w[1]: momentum, 40 steps"))
        #expect(output.contains("o start") && output.contains("* end") && output.contains("loss J contours"))
        #expect(session.tensor(named: "w") == session.tensor(named: "w_after"))
        let contents = SVGContents.parse(try String(contentsOfFile: path, encoding: .utf8))
        // Contour lines and the trajectory, which is dotted at each of its 41 points.
        #expect((contents.elementCounts["polyline"] ?? 0) > 5)
        #expect((contents.elementCounts["circle"] ?? 0) >= 41)
        #expect(contents.texts.contains("start") && contents.texts.contains("end"))
    }

    @Test func plotPathNeedsTwoCoordinates() {
        let (_, errors, _) = Self.run("param b = 0\nloss K = mean((X @ w + b - y)^2)\ntrain K with bgd() steps 3\nplot path b\n")
        #expect(errors.first?.message.hasPrefix("plot path needs one param with two elements or two scalar params") == true)
    }

    @Test func compareRestoresTheParamsAndPrintsARowPerOptimizer() throws {
        let program = """
            start = w
            compare J with bgd(lr=0.1), bgd(lr=0.02), momentum(lr=0.05) steps 50
            expect w ≈ start within 0

            """
        let (output, errors, session) = Self.run(program)
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let lines = output.split(separator: "\n").map(String.init)
        #expect(lines[0].split(separator: " ", omittingEmptySubsequences: true) == ["optimizer", "final", "loss", "best", "loss", "steps", "to", "1%"])
        #expect(lines[1].hasPrefix("bgd(lr=0.1) "))
        #expect(lines[2].hasPrefix("bgd(lr=0.02) "))
        #expect(lines[3].hasPrefix("momentum(lr=0.05, beta=0.9) "))
        // The two bgd curves share a name, so the legend tells them apart by lr.
        #expect(output.contains("bgd(lr=0.1)   ") && output.contains("⠒⠒⠒ bgd(lr=0.1)") && output.contains("momentum"))
        #expect(session.lastHistory?.optimizerName == "momentum")
        #expect(session.lastHistory?.loss.count == 50)
    }

    @Test func compareNumbersMatchTheSameRunTrainedAlone() throws {
        let (compared, errors, _) = Self.run("compare J with bgd(lr=0.1) steps 20\n")
        #expect(errors.isEmpty, "\(errors.map(\.message))")
        let (trained, _, _) = Self.run("train J with bgd(lr=0.1) steps 20\n")
        // `train` prints `bgd: 20 steps, loss START -> END`; the table's final loss is END.
        let end = try #require(trained.split(separator: " ").last?.trimmingCharacters(in: .newlines))
        let row = compared.split(separator: "\n")[1].split(separator: " ", omittingEmptySubsequences: true)
        #expect(row[0] == "bgd(lr=0.1)" && row[1] == end)
    }
}
