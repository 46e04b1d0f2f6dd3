import DescentTensor

/// The text `step` prints: a header, then for each param every assignment of the rule
/// as written, with values substituted, and its result.
final class StepExplanation {
    private var blocks: [(parameter: String, block: ParameterExplanation)] = []

    /// The block that records `parameter`'s assignments.
    func block(for parameter: String) -> ParameterExplanation {
        let block = ParameterExplanation()
        blocks.append((parameter, block))
        return block
    }

    /// The explanation below the header line.
    func render() -> String {
        var text = ""
        for (parameter, block) in blocks {
            let prefix = "  \(parameter):  "
            let indent = String(repeating: " ", count: prefix.count)
            let width = block.lines.map(\.name.count).max() ?? 0
            for (index, line) in block.lines.enumerated() {
                let name = line.name.padding(toLength: width, withPad: " ", startingAt: 0)
                let continuation = indent + String(repeating: " ", count: width)
                text += (index == 0 ? prefix : indent) + "\(name) = \(line.written)\n"
                if line.substituted != line.written, line.substituted != line.result {
                    text += continuation + " = \(line.substituted)\n"
                }
                text += continuation + " = \(line.result)\n"
            }
            if block.lines.isEmpty { text += prefix + "(the rule assigned nothing)\n" }
        }
        return text
    }
}

/// The assignments of one param's rule, in the order they ran.
final class ParameterExplanation {
    struct Line {
        let name: String
        let written: String
        let substituted: String
        let result: String
    }

    private(set) var lines: [Line] = []

    func record(name: String, written: String, substituted: String, result: Tensor) {
        lines.append(Line(name: name, written: written, substituted: substituted, result: InlineFormatter.format(result)))
    }
}
