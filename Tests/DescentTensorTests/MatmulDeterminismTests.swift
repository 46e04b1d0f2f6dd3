import DescentTensor
import Testing

/// A product's bits depend only on its operands: not on the run, the thread timing, how the
/// output is split between threads or tiles, or which kernel computes a part of it.
@Suite struct MatmulDeterminismTests {
    @Test func sameProductTwiceGivesIdenticalBits() throws {
        let a = randomMatrix(300, 257, seed: 11)
        let b = randomMatrix(257, 301, seed: 12)
        #expect(try a.matmul(b).scalars == a.matmul(b).scalars)
        let x = randomMatrix(10_000, 100, seed: 13)
        let w = Tensor(vector: randomMatrix(100, 1, seed: 14).scalars)
        let r = Tensor(vector: randomMatrix(10_000, 1, seed: 15).scalars)
        #expect(try x.matmul(w).scalars == x.matmul(w).scalars)
        #expect(try x.matmul(r, transposingLeft: true).scalars == x.matmul(r, transposingLeft: true).scalars)
    }

    /// Rows computed on their own (one thread, other tiles, possibly another kernel) have
    /// the bits they have inside the large product, which two threads share.
    @Test func rowsAloneMatchTheirPlaceInALargeProduct() throws {
        let (rows, inner, columns) = (600, 300, 520)
        let a = randomMatrix(rows, inner, seed: 16)
        let b = randomMatrix(inner, columns, seed: 17)
        let whole = try a.matmul(b).scalars
        for (start, count) in [(0, 1), (0, 7), (293, 13), (595, 5)] {
            let block = Tensor(shape: [count, inner], scalars: Array(a.scalars[(start * inner)..<((start + count) * inner)]))
            let part = try block.matmul(b).scalars
            #expect(part == Array(whole[(start * columns)..<((start + count) * columns)]), "rows \(start)..<\(start + count)")
        }
    }

    /// `X @ w` and `Xᵀ @ r` with W2's shapes: parts of the output computed alone match.
    /// (A single column would be a dot product of two vectors, summed in lanes instead.)
    @Test func matrixVectorPartsMatchTheWhole() throws {
        let (rows, inner) = (10_000, 100)
        let x = randomMatrix(rows, inner, seed: 18)
        let w = Tensor(vector: randomMatrix(inner, 1, seed: 19).scalars)
        let r = Tensor(vector: randomMatrix(rows, 1, seed: 20).scalars)
        let products = try x.matmul(w).scalars
        for (start, count) in [(0, 5), (4998, 5), (9999, 1)] {
            let block = Tensor(shape: [count, inner], scalars: Array(x.scalars[(start * inner)..<((start + count) * inner)]))
            #expect(try block.matmul(w).scalars == Array(products[start..<(start + count)]), "rows \(start)..<\(start + count)")
        }
        let gradient = try x.matmul(r, transposingLeft: true).scalars
        for (start, count) in [(0, 7), (45, 10), (97, 3)] {
            var columns = [Double]()
            for row in 0..<rows { columns += x.scalars[(row * inner + start)..<(row * inner + start + count)] }
            let slice = Tensor(shape: [rows, count], scalars: columns)
            #expect(try r.matmul(slice).scalars == Array(gradient[start..<(start + count)]), "columns \(start)..<\(start + count)")
        }
    }
}
