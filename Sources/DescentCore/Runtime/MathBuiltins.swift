import DescentTensor

/// Elementwise functions; each is differentiable unless its summary says otherwise.
enum MathBuiltins {
    /// The builtins that apply one `UnaryOperation`, by name.
    static let unaryOperations: [String: UnaryOperation] = Dictionary(
        uniqueKeysWithValues: unaryFunctions.map { ($0.name, $0.operation) })

    private static let unaryFunctions: [(name: String, operation: UnaryOperation, summary: String)] = [
        ("exp", .exp, "e to the power x, elementwise"),
        ("log", .log, "natural logarithm, elementwise (nan below 0, -inf at 0, as NumPy)"),
        ("sqrt", .sqrt, "square root, elementwise"),
        ("abs", .abs, "absolute value, elementwise (gradient 0 at 0)"),
        ("sign", .sign, "-1, 0 or 1, elementwise (no gradient)"),
        ("tanh", .tanh, "hyperbolic tangent, elementwise"),
        ("sigmoid", .sigmoid, "1 / (1 + exp(-x)), elementwise"),
        ("relu", .relu, "max(x, 0), elementwise (gradient 0 at 0)"),
        ("softplus", .softplus, "log(1 + exp(x)), elementwise, computed stably"),
        ("sin", .sin, "sine, elementwise"),
        ("cos", .cos, "cosine, elementwise"),
        ("floor", .floor, "largest whole number not above x, elementwise (no gradient)"),
    ]

    static let all: [Builtin] = unaryFunctions.map { unary($0.name, $0.operation, $0.summary) } + [
        Builtin("softmax", [.required("x"), .optional("axis", "-1")], "exp(x) normalised to sum to 1 along axis") { call in
            .tensor(try call.tape.softmax(try call.tensor("x"), axis: try call.axis() ?? -1))
        },
        Builtin("logsumexp", [.required("x"), .optional("axis", "none")], "log(sum(exp(x))) computed stably, over axis or all elements") { call in
            .tensor(try call.tape.logsumexp(try call.tensor("x"), axis: try call.axis()))
        },
        Builtin("clip", [.required("x"), .required("low"), .required("high")], "x limited to [low, high], elementwise") { call in
            .tensor(try call.tape.clip(try call.tensor("x"), min: try call.tensor("low"), max: try call.tensor("high")))
        },
        binary("maximum", .maximum, "the larger of a and b, elementwise (ties share the gradient)"),
        binary("minimum", .minimum, "the smaller of a and b, elementwise (ties share the gradient)"),
        Builtin("where", [.required("condition"), .required("a"), .required("b")], "a where condition is non-zero, else b, elementwise") { call in
            .tensor(try call.tape.select(try call.tensor("condition"), try call.tensor("a"), try call.tensor("b")))
        },
    ]

    private static func unary(_ name: String, _ operation: UnaryOperation, _ summary: String) -> Builtin {
        Builtin(name, [.required("x")], summary, tensorForm: { tape, x in tape.unary(operation, x) }) { call in
            .tensor(call.tape.unary(operation, try call.tensor("x")))
        }
    }

    private static func binary(_ name: String, _ operation: ElementwiseOperation, _ summary: String) -> Builtin {
        Builtin(name, [.required("a"), .required("b")], summary) { call in
            .tensor(try call.tape.binary(operation, try call.tensor("a"), try call.tensor("b")))
        }
    }
}
