import DescentTensor
import Testing

/// The fast matrix-product kernels (packed tiles, row products, dot products, transposed
/// operands, two threads) against the textbook triple loop.
///
/// On processors with AVX2 and FMA the kernels add each term with a fused multiply-add,
/// so they may differ from the triple loop in the last bits: each element must agree to
/// 1e-12 relative to `Σₖ |a(i, k)| · |b(k, j)|`, the scale of the rounding errors of any
/// summation order.
@Suite struct MatmulKernelTests {
    /// Extents around the register tiles (4 × 4 portable, 6 × 8 fused), the packed blocks
    /// (48 / 144 rows, 256 inner, 256 columns), the vector kernels' groups of 4 rows and 8
    /// terms, the row kernel's passes of 48 columns, the split of 4096 rows and more in a vector
    /// times a matrix, and the size at which a second thread joins.
    @Test(arguments: [
        (1, 1, 1), (1, 7, 5), (5, 7, 1), (1, 300, 1), (3, 2, 64), (2, 1024, 64), (5, 7, 9), (4, 4, 4),
        (6, 8, 8), (7, 9, 13), (13, 17, 9), (17, 3, 65), (33, 65, 17), (65, 129, 7), (97, 300, 130),
        (50, 257, 263), (145, 257, 257), (511, 9, 513), (513, 33, 17), (9, 511, 13), (129, 13, 129),
        (10_000, 100, 1), (1, 100, 10_000), (1024, 1, 64), (1024, 64, 1), (1, 513, 1), (3, 129, 1), (1, 129, 53), (1, 4099, 3), (3, 4099, 1), (1, 4097, 65),
    ])
    func everyTranspositionMatchesTripleLoop(extents: (Int, Int, Int)) throws {
        let (rows, inner, columns) = extents
        let a = randomMatrix(rows, inner, seed: 1)
        let b = randomMatrix(inner, columns, seed: 2)
        let storedA = a.transposed
        let storedB = b.transposed
        let expected = tripleLoop(a, b)
        let scale = tripleLoop(absolute(a), absolute(b))
        expectClose(try a.matmul(b), shape: [rows, columns], expected, scale: scale)
        expectClose(try storedA.matmul(b, transposingLeft: true), shape: [rows, columns], expected, scale: scale)
        expectClose(try a.matmul(storedB, transposingRight: true), shape: [rows, columns], expected, scale: scale)
        expectClose(
            try storedA.matmul(storedB, transposingLeft: true, transposingRight: true), shape: [rows, columns], expected,
            scale: scale
        )
    }

    /// 1-D operands of lengths around the vector kernels' groups, on either side.
    @Test(arguments: [1, 3, 7, 9, 13, 17, 65, 129, 511, 513])
    func vectorOperandsMatchTripleLoop(length: Int) throws {
        let matrix = randomMatrix(length, 11, seed: 3)
        let vector = randomMatrix(length, 1, seed: 4)
        let other = randomMatrix(length, 1, seed: 5)
        let asRow = Tensor(shape: [1, length], scalars: vector.scalars)
        let v = Tensor(vector: vector.scalars)
        // v @ M and Mᵀ @ v are the same row; M is 1 × length for the dot product.
        let rowTimesMatrix = tripleLoop(asRow, matrix)
        let rowScale = tripleLoop(absolute(asRow), absolute(matrix))
        expectClose(try v.matmul(matrix), shape: [11], rowTimesMatrix, scale: rowScale)
        expectClose(try matrix.matmul(v, transposingLeft: true), shape: [11], rowTimesMatrix, scale: rowScale)
        expectClose(try matrix.transposed.matmul(v), shape: [11], rowTimesMatrix, scale: rowScale)
        let dot = tripleLoop(asRow, other)
        expectClose(try v.matmul(Tensor(vector: other.scalars)), shape: [], dot, scale: tripleLoop(absolute(asRow), absolute(other)))
    }

