import DescentSyntax

/// Help for one statement, keyword, rule variable or REPL meta-command.
public struct HelpTopic: Sendable {
    /// What kind of word the topic documents.
    public enum Kind: Sendable {
        /// A word that starts a statement (`train`, `optimizer`).
        case statement
        /// A word inside a statement or expression (`with`, `steps`, `and`).
        case keyword
        /// A name an optimizer's rule can read (`theta`, `grad`, `t`).
        case ruleVariable
        /// A REPL command (`:vars`).
        case metaCommand
    }

    /// The word itself; meta-commands include their colon (`:save`).
    public let name: String
    public let kind: Kind
    /// How it is written: `train LOSS with OPTIMIZER [steps K] [batch …] [seed S]`.
    public let usage: String
    /// What it does, in a sentence or two.
    public let summary: String

    /// The help text `:help NAME` prints.
    public var text: String { "\(usage)\n  \(summary)" }
}

/// Every word `:help` knows besides builtins and definitions, in one registry that
/// `:help` and tab completion both read.
public enum HelpTopics {
    /// Statements, keywords, rule variables and meta-commands.
    public static let all: [HelpTopic] = statements + keywords + ruleVariables + metaCommands

    /// The topic called `name` (`train`, `:save`, `θ`).
    public static func topic(named name: String) -> HelpTopic? {
        all.first { $0.name == name }
    }

    /// The language's reserved words, for completion.
    public static var languageKeywords: [String] {
        (statements + keywords).map(\.name)
    }

    /// The REPL's commands, colon included.
    public static var metaCommandNames: [String] {
        metaCommands.map(\.name)
    }

    /// The meta-command an unknown one was probably meant to be (`:sav` → `:save`,
    /// `:hepl` → `:help`): one it starts, or one at most two edits away.
    public static func closestMetaCommand(to command: String) -> String? {
        let typed = command.hasPrefix(":") ? command : ":" + command
        if typed.count >= 3, let extended = metaCommandNames.first(where: { $0.hasPrefix(typed) }) {
            return extended
        }
        let ranked = metaCommandNames.map { (name: $0, distance: Suggestions.editDistance(typed, $0)) }
        guard let best = ranked.min(by: { $0.distance < $1.distance }), best.distance <= 2 else { return nil }
        return best.name
    }

    /// The candidate `name` was probably meant to be, for a did-you-mean.
    public static func suggestion(for name: String, among candidates: [String]) -> String? {
        Suggestions.closest(to: name, among: candidates)
    }

    /// What `:help` prints with no topic.
    public static let overview = """
        Type Descent statements and expressions; an expression prints its value.
        An unclosed (, [ or { continues on the next line (a blank line ends the entry).
          Tab completes names, keywords, hyper-parameters (momentum(b<Tab> → beta=),
          :commands and file names; Up/Down and Ctrl-R search the history.
          Ctrl-C clears the line or stops a running train; Ctrl-D on an empty line quits.

        Commands:
        \(metaCommands.map { "  " + pad($0.usage, to: 14) + $0.summary }.joined(separator: "\n"))

        Statements: \(statements.prefix(9).map(\.name).joined(separator: ", ")),
          \(statements.dropFirst(9).map(\.name).joined(separator: ", ")).
        Optimizers in the prelude: bgd, sgd, momentum, decay, pruned_sgd, nesterov, adagrad,
        rmsprop, adam (:show NAME prints one). :help NAME explains any statement, keyword,
        builtin or definition.
        """

    private static func pad(_ text: String, to width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
