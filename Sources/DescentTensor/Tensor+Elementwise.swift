import Foundation

/// A binary elementwise operation; operands broadcast as in NumPy.
public enum ElementwiseOperation: Sendable, CaseIterable {
    case add, subtract, multiply, divide
    /// NumPy's `%`: the remainder of floor division, with the sign of the divisor.
    case modulo
    /// `a ^ b`, elementwise `pow`.
    case power
    /// Comparisons give 1 where they hold and 0 elsewhere.
    case less, lessEqual, greater, greaterEqual, equal, notEqual
    /// Logical operations treat non-zero (NaN included) as true and give 0 or 1.
    case and, or
    /// The larger or smaller operand; NaN wins, as in NumPy.
    case maximum, minimum

    /// The verb of the shape-mismatch message `cannot <verb> shapes [2] and [3]`.
    public var verb: String {
        switch self {
        case .add: "add"
        case .subtract: "subtract"
        case .multiply: "multiply"
        case .divide: "divide"
        case .modulo: "take the modulo of"
        case .power: "raise"
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual: "compare"
        case .and, .or: "combine"
        case .maximum: "take the maximum of"
        case .minimum: "take the minimum of"
        }
    }

    /// Whether gradients flow through the operation; comparisons and logic give constants.
    public var isDifferentiable: Bool {
        switch self {
        case .add, .subtract, .multiply, .divide, .modulo, .power, .maximum, .minimum: true
        case .less, .lessEqual, .greater, .greaterEqual, .equal, .notEqual, .and, .or: false
        }
    }
}

extension Tensor {
    /// Applies `operation` elementwise to this tensor and `other`, broadcasting them.
    ///
    /// - Throws: `TensorError` such as `cannot add shapes [64] and [3]` when the shapes do
    ///   not broadcast.
    public func elementwise(_ operation: ElementwiseOperation, _ other: Tensor) throws -> Tensor {
        // The switch runs once; each case runs a loop specialised for its function.
        switch operation {
        case .add: try combined(with: other, operation, AddFunction.self)
        case .subtract: try combined(with: other, operation, SubtractFunction.self)
        case .multiply: try combined(with: other, operation, MultiplyFunction.self)
        case .divide: try combined(with: other, operation, DivideFunction.self)
        case .modulo: try combined(with: other, operation, ModuloFunction.self)
        case .power where other.scalarValue == 2:
            // x * x is what pow(x, 2) rounds to, several times faster (NumPy does the same).
            try combined(with: other, operation, SquareLeftFunction.self)
        case .power: try combined(with: other, operation, PowerFunction.self)
        case .less: try combined(with: other, operation, LessFunction.self)
        case .lessEqual: try combined(with: other, operation, LessEqualFunction.self)
        case .greater: try combined(with: other, operation, GreaterFunction.self)
        case .greaterEqual: try combined(with: other, operation, GreaterEqualFunction.self)
        case .equal: try combined(with: other, operation, EqualFunction.self)
        case .notEqual: try combined(with: other, operation, NotEqualFunction.self)
        case .and: try combined(with: other, operation, AndFunction.self)
        case .or: try combined(with: other, operation, OrFunction.self)
        case .maximum: try combined(with: other, operation, MaximumFunction.self)
        case .minimum: try combined(with: other, operation, MinimumFunction.self)
        }
    }

    private func combined<Function: BinaryScalarFunction>(
        with other: Tensor, _ operation: ElementwiseOperation, _ function: Function.Type
    ) throws -> Tensor {
        if shape == other.shape {
            return Tensor(shape: shape, scalars: Tensor.zipMap(scalars, other.scalars, Function.self))
        }
        guard let resultShape = Tensor.broadcastShape(shape, other.shape) else {
            throw TensorError("cannot \(operation.verb) shapes \(describeShape(shape)) and \(describeShape(other.shape))")
        }
        let resultCount = try checkedElementCount(resultShape)
        if other.count == 1 && resultCount == count {
            return Tensor(shape: resultShape, scalars: Tensor.mapWithRight(scalars, other.scalars[0], Function.self))
        }
        if count == 1 && resultCount == other.count {
            return Tensor(shape: resultShape, scalars: Tensor.mapWithLeft(scalars[0], other.scalars, Function.self))
        }
        return Tensor(
            shape: resultShape,
            scalars: Tensor.broadcastMap(self, other, to: resultShape, count: resultCount, Function.self)
        )
    }

    static func zipMap<Function: BinaryScalarFunction>(_ left: [Double], _ right: [Double], _: Function.Type) -> [Double] {
        left.withUnsafeBufferPointer { leftBuffer in
            right.withUnsafeBufferPointer { rightBuffer in
                [Double](unsafeUninitializedCapacity: leftBuffer.count) { output, initialized in
                    for index in 0..<leftBuffer.count { output[index] = Function.apply(leftBuffer[index], rightBuffer[index]) }
                    initialized = leftBuffer.count
                }
            }
        }
    }

