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
    private let shortcut: Shortcut

    /// The products whose kernel call is known once the shapes are: code that runs the
    /// same small product every step skips choosing it again.
    private enum Shortcut: Sendable, Equatable {
        case none
        /// One contiguous row times a contiguous vector: the dot-product kernel on one
        /// row, which is what choosing would call.
        case dot
        /// An inner extent of 1: each element is one product, added to the zero every
        /// kernel starts from (`+ 0` turns a product of -0 into +0, as that addition does).
        case outer
    }

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
        if inner == 1 && rows > 0 && columns > 0 {
            shortcut = .outer
        } else if rows == 1 && columns == 1 && inner > 0 && !readsLeftTransposed && !readsRightTransposed
            && MatrixProduct.usesFusedKernels
        {
            shortcut = .dot
        } else {
            shortcut = .none
        }
    }

    /// Writes the product of `left` and `right` (stored as the plan's shapes say) to
    /// `output`, which holds `resultCount` elements.
    ///
    /// - Throws: `TensorError` with the stop reason when a stop is asked for part-way
    ///   through a long product (`KernelInterruption`); `output` is then incomplete.
    public func run(_ left: UnsafePointer<Double>, _ right: UnsafePointer<Double>, into output: UnsafeMutablePointer<Double>) throws {
        let leftMatrix = StridedMatrix(base: left, rowStride: storedLeftColumns, columnStride: 1)
        let rightMatrix = StridedMatrix(base: right, rowStride: storedRightColumns, columnStride: 1)
        let (leftOperand, rightOperand) = (
            readsLeftTransposed ? leftMatrix.transposed : leftMatrix, readsRightTransposed ? rightMatrix.transposed : rightMatrix
        )
        switch shortcut {
        case .outer:
            Self.outerProduct(leftOperand, rightOperand, rows: rows, columns: columns, into: output)
        case .dot:
            output[0] = 0
            MatrixProduct.dotRow(left, right, inner: inner, into: output)
        case .none:
            output.update(repeating: 0, count: resultCount)
            try MatrixProduct.accumulateInPanels(
                leftOperand, rightOperand, rows: rows, inner: inner, columns: columns, into: OutputMatrix(base: output, rowStride: columns)
            )
        }
    }

    /// `output[i, j] = left(i, 0) · right(0, j) + 0`, a column and a row contiguous in their
    /// own strides; the loops use wrapping index arithmetic (the extents were checked when
    /// the plan was made) so they vectorise.
    private static func outerProduct(
        _ left: StridedMatrix, _ right: StridedMatrix, rows: Int, columns: Int, into output: UnsafeMutablePointer<Double>
    ) {
        let (leftStride, rightStride) = (left.rowStride, right.columnStride)
        if columns == 1 {
            let factor = right.base[0]
            for row in 0..<rows { output[row] = left.base[row &* leftStride] * factor + 0 }
            return
        }
        for row in 0..<rows {
            let factor = left.base[row &* leftStride]
            let target = output + row &* columns
            for column in 0..<columns { target[column] = factor * right.base[column &* rightStride] + 0 }
        }
    }
}
