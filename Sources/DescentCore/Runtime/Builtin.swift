import DescentSyntax

/// A function provided by the interpreter, with the documentation that `:help`,
/// completion and the error messages read.
public struct Builtin: Sendable {
    /// The name it is called by.
    public let name: String
    /// The parameters, in positional order.
    public let parameters: [BuiltinParameter]
    /// A one-line description.
    public let summary: String
    let body: @Sendable (BuiltinCall) throws -> Value
    /// What `body` does when the call passes one tensor, `x`, and nothing else: compiled
    /// training steps call it directly and skip binding arguments by name.
    let tensorForm: (@Sendable (Tape, Var) throws -> Var)?

    init(
        _ name: String, _ parameters: [BuiltinParameter], _ summary: String,
        tensorForm: (@Sendable (Tape, Var) throws -> Var)? = nil,
        body: @escaping @Sendable (BuiltinCall) throws -> Value
    ) {
        self.name = name
        self.parameters = parameters
        self.summary = summary
        self.tensorForm = tensorForm
        self.body = body
    }

    /// The call as documented: `randn(*shape, seed=none)`.
    public var signature: String {
        "\(name)(" + parameters.map(\.description).joined(separator: ", ") + ")"
    }
}

/// One parameter of a builtin.
public struct BuiltinParameter: Sendable, CustomStringConvertible {
    public enum Kind: Sendable {
        case required
        /// May be left out; `defaultText` documents what that means.
        case optional(defaultText: String)
        /// Takes every remaining positional argument (`zeros(64, 3)`).
        case variadic
    }

    public let name: String
    public let kind: Kind

    static func required(_ name: String) -> BuiltinParameter { BuiltinParameter(name: name, kind: .required) }
    static func optional(_ name: String, _ defaultText: String) -> BuiltinParameter {
        BuiltinParameter(name: name, kind: .optional(defaultText: defaultText))
    }
    static func variadic(_ name: String) -> BuiltinParameter { BuiltinParameter(name: name, kind: .variadic) }

    public var description: String {
        switch kind {
        case .required: name
        case .optional(let defaultText): "\(name)=\(defaultText)"
        case .variadic: "*\(name)"
        }
    }
}
