import DescentTensor

extension Tape {
    /// A unary elementwise function; `sign`, `floor` and `logicalNot` give constants.
    public func unary(_ operation: UnaryOperation, _ a: Var) -> Var {
        let value = a.value.applying(operation)
        guard operation.isDifferentiable, isTraced(a) else { return Var(value) }
        let x = a.value
        return record(value, inputs: [a]) { g in
            // tanh and sigmoid, the layers of a network, have fused kernels with the same bits.
            switch operation {
            case .tanh: [Tensor.tanhGradient(g, output: value)]
            case .sigmoid: [Tensor.sigmoidGradient(g, output: value)]
            default: [zipGradient(g, x, value) { g, x, y in g * operation.derivative(x, y) }]
            }
        }
    }
}
