/// NumPy broadcasting: aligning shapes from the right, an axis of extent 1 stretches to
/// match the other operand, and missing leading axes count as 1.
extension Tensor {
    /// The shape two operands broadcast to, or `nil` when they are incompatible.
    public static func broadcastShape(_ a: [Int], _ b: [Int]) -> [Int]? {
        let rank = Swift.max(a.count, b.count)
        var result = [Int](repeating: 1, count: rank)
        for axis in 0..<rank {
            let fromA = axis - (rank - a.count)
            let fromB = axis - (rank - b.count)
            let extentA = fromA >= 0 ? a[fromA] : 1
            let extentB = fromB >= 0 ? b[fromB] : 1
            if extentA == extentB || extentB == 1 {
                result[axis] = extentA
            } else if extentA == 1 {
                result[axis] = extentB
            } else {
                return nil
            }
        }
        return result
    }

    /// The shape several operands broadcast to together, or `nil` when they are incompatible.
    public static func broadcastShape(_ shapes: [[Int]]) -> [Int]? {
        var result: [Int] = []
        for shape in shapes {
            guard let combined = broadcastShape(result, shape) else { return nil }
            result = combined
        }
        return result
    }

    /// A copy stretched to `shape` by NumPy broadcasting.
    ///
    /// - Throws: `TensorError` when this tensor's shape cannot broadcast to `shape`, or
    ///   when `shape` holds more elements than an `Int` can count.
    public func broadcast(to shape: [Int]) throws -> Tensor {
        if shape == self.shape { return self }
        guard Tensor.broadcastShape(self.shape, shape) == shape else {
            throw TensorError("cannot broadcast shape \(describeShape(self.shape)) to \(describeShape(shape))")
        }
        let resultCount = try checkedElementCount(shape)
        if count == 1 { return Tensor(shape: shape, scalars: [Double](repeating: scalars[0], count: resultCount)) }
        let offsets = try BroadcastLayout(shape: shape).offsets(of: self.shape)
        return scalars.withUnsafeBufferPointer { source in
            Tensor(shape: shape, scalars: offsets.map { source[$0] })
        }
    }

    /// Sums a gradient of this (broadcast) shape back to `shape`, the shape of the operand
    /// that was broadcast: the reverse of `broadcast(to:)`.
    ///
    /// `shape` must broadcast to this tensor's shape; autodiff guarantees that because the
    /// operand broadcast to the output in the forward pass.
    public func summed(toShape shape: [Int]) -> Tensor {
        if shape == self.shape { return self }
        let count = shape.reduce(1, *)
        let result = scalars.withUnsafeBufferPointer { source in
            [Double](unsafeUninitializedCapacity: count) { target, initialized in
                target.initialize(repeating: 0)
                initialized = count
                guard let source = source.baseAddress, let target = target.baseAddress else { return }
                if let plan = BroadcastSumPlan(from: self.shape, to: shape) {
                    plan.run(source, into: target)
                } else {
                    sumUnevenRows(source, into: target, shape: shape)
                }
            }
        }
        return Tensor(shape: shape, scalars: result)
    }

    /// `summed(toShape:)` where the target rows are not evenly spaced: a multi-index
    /// carries between rows; each row adds as `BroadcastSumPlan`'s rows do.
    private func sumUnevenRows(_ source: UnsafePointer<Double>, into target: UnsafeMutablePointer<Double>, shape: [Int]) {
        guard let rowLength = self.shape.last, rowLength > 0 else { return }
        let strides = BroadcastLayout.strides(of: shape, alignedTo: self.shape)
        let step = strides[self.shape.count - 1]
        var position = BroadcastPosition(shape: self.shape, operandStrides: [strides])
        for row in 0..<(count / rowLength) {
            BroadcastSumPlan.addRow(source + row * rowLength, rowLength, into: target + position.offsets[0], step: step)
            position.advance(fromAxis: self.shape.count - 2)
        }
    }
}

/// The output shape of a broadcast and how each operand's elements map onto it.
struct BroadcastLayout {
    /// The output shape.
    let shape: [Int]

