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
        // One specialised loop per case: the switch runs once, never per element.
        switch operation {
        case .add: try combined(with: other, operation) { $0 + $1 }
        case .subtract: try combined(with: other, operation) { $0 - $1 }
        case .multiply: try combined(with: other, operation) { $0 * $1 }
        case .divide: try combined(with: other, operation) { $0 / $1 }
        case .modulo: try combined(with: other, operation, floorModulo)
        case .power: try combined(with: other, operation) { Foundation.pow($0, $1) }
        case .less: try combined(with: other, operation) { $0 < $1 ? 1 : 0 }
        case .lessEqual: try combined(with: other, operation) { $0 <= $1 ? 1 : 0 }
        case .greater: try combined(with: other, operation) { $0 > $1 ? 1 : 0 }
        case .greaterEqual: try combined(with: other, operation) { $0 >= $1 ? 1 : 0 }
        case .equal: try combined(with: other, operation) { $0 == $1 ? 1 : 0 }
        case .notEqual: try combined(with: other, operation) { $0 != $1 ? 1 : 0 }
        case .and: try combined(with: other, operation) { $0 != 0 && $1 != 0 ? 1 : 0 }
        case .or: try combined(with: other, operation) { $0 != 0 || $1 != 0 ? 1 : 0 }
        case .maximum: try combined(with: other, operation, nanPropagatingMaximum)
        case .minimum: try combined(with: other, operation, nanPropagatingMinimum)
        }
    }

    @inline(__always)
    private func combined(
        with other: Tensor, _ operation: ElementwiseOperation, _ body: (Double, Double) -> Double
    ) throws -> Tensor {
        if shape == other.shape {
            return Tensor(shape: shape, scalars: Tensor.map(scalars, other.scalars, count: count, body))
        }
        guard let resultShape = Tensor.broadcastShape(shape, other.shape) else {
            throw TensorError("cannot \(operation.verb) shapes \(describeShape(shape)) and \(describeShape(other.shape))")
        }
        let resultCount = try checkedElementCount(resultShape)
        if other.count == 1 {
            let right = other.scalars[0]
            return Tensor(shape: resultShape, scalars: Tensor.map(scalars, count: resultCount) { body($0, right) })
        }
        if count == 1 {
            let left = scalars[0]
            return Tensor(shape: resultShape, scalars: Tensor.map(other.scalars, count: resultCount) { body(left, $0) })
        }
        return Tensor(
            shape: resultShape,
            scalars: Tensor.broadcastMap(self, other, to: resultShape, count: resultCount, body)
        )
    }

    @inline(__always)
    static func map(_ source: [Double], count: Int, _ body: (Double) -> Double) -> [Double] {
        source.withUnsafeBufferPointer { input in
            [Double](unsafeUninitializedCapacity: count) { output, initialized in
                for index in 0..<count { output[index] = body(input[index]) }
                initialized = count
            }
        }
    }

    @inline(__always)
    static func map(_ left: [Double], _ right: [Double], count: Int, _ body: (Double, Double) -> Double) -> [Double] {
        left.withUnsafeBufferPointer { leftBuffer in
            right.withUnsafeBufferPointer { rightBuffer in
                [Double](unsafeUninitializedCapacity: count) { output, initialized in
                    for index in 0..<count { output[index] = body(leftBuffer[index], rightBuffer[index]) }
                    initialized = count
                }
            }
        }
    }

    /// The general broadcasting loop: walks whole rows of the last axis with fixed strides
    /// and carries the multi-index only between rows.
    @inline(__always)
    static func broadcastMap(
        _ left: Tensor, _ right: Tensor, to shape: [Int], count: Int, _ body: (Double, Double) -> Double
    ) -> [Double] {
        guard count > 0, let rowLength = shape.last else {
            return Tensor.map(left.scalars, right.scalars, count: count, body)
        }
        let leftStrides = BroadcastLayout.strides(of: left.shape, alignedTo: shape)
        let rightStrides = BroadcastLayout.strides(of: right.shape, alignedTo: shape)
        let leftStep = leftStrides[shape.count - 1]
        let rightStep = rightStrides[shape.count - 1]
        var position = BroadcastPosition(shape: shape, operandStrides: [leftStrides, rightStrides])
        return left.scalars.withUnsafeBufferPointer { leftBuffer in
            right.scalars.withUnsafeBufferPointer { rightBuffer in
                [Double](unsafeUninitializedCapacity: count) { output, initialized in
                    var outputIndex = 0
                    while outputIndex < count {
                        var leftOffset = position.offsets[0]
                        var rightOffset = position.offsets[1]
                        for _ in 0..<rowLength {
                            output[outputIndex] = body(leftBuffer[leftOffset], rightBuffer[rightOffset])
                            outputIndex += 1
                            leftOffset += leftStep
                            rightOffset += rightStep
                        }
                        position.advance(fromAxis: shape.count - 2)
                    }
                    initialized = count
                }
            }
        }
    }
}

/// NumPy's floor modulo: the result has the sign of the divisor (`-7 % 3 == 2`).
@inline(__always)
func floorModulo(_ dividend: Double, _ divisor: Double) -> Double {
    let remainder = fmod(dividend, divisor)
    if remainder == 0 { return copysign(0, divisor) }
    return (remainder < 0) != (divisor < 0) ? remainder + divisor : remainder
}

/// The larger operand, or NaN when either is NaN (NumPy's `maximum`).
@inline(__always)
func nanPropagatingMaximum(_ a: Double, _ b: Double) -> Double {
    if a >= b { return a }
    if a < b { return b }
    return a.isNaN ? a : b
}

/// The smaller operand, or NaN when either is NaN (NumPy's `minimum`).
@inline(__always)
func nanPropagatingMinimum(_ a: Double, _ b: Double) -> Double {
    if a <= b { return a }
    if a > b { return b }
    return a.isNaN ? a : b
}
