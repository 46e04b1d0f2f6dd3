import DescentCore

/// A REPL command: a line starting with `:`.
enum MetaCommand: Equatable {
    case help(topic: String?)
    case vars
    case show(name: String)
    case load(path: String)
    case save(path: String)
    case reset
    case history
    case quit

    /// Reads `:name argument`; the error is the message to show (with a did-you-mean).
    static func parse(_ line: String) -> Result<MetaCommand, MetaCommandError> {
        let trimmed = line.trimmingWhitespace
        let name = String(trimmed.prefix { !$0.isWhitespace })
        let argument = unquoted(String(trimmed.dropFirst(name.count)).trimmingWhitespace)
        switch name {
        case ":help", ":h", ":?": return .success(.help(topic: argument.isEmpty ? nil : argument))
        case ":vars": return noArgument(.vars, argument, name)
        case ":show": return required(argument, "NAME", name).map { .show(name: $0) }
        case ":load": return required(argument, "FILE", name).map { .load(path: $0) }
        case ":save": return required(argument, "FILE", name).map { .save(path: $0) }
        case ":reset": return noArgument(.reset, argument, name)
        case ":history": return noArgument(.history, argument, name)
        case ":quit", ":q", ":exit": return noArgument(.quit, argument, name)
        default:
            let suggestion = HelpTopics.closestMetaCommand(to: name).map { "; did you mean '\($0)'?" } ?? "; :help lists them"
            return .failure(MetaCommandError("unknown command '\(name)'\(suggestion)"))
        }
    }

    private static func required(_ argument: String, _ what: String, _ name: String) -> Result<String, MetaCommandError> {
        argument.isEmpty ? .failure(MetaCommandError("usage: \(name) \(what)")) : .success(argument)
    }

    private static func noArgument(_ command: MetaCommand, _ argument: String, _ name: String) -> Result<MetaCommand, MetaCommandError> {
        argument.isEmpty ? .success(command) : .failure(MetaCommandError("\(name) takes no argument"))
    }

    /// `"my file.descent"` → `my file.descent`.
    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, text.hasPrefix("\""), text.hasSuffix("\"") else { return text }
        return String(text.dropFirst().dropLast())
    }
}

/// Why a meta-command could not run.
struct MetaCommandError: Error, Equatable {
    let message: String

    init(_ message: String) {
        self.message = message
    }
}

extension String {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingWhitespace: String {
        String(drop { $0.isWhitespace }.reversed().drop { $0.isWhitespace }.reversed())
    }
}
