import ArgumentParser
import DescentCore

/// The resource limits, adjustable on every command.
struct LimitOptions: ParsableArguments {
    @Option(name: .long, help: "Largest tensor, in elements.")
    var maxElements: Int = RuntimeLimits().maxElements

    @Option(name: .long, help: "Deepest chain of nested function calls.")
    var maxCallDepth: Int = RuntimeLimits().maxCallDepth

    @Option(name: .long, help: "Deepest nesting of brackets and blocks the parser accepts.")
    var maxNesting: Int = RuntimeLimits().maxNestingDepth

    @Option(name: .long, help: "Stop a script after this many seconds.")
    var timeout: Double?

    func validate() throws {
        guard maxElements >= 1, maxCallDepth >= 1, maxNesting >= 1 else {
            throw ValidationError("limits must be at least 1")
        }
        guard (maxCallDepth) <= 10_000 else {
            throw ValidationError("--max-call-depth can be at most 10000 (the interpreter's stack holds no more)")
        }
        guard maxNesting <= 10_000 else {
            throw ValidationError("--max-nesting can be at most 10000 (the interpreter's stack holds no more)")
        }
        if let timeout, !(timeout > 0) {
            throw ValidationError("--timeout must be a positive number of seconds")
        }
    }

    var limits: RuntimeLimits {
        var limits = RuntimeLimits()
        limits.maxElements = maxElements
        limits.maxCallDepth = maxCallDepth
        limits.maxNestingDepth = maxNesting
        return limits
    }
}
