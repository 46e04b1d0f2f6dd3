import DescentCore
import DescentSyntax
import Foundation
import Testing

/// One entry of `grammar/errors.md`: a message, the program that must give it, and the
/// command-line limits it runs with.
struct CatalogueEntry: CustomTestStringConvertible, Sendable {
    let message: String
    let program: String
    let options: [String]
    /// Whether the test presses Ctrl-C while the program runs ("Press Ctrl-C …").
    let interrupts: Bool
    let line: Int

    var testDescription: String { message }

    /// The entries of the catalogue at `path`, in order.
    static func load(_ path: String) -> [CatalogueEntry] {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        var entries: [CatalogueEntry] = []
        var message: (text: String, line: Int)?
        var options: [String] = []
        var interrupts = false
        var program: [String]?
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if var lines = program {
                if line == "```", let heading = message {
                    entries.append(
                        CatalogueEntry(
                            message: heading.text, program: lines.joined(separator: "\n"), options: options,
                            interrupts: interrupts, line: heading.line))
                    message = nil
                    program = nil
                } else {
                    lines.append(String(line))
                    program = lines
                }
            } else if line.hasPrefix("### `"), line.hasSuffix("`") {
                message = (String(line.dropFirst(5).dropLast()), index + 1)
                options = []
                interrupts = false
            } else if line.hasPrefix("Run with `"), let end = line.lastIndex(of: "`") {
                options = line[line.index(line.startIndex, offsetBy: 10)..<end].split(separator: " ").map(String.init)
            } else if line.hasPrefix("Press Ctrl-C") {
                interrupts = true
            } else if line == "```descent", message != nil {
                program = []
            }
        }
        return entries
    }

    static let all = load(GoldenCase.packageRoot + "/grammar/errors.md")
}

/// Every message in `grammar/errors.md` is given, exactly, by its example.
@Suite struct ErrorCatalogueTests {
    @Test("catalogue entry", arguments: CatalogueEntry.all)
    func entryGivesItsMessage(_ entry: CatalogueEntry) throws {
        let (limits, timeout) = try Self.limits(from: entry.options)
        let session = Session(limits: limits) { _ in }
        if let timeout {
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [cancellation = session.cancellation] in
                cancellation.cancelForTimeout()
            }
        }
        if entry.interrupts {
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.3) { [cancellation = session.cancellation] in
                cancellation.cancel()
            }
        }
        // Like a script file, the program ends with a line break.
        let messages = session.run(SourceFile(name: "errors.md", text: entry.program + "\n")).map(\.message)
        #expect(
            messages.first == entry.message,
            "got \(messages)",
            sourceLocation: SourceLocation(
                fileID: "grammar/errors.md", filePath: GoldenCase.packageRoot + "/grammar/errors.md", line: entry.line, column: 1))
    }

    @Test func catalogueIsLargeAndHasNoDuplicates() {
        let messages = CatalogueEntry.all.map(\.message)
        #expect(messages.count >= 200)
        #expect(Set(messages).count == messages.count)
    }

    /// A file the user may not read. The catalogue cannot make one, so this test does; as
    /// root every file is readable, so there it cannot be made at all and the test is off.
    @Test(.enabled(if: geteuid() != 0, "root can read a file without read permission"))
    func fileWithoutReadPermissionIsNamed() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-unreadable-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("secret.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data("1,2\n".utf8), attributes: [.posixPermissions: 0]))
        let messages = Session { _ in }.run(SourceFile(name: "unreadable", text: "X = load_csv(\"\(path)\")\n")).map(\.message)
        #expect(messages == ["cannot read '\(path)': permission denied"])
    }

    private struct UnknownOption: Error, CustomStringConvertible {
        let option: String
        var description: String { "unknown option '\(option)' in grammar/errors.md" }
    }

    /// The limits of the golden tests, changed by `--max-elements N`, `--max-call-depth N`,
    /// `--max-nesting N` and `--timeout SECONDS`.
    private static func limits(from options: [String]) throws -> (RuntimeLimits, Double?) {
        var limits = RuntimeLimits()
        limits.maxElements = 10_000_000
        var timeout: Double?
        for index in stride(from: 0, to: options.count, by: 2) {
            let value = index + 1 < options.count ? options[index + 1] : ""
            switch options[index] {
            case "--max-elements": limits.maxElements = Int(value) ?? 0
            case "--max-call-depth": limits.maxCallDepth = Int(value) ?? 0
            case "--max-nesting": limits.maxNestingDepth = Int(value) ?? 0
            case "--timeout": timeout = Double(value)
            default: throw UnknownOption(option: options[index])
            }
        }
        return (limits, timeout)
    }
}
