import Foundation

/// A function of two doubles as a type. The kernels are generic over it, so each loop is
/// specialised and the call inlines; a closure argument would cost an indirect call per
/// element and block vectorisation.
protocol BinaryScalarFunction {
    static func apply(_ a: Double, _ b: Double) -> Double
}

/// A function of one double as a type, for the same reason as `BinaryScalarFunction`.
protocol UnaryScalarFunction {
    static func apply(_ x: Double) -> Double
}

enum AddFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a + b } }
enum SubtractFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a - b } }
enum MultiplyFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a * b } }
enum DivideFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a / b } }
enum PowerFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { pow(a, b) } }
/// `a * a`, ignoring `b`: `a ^ 2` when the exponent is known to be 2.
enum SquareLeftFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a * a } }
enum LessFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a < b ? 1 : 0 } }
enum LessEqualFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a <= b ? 1 : 0 } }
enum GreaterFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a > b ? 1 : 0 } }
enum GreaterEqualFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a >= b ? 1 : 0 } }
enum EqualFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a == b ? 1 : 0 } }
enum NotEqualFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a != b ? 1 : 0 } }
enum AndFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a != 0 && b != 0 ? 1 : 0 } }
enum OrFunction: BinaryScalarFunction { static func apply(_ a: Double, _ b: Double) -> Double { a != 0 || b != 0 ? 1 : 0 } }

/// NumPy's floor modulo: the result has the sign of the divisor (`-7 % 3 == 2`).
enum ModuloFunction: BinaryScalarFunction {
    static func apply(_ dividend: Double, _ divisor: Double) -> Double {
        let remainder = fmod(dividend, divisor)
        if remainder == 0 { return copysign(0, divisor) }
        return (remainder < 0) != (divisor < 0) ? remainder + divisor : remainder
    }
}

/// The larger operand, or NaN when either is NaN (NumPy's `maximum`).
enum MaximumFunction: BinaryScalarFunction {
    static func apply(_ a: Double, _ b: Double) -> Double {
        if a >= b { return a }
        if a < b { return b }
        return a.isNaN ? a : b
    }
}

/// The smaller operand, or NaN when either is NaN (NumPy's `minimum`).
enum MinimumFunction: BinaryScalarFunction {
    static func apply(_ a: Double, _ b: Double) -> Double {
        if a <= b { return a }
        if a > b { return b }
        return a.isNaN ? a : b
    }
}

enum NegateFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { -x } }
/// Through the vector kernel when it runs, so one number gets the bits an array would.
enum ExpFunction: UnaryScalarFunction {
    static func apply(_ x: Double) -> Double { VectorMath.isAvailable ? VectorMath.apply(.exp, x) : exp(x) }
}
enum LogFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { log(x) } }
enum SquareRootFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { x.squareRoot() } }
enum AbsoluteFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { Swift.abs(x) } }
/// Through the vector kernel when it runs, as `ExpFunction`.
enum TanhFunction: UnaryScalarFunction {
    static func apply(_ x: Double) -> Double { VectorMath.isAvailable ? VectorMath.apply(.tanh, x) : tanh(x) }
}
enum LogicalNotFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { x == 0 ? 1 : 0 } }
enum SquareFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { x * x } }
enum SineFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { sin(x) } }
enum CosineFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { cos(x) } }
enum FloorFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { x.rounded(.down) } }

/// `max(x, 0)`; NaN stays NaN.
enum ReluFunction: UnaryScalarFunction { static func apply(_ x: Double) -> Double { x > 0 || x.isNaN ? x : 0 } }

/// -1, 0 or 1 by the sign of `x`; NaN stays NaN, as NumPy's `sign`.
enum SignFunction: UnaryScalarFunction {
    static func apply(_ x: Double) -> Double {
        if x > 0 { return 1 }
        if x < 0 { return -1 }
        return x.isNaN ? x : 0
    }
}

/// The logistic function, evaluated on the side where `exp` cannot overflow; through the
/// vector kernel when it runs, as `ExpFunction`.
enum SigmoidFunction: UnaryScalarFunction {
    static func apply(_ x: Double) -> Double {
        if VectorMath.isAvailable { return VectorMath.apply(.sigmoid, x) }
        if x >= 0 { return 1 / (1 + exp(-x)) }
        let e = exp(x)
        return e / (1 + e)
    }
}

/// `log(1 + exp(x))` without overflow for large x or loss of precision for very negative x.
enum SoftplusFunction: UnaryScalarFunction {
    static func apply(_ x: Double) -> Double { (x > 0 ? x : 0) + log1p(exp(-Swift.abs(x))) }
}
