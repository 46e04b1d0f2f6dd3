import DescentTensor

/// Shared plumbing of the backward rules. Inside a backward closure every shape is known
/// to be compatible (the forward pass checked it), so these helpers do not throw.
extension Tape {
    /// Whether an operation on `inputs` must be recorded: the tape records and some input
    /// depends on a leaf. Checked before building a backward closure so constant
    /// evaluation allocates none.
    func isTraced(_ inputs: Var...) -> Bool {
        isRecording && inputs.contains { $0.node != nil }
    }
}

/// The gradient returned for an input that does not need one; `gradients(of:at:)`
/// ignores it because that input has no node.
let ignoredGradient = Tensor(0)

extension Tensor {
    /// The same elements under another shape with the same element count.
    func reshaped(toKnownShape shape: [Int]) -> Tensor {
        Tensor(shape: shape, scalars: scalars)
    }

    /// Every element divided by `divisor`.
    func divided(by divisor: Double) -> Tensor {
        Tensor(shape: shape, scalars: scalars.map { $0 / divisor })
    }

    /// This tensor broadcast to `shape`, which it is known to broadcast to.
    func expanded(to shape: [Int]) -> Tensor {
        if self.shape == shape { return self }
        do {
            return try broadcast(to: shape)
        } catch {
            preconditionFailure("backward rule broadcast \(describeShape(self.shape)) to \(describeShape(shape)): \(error)")
        }
    }

    /// A reduced tensor (any of the shapes a reduction over `split` gives) broadcast back
    /// over the reduced axis to the full shape of `split`.
    func expanded(over split: AxisSplit) -> Tensor {
        reshaped(toKnownShape: split.reducedShape(keepDims: true)).expanded(to: split.shape)
    }

    /// The sum of every lane of `split`, with the reduced axis kept as extent 1.
    func laneSums(_ split: AxisSplit) -> Tensor {
        var sums = [Double](repeating: 0, count: split.outer * split.inner)
        for block in 0..<split.outer {
            for k in 0..<split.length {
                let row = (block * split.length + k) * split.inner
                for lane in 0..<split.inner { sums[block * split.inner + lane] += scalars[row + lane] }
            }
        }
        return Tensor(shape: split.reducedShape(keepDims: true), scalars: sums)
    }
}

/// Applies `body` to matching elements of `gradient` (the output's shape) and the
/// operands, which broadcast to that shape.
@inline(__always)
func zipGradient(_ gradient: Tensor, _ x: Tensor, _ body: (Double, Double) -> Double) -> Tensor {
    let xs = x.expanded(to: gradient.shape).scalars
    var result = gradient.scalars
    for index in result.indices { result[index] = body(result[index], xs[index]) }
    return Tensor(shape: gradient.shape, scalars: result)
}

/// Applies `body` to matching elements of `gradient` and two operands broadcast to its shape.
@inline(__always)
func zipGradient(
    _ gradient: Tensor, _ x: Tensor, _ y: Tensor, _ body: (Double, Double, Double) -> Double
) -> Tensor {
    let xs = x.expanded(to: gradient.shape).scalars
    let ys = y.expanded(to: gradient.shape).scalars
    var result = gradient.scalars
    for index in result.indices { result[index] = body(result[index], xs[index], ys[index]) }
    return Tensor(shape: gradient.shape, scalars: result)
}

/// Applies `body` to matching elements of `gradient` and three operands broadcast to its shape.
@inline(__always)
func zipGradient(
    _ gradient: Tensor, _ x: Tensor, _ y: Tensor, _ z: Tensor, _ body: (Double, Double, Double, Double) -> Double
) -> Tensor {
    let xs = x.expanded(to: gradient.shape).scalars
    let ys = y.expanded(to: gradient.shape).scalars
    let zs = z.expanded(to: gradient.shape).scalars
    var result = gradient.scalars
    for index in result.indices { result[index] = body(result[index], xs[index], ys[index], zs[index]) }
    return Tensor(shape: gradient.shape, scalars: result)
}
