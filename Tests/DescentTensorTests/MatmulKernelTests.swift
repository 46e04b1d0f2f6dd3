import DescentTensor
import Testing

/// The fast matrix-product kernels (packed tiles, matrix-vector, transposed operands, two
/// threads) against the textbook triple loop. Every kernel sums each element over `k` in
/// order with separate multiplies and adds, so the results must be identical, bit for bit.
@Suite struct MatmulKernelTests {
    /// Extents around the tile (4), the blocks (48 rows, 256 inner, 256 columns) and the
    /// size at which a second thread joins.
    @Test(arguments: [
        (1, 1, 1), (1, 7, 5), (5, 7, 1), (1, 300, 1), (3, 2, 64), (2, 1024, 64), (5, 7, 9),
        (4, 4, 4), (33, 65, 17), (97, 300, 130), (50, 257, 263), (128, 128, 128), (10_000, 100, 1), (1, 100, 10_000),
    ])
    func productMatchesTripleLoopExactly(extents: (Int, Int, Int)) throws {
        let (rows, inner, columns) = extents
        let a = randomMatrix(rows, inner, seed: 1)
        let b = randomMatrix(inner, columns, seed: 2)
        let product = try a.matmul(b)
        #expect(product.shape == [rows, columns])
        #expect(product.scalars == tripleLoop(a, b))
    }

    @Test(arguments: [(1, 9, 1), (6, 5, 1), (300, 100, 1), (1, 10_000, 100), (70, 300, 90), (2, 1024, 64)])
    func transposedOperandsMatchExplicitTransposes(extents: (Int, Int, Int)) throws {
        let (rows, inner, columns) = extents
        let a = randomMatrix(rows, inner, seed: 3)
        let b = randomMatrix(inner, columns, seed: 4)
        let storedA = a.transposed
        let storedB = b.transposed
        let expected = tripleLoop(a, b)
        #expect(try storedA.matmul(b, transposingLeft: true).scalars == expected)
        #expect(try a.matmul(storedB, transposingRight: true).scalars == expected)
        #expect(try storedA.matmul(storedB, transposingLeft: true, transposingRight: true).scalars == expected)
    }

    @Test func largeMatrixTimesVectorMatchesTripleLoop() throws {
        let x = randomMatrix(10_000, 100, seed: 5)
        let w = Tensor(vector: randomMatrix(100, 1, seed: 6).scalars)
        let r = Tensor(vector: randomMatrix(10_000, 1, seed: 7).scalars)
        #expect(try x.matmul(w).scalars == tripleLoop(x, randomMatrix(100, 1, seed: 6)))
        // X.T @ r, the gradient of a least-squares loss, without materialising X.T.
        let gradient = try x.matmul(r, transposingLeft: true)
        #expect(gradient.shape == [100])
        #expect(gradient.scalars == tripleLoop(x.transposed, randomMatrix(10_000, 1, seed: 7)))
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
        let product = try a.matmul(b).scalars
        let expected = tripleLoop(a, b)
        for (actual, wanted) in zip(product, expected) {
            #expect(actual == wanted || (actual.isNaN && wanted.isNaN), "\(actual) != \(wanted)")
        }
    }
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
