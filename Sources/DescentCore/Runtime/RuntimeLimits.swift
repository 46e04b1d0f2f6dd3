/// Bounds that keep a learner's mistake from exhausting the machine. Each is checked
/// before the allocation or call that would exceed it, and each can be set from the
/// command line.
public struct RuntimeLimits: Sendable {
    /// The most elements one tensor may have (800 MB of float64 at the default).
    public var maxElements: Int = 100_000_000
    /// The deepest chain of nested function calls.
    public var maxCallDepth: Int = 1_000
    /// The deepest nesting the parser accepts.
    public var maxNestingDepth: Int = 200

    public init() {}
}
