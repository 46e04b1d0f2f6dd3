import Foundation
import Testing

/// One `.descent` file under `Cases/` (or a lesson) and what its comments expect:
/// `# expect: TEXT` for each line it prints, in order, and `# error: MESSAGE` (with any
/// `# note: TEXT` lines after it) on the line where a diagnostic must point.
struct GoldenCase: CustomTestStringConvertible, Sendable {
    struct ExpectedError: Equatable, Sendable {
        var line: Int
        var message: String
        var notes: [String]
    }

    let path: String
    let text: String
    let expectedOutput: [String]
    let expectedErrors: [ExpectedError]

    var testDescription: String { path.replacingOccurrences(of: GoldenCase.packageRoot + "/", with: "") }

    init(path: String) throws {
        self.path = path
        self.text = try String(contentsOfFile: path, encoding: .utf8)
        var output: [String] = []
        var errors: [ExpectedError] = []
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let expected = Self.directive("# expect:", in: line) {
                output.append(expected)
            } else if let message = Self.directive("# error:", in: line) {
                errors.append(ExpectedError(line: index + 1, message: message, notes: []))
            } else if let note = Self.directive("# note:", in: line), !errors.isEmpty {
                errors[errors.count - 1].notes.append(note)
            }
        }
        self.expectedOutput = output
        self.expectedErrors = errors
    }

    /// The text after a directive marker, with one space after the colon dropped.
    private static func directive(_ marker: String, in line: Substring) -> String? {
        guard let range = line.range(of: marker) else { return nil }
        var rest = line[range.upperBound...]
        if rest.hasPrefix(" ") { rest = rest.dropFirst() }
        return String(rest)
    }

    /// The package's root folder, found from this file's path.
    static let packageRoot: String = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    /// Every `.descent` file below `folder`, sorted.
    static func files(in folder: String) -> [String] {
        guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return [] }
        return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".descent") }.sorted().map { folder + "/" + $0 }
    }

    static func load(_ folder: String) -> [GoldenCase] {
        files(in: packageRoot + "/" + folder).compactMap { try? GoldenCase(path: $0) }
    }
}
