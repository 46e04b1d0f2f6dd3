import DescentTensor

/// Builtins that turn values into text.
enum TextBuiltins {
    /// The most decimals `format` shows: enough to tell any two doubles apart.
    static let maxDecimals = 17
    /// The most elements `format` writes out.
    static let maxFormattedElements = 1_000_000

    static let all: [Builtin] = [
        Builtin(
            "format", [.required("x"), .optional("decimals", "6")],
            "x as text with up to `decimals` decimals (at most 17) and no elision, e.g. to compare with NumPy"
        ) { call in
            let decimals = try call.optionalInteger("decimals") ?? 6
            guard (0...maxDecimals).contains(decimals) else {
                throw TensorError("'decimals' must be between 0 and \(maxDecimals), got \(decimals)")
            }
            let value = try call.tensor("x").value
            // Without elision the text grows with the tensor: a hundred million numbers at
            // 17 decimals would be gigabytes, built in one go that Ctrl-C cannot stop.
            guard value.count <= maxFormattedElements else {
                throw TensorError(
                    "format() writes out at most \(maxFormattedElements) elements, got \(value.count); format a slice, or print it")
            }
            var formatter = TensorFormatter()
            formatter.maxDecimals = decimals
            formatter.threshold = Int.max
            return .string(formatter.format(value))
        },
    ]
}
