import DescentTensor

/// Builtins that turn values into text.
enum TextBuiltins {
    /// The most decimals `format` shows: enough to tell any two doubles apart.
    static let maxDecimals = 17

    static let all: [Builtin] = [
        Builtin(
            "format", [.required("x"), .optional("decimals", "6")],
            "x as text with up to `decimals` decimals (at most 17) and no elision, e.g. to compare with NumPy"
        ) { call in
            let decimals = try call.optionalInteger("decimals") ?? 6
            guard (0...maxDecimals).contains(decimals) else {
                throw TensorError("'decimals' must be between 0 and \(maxDecimals), got \(decimals)")
            }
            var formatter = TensorFormatter()
            formatter.maxDecimals = decimals
            formatter.threshold = Int.max
            return .string(formatter.format(try call.tensor("x").value))
        },
    ]
}
