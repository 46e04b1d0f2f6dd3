import DescentKernels

/// The AVX2 elementwise functions of `vector_math.h`, used when the processor runs AVX2
/// and FMA; elsewhere the functions fall back to libm.
///
/// They are within 2 ULP of the correctly rounded result everywhere (the tests measure
/// under 1.5 ULP against long-double references; glibc's own tanh reaches 2.2), so their
/// last bits may differ from libm's. Special values are exact: ±0, NaN, overflow to +inf,
/// underflow to +0, saturation to ±1. A value gives the same bits alone or in an array.
enum VectorMath {
    /// A function with a vector kernel.
    enum Function {
        case exp, tanh, sigmoid
    }

    #if arch(x86_64)
    /// Whether the vector kernels may run here.
    static let isAvailable = descent_has_avx2_fma()

    /// Writes `function` of each element of `source` to `output`, which holds as many
    /// elements. Call only when `isAvailable`.
    static func apply(_ function: Function, _ source: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {
        guard let input = source.baseAddress, let target = output.baseAddress else { return }
        let count = Swift.min(source.count, output.count)
        switch function {
        case .exp: descent_vector_exp_avx2(input, target, count)
        case .tanh: descent_vector_tanh_avx2(input, target, count)
        case .sigmoid: descent_vector_sigmoid_avx2(input, target, count)
        }
    }
    #else
    /// Whether the vector kernels may run here: never off x86-64.
    static let isAvailable = false

    /// Never called off x86-64, where `isAvailable` is false.
    static func apply(_ function: Function, _ source: UnsafeBufferPointer<Double>, into output: UnsafeMutableBufferPointer<Double>) {}
    #endif

    /// `function` at `x` through the vector kernel, giving the bits an array would get.
    static func apply(_ function: Function, _ x: Double) -> Double {
        var input = x
        var result = x
        withUnsafePointer(to: &input) { inputPointer in
            withUnsafeMutablePointer(to: &result) { resultPointer in
                apply(
                    function, UnsafeBufferPointer(start: inputPointer, count: 1),
                    into: UnsafeMutableBufferPointer(start: resultPointer, count: 1)
                )
            }
        }
        return result
    }
}
