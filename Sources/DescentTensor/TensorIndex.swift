/// One entry of a subscript, as in NumPy: `x[2]`, `x[1:5:2]`, `x[[0, 2, 2]]`.
public enum TensorIndex: Sendable, Equatable {
    /// A single position; negative counts from the end. Drops its axis.
    case position(Int)
    /// A Python slice; `nil` bounds take the defaults for the step's sign. Keeps its axis.
    case range(start: Int?, stop: Int?, step: Int?)
    /// A 1-D integer array: the listed positions on one axis, repeats allowed.
    case positions([Int])

    /// The whole axis, `:`.
    public static let all = TensorIndex.range(start: nil, stop: nil, step: nil)
}
