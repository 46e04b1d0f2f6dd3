import DescentTensor

/// Values on one line, for explanations: `[-0.31, 0.12, 0.04]`, `[[1, 2], [3, 4]]`, long
/// axes elided with `…` as values print.
enum InlineFormatter {
    /// Axes longer than this show their first and last three elements.
    static let longAxis = 8

    static func format(_ tensor: Tensor) -> String {
        let formatter = TensorFormatter()
        if tensor.rank == 0 { return formatter.format(number: tensor.scalars[0]) }
        var strides = [Int](repeating: 1, count: tensor.rank)
        for axis in stride(from: tensor.rank - 2, through: 0, by: -1) {
            strides[axis] = strides[axis + 1] * tensor.shape[axis + 1]
        }
        func render(axis: Int, offset: Int) -> String {
            let extent = tensor.shape[axis]
            let positions: [Int?] = extent > longAxis
                ? Array(0..<3) + [nil] + Array((extent - 3)..<extent) : Array(0..<extent)
            let parts = positions.map { position -> String in
                guard let position else { return "…" }
                let start = offset + position * strides[axis]
                return axis == tensor.rank - 1
                    ? formatter.format(number: tensor.scalars[start]) : render(axis: axis + 1, offset: start)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        }
        return render(axis: 0, offset: 0)
    }
}
