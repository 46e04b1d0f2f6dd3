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
        // The switch runs once; each case runs a loop specialised for its function.
        switch operation {
        case .negate: mapped(NegateFunction.self)
        case .exp: VectorMath.isAvailable ? vectorMapped(.exp) : mapped(ExpFunction.self)
        case .log: mapped(LogFunction.self)
        case .sqrt: mapped(SquareRootFunction.self)
        case .abs: mapped(AbsoluteFunction.self)
        case .sign: mapped(SignFunction.self)
        case .tanh: VectorMath.isAvailable ? vectorMapped(.tanh) : mapped(TanhFunction.self)
        case .sigmoid: VectorMath.isAvailable ? vectorMapped(.sigmoid) : mapped(SigmoidFunction.self)
        case .relu: mapped(ReluFunction.self)
        case .logicalNot: mapped(LogicalNotFunction.self)
        case .softplus: mapped(SoftplusFunction.self)
        case .square: mapped(SquareFunction.self)
        case .sin: mapped(SineFunction.self)
        case .cos: mapped(CosineFunction.self)
        case .floor: mapped(FloorFunction.self)
        }
    }

    private func mapped<Function: UnaryScalarFunction>(_: Function.Type) -> Tensor {
        let result = scalars.withUnsafeBufferPointer { source in
            [Double](unsafeUninitializedCapacity: source.count) { output, initialized in
                for index in 0..<source.count { output[index] = Function.apply(source[index]) }
                initialized = source.count
            }
        }
        return Tensor(shape: shape, scalars: result)
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
