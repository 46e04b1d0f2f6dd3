/// A matrix product's shapes and operand layouts, worked out once: `Tensor.matmul` makes
/// one per call, and code that runs the same product every step keeps one and runs it
/// on its own buffers, getting the same kernel calls and so the same bits. A plan holds
/// only numbers, so keeping and reading one costs no reference counting.
public struct MatrixProductPlan: Sendable, Equatable {
    /// The number of elements of the product.
    public let resultCount: Int
    private let rows: Int
    private let inner: Int
    private let columns: Int
    /// Row-major storage of each operand as stored: its row stride, and whether it is read
    /// transposed (a rank-2 operand only: transposing a vector changes nothing).
    private let storedLeftColumns: Int
    private let storedRightColumns: Int
    private let readsLeftTransposed: Bool
    private let readsRightTransposed: Bool
    /// Whether each operand (as multiplied) is a matrix, whose axis the product keeps.
    private let leftIsMatrix: Bool
    private let rightIsMatrix: Bool

    /// The shape of the product (NumPy's rules: a 1-D operand's axis is dropped).
    public var resultShape: [Int] {
        (leftIsMatrix ? [rows] : []) + (rightIsMatrix ? [columns] : [])
    }

    /// The product of operands of `leftShape` and `rightShape`, either read transposed.
    ///
    /// - Throws: `TensorError` when an operand is not 1-D or 2-D, the inner extents differ
    ///   (`cannot matmul shapes [2, 3] and [4]`), or the product has too many elements.
    public init(leftShape storedLeft: [Int], rightShape storedRight: [Int], transposingLeft: Bool = false, transposingRight: Bool = false) throws {
        let leftShape = transposingLeft ? Array(storedLeft.reversed()) : storedLeft
        let rightShape = transposingRight ? Array(storedRight.reversed()) : storedRight
        guard (1...2).contains(leftShape.count), (1...2).contains(rightShape.count) else {
            throw TensorError(
                "matmul needs 1-D or 2-D operands, got shapes \(describeShape(leftShape)) and \(describeShape(rightShape))"
            )
        }
        rows = leftShape.count == 2 ? leftShape[0] : 1
        inner = leftShape[leftShape.count - 1]
        columns = rightShape.count == 2 ? rightShape[1] : 1
        guard rightShape[0] == inner else {
            throw TensorError("cannot matmul shapes \(describeShape(leftShape)) and \(describeShape(rightShape))")
        }
        leftIsMatrix = leftShape.count == 2
        rightIsMatrix = rightShape.count == 2
        resultCount = try checkedElementCount([rows, columns])
        storedLeftColumns = storedLeft.count == 2 ? storedLeft[1] : inner
        storedRightColumns = storedRight.count == 2 ? storedRight[1] : 1
        readsLeftTransposed = transposingLeft && storedLeft.count == 2
        readsRightTransposed = transposingRight && storedRight.count == 2
    }

    /// Writes the product of `left` and `right` (stored as the plan's shapes say) to
    /// `output`, which holds `resultCount` elements.
    ///
    /// - Throws: `TensorError` with the stop reason when a stop is asked for part-way
    ///   through a long product (`KernelInterruption`); `output` is then incomplete.
    public func run(_ left: UnsafePointer<Double>, _ right: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>) throws {
        output.update(repeating: 0, count: resultCount)
        let leftMatrix = StridedMatrix(base: left, rowStride: storedLeftColumns, columnStride: 1)
        let rightMatrix = StridedMatrix(base: right, rowStride: storedRightColumns, columnStride: 1)
        try MatrixProduct.accumulateInPanels(
            readsLeftTransposed ? leftMatrix.transposed : leftMatrix,
            readsRightTransposed ? rightMatrix.transposed : rightMatrix,
            rows: rows, inner: inner, columns: columns,
            into: OutputMatrix(base: output, rowStride: columns)
        )
    }
}
