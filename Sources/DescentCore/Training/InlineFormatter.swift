import DescentTensor

/// Values on one line, for explanations: `[-0.31, 0.12, 0.04]`, `[[1, 2], [3, 4]]`, long
/// axes elided with `…` as values print, numbers to six significant digits so a
/// substituted formula stays readable.
enum InlineFormatter {
    /// Axes longer than this show their first and last three elements.
    static let longAxis = 8

    static func format(_ tensor: Tensor) -> String {
        if tensor.rank == 0 { return number(tensor.scalars[0]) }
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
                    ? number(tensor.scalars[start]) : render(axis: axis + 1, offset: start)
            }
            return "[" + parts.joined(separator: ", ") + "]"
        }
        return render(axis: 0, offset: 0)
    }

    /// Whole numbers exactly, others to six significant digits: `3`, `0.0155`, `4.76082e-05`.
    static func number(_ value: Double) -> String {
        if value.isFinite, value == value.rounded(), abs(value) < 1e16 { return TensorFormatter().format(number: value) }
        return NumberText.short(value, digits: 6)
    }
}
