import DescentTensor
import Testing

/// Rank-2 broadcasts (matrix with matrix, row vector, column, scalar) and their gradient
/// sums take direct row loops; the same operands with a leading axis of 1 take the
/// general loop with a carried multi-index. Both must give the same bits, and the bits of
/// one operation per element.
@Suite struct ElementwiseFastPathTests {
    private static let extents = [(0, 3), (3, 0), (1, 1), (1, 5), (4, 1), (3, 4), (5, 7)]

    /// Operand shapes broadcasting with an m × n matrix, and a way to read each element.
    private static func partnerShapes(_ m: Int, _ n: Int) -> [[Int]] {
        [[m, n], [n], [1, n], [m, 1], [1, 1], [1], []]
    }

    @Test func rankTwoBroadcastsMatchTheGeneralLoop() throws {
        var random = PointGenerator(seed: 3)
        for (m, n) in Self.extents {
            let matrix = sampleTensor([m, n], &random)
            for partnerShape in Self.partnerShapes(m, n) {
                let partner = sampleTensor(partnerShape, &random)
                for operation in ElementwiseOperation.allCases {
                    for (left, right) in [(matrix, partner), (partner, matrix)] {
                        let fast = try left.elementwise(operation, right)
                        let general = try lifted(left).elementwise(operation, lifted(right))
                        #expect(fast.shape == [m, n])
                        #expect(general.shape == [1, m, n])
                        #expect(
                            fast.scalars.map(\.bitPattern) == general.scalars.map(\.bitPattern),
                            "\(operation) \(left.shape) with \(right.shape)"
                        )
                    }
                }
            }
        }
    }

    @Test func matrixPlusRowAndColumnAddOneElementEach() throws {
        var random = PointGenerator(seed: 4)
        let matrix = sampleTensor([5, 7], &random)
        let row = sampleTensor([7], &random)
        let column = sampleTensor([5, 1], &random)
        let withRow = try matrix.elementwise(.add, row)
        let withColumn = try column.elementwise(.subtract, matrix)
        for i in 0..<5 {
            for j in 0..<7 {
                #expect(withRow.scalars[i * 7 + j].bitPattern == (matrix.scalars[i * 7 + j] + row.scalars[j]).bitPattern)
                #expect(withColumn.scalars[i * 7 + j].bitPattern == (column.scalars[i] - matrix.scalars[i * 7 + j]).bitPattern)
            }
        }
    }

    @Test func gradientSumsMatchTheGeneralLoop() {
        var random = PointGenerator(seed: 5)
        for (m, n) in Self.extents {
            let gradient = sampleTensor([m, n], &random)
            for target in Self.partnerShapes(m, n) {
                let fast = gradient.summed(toShape: target)
                let general = lifted(gradient).summed(toShape: [1] + target)
                #expect(fast.shape == target)
                #expect(fast.scalars.map(\.bitPattern) == general.scalars.map(\.bitPattern), "\([m, n]) to \(target)")
            }
        }
    }

    /// Sums over axis 0 and along rows, added in row-major order from 0 as the element
    /// loop adds them.
    @Test func gradientSumsAddInRowMajorOrder() {
        var random = PointGenerator(seed: 6)
        let (m, n) = (6, 9)
        let gradient = sampleTensor([m, n], &random)
        let columnSums = gradient.summed(toShape: [1, n])
        let rowSums = gradient.summed(toShape: [m, 1])
        for j in 0..<n {
            var total = 0.0
            for i in 0..<m { total += gradient.scalars[i * n + j] }
            #expect(columnSums.scalars[j].bitPattern == total.bitPattern)
        }
        for i in 0..<m {
            var total = 0.0
            for j in 0..<n { total += gradient.scalars[i * n + j] }
            #expect(rowSums.scalars[i].bitPattern == total.bitPattern)
        }
        // A worked case: [[1, 2], [3, 4]] sums to [4, 6] down and [3, 7] across.
        let small = Tensor(shape: [2, 2], scalars: [1, 2, 3, 4])
        #expect(small.summed(toShape: [2]).scalars == [4, 6])
        #expect(small.summed(toShape: [2, 1]).scalars == [3, 7])
        #expect(Tensor(shape: [0, 3], scalars: []).summed(toShape: [3]).scalars == [0, 0, 0])
    }

    @Test func broadcastCopiesMatchIndexing() throws {
        let row = Tensor(shape: [3], scalars: [1, 2, 3])
        let column = Tensor(shape: [2, 1], scalars: [10, 20])
        #expect(try row.broadcast(to: [2, 3]).scalars == [1, 2, 3, 1, 2, 3])
        #expect(try column.broadcast(to: [2, 3]).scalars == [10, 10, 10, 20, 20, 20])
        #expect(try column.broadcast(to: [2, 2, 3]).scalars == [10, 10, 10, 20, 20, 20, 10, 10, 10, 20, 20, 20])
        #expect(try row.broadcast(to: [0, 3]).scalars.isEmpty)
    }

    /// The same elements with a leading axis of extent 1, which sends them down the
    /// general loop.
    private func lifted(_ tensor: Tensor) -> Tensor {
        Tensor(shape: [1] + tensor.shape, scalars: tensor.scalars)
    }

    /// Random values with zeros, a negative zero, infinities and NaN sprinkled in.
    private func sampleTensor(_ shape: [Int], _ random: inout PointGenerator) -> Tensor {
        let count = shape.reduce(1, *)
        let specials: [Double] = [0, -0.0, .infinity, -.infinity, .nan, 2]
        let values = (0..<count).map { index in
            index % 5 == 4 ? specials[Int(random.next() % 6)] : random.uniform(in: -3...3)
        }
        return Tensor(shape: shape, scalars: values)
    }
}
