import DescentTensor
import Testing

/// Checks `tensor` against an expected shape and elements, each within `tolerance`
/// relative to its magnitude (NaN matches NaN).
func expectKernelResult(
    _ tensor: Tensor, shape: [Int], _ expected: [Double], tolerance: Double = 1e-12,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(tensor.shape == shape, sourceLocation: sourceLocation)
    #expect(tensor.scalars.count == expected.count, sourceLocation: sourceLocation)
    for (actual, wanted) in zip(tensor.scalars, expected) {
        if wanted.isNaN {
            #expect(actual.isNaN, "expected nan, got \(actual)", sourceLocation: sourceLocation)
        } else if wanted.isInfinite {
            #expect(actual == wanted, sourceLocation: sourceLocation)
        } else {
            #expect(abs(actual - wanted) <= tolerance * max(1, abs(wanted)), "\(actual) != \(wanted)", sourceLocation: sourceLocation)
        }
    }
}

/// The message of the `TensorError` that `body` throws, or `nil` when it does not throw.
func kernelErrorMessage(_ body: () throws -> Tensor) -> String? {
    do {
        _ = try body()
        return nil
    } catch let error as TensorError {
        return error.message
    } catch {
        return "unexpected error \(error)"
    }
}
