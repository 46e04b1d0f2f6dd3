import DescentTensor

/// Reductions over all elements or along `axis=`.
enum ReductionBuiltins {
    static let all: [Builtin] = [
        reduction("sum", .sum, "sum of the elements, over axis or all"),
        reduction("mean", .mean, "mean of the elements, over axis or all"),
        reduction("max", .max, "largest element, over axis or all (ties share the gradient)"),
        reduction("min", .min, "smallest element, over axis or all (ties share the gradient)"),
        reduction("norm", .norm, "Euclidean (Frobenius) norm, over axis or all"),
        reduction("argmax", .argmax, "index of the largest element (first on ties; no gradient)"),
        reduction("argmin", .argmin, "index of the smallest element (first on ties; no gradient)"),
        Builtin("all", [.required("x")], "1 if every element is non-zero, else 0") { call in
            .number(try call.tensor("x").value.scalars.allSatisfy { $0 != 0 } ? 1 : 0)
        },
        Builtin("any", [.required("x")], "1 if some element is non-zero, else 0") { call in
            .number(try call.tensor("x").value.scalars.contains { $0 != 0 } ? 1 : 0)
        },
        Builtin(
            "quantile", [.required("x"), .required("q"), .optional("axis", "none")],
            "the q-quantile (0 ≤ q ≤ 1) with NumPy's linear interpolation"
        ) { call in
            .tensor(try call.tape.quantile(try call.tensor("x"), q: try call.number("q"), axis: try call.axis()))
        },
    ]

    private static func reduction(_ name: String, _ reduction: Reduction, _ summary: String) -> Builtin {
        Builtin(
            name, [.required("x"), .optional("axis", "none"), .optional("keepdims", "0")], summary,
            tensorForm: { tape, x in try tape.reduce(reduction, x, axis: nil, keepDims: false) }
        ) { call in
            .tensor(try call.tape.reduce(reduction, try call.tensor("x"), axis: try call.axis(), keepDims: try call.keepDims()))
        }
    }
}
