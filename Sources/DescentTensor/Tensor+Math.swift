/// A unary elementwise function.
public enum UnaryOperation: Sendable, CaseIterable {
    case negate, exp, log, sqrt, abs
    /// -1, 0 or 1 (NaN stays NaN).
    case sign
    case tanh
    /// `1 / (1 + exp(-x))`, computed without overflow for large |x|.
    case sigmoid
    /// `max(x, 0)` (NaN stays NaN).
    case relu
    /// 1 where x is 0, else 0.
    case logicalNot
    /// `log(1 + exp(x))`, computed as `max(x, 0) + log1p(exp(-|x|))` so it never overflows.
    case softplus
    case square, sin, cos, floor

    /// Whether gradients flow through the function; `sign`, `floor` and `logicalNot` are
    /// piecewise constant and give constants.
    public var isDifferentiable: Bool {
        switch self {
        case .sign, .floor, .logicalNot: false
        default: true
        }
    }
}

extension Tensor {
    /// Applies `operation` to every element; NaN and infinities follow IEEE and NumPy.
    ///
    /// On processors with AVX2 and FMA, exp, tanh and sigmoid run vector kernels within
    /// 2 ULP of the correctly rounded result, so their last bits may differ from libm's.
    public func applying(_ operation: UnaryOperation) -> Tensor {
        let result = scalars.withUnsafeBufferPointer { source in
            [Double](unsafeUninitializedCapacity: source.count) { output, initialized in
                if let input = source.baseAddress, let target = output.baseAddress {
                    operation.apply(input, count: source.count, into: target)
                }
                initialized = source.count
            }
        }
        return Tensor(shape: shape, scalars: result)
    }
}

extension UnaryOperation {
    /// Writes the function of each of `count` elements of `source` to `output`: the loop
    /// `Tensor.applying` runs, for code that keeps its own buffers.
    public func apply(_ source: UnsafePointer<Double>, count: Int, into output: UnsafeMutablePointer<Double>) {
        // The switch runs once; each case runs a loop specialised for its function.
        switch self {
        case .negate: map(source, count, output, NegateFunction.self)
        case .exp: VectorMath.isAvailable ? vectorMap(.exp, source, count, output) : map(source, count, output, ExpFunction.self)
        case .log: map(source, count, output, LogFunction.self)
        case .sqrt: map(source, count, output, SquareRootFunction.self)
        case .abs: map(source, count, output, AbsoluteFunction.self)
        case .sign: map(source, count, output, SignFunction.self)
        case .tanh: VectorMath.isAvailable ? vectorMap(.tanh, source, count, output) : map(source, count, output, TanhFunction.self)
        case .sigmoid:
            VectorMath.isAvailable ? vectorMap(.sigmoid, source, count, output) : map(source, count, output, SigmoidFunction.self)
        case .relu: map(source, count, output, ReluFunction.self)
        case .logicalNot: map(source, count, output, LogicalNotFunction.self)
        case .softplus: map(source, count, output, SoftplusFunction.self)
        case .square: map(source, count, output, SquareFunction.self)
        case .sin: map(source, count, output, SineFunction.self)
        case .cos: map(source, count, output, CosineFunction.self)
        case .floor: map(source, count, output, FloorFunction.self)
        }
    }

    private func map<Function: UnaryScalarFunction>(
        _ source: UnsafePointer<Double>, _ count: Int, _ output: UnsafeMutablePointer<Double>, _: Function.Type
    ) {
        for index in 0..<count { output[index] = Function.apply(source[index]) }
    }

    private func vectorMap(
        _ function: VectorMath.Function, _ source: UnsafePointer<Double>, _ count: Int, _ output: UnsafeMutablePointer<Double>
    ) {
        VectorMath.apply(
            function, UnsafeBufferPointer(start: source, count: count), into: UnsafeMutableBufferPointer(start: output, count: count))
    }
}

extension Tensor {
    /// The gradient through tanh from the gradient of its output: `gradient * (1 - y * y)`
    /// per element, where `y` is tanh's output, with those roundings in that order.
    ///
    /// `gradient` and `output` must have the same shape (autodiff guarantees it).
    public static func tanhGradient(_ gradient: Tensor, output: Tensor) -> Tensor {
        precondition(gradient.shape == output.shape, "tanhGradient needs equal shapes")
        return Tensor(shape: gradient.shape, scalars: zipMap(gradient.scalars, output.scalars, TanhGradientFunction.self))
    }

    /// The gradient through sigmoid from the gradient of its output:
    /// `gradient * (y * (1 - y))` per element, where `y` is sigmoid's output.
    ///
    /// `gradient` and `output` must have the same shape (autodiff guarantees it).
    public static func sigmoidGradient(_ gradient: Tensor, output: Tensor) -> Tensor {
        precondition(gradient.shape == output.shape, "sigmoidGradient needs equal shapes")
        return Tensor(shape: gradient.shape, scalars: zipMap(gradient.scalars, output.scalars, SigmoidGradientFunction.self))
    }
}

/// `g * (1 - y * y)`.
private enum TanhGradientFunction: BinaryScalarFunction {
    static func apply(_ g: Double, _ y: Double) -> Double { g * (1 - y * y) }
}

/// `g * (y * (1 - y))`.
private enum SigmoidGradientFunction: BinaryScalarFunction {
    static func apply(_ g: Double, _ y: Double) -> Double { g * (y * (1 - y)) }
}
