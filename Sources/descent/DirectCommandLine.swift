import ArgumentParser
import DescentCore

/// The two commonest command lines, `descent FILE` and `descent -e CODE`, run without
/// ArgumentParser.
///
/// ArgumentParser's parse is about a quarter of a 12 ms start: at first use of each of its
/// property wrappers the Swift runtime looks up protocol conformances, scanning every
/// conformance record linked into the binary (Foundation's included). These two lines need
/// none of that: they have no option but `-e`, so the limits keep their defaults. Anything
/// that ArgumentParser could read another way (an argument starting with `-`, a subcommand's
/// name, more arguments) is left to it, and it gives these two lines the same meaning.
enum DirectCommandLine {
    /// Runs `arguments` (the program's name dropped) and returns the exit status, or returns
    /// nil, having done nothing, when ArgumentParser must read them.
    static func run(_ arguments: [String]) -> Int32? {
        let runner = ScriptRunner(limits: RuntimeLimits(), timeout: nil)
        if arguments.count == 2, arguments[0] == "-e", !arguments[1].hasPrefix("-") {
            return runner.run(text: arguments[1], name: "<-e>", echo: true)
        }
        if arguments.count == 1, !arguments[0].hasPrefix("-"), !subcommandNames.contains(arguments[0]) {
            return runner.run(path: arguments[0])
        }
        return nil
    }

    /// The words ArgumentParser reads as a subcommand: each one's name and aliases, and
    /// the `help` it adds itself.
    private static var subcommandNames: Set<String> {
        var names: Set<String> = ["help"]
        for subcommand in DescentCommand.configuration.subcommands {
            let configuration = subcommand.configuration
            names.formUnion(configuration.aliases)
            if let name = configuration.commandName { names.insert(name) }
        }
        return names
    }
}
