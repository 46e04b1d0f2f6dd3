/// Bounds that keep parsing safe on any input, however hostile.
///
/// The parser is recursive descent, so nesting costs stack; the evaluator and resolver
/// walk the resulting tree recursively too. Capping the depth here turns
/// `((((…` or `- - - …` a hundred thousand levels deep into one diagnostic instead of a
/// stack overflow anywhere downstream.
public struct ParserLimits: Sendable, Equatable {
    /// The deepest nesting allowed: brackets, prefix operators, `^` chains, blocks, and the
    /// operators of one left-associative chain (each nests the tree one level deeper).
    public var maxNestingDepth: Int

    /// Creates limits; 200 levels is far beyond any readable program.
    public init(maxNestingDepth: Int = 200) {
        self.maxNestingDepth = maxNestingDepth
    }
}
