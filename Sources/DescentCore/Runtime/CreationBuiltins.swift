import DescentTensor

/// Builtins that make tensors from sizes and ranges.
enum CreationBuiltins {
    static let all: [Builtin] = [
        Builtin("zeros", [.variadic("shape")], "a tensor of zeros: zeros(64, 3)") { call in
            .tensor(Var(Tensor(repeating: 0, shape: try call.shape())))
        },
        Builtin("ones", [.variadic("shape")], "a tensor of ones: ones(3)") { call in
            .tensor(Var(Tensor(repeating: 1, shape: try call.shape())))
        },
        Builtin("fill", [.required("value"), .variadic("shape")], "a tensor with every element value: fill(0.5, 2, 2)") { call in
            .tensor(Var(Tensor(repeating: try call.number("value"), shape: try call.shape())))
        },
        Builtin("zeros_like", [.required("x")], "zeros with the shape of x") { call in
            .tensor(Var(Tensor(repeating: 0, shape: try call.tensor("x").value.shape)))
        },
        Builtin("ones_like", [.required("x")], "ones with the shape of x") { call in
            .tensor(Var(Tensor(repeating: 1, shape: try call.tensor("x").value.shape)))
        },
        Builtin("eye", [.required("n")], "the n×n identity matrix") { call in
            let n = try call.optionalInteger("n") ?? 0
            _ = try ShapeValidation.shape(fromDimensions: [Double(n), Double(n)], maxElements: call.limits.maxElements)
            return .tensor(Var(Tensor.eye(n)))
        },
        Builtin(
            "arange", [.required("start"), .optional("stop", "none"), .optional("step", "1")],
            "evenly spaced values in [start, stop) as NumPy: arange(5), arange(0, 1, 0.25)"
        ) { call in
            var start = try call.number("start")
            var stop = try call.optionalNumber("stop")
            if stop == nil { (start, stop) = (0, start) }
            let tensor = try Tensor.arange(
                start: start, stop: stop ?? 0, step: try call.optionalNumber("step") ?? 1, maxElements: call.limits.maxElements)
            return .tensor(Var(tensor))
        },
        Builtin(
            "linspace", [.required("start"), .required("stop"), .optional("num", "50")],
            "num evenly spaced values from start to stop inclusive"
        ) { call in
            let count = try call.optionalInteger("num") ?? 50
            _ = try ShapeValidation.shape(fromDimensions: [Double(count)], maxElements: call.limits.maxElements)
            return .tensor(Var(Tensor.linspace(start: try call.number("start"), stop: try call.number("stop"), count: count)))
        },
    ]
}