    /// The element offset of each output element within an operand of `operandShape`.
    func offsets(of operandShape: [Int]) throws -> [Int] {
        let count = try checkedElementCount(shape)
        var offsets = [Int](repeating: 0, count: count)
        guard count > 0 else { return offsets }
        guard let rowLength = shape.last, rowLength > 0 else { return offsets }
        let strides = BroadcastLayout.strides(of: operandShape, alignedTo: shape)
        let step = strides[shape.count - 1]
        var position = BroadcastPosition(shape: shape, operandStrides: [strides])
        var rowStart = 0
        while rowStart < count {
            let base = position.offsets[0]
            for column in 0..<rowLength { offsets[rowStart + column] = base + column * step }
            rowStart += rowLength
            position.advance(fromAxis: shape.count - 2)
        }
        return offsets
    }

    /// The distance between the operand offsets of consecutive rows (of `shape`'s last
    /// axis) for an operand with `strides` (`strides(of:alignedTo:)`), when it is the same
    /// between every two rows; `nil` when it is not.
    static func rowStride(_ strides: [Int], shape: [Int]) -> Int? {
        // Row r is the leading multi-index (i₀, …) with r = Σ iₐ·Pₐ, Pₐ the rows inside
        // axis a; its offset Σ iₐ·strideₐ is r times one stride when every axis with more
        // than one position has strideₐ = stride·Pₐ.
        var rowsInside = 1
        var rowStride: Int?
        for axis in stride(from: shape.count - 2, through: 0, by: -1) {
            defer { rowsInside *= shape[axis] }
            guard shape[axis] != 1 else { continue }
            if let rowStride {
                guard strides[axis] == rowStride * rowsInside else { return nil }
            } else {
                rowStride = strides[axis]
            }
        }
        return rowStride ?? 0
    }

    /// Row-major strides of `operandShape` laid against the trailing axes of `shape`, with
    /// stride 0 along broadcast axes (extent 1, or missing) so they repeat the same element.
    static func strides(of operandShape: [Int], alignedTo shape: [Int]) -> [Int] {
        var strides = [Int](repeating: 0, count: shape.count)
        var elementStride = 1
        for operandAxis in stride(from: operandShape.count - 1, through: 0, by: -1) {
            let axis = operandAxis + shape.count - operandShape.count
            if operandShape[operandAxis] != 1 { strides[axis] = elementStride }
            elementStride *= operandShape[operandAxis]
        }
        return strides
    }
}

/// A multi-index walking an output shape in row-major order while tracking the matching
/// element offset within each broadcast operand.
struct BroadcastPosition {
    /// The current element offset within each operand.
    private(set) var offsets: [Int]
    private var index: [Int]
    private let shape: [Int]
    private let operandStrides: [[Int]]

    init(shape: [Int], operandStrides: [[Int]]) {
        self.shape = shape
        self.operandStrides = operandStrides
        self.index = [Int](repeating: 0, count: shape.count)
        self.offsets = [Int](repeating: 0, count: operandStrides.count)
    }

    /// Moves to the next output element (a no-op after the last one wraps to the first).
    mutating func advance() {
        advance(fromAxis: shape.count - 1)
    }

    /// Moves to the next position along `axis`, carrying into the axes before it; used to
    /// step over whole rows when the caller walks the last axis itself.
    mutating func advance(fromAxis lastAxis: Int) {
        var axis = lastAxis
        while axis >= 0 {
            index[axis] += 1
            for operand in offsets.indices { offsets[operand] += operandStrides[operand][axis] }
            if index[axis] < shape[axis] { return }
            for operand in offsets.indices { offsets[operand] -= operandStrides[operand][axis] * shape[axis] }
            index[axis] = 0
            axis -= 1
        }
    }
}

/// The number of elements of a result of `shape`, checked before it is allocated: an
/// error when an extent is negative or the count exceeds `ElementLimit.maxElements`.
func checkedElementCount(_ shape: [Int]) throws -> Int {
    if shape.contains(where: { $0 < 0 }) { throw TensorError("shape \(describeShape(shape)) has a negative extent") }
    if shape.contains(0) { return 0 }
    guard let count = ShapeValidation.elementCount(of: shape) else {
        throw TensorError("shape \(describeShape(shape)) has too many elements")
    }
    try ShapeValidation.checkElementCount(of: shape, maxElements: ElementLimit.maxElements)
    return count
}
