import DescentTensor
import Testing

/// Expected values printed by NumPy.
@Suite struct ReductionTests {
    let matrix = Tensor(shape: [2, 3], scalars: [1, 5, 3, 4, 2, 6])

    @Test func reduceAlongAnAxis() throws {
        expectKernelResult(try matrix.reduced(.sum, axis: 0), shape: [3], [5, 7, 9])
        expectKernelResult(try matrix.reduced(.mean, axis: 1), shape: [2], [3, 4])
        expectKernelResult(try matrix.reduced(.max, axis: 0), shape: [3], [4, 5, 6])
        expectKernelResult(try matrix.reduced(.min, axis: -1), shape: [2], [1, 2])
        expectKernelResult(try matrix.reduced(.norm, axis: 1), shape: [2], [5.916079783099616, 7.483314773547883])
    }

    @Test func reduceEverything() throws {
        expectKernelResult(try matrix.reduced(.sum, axis: nil), shape: [], [21])
        expectKernelResult(try matrix.reduced(.min, axis: nil), shape: [], [1])
        expectKernelResult(try matrix.reduced(.norm, axis: nil), shape: [], [9.539392014169456])
        expectKernelResult(try matrix.reduced(.argmax, axis: nil), shape: [], [5])
        expectKernelResult(try Tensor(7).reduced(.mean, axis: nil), shape: [], [7])
    }

    @Test func keepDimsKeepsExtentOne() throws {
        expectKernelResult(try matrix.reduced(.sum, axis: -1, keepDims: true), shape: [2, 1], [9, 12])
        expectKernelResult(try matrix.reduced(.max, axis: nil, keepDims: true), shape: [1, 1], [6])
        // np.arange(24.).reshape(2,3,4).sum(axis=1) and .max(axis=-3, keepdims=True)
        let cube = Tensor(shape: [2, 3, 4], scalars: (0..<24).map(Double.init))
        expectKernelResult(try cube.reduced(.sum, axis: 1), shape: [2, 4], [12, 15, 18, 21, 48, 51, 54, 57])
        expectKernelResult(try cube.reduced(.max, axis: -3, keepDims: true), shape: [1, 3, 4], (12..<24).map(Double.init))
    }

    @Test func argmaxAndArgminPickTheFirstTie() throws {
        let ties = Tensor(shape: [2, 3], scalars: [1, 3, 3, 2, 2, 1])
        expectKernelResult(try ties.reduced(.argmax, axis: 1), shape: [2], [1, 0])
        let lows = Tensor(shape: [2, 3], scalars: [1, 3, 3, 1, 0, 0])
        expectKernelResult(try lows.reduced(.argmin, axis: 0), shape: [3], [0, 1, 1])
        expectKernelResult(try Tensor(vector: [1, 3, 3, 2]).reduced(.argmax, axis: nil), shape: [], [1])
        expectKernelResult(try Tensor(vector: [1, .nan, 3, .nan]).reduced(.argmax, axis: nil), shape: [], [1])
    }

    @Test func emptyReductionsFollowNumPy() throws {
        let empty = Tensor(shape: [0], scalars: [])
        expectKernelResult(try empty.reduced(.sum, axis: nil), shape: [], [0])
        expectKernelResult(try empty.reduced(.mean, axis: nil), shape: [], [.nan])
        #expect(kernelErrorMessage { try empty.reduced(.max, axis: nil) } == "cannot take the max of an empty tensor")
        #expect(kernelErrorMessage { try empty.reduced(.argmin, axis: 0) } == "cannot take the argmin of an empty tensor")
        // np.zeros((0, 3)).max(axis=1) is an empty array, not an error.
        expectKernelResult(try Tensor(shape: [0, 3], scalars: []).reduced(.max, axis: 1), shape: [0], [])
    }

    @Test func maxPropagatesNaN() throws {
        expectKernelResult(try Tensor(vector: [1, .nan, 3]).reduced(.max, axis: nil), shape: [], [.nan])
    }

    @Test func outOfRangeAxesAreErrors() {
        #expect(kernelErrorMessage { try self.matrix.reduced(.sum, axis: 2) } == "axis 2 is out of bounds for a tensor of rank 2")
        #expect(kernelErrorMessage { try self.matrix.reduced(.mean, axis: -3) } == "axis -3 is out of bounds for a tensor of rank 2")
        #expect(kernelErrorMessage { try Tensor(1).reduced(.sum, axis: 0) } == "axis 0 is out of bounds for a tensor of rank 0")
    }

    @Test func softmaxIsStableForLargeValues() throws {
        let x = Tensor(shape: [2, 3], scalars: [1000, 1001, 1002, -1000, -1000, -1000])
        let third = 1.0 / 3
        expectKernelResult(
            try x.softmax(), shape: [2, 3],
            [0.09003057317038046, 0.24472847105479764, 0.6652409557748218, third, third, third]
        )
        expectKernelResult(try x.softmax(axis: 0), shape: [2, 3], [1, 1, 1, 0, 0, 0])
        #expect(kernelErrorMessage { try Tensor(1).softmax() } == "axis -1 is out of bounds for a tensor of rank 0")
    }

    @Test func logsumexpIsStableForLargeValues() throws {
        let x = Tensor(shape: [2, 3], scalars: [1000, 1001, 1002, -1000, -1000, -1000])
        expectKernelResult(try x.logsumexp(axis: nil), shape: [], [1002.4076059644444])
        expectKernelResult(try x.logsumexp(axis: 1), shape: [2], [1002.4076059644444, -998.9013877113318])
        expectKernelResult(try x.logsumexp(axis: -1, keepDims: true), shape: [2, 1], [1002.4076059644444, -998.9013877113318])
        // scipy.special.logsumexp: an empty set gives -inf, an infinite maximum gives itself.
        expectKernelResult(try Tensor(shape: [0], scalars: []).logsumexp(axis: nil), shape: [], [-.infinity])
        expectKernelResult(try Tensor(vector: [.infinity, 1]).logsumexp(axis: nil), shape: [], [.infinity])
        expectKernelResult(try Tensor(vector: [-.infinity, -.infinity]).logsumexp(axis: nil), shape: [], [-.infinity])
    }
}
