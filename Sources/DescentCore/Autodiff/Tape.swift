import DescentTensor

/// Reverse-mode automatic differentiation, micrograd style.
///
/// Every differentiable operation is a method on `Tape` (in the `Tape+…` files) that
/// computes its output and, right beside it, the closure that maps the output's gradient
/// to its inputs' gradients. While `isRecording` is false, or when no input depends on a
/// leaf, operations record nothing and return constants, so ordinary evaluation pays no
/// autodiff cost. `gradients(of:at:)` walks the nodes in reverse order of creation, which
/// is a topological order, accumulating with `+=`.
public final class Tape {
    /// Maps the gradient of a node's output to one gradient per input (same order as
    /// `inputs`), each with that input's shape.
    typealias Backward = (Tensor) -> [Tensor]

    private struct Node {
        let inputs: [Int?]
        let backward: Backward?
        let shape: [Int]
    }

    private var nodes: [Node] = []

    /// Whether operations record nodes. Turned on while a loss is evaluated for a gradient.
    public var isRecording = false

    public init() {}

    /// Forgets every node (the start of each gradient evaluation).
    public func reset() {
        nodes.removeAll(keepingCapacity: true)
    }

    /// Registers a leaf (a parameter) whose gradient `gradients(of:at:)` can report.
    public func leaf(_ value: Tensor) -> Var {
        guard isRecording else { return Var(value) }
        nodes.append(Node(inputs: [], backward: nil, shape: value.shape))
        return Var(value: value, node: nodes.count - 1)
    }

    /// Records `value` as computed from `inputs`; returns a constant when nothing upstream
    /// needs a gradient.
    func record(_ value: Tensor, inputs: [Var], backward: @escaping Backward) -> Var {
        guard isRecording, inputs.contains(where: { $0.node != nil }) else { return Var(value) }
        nodes.append(Node(inputs: inputs.map(\.node), backward: backward, shape: value.shape))
        return Var(value: value, node: nodes.count - 1)
    }

    /// The gradient of the scalar `output` with respect to each of `leaves`; a leaf the
    /// output does not depend on gets zeros of its shape.
    public func gradients(of output: Var, at leaves: [Var]) -> [Tensor] {
        var adjoints = [Tensor?](repeating: nil, count: nodes.count)
        if let root = output.node {
            adjoints[root] = Tensor(repeating: 1, shape: output.value.shape)
            for index in stride(from: root, through: 0, by: -1) {
                guard let adjoint = adjoints[index], let backward = nodes[index].backward else { continue }
                let inputGradients = backward(adjoint)
                for (input, gradient) in zip(nodes[index].inputs, inputGradients) {
                    guard let input else { continue }
                    if let existing = adjoints[input] {
                        adjoints[input] = existing.adding(sameShape: gradient)
                    } else {
                        adjoints[input] = gradient
                    }
                }
            }
        }
        return leaves.map { leaf in
            if let node = leaf.node, let adjoint = adjoints[node] { return adjoint }
            return Tensor(repeating: 0, shape: leaf.value.shape)
        }
    }
}
