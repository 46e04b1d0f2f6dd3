import DescentTensor
import Testing

/// Quantiles and ordering: selecting elements by rank. Expected values are NumPy's
/// `np.quantile` (default method) and `np.argsort(kind="stable")`.
@Suite struct IndexingQuantileTests {
    static let x = Tensor(shape: [3, 4], scalars: [3, 1, 4, 1.5, 5, 9, 2, 6, 5.5, 3.5, 8, 9.7])

    @Test(arguments: [
        (0.0, 1.0, [3.0, 1.0, 2.0, 1.5], [1.0, 2.0, 3.5]),
        (0.1, 1.55, [3.4, 1.5, 2.4, 2.4], [1.15, 2.9000000000000004, 4.1]),
        (0.25, 2.75, [4.0, 2.25, 3.0, 3.75], [1.375, 4.25, 5.0]),
        (0.5, 4.5, [5.0, 3.5, 4.0, 6.0], [2.25, 5.5, 6.75]),
        (0.7, 5.85, [5.2, 5.699999999999999, 5.6, 7.4799999999999995], [3.0999999999999996, 6.299999999999999, 8.17]),
        (1.0, 9.7, [5.5, 9.0, 8.0, 9.7], [4.0, 9.0, 9.7]),
    ] as [(Double, Double, [Double], [Double])])
    func quantileMatchesNumPy(q: Double, all: Double, alongRows: [Double], alongColumns: [Double]) throws {
        #expect(try Self.x.quantile(q, axis: nil) == Tensor(all))
        #expect(try Self.x.quantile(q, axis: 0) == Tensor(vector: alongRows))
        #expect(try Self.x.quantile(q, axis: -1) == Tensor(vector: alongColumns))
    }

    @Test func quantileEdgeCases() throws {
        #expect(try Tensor(vector: [1, .nan, 3]).quantile(0.5, axis: nil).scalars[0].isNaN)
        #expect(try Tensor(7).quantile(0.3, axis: nil) == Tensor(7))
        #expect(throws: TensorError("quantile must be between 0 and 1, got 1.5")) { try Self.x.quantile(1.5, axis: nil) }
        #expect(throws: TensorError("quantile must be between 0 and 1, got nan")) { try Self.x.quantile(.nan, axis: nil) }
        #expect(throws: TensorError("quantile of an empty tensor")) { try Tensor(vector: []).quantile(0.5, axis: nil) }
        #expect(throws: TensorError("axis 2 is out of bounds for a tensor of rank 2")) { try Self.x.quantile(0.5, axis: 2) }
    }

    @Test func interpolationNamesTheNeighbours() throws {
        // Sorted [1, 2, 3, 4] at virtual index 0.4·3 = 1.2: between 2 (offset 3) and 3 (offset 0).
        let plan = try Tensor(vector: [3, 4, 1, 2]).quantileInterpolation(0.4, axis: nil)
        #expect(plan.lowerOffsets == [3] && plan.upperOffsets == [0])
        #expect(abs(plan.fractions[0] - 0.2) < 1e-12)
    }

    @Test func argsortIsStable() {
        #expect(Tensor(vector: [3, 1, 2, 1, 3, 0]).argsortAscending() == [5, 1, 3, 2, 0, 4])
        #expect(Tensor(vector: [.nan, 2, -1]).argsortAscending() == [2, 1, 0])
    }
}
