import ArgumentParser
import DescentCore
import DescentKernels
import Glibc

/// `descent`: the REPL, a script, a snippet, a check or a lesson.
@main
struct DescentCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Descent: a small language for learning how optimizers work.",
        discussion: """
            descent                 start the REPL
            descent FILE            run a script
            descent -e CODE         run a snippet and print its values
            descent check FILE      parse and resolve only
            descent lesson N        run lesson N, paused block by block on a terminal
            """,
        version: DescentVersion.current,
        subcommands: [RunCommand.self, CheckCommand.self, LessonCommand.self],
        defaultSubcommand: RunCommand.self
    )

    /// Tunes the allocator before anything is allocated, then runs the command line: the
    /// commonest ones directly, the rest through ArgumentParser.
    static func main() {
        descent_keep_freed_memory()
        if let status = DirectCommandLine.run(Array(CommandLine.arguments.dropFirst())) {
            Glibc.exit(status)
        }
        main(nil)
    }
}
