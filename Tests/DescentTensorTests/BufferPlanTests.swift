@testable import DescentTensor
import Testing

/// The plans code with its own buffers runs (`BroadcastPlan`, `BroadcastSumPlan`,
/// `MatrixProductPlan`, `Lanes`) against the tensor operations they stand for, bit for
/// bit, and the sums against a plain loop over a multi-index.
@Suite struct BufferPlanTests {
    /// Pairs of shapes that broadcast, up to rank 3, some with uneven rows.
    static let shapePairs: [([Int], [Int])] = [
        ([3, 4], [3, 4]), ([3, 4], [4]), ([3, 4], [3, 1]), ([3, 4], []), ([1, 4], [3, 1]), ([2, 3, 4], [4]),
        ([2, 3, 4], [3, 4]), ([2, 3, 4], [2, 3, 1]), ([2, 3, 4], [2, 1, 4]), ([2, 1, 4], [1, 3, 1]), ([0, 3], [3]), ([5], [1]), ([37], [37]), ([37], []), ([9, 13], [13]),
    ]

    private func run(_ plan: BroadcastPlan, _ operation: ElementwiseOperation, _ left: Tensor, _ right: Tensor) -> [Double] {
        var output = [Double](repeating: 0, count: plan.count)
        left.scalars.withUnsafeBufferPointer { l in
            right.scalars.withUnsafeBufferPointer { r in
                output.withUnsafeMutableBufferPointer { o in
                    guard let lb = l.baseAddress, let rb = r.baseAddress, let ob = o.baseAddress else { return }
                    plan.apply(operation, lb, rb, into: ob)
                }
            }
        }
        return output
    }

    @Test func broadcastPlansGiveElementwiseBits() throws {
        var random = PointGenerator(seed: 11)
        for (leftShape, rightShape) in Self.shapePairs {
            for (a, b) in [(leftShape, rightShape), (rightShape, leftShape)] {
                let left = sampleTensor(a, &random)
                let right = sampleTensor(b, &random)
                for operation in ElementwiseOperation.allCases {
                    let expected = try left.elementwise(operation, right)
                    guard let plan = try? BroadcastPlan(operation, a, b) else {
                        // Only uneven rows are refused, and only from rank 3.
                        #expect(a.count == 3 || b.count == 3, "\(a) \(b)")
                        continue
                    }
                    #expect(plan.count == expected.count)
                    #expect(run(plan, operation, left, right).map(\.bitPattern) == expected.scalars.map(\.bitPattern), "\(operation) \(a) \(b)")
                }
            }
        }
    }

    @Test func squaringByAOneElementRightOperandMultiplies() throws {
        let left = Tensor(vector: [1.1, -3.7, 1e-200])
        let plan = try BroadcastPlan(.power, [3], [1])
        #expect(run(plan, .power, left, Tensor(vector: [2])) == left.scalars.map { $0 * $0 })
    }

    @Test func unevenRowsAreRefusedNotMisread() {
        // [2, 1, 4] against [2, 3, 4]: rows 0, 1, 2 read the same row, then the next one.
        #expect(throws: TensorError.self) { try BroadcastPlan(.add, [2, 1, 4], [2, 3, 4]) }
        #expect(BroadcastSumPlan(from: [2, 3, 4], to: [2, 1, 4]) == nil)
    }

