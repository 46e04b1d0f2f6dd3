import Foundation
import DescentSyntax

/// Splits a lesson into the blocks it pauses between: runs of lines separated by blank
/// lines, never inside an unfinished bracket.
public enum LessonBlocks {
    /// One block: its text and the 1-based line it starts on.
    public struct Block: Sendable {
        public let text: String
        public let firstLine: Int
    }

    public static func split(_ text: String) -> [Block] {
        var blocks: [Block] = []
        var current: [String] = []
        var firstLine = 1
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        for (index, line) in lines.enumerated() {
            let isBlank = line.trimmingCharacters(in: .whitespaces).isEmpty
            if isBlank, !current.isEmpty, !InputCompleteness.needsMoreInput(current.joined(separator: "\n")) {
                blocks.append(Block(text: current.joined(separator: "\n"), firstLine: firstLine))
                current = []
            } else if isBlank, current.isEmpty {
                continue
            } else {
                if current.isEmpty { firstLine = index + 1 }
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(Block(text: current.joined(separator: "\n"), firstLine: firstLine)) }
        return blocks
    }
}
