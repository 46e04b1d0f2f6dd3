import DescentTensor

extension Tape {
    /// `parts` joined along the existing `axis`; the gradient is split back into pieces.
    ///
    /// - Throws: `TensorError` when the list is empty or the other extents differ.
    public func concat(_ parts: [Var], axis: Int) throws -> Var {
        let value = try Tensor.concatenated(parts.map(\.value), axis: axis)
        guard isTracedAny(parts), let first = parts.first else { return Var(value) }
        let resolvedAxis = try Tensor.resolveAxis(axis, rank: first.value.rank)
        let extents = parts.map { $0.value.shape[resolvedAxis] }
        let needed = parts.map { $0.node != nil }
        return record(value, inputs: parts) { g in
            zip(g.split(alongAxis: resolvedAxis, extents: extents), needed).map { piece, isNeeded in
                isNeeded ? piece : ignoredGradient
            }
        }
    }

    /// Equal-shaped `parts` joined along a new axis at `axis`; each gets its slice of the gradient.
    ///
    /// - Throws: `TensorError` when the list is empty or the shapes differ.
    public func stack(_ parts: [Var], axis: Int) throws -> Var {
        let value = try Tensor.stacked(parts.map(\.value), axis: axis)
        guard isTracedAny(parts), let first = parts.first else { return Var(value) }
        let resolvedAxis = try Tensor.resolveAxis(axis, rank: first.value.rank + 1)
        let partShape = first.value.shape
        let needed = parts.map { $0.node != nil }
        return record(value, inputs: parts) { g in
            let pieces = g.split(alongAxis: resolvedAxis, extents: [Int](repeating: 1, count: needed.count))
            return zip(pieces, needed).map { piece, isNeeded in
                isNeeded ? piece.reshaped(toKnownShape: partShape) : ignoredGradient
            }
        }
    }

    /// Whether some of `inputs` depends on a leaf while the tape records.
    private func isTracedAny(_ inputs: [Var]) -> Bool {
        isRecording && inputs.contains { $0.node != nil }
    }
}
