import ArgumentParser
import DescentCore
import DescentSyntax
import Foundation

/// `descent check FILE`: parse and resolve only.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "Parse and resolve a script without running it.")

    @ArgumentParser.Argument(help: "The script to check.")
    var file: String

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let runner = ScriptRunner(limits: limitOptions.limits, timeout: nil)
        throw ExitCode(runner.check(path: file))
    }
}
