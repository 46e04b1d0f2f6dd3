/// Turns numbers a learner typed into sizes, axes and integers, with errors instead of traps.
///
/// Every size, index, axis and seed in Descent arrives as a float64, so each conversion
/// checks for NaN, infinities, fractions and values beyond `Int` before converting.
public enum ShapeValidation {
    /// A shape from user-given sizes: whole, finite, non-negative, and at most
    /// `maxElements` elements in all.
    public static func shape(fromDimensions dims: [Double], maxElements: Int) throws -> [Int] {
        var shape: [Int] = []
        for dimension in dims {
            guard dimension.isFinite, dimension == dimension.rounded() else {
                throw TensorError("size must be a whole number, got \(TensorFormatter().format(number: dimension))")
            }
            guard dimension >= 0 else {
                throw TensorError("size must not be negative, got \(TensorFormatter().format(number: dimension))")
            }
            guard dimension < 0x1p63 else {
                throw TensorError("size \(TensorFormatter().format(number: dimension)) is too large")
            }
            shape.append(Int(dimension))
        }
        try checkElementCount(of: shape, maxElements: maxElements)
        return shape
    }

    /// Throws when `shape` holds more than `maxElements` elements (or more than `Int` can count).
    public static func checkElementCount(of shape: [Int], maxElements: Int) throws {
        guard let count = elementCount(of: shape) else {
            throw TensorError(
                "cannot allocate a tensor of shape \(describeShape(shape)): it has more elements than the limit of \(maxElements)")
        }
        guard count <= maxElements else {
            throw TensorError(
                "cannot allocate a tensor of shape \(describeShape(shape)): \(count) elements is more than the limit of \(maxElements)")
        }
    }

    /// The product of `shape`, or `nil` when it overflows `Int`.
    public static func elementCount(of shape: [Int]) -> Int? {
        var count = 1
        for extent in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            if overflow { return nil }
            count = product
        }
        return count
    }

    /// A whole number as an `Int`; `what` names it in the error (`an index`, `'low'`).
    public static func integer(_ x: Double, what: String) throws -> Int {
        guard x.isFinite, x == x.rounded() else {
            throw TensorError("\(what) must be a whole number, got \(TensorFormatter().format(number: x))")
        }
        // 2^63 is exactly representable; every double below it and at or above -2^63 fits in Int.
        guard x >= -0x1p63, x < 0x1p63 else {
            throw TensorError("\(what) is out of range, got \(TensorFormatter().format(number: x))")
        }
        return Int(x)
    }
}
