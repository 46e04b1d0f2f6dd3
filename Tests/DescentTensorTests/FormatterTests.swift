import DescentTensor
import Testing

@Suite struct FormatterTests {
    let formatter = TensorFormatter()

    @Test(arguments: [
        (3.0, "3"), (-2, "-2"), (-0.0, "0"), (0, "0"), (4.51, "4.51"), (-0.31, "-0.31"),
        (0.4001572083672233, "0.400157"), (1e-5, "1e-05"), (1.5e20, "1.5e+20"), (2.5e-7, "2.5e-07"),
        (1.23456789e-5, "1.234568e-05"), (1e16, "1e+16"), (-9_999_999_999_999_998, "-9999999999999998"),
        (0.0001, "0.0001"), (0.99999999, "1"), (123_456.1234567, "123456.123457"),
        (.nan, "nan"), (.infinity, "inf"), (-.infinity, "-inf"),
    ] as [(Double, String)])
    func numbers(value: Double, expected: String) {
        #expect(formatter.format(number: value) == expected)
    }

    @Test func fewerDecimals() {
        var short = TensorFormatter()
        short.maxDecimals = 2
        #expect(short.format(number: 3.14159) == "3.14")
        #expect(short.format(number: -0.001) == "0")
        #expect(short.format(number: 1.2345e-7) == "1.23e-07")
    }

    @Test func scalarsAndVectors() {
        #expect(formatter.format(Tensor(2.5)) == "2.5")
        #expect(formatter.format(Tensor(vector: [1.764052345967664, 0.4001572083672233, 0.9787379841057392]))
            == "[1.764052, 0.400157, 0.978738]")
        #expect(formatter.format(Tensor(vector: [1, 2.5, 3])) == "[1, 2.5, 3]")
        #expect(formatter.format(Tensor(vector: [])) == "[]")
        #expect(formatter.format(Tensor(repeating: 0, shape: [0, 3])) == "[]  shape [0, 3]")
    }

    @Test func matricesAlignToTheWidestElement() {
        let matrix = Tensor(shape: [2, 2], scalars: [1, 2.5, -3, 4])
        #expect(formatter.format(matrix) == "[[  1, 2.5],\n [ -3,   4]]")
    }

    @Test func higherRanksSeparateBlocksWithBlankLines() {
        let cube = Tensor(shape: [2, 2, 2], scalars: (0..<8).map(Double.init))
        #expect(formatter.format(cube) == "[[[0, 1],\n  [2, 3]],\n\n [[4, 5],\n  [6, 7]]]")
        let four = Tensor(shape: [2, 1, 1, 1], scalars: [1, 2])
        #expect(formatter.format(four) == "[[[[1]]],\n\n\n [[[2]]]]")
    }

    @Test func longVectorsAreElided() {
        let long = Tensor(vector: (0..<200).map(Double.init))
        #expect(formatter.format(long) == "[0, 1, 2, …, 197, 198, 199]")
        #expect(formatter.format(Tensor(vector: (0..<100).map(Double.init))).hasSuffix("98, 99]"))
    }

    @Test func tallMatricesElideRowsAndShowTheShape() {
        let tall = Tensor(shape: [100, 3], scalars: (0..<300).map(Double.init))
        let expected = """
            [[  0,   1,   2],
             [  3,   4,   5],
             [  6,   7,   8],
             …,
             [291, 292, 293],
             [294, 295, 296],
             [297, 298, 299]]  shape [100, 3]
            """
        #expect(formatter.format(tall) == expected)
    }

    @Test func wideMatricesElideBothAxes() {
        let square = Tensor(shape: [20, 20], scalars: (0..<400).map(Double.init))
        let expected = """
            [[  0,   1,   2, …,  17,  18,  19],
             [ 20,  21,  22, …,  37,  38,  39],
             [ 40,  41,  42, …,  57,  58,  59],
             …,
             [340, 341, 342, …, 357, 358, 359],
             [360, 361, 362, …, 377, 378, 379],
             [380, 381, 382, …, 397, 398, 399]]  shape [20, 20]
            """
        #expect(formatter.format(square) == expected)
    }

    @Test func elidedBlocks() {
        var small = TensorFormatter()
        small.threshold = 4
        small.edgeItems = 1
        let blocks = Tensor(shape: [3, 2, 1], scalars: (0..<6).map(Double.init))
        #expect(small.format(blocks) == "[[[0],\n  [1]],\n\n …,\n\n [[4],\n  [5]]]  shape [3, 2, 1]")
    }
}