    @Test(arguments: [(0, 5, 3), (4, 0, 3), (4, 5, 0), (0, 0, 0), (0, 0, 7), (1, 0, 1), (9, 0, 1), (1, 0, 9)])
    func zeroExtentsGiveZerosOfTheRightShape(extents: (Int, Int, Int)) throws {
        let (rows, inner, columns) = extents
        let a = randomMatrix(rows, inner, seed: 6)
        let b = randomMatrix(inner, columns, seed: 7)
        let zeros = [Double](repeating: 0, count: rows * columns)
        #expect(try a.matmul(b).scalars == zeros)
        #expect(try a.transposed.matmul(b, transposingLeft: true).scalars == zeros)
        #expect(try a.matmul(b.transposed, transposingRight: true).shape == [rows, columns])
        #expect(try a.transposed.matmul(b.transposed, transposingLeft: true, transposingRight: true).scalars == zeros)
        #expect(try Tensor(vector: []).matmul(randomMatrix(0, columns, seed: 8)).scalars == [Double](repeating: 0, count: columns))
        let v = randomMatrix(inner, 1, seed: 9)
        expectClose(try a.matmul(Tensor(vector: v.scalars)), shape: [rows], tripleLoop(a, v), scale: tripleLoop(absolute(a), absolute(v)))
    }

    @Test func vectorOperandsIgnoreTransposition() throws {
        let v = Tensor(vector: [1, 2, 3])
        let m = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
        // NumPy: np.array([1, 2, 3]) @ np.array([[1, 2], [3, 4], [5, 6]]) == [22, 28]
        expectKernelResult(try v.matmul(m, transposingLeft: true), shape: [2], [22, 28])
        // NumPy: np.array([[1, 2], [3, 4], [5, 6]]).T @ np.array([1, 2, 3]) == [22, 28]
        expectKernelResult(try m.matmul(v, transposingLeft: true, transposingRight: true), shape: [2], [22, 28])
    }

    @Test func transposedShapesNameTheTransposeInErrors() {
        let m = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(kernelErrorMessage { try m.matmul(m, transposingRight: true) } == nil)
        #expect(kernelErrorMessage { try m.matmul(m) } == "cannot matmul shapes [2, 3] and [2, 3]")
        #expect(kernelErrorMessage { try m.matmul(Tensor(vector: [1, 2, 3]), transposingLeft: true) } == "cannot matmul shapes [3, 2] and [3]")
    }

    @Test func infinitiesAndNaNsPropagateAsInTheTripleLoop() throws {
        var a = randomMatrix(9, 300, seed: 8)
        a.scalars[5] = .infinity
        a.scalars[700] = .nan
        var b = randomMatrix(300, 11, seed: 9)
        b.scalars[40] = -.infinity
        expectClose(try a.matmul(b), shape: [9, 11], tripleLoop(a, b), scale: tripleLoop(absolute(a), absolute(b)))
    }
}

/// Checks every element within 1e-12 of the matching `scale` (NaN matches NaN, infinities
/// must be equal).
func expectClose(
    _ tensor: Tensor, shape: [Int], _ expected: [Double], scale: [Double], sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(tensor.shape == shape, sourceLocation: sourceLocation)
    #expect(tensor.scalars.count == expected.count, sourceLocation: sourceLocation)
    for (index, (actual, wanted)) in zip(tensor.scalars, expected).enumerated() {
        if wanted.isNaN || wanted.isInfinite {
            #expect(actual == wanted || (actual.isNaN && wanted.isNaN), "\(actual) != \(wanted)", sourceLocation: sourceLocation)
        } else {
            let error = abs(actual - wanted)
            #expect(error <= 1e-12 * scale[index], "element \(index): \(actual) != \(wanted)", sourceLocation: sourceLocation)
        }
    }
}

/// The elementwise absolute values, to bound rounding errors.
func absolute(_ tensor: Tensor) -> Tensor {
    Tensor(shape: tensor.shape, scalars: tensor.scalars.map(\.magnitude))
}

/// A `rows × columns` matrix of SplitMix values in [-1, 1).
func randomMatrix(_ rows: Int, _ columns: Int, seed: UInt64) -> Tensor {
    var generator = SplitMix(seed: seed)
    return Tensor(shape: [rows, columns], scalars: (0..<rows * columns).map { _ in generator.nextUnit() })
}

/// `a @ b` for matrices by the definition: each element summed over k in order from zero.
func tripleLoop(_ a: Tensor, _ b: Tensor) -> [Double] {
    let (rows, inner, columns) = (a.shape[0], a.shape[1], b.shape[1])
    var result = [Double](repeating: 0, count: rows * columns)
    for i in 0..<rows {
        for j in 0..<columns {
            var total = 0.0
            for k in 0..<inner { total += a.scalars[i * inner + k] * b.scalars[k * columns + j] }
            result[i * columns + j] = total
        }
    }
    return result
}
