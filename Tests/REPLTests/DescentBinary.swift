import Foundation
import Testing

/// The `descent` executable that `swift build` put next to the test bundle, and ways to
/// run it without a terminal.
enum DescentBinary {
    /// The path of `descent`; the tests fail (not skip) if it was not built.
    static let path: String = {
        let candidates = [
            Bundle.main.bundleURL.deletingLastPathComponent(),
            Bundle.main.bundleURL,
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
        ].map { $0.appendingPathComponent("descent").path }
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates[0]
    }()

    /// What a run printed and how it ended.
    struct Run {
        let standardOutput: String
        let standardError: String
        let status: Int32
    }

    /// Runs `descent arguments` with `input` on a pipe as standard input.
    static func run(_ arguments: [String] = [], input: String = "", environment: [String: String]) throws -> Run {
        guard FileManager.default.isExecutableFile(atPath: path) else {
            throw DriverError("no descent binary at \(path): run `swift build` first")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments
        process.environment = environment
        let stdin = Pipe(), stdout = Pipe(), stderr = Pipe()
        process.standardInput = stdin
        process.standardOutput = stdout
        process.standardError = stderr
        try process.run()
        stdin.fileHandleForWriting.write(Data(input.utf8))
        try stdin.fileHandleForWriting.close()
        let output = stdout.fileHandleForReading.readDataToEndOfFile()
        let errors = stderr.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(
            standardOutput: String(decoding: output, as: UTF8.self),
            standardError: String(decoding: errors, as: UTF8.self),
            status: process.terminationStatus
        )
    }
}

/// A temporary home directory for one test: history, saved scripts, loaded files.
final class TemporaryHome {
    let path: String

    init() throws {
        let template = URL(fileURLWithPath: NSTemporaryDirectory()).appendingPathComponent("descent-repl-XXXXXX").path
        var bytes = Array(template.utf8CString)
        guard mkdtemp(&bytes) != nil else { throw DriverError("cannot make a temporary directory") }
        path = String(decoding: bytes.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
    }

    /// `HOME` here, history in `history`, a wide terminal, no colour.
    var environment: [String: String] {
        [
            "HOME": path,
            "DESCENT_HISTORY": path + "/history",
            "TERM": "xterm",
            "COLUMNS": "200",
            "LINES": "50",
            "NO_COLOR": "1",
            "PATH": "/usr/bin:/bin",
            "INPUTRC": "/dev/null",
        ]
    }

    func file(_ name: String) -> String {
        path + "/" + name
    }

    func write(_ text: String, to name: String) throws {
        try text.write(toFile: file(name), atomically: true, encoding: .utf8)
    }

    func read(_ name: String) -> String? {
        try? String(contentsOfFile: file(name), encoding: .utf8)
    }
}
