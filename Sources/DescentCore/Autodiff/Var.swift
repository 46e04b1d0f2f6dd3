import DescentTensor

/// A tensor as the evaluator sees it: its value and, when it depends on a parameter
/// while a tape records, the tape node that produced it.
public struct Var: Sendable {
    /// The value.
    public var value: Tensor
    /// The node on the recording tape, or `nil` for a constant.
    public var node: Int?

    /// A constant: gradients do not flow into it.
    public init(_ value: Tensor) {
        self.value = value
        self.node = nil
    }

    init(value: Tensor, node: Int?) {
        self.value = value
        self.node = node
    }

    /// A rank-0 constant.
    public init(scalar: Double) {
        self.init(Tensor(scalar))
    }
}
