import DescentTensor

extension Tape {
    /// The matrix product `a @ b` with NumPy's rules for 1-D and 2-D operands.
    ///
    /// Every case reduces to the 2-D rule `dA = G @ Bᵀ`, `dB = Aᵀ @ G` by viewing a 1-D
    /// left operand as a row `[1, k]`, a 1-D right operand as a column `[k, 1]`, and the
    /// output gradient with the matching shape.
    /// - Throws: `TensorError` for ranks other than 1 and 2 or mismatched inner extents.
    public func matmul(_ a: Var, _ b: Var) throws -> Var {
        let value = try a.value.matmul(b.value)
        guard isTraced(a, b) else { return Var(value) }
        let left = a.value.asMatrix(vectorIsRow: true)
        let right = b.value.asMatrix(vectorIsRow: false)
        let (leftShape, rightShape) = (a.value.shape, b.value.shape)
        let (needsLeft, needsRight) = (a.node != nil, b.node != nil)
        return record(value, inputs: [a, b]) { g in
            let gradient = g.reshaped(toKnownShape: [left.shape[0], right.shape[1]])
            return [
                needsLeft ? knownProduct(gradient, right, transposingRight: true).reshaped(toKnownShape: leftShape) : ignoredGradient,
                needsRight ? knownProduct(left, gradient, transposingLeft: true).reshaped(toKnownShape: rightShape) : ignoredGradient,
            ]
        }
    }

    /// The transpose `a.T` (axes reversed); its gradient is the output gradient transposed.
    public func transpose(_ a: Var) -> Var {
        let value = a.value.transposed
        guard isTraced(a) else { return Var(value) }
        return record(value, inputs: [a]) { g in [g.transposed] }
    }
}

extension Tensor {
    /// A 1-D tensor as a `[1, k]` row or `[k, 1]` column; a matrix unchanged.
    fileprivate func asMatrix(vectorIsRow: Bool) -> Tensor {
        guard rank == 1 else { return self }
        return reshaped(toKnownShape: vectorIsRow ? [1, count] : [count, 1])
    }
}

/// The product of two matrices whose inner extents are known to agree, reading either
/// one transposed in place (no copy of the transpose).
private func knownProduct(_ left: Tensor, _ right: Tensor, transposingLeft: Bool = false, transposingRight: Bool = false) -> Tensor {
    do {
        return try left.matmul(right, transposingLeft: transposingLeft, transposingRight: transposingRight)
    } catch {
        preconditionFailure("backward matmul of \(describeShape(left.shape)) and \(describeShape(right.shape)): \(error)")
    }
}
