import DescentTensor
import Testing

/// Every expected value here was printed by NumPy 2.4 (`numpy.random.RandomState`).
@Suite struct RandomStateTests {
    @Test func randnMatchesNumPy() {
        var random = RandomState(seed: 0)
        #expect(random.randn(shape: [3]).scalars == [1.764052345967664, 0.4001572083672233, 0.9787379841057392])
    }

    @Test func randMatchesNumPy() {
        var random = RandomState(seed: 0)
        #expect(random.rand(shape: [2]).scalars == [0.5488135039273248, 0.7151893663724195])
    }

    /// `r.randn(3); r.randn(2); r.rand(1)`: the cached second gauss value carries over.
    @Test func oddNormalCountKeepsTheCachedValue() {
        var random = RandomState(seed: 0)
        _ = random.randn(shape: [3])
        #expect(random.randn(shape: [2]).scalars == [2.240893199201458, 1.8675579901499675])
        #expect(random.randomSample() == 0.4375872112626925)
    }

    /// `r = RandomState(5); r.randn(1); r.rand(1); r.randn(1)`: a uniform draw in between
    /// does not discard the cached normal.
    @Test func uniformDrawBetweenNormalsKeepsTheCache() {
        var random = RandomState(seed: 5)
        #expect(random.standardNormal() == 0.44122748688504143)
        #expect(random.randomSample() == 0.20671915533942642)
        #expect(random.standardNormal() == -0.33087015189408764)
    }

    /// `r = RandomState(0); r.randint(0, n, size=6); r.rand(1)`.
    @Test(arguments: [
        (1, [0, 0, 0, 0, 0, 0], 0.5488135039273248),
        (2, [0, 1, 1, 0, 1, 1], 0.5448831829968969),
        (10, [5, 0, 3, 3, 7, 9], 0.6235636967859723),
        (1000, [684, 559, 629, 192, 835, 763], 0.5448831829968969),
        (2_147_483_653, [1_819_583_497, 1_650_906_866, 1_879_422_756, 1_277_901_399, 243_580_376, 1_171_049_868], 0.3834415188257777),
        (4_294_967_296, [2_357_136_044, 2_546_248_239, 3_071_714_933, 3_626_093_760, 2_588_848_963, 3_684_848_379], 0.5448831829968969),
        (4_294_967_303, [2_546_248_239, 1_277_901_399, 243_580_376, 1_171_049_868, 2_051_556_033, 3_488_238_119], 0.5288949197529045),
        (1_099_511_627_776, [741_280_623_151, 506_137_267_392, 291_447_657_211, 841_157_541_223, 41_332_891_347, 91_845_220_082], 0.4375872112626925),
    ] as [(Int, [Int], Double)])
    func randintMatchesNumPy(range: Int, expected: [Int], nextSample: Double) {
        var random = RandomState(seed: 0)
        #expect(random.randint(low: 0, high: range, shape: [6]).scalars == expected.map(Double.init))
        #expect(random.randomSample() == nextSample)
    }

    @Test func randintWithNegativeAndWideBounds() {
        var random = RandomState(seed: 42)
        #expect((0..<8).map { _ in random.randint(low: -5, high: 5) } == [1, -2, 2, -1, 1, 4, -3, 1])
        var wide = RandomState(seed: 1)
        let values = (0..<3).map { _ in wide.randint(low: -(1 << 62), high: 1 << 62) }
        #expect(values == [3_081_012_064_131_973_355, -547_416_547_354_995_640, -4_609_576_059_358_362_743])
    }

    @Test func scalarRandintThenSample() {
        var random = RandomState(seed: 3)
        #expect(random.randint(low: 2, high: 9) == 4)
        #expect(random.randint(low: 2, high: 9) == 2)
        #expect(random.randomSample() == 0.7081478226181048)
    }

    @Test(arguments: [
        (0, [2, 8, 4, 9, 1, 6, 7, 3, 0, 5]),
        (1, [2, 9, 6, 4, 0, 3, 1, 7, 8, 5]),
        (42, [8, 1, 5, 0, 7, 2, 9, 4, 3, 6]),
        (4_294_967_295, [6, 9, 5, 1, 8, 0, 7, 4, 2, 3]),
    ] as [(UInt32, [Int])])
    func permutationMatchesNumPy(seed: UInt32, expected: [Int]) {
        var random = RandomState(seed: seed)
        #expect(random.permutation(10) == expected)
    }

    @Test func shuffleOfSevenItemsMatchesNumPy() {
        var random = RandomState(seed: 3)
        var items = ["a", "b", "c", "d", "e", "f", "g"]
        random.shuffle(&items)
        #expect(items == ["e", "g", "f", "d", "b", "a", "c"])
        #expect(random.randomSample() == 0.510827605197663)
    }

    @Test func shuffledRowsMatchesNumPyOnAMatrix() throws {
        var random = RandomState(seed: 3)
        let matrix = Tensor(shape: [4, 3], scalars: (0..<12).map(Double.init))
        let shuffled = try random.shuffledRows(matrix)
        #expect(shuffled.shape == [4, 3])
        #expect(shuffled.scalars == [9, 10, 11, 3, 4, 5, 0, 1, 2, 6, 7, 8])
        #expect(throws: TensorError("cannot shuffle a scalar")) { try random.shuffledRows(Tensor(1)) }
    }

    @Test(arguments: [
        (1, [0.417022004702574, 0.7203244934421581], [-0.5281717522634557, -1.0729686221561705]),
        (123_456_789, [0.532833024789759, 0.5341366008904166], [1.8417114045748335, 0.08238247951406152]),
        (4_294_967_295, [0.0976320289940138, 0.9123828453026218], [0.6484086742306527, 0.6693235306338161]),
    ] as [(UInt32, [Double], [Double])])
    func seedsMatchNumPy(seed: UInt32, uniforms: [Double], normals: [Double]) {
        var random = RandomState(seed: seed)
        #expect(random.rand(shape: [2]).scalars == uniforms)
        #expect(random.randn(shape: [2]).scalars == normals)
    }

    @Test func uniformMatchesNumPy() {
        var random = RandomState(seed: 7)
        let values = (0..<3).map { _ in random.uniform(low: -2, high: 3) }
        #expect(values == [-1.618458553130214, 1.8995939612005732, 0.1920461572044676])
    }

    @Test func tensorHelpersKeepTheShape() {
        var random = RandomState(seed: 0)
        let matrix = random.randn(shape: [2, 2])
        #expect(matrix.shape == [2, 2])
        #expect(matrix.scalars[0] == 1.764052345967664)
        #expect(random.rand(shape: []).shape == [])
        #expect(random.permutation(0) == [])
    }
}
