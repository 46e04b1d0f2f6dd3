/// An expression with the source range it was parsed from.
public struct Expr: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public indirect enum Kind: Sendable {
        /// `1`, `1.5`, `.5`, `1e-3`.
        case number(Double)
        /// `"text"`, escapes already decoded.
        case string(String)
        /// A name: a variable, param, loss, function or optimizer.
        case identifier(String)
        /// `[a, b, c]`; nested lists make higher ranks.
        case list([Expr])
        /// `-x`, `+x`, `not x`.
        case unary(UnaryOperator, Expr)
        /// `a + b`; `operatorRange` is where the caret goes for a shape error.
        case binary(BinaryOperator, Expr, Expr, operatorRange: SourceRange)
        /// `f(a, name=b)`; the callee is usually an identifier.
        case call(Expr, [Argument])
        /// `x[i, a:b, ::2]`.
        case index(Expr, [Subscript])
        /// `x.T`, `x.shape`.
        case attribute(Expr, name: String, nameRange: SourceRange)
    }
}

/// One argument of a call: positional (`label == nil`) or `name=value`.
public struct Argument: Sendable {
    public var label: String?
    public var labelRange: SourceRange?
    public var value: Expr

    public init(label: String? = nil, labelRange: SourceRange? = nil, value: Expr) {
        self.label = label
        self.labelRange = labelRange
        self.value = value
    }
}

/// One position inside `[...]` after an expression.
public struct Subscript: Sendable {
    public var kind: Kind
    public var range: SourceRange

    public init(_ kind: Kind, range: SourceRange) {
        self.kind = kind
        self.range = range
    }

    public enum Kind: Sendable {
        /// `x[i]`: a single position (or, for a 1-D integer tensor, several).
        case index(Expr)
        /// `x[a:b:c]`, any part omitted.
        case slice(start: Expr?, stop: Expr?, step: Expr?)
    }
}

/// Prefix operators.
public enum UnaryOperator: String, Sendable {
    case negate = "-"
    case plus = "+"
    case not = "not"
}

/// Infix operators; `rawValue` is the spelling.
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+"
    case subtract = "-"
    case multiply = "*"
    case divide = "/"
    case modulo = "%"
    case power = "^"
    case matmul = "@"
    case less = "<"
    case lessEqual = "<="
    case greater = ">"
    case greaterEqual = ">="
    case equal = "=="
    case notEqual = "!="
    case and = "and"
    case or = "or"
}
