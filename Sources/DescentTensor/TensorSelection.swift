/// The elements an index list selects from a tensor of some shape, resolved once.
///
/// Follows NumPy: missing trailing indices are whole axes, slices clamp like Python's,
/// a position drops its axis. Integer arrays are advanced indices: all of them (and any
/// positions among them) are broadcast together into one axis, which stays where they
/// were if they are adjacent and moves to the front otherwise.
public struct TensorSelection: Sendable, Equatable {
    /// The shape of the selected sub-tensor.
    public let shape: [Int]
    /// For each selected element, in row-major order of `shape`, its flat offset in the source.
    public let offsets: [Int]

    /// Resolves `indices` against a tensor of `sourceShape`; a selection of more than
    /// `maxElements` elements is an error.
    public init(_ indices: [TensorIndex], in sourceShape: [Int], maxElements: Int = ElementLimit.maxElements) throws {
        if sourceShape.isEmpty, !indices.isEmpty { throw TensorError("cannot index a scalar") }
        guard indices.count <= sourceShape.count else {
            throw TensorError("too many indices for a tensor of rank \(sourceShape.count): \(indices.count) were given")
        }
        let plan = try SelectionPlan(indices, in: sourceShape)
        let shape = plan.components.map(\.length)
        try ShapeValidation.checkElementCount(of: shape, maxElements: maxElements)
        self.shape = shape
        self.offsets = plan.offsets()
    }
}

/// One axis of the selection: a slice of one source axis, or the broadcast advanced indices.
private struct SelectionComponent {
    /// The source strides this component moves along.
    let strides: [Int]
    /// For each source axis in `strides`, its positions (one entry when broadcast).
    let positions: [[Int]]
    let length: Int

    func offset(at step: Int) -> Int {
        var total = 0
        for (stride, axisPositions) in zip(strides, positions) {
            total += stride * axisPositions[axisPositions.count == 1 ? 0 : step]
        }
        return total
    }
}

/// The components of a selection and the offset contributed by dropped axes.
private struct SelectionPlan {
    var components: [SelectionComponent] = []
    var baseOffset = 0

    init(_ indices: [TensorIndex], in shape: [Int]) throws {
        var strides = [Int](repeating: 1, count: shape.count)
        for axis in stride(from: shape.count - 2, through: 0, by: -1) {
            strides[axis] = strides[axis + 1] * shape[axis + 1]
        }
        let hasArray = indices.contains { if case .positions = $0 { true } else { false } }
        var advancedAxes: [(axis: Int, positions: [Int])] = []
        var groupSlot: Int?
        for axis in shape.indices {
            let index = axis < indices.count ? indices[axis] : .all
            switch index {
            case .position(let position):
                let resolved = try Self.resolve(position, axis: axis, extent: shape[axis])
                if hasArray {
                    advancedAxes.append((axis, [resolved]))
                } else {
                    baseOffset += resolved * strides[axis]
                }
            case .positions(let positions):
                advancedAxes.append((axis, try positions.map { try Self.resolve($0, axis: axis, extent: shape[axis]) }))
            case .range(let start, let stop, let step):
                let positions = try Self.slicePositions(start: start, stop: stop, step: step, extent: shape[axis])
                components.append(SelectionComponent(strides: [strides[axis]], positions: [positions], length: positions.count))
                continue
            }
            if hasArray, groupSlot == nil { groupSlot = components.count }
        }
        guard let slot = groupSlot else { return }
        let axes = advancedAxes.map(\.axis)
        let isAdjacent = axes.last.map { $0 - axes[0] + 1 == axes.count } ?? true
        let group = SelectionComponent(
            strides: axes.map { strides[$0] }, positions: advancedAxes.map(\.positions),
            length: try Self.broadcastLength(advancedAxes.map(\.positions.count)))
        components.insert(group, at: isAdjacent ? slot : 0)
    }

    /// The flat source offset of every selected element, in row-major order.
    func offsets() -> [Int] {
        var offsets = [baseOffset]
        for component in components {
            var next: [Int] = []
            next.reserveCapacity(offsets.count * component.length)
            let steps = (0..<component.length).map(component.offset(at:))
            for base in offsets {
                for step in steps { next.append(base + step) }
            }
            offsets = next
        }
        return offsets
    }

    private static func resolve(_ position: Int, axis: Int, extent: Int) throws -> Int {
        guard position >= -extent, position < extent else {
            throw TensorError("index \(position) is out of bounds for axis \(axis) with size \(extent)")
        }
        return position < 0 ? position + extent : position
    }

    private static func broadcastLength(_ lengths: [Int]) throws -> Int {
        let length = lengths.first { $0 != 1 } ?? 1
        guard lengths.allSatisfy({ $0 == 1 || $0 == length }) else {
            let shapes = lengths.map { "[\($0)]" }.joined(separator: " ")
            throw TensorError("shape mismatch: index arrays of shapes \(shapes) cannot be broadcast together")
        }
        return length
    }

    /// The positions of `start:stop:step` on an axis of `extent`, clamped as Python does.
    static func slicePositions(start: Int?, stop: Int?, step: Int?, extent: Int) throws -> [Int] {
        let step = step ?? 1
        guard step != 0 else { throw TensorError("slice step cannot be zero") }
        let isBackward = step < 0
        func clamp(_ bound: Int?, default defaultValue: Int) -> Int {
            guard let bound else { return defaultValue }
            if bound < 0 {
                let shifted = bound + extent
                return shifted < 0 ? (isBackward ? -1 : 0) : shifted
            }
            return bound >= extent ? (isBackward ? extent - 1 : extent) : bound
        }
        let first = clamp(start, default: isBackward ? extent - 1 : 0)
        let end = clamp(stop, default: isBackward ? -1 : extent)
        let span = isBackward ? first - end : end - first
        guard span > 0 else { return [] }
        // `step.magnitude` avoids negating Int.min.
        let count = Int((UInt(span) - 1) / step.magnitude) + 1
        return (0..<count).map { first + $0 * step }
    }
}
