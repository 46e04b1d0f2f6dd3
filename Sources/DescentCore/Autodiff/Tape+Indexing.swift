import DescentTensor

extension Tape {
    /// `a[indices]` with NumPy's indexing rules (`x[0]`, `x[1:5:2, :]`, `x[[0, 0, 2]]`).
    ///
    /// The gradient scatters back into zeros of `a`'s shape, adding where a position was
    /// selected more than once.
    /// - Throws: `TensorError` for out-of-bounds positions, too many indices, a zero step.
    public func subscripted(_ a: Var, _ indices: [TensorIndex]) throws -> Var {
        let selection = try TensorSelection(indices, in: a.value.shape)
        let value = a.value.gathering(selection)
        guard isTraced(a) else { return Var(value) }
        let shape = a.value.shape
        return record(value, inputs: [a]) { g in
            [Tensor(repeating: 0, shape: shape).scatteringAdd(g, at: selection)]
        }
    }
}
