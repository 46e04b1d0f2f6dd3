import DescentTensor

/// Builtins that draw from NumPy's legacy generator (`numpy.random.RandomState`).
enum RandomBuiltins {
    static let all: [Builtin] = [
        Builtin("randn", [.variadic("shape"), .optional("seed", "session")], "standard normal samples, as RandomState(seed).randn") { call in
            let shape = try call.shape()
            return .tensor(Var(try call.withRandom { $0.randn(shape: shape) }))
        },
        Builtin("rand", [.variadic("shape"), .optional("seed", "session")], "uniform samples in [0, 1), as RandomState(seed).rand") { call in
            let shape = try call.shape()
            return .tensor(Var(try call.withRandom { $0.rand(shape: shape) }))
        },
        Builtin(
            "randint", [.required("low"), .optional("high", "none"), .variadic("shape"), .optional("seed", "session")],
            "integers in [low, high) as RandomState(seed).randint; randint(n) draws from [0, n)"
        ) { call in
            var low = try call.number("low")
            var high = try call.optionalNumber("high")
            if high == nil { (low, high) = (0, low) }
            let lowInteger = try ShapeValidation.integer(low, what: "'low'")
            let highInteger = try ShapeValidation.integer(high ?? 0, what: "'high'")
            guard lowInteger < highInteger else {
                throw TensorError("randint needs low < high, got \(lowInteger) and \(highInteger)")
            }
            let shape = try call.shape()
            return .tensor(Var(try call.withRandom { $0.randint(low: lowInteger, high: highInteger, shape: shape) }))
        },
        Builtin("shuffle", [.required("x"), .optional("seed", "session")], "a copy of x with its rows in random order, as RandomState(seed).shuffle") { call in
            let tensor = try call.tensor("x").value
            return .tensor(Var(try call.withRandom { try $0.shuffledRows(tensor) }))
        },
        Builtin("permutation", [.required("n"), .optional("seed", "session")], "0, 1, …, n-1 in random order, as RandomState(seed).permutation") { call in
            let count = try call.optionalInteger("n") ?? 0
            _ = try ShapeValidation.shape(fromDimensions: [Double(count)], maxElements: call.limits.maxElements)
            return .tensor(Var(Tensor(vector: try call.withRandom { $0.permutation(count) }.map(Double.init))))
        },
        Builtin("seed", [.required("n")], "reseeds the session's generator (used when a call has no seed=)") { call in
            let value = try SeedValidation.seed(try call.number("n"))
            call.interpreter.random = RandomState(seed: value)
            return .none
        },
    ]
}
