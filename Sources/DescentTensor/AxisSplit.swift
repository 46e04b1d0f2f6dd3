/// A tensor's shape seen around one axis as `outer × length × inner`: element
/// `(o, k, i)` sits at offset `(o * length + k) * inner + i`. Reductions, softmax and
/// their gradients walk the `length` elements of every `(o, i)` lane.
public struct AxisSplit: Sendable, Equatable {
    /// The product of the extents before the axis.
    public let outer: Int
    /// The extent of the axis.
    public let length: Int
    /// The product of the extents after the axis.
    public let inner: Int
    /// The resolved axis (non-negative), or `nil` when all elements form one lane.
    public let axis: Int?
    /// The shape of the tensor that was split.
    public let shape: [Int]

    /// Splits `shape` around `axis`; `nil` treats all elements as a single lane.
    ///
    /// - Throws: `TensorError` like `axis 2 is out of bounds for a tensor of rank 2`.
    public init(shape: [Int], axis: Int?) throws {
        self.shape = shape
        guard let axis else {
            self.axis = nil
            self.outer = 1
            self.length = shape.reduce(1, *)
            self.inner = 1
            return
        }
        let resolved = try Tensor.resolveAxis(axis, rank: shape.count)
        self.axis = resolved
        self.outer = shape[..<resolved].reduce(1, *)
        self.length = shape[resolved]
        self.inner = shape[(resolved + 1)...].reduce(1, *)
    }

    /// The shape left after reducing the axis: the axis removed, or kept with extent 1
    /// when `keepDims` (all axes, for a reduction over every element).
    public func reducedShape(keepDims: Bool) -> [Int] {
        guard let axis else { return keepDims ? [Int](repeating: 1, count: shape.count) : [] }
        var result = shape
        if keepDims { result[axis] = 1 } else { result.remove(at: axis) }
        return result
    }
}

extension Tensor {
    /// `axis` as a non-negative index; negative axes count from the end, as in NumPy.
    ///
    /// - Throws: `TensorError` like `axis 2 is out of bounds for a tensor of rank 2`.
    public static func resolveAxis(_ axis: Int, rank: Int) throws -> Int {
        guard axis >= -rank, axis < rank else {
            throw TensorError("axis \(axis) is out of bounds for a tensor of rank \(rank)")
        }
        return axis < 0 ? axis + rank : axis
    }

    /// Folds every lane of `split` with `Combine`, starting from `identity` or, when it is
    /// `nil`, from the lane's first element (the lane must then be non-empty).
    ///
    /// Lanes are walked `k` outermost within each outer block so the inner loop reads
    /// contiguous memory.
    func foldLanes<Combine: BinaryScalarFunction>(_ split: AxisSplit, identity: Double?, _: Combine.Type) -> [Double] {
        var result = [Double](repeating: identity ?? 0, count: split.outer * split.inner)
        result.withUnsafeMutableBufferPointer { output in
            scalars.withUnsafeBufferPointer { source in
                guard let source = source.baseAddress, let output = output.baseAddress else { return }
                split.lanes.foldLanes(source, identity: identity, Combine.self, into: output)
            }
        }
        return result
    }

    /// The position along the axis of the first element in each lane that no later element
    /// `beats`; NaN beats everything, so the first NaN wins, as in NumPy's argmax.
    func bestIndexInLanes(_ split: AxisSplit, beats: (Double, Double) -> Bool) -> [Double] {
        let (outer, length, inner) = (split.outer, split.length, split.inner)
        var bestIndex = [Double](repeating: 0, count: outer * inner)
        for block in 0..<outer {
            let base = block * length * inner
            for lane in 0..<inner {
                var value = scalars[base + lane]
                var index = 0
                for k in stride(from: 1, to: length, by: 1) {
                    let candidate = scalars[base + k * inner + lane]
                    if !value.isNaN && (candidate.isNaN || beats(candidate, value)) {
                        value = candidate
                        index = k
                    }
                }
                bestIndex[block * inner + lane] = Double(index)
            }
        }
        return bestIndex
    }
}

extension AxisSplit {
    /// The split's extents alone.
    public var lanes: Lanes { Lanes(outer: outer, length: length, inner: inner) }
}

/// The `outer × length × inner` extents of an `AxisSplit`, without its shape: the numbers
/// code that reduces its own buffers keeps, at no reference-counting cost.
public struct Lanes: Sendable, Equatable {
    public let outer: Int
    public let length: Int
    public let inner: Int
}

extension Lanes {
    /// Writes each lane's sum to `output` (`outer × inner` elements): the additions of
    /// `Tensor.reduced(.sum, …)` in its order, for code that keeps its own buffers.
    public func sumLanes(_ source: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>) {
        output.update(repeating: 0, count: outer * inner)
        foldLanes(source, identity: 0, AddFunction.self, into: output)
    }

    /// Writes each lane's mean to `output`, as `Tensor.reduced(.mean, …)` computes it.
    public func meanLanes(_ source: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>) {
        sumLanes(source, into: output)
        let divisor = Double(length)
        for index in 0..<(outer * inner) { output[index] = output[index] / divisor }
    }

    /// Folds every lane with `Combine` into `output`, which holds `identity` in every lane
    /// already (or anything, when `identity` is `nil` and each lane starts from its first
    /// element, the lane then being non-empty).
    ///
    /// Lanes are walked `k` outermost within each outer block so the inner loop reads
    /// contiguous memory.
    func foldLanes<Combine: BinaryScalarFunction>(
        _ source: UnsafePointer<Double>, identity: Double?, _: Combine.Type, into output: UnsafeMutablePointer<Double>
    ) {
        let start = identity == nil ? 1 : 0
        if inner == 1, length > 0 {
            // Contiguous lanes: one running total in a register instead of a one-element
            // row view per step; the same additions in the same order.
            for block in 0..<outer {
                let lane = source + block * length
                var total = identity ?? lane[0]
                for k in stride(from: start, to: length, by: 1) { total = Combine.apply(total, lane[k]) }
                output[block] = total
            }
            return
        }
        for block in 0..<outer {
            let base = source + block * length * inner
            let totals = output + block * inner
            if identity == nil {
                for lane in 0..<inner { totals[lane] = base[lane] }
            }
            for k in stride(from: start, to: length, by: 1) {
                let row = base + k * inner
                for lane in 0..<inner { totals[lane] = Combine.apply(totals[lane], row[lane]) }
            }
        }
    }
}
