import DescentKernels

/// How two operands of fixed shapes broadcast, worked out once, for code that runs the
/// same elementwise operation every step on its own buffers. A plan holds only numbers,
/// so keeping and reading one costs no reference counting.
///
/// The output is walked in rows of its last axis: row `r` reads the left operand from
/// `r * leftRowStride` in steps of `leftStep` (1 along the axis, 0 where it is broadcast)
/// and the right one likewise. Each element is the operation's function of its two
/// operands, as in `Tensor.elementwise`, so the bits are the same.
public struct BroadcastPlan: Sendable, Equatable {
    /// The number of elements of the result.
    public let count: Int
    /// The extent of the result's last axis (1 for a scalar); 0 when the result is empty.
    public let rowLength: Int
    public let rowCount: Int
    public let leftStep: Int
    public let rightStep: Int
    public let leftRowStride: Int
    public let rightRowStride: Int
    /// Whether the right operand is one element, so `x ^ 2` squares (as `elementwise` does).
    private let rightIsSingle: Bool

    /// The plan for `left <operation> right`, whose shape is `Tensor.broadcastShape`'s.
    ///
    /// - Throws: `TensorError` such as `cannot add shapes [64] and [3]` when the shapes do
    ///   not broadcast, or the result has too many elements; also when an operand's rows
    ///   are not evenly spaced (an operand of rank 3 or more broadcast along a leading axis
    ///   but not all of them), which a plan does not express.
    public init(_ operation: ElementwiseOperation, _ left: [Int], _ right: [Int]) throws {
        guard let shape = Tensor.broadcastShape(left, right) else {
            throw TensorError("cannot \(operation.verb) shapes \(describeShape(left)) and \(describeShape(right))")
        }
        count = try checkedElementCount(shape)
        rowLength = count == 0 ? 0 : (shape.last ?? 1)
        rowCount = rowLength == 0 ? 0 : count / rowLength
        rightIsSingle = right.reduce(1, *) == 1
        let leftStrides = BroadcastLayout.strides(of: left, alignedTo: shape)
        let rightStrides = BroadcastLayout.strides(of: right, alignedTo: shape)
        leftStep = leftStrides.last ?? 0
        rightStep = rightStrides.last ?? 0
        guard let leftRowStride = BroadcastLayout.rowStride(leftStrides, shape: shape),
            let rightRowStride = BroadcastLayout.rowStride(rightStrides, shape: shape)
        else { throw TensorError("the rows of shapes \(describeShape(left)) and \(describeShape(right)) are not evenly spaced") }
        self.leftRowStride = leftRowStride
        self.rightRowStride = rightRowStride
    }

    /// Writes `left <operation> right` to `output` (`count` elements).
    public func apply(
        _ operation: ElementwiseOperation, _ left: UnsafePointer<Double>, _ right: UnsafePointer<Double>,
        into output: UnsafeMutablePointer<Double>
    ) {
        #if arch(x86_64)
        if VectorMath.isAvailable, let code = operation.arithmeticCode, leftStep <= 1, rightStep <= 1 {
            for row in 0..<rowCount {
                descent_arithmetic_avx2(
                    code, left + row * leftRowStride, leftStep, right + row * rightRowStride, rightStep, output + row * rowLength,
                    rowLength)
            }
            return
        }
        #endif
        // The switch runs once; each case runs a loop specialised for its function.
        switch operation {
        case .add: run(left, right, output, AddFunction.self)
        case .subtract: run(left, right, output, SubtractFunction.self)
        case .multiply: run(left, right, output, MultiplyFunction.self)
        case .divide: run(left, right, output, DivideFunction.self)
        case .modulo: run(left, right, output, ModuloFunction.self)
        case .power where rightIsSingle && right[0] == 2: run(left, right, output, SquareLeftFunction.self)
        case .power: run(left, right, output, PowerFunction.self)
        case .less: run(left, right, output, LessFunction.self)
        case .lessEqual: run(left, right, output, LessEqualFunction.self)
        case .greater: run(left, right, output, GreaterFunction.self)
        case .greaterEqual: run(left, right, output, GreaterEqualFunction.self)
        case .equal: run(left, right, output, EqualFunction.self)
        case .notEqual: run(left, right, output, NotEqualFunction.self)
        case .and: run(left, right, output, AndFunction.self)
        case .or: run(left, right, output, OrFunction.self)
        case .maximum: run(left, right, output, MaximumFunction.self)
        case .minimum: run(left, right, output, MinimumFunction.self)
        }
    }

