/// An error found in a user's program: what went wrong and where.
///
/// Phases *find* diagnostics and throw or collect them; `DiagnosticRenderer` *prints*
/// them. A diagnostic never prints itself.
public struct Diagnostic: Error, Sendable, Equatable {
    /// Lowercase, no trailing period: `cannot add shapes [64] and [3]`.
    public var message: String
    /// The offending token or expression; the caret goes under its start.
    public var range: SourceRange
    /// Extra lines printed after the source excerpt (`hint: try a smaller lr`).
    public var notes: [String]

    public init(_ message: String, at range: SourceRange, notes: [String] = []) {
        self.message = message
        self.range = range
        self.notes = notes
    }
}

/// Several diagnostics from one phase, e.g. every syntax error in a file.
public struct DiagnosticList: Error, Sendable {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }
}
