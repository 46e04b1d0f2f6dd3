/// Renders tensors as values print: NumPy-like, but readable for a learner.
///
/// A scalar prints as its number; a vector as `[1, 2.5, 3]`; higher ranks nest like
/// NumPy, with every element right-aligned to the widest one, one row per line and a
/// blank line between blocks. A tensor of more than `threshold` elements shows only the
/// first and last `edgeItems` of each long axis, with `…` between, and (from rank 2)
/// its shape after the closing bracket.
public struct TensorFormatter: Sendable {
    /// The most digits after the decimal point (scientific notation: after the first digit).
    public var maxDecimals = 6
    /// Tensors with more elements than this are elided.
    public var threshold = 100
    /// How many elements an elided axis shows at each end.
    public var edgeItems = 3

    /// A formatter with the default settings.
    public init() {}

    /// The text of `t`, possibly several lines.
    public func format(_ t: Tensor) -> String {
        if t.rank == 0 { return format(number: t.scalars[0]) }
        let shapeSuffix = t.rank >= 2 ? "  shape \(describeShape(t.shape))" : ""
        if t.count == 0 { return "[]" + shapeSuffix }
        let isElided = t.count > threshold
        let layout = Layout(tensor: t, shownPositions: t.shape.map { shownPositions(extent: $0, isElided: isElided) })
        let texts = layout.shownOffsets().map { (offset: $0, text: format(number: t.scalars[$0])) }
        // Vectors print on one line, so only higher ranks need aligned columns.
        let width = t.rank >= 2 ? texts.map(\.text.count).max() ?? 0 : 0
        var textByOffset: [Int: String] = [:]
        for entry in texts { textByOffset[entry.offset] = entry.text }
        let body = layout.render(axis: 0, offset: 0) { offset in
            let text = textByOffset[offset] ?? ""
            return String(repeating: " ", count: max(0, width - text.count)) + text
        }
        return isElided ? body + shapeSuffix : body
    }

    /// The positions an axis shows; `nil` stands for the elided middle.
    private func shownPositions(extent: Int, isElided: Bool) -> [Int?] {
        let edge = max(1, edgeItems)
        guard isElided, extent > 2 * edge else { return Array(0..<extent) }
        return Array(0..<edge) + [nil] + Array((extent - edge)..<extent)
    }
}

/// Which elements of a tensor are shown, and how the nested brackets are laid out.
private struct Layout {
    let tensor: Tensor
    let shownPositions: [[Int?]]
    let strides: [Int]

    init(tensor: Tensor, shownPositions: [[Int?]]) {
        self.tensor = tensor
        self.shownPositions = shownPositions
        var strides = [Int](repeating: 1, count: tensor.rank)
        for axis in stride(from: tensor.rank - 2, through: 0, by: -1) {
            strides[axis] = strides[axis + 1] * tensor.shape[axis + 1]
        }
        self.strides = strides
    }

    /// The flat offsets of every shown element.
    func shownOffsets() -> [Int] {
        var offsets = [0]
        for axis in 0..<tensor.rank {
            let steps = shownPositions[axis].compactMap { $0 }.map { $0 * strides[axis] }
            offsets = offsets.flatMap { base in steps.map { base + $0 } }
        }
        return offsets
    }

    /// The bracketed text of the sub-tensor at `offset` spanning axes `axis...`.
    func render(axis: Int, offset: Int, element: (Int) -> String) -> String {
        let isLastAxis = axis == tensor.rank - 1
        let parts = shownPositions[axis].map { position -> String in
            guard let position else { return "…" }
            let start = offset + position * strides[axis]
            return isLastAxis ? element(start) : render(axis: axis + 1, offset: start, element: element)
        }
        // Sub-blocks of rank k are separated by k - 1 blank lines, as NumPy prints them.
        let separator = isLastAxis
            ? ", "
            : "," + String(repeating: "\n", count: tensor.rank - axis - 1) + String(repeating: " ", count: axis + 1)
        return "[" + parts.joined(separator: separator) + "]"
    }
}