    private func run<Function: BinaryScalarFunction>(
        _ left: UnsafePointer<Double>, _ right: UnsafePointer<Double>, _ output: UnsafeMutablePointer<Double>, _: Function.Type
    ) {
        for row in 0..<rowCount {
            let target = output + row * rowLength
            let leftRow = left + row * leftRowStride
            let rightRow = right + row * rightRowStride
            // Unit and zero steps get their own loops, which vectorise.
            switch (leftStep, rightStep) {
            case (1, 1):
                for column in 0..<rowLength { target[column] = Function.apply(leftRow[column], rightRow[column]) }
            case (1, 0):
                let value = rightRow[0]
                for column in 0..<rowLength { target[column] = Function.apply(leftRow[column], value) }
            case (0, 1):
                let value = leftRow[0]
                for column in 0..<rowLength { target[column] = Function.apply(value, rightRow[column]) }
            default:
                for column in 0..<rowLength {
                    target[column] = Function.apply(leftRow[column * leftStep], rightRow[column * rightStep])
                }
            }
        }
    }
}

/// How a gradient of a broadcast result sums back to the shape of an operand that was
/// broadcast (the reverse of broadcasting), worked out once and holding only numbers.
/// `Tensor.summed(toShape:)` runs one where its rows are evenly spaced, so code that keeps
/// its own buffers gets the same additions in the same order.
public struct BroadcastSumPlan: Sendable, Equatable {
    /// The number of elements summed to.
    public let count: Int
    private let sourceCount: Int
    private let rowLength: Int
    private let rowCount: Int
    /// The target offset of source row `r` is `r * targetRowStride`; along a row the
    /// target moves by `step` (0: the row's elements all add into one target element).
    private let targetRowStride: Int
    private let step: Int

    /// Sums from `sourceShape` to `shape`, which must broadcast to `sourceShape` (autodiff
    /// guarantees it: the operand broadcast to the output in the forward pass); `nil` when
    /// the target rows are not evenly spaced (rank 3 or more, broadcast along some leading
    /// axes but not all).
    public init?(from sourceShape: [Int], to shape: [Int]) {
        precondition(
            Tensor.broadcastShape(shape, sourceShape) == sourceShape,
            "summed(toShape:) needs a shape that broadcasts to \(describeShape(sourceShape))"
        )
        count = shape.reduce(1, *)
        sourceCount = sourceShape.reduce(1, *)
        rowLength = sourceShape.last ?? 1
        rowCount = rowLength == 0 ? 0 : sourceCount / rowLength
        let strides = BroadcastLayout.strides(of: shape, alignedTo: sourceShape)
        step = strides.last ?? 0
        guard let rowStride = BroadcastLayout.rowStride(strides, shape: sourceShape) else { return nil }
        targetRowStride = rowStride
    }

    /// Writes the sums of `source` (of the source shape) to `target` (`count` elements).
    public func run(_ source: UnsafePointer<Double>, into target: UnsafeMutablePointer<Double>) {
        if count == 1 {
            var total = 0.0
            for index in 0..<sourceCount { total += source[index] }
            target[0] = total
            return
        }
        target.update(repeating: 0, count: count)
        for row in 0..<rowCount {
            BroadcastSumPlan.addRow(source + row * rowLength, rowLength, into: target + row * targetRowStride, step: step)
        }
    }

    /// Adds a row of `length` source elements into `target`: element by element when
    /// `step` is 1, all into `target[0]` in order when it is 0 (a broadcast last axis).
    /// Each target element adds its source elements in row-major order, as one element at
    /// a time would.
    @inline(__always)
    static func addRow(_ row: UnsafePointer<Double>, _ length: Int, into target: UnsafeMutablePointer<Double>, step: Int) {
        if step == 0 {
            var total = target[0]
            for column in 0..<length { total += row[column] }
            target[0] = total
        } else {
            for column in 0..<length { target[column] += row[column] }
        }
    }
}

extension ElementwiseOperation {
    /// The operation's number in `descent_arithmetic_avx2`, for the four it runs.
    var arithmeticCode: descent_arithmetic_operation? {
        switch self {
        case .add: 0
        case .subtract: 1
        case .multiply: 2
        case .divide: 3
        default: nil
        }
    }
}
