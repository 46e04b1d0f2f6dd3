import DescentSyntax

/// Where an argument of a call goes: a parameter by name, or the variadic parameter.
enum ArgumentDestination: Equatable {
    case named(String)
    case rest
}

/// The binding rules of every call, decided from the call's text alone: parameters before
/// a variadic one take positional arguments in order, the variadic one takes every
/// positional argument after them, and labels name parameters. The tree walker, the
/// compiled closures and the scalar code all bind through it.
enum ArgumentBinding {
    /// Each argument's destination, or the error the call gives at that argument; the
    /// tree walker throws it only once the arguments before it have been evaluated.
    static func destinations(
        of arguments: [Argument], names: [String], variadic: String?, function: String
    ) -> [Result<ArgumentDestination, Diagnostic>] {
        let positionalNames = variadic.map { name in Array(names.prefix { $0 != name }) } ?? names
        var nextPositional = 0
        var given: Set<String> = []
        return arguments.map { argument in
            if let label = argument.label {
                let labelRange = argument.labelRange ?? argument.value.range
                guard names.contains(label) else {
                    var message = "\(function)() has no parameter '\(label)'"
                    if let suggestion = Suggestions.closest(to: label, among: names) {
                        message += "; did you mean '\(suggestion)'?"
                    }
                    return .failure(Diagnostic(message, at: labelRange))
                }
                guard given.insert(label).inserted else {
                    return .failure(Diagnostic("'\(label)' is given twice", at: labelRange))
                }
                return .success(.named(label))
            }
            if nextPositional < positionalNames.count {
                let name = positionalNames[nextPositional]
                nextPositional += 1
                given.insert(name)
                return .success(.named(name))
            }
            if variadic != nil { return .success(.rest) }
            return .failure(Diagnostic(
                "\(function)() takes at most \(names.count) argument\(names.count == 1 ? "" : "s")", at: argument.value.range))
        }
    }
}