    /// The sum over broadcast positions by a multi-index, element by element in row-major
    /// order: what `summed(toShape:)` must give, bits included.
    private func naiveSum(_ source: Tensor, to shape: [Int]) -> [Double] {
        var result = [Double](repeating: 0, count: shape.reduce(1, *))
        let rank = source.shape.count
        let aligned = [Int](repeating: 1, count: rank - shape.count) + shape
        var index = [Int](repeating: 0, count: rank)
        for value in source.scalars {
            var target = 0
            for axis in 0..<rank { target = target * aligned[axis] + (aligned[axis] == 1 ? 0 : index[axis]) }
            result[target] += value
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                if index[axis] < source.shape[axis] { break }
                index[axis] = 0
                axis -= 1
            }
        }
        return result
    }

    @Test func broadcastSumsAddInRowMajorOrder() {
        var random = PointGenerator(seed: 12)
        let cases: [([Int], [Int])] = [
            ([3, 4], [4]), ([3, 4], [3, 1]), ([3, 4], [1, 4]), ([3, 4], []), ([2, 3, 4], [4]), ([2, 3, 4], [3, 4]),
            ([2, 3, 4], [2, 1, 4]), ([2, 3, 4], [2, 3, 1]), ([2, 3, 4], [1, 3, 1]), ([2, 3, 4], [2, 1, 1]), ([0, 4], [4]),
        ]
        for (sourceShape, shape) in cases {
            let source = sampleTensor(sourceShape, &random, specials: false)
            let summed = source.summed(toShape: shape)
            #expect(summed.shape == shape)
            #expect(summed.scalars.map(\.bitPattern) == naiveSum(source, to: shape).map(\.bitPattern), "\(sourceShape) to \(shape)")
            guard let plan = BroadcastSumPlan(from: sourceShape, to: shape) else { continue }
            var output = [Double](repeating: .nan, count: plan.count)
            source.scalars.withUnsafeBufferPointer { s in
                output.withUnsafeMutableBufferPointer { o in
                    if let sb = s.baseAddress, let ob = o.baseAddress { plan.run(sb, into: ob) }
                }
            }
            #expect(output.map(\.bitPattern) == summed.scalars.map(\.bitPattern), "\(sourceShape) to \(shape)")
        }
    }

    @Test func productPlansAndLanesGiveTheTensorOperationsBits() throws {
        var random = PointGenerator(seed: 13)
        let pairs: [([Int], [Int], Bool, Bool)] = [
            ([4, 3], [3, 5], false, false), ([3, 4], [3, 5], true, false), ([4, 3], [5, 3], false, true), ([3], [3, 2], false, false),
            ([4, 3], [3], false, false), ([3], [3], false, false), ([1, 100], [1, 1], true, false), ([1, 1], [100, 1], false, true), ([40, 70], [70, 9], false, false),
        ]
        for (leftShape, rightShape, transposingLeft, transposingRight) in pairs {
            let left = sampleTensor(leftShape, &random, specials: false)
            let right = sampleTensor(rightShape, &random, specials: false)
            let expected = try left.matmul(right, transposingLeft: transposingLeft, transposingRight: transposingRight)
            let plan = try MatrixProductPlan(
                leftShape: leftShape, rightShape: rightShape, transposingLeft: transposingLeft, transposingRight: transposingRight)
            #expect(plan.resultShape == expected.shape)
            var output = [Double](repeating: .nan, count: plan.resultCount)
            try left.scalars.withUnsafeBufferPointer { l in
                try right.scalars.withUnsafeBufferPointer { r in
                    try output.withUnsafeMutableBufferPointer { o in
                        guard let lb = l.baseAddress, let rb = r.baseAddress, let ob = o.baseAddress else { return }
                        try plan.run(lb, rb, into: ob)
                    }
                }
            }
            #expect(output.map(\.bitPattern) == expected.scalars.map(\.bitPattern), "\(leftShape) @ \(rightShape)")
        }
        let tensor = sampleTensor([3, 5, 4], &random, specials: false)
        for axis in [nil, 0, 1, 2] {
            let split = try AxisSplit(shape: tensor.shape, axis: axis)
            for (reduction, mean) in [(Reduction.sum, false), (Reduction.mean, true)] {
                let expected = try tensor.reduced(reduction, axis: axis)
                var output = [Double](repeating: .nan, count: expected.count)
                tensor.scalars.withUnsafeBufferPointer { s in
                    output.withUnsafeMutableBufferPointer { o in
                        guard let sb = s.baseAddress, let ob = o.baseAddress else { return }
                        if mean { split.lanes.meanLanes(sb, into: ob) } else { split.lanes.sumLanes(sb, into: ob) }
                    }
                }
                #expect(output.map(\.bitPattern) == expected.scalars.map(\.bitPattern), "\(reduction) axis \(String(describing: axis))")
            }
        }
    }

    /// Random values; with `specials`, zeros, a negative zero, infinities and NaN too.
    private func sampleTensor(_ shape: [Int], _ random: inout PointGenerator, specials: Bool = true) -> Tensor {
        let values: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 2]
        let scalars = (0..<shape.reduce(1, *)).map { index in
            specials && index % 5 == 4 ? values[Int(random.next() % 6)] : random.uniform(in: -3...3)
        }
        return Tensor(shape: shape, scalars: scalars)
    }

    /// A product by the kernel `MatrixProduct.accumulate` chooses, from zero: what a plan's
    /// shortcuts must give.
    private func chosenKernelProduct(_ left: [Double], _ right: [Double], rows: Int, inner: Int, columns: Int, transposingLeft: Bool) -> [Double] {
        var output = [Double](repeating: 0, count: rows * columns)
        left.withUnsafeBufferPointer { l in
            right.withUnsafeBufferPointer { r in
                output.withUnsafeMutableBufferPointer { o in
                    guard let lb = l.baseAddress, let rb = r.baseAddress, let ob = o.baseAddress else { return }
                    let stored = StridedMatrix(base: lb, rowStride: transposingLeft ? rows : inner, columnStride: 1)
                    MatrixProduct.accumulate(
                        transposingLeft ? stored.transposed : stored, StridedMatrix(base: rb, rowStride: columns, columnStride: 1),
                        rows: rows, inner: inner, columns: columns, into: OutputMatrix(base: ob, rowStride: columns))
                }
            }
        }
        return output
    }

    @Test func shortcutProductsGiveTheChosenKernelsBits() throws {
        var random = PointGenerator(seed: 14)
        // Outer products (inner extent 1) with signed zeros, and one row times a vector.
        for (rows, inner, columns, transposingLeft) in [(100, 1, 1, true), (7, 1, 5, false), (1, 1, 1, false), (1, 100, 1, false), (1, 37, 1, false)] {
            var left = sampleTensor([rows * inner], &random).scalars
            var right = sampleTensor([inner * columns], &random).scalars
            left[0] = -0.0
            right[right.count - 1] = 0
            let plan = try MatrixProductPlan(
                leftShape: transposingLeft ? [inner, rows] : [rows, inner], rightShape: [inner, columns], transposingLeft: transposingLeft)
            var output = [Double](repeating: .nan, count: rows * columns)
            try left.withUnsafeBufferPointer { l in
                try right.withUnsafeBufferPointer { r in
                    try output.withUnsafeMutableBufferPointer { o in
                        guard let lb = l.baseAddress, let rb = r.baseAddress, let ob = o.baseAddress else { return }
                        try plan.run(lb, rb, into: ob)
                    }
                }
            }
            let expected = chosenKernelProduct(left, right, rows: rows, inner: inner, columns: columns, transposingLeft: transposingLeft)
            #expect(output.map(\.bitPattern) == expected.map(\.bitPattern), "\(rows)×\(inner)×\(columns)")
        }
    }
}