    static func mapWithRight<Function: BinaryScalarFunction>(_ left: [Double], _ right: Double, _: Function.Type) -> [Double] {
        left.withUnsafeBufferPointer { leftBuffer in
            [Double](unsafeUninitializedCapacity: leftBuffer.count) { output, initialized in
                for index in 0..<leftBuffer.count { output[index] = Function.apply(leftBuffer[index], right) }
                initialized = leftBuffer.count
            }
        }
    }

    static func mapWithLeft<Function: BinaryScalarFunction>(_ left: Double, _ right: [Double], _: Function.Type) -> [Double] {
        right.withUnsafeBufferPointer { rightBuffer in
            [Double](unsafeUninitializedCapacity: rightBuffer.count) { output, initialized in
                for index in 0..<rightBuffer.count { output[index] = Function.apply(left, rightBuffer[index]) }
                initialized = rightBuffer.count
            }
        }
    }

    /// The general broadcasting loop: walks whole rows of the last axis with fixed strides.
    /// Up to rank 2 a row's offsets are the row index times each operand's row stride
    /// (matrix with matrix, row vector, column or scalar); above, a multi-index carries
    /// between rows. Both run the same row loops, so they give the same bits.
    static func broadcastMap<Function: BinaryScalarFunction>(
        _ left: Tensor, _ right: Tensor, to shape: [Int], count: Int, _: Function.Type
    ) -> [Double] {
        guard count > 0, let rowLength = shape.last, rowLength > 0 else { return [] }
        let leftStrides = BroadcastLayout.strides(of: left.shape, alignedTo: shape)
        let rightStrides = BroadcastLayout.strides(of: right.shape, alignedTo: shape)
        let steps = (left: leftStrides[shape.count - 1], right: rightStrides[shape.count - 1])
        let rowCount = count / rowLength
        return left.scalars.withUnsafeBufferPointer { leftBuffer in
            right.scalars.withUnsafeBufferPointer { rightBuffer in
                [Double](unsafeUninitializedCapacity: count) { output, initialized in
                    if shape.count <= 2 {
                        let leftRowStride = shape.count == 2 ? leftStrides[0] : 0
                        let rightRowStride = shape.count == 2 ? rightStrides[0] : 0
                        for row in 0..<rowCount {
                            combineRow(
                                into: UnsafeMutableBufferPointer(rebasing: output[(row * rowLength)..<((row + 1) * rowLength)]),
                                leftBuffer, at: row * leftRowStride, rightBuffer, at: row * rightRowStride,
                                steps: steps, Function.self
                            )
                        }
                    } else {
                        var position = BroadcastPosition(shape: shape, operandStrides: [leftStrides, rightStrides])
                        for row in 0..<rowCount {
                            combineRow(
                                into: UnsafeMutableBufferPointer(rebasing: output[(row * rowLength)..<((row + 1) * rowLength)]),
                                leftBuffer, at: position.offsets[0], rightBuffer, at: position.offsets[1],
                                steps: steps, Function.self
                            )
                            position.advance(fromAxis: shape.count - 2)
                        }
                    }
                    initialized = count
                }
            }
        }
    }

    /// One output row: `row[c] = f(left[leftOffset + c·leftStep], right[rightOffset + c·rightStep])`.
    @inline(__always)
    private static func combineRow<Function: BinaryScalarFunction>(
        into row: UnsafeMutableBufferPointer<Double>,
        _ leftBuffer: UnsafeBufferPointer<Double>, at leftOffset: Int,
        _ rightBuffer: UnsafeBufferPointer<Double>, at rightOffset: Int,
        steps: (left: Int, right: Int), _: Function.Type
    ) {
        let rowLength = row.count
        // Unit and zero steps get their own loops, which vectorise.
        switch steps {
        case (1, 1):
            let leftRow = UnsafeBufferPointer(rebasing: leftBuffer[leftOffset..<(leftOffset + rowLength)])
            let rightRow = UnsafeBufferPointer(rebasing: rightBuffer[rightOffset..<(rightOffset + rowLength)])
            for column in 0..<rowLength { row[column] = Function.apply(leftRow[column], rightRow[column]) }
        case (1, 0):
            let leftRow = UnsafeBufferPointer(rebasing: leftBuffer[leftOffset..<(leftOffset + rowLength)])
            let right = rightBuffer[rightOffset]
            for column in 0..<rowLength { row[column] = Function.apply(leftRow[column], right) }
        case (0, 1):
            let left = leftBuffer[leftOffset]
            let rightRow = UnsafeBufferPointer(rebasing: rightBuffer[rightOffset..<(rightOffset + rowLength)])
            for column in 0..<rowLength { row[column] = Function.apply(left, rightRow[column]) }
        default:
            for column in 0..<rowLength {
                row[column] = Function.apply(
                    leftBuffer[leftOffset + column * steps.left], rightBuffer[rightOffset + column * steps.right]
                )
            }
        }
    }
}
