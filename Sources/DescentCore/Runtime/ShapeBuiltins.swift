import DescentTensor

/// Builtins that rearrange elements without changing them.
enum ShapeBuiltins {
    static let all: [Builtin] = [
        Builtin("reshape", [.required("x"), .variadic("shape")], "x with a new shape of the same size; one size may be -1") { call in
            var dimensions: [Int] = []
            for argument in try call.restTensors() {
                for value in argument.value.scalars {
                    dimensions.append(try ShapeValidation.integer(value, what: "a size"))
                }
            }
            return .tensor(try call.tape.reshape(try call.tensor("x"), to: dimensions))
        },
        Builtin("concat", [.variadic("tensors"), .optional("axis", "0")], "tensors joined along an existing axis: concat(a, b, axis=0)") { call in
            .tensor(try call.tape.concat(try call.restTensors(), axis: try call.axis() ?? 0))
        },
        Builtin("stack", [.variadic("tensors"), .optional("axis", "0")], "equal-shaped tensors joined along a new axis") { call in
            .tensor(try call.tape.stack(try call.restTensors(), axis: try call.axis() ?? 0))
        },
        Builtin("len", [.required("x")], "the length of the first axis") { call in
            let shape = try call.tensor("x").value.shape
            guard let rows = shape.first else { throw TensorError("len() of a scalar") }
            return .number(Double(rows))
        },
    ]
}
