import DescentTensor

extension Tape {
    /// `a` with a new shape of the same size (one size may be `-1`); the gradient takes
    /// back `a`'s shape.
    ///
    /// - Throws: `TensorError` when the sizes differ or more than one is `-1`.
    public func reshape(_ a: Var, to shape: [Int]) throws -> Var {
        let value = try a.value.reshaped(to: shape)
        guard isTraced(a) else { return Var(value) }
        let originalShape = a.value.shape
        return record(value, inputs: [a]) { g in [g.reshaped(toKnownShape: originalShape)] }
    }
}
