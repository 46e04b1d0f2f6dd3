import DescentTensor
import Testing

/// Expected values printed by NumPy's `@`.
@Suite struct MatmulTests {
    @Test func matrixTimesMatrix() throws {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        let b = Tensor(shape: [3, 2], scalars: [1, -1, 0.5, 2, 3, 0])
        expectKernelResult(try a.matmul(b), shape: [2, 2], [11, 3, 24.5, 6])
    }

    @Test func vectorTimesVectorIsAScalarDot() throws {
        expectKernelResult(try Tensor(vector: [1, 2, 3]).matmul(Tensor(vector: [4, 5, 6])), shape: [], [32])
    }

    @Test func matrixTimesVectorIsAVector() throws {
        let a = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
        expectKernelResult(try a.matmul(Tensor(vector: [1, -1])), shape: [3], [-1, -1, -1])
    }

    @Test func vectorTimesMatrixIsAVector() throws {
        let b = Tensor(shape: [3, 2], scalars: [1, 2, 3, 4, 5, 6])
        expectKernelResult(try Tensor(vector: [1, -1, 2]).matmul(b), shape: [2], [8, 10])
    }

    @Test func emptyInnerExtentGivesZeros() throws {
        let a = Tensor(shape: [2, 0], scalars: [])
        let b = Tensor(shape: [0, 3], scalars: [])
        expectKernelResult(try a.matmul(b), shape: [2, 3], [0, 0, 0, 0, 0, 0])
    }

    @Test func mismatchedShapesAreErrors() {
        let a = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        #expect(kernelErrorMessage { try a.matmul(Tensor(vector: [1, 2, 3, 4])) } == "cannot matmul shapes [2, 3] and [4]")
        #expect(kernelErrorMessage { try Tensor(2).matmul(a) } == "matmul needs 1-D or 2-D operands, got shapes [] and [2, 3]")
        let cube = Tensor(repeating: 1, shape: [2, 2, 2])
        #expect(kernelErrorMessage { try cube.matmul(a) } == "matmul needs 1-D or 2-D operands, got shapes [2, 2, 2] and [2, 3]")
    }

    @Test func blockedKernelAgreesWithNaiveTripleLoop() throws {
        // Extents past the kernel's block sizes (128 inner, 512 columns) exercise every edge.
        let (rows, inner, columns) = (7, 300, 530)
        let a = randomMatrix(rows, inner, seed: 42)
        let b = randomMatrix(inner, columns, seed: 43)
        expectKernelResult(try a.matmul(b), shape: [rows, columns], tripleLoop(a, b), tolerance: 1e-12)
    }

    @Test func transposeReversesAxes() {
        let m = Tensor(shape: [2, 3], scalars: [1, 2, 3, 4, 5, 6])
        expectKernelResult(m.transposed, shape: [3, 2], [1, 4, 2, 5, 3, 6])
        expectKernelResult(Tensor(vector: [1, 2]).transposed, shape: [2], [1, 2])
        // np.transpose(np.arange(24.).reshape(2,3,4)).reshape(-1)[:8]
        let cube = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Double.init))
        let reversed = cube.transposed
        #expect(reversed.shape == [4, 3, 2])
        #expect(Array(reversed.scalars.prefix(8)) == [0, 12, 4, 16, 8, 20, 1, 13])
    }
}

/// A tiny deterministic generator (SplitMix64) for test data in [-1, 1).
struct SplitMix {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func nextUnit() -> Double {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        z ^= z >> 31
        return Double(z >> 11) / Double(1 << 53) * 2 - 1
    }
}
