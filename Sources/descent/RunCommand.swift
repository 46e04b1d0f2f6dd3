import ArgumentParser
import DescentCore
import Foundation

/// `descent [FILE]`, `descent -e CODE`: run a script or snippet, or start the REPL.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "run", abstract: "Run a script, a snippet, or the REPL.")

    @ArgumentParser.Argument(help: "A script to run; without one, the REPL starts.")
    var file: String?

    @Option(name: .customShort("e"), help: "Run CODE and print the value of each expression.")
    var code: String?

    @Flag(name: .long, help: "Start the REPL without the welcome line.")
    var quiet = false

    @OptionGroup var limitOptions: LimitOptions

    func run() throws {
        let runner = ScriptRunner(limits: limitOptions.limits, timeout: limitOptions.timeout)
        if let code {
            throw ExitCode(runner.run(text: code, name: "<-e>", echo: true))
        }
        if let file {
            throw ExitCode(runner.run(path: file))
        }
        throw ExitCode(REPL(limits: limitOptions.limits, quiet: quiet).run())
    }
}
