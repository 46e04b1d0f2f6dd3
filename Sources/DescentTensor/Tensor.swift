/// A float64 tensor of any rank, stored contiguously in row-major order.
///
/// A value type: copies share storage until one is mutated (copy-on-write through
/// `Array`). Rank 0 is a scalar with shape `[]` and one element.
public struct Tensor: Sendable, Equatable {
    /// The extent of each axis; `[]` for a scalar.
    public private(set) var shape: [Int]
    /// The elements in row-major order; `scalars.count == shape.product`.
    public var scalars: [Double]

    /// Creates a tensor; `scalars.count` must equal the product of `shape`.
    public init(shape: [Int], scalars: [Double]) {
        precondition(shape.reduce(1, *) == scalars.count, "shape \(shape) does not hold \(scalars.count) scalars")
        self.shape = shape
        self.scalars = scalars
    }

    /// A rank-0 tensor.
    public init(_ scalar: Double) {
        self.shape = []
        self.scalars = [scalar]
    }

    /// A rank-1 tensor.
    public init(vector: [Double]) {
        self.shape = [vector.count]
        self.scalars = vector
    }

    /// A tensor of `shape` with every element `value`.
    public init(repeating value: Double, shape: [Int]) {
        self.shape = shape
        self.scalars = Array(repeating: value, count: shape.reduce(1, *))
    }

    /// The number of axes.
    public var rank: Int { shape.count }

    /// The number of elements.
    public var count: Int { scalars.count }

    /// The only element of a one-element tensor (any rank), else `nil`.
    public var scalarValue: Double? { scalars.count == 1 ? scalars[0] : nil }
}

/// A failure inside a tensor operation, described for a learner; the runtime adds the
/// source location.
public struct TensorError: Error, Sendable, Equatable {
    public var message: String

    public init(_ message: String) {
        self.message = message
    }
}
